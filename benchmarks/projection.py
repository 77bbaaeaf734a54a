"""Benchmark: the people graph of a synthetic region, netmap vs networkx's bipartite projection.

For each size, generates ``netmap.synthetic.generate(n, seed=1)`` (timed too), then times

* netmap: ``Network.graph(level="people")``, from the validated tables to a networkx graph
  with node attributes and the weights ``weight``, ``collaborations``, ``newman``, ``recency``
  (one sparse product of the incidence matrix with its transpose per weight);
* networkx: building the two-mode graph from the same participation table and
  ``networkx.algorithms.bipartite.weighted_projected_graph`` on its people (one weight, no
  node attributes), the plain networkx way to do the same work.

It checks that both give the same edges with the same shared-collaboration counts, and prints
a Markdown table for benchmarks/README.md: medians of several runs, wall clock and CPU time of
the process, and the ratio networkx / netmap.

Run from the repository root::

    uv run python benchmarks/projection.py                      # 10,000 and 100,000 people
    uv run python benchmarks/projection.py --sizes 10000 --runs 5 --steps  # where time goes
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import NamedTuple

import networkx as nx
import numpy as np
from networkx.algorithms import bipartite

import netmap
from netmap.schema import node_id


class Timing(NamedTuple):
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s)"


def median_seconds(run: Callable[[], object], runs: int) -> tuple[Timing, object]:
    """Median wall-clock and CPU seconds of ``runs`` calls, and the last result.

    CPU time (this process, all threads) is reported beside wall time because the machine
    may be shared: other processes stretch wall time but hardly this process's CPU time.
    """
    walls, cpus, result = [], [], None
    for _ in range(runs):
        result = None
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(statistics.median(walls), statistics.median(cpus)), result


def networkx_projection(net: netmap.Network) -> nx.Graph:
    """People graph the plain networkx way: a two-mode graph, then weighted_projected_graph."""
    part = net.tables["participation"]
    part = part[part["person_id"].notna()]
    people = [node_id("person", p) for p in net.tables["people"]["id"]]
    B = nx.Graph()
    B.add_nodes_from(people, bipartite=0)
    B.add_nodes_from((node_id("collaboration", c) for c in net.tables["collaborations"]["id"]),
                     bipartite=1)  # fmt: skip
    B.add_edges_from(
        zip(
            ("person:" + part["person_id"]).tolist(),
            ("collab:" + part["collaboration_id"]).tolist(),
            strict=True,
        )
    )
    return bipartite.weighted_projected_graph(B, people)


def check_same_edges(ours: nx.Graph, theirs: nx.Graph) -> None:
    """Same edges with the same shared-collaboration counts (direct ties aside)."""
    shared = {frozenset((u, v)): c for u, v, c in ours.edges(data="collaborations") if c > 0}
    projected = {frozenset((u, v)): w for u, v, w in theirs.edges(data="weight")}
    if shared != projected:
        raise AssertionError("netmap and networkx disagree on the people graph")


def _ratio(theirs: Timing, ours: Timing) -> str:
    return f"{theirs.wall / ours.wall:.1f}× ({theirs.cpu / ours.cpu:.1f}×)"


def step_seconds(net: netmap.Network, runs: int) -> dict[str, float]:
    """Median CPU seconds of each step of ``Network.graph(level="people")``.

    Wraps the private steps of :mod:`netmap.network` with a CPU timer for the duration of
    the call: a diagnostic, not part of the comparison.
    """
    steps = {
        "select records": (netmap.network.Network, "_select"),
        "node records": (netmap.network, "_node_records"),
        "add nodes": (netmap.network, "_add_nodes"),
        "incidence matrix": (netmap.network, "_incidence"),
        "add weighted edges": (netmap.network, "_add_weighted_edges"),
        "add direct ties": (netmap.network, "_add_direct_ties"),
    }
    spent: dict[str, list[float]] = {label: [] for label in steps}

    def timed(label, function):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label].append(time.process_time() - start)

        return run

    originals = {label: getattr(owner, name) for label, (owner, name) in steps.items()}
    for label, (owner, name) in steps.items():
        setattr(owner, name, timed(label, originals[label]))
    try:
        total = median_seconds(lambda: net.graph(level="people"), runs)[0].cpu
    finally:
        for label, (owner, name) in steps.items():
            setattr(owner, name, originals[label])
    # Each step runs once per call of graph().
    medians = {label: statistics.median(times) for label, times in spent.items()}
    return {**medians, "everything else": total - sum(medians.values()), "total": total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--runs", type=int, nargs="+", default=[5, 3], help="runs per size (last one repeats)"
    )
    parser.add_argument(
        "--networkx-up-to",
        type=int,
        default=100_000,
        help="skip networkx above this many people",
    )
    parser.add_argument(
        "--steps", action="store_true", help="also print CPU seconds per step of netmap's graph"
    )
    args = parser.parse_args()

    rows = []
    for i, n in enumerate(args.sizes):
        runs = args.runs[min(i, len(args.runs) - 1)]
        generate_s, net = median_seconds(lambda n=n: netmap.synthetic.generate(n, seed=1), runs)
        ours_s, G = median_seconds(lambda net=net: net.graph(level="people"), runs)
        theirs_s = None
        if n <= args.networkx_up_to:
            theirs_s, H = median_seconds(lambda net=net: networkx_projection(net), runs)
            check_same_edges(G, H)
            del H
        t = net.tables
        rows.append(
            (
                f"{n:,}",
                f"{len(t['collaborations']):,}",
                f"{len(t['participation']):,}",
                f"{G.number_of_edges():,}",
                str(runs),
                str(generate_s),
                str(ours_s),
                "not run" if theirs_s is None else str(theirs_s),
                "" if theirs_s is None else _ratio(theirs_s, ours_s),
            )
        )
        if args.steps:
            for label, seconds in step_seconds(net, runs).items():
                print(f"  {n:,} people, {label}: {seconds:.3f} s CPU")
        del G, net
        print(f"done: {n:,} people", flush=True)

    header = (
        "people",
        "collaborations",
        "participation rows",
        "people-graph edges",
        "runs",
        "`synthetic.generate`",
        'netmap `graph(level="people")`',
        "networkx two-mode + `weighted_projected_graph`",
        "networkx / netmap",
    )
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(
        "Medians of the runs: wall-clock seconds (CPU seconds of the process). "
        f"Python {platform.python_version()}, networkx {nx.__version__}, "
        f"numpy {np.__version__}, {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the end."
    )


if __name__ == "__main__":
    main()
