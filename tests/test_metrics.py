"""Tests of netmap.metrics: known answers from published sources, and agreement with networkx
(the reference) and igraph on generated graphs."""

from __future__ import annotations

import random
from fractions import Fraction

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr

import netmap
from netmap.metrics import (
    BROKERAGE_ROLES,
    brokerage_roles,
    communities,
    key_actors,
    participation_coefficient,
    role_texts,
)

KITE_NAMES = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike"]
KITE_NAMES.append("Jane")


@pytest.fixture(scope="module")
def kite() -> pd.DataFrame:
    G = nx.relabel_nodes(nx.krackhardt_kite_graph(), dict(enumerate(KITE_NAMES)))
    return key_actors(G)


def _borgatti(weighted: bool) -> nx.Graph:
    """Borgatti's structural-holes example, as in networkx's test_structuralholes.py."""
    weights = {
        ("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8,
        ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10,
    }  # fmt: skip
    G = nx.Graph(list(weights))
    if weighted:
        nx.set_edge_attributes(G, weights, "weight")
    return G


# ------------------------------------------------------------------ known answers


def test_kite_degree(kite):
    # Krackhardt (1990), "Assessing the political landscape", Fig. 1: Diane has the most
    # ties (6); Jane only one.
    expected = {"Andre": 4, "Beverly": 4, "Carol": 3, "Diane": 6, "Ed": 3, "Fernando": 5}
    expected |= {"Garth": 5, "Heather": 3, "Ike": 2, "Jane": 1}
    assert kite["degree"].to_dict() == expected


def test_kite_betweenness_and_closeness(kite):
    # Normalised values of networkx's own tests (test_betweenness_centrality.py and
    # test_closeness_centrality.py, test_krackhardt_kite_graph), rounded to 3 places:
    # Heather is the broker (0.389), Fernando and Garth the closest (0.643).
    betweenness = [0.023, 0.023, 0.000, 0.102, 0.000, 0.231, 0.231, 0.389, 0.222, 0.000]
    closeness = [0.529, 0.529, 0.500, 0.600, 0.500, 0.643, 0.643, 0.600, 0.429, 0.310]
    table = kite.loc[KITE_NAMES]
    np.testing.assert_allclose(table["betweenness"], betweenness, atol=5e-4)
    np.testing.assert_allclose(table["closeness"], closeness, atol=5e-4)
    assert kite.index[0] == "Heather"


def test_kite_constraint_by_hand(kite):
    # Burt's constraint c_i = sum_j (p_ij + sum_q p_iq p_qj)^2 with p_ij = 1/degree_i here.
    # Jane: one contact, (1)^2 = 1. Ike: Heather and Jane, not tied: 2 * (1/2)^2 = 0.5.
    # Heather: Fernando, Garth (tied; 5 contacts each) and Ike:
    # 2 * (1/3 + 1/3 * 1/5)^2 + (1/3)^2 = 2 * 0.16 + 0.1111 = 0.4311.
    assert kite.loc["Jane", "constraint"] == pytest.approx(1.0)
    assert kite.loc["Ike", "constraint"] == pytest.approx(0.5)
    assert kite.loc["Heather", "constraint"] == pytest.approx(2 * 0.4**2 + 1 / 9)


def test_kite_cut_points(kite):
    # Heather separates Ike and Jane; Ike separates Jane.
    assert kite.index[kite["cut_point"]].sort_values().tolist() == ["Heather", "Ike"]
    assert kite.loc[["Heather", "Ike", "Diane"], "lose_contact"].tolist() == [2, 1, 0]


def test_florentine_medici_betweenness():
    # Padgett's Florentine marriage network: the Medici lie on 47.5 shortest paths between
    # other families (the raw, undirected count; networkx docs and Borgatti 2006).
    G = nx.florentine_families_graph()
    table = key_actors(G)
    n = G.number_of_nodes()
    raw = table.loc["Medici", "betweenness"] * (n - 1) * (n - 2) / 2
    assert raw == pytest.approx(47.5)
    assert table.index[0] == "Medici"


@pytest.mark.parametrize(
    ("weighted", "constraint", "effective_size"),
    [
        # networkx test_structuralholes.py (values from UCINET and igraph, checked by hand)
        (False, {"G": 0.400, "A": 0.595, "C": 1.0}, {"G": 4.67, "A": 2.50, "C": 1.0}),
        # weighted: networkx's per-node path; its all-nodes sparse path gives A 2.79 and
        # G 5.52 (wrong, networkx pull request #8906)
        (True, {"G": 0.299, "A": 0.795, "C": 1.0}, {"G": 5.4717, "A": 2.475, "C": 1.0}),
    ],
)
def test_borgatti_structural_holes(weighted, constraint, effective_size):
    table = key_actors(_borgatti(weighted))
    for node, value in constraint.items():
        assert table.loc[node, "constraint"] == pytest.approx(value, abs=5e-4)
    for node, value in effective_size.items():
        assert table.loc[node, "effective_size"] == pytest.approx(value, abs=5e-3)


def test_karate_club_matches_networkx_weighted_and_not():
    # Zachary's karate club: Mr Hi (0) and the officer (33) are the top brokers.
    G = nx.karate_club_graph()
    unweighted = key_actors(G, weight=None)
    assert set(unweighted.index[:2]) == {0, 33}
    assert unweighted.loc[0, "betweenness"] == pytest.approx(0.43763528, abs=1e-8)
    _assert_agrees_with_networkx(G, "weight")


# ------------------------------------------------------------------ agreement with references


def _assert_agrees_with_networkx(G: nx.Graph, weight: str | None) -> None:
    table = key_actors(G, weight=weight, betweenness="exact").sort_index()
    if len(G) == 0:  # networkx's pagerank and constraint raise on the empty graph
        assert table.empty
        return
    if weight is not None:  # exact lengths, so that tied shortest paths stay tied
        for _, _, data in G.edges(data=True):
            data["_length"] = Fraction(1, data.get(weight, 1))
    distance = None if weight is None else "_length"
    nodes = list(table.index)
    references = {
        "betweenness": nx.betweenness_centrality(G, weight=distance),
        "closeness": nx.closeness_centrality(G, distance=distance, wf_improved=True),
        "pagerank": nx.pagerank(G, weight=weight, tol=1e-13, max_iter=100_000),
        "constraint": nx.constraint(G, weight=weight),
        "effective_size": nx.effective_size(G, nodes=list(G), weight=weight),
        "core_number": nx.core_number(G),
        "degree": dict(G.degree()),
        "strength": dict(G.degree(weight=weight)),
    }
    for column, reference in references.items():
        expected = np.array([reference[node] for node in nodes], dtype=float)
        np.testing.assert_allclose(
            table[column].to_numpy(float), expected, atol=1e-8, equal_nan=True, err_msg=column
        )
    assert set(table.index[table["cut_point"]]) == set(nx.articulation_points(G))


def _assert_agrees_with_igraph(G: nx.Graph) -> None:
    """igraph on the graph as given, one call per measure (no threads, no chunks)."""
    table = key_actors(G, betweenness="exact").sort_index()
    nodes = list(table.index)
    index = {node: i for i, node in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
    w = [data["weight"] for _, _, data in G.edges(data=True)]
    n = len(nodes)
    raw = np.array(h.betweenness(directed=False, weights=[1 / x for x in w]))
    scale = 2 / ((n - 1) * (n - 2))
    np.testing.assert_allclose(table["betweenness"], raw * scale, atol=1e-9)
    np.testing.assert_allclose(table["pagerank"], h.pagerank(weights=w), atol=1e-9)
    np.testing.assert_allclose(
        table["constraint"], h.constraint(weights=w), atol=1e-9, equal_nan=True
    )
    sizes = np.array([len(nx.node_connected_component(G, node)) for node in nodes])
    closeness = np.nan_to_num(h.closeness(weights=[1 / x for x in w]))
    np.testing.assert_allclose(table["closeness"], closeness * (sizes - 1) / (n - 1), atol=1e-9)


@st.composite
def weighted_graphs(draw, min_nodes: int = 0) -> nx.Graph:
    """Random graphs with isolated nodes, several components and weights 1, 2 or 4 (whose
    reciprocals add up exactly, so tied shortest paths stay tied in floating point)."""
    n = draw(st.integers(min_nodes, 25))
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=60)) if pairs else []
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in edges:
        G.add_edge(u, v, weight=draw(st.sampled_from([1, 2, 4])))
    return G


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_graphs(), st.booleans())
def test_generated_graphs_agree_with_networkx(G, weighted):
    _assert_agrees_with_networkx(G, "weight" if weighted else None)


