"""Tests of netmap.suggest: suggested introductions, their introducers and reasons."""

from __future__ import annotations

import itertools
from contextlib import contextmanager

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap.suggest
from netmap.suggest import METHODS, SUGGESTION_COLUMNS, node_groups, suggest_links


def two_cliques_and_broker(size: int = 5) -> nx.Graph:
    """Cliques a1..a5 and b1..b5; the broker x is tied to everyone and to nothing else."""
    G = nx.complete_graph([f"a{i}" for i in range(1, size + 1)])
    G.add_edges_from(itertools.combinations([f"b{i}" for i in range(1, size + 1)], 2))
    G.add_edges_from(("x", n) for n in list(G))
    return G


def brute_force(G: nx.Graph, method: str, eps: float = 0.01) -> pd.DataFrame:
    """Every non-tied pair scored by networkx (or dense matrices), best first, ties by ids."""
    nodes = sorted(G)
    pairs = [(u, v) for u, v in itertools.combinations(nodes, 2) if not G.has_edge(u, v)]
    if method == "common_neighbours":
        scores = [len(list(nx.common_neighbors(G, u, v))) for u, v in pairs]
    elif method == "resource_allocation":
        scores = [s for *_, s in nx.resource_allocation_index(G, pairs)]
    elif method == "adamic_adar":
        scores = [s for *_, s in nx.adamic_adar_index(G, pairs)]
    elif method == "jaccard":
        scores = [s for *_, s in nx.jaccard_coefficient(G, pairs)]
    else:
        A = nx.to_numpy_array(G, nodelist=nodes)
        index = {n: i for i, n in enumerate(nodes)}
        S = A @ A + eps * A @ A @ A
        scores = [S[index[u], index[v]] if (A @ A)[index[u], index[v]] else 0 for u, v in pairs]
    table = pd.DataFrame(pairs, columns=["source", "target"]).assign(score=np.round(scores, 12))
    table = table[table["score"] > 0]
    return table.sort_values(
        ["score", "source", "target"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


@contextmanager
def small_blocks(nnz: int):
    """Shrink suggest_links' row blocks, so that merging across blocks and pruning run."""
    saved = netmap.suggest._BLOCK_NNZ
    netmap.suggest._BLOCK_NNZ = nnz
    try:
        yield
    finally:
        netmap.suggest._BLOCK_NNZ = saved


# ------------------------------------------------------------------ hand-checked cases


def test_broker_is_the_introducer_of_the_top_suggestion_across_communities():
    # Every candidate pair is a_i–b_j with the broker as the one shared contact; with the
    # broker in one community, each crosses the communities. Hand-checked: a1–b1 shares x
    # (1) and has 8 walks of length three (x-a_l and b_l-x), so 1 + 0.01·8 = 1.08.
    G = two_cliques_and_broker()
    table = suggest_links(G, k=3, across="community")
    assert table.loc[0, ["source", "target", "introducer"]].tolist() == ["a1", "b1", "x"]
    assert table["score"].tolist() == pytest.approx([1.08, 1.08, 1.08])
    assert table["common_neighbours"].tolist() == [1, 1, 1]
    assert (table["introducer"] == "x").all()


def test_broker_reason_in_english_and_swedish():
    G = two_cliques_and_broker()
    english = suggest_links(G, k=1, across="community")
    swedish = suggest_links(G, k=1, across="community", lang="sv")
    assert english.loc[0, ["group_source", "group_target"]].tolist() == [
        "community 0",
        "community 1",
    ]
    assert english.loc[0, "reason"] == (
        "Both know x (1 shared contact); would link community 0 and community 1; x knows both."
    )
    assert swedish.loc[0, "reason"] == (
        "Båda känner x (1 gemensam kontakt); skulle förbinda gemenskap 0 och gemenskap 1; "
        "x känner båda."
    )


def test_group_columns_keep_names_with_a_slash():
    # before: one "groups" column "a / b" that the dashboard split on " / "
    G = nx.Graph([("a", "m"), ("b", "m")])
    nx.set_node_attributes(G, {"a": "Malå / Sorsele", "b": "Arjeplog", "m": "Arjeplog"}, "place")
    table = suggest_links(G, across="place")
    assert table.loc[0, ["group_source", "group_target"]].tolist() == [
        "Malå / Sorsele",
        "Arjeplog",
    ]
    assert table.loc[0, "reason"] == (
        "Both know m (1 shared contact); would link Malå / Sorsele and Arjeplog; m knows both."
    )


def test_unknown_language_is_refused():
    with pytest.raises(ValueError) as err:
        suggest_links(nx.path_graph(3), lang="fi")
    assert str(err.value) == "lang must be one of 'en', 'sv'; got 'fi'."


def test_reason_names_shared_contacts_collaborations_gap_and_introducer():
    G = nx.Graph()
    G.add_nodes_from(
        [
            ("person:dan", {"name": "Dan Öberg", "sector": "public"}),
            ("person:anna", {"name": "Anna Berg", "sector": "civil_society"}),
            ("person:bo", {"name": "Bo Ek", "sector": "academia"}),
            ("person:cai", {"name": "Cai Lund", "sector": "public"}),
        ]
    )
    G.add_edge("person:anna", "person:cai", weight=3, collaborations=3)
    G.add_edge("person:bo", "person:cai", weight=2, collaborations=2)
    G.add_edge("person:anna", "person:dan", weight=1, collaborations=1)
    G.add_edge("person:bo", "person:dan", weight=1, collaborations=1)
    # anna–bo and cai–dan both share two contacts (and no longer path): anna–bo comes first
    # by id. Cai's ties to them (3 and 2) beat Dan's (1 and 1), so Cai introduces.
    table = suggest_links(G, k=1)
    row = table.iloc[0]
    assert (row["source"], row["target"], row["introducer"]) == (
        "person:anna",
        "person:bo",
        "person:cai",
    )
    assert (row["group_source"], row["group_target"]) == ("civil society", "academia")
    assert row["reason"] == (
        "Both know Cai Lund and Dan Öberg (2 shared contacts, 7 collaborations with them); "
        "would link civil society and academia; Cai Lund knows both."
    )
    assert suggest_links(G, k=1, lang="sv").loc[0, "reason"] == (
        "Båda känner Cai Lund och Dan Öberg (2 gemensamma kontakter, 7 samarbeten med dem); "
        "skulle förbinda civilsamhälle och akademi; Cai Lund känner båda."
    )


def test_for_actor_puts_the_actor_first_even_when_its_id_sorts_last():
    G = nx.Graph([("z", "m"), ("m", "a"), ("m", "b")])
    table = suggest_links(G, for_actor="z")
    assert table[["source", "target"]].values.tolist() == [["z", "a"], ["z", "b"]]


def test_exclude_and_among_remove_pairs():
    G = nx.Graph([("a", "m"), ("b", "m"), ("c", "m")])
    assert suggest_links(G, exclude=[("b", "a")])[["source", "target"]].values.tolist() == [
        ["a", "c"],
        ["b", "c"],
    ]
    among = suggest_links(G, among=["a", "c", "m"])
    assert among[["source", "target"]].values.tolist() == [["a", "c"]]


def test_across_an_attribute_keeps_pairs_of_known_different_groups():
    G = nx.Graph([("a", "m"), ("b", "m"), ("c", "m"), ("d", "m")])
    nx.set_node_attributes(G, {"a": "public", "b": "public", "c": "academia"}, "sector")
    table = suggest_links(G, across="sector")
    # d has no sector: no pair with d; a–b are both public.
    assert table[["source", "target"]].values.tolist() == [["a", "c"], ["b", "c"]]
    assert table["group_source"].tolist() == ["public", "public"]
    assert table["group_target"].tolist() == ["academia", "academia"]


def test_paths_of_length_three_reach_pairs_without_a_shared_contact():
    G = nx.path_graph(["a", "b", "c", "d"])
    assert suggest_links(G)[["source", "target"]].values.tolist() == [["a", "c"], ["b", "d"]]
    table = suggest_links(G, max_path_length=3)
    assert table[["source", "target"]].values.tolist() == [["a", "c"], ["b", "d"], ["a", "d"]]
    assert table["score"].tolist() == pytest.approx([1.0, 1.0, 0.01])
    last = table.iloc[2]
    assert (last["common_neighbours"], last["introducer"]) == (0, "b")
    assert last["reason"] == (
        "No shared contact yet, but linked through a chain of two contacts; "
        "b (a's contact) can start the chain."
    )
    assert suggest_links(G, max_path_length=3, lang="sv").loc[2, "reason"] == (
        "Ingen gemensam kontakt än, men förbundna genom en kedja av två kontakter; "
        "b, som a känner, kan starta kedjan."
    )


def test_weighted_scores_multiply_tie_strengths():
    # a–m (2) and m–b (3): weighted common neighbours 2·3 = 6; resource allocation
    # 6 / s_m = 6 / 5.
    G = nx.Graph()
    G.add_edge("a", "m", weight=2)
    G.add_edge("m", "b", weight=3)
    assert suggest_links(G, method="common_neighbours", weight="weight")["score"][0] == 6
    ra = suggest_links(G, method="resource_allocation", weight="weight")["score"][0]
    assert ra == pytest.approx(1.2)


def test_informetrics_common_neighbours_match_the_published_top_scores(informetrics_network):
    # SOURCE.md (from the linkpred README): in 1990-2004, the highest common-neighbour
    # counts are 5 for (Abd El Kader, Durand) and (Ikegami, Ikogami), then five pairs at 4.
    G = informetrics_network.graph(until="2004-12-31")
    table = suggest_links(G, k=7, method="common_neighbours")
    assert table["score"].tolist() == [5, 5, 4, 4, 4, 4, 4]
    top = {frozenset(p) for p in table.head(2)[["source_name", "target_name"]].values}
    assert top == {
        frozenset({"Abd El Kader, M", "Durand, T"}),
        frozenset({"Ikegami, K", "Ikogami, K"}),
    }


def test_node_groups_by_community_and_unknown():
    G = two_cliques_and_broker()
    groups = node_groups(G, "community")
    assert set(groups) == {"community 0", "community 1"}
    assert groups["a1"] != groups["b1"]
    assert node_groups(G, "sector").eq("(unknown)").all()


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"k": 0}, "The 'k' parameter of suggest_links must be an int >= 1. Got 0."),
        (
            {"method": "katz"},
            "The 'method' parameter of suggest_links must be one of local_path, "
            "resource_allocation, adamic_adar, common_neighbours, jaccard. Got 'katz'.",
        ),
        ({"max_path_length": 4}, "max_path_length must be 2 or 3. Got 4."),
        (
            {"max_path_length": 3, "method": "jaccard"},
            "max_path_length=3 needs method='local_path': jaccard scores every pair without "
            "a shared contact 0. Use method='local_path', or max_path_length=2.",
        ),
        (
            {"method": "jaccard", "weight": "weight"},
            "jaccard counts shared contacts and has no weighted form; got weight='weight'. "
            "Pass weight=None, or use another method.",
        ),
        ({"epsilon": 0}, "epsilon must be a positive number. Got 0."),
    ],
)
def test_bad_options_say_what_was_expected(options, message):
    with pytest.raises(ValueError) as err:
        suggest_links(nx.path_graph(3), **options)
    assert str(err.value) == message


