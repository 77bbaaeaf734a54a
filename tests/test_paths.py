"""Twin merging and the compiled Brandes search, against networkx on twin-rich graphs."""

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netmap.arrays import GraphArrays
from netmap.paths import merge_twins, path_sums


@st.composite
def meeting_graphs(draw) -> nx.Graph:
    """People graphs of random meetings: everyone at a meeting is tied, the tie's weight the
    number of meetings shared (1 or 2: everyone goes to at most two), plus a few direct ties
    of weight 1, 2 or 4 and some isolated people. Many people are twins."""
    n = draw(st.integers(1, 30))
    meetings = draw(st.integers(1, 6))
    attends = [
        draw(st.lists(st.integers(0, meetings - 1), max_size=2, unique=True)) for _ in range(n)
    ]
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for meeting in range(meetings):
        present = [person for person in range(n) if meeting in attends[person]]
        for u, v in itertools.combinations(present, 2):
            shared = len(set(attends[u]) & set(attends[v]))
            G.add_edge(u, v, weight=shared)
    pairs = list(itertools.combinations(range(n), 2))
    if pairs:
        for u, v in draw(st.lists(st.sampled_from(pairs), max_size=5, unique=True)):
            G.add_edge(u, v, weight=draw(st.sampled_from([1, 2, 4])))
    return G


def _exact_measures(G: nx.Graph, weight: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Raw betweenness and Wasserman–Faust closeness from merge_twins and path_sums."""
    arrays = GraphArrays.from_networkx(G, weight)
    merged = merge_twins(arrays.adjacency)
    everyone = np.arange(len(merged.multiplicity))
    dependency, _, total, reached = path_sums(
        merged, everyone, merged.multiplicity.astype(float), threads=2
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        among_reachable = np.nan_to_num(reached / total)[merged.group]
    n = max(len(G) - 1, 1)
    return dependency[merged.group] / 2, among_reachable * reached[merged.group] / n


def _networkx_measures(G: nx.Graph, weight: str | None) -> tuple[np.ndarray, np.ndarray]:
    for _, _, data in G.edges(data=True):
        data["length"] = 1 / data["weight"] if weight else 1
    nodes = sorted(G)
    betweenness = nx.betweenness_centrality(G, weight="length", normalized=False)
    closeness = nx.closeness_centrality(G, distance="length")
    return np.array([betweenness[v] for v in nodes]), np.array([closeness[v] for v in nodes])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting_graphs(), st.booleans())
def test_betweenness_and_closeness_agree_with_networkx(G, weighted):
    weight = "weight" if weighted else None
    betweenness, closeness = _exact_measures(G, weight)
    expected_betweenness, expected_closeness = _networkx_measures(G, weight)
    np.testing.assert_allclose(betweenness, expected_betweenness, atol=1e-9)
    np.testing.assert_allclose(closeness, expected_closeness, atol=1e-12)


@settings(max_examples=150, deadline=None)
@given(meeting_graphs())
def test_every_group_is_pairwise_twins(G):
    arrays = GraphArrays.from_networkx(G, "weight")
    merged = merge_twins(arrays.adjacency)
    assert merged.group.shape == (len(G),)
    assert np.bincount(merged.group).tolist() == merged.multiplicity.tolist()
    nodes = arrays.nodes
    for group in np.flatnonzero(merged.multiplicity > 1):
        members = [nodes[i] for i in np.flatnonzero(merged.group == group)]
        for u, v in itertools.combinations(members, 2):
            assert G.has_edge(u, v)
            assert G[u][v]["weight"] == pytest.approx(1 / merged.inner_length[group])
            others = (set(G[u]) | set(G[v])) - {u, v}
            assert all(G.get_edge_data(u, x) == G.get_edge_data(v, x) for x in others), (
                f"{u} and {v} differ"
            )


def test_twins_with_a_shortcut_between_them_are_not_merged():
    # a and b are twins in ties, but the path a-c-b (length 1/3 + 1/3) is shorter than their
    # own tie (length 1): c lies on their shortest path, so merging would lose it.
    G = nx.Graph()
    G.add_edge("a", "b", weight=1)
    G.add_edge("a", "c", weight=3)
    G.add_edge("b", "c", weight=3)
    merged = merge_twins(GraphArrays.from_networkx(G, "weight").adjacency)
    assert merged.group.tolist() == [0, 1, 2]
    betweenness, _ = _exact_measures(G, "weight")
    assert betweenness.tolist() == [0.0, 0.0, 1.0]


def test_same_contacts_with_other_strengths_are_not_twins():
    # a and b are tied to c, but a's tie is twice as strong: same contacts, not twins.
    G = nx.Graph()
    G.add_edge("a", "b", weight=1)
    G.add_edge("a", "c", weight=2)
    G.add_edge("b", "c", weight=1)
    G.add_edge("c", "d", weight=1)
    merged = merge_twins(GraphArrays.from_networkx(G, "weight").adjacency)
    assert merged.multiplicity.tolist() == [1, 1, 1, 1]
    unweighted = merge_twins(GraphArrays.from_networkx(G, None).adjacency)
    assert unweighted.group.tolist() == [0, 0, 1, 2]


def test_a_meeting_of_five_is_searched_once():
    # Five people met once; one of them, e, also met f. a-d are twins: one search stands for
    # four. e is on every path from f: betweenness 4 (pairs f-a ... f-d).
    G = nx.complete_graph(["a", "b", "c", "d", "e"])
    G.add_edge("e", "f")
    merged = merge_twins(GraphArrays.from_networkx(G, None).adjacency)
    assert merged.multiplicity.tolist() == [4, 1, 1]
    betweenness, closeness = _exact_measures(G, None)
    assert betweenness.tolist() == [0, 0, 0, 0, 4, 0]
    # a: distance 1 to b, c, d, e and 2 to f; closeness 5 / 6.
    assert closeness[0] == pytest.approx(5 / 6)


def test_sums_do_not_depend_on_the_number_of_threads():
    G = nx.relabel_nodes(nx.karate_club_graph(), str)
    arrays = GraphArrays.from_networkx(G, "weight")
    merged = merge_twins(arrays.adjacency)
    sources = np.arange(len(merged.multiplicity))
    counts = merged.multiplicity.astype(float)
    one = path_sums(merged, sources, counts, threads=1)
    three = path_sums(merged, sources, counts, threads=3)
    for a, b in zip(one, three, strict=True):
        assert a.tobytes() == b.tobytes()