@settings(max_examples=40, deadline=None)
@given(weighted_graphs(min_nodes=3))
def test_generated_graphs_agree_with_igraph(G):
    _assert_agrees_with_igraph(G)


def test_seeded_generators_agree_with_networkx():
    for seed in range(3):
        G = nx.powerlaw_cluster_graph(150, 3, 0.4, seed=seed)
        rng = random.Random(seed)
        for _, _, data in G.edges(data=True):
            data["weight"] = rng.choice([1, 2, 4])
        G.add_nodes_from(["lonely", "pair-a", "pair-b"])
        G.add_edge("pair-a", "pair-b", weight=2)
        G = nx.relabel_nodes(G, str)
        _assert_agrees_with_networkx(G, "weight")


# ------------------------------------------------------------------ brokerage


def _brute_force_brokerage(G: nx.Graph, attribute: str) -> pd.DataFrame:
    """Gould–Fernandez over every ordered triple (i, j, k), as sna's brokerage_R walks them:
    i -> j -> k with i != k and no tie i -> k; missing values are one group (like sna)."""
    group = {v: G.nodes[v].get(attribute) for v in G}
    counts = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    for j in G:
        for i in G[j]:
            for k in G[j]:
                if len({i, j, k}) < 3 or G.has_edge(i, k):
                    continue
                if group[i] == group[j]:
                    role = "coordinator" if group[j] == group[k] else "representative"
                elif group[j] == group[k]:
                    role = "gatekeeper"
                elif group[i] == group[k]:
                    role = "itinerant"
                else:
                    role = "liaison"
                counts[j][role] += 1
    frame = pd.DataFrame.from_dict(counts, orient="index", columns=list(BROKERAGE_ROLES))
    return frame.astype("int64").sort_index()


