"""Tests of netmap.whatif: fragmentation, single removals, named removals, actors to protect."""

from __future__ import annotations

import math
from itertools import combinations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netmap import arrays, whatif
from netmap.whatif import (
    actors_to_protect,
    fragmentation,
    fragmentation_table,
    what_if_removed,
)

# ------------------------------------------------------------------ independent references


def reference_fragmentation(G: nx.Graph) -> float:
    """Borgatti's F from networkx's components (the definition, written directly)."""
    n = len(G)
    if n < 2:
        return math.nan
    same = sum(len(c) * (len(c) - 1) for c in nx.connected_components(G))
    return 1 - same / (n * (n - 1))


def reference_distance_fragmentation(G: nx.Graph) -> float:
    """Borgatti's DF from networkx's all-pairs shortest path lengths."""
    n = len(G)
    if n < 2:
        return math.nan
    total = sum(
        1 / d for _, lengths in nx.all_pairs_shortest_path_length(G) for d in lengths.values() if d
    )
    return 1 - total / (n * (n - 1))


def without(G: nx.Graph, nodes) -> nx.Graph:
    H = G.copy()
    H.remove_nodes_from(nodes)
    return H


graphs = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(0, 14),
    st.floats(0.0, 0.5),
    st.integers(0, 10_000),
)


# ------------------------------------------------------------------ fragmentation


def test_path_and_star_distance_fragmentation_by_hand():
    # Borgatti (2006), eq. 9: DF = 1 - sum_{i != j} (1/d_ij) / (n (n - 1)).
    # Path of 4: unordered distances 1, 1, 1, 2, 2, 3 -> sum 1/d = 3 + 1 + 1/3 = 13/3;
    # both directions 26/3 over 12 ordered pairs: DF = 1 - 26/36 = 5/18.
    assert fragmentation(nx.path_graph(4), distance_weighted=True) == pytest.approx(5 / 18)
    # Star with n nodes: n - 1 pairs at distance 1, (n - 1)(n - 2)/2 at distance 2, so
    # DF = 1 - (2 (n - 1) + (n - 1)(n - 2)/2) / (n (n - 1)) = (n - 2) / (2 n).
    for leaves in (2, 4, 9):
        n = leaves + 1
        star = nx.star_graph(leaves)
        assert fragmentation(star, distance_weighted=True) == pytest.approx((n - 2) / (2 * n))
        assert fragmentation(star) == 0.0


def test_extremes():
    assert fragmentation(nx.complete_graph(5), distance_weighted=True) == 0.0
    assert fragmentation(nx.empty_graph(4)) == 1.0
    assert fragmentation(nx.empty_graph(4), distance_weighted=True) == 1.0
    assert math.isnan(fragmentation(nx.empty_graph(1)))
    assert math.isnan(fragmentation(nx.Graph()))


def test_two_components_by_hand():
    # Components of 3 and 2 in 5 nodes: F = 1 - (3*2 + 2*1) / (5*4) = 0.6.
    G = nx.Graph([(0, 1), (1, 2), (3, 4)])
    assert fragmentation(G) == pytest.approx(0.6)


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_fragmentation_agrees_with_networkx_definitions(G):
    assert fragmentation(G) == pytest.approx(reference_fragmentation(G), nan_ok=True)
    assert fragmentation(G, distance_weighted=True) == pytest.approx(
        reference_distance_fragmentation(G), nan_ok=True
    )


def test_distance_fragmentation_over_many_source_chunks(monkeypatch):
    # Small chunks force the 64-sources-per-word search to split its sources.
    monkeypatch.setattr(arrays, "_BFS_CHUNK_BYTES", 64)
    G = nx.connected_watts_strogatz_graph(150, 4, 0.1, seed=3)
    expected = reference_distance_fragmentation(G)
    assert fragmentation(G, distance_weighted=True) == pytest.approx(expected)


def test_directed_graph_is_refused():
    with pytest.raises(nx.NetworkXNotImplemented):
        fragmentation(nx.DiGraph([(0, 1)]))


# ------------------------------------------------------------------ single removals


def test_florentine_medici_fragment_most():
    # Padgett's Florentine marriages (networkx, 15 families without Pucci): the Medici are
    # the textbook cut point (Borgatti 2006 uses this network). Without them the families
    # fall into 11 (the rest), 2 (Pazzi, Salviati) and 1 (Acciaiuoli): of 14 * 13 ordered
    # pairs 110 + 2 stay connected, F = 1 - 112/182 = 0.3846.
    G = nx.florentine_families_graph()
    table = fragmentation_table(G)
    assert table.index[0] == "Medici"
    assert table.loc["Medici", "cut_point"]
    assert table.loc["Medici", "fragmentation_after"] == pytest.approx(1 - 112 / 182)
    assert table.loc["Medici", "fragmentation_after"] == pytest.approx(
        reference_fragmentation(without(G, ["Medici"]))
    )
    assert table.loc["Medici", "components_after"] == 3


