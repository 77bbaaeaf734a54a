"""Benchmark: the key-actors table (netmap.key_actors) against plain networkx, and the accuracy
of sampled betweenness and closeness.

Graphs are people graphs of :func:`netmap.synthetic.generate` (seed 0), built once and pickled.
Each measurement is a separate Python process that unpickles the graph and times one call;
the table reports the median wall and CPU time over ``--repeat`` processes, and the peak
memory (max RSS) of the process.

The networkx reference computes the measures networkx has, the plain way: exact weighted
betweenness and Wasserman–Faust closeness (distance 1/weight), PageRank, Burt's constraint,
effective size (networkx's fast all-nodes path, though it is wrong for weights: the correct
per-node path is slower still), articulation points, core numbers and Louvain communities;
the time of each step is printed too. It has no brokerage roles, no "lose contact" count and
no role text, so the ratio flatters networkx. It is run once per size (it takes minutes) and
only up to ``--networkx-max`` people; nothing is extrapolated.

Accuracy: on sizes where exact finishes, ``key_actors(betweenness="sampled")`` against
``"exact"`` over three seeds: how many of the exact top 20 (by betweenness) the sampled top
20 holds, and Spearman's rank correlation over all actors, for betweenness and closeness.

    uv run python benchmarks/key_actors.py                  # the tables in benchmarks/README.md
    uv run python benchmarks/key_actors.py --sizes 2000 --repeat 1 --accuracy-sizes 2000
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _child(mode: str, graph_path: str, arguments: str) -> None:
    """Run one measurement in this process and print it as JSON on stdout."""
    with open(graph_path, "rb") as file:
        G = pickle.load(file)
    options = json.loads(arguments)
    from netmap.metrics import key_actors  # imported before the clock starts

    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "netmap":
        table = key_actors(G, **options)
        extra = {"method": table.attrs["betweenness"]["method"]}
    elif mode == "networkx":
        extra = _networkx_reference(G)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    result = {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        **extra,
    }
    print(json.dumps(result))


def _networkx_reference(G) -> dict:
    import networkx as nx

    for _, _, data in G.edges(data=True):
        data["length"] = 1.0 / data["weight"]
    steps = {
        "betweenness": lambda: nx.betweenness_centrality(G, weight="length"),
        "closeness": lambda: nx.closeness_centrality(G, distance="length", wf_improved=True),
        "pagerank": lambda: nx.pagerank(G, weight="weight"),
        "constraint": lambda: nx.constraint(G, weight="weight"),
        # without nodes=: networkx's fast sparse path (wrong for weights, see README)
        "effective_size": lambda: nx.effective_size(G, weight="weight"),
        "cut_points": lambda: set(nx.articulation_points(G)),
        "core_number": lambda: nx.core_number(G),
        "louvain": lambda: nx.community.louvain_communities(G, weight="weight", seed=0),
    }
    seconds = {}
    for name, step in steps.items():
        start = time.perf_counter()
        step()
        seconds[name] = round(time.perf_counter() - start, 2)
    return {"method": "exact", "steps": seconds}


def _accuracy(graph_path: str, seeds: tuple[int, ...]) -> list[dict]:
    import numpy as np
    from scipy.stats import spearmanr

    from netmap.metrics import key_actors

    with open(graph_path, "rb") as file:
        G = pickle.load(file)
    exact = key_actors(G, betweenness="exact").sort_index()
    top = set(exact["betweenness"].nlargest(20).index)
    rows = []
    for seed in seeds:
        sampled = key_actors(G, betweenness="sampled", seed=seed)
        sources = sampled.attrs["betweenness"]["sources"]
        sampled = sampled.sort_index()
        rows.append(
            {
                "seed": seed,
                "sources": sources,
                "top20": len(top & set(sampled["betweenness"].nlargest(20).index)) / 20,
                "spearman_betweenness": spearmanr(
                    exact["betweenness"], sampled["betweenness"]
                ).statistic,
                "spearman_closeness": spearmanr(exact["closeness"], sampled["closeness"]).statistic,
                "closeness_max_error": float(
                    np.max(np.abs(sampled["closeness"] - exact["closeness"]))
                    / exact["closeness"].max()
                ),
            }
        )
    return rows


def _prepare(n_people: int, folder: Path) -> tuple[Path, int, int]:
    import netmap.synthetic

    G = netmap.synthetic.generate(n_people, seed=0).graph("people")
    path = folder / f"people-{n_people}.pickle"
    with open(path, "wb") as file:
        pickle.dump(G, file, protocol=pickle.HIGHEST_PROTOCOL)
    return path, G.number_of_nodes(), G.number_of_edges()


def _run(mode: str, graph_path: Path, options: dict) -> dict:
    command = [sys.executable, __file__, "--child", mode, str(graph_path), json.dumps(options)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--networkx-max", type=int, default=5000)
    parser.add_argument("--accuracy-sizes", type=int, nargs="*", default=[5000, 10000])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    print(f"# key-actors benchmark, {time.strftime('%Y-%m-%d %H:%M')}, repeat {args.repeat}\n")
    rows, accuracy = [], []
    with tempfile.TemporaryDirectory() as folder:
        for n_people in args.sizes:
            path, n, m = _prepare(n_people, Path(folder))
            runs = [_run("netmap", path, {}) for _ in range(args.repeat)]
            row = {
                "people": n,
                "ties": m,
                "betweenness": runs[0]["method"],
                "netmap_s": statistics.median(r["wall"] for r in runs),
                "netmap_cpu_s": statistics.median(r["cpu"] for r in runs),
                "netmap_mib": max(r["max_rss_mib"] for r in runs),
            }
            if n_people <= args.networkx_max:
                reference = _run("networkx", path, {})
                row["networkx_s"] = reference["wall"]
                row["networkx_cpu_s"] = reference["cpu"]
                row["ratio"] = reference["wall"] / row["netmap_s"]
                row["networkx_steps"] = reference["steps"]
            rows.append(row)
            print(json.dumps(row), flush=True)
            if n_people in args.accuracy_sizes:
                for result in _accuracy(str(path), seeds=(0, 1, 2)):
                    accuracy.append({"people": n, **result})
                    print(json.dumps(accuracy[-1]), flush=True)
    print()
    print(_markdown(rows, accuracy))


def _markdown(rows: list[dict], accuracy: list[dict]) -> str:
    def seconds(value: float | None) -> str:
        return "–" if value is None else f"{value:.1f} s"

    lines = [
        "| people | ties | betweenness | netmap (median) | netmap CPU | peak memory "
        "| networkx (1 run) | networkx CPU | speed-up |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = f"{row['ratio']:.0f}×" if "ratio" in row else "not run"
        lines.append(
            f"| {row['people']:,} | {row['ties']:,} | {row['betweenness']} "
            f"| {seconds(row['netmap_s'])} | {seconds(row['netmap_cpu_s'])} "
            f"| {row['netmap_mib']:.0f} MiB | {seconds(row.get('networkx_s'))} "
            f"| {seconds(row.get('networkx_cpu_s'))} | {ratio} |"
        )
    if accuracy:
        lines += [
            "",
            "| people | seed | sources | top-20 overlap | Spearman betweenness "
            "| Spearman closeness | max closeness error |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for row in accuracy:
            lines.append(
                f"| {row['people']:,} | {row['seed']} | {row['sources']} | {row['top20']:.2f} "
                f"| {row['spearman_betweenness']:.3f} | {row['spearman_closeness']:.4f} "
                f"| {100 * row['closeness_max_error']:.1f}% |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