def test_brokerage_worked_example():
    # sna's ?brokerage example draws a random graph (rgraph), so it has no fixed numbers;
    # this example is worked by hand. Broker v (public) has contacts x1, x2 (public, tied to
    # each other), y1, y2 (academia) and z (business); y1 and z are tied.
    # Ordered pairs of distinct contacts, with s = 2 own-group and d = 3 other contacts:
    #   coordinator s(s-1) = 2, minus the tied (x1, x2) both ways          -> 0
    #   itinerant n_Y(n_Y - 1) = 2 (y1, y2 both ways), none tied            -> 2
    #   representative s*d = 6 (own -> other), none tied                    -> 6
    #   gatekeeper d*s = 6 (other -> own)                                   -> 6
    #   liaison d^2 - (n_Y^2 + n_Z^2) = 9 - 5 = 4, minus (y1, z) both ways -> 2
    # Nobody else brokers: every other node's contacts are tied, or it has only one.
    G = nx.Graph([("v", c) for c in ["x1", "x2", "y1", "y2", "z"]] + [("x1", "x2"), ("y1", "z")])
    sectors = {"v": "public", "x1": "public", "x2": "public", "y1": "academia"}
    sectors |= {"y2": "academia", "z": "business"}
    nx.set_node_attributes(G, sectors, "sector")
    table = brokerage_roles(G)
    assert table.loc["v"].to_dict() == {
        "coordinator": 0, "itinerant": 2, "representative": 6, "gatekeeper": 6, "liaison": 2,
    }  # fmt: skip
    assert (table.drop(index="v") == 0).all().all()
    assert table.columns.tolist() == list(BROKERAGE_ROLES)
    assert table.index.tolist() == sorted(G)


@st.composite
def graphs_with_groups(draw) -> nx.Graph:
    n = draw(st.integers(0, 18))
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=70)) if pairs else []
    G = nx.Graph(edges)
    G.add_nodes_from(range(n))
    for v in G:
        value = draw(st.sampled_from(["public", "academia", "business", None]))
        if value is not None:
            G.nodes[v]["sector"] = value
    return G


@settings(max_examples=150, deadline=None)
@given(graphs_with_groups())
def test_brokerage_matches_brute_force_over_all_triples(G):
    table = brokerage_roles(G)
    pd.testing.assert_frame_equal(
        table, _brute_force_brokerage(G, "sector"), check_names=False, check_index_type=False
    )
    assert (table["representative"] == table["gatekeeper"]).all()