def test_unknown_actor_is_named():
    with pytest.raises(nx.NodeNotFound) as err:
        suggest_links(nx.path_graph(["a", "b", "c"]), for_actor="zz")
    assert (
        str(err.value) == "for_actor 'zz' is not a node of the graph; pass a node id such as 'a'."
    )


def test_directed_graphs_are_refused():
    with pytest.raises(nx.NetworkXNotImplemented, match="undirected simple graph"):
        suggest_links(nx.DiGraph([(1, 2)]))


def test_empty_and_tie_free_graphs_give_an_empty_table():
    assert suggest_links(nx.Graph()).empty
    table = suggest_links(nx.empty_graph(3))
    assert table.empty and list(table.columns) == list(SUGGESTION_COLUMNS)


# ------------------------------------------------------------------ properties


graphs = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(2, 25),
    st.floats(0.05, 0.6),
    st.integers(0, 10_000),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=graphs, method=st.sampled_from(METHODS), k=st.integers(1, 30))
def test_top_k_equals_scoring_every_pair_with_networkx(G, method, k):
    expected = brute_force(G, method).head(k)
    table = suggest_links(G, k=k, method=method)
    assert table[["source", "target"]].values.tolist() == (
        expected[["source", "target"]].values.tolist()
    )
    assert table["score"].to_numpy() == pytest.approx(expected["score"].to_numpy())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=graphs, k=st.integers(1, 15), method=st.sampled_from(METHODS))