def test_krackhardt_kite_heather_fragments_most():
    # networkx labels the kite 0..9; its docstring gives the traditional labelling
    # Andre=1 ... Heather=8, Ike=9, Jane=10, so Heather is node 7. Without Heather, Ike and
    # Jane are cut off: components of 7 and 2 among 9, F = 1 - (42 + 2)/72 = 0.3889, and
    # 7 * 2 = 14 pairs lose their path. Ike (8) is the only other cut point (cuts off Jane).
    table = fragmentation_table(nx.krackhardt_kite_graph())
    assert list(table.index[:2]) == [7, 8]
    assert table.loc[7, "fragmentation_after"] == pytest.approx(1 - 44 / 72)
    assert table.loc[7, "pairs_disconnected"] == 14
    assert table.loc[7, "components_after"] == 2
    assert table.loc[7, "largest_share_after"] == pytest.approx(7 / 9)
    assert table["cut_point"].sum() == 2
    assert table.attrs["fragmentation"] == 0.0


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_fragmentation_table_agrees_with_removing_each_node(G):
    table = fragmentation_table(G)
    before = reference_fragmentation(G)
    components = nx.number_connected_components(G)
    for node in G:
        H = without(G, [node])
        row = table.loc[node]
        assert row["fragmentation_after"] == pytest.approx(reference_fragmentation(H), nan_ok=True)
        assert row["components_after"] == nx.number_connected_components(H)
        assert row["cut_point"] == (nx.number_connected_components(H) > components)
        lost = sum(
            1
            for u, v in combinations(sorted(H), 2)
            if nx.has_path(G, u, v) and not nx.has_path(H, u, v)
        )
        assert row["pairs_disconnected"] == lost
        if len(H):
            largest = max(len(c) for c in nx.connected_components(H))
            assert row["largest_share_after"] == pytest.approx(largest / len(H))
        assert row["fragmentation_increase"] == pytest.approx(
            reference_fragmentation(H) - before, nan_ok=True
        )
    after = table["fragmentation_after"].fillna(-1).to_numpy()
    assert (np.diff(after) <= 1e-12).all()


def test_cut_points_agree_with_networkx_on_a_long_path():
    # 3,000 nodes in a path: the depth-first search must not recurse.
    G = nx.path_graph(3000)
    table = fragmentation_table(G)
    assert set(table.index[table["cut_point"]]) == set(nx.articulation_points(G))
    assert table.index[0] == 1499  # the middle splits into the two largest halves


# ------------------------------------------------------------------ removing named actors


@pytest.fixture
def kite_with_sectors() -> nx.Graph:
    G = nx.krackhardt_kite_graph()
    sectors = dict.fromkeys(range(8), "public") | {8: "academia", 9: "academia"}
    nx.set_node_attributes(G, sectors, "sector")
    nx.set_node_attributes(G, {n: "Kiruna" if n < 5 else "Luleå" for n in G}, "municipality")
    return G


def test_removing_heather(kite_with_sectors):
    result = what_if_removed(kite_with_sectors, [7])
    assert result["removed"] == [7]
    assert (result["actors_before"], result["actors_after"]) == (10, 9)
    assert (result["components_before"], result["components_after"]) == (1, 2)
    assert result["largest_share_before"] == 1.0
    assert result["largest_share_after"] == pytest.approx(7 / 9)
    assert result["fragmentation_before"] == 0.0
    assert result["fragmentation_after"] == pytest.approx(1 - 44 / 72)
    G = kite_with_sectors
    assert result["distance_fragmentation_before"] == pytest.approx(
        reference_distance_fragmentation(G)
    )
    assert result["distance_fragmentation_after"] == pytest.approx(
        reference_distance_fragmentation(without(G, [7]))
    )
    assert result["pairs_disconnected"] == 14
    # Heather (public) had the only tie between public and academia (Heather - Ike), so the
    # sectors lose it and every path. Kiruna (0-4) and Luleå (5-9) keep their 6 ties
    # (Andre-Fernando, Beverley-Garth, Carol-Fernando, Diane-Fernando, Diane-Garth,
    # Ed-Garth), so they are not listed.
    assert result["groups_disconnected"].to_dict("records") == [
        {
            "attribute": "sector",
            "group": "academia",
            "other_group": "public",
            "ties_before": 1,
            "ties_after": 0,
            "connected_after": False,
        }
    ]
    assert result["groups_gone"].empty


def test_groups_lose_contact_by_hand():
    # a - b - c with a, b public and c academia; without b, public (a) and academia (c)
    # have no tie and no path. groups_gone lists nothing, every group keeps an actor.
    G = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(G, {"a": "public", "b": "public", "c": "academia"}, "sector")
    result = what_if_removed(G, "b", distance_weighted=False)
    assert "distance_fragmentation_after" not in result
    assert result["groups_disconnected"].to_dict("records") == [
        {
            "attribute": "sector",
            "group": "academia",
            "other_group": "public",
            "ties_before": 1,
            "ties_after": 0,
            "connected_after": False,
        }
    ]
    # Removing the only academic: academia is gone, no pair of remaining groups is listed.
    gone = what_if_removed(G, ["c"])
    assert gone["groups_disconnected"].empty
    assert gone["groups_gone"].to_dict("records") == [
        {"attribute": "sector", "group": "academia", "actors_before": 1}
    ]


