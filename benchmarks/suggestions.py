"""Benchmark: top-50 suggested introductions on large people graphs, netmap vs networkx.

For each size, generates ``netmap.synthetic.generate(n, seed=1)`` and its people graph, then
times (median of ``--runs``):

* netmap: ``suggest_links(G, k=50)`` with the default score (local path) and with
  ``method="adamic_adar"``: candidates from sparse products over blocks of rows, never the
  n² pairs;
* networkx: ``networkx.adamic_adar_index`` over the same candidates (every non-tied pair
  with a shared contact), then the top 50. Scoring all candidates of a large graph with
  networkx takes too long to repeat, so it is timed on a random sample of 200,000
  candidate pairs and scaled to the number of candidates (stated in the table); at the
  smallest size the whole candidate set is scored, which checks that networkx's top 50
  equals netmap's.

Times are wall clock and, in brackets, CPU time of this process (the machine may be shared:
other processes stretch wall time, hardly CPU time). Prints a Markdown table for
benchmarks/README.md.

Run from the repository root::

    uv run python benchmarks/suggestions.py                       # 2,000, 10,000, 100,000
    uv run python benchmarks/suggestions.py --sizes 10000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from backtest import markdown
from projection import Timing, median_seconds

import netmap
from netmap.arrays import sorted_nodes

SAMPLE = 200_000


def candidate_pairs(G: nx.Graph) -> tuple[list, np.ndarray, np.ndarray]:
    """Every non-tied pair (i < j) with a shared contact, as index arrays into the nodes."""
    nodes = sorted_nodes(G)
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=None, format="csr")
    two = sp.triu(A @ A, k=1).tocsr()
    two = (two - two.multiply(A)).tocoo()
    two.eliminate_zeros()
    return nodes, two.row, two.col


def networkx_top(G: nx.Graph, nodes: list, rows, cols, k: int = 50) -> list:
    scored = nx.adamic_adar_index(
        G, [(nodes[i], nodes[j]) for i, j in zip(rows, cols, strict=True)]
    )
    table = pd.DataFrame(list(scored), columns=["source", "target", "score"])
    table["score"] = table["score"].round(12)
    table = table.sort_values(["score", "source", "target"], ascending=[False, True, True])
    return list(zip(table["source"].head(k), table["target"].head(k), strict=True))


def measure(n: int, runs: int, *, everything: bool) -> dict:
    """Time netmap and networkx on the people graph of a generated region of n people.

    ``everything``: networkx scores every candidate (else a sample, scaled up).
    """
    G = netmap.synthetic.generate(n, seed=1).graph("people")
    nodes, r, c = candidate_pairs(G)
    default, _ = median_seconds(lambda: netmap.suggest_links(G, k=50), runs)
    adamic, ours = median_seconds(lambda: netmap.suggest_links(G, k=50, method="adamic_adar"), runs)
    full = everything or len(r) <= SAMPLE
    pick = (
        np.arange(len(r))
        if full
        else np.random.default_rng(0).choice(len(r), SAMPLE, replace=False)
    )
    wall, cpu = time.perf_counter(), time.process_time()
    top = networkx_top(G, nodes, r[pick], c[pick])
    scale = len(r) / len(pick)
    networkx = Timing((time.perf_counter() - wall) * scale, (time.process_time() - cpu) * scale)
    if full:
        same = top == list(zip(ours["source"], ours["target"], strict=True))
        assert same, "networkx's Adamic-Adar top 50 differs from netmap's"
    return {
        "people": n,
        "ties": G.number_of_edges(),
        "candidate pairs": len(r),
        "netmap local_path, s wall (cpu)": str(default),
        "netmap adamic_adar, s wall (cpu)": str(adamic),
        "networkx adamic_adar_index, s wall (cpu)": str(networkx),
        "networkx timed on": "all candidates" if full else f"{SAMPLE:,} sampled, scaled",
        "ratio networkx / netmap adamic_adar (cpu)": networkx.cpu / adamic.cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, networkx {nx.__version__}\n")  # fmt: skip
    rows = []
    for n in args.sizes:
        rows.append(measure(n, args.runs, everything=n == min(args.sizes)))
        print(markdown(pd.DataFrame(rows[-1:])), flush=True)
    print("\n" + markdown(pd.DataFrame(rows)))


if __name__ == "__main__":
    main()
