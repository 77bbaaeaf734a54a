"""Tests of netmap.layout: seeded, reproducible positions, components apart, communities apart."""

from __future__ import annotations

import copy

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.layout import DIRECT_LAYOUT_LIMIT, layout_positions


def as_array(pos: dict, nodes) -> np.ndarray:
    return np.array([pos[n] for n in nodes])


def test_same_seed_same_positions_whatever_the_order_of_insertion():
    G = nx.les_miserables_graph()
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes)))
    H.add_edges_from((v, u, d) for u, v, d in reversed(list(G.edges(data=True))))
    first = layout_positions(G, seed=3)
    assert all(np.array_equal(first[n], layout_positions(G, seed=3)[n]) for n in G)
    assert all(np.array_equal(first[n], layout_positions(H, seed=3)[n]) for n in G)
    other = layout_positions(G, seed=4)
    assert not all(np.array_equal(first[n], other[n]) for n in G)


def test_python_random_state_is_left_alone():
    import random

    random.seed(11)
    expected = random.random()
    random.seed(11)
    layout_positions(nx.karate_club_graph(), seed=0)
    assert random.random() == expected


def test_graph_is_not_modified():
    G = nx.karate_club_graph()
    before = copy.deepcopy(G)
    layout_positions(G)
    assert nx.utils.graphs_equal(G, before)


def test_components_do_not_overlap():
    # two triangles and an isolated node: three components packed side by side or in rows
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)])
    G.add_node(6)
    pos = layout_positions(G)
    boxes = []
    for part in nx.connected_components(G):
        xy = as_array(pos, sorted(part))
        boxes.append((xy.min(axis=0), xy.max(axis=0)))
    for i, (low_a, high_a) in enumerate(boxes):
        for low_b, high_b in boxes[i + 1 :]:
            apart = (high_a < low_b) | (high_b < low_a)
            assert apart.any()


def test_large_component_is_laid_out_community_by_community():
    # two cliques of 200 joined by one tie: one component above DIRECT_LAYOUT_LIMIT, whose
    # communities are the cliques; each must sit in a disc of its own
    G = nx.barbell_graph(200, 0)
    assert G.number_of_nodes() > DIRECT_LAYOUT_LIMIT
    pos = layout_positions(G)
    left, right = as_array(pos, range(200)), as_array(pos, range(200, 400))
    centre_gap = np.linalg.norm(left.mean(axis=0) - right.mean(axis=0))
    radius = max(
        np.linalg.norm(left - left.mean(axis=0), axis=1).max(),
        np.linalg.norm(right - right.mean(axis=0), axis=1).max(),
    )
    assert centre_gap > 2 * radius


def test_scale_gives_each_node_about_one_unit_of_room():
    pos = layout_positions(nx.karate_club_graph())
    xy = as_array(pos, range(34))
    rms = np.sqrt(((xy - xy.mean(axis=0)) ** 2).sum(axis=1).mean())
    assert rms == pytest.approx(np.sqrt(34 / (2 * np.pi)))


def test_empty_and_single_node_graphs():
    assert layout_positions(nx.Graph()) == {}
    (only,) = layout_positions(nx.Graph([("a", "a")])).values()
    assert only.tolist() == [0.0, 0.0]


def test_bad_weights_are_refused():
    G = nx.Graph([("a", "b", {"weight": -1.0})])
    with pytest.raises(ValueError, match="The edge weights \\('weight'\\) must be positive"):
        layout_positions(G)
    assert set(layout_positions(G, weight=None)) == {"a", "b"}


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=60),
    p=st.floats(min_value=0.0, max_value=0.3),
    graph_seed=st.integers(min_value=0, max_value=10_000),
    seed=st.integers(min_value=0, max_value=10),
)
def test_every_node_gets_a_finite_reproducible_position(n, p, graph_seed, seed):
    G = nx.gnp_random_graph(n, p, seed=graph_seed)
    pos = layout_positions(G, seed=seed)
    assert set(pos) == set(G)
    xy = as_array(pos, range(n))
    assert np.isfinite(xy).all() and xy.shape == (n, 2)
    assert np.array_equal(xy, as_array(layout_positions(G, seed=seed), range(n)))


def test_public_api():
    assert netmap.layout_positions is layout_positions
