"""Tests of netmap.conveners: single-candidate ranking and the best set of k conveners."""

from __future__ import annotations

import importlib.util
import json
import math
from itertools import combinations
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap import conveners
from netmap.cli import main
from netmap.conveners import SCORE_PARTS, pick_conveners, rank_conveners
from netmap.glossary import explain
from netmap.i18n import LANGUAGES
from netmap.whatif import fragmentation_table

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark():
    """benchmarks/conveners.py holds the plain-networkx greedy the benchmark compares with."""
    spec = importlib.util.spec_from_file_location(
        "bench_conveners", ROOT / "benchmarks/conveners.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


networkx_pick_conveners = _load_benchmark().networkx_pick_conveners


def reference_reach(G: nx.Graph, members) -> float:
    """Borgatti's distance-weighted reach from networkx distances: mean of 1/d, members 1."""
    best = dict.fromkeys(G, 0.0)
    for member in members:
        for v, d in nx.single_source_shortest_path_length(G, member).items():
            best[v] = max(best[v], 1.0 if d == 0 else 1 / d)
    return sum(best.values()) / len(G)


graphs = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(3, 16),
    st.floats(0.05, 0.5),
    st.integers(0, 10_000),
)


@pytest.fixture
def region() -> nx.Graph:
    """Two municipalities joined by one tie; sectors spread so constraints bite."""
    G = nx.Graph()
    kiruna = [f"k{i}" for i in range(6)]
    lulea = [f"l{i}" for i in range(6)]
    G.add_edges_from(combinations(kiruna[:4], 2))
    G.add_edges_from([("k3", "k4"), ("k4", "k5")])
    G.add_edges_from(combinations(lulea[:4], 2))
    G.add_edges_from([("l3", "l4"), ("l4", "l5"), ("k0", "l0")])
    for node in G:
        G.nodes[node]["municipality"] = "Kiruna" if node.startswith("k") else "Luleå"
        G.nodes[node]["sector"] = "public"
        G.nodes[node]["name"] = node.upper()
    G.nodes["k5"]["sector"] = "academia"
    G.nodes["l5"]["sector"] = "business"
    G.nodes["l2"]["sector"] = "funder-ish"
    return G


# ------------------------------------------------------------------ pick_conveners: answers


def test_path_by_hand():
    # Path a-b-c-d-e: c alone scores (1 + 1 + 1 + 1/2 + 1/2) / 5 = 0.8 (Borgatti's DR with
    # the member counting 1); it reaches 3 of 5 in one step and all in two.
    G = nx.path_graph(["a", "b", "c", "d", "e"])
    one = pick_conveners(G, k=1)
    assert list(one.index) == ["c"]
    assert one.attrs["score"] == pytest.approx(0.8)
    assert one.attrs["reach_1"] == pytest.approx(0.6)
    assert one.attrs["reach_2"] == 1.0
    assert one.attrs["reach"] == 1.0
    assert one.attrs["search"] == "exact"


def test_long_distances():
    # A path of 600: distances up to 599 need two bytes and fractional (not integer) terms.
    G = nx.path_graph(600)
    table = pick_conveners(G, k=1)
    assert list(table.index) == [299]  # the two middle nodes tie; the lower id wins
    assert table.attrs["score"] == pytest.approx(reference_reach(G, [299]))


def test_star_centre_reaches_everyone():
    G = nx.star_graph(6)
    table = pick_conveners(G, k=1)
    assert list(table.index) == [0]
    assert table.attrs["score"] == 1.0
    assert table.loc[0, "new_within_1"] == 7


def test_disconnected_network_needs_one_per_component():
    # Two triangles: k=2 picks one per triangle (score 1); k=1 reaches only half.
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)])
    assert pick_conveners(G, k=1).attrs["reach"] == 0.5
    two = pick_conveners(G, k=2)
    assert sorted(two.index) == [0, 3]
    assert two.attrs["score"] == 1.0


@settings(max_examples=40, deadline=None)
@given(graphs, st.integers(1, 3))
def test_exact_search_is_the_best_set(G, k):
    table = pick_conveners(G, k=k)
    best = max(reference_reach(G, combo) for combo in combinations(sorted(G), k))
    assert table.attrs["search"] == "exact"
    assert table.attrs["score"] == pytest.approx(best)
    assert reference_reach(G, list(table.index)) == pytest.approx(best)


