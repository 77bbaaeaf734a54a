"""Burt's constraint and effective size against networkx's own functions."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netmap.arrays import GraphArrays
from netmap.holes import structural_holes
from netmap.synthetic import generate


@st.composite
def weighted_graphs(draw) -> nx.Graph:
    n = draw(st.integers(1, 20))
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=50)) if pairs else []
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in edges:
        G.add_edge(u, v, weight=draw(st.sampled_from([0.5, 1, 2, 3])))
    return G


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_graphs(), st.booleans())
def test_agrees_with_networkx_per_node(G, weighted):
    weight = "weight" if weighted else None
    constraint, effective_size = structural_holes(
        GraphArrays.from_networkx(G, weight).adjacency, threads=2
    )
    nodes = sorted(G)
    expected_constraint = nx.constraint(G, weight=weight)
    # nodes= takes networkx's per-node path, right with weights (its all-nodes path is not).
    expected_size = nx.effective_size(G, nodes=nodes, weight=weight)
    np.testing.assert_allclose(constraint, [expected_constraint[v] for v in nodes], atol=1e-12)
    np.testing.assert_allclose(effective_size, [expected_size[v] for v in nodes], atol=1e-12)


def test_effective_size_by_borgattis_formula():
    # Borgatti (1997): unweighted, effective size is n - 2t/n for n contacts with t ties
    # among them. A has contacts B, C, D, E, and C-E are tied: 4 - 2 * 1 / 4 = 3.5.
    G = nx.Graph([("A", "B"), ("A", "C"), ("A", "D"), ("A", "E"), ("C", "E")])
    _, effective_size = structural_holes(GraphArrays.from_networkx(G, None).adjacency, threads=1)
    assert effective_size[0] == pytest.approx(3.5)


def test_same_result_on_any_number_of_threads():
    # Large enough for the threads to overlap: chunks put back out of order, or a scratch
    # array shared between threads, would show here.
    weights = GraphArrays.from_networkx(generate(2000, seed=3).graph("people"), "weight").adjacency
    one = structural_holes(weights, threads=1)
    four = structural_holes(weights, threads=4)
    assert all(a.tobytes() == b.tobytes() for a, b in zip(one, four, strict=True))
