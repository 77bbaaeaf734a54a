"""Benchmark: conveners and what-if removal, netmap against plain networkx doing the same.

``--task conveners`` (default) finds the best set of k conveners; ``--task fragmentation``
ranks every actor by the fragmentation their leaving causes. Each measurement is a separate
Python process (imports, graph generation and the task), run ``--repeat`` times; the table
reports medians of the task alone and of the whole process. The graph is the people graph
of ``netmap.synthetic.generate(n, seed=1)``.

    uv run python benchmarks/conveners.py                       # the tables in README.md
    uv run python benchmarks/conveners.py --task fragmentation
    uv run python benchmarks/conveners.py --sizes 1000 --repeat 3 --networkx-sizes 1000

``networkx_pick_conveners`` is the reference: the greedy start plus swaps of
:func:`netmap.pick_conveners` written with ``nx.single_source_shortest_path_length``, one
breadth-first search per candidate and step, as one would write it with networkx alone.
tests/test_conveners.py checks that both choose the same sets. ``networkx_fragmentation_ranking``
removes each actor in turn (a view, not a copy) and counts the components that are left.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Hashable

import networkx as nx

from netmap import synthetic
from netmap.conveners import pick_conveners
from netmap.whatif import fragmentation_table


def networkx_pick_conveners(G: nx.Graph, k: int) -> tuple[list[Hashable], float]:
    """Greedy plus swaps maximising distance-weighted reach, in plain networkx.

    Returns the chosen nodes (in the order the greedy added them, after swaps) and the
    score: the mean over actors of 1 / (steps to the nearest convener), a convener counting
    1 and an unreachable actor 0. Ties go to the lowest node id, as in netmap.
    """
    nodes = sorted(G)

    def inverse(candidate: Hashable) -> dict[Hashable, float]:
        lengths = nx.single_source_shortest_path_length(G, candidate)
        return {v: 1.0 if d == 0 else 1.0 / d for v, d in lengths.items()}

    def reach(members: list[Hashable]) -> dict[Hashable, float]:
        best: dict[Hashable, float] = {}
        for member in members:
            for v, r in inverse(member).items():
                best[v] = max(best.get(v, 0.0), r)
        return best

    def gains(current: dict[Hashable, float], skip: list[Hashable]) -> dict[Hashable, float]:
        return {
            c: round(sum(max(0.0, r - current.get(v, 0.0)) for v, r in inverse(c).items()), 9)
            for c in nodes
            if c not in skip
        }

    def best_of(candidate_gains: dict[Hashable, float]) -> Hashable:
        top = max(candidate_gains.values())
        return next(c for c in nodes if candidate_gains.get(c) == top)

    chosen: list[Hashable] = []
    for _ in range(k):
        chosen.append(best_of(gains(reach(chosen), chosen)))
    improved = True
    while improved:
        improved = False
        for i in range(k):
            others = chosen[:i] + chosen[i + 1 :]
            candidate_gains = gains(reach(others), others)
            best = best_of(candidate_gains)
            if candidate_gains[best] > candidate_gains[chosen[i]]:
                chosen[i] = best
                improved = True
    return chosen, sum(reach(chosen).values()) / len(nodes)


def networkx_fragmentation_ranking(G: nx.Graph) -> list[tuple[Hashable, float]]:
    """Borgatti's F of the network without each actor, largest first (ties by node id)."""
    remaining = len(G) - 1
    ranking = []
    for node in sorted(G):
        sizes = [len(c) for c in nx.connected_components(nx.restricted_view(G, [node], []))]
        same = sum(s * (s - 1) for s in sizes)
        ranking.append((node, 1 - same / (remaining * (remaining - 1))))
    return sorted(ranking, key=lambda pair: -round(pair[1], 12))


def _people_graph(n: int) -> nx.Graph:
    return synthetic.generate(n, seed=1).graph(level="people")


def _child(task: str, implementation: str, n: int, k: int) -> None:
    """One measured process: build the graph, run the task once, print timings as JSON."""
    G = _people_graph(n)
    start = time.perf_counter()
    if task == "fragmentation":
        if implementation == "netmap":
            nodes = list(fragmentation_table(G).index[:5])
        else:
            nodes = [node for node, _ in networkx_fragmentation_ranking(G)[:5]]
    elif implementation == "netmap":
        nodes = sorted(pick_conveners(G, k=k).index)
    else:
        nodes = sorted(networkx_pick_conveners(G, k)[0])
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "nodes": nodes, "ties": len(G.edges)}))


def _measure(task: str, implementation: str, n: int, k: int, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        command = [sys.executable, __file__, "--task", task, "--child", implementation]
        out = subprocess.run(
            [*command, "--n", str(n), "--k", str(k)], capture_output=True, text=True
        )
        if out.returncode:
            sys.exit(f"{' '.join(command)} --n {n} failed:\n{out.stderr}")
        result = json.loads(out.stdout)
        result["process"] = time.perf_counter() - start
        runs.append(result)
    return {
        "search": statistics.median(r["seconds"] for r in runs),
        "process": statistics.median(r["process"] for r in runs),
        "nodes": runs[0]["nodes"],
        "ties": runs[0]["ties"],
        "runs": len(runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--task", choices=["conveners", "fragmentation"], default="conveners")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000])
    parser.add_argument("--networkx-sizes", type=int, nargs="*", default=[1000, 2000])
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--networkx-repeat", type=int, default=1)
    parser.add_argument("--child", choices=["netmap", "networkx"])
    parser.add_argument("--n", type=int)
    args = parser.parse_args()
    if args.child:
        _child(args.task, args.child, args.n, args.k)
        return
    same_what = "same set" if args.task == "conveners" else "same top 5"
    print(f"| people | ties | netmap (whole process) | networkx | ratio | {same_what} |")
    print("|---:|---:|---:|---:|---:|---|")
    for n in args.sizes:
        ours = _measure(args.task, "netmap", n, args.k, args.repeat)
        line = f"| {n:,} | {ours['ties']:,} | {ours['search']:.2f} s ({ours['process']:.1f} s) "
        if n in args.networkx_sizes:
            theirs = _measure(args.task, "networkx", n, args.k, args.networkx_repeat)
            ratio = theirs["search"] / ours["search"]
            same = "yes" if theirs["nodes"] == ours["nodes"] else "no"
            line += f"| {theirs['search']:.1f} s | {ratio:.0f}x | {same} |"
        else:
            line += "| not run | | |"
        print(line, flush=True)
    print(
        f"\n{args.task}: median of {args.repeat} netmap runs, {args.networkx_repeat} networkx "
        f"run(s); k={args.k}"
    )


if __name__ == "__main__":
    main()