@settings(max_examples=40, deadline=None)
@given(graphs, st.integers(1, 4))
def test_greedy_agrees_with_plain_networkx_greedy(G, k):
    # The same greedy start plus swaps written with networkx (benchmarks/conveners.py)
    # chooses the same set, when every candidate still adds something.
    if k > len(G):
        return
    reference, score = networkx_pick_conveners(G, k)
    if reference_reach(G, reference[:-1]) == pytest.approx(score):
        return  # the last pick added nothing: ties among no-gain actors may differ
    original = conveners.EXACT_SEARCH_MAX_SETS
    conveners.EXACT_SEARCH_MAX_SETS = 0
    try:
        table = pick_conveners(G, k=k)
    finally:
        conveners.EXACT_SEARCH_MAX_SETS = original
    assert table.attrs["search"] == "greedy with swaps"
    assert sorted(table.index) == sorted(reference)
    assert table.attrs["score"] == pytest.approx(score)


@settings(max_examples=40, deadline=None)
@given(graphs, st.integers(1, 3))
def test_table_invariants(G, k):
    table = pick_conveners(G, k=k)
    n = len(G)
    assert len(table) == k
    assert table["adds"].sum() == pytest.approx(table.attrs["score"])
    assert table["new_within_1"].sum() == round(table.attrs["reach_1"] * n)
    assert table["new_within_2"].sum() == round(table.attrs["reach_2"] * n)
    assert 0 < table.attrs["score"] <= table.attrs["reach"] <= 1
    assert table.attrs["reach_1"] <= table.attrs["reach_2"] <= table.attrs["reach"]
    assert (np.diff(table["adds"].to_numpy()) <= 1e-12).all()  # fastest order


def test_greedy_on_a_generated_region(monkeypatch):
    # Larger than the exact threshold: greedy with swaps, pruned to undominated candidates,
    # agrees with the plain networkx greedy.
    G = nx.relaxed_caveman_graph(12, 8, 0.15, seed=4)
    table = pick_conveners(G, k=3)
    reference, score = networkx_pick_conveners(G, 3)
    assert table.attrs["search"] == "greedy with swaps"
    assert table.attrs["candidates"] < len(G)  # dominated candidates were dropped
    assert sorted(table.index) == sorted(reference)
    assert table.attrs["score"] == pytest.approx(score)
    # Shortlisting (forced) keeps the required actors and still returns k conveners.
    monkeypatch.setattr(conveners, "MAX_DISTANCE_ENTRIES", 10 * len(G))
    short = pick_conveners(G, k=4, require=[95])
    assert short.attrs["search"] == "greedy with swaps"
    assert short.attrs["candidates"] <= 10 + 1
    assert 95 in short.index
    assert len(short) == 4


def test_deterministic_and_order_free():
    G = nx.relaxed_caveman_graph(10, 6, 0.2, seed=1)
    first = pick_conveners(G, k=3)
    H = nx.Graph()
    H.add_nodes_from(sorted(G, reverse=True))
    H.add_edges_from(reversed(list(G.edges)))
    pd.testing.assert_frame_equal(first, pick_conveners(H, k=3))


# ------------------------------------------------------------------ constraints


def test_required_groups_are_covered(region):
    free = pick_conveners(region, k=2)
    assert "k5" not in free.index and "l5" not in free.index
    table = pick_conveners(region, k=2, require_groups={"sector": ["academia", "business"]})
    assert sorted(table.index) == ["k5", "l5"]
    assert table.loc["k5", "covers"] == "sector=academia"
    assert table.attrs["score"] <= free.attrs["score"]
    assert table["municipality"].tolist() == ["Kiruna", "Luleå"] or table[
        "municipality"
    ].tolist() == ["Luleå", "Kiruna"]


def test_one_convener_can_cover_two_groups(region):
    table = pick_conveners(
        region, k=1, require_groups={"sector": ["academia"], "municipality": ["Kiruna"]}
    )
    assert list(table.index) == ["k5"]
    assert table.loc["k5", "covers"] == "sector=academia; municipality=Kiruna"


def test_require_and_exclude(region):
    table = pick_conveners(region, k=2, require=["l5"], exclude=["k0", "l0"])
    assert "l5" in table.index
    assert table.loc["l5", "required"]
    assert not set(table.index) & {"k0", "l0"}