def test_removing_everyone_and_nobody():
    G = nx.path_graph(3)
    nobody = what_if_removed(G, [])
    assert nobody["fragmentation_after"] == nobody["fragmentation_before"] == 0.0
    assert nobody["pairs_disconnected"] == 0
    everyone = what_if_removed(G, [0, 1, 2])
    assert everyone["actors_after"] == 0
    assert everyone["components_after"] == 0
    assert math.isnan(everyone["fragmentation_after"])
    assert math.isnan(everyone["largest_share_after"])


def test_unknown_node_error_text():
    G = nx.path_graph(["a", "b"])
    with pytest.raises(ValueError) as err:
        what_if_removed(G, ["a", "zz"])
    assert str(err.value) == (
        "nodes must be node ids of the graph (such as 'a'); got 'zz', which is not in it. "
        "Check the spelling, or list the ids with list(G.nodes)."
    )


@settings(max_examples=40, deadline=None)
@given(graphs, st.data())
def test_what_if_agrees_with_networkx(G, data):
    removed = data.draw(st.lists(st.sampled_from(sorted(G)), unique=True)) if len(G) else []
    result = what_if_removed(G, removed)
    H = without(G, removed)
    assert result["components_after"] == nx.number_connected_components(H)
    assert result["fragmentation_after"] == pytest.approx(reference_fragmentation(H), nan_ok=True)
    assert result["distance_fragmentation_after"] == pytest.approx(
        reference_distance_fragmentation(H), nan_ok=True
    )
    lost = sum(
        1
        for u, v in combinations(sorted(H), 2)
        if nx.has_path(G, u, v) and not nx.has_path(H, u, v)
    )
    assert result["pairs_disconnected"] == lost


# ------------------------------------------------------------------ actors to protect


def test_protect_florentine_and_kite():
    assert list(actors_to_protect(nx.florentine_families_graph(), k=1).index) == ["Medici"]
    kite = actors_to_protect(nx.krackhardt_kite_graph(), k=1)
    assert list(kite.index) == [7]
    assert kite.attrs["search"] == "exact"


def test_nothing_to_protect_in_a_cycle():
    # A ring has no cut point and no single removal splits it: nothing to protect (k=1).
    table = actors_to_protect(nx.cycle_graph(12), k=1)
    assert table.empty
    assert table.attrs["fragmentation_after"] == 0.0


@settings(max_examples=30, deadline=None)
@given(graphs, st.integers(1, 3))
def test_protect_exact_is_the_best_set(G, k):
    if len(G) < k:
        return
    table = actors_to_protect(G, k=k)
    best = max(
        (reference_fragmentation(without(G, combo)) for combo in combinations(sorted(G), k)),
        key=lambda f: -1 if math.isnan(f) else f,
    )
    before = reference_fragmentation(G)
    if best > before + 1e-12:
        assert table.attrs["fragmentation_after"] == pytest.approx(best)
        assert len(table) == k
    else:  # no set raises F: nothing to protect
        assert table.empty
        assert table.attrs["fragmentation_after"] == pytest.approx(before, nan_ok=True)


def test_protect_greedy_with_swaps(monkeypatch):
    # Three stars whose centres hang off a path: the greedy search (forced here) must find
    # the three centres, the exact answer.
    monkeypatch.setattr(whatif, "EXACT_SEARCH_MAX_SETS", 0)
    G = nx.Graph()
    for centre in ("c1", "c2", "c3"):
        G.add_edges_from((centre, f"{centre}-{i}") for i in range(5))
    G.add_edges_from([("c1", "c2"), ("c2", "c3")])
    table = actors_to_protect(G, k=3)
    assert table.attrs["search"] == "greedy with swaps"
    assert sorted(table.index) == ["c1", "c2", "c3"]
    assert table.index[0] == "c2"  # alone it cuts the most pairs
    assert table["fragmentation_after"].is_monotonic_increasing
    assert table.attrs["fragmentation_after"] == pytest.approx(
        reference_fragmentation(without(G, ["c1", "c2", "c3"]))
    )


def test_protect_rejects_bad_k():
    with pytest.raises(ValueError) as err:
        actors_to_protect(nx.path_graph(3), k=0)
    assert str(err.value) == (
        "The 'k' parameter of actors_to_protect must be an int of at least 1 (how many "
        "actors to choose). Got 0 instead."
    )
    with pytest.raises(ValueError, match="needs at least k=3 eligible actors"):
        actors_to_protect(nx.path_graph(3), k=3, exclude=[0])