def test_brokerage_missing_values_form_one_group():
    # Like sna's match(cl, unique(cl)): a and c have no sector, so a -> b -> c is within
    # one ("unknown") group, and b (academia) is an itinerant broker.
    G = nx.path_graph(["a", "b", "c"])
    G.nodes["b"]["sector"] = "academia"
    assert brokerage_roles(G).loc["b", "itinerant"] == 2
    # With no node carrying the attribute, all brokerage is coordination.
    assert brokerage_roles(nx.path_graph(3)).loc[1].tolist() == [2, 0, 0, 0, 0]


def test_key_actors_includes_brokerage_over_chosen_attribute():
    G = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(G, {"a": "Luleå", "b": "Piteå", "c": "Luleå"}, "municipality")
    table = key_actors(G, brokerage_attribute="municipality")
    assert table.loc["b", "itinerant"] == 2
    # b's contacts and b itself: Luleå twice, Piteå once, most frequent first.
    assert table.loc["b", "role"].startswith("links Luleå and Piteå; ")


# ------------------------------------------------------------------ cut points, losing contact


def _lose_contact_by_removal(G: nx.Graph) -> dict:
    out = dict.fromkeys(G, 0)
    if len(G) == 0:
        return out
    largest = max(nx.connected_components(G), key=lambda c: (len(c), -min(c)))
    for v in largest:
        rest = G.subgraph(largest - {v})
        biggest = max((len(c) for c in nx.connected_components(rest)), default=0)
        out[v] = len(largest) - 1 - biggest
    return out


@settings(max_examples=120, deadline=None)
@given(weighted_graphs())
def test_lose_contact_matches_removing_each_actor(G):
    table = key_actors(G)
    assert table["lose_contact"].to_dict() == _lose_contact_by_removal(G)
    assert set(table.index[table["cut_point"]]) == set(nx.articulation_points(G))


def test_only_bridge_to_a_place_is_named_in_the_role():
    # Three Luleå civil-society people, two academics, and a Kiruna group hanging off u1.
    edges = [("l1", "l2"), ("l2", "l3"), ("l1", "l3"), ("l3", "u1"), ("u1", "u2"), ("u2", "l1")]
    edges += [("u1", "k1"), ("k1", "k2"), ("k2", "k3"), ("k1", "k3")]
    G = nx.Graph(edges)
    sectors = dict.fromkeys(["l1", "l2", "l3"], "civil_society")
    sectors |= dict.fromkeys(["u1", "u2"], "academia") | dict.fromkeys(["k1", "k2", "k3"], "public")
    places = dict.fromkeys(G, "Luleå") | dict.fromkeys(["k1", "k2", "k3"], "Kiruna")
    nx.set_node_attributes(G, sectors, "sector")
    nx.set_node_attributes(G, places, "municipality")
    table = key_actors(G)
    # k1 alone ties k2 and k3 (Kiruna) to the rest; u1 ties all of Kiruna (3) to the rest.
    assert table.loc["k1", "role"] == "links public sector and academia; the only bridge to Kiruna"
    assert table.loc["u1", "lose_contact"] == 3
    assert "the only bridge to Kiruna" in table.loc["u1", "role"]
    assert table.loc["l2", "role"] == "their contacts all know each other"
    swedish = key_actors(G, lang="sv")
    assert swedish.loc["k1", "role"] == (
        "länkar offentlig sektor och akademi; enda länken till Kiruna"
    )


# ------------------------------------------------------------------ communities, participation


def test_communities_two_triangles_numbered_by_size_then_first_node():
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    G.add_edges_from([("d", "e"), ("e", "f"), ("d", "f"), ("f", "g"), ("g", "d")])
    labels = communities(G)
    assert labels.name == "community"
    # {d, e, f, g} is larger, so it is community 0.
    assert labels.to_dict() == {"a": 1, "b": 1, "c": 1, "d": 0, "e": 0, "f": 0, "g": 0}


def test_communities_are_seeded_and_leave_global_random_state_alone():
    G = nx.les_miserables_graph()
    state = random.getstate()
    first = communities(G, seed=3)
    assert random.getstate() == state
    assert first.equals(communities(G, seed=3))
    shuffled = nx.Graph()
    nodes = list(G)
    random.Random(1).shuffle(nodes)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(sorted(G.edges(data=True), key=lambda e: str(e[1])))
    assert first.equals(communities(shuffled, seed=3))  # insertion order does not matter
    sizes = first.value_counts().sort_index()
    assert sizes.is_monotonic_decreasing