def test_small_blocks_and_pruning_give_the_same_answer(G, k, method):
    whole = suggest_links(G, k=k, method=method)
    with small_blocks(7):
        blocked = suggest_links(G, k=k, method=method)
    pd.testing.assert_frame_equal(whole, blocked)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    G=graphs,
    k=st.integers(1, 30),
    path=st.sampled_from([2, 3]),
    actor=st.integers(0, 30),
    across=st.booleans(),
)
def test_suggestions_are_new_distinct_sorted_and_repeatable(G, k, path, actor, across):
    nx.set_node_attributes(G, {n: ("x" if n % 3 else "y") for n in G}, "team")
    for_actor = actor if actor in G else None
    options = {
        "k": k,
        "max_path_length": path,
        "for_actor": for_actor,
        "across": "team" if across else None,
    }
    table = suggest_links(G, **options)
    assert len(table) <= k
    pairs = list(zip(table["source"], table["target"], strict=True))
    assert all(u != v and not G.has_edge(u, v) for u, v in pairs)
    assert len({frozenset(p) for p in pairs}) == len(pairs)
    if for_actor is None:
        assert all(u < v for u, v in pairs)
    else:
        assert (table["source"] == for_actor).all()
    if across:
        assert all(G.nodes[u]["team"] != G.nodes[v]["team"] for u, v in pairs)
    keys = list(zip(-table["score"], table["source"], table["target"], strict=True))
    assert keys == sorted(keys)
    assert (table["score"] > 0).all()
    # The introducer is a contact of the source (and of the target when they share one).
    assert all(G.has_edge(u, i) for u, i in zip(table["source"], table["introducer"], strict=True))
    pd.testing.assert_frame_equal(table, suggest_links(G, **options))