def test_greedy_respects_constraints(region, monkeypatch):
    monkeypatch.setattr(conveners, "EXACT_SEARCH_MAX_SETS", 0)
    table = pick_conveners(
        region, k=3, require_groups={"sector": ["academia", "business"]}, exclude=["k0"]
    )
    assert table.attrs["search"] == "greedy with swaps"
    assert {"k5", "l5"} <= set(table.index)
    assert "k0" not in table.index


def test_error_too_few_conveners_for_groups(region):
    with pytest.raises(ValueError) as err:
        pick_conveners(region, k=1, require_groups={"sector": ["academia", "business"]})
    assert str(err.value) == (
        "pick_conveners was asked for k=1 conveners covering the groups sector=academia, "
        "sector=business, but that needs at least 2. Raise k to 2, or require fewer groups "
        "or actors."
    )


def test_error_required_and_excluded(region):
    with pytest.raises(ValueError) as err:
        pick_conveners(region, k=2, require=["k1"], exclude=["k1"])
    assert str(err.value) == (
        "pick_conveners cannot both require and exclude the same actor; got 'k1' in both "
        "require and exclude. Remove it from one."
    )


def test_error_unknown_node(region):
    with pytest.raises(ValueError) as err:
        pick_conveners(region, k=2, require=["nobody"])
    assert str(err.value) == (
        "require must be node ids of the graph (such as 'k0'); got 'nobody', which is not "
        "in it. Check the spelling, or list the ids with list(G.nodes)."
    )


def test_error_unknown_group(region):
    with pytest.raises(ValueError) as err:
        pick_conveners(region, k=2, require_groups={"sector": ["academa"]})
    assert str(err.value) == (
        "require_groups asks for at least one convener with sector 'academa', but no "
        "eligible actor has it; the sector values among eligible actors are: academia, "
        "business, funder-ish, public. Check the spelling, or drop 'academa' (an excluded "
        "actor does not count)."
    )


def test_error_excluded_group_member(region):
    with pytest.raises(ValueError, match="with sector 'academia', but no eligible actor"):
        pick_conveners(region, k=2, require_groups={"sector": ["academia"]}, exclude=["k5"])


def test_error_more_required_than_k(region):
    with pytest.raises(ValueError) as err:
        pick_conveners(region, k=1, require=["k1", "l1"])
    assert str(err.value) == (
        "pick_conveners was asked for k=1 conveners but 2 actors are required ('k1', 'l1'). "
        "Raise k to at least 2 or require fewer actors."
    )


@pytest.mark.parametrize("k", [0, -1, 2.5, True, "3"])
def test_error_bad_k(k):
    with pytest.raises(ValueError, match="The 'k' parameter of pick_conveners must be an int"):
        pick_conveners(nx.path_graph(3), k=k)


def test_error_k_larger_than_network():
    with pytest.raises(ValueError) as err:
        pick_conveners(nx.path_graph(3), k=4)
    assert str(err.value) == (
        "pick_conveners needs at least k=4 eligible actors; the graph has 3 and 0 are "
        "excluded. Lower k or exclude fewer actors."
    )


# ------------------------------------------------------------------ rank_conveners


def test_rank_parts_and_score(region):
    table = rank_conveners(region)
    assert table["convener_score"].is_monotonic_decreasing
    parts = [f"{part}_percentile" for part in SCORE_PARTS]
    assert np.allclose(table["convener_score"], table[parts].mean(axis=1))
    # k0 - l0 is the only tie between the (mirror-image) municipalities: both ends have the
    # highest betweenness, equal to networkx's.
    top = table["betweenness"].max()
    assert table.loc["k0", "betweenness"] == table.loc["l0", "betweenness"] == top
    assert top == pytest.approx(nx.betweenness_centrality(region)["k0"])
    # Reach within two steps, from networkx.
    for node in region:
        within = nx.single_source_shortest_path_length(region, node, cutoff=2)
        assert table.loc[node, "reach_within_2"] == pytest.approx((len(within) - 1) / 11)
    # l4 reaches l2 (funder-ish) and l5 (business) within two steps: two other sectors.
    assert table.loc["l4", "other_groups_within_2"] == 2
    # Constraint agrees with networkx (unweighted here: no weight attribute on the edges).
    constraint = nx.constraint(region)
    for node in region:
        assert table.loc[node, "constraint"] == pytest.approx(constraint[node])