def test_communities_of_isolated_and_empty_graphs():
    assert communities(nx.empty_graph(3)).tolist() == [0, 1, 2]
    assert communities(nx.Graph()).empty


def test_participation_coefficient_by_hand():
    # Guimerà & Amaral's P_i = 1 - sum_s (k_is / k_i)^2. The centre of a star whose four
    # leaves are in communities 0, 0, 1, 2 (itself in 0): 1 - (1/2)^2 - (1/4)^2 - (1/4)^2.
    G = nx.star_graph(4)
    labels = {0: 0, 1: 0, 2: 0, 3: 1, 4: 2}
    result = participation_coefficient(G, labels)
    assert result[0] == pytest.approx(0.625)
    assert result[1] == 0.0
    G.add_node(9)
    with pytest.raises(ValueError) as info:
        participation_coefficient(G, labels)
    assert str(info.value) == (
        "communities must give a community to every node of the graph; 1 node(s) have "
        "none, e.g. [9]. Pass the Series netmap.communities(G) returns, or omit "
        "communities to compute it."
    )


@settings(max_examples=50, deadline=None)
@given(weighted_graphs())
def test_participation_coefficient_is_within_bounds(G):
    table = key_actors(G)
    k = table["community"].nunique() if len(table) else 1
    assert table["participation_coefficient"].between(0, 1 - 1 / k + 1e-12).all()
    assert (table.loc[table["degree"] == 0, "participation_coefficient"] == 0).all()


# ------------------------------------------------------------------ the table itself

COLUMNS = [
    "name", "degree", "strength", "organisations_reached", "sectors_reached",
    "municipalities_reached", "betweenness", "closeness", "pagerank", "constraint",
    "effective_size", "cut_point", "lose_contact", "core_number", "community",
    "participation_coefficient", *BROKERAGE_ROLES, "role",
]  # fmt: skip


def test_empty_graph_gives_empty_table_with_all_columns():
    table = key_actors(nx.Graph())
    assert table.columns.tolist() == COLUMNS
    assert table.empty


def test_isolated_nodes_self_loops_and_missing_attributes():
    G = nx.Graph([("a", "b"), ("b", "c")])
    G.add_node("lonely", name="Lonely Lisa")
    looped = G.copy()
    looped.add_edge("b", "b", weight=5)
    table = key_actors(G)
    pd.testing.assert_frame_equal(table, key_actors(looped))
    assert table.loc["lonely"].to_dict() | {"constraint": "nan", "effective_size": "nan"} == {
        "name": "Lonely Lisa", "degree": 0, "strength": 0.0, "organisations_reached": 0,
        "sectors_reached": 0, "municipalities_reached": 0, "betweenness": 0.0,
        "closeness": 0.0, "pagerank": pytest.approx(nx.pagerank(G)["lonely"]), "constraint": "nan",
        "effective_size": "nan", "cut_point": False, "lose_contact": 0, "core_number": 0,
        "community": 1, "participation_coefficient": 0.0, "coordinator": 0, "itinerant": 0,
        "representative": 0, "gatekeeper": 0, "liaison": 0, "role": "no ties in this view",
    }  # fmt: skip
    assert np.isnan(table.loc["lonely", "constraint"])


def test_reached_counts_distinct_values_among_contacts():
    G = nx.star_graph(["hub", "a", "b", "c"])
    organisations = {"hub": "Region", "a": "LTU", "b": "LTU", "c": "Röda Korset"}
    nx.set_node_attributes(G, organisations, "organisation")
    G.nodes["c"]["municipality"] = "Kiruna"
    table = key_actors(G)
    assert table.loc["hub", "organisations_reached"] == 2  # LTU, Röda Korset (not its own)
    assert table.loc["hub", "municipalities_reached"] == 1
    assert table.loc["a", "organisations_reached"] == 1
    custom = key_actors(G, attributes=("municipality", "city"))
    assert {"municipalities_reached", "cities_reached"} <= set(custom.columns)


def test_sorted_by_betweenness_then_pagerank_then_id():
    G = nx.Graph([("b", "x"), ("a", "x"), ("x", "y"), ("y", "z")])
    G.add_nodes_from(["q", "p"])
    table = key_actors(G)
    # x then y by betweenness; among the rest (0), z (tied to y, with fewer contacts than
    # x) has the higher PageRank; a and b tie on both, as do p and q: ordered by id.
    assert table.index.tolist() == ["x", "y", "z", "a", "b", "p", "q"]