def test_suggest_command_resolves_names_and_explains(demo_path):
    from click.testing import CliRunner

    from netmap.cli import main

    runner = CliRunner()
    args = ["suggest", str(demo_path), "--level", "organisations", "--k", "2"]
    result = runner.invoke(main, [*args, "--for", "luleå KOMMUN", "--across", "sector"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("1. Luleå kommun – ")
    assert lines[1].startswith("   Both know ")
    typo = runner.invoke(main, [*args, "--for", "Lulea kommun"])
    assert typo.exit_code == 2
    assert (
        "Invalid value for --for: no actor 'Lulea kommun' in the organisations graph (give a "
        "name or an id such as org:ID). Did you mean 'Luleå kommun'"
    ) in typo.output


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=graphs, k=st.integers(1, 10), drop=st.integers(1, 5))
def test_excluded_pairs_never_come_back_in_either_order(G, k, drop):
    first = suggest_links(G, k=k)
    excluded = [(v, u) for u, v in zip(first["source"], first["target"], strict=True)][:drop]
    again = suggest_links(G, k=k, exclude=excluded)
    pairs = {frozenset(p) for p in zip(again["source"], again["target"], strict=True)}
    assert not pairs & {frozenset(p) for p in excluded}
    # The rest keep their order: the table is the longer list without the excluded pairs.
    longer = suggest_links(G, k=k + len(excluded))
    kept = [p for p in zip(longer["source"], longer["target"], strict=True)
            if frozenset(p) not in {frozenset(e) for e in excluded}][:k]  # fmt: skip
    assert list(zip(again["source"], again["target"], strict=True)) == kept
