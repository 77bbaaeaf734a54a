"""Which link-prediction score should netmap suggest with? Back-tests and hidden-edge tests.

Run from the repository root::

    uv run python benchmarks/backtest.py [--quick]

Prints Markdown tables (the ones in benchmarks/README.md, section "backtest"):

1. Real two-period data: the informetrics co-authorship networks (../shared/data), the
   protocol of Liben-Nowell & Kleinberg (authors active in both periods, k = new pairs),
   for every method, weighted variants, three values of the local-path epsilon, and paths
   of length three as candidates.
2. Generated regions with dates (netmap.synthetic), split on 2024-01-01, people and
   organisations graphs.
3. Hidden-edge tests: 10 % of the ties hidden at random (10 repetitions), precision at
   k = hidden ties, as a ratio to random choice among the non-tied pairs.

Every figure is deterministic (seeded); no timing is measured here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

import netmap.synthetic
from netmap.backtest import backtest_suggestions, network_from_pajek
from netmap.suggest import METHODS, suggest_links

ROOT = Path(__file__).resolve().parent.parent
INFORMETRICS = ROOT.parent / "shared" / "data" / "informetrics-coauthorship"


def markdown(df: pd.DataFrame, digits: int = 3) -> str:
    """A DataFrame as a Markdown table; floats with ``digits`` significant digits."""

    def cell(value) -> str:
        if isinstance(value, float | np.floating):
            return f"{value:.{digits}g}"
        return str(value)

    lines = ["| " + " | ".join(map(str, df.columns)) + " |", "|" + "---|" * df.shape[1]]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(False)]
    return "\n".join(lines)


def informetrics() -> netmap.Network | None:
    if not INFORMETRICS.is_dir():
        return None

    return network_from_pajek(
        {
            ("1990-01-01", "2004-12-31"): INFORMETRICS / "inf1990-2004.net",
            ("2005-01-01", "2009-12-31"): INFORMETRICS / "inf2005-2009.net",
        }
    )


def informetrics_table(net) -> pd.DataFrame:
    rows = [backtest_suggestions(net, "2005-01-01", methods="all").assign(variant="")]
    for weight in ("weight", "recency"):
        table = backtest_suggestions(
            net,
            "2005-01-01",
            methods=["local_path", "resource_allocation", "common_neighbours"],
            weight=weight,
        )
        rows.append(table.assign(variant=f"weight={weight}"))
    rows.append(
        backtest_suggestions(net, "2005-01-01", max_path_length=3).assign(
            variant="max_path_length=3"
        )
    )
    return pd.concat(rows, ignore_index=True)


def epsilon_table(net) -> pd.DataFrame:
    """Local-path back-test (informetrics) for several epsilon."""
    tables = [
        backtest_suggestions(net, "2005-01-01", epsilon=eps).assign(epsilon=eps)
        for eps in (0.001, 0.01, 0.1, 1.0)
    ]
    return pd.concat(tables, ignore_index=True)[["epsilon", "k", "hits", "ratio_to_random"]]


def synthetic_table(sizes: list[tuple[int, int]]) -> pd.DataFrame:
    rows = []
    for n, seed in sizes:
        net = netmap.synthetic.generate(n, seed=seed)
        for level in ("people", "organisations"):
            table = backtest_suggestions(net, "2024-01-01", methods="all", level=level)
            rows.append(table.assign(data=f"synthetic {n} seed {seed}", level=level))
    return pd.concat(rows, ignore_index=True)


def hidden_edge_graphs(quick: bool) -> dict[str, nx.Graph]:
    B = nx.davis_southern_women_graph()
    graphs = {
        "karate club": nx.karate_club_graph(),
        "Les Misérables": nx.les_miserables_graph(),
        "Davis women (projection)": nx.bipartite.projected_graph(B, B.graph["top"]),
        "synthetic 2,000 people": netmap.synthetic.generate(2000, seed=1).graph("people"),
        "synthetic 2,000 organisations": netmap.synthetic.generate(2000, seed=1).graph(
            "organisations"
        ),
    }
    net = informetrics()
    if net is not None:
        graphs["informetrics 1990-2004"] = net.graph(until="2004-12-31")
    if not quick:
        graphs["clustered power law (Holme-Kim 500)"] = nx.powerlaw_cluster_graph(
            500, 3, 0.5, seed=1
        )
    return graphs


def hidden_edge_table(graphs: dict[str, nx.Graph], repeats: int) -> pd.DataFrame:
    rows = []
    for name, G in graphs.items():
        G = nx.Graph(G)
        G.remove_edges_from(nx.selfloop_edges(G))
        edges = sorted(G.edges(), key=str)
        n, m = G.number_of_nodes(), len(edges)
        hidden_count = max(1, m // 10)
        ratios = {method: [] for method in METHODS}
        for rep in range(repeats):
            rng = np.random.default_rng(rep)
            hidden = [edges[i] for i in rng.choice(m, hidden_count, replace=False)]
            H = G.copy()
            H.remove_edges_from(hidden)
            truth = {frozenset(e) for e in hidden}
            random_precision = hidden_count / (n * (n - 1) / 2 - H.number_of_edges())
            for method in METHODS:
                table = suggest_links(H, k=hidden_count, method=method)
                pairs = zip(table["source"], table["target"], strict=True)
                hits = sum(frozenset(p) in truth for p in pairs)
                ratios[method].append(hits / hidden_count / random_precision)
        rows.append(
            {"graph": name, "nodes": n, "ties": m, "hidden": hidden_count}
            | {method: float(np.mean(values)) for method, values in ratios.items()}
        )
    return pd.DataFrame(rows)


def _combination_scores(G: nx.Graph, allowed: set, truth: set, k: int) -> dict[str, int]:
    """Hits in the top k of scores netmap does not offer (combinations), among the allowed
    non-tied pairs sharing a contact; ties broken by node order as in suggest_links."""
    nodes = sorted(G, key=str)
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=None, format="csr", dtype=float)
    A.setdiag(0)
    A.eliminate_zeros()
    A.data[:] = 1.0
    k_ = np.asarray(A.sum(axis=1)).ravel()
    inv = np.divide(1.0, k_, out=np.zeros_like(k_), where=k_ > 0)
    log = np.log(np.maximum(k_, 1.0))
    inv_log = np.divide(1.0, log, out=np.zeros_like(log), where=log > 0)
    two = (A @ A).tocsr()
    pairs = sp.triu(two, k=1).tocoo()
    ok = np.array([nodes[i] in allowed and nodes[j] in allowed for i, j in
                   zip(pairs.row, pairs.col, strict=True)], dtype=bool)  # fmt: skip
    r, c = pairs.row[ok], pairs.col[ok]
    untied = np.asarray(A[r, c]).ravel() == 0
    r, c = r[untied], c[untied]
    cn = np.asarray(two[r, c]).ravel()
    ra = np.asarray((A @ sp.diags_array(inv) @ A)[r, c]).ravel()
    aa = np.asarray((A @ sp.diags_array(inv_log) @ A)[r, c]).ravel()
    a3 = np.asarray(two[r].multiply(A[c]).sum(axis=1)).ravel()
    norm = np.sqrt(k_[r] * k_[c])
    y = np.array([frozenset((nodes[i], nodes[j])) in truth for i, j in zip(r, c, strict=True)])
    scores = {
        "common_neighbours": cn,
        "resource_allocation": ra,
        "adamic_adar": aa,
        "local_path": cn + 0.01 * a3,
        "RA + 0.01·A³": ra + 0.01 * a3,
        "AA + 0.01·A³": aa + 0.01 * a3,
        "RA + 0.03·A³/√(kk)": ra + 0.03 * a3 / norm,
        "RA + 0.1·A³/√(kk)": ra + 0.1 * a3 / norm,
        "RA·(1 + 0.1·A³/√(kk))": ra * (1 + 0.1 * a3 / norm),
        "RA + A³/(kk)": ra + a3 / (k_[r] * k_[c]),
    }
    return {
        name: int(y[np.lexsort((c, r, -np.round(s, 12)))[:k]].sum()) for name, s in scores.items()
    }


def combination_table(net, quick: bool) -> pd.DataFrame:
    """Hits of combined scores (informetrics and generated regions split in time; hidden
    edges of Les Misérables and a generated people graph, 5 repetitions summed)."""
    rows = {}

    def temporal(name, network, split, level="people"):
        before = network.graph(level, until=pd.Timestamp(split) - pd.Timedelta(days=1))
        after = network.graph(level, since=split)
        active = {n for n in before if before.degree(n) and n in after and after.degree(n)}
        new = {frozenset(e) for e in after.subgraph(active).edges() if not before.has_edge(*e)}
        rows[f"{name} (k = {len(new)})"] = _combination_scores(before, active, new, len(new))

    if net is not None:
        temporal("informetrics, time split", net, "2005-01-01")
    region = netmap.synthetic.generate(2000, seed=1)
    temporal("synthetic 2,000 people, time split", region, "2024-01-01")
    temporal("synthetic 2,000 organisations, time split", region, "2024-01-01", "organisations")
    graphs = {"Les Misérables": nx.les_miserables_graph()}
    if not quick:
        graphs["synthetic 2,000 people"] = region.graph("people")
    for name, G in graphs.items():
        edges = sorted(G.edges(), key=str)
        hidden_count = len(edges) // 10
        total: dict[str, int] = {}
        for rep in range(5):
            pick = np.random.default_rng(rep).choice(len(edges), hidden_count, replace=False)
            hidden = [edges[i] for i in pick]
            H = G.copy()
            H.remove_edges_from(hidden)
            hits = _combination_scores(H, set(H), {frozenset(e) for e in hidden}, hidden_count)
            total = {m: total.get(m, 0) + h for m, h in hits.items()}
        rows[f"{name}, hidden edges (5 × k = {hidden_count})"] = total
    return pd.DataFrame(rows).T.rename_axis("test").reset_index()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer graphs and repetitions")
    args = parser.parse_args()
    pd.set_option("display.width", 200)
    columns = ["method", "variant", "k", "hits", "precision", "ratio_to_random"]
    net = informetrics()
    if net is None:
        print(f"informetrics data not found at {INFORMETRICS}; skipped")
    else:
        first = backtest_suggestions(net, "2005-01-01").iloc[0]
        print(
            f"## Informetrics: {first['actors']} authors active in both periods, "
            f"{first['new_pairs']} new pairs among {first['candidate_pairs']} candidates "
            f"(random {first['random_precision']:.2%})\n"
        )
        print(markdown(informetrics_table(net)[columns]))
        print("\n### Local path, epsilon\n")
        print(markdown(epsilon_table(net)))
    sizes = [(2000, 1)] if args.quick else [(2000, 1), (5000, 2)]
    print("\n## Generated regions, split 2024-01-01, k = new pairs\n")
    synthetic = synthetic_table(sizes)
    wide = synthetic.pivot_table(
        index=["data", "level", "actors", "new_pairs"],
        columns="method",
        values="ratio_to_random",
        sort=False,
    )[list(METHODS)].reset_index()
    print(markdown(wide))
    print("\n## Combinations tried (hits in the top k)\n")
    print(markdown(combination_table(net, args.quick)))
    print("\n## Hidden-edge tests: precision at k = hidden ties, as a ratio to random\n")
    table = hidden_edge_table(hidden_edge_graphs(args.quick), repeats=3 if args.quick else 10)
    print(markdown(table))


if __name__ == "__main__":
    main()