@settings(max_examples=40, deadline=None)
@given(graphs, st.data())
def test_rank_two_step_parts_agree_with_networkx(G, data):
    sectors = data.draw(st.lists(st.sampled_from(["a", "b", "c", None]), min_size=len(G)))
    for node, sector in zip(sorted(G), sectors, strict=False):
        if sector is not None:
            G.nodes[node]["sector"] = sector
    table = rank_conveners(G)
    for node in G:
        within = nx.single_source_shortest_path_length(G, node, cutoff=2)
        own = G.nodes[node].get("sector")
        others = {G.nodes[v].get("sector") for v in within} - {own, None}
        assert table.loc[node, "reach_within_2"] == pytest.approx((len(within) - 1) / (len(G) - 1))
        assert table.loc[node, "other_groups_within_2"] == len(others)


def test_rank_low_constraint_ranks_high():
    # A star: the centre has constraint 1/n-ish (low), leaves 1 (high).
    table = rank_conveners(nx.star_graph(4))
    assert table.loc[0, "constraint_percentile"] == 1.0
    assert table.index[0] == 0


def test_rank_exclude_and_isolated():
    G = nx.path_graph(3)
    G.add_node(9)  # isolated: NaN constraint, percentile 0
    table = rank_conveners(G, exclude=[0])
    assert 0 not in table.index
    assert table.loc[9, "constraint_percentile"] == 0.0
    assert math.isnan(table.loc[9, "constraint"])
    assert table.index[-1] == 9


def test_rank_reuses_a_computed_key_actors_table(region):
    actors = netmap.key_actors(region)
    pd.testing.assert_frame_equal(rank_conveners(region, actors=actors), rank_conveners(region))
    with pytest.raises(ValueError, match="actors must be the key_actors table of the same graph"):
        rank_conveners(region, actors=actors.iloc[1:])


def test_rank_bad_betweenness_option():
    with pytest.raises(ValueError, match="betweenness"):
        rank_conveners(nx.path_graph(3), betweenness="fast")


def test_every_column_is_explained_in_every_language(region):
    tables = [rank_conveners(region), pick_conveners(region, k=2), fragmentation_table(region)]
    group_columns = {"sector", "municipality"}  # the actor's own record fields
    for table in tables:
        for column in set(table.columns) - group_columns:
            for lang in LANGUAGES:
                assert explain(column, lang)


# ------------------------------------------------------------------ command line


@pytest.fixture(scope="module")
def cli():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args])


def test_cli_conveners(cli, demo_path):
    result = cli("conveners", demo_path, "--k", "2", "--require-sector", "academia")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("The best 2 convener(s) (people graph, ")
    assert "sector=academia" in result.output
    assert "Together they reach " in result.output


def test_cli_conveners_json_matches_library(cli, demo_path):
    result = cli("conveners", demo_path, "--k", "3", "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    G = netmap.load(demo_path).graph(level="people")
    assert [r["node"] for r in records] == list(pick_conveners(G, k=3).index)


def test_cli_conveners_infeasible_request(cli, demo_path):
    result = cli(
        "conveners", demo_path, "--k", "1", "--require-sector", "academia",
        "--require-sector", "business",
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        "pick_conveners was asked for k=1 conveners covering the groups sector=academia, "
        "sector=business, but that needs at least 2." in result.output
    )
    assert "Traceback" not in result.output


def test_cli_unknown_actor(cli, demo_path):
    result = cli("conveners", demo_path, "--exclude", "Nobody Here")
    assert result.exit_code == 2
    assert "--exclude" in result.output
    assert "no actor 'Nobody Here' in the people graph" in result.output


def test_cli_what_if(cli, demo_path):
    ranking = cli("what-if", demo_path, "--k", "2")
    assert ranking.exit_code == 0, ranking.output
    assert ranking.output.startswith("Actors whose leaving would split the network")
    top = fragmentation_table(netmap.load(demo_path).graph(level="people")).iloc[0]
    assert top["name"] in ranking.output
    removed = cli("what-if", demo_path, "--remove", top["name"])
    assert removed.exit_code == 0, removed.output
    assert f"{top['pairs_disconnected']} pair(s) of actors would lose every path." in removed.output