@settings(max_examples=30, deadline=None)
@given(weighted_graphs(), st.randoms(use_true_random=False))
def test_same_graph_in_any_order_gives_the_same_table(G, rnd):
    shuffled = nx.Graph()
    nodes = list(G.nodes(data=True))
    edges = list(G.edges(data=True))
    rnd.shuffle(nodes)
    rnd.shuffle(edges)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from((v, u, d) for u, v, d in edges)
    assert key_actors(G).to_csv() == key_actors(shuffled).to_csv()


def test_sampled_betweenness_is_seeded_recorded_and_close_to_exact():
    G = nx.connected_watts_strogatz_graph(800, 6, 0.1, seed=2)
    exact = key_actors(G, weight=None, betweenness="exact").sort_index()
    sampled = key_actors(G, weight=None, betweenness="sampled", sample_sources=300, seed=5)
    assert sampled.attrs["betweenness"] == {"method": "sampled", "sources": 300, "seed": 5}
    assert exact.attrs["betweenness"] == {"method": "exact"}
    again = key_actors(G, weight=None, betweenness="sampled", sample_sources=300, seed=5)
    pd.testing.assert_frame_equal(sampled, again)
    sampled = sampled.sort_index()
    rho = spearmanr(exact["betweenness"], sampled["betweenness"]).statistic
    assert rho > 0.9
    assert spearmanr(exact["closeness"], sampled["closeness"]).statistic > 0.95
    top = set(exact["betweenness"].nlargest(20).index)
    assert len(top & set(sampled["betweenness"].nlargest(20).index)) >= 14


def test_sampled_betweenness_with_every_source_is_exact():
    G = nx.florentine_families_graph()
    table = key_actors(G, betweenness="sampled", sample_sources=100)
    assert table.attrs["betweenness"] == {"method": "exact"}


def test_sampled_betweenness_counts_small_components_exactly():
    # Sources are sampled in the largest component only; the path a-b-c elsewhere is exact.
    G = nx.cycle_graph(200)
    nx.add_path(G, ["a", "b", "c"])
    G = nx.relabel_nodes(G, str)
    table = key_actors(G, betweenness="sampled", sample_sources=50)
    n = len(G)
    assert table.loc["b", "betweenness"] * (n - 1) * (n - 2) / 2 == pytest.approx(1.0)


# ------------------------------------------------------------------ errors


def test_directed_graph_is_refused_with_advice():
    with pytest.raises(nx.NetworkXNotImplemented) as info:
        key_actors(nx.DiGraph([(1, 2)]))
    assert str(info.value) == (
        "netmap's key-actor metrics need an undirected simple graph (nx.Graph); got "
        "DiGraph. Convert it first, e.g. nx.Graph(G.to_undirected())."
    )


def test_non_positive_weight_is_refused_with_the_edge():
    G = nx.Graph()
    G.add_edge("a", "b", weight=0)
    G.add_edge("b", "c", weight=-1)
    with pytest.raises(ValueError) as info:
        key_actors(G)
    assert str(info.value) == (
        "The edge weights ('weight') must be positive numbers: a weight is a tie's strength "
        "and 1/weight its length. Got 0.0 on the edge ('a', 'b') and 2 bad weight(s) in "
        "all. Drop those edges, fix their weights, or pass weight=None to count every tie "
        "as 1."
    )


def test_bad_options_are_refused():
    G = nx.path_graph(3)
    with pytest.raises(ValueError) as info:
        key_actors(G, betweenness="fast")
    assert str(info.value) == (
        "The 'betweenness' option must be one of 'auto', 'exact', 'sampled'; got 'fast'."
    )
    with pytest.raises(ValueError, match="sample_sources must be an int of at least 1; got 0"):
        key_actors(G, sample_sources=0)


def test_role_texts_in_another_language_match_key_actors_in_it(demo_path):
    G = netmap.load(demo_path).graph("people")
    english = key_actors(G)
    swedish = key_actors(G, lang="sv")
    pd.testing.assert_series_equal(
        role_texts(G, actors=english, lang="sv"), swedish["role"], check_names=False
    )
    assert not english["role"].equals(swedish["role"])
    with pytest.raises(ValueError, match="actors must be the key_actors table of this graph"):
        role_texts(G, actors=english.iloc[1:], lang="sv")
