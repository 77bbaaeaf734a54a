"""Graph plumbing shared by the metric modules: one node order, arrays, many-source search.

A networkx graph becomes index arrays once (:class:`GraphArrays`): scipy sparse matrices for
the vectorised measures and an igraph graph for the compiled ones, node ``i`` being
``nodes[i]`` in the deterministic order of :func:`sorted_nodes`. The argument checks and the
bit-parallel breadth-first search here are used by several modules, so they live here once.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from operator import methodcaller

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

#: Bytes the many-source breadth-first search may use for one level's working arrays.
_BFS_CHUNK_BYTES = 64 * 2**20

__all__ = [
    "PRODUCT_BUDGET",
    "GraphArrays",
    "check_k",
    "check_nodes",
    "hop_levels",
    "igraph_seeded",
    "masked_product",
    "node_name",
    "node_names",
    "node_values",
    "one_hot",
    "row_sums",
    "sorted_nodes",
    "unpack_sources",
]


#: Entries a block of a sparse product may hold before the rows are split into more blocks.
PRODUCT_BUDGET = 5_000_000


def sorted_nodes(G: nx.Graph) -> list[Hashable]:
    """The nodes in a deterministic order: sorted, or sorted by (type, text) when mixed."""
    try:
        return sorted(G)
    except TypeError:
        return sorted(G, key=lambda node: (type(node).__name__, str(node)))


@dataclass(frozen=True)
class GraphArrays:
    """An undirected graph as index arrays: node ``i`` is ``nodes[i]``, each edge once.

    Self-loops are dropped (a tie to oneself connects nobody); edge weights are validated
    positive and finite (1.0 for every edge when ``weight`` is None or missing on an edge).
    """

    nodes: list[Hashable]
    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray
    weighted: bool

    @classmethod
    def from_networkx(cls, G: nx.Graph, weight: str | None) -> GraphArrays:
        if G.is_directed() or G.is_multigraph():
            raise nx.NetworkXNotImplemented(
                f"netmap's key-actor metrics need an undirected simple graph (nx.Graph); got "
                f"{type(G).__name__}. Convert it first, e.g. nx.Graph(G.to_undirected())."
            )
        nodes = sorted_nodes(G)
        index = {node: i for i, node in enumerate(nodes)}
        # Each node's contacts straight from networkx's adjacency dicts (C-level iteration:
        # a million ties take a fraction of a second), then each tie once, as (lower, higher).
        contacts = [G._adj[node] for node in nodes]
        counts = np.fromiter(map(len, contacts), np.int64, len(nodes))
        total = int(counts.sum())
        neighbours = itertools.chain.from_iterable(contacts)
        ends = np.fromiter(map(index.__getitem__, neighbours), np.int64, total)
        starts = np.repeat(np.arange(len(nodes), dtype=np.int64), counts)
        if weight is None:
            strengths = np.ones(total)
        else:
            attributes = itertools.chain.from_iterable(map(methodcaller("values"), contacts))
            strengths = np.fromiter(map(methodcaller("get", weight, 1.0), attributes), float, total)
        keep = starts < ends
        source, target, weights = starts[keep], ends[keep], strengths[keep]
        bad = ~(np.isfinite(weights) & (weights > 0))
        if bad.any():
            first = int(np.flatnonzero(bad)[0])
            value, edge = float(weights[first]), (nodes[source[first]], nodes[target[first]])
            raise ValueError(
                f"The edge weights ({weight!r}) must be positive numbers: a weight is a tie's "
                f"strength and 1/weight its length. Got {value!r} on the edge {edge} and "
                f"{int(bad.sum())} bad weight(s) in all. Drop those edges, fix their "
                f"weights, or pass weight=None to count every tie as 1."
            )
        return cls(nodes, source, target, weights, weighted=weight is not None)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @cached_property
    def adjacency(self) -> sp.csr_array:
        """The symmetric weighted adjacency matrix (no diagonal)."""
        rows = np.concatenate([self.source, self.target])
        cols = np.concatenate([self.target, self.source])
        data = np.concatenate([self.weight, self.weight])
        return sp.csr_array((data, (rows, cols)), shape=(self.n, self.n))

    @cached_property
    def binary(self) -> sp.csr_array:
        """The symmetric 0/1 adjacency matrix (no diagonal)."""
        adjacency = self.adjacency.copy()
        adjacency.data[:] = 1.0
        return adjacency

    @cached_property
    def lengths(self) -> sp.csr_array:
        """The symmetric matrix of edge lengths ``1 / weight``."""
        lengths = self.adjacency.copy()
        lengths.data = 1.0 / lengths.data
        return lengths

    @cached_property
    def igraph(self) -> ig.Graph:
        """The same graph in igraph, vertex ``i`` being ``nodes[i]``."""
        graph = ig.Graph(n=self.n, directed=False)
        graph.add_edges(np.column_stack([self.source, self.target]))
        return graph

    @property
    def weights(self) -> list[float] | None:
        """Edge weights for igraph in edge order, or None when unweighted."""
        return self.weight.tolist() if self.weighted else None

    @property
    def distances(self) -> list[float] | None:
        """Edge lengths ``1 / weight`` for igraph (a strong tie is short), or None."""
        return (1.0 / self.weight).tolist() if self.weighted else None

    def series(self, values: np.ndarray, name: str) -> pd.Series:
        """A Series over the nodes, in node order."""
        return pd.Series(values, index=pd.Index(self.nodes, name="node"), name=name)


@contextmanager
def igraph_seeded(seed: int | None) -> Iterator[None]:
    """Let igraph draw from a private ``random.Random(seed)``, then give it back ``random``.

    igraph draws from Python's global ``random`` module by default; seeding that would change
    the caller's random state, so igraph gets a generator of its own for the call.
    """
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def node_values(
    G: nx.Graph, nodes: list[Hashable], attribute: str
) -> tuple[np.ndarray, list[object]]:
    """Integer codes of a node attribute in node order: -1 where missing; and the values."""
    values = pd.Series([G.nodes[node].get(attribute) for node in nodes], dtype=object)
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), list(uniques)


def one_hot(codes: np.ndarray, n_groups: int) -> sp.csr_array:
    """Node × group membership matrix (rows of nodes with code -1 are empty)."""
    known = np.flatnonzero(codes >= 0)
    ones = np.ones(len(known))
    return sp.csr_array((ones, (known, codes[known])), shape=(len(codes), n_groups))


def masked_product(X: sp.csr_array, Y: sp.csr_array, mask: sp.csr_array) -> sp.csr_array:
    """``(X @ Y) * mask`` (elementwise), computed in row blocks.

    The full product of two adjacency-like matrices can hold far more entries than the graph
    has edges (every pair of nodes two steps apart); only its entries at the mask's
    positions are needed, so rows are multiplied a block at a time and masked at once.
    """
    n = X.shape[0]
    entries_per_row_of_y = np.diff(Y.indptr)[X.indices]
    cost_before_row = np.concatenate([[0], np.cumsum(entries_per_row_of_y)])[X.indptr]
    cuts = np.searchsorted(
        cost_before_row, np.arange(PRODUCT_BUDGET, cost_before_row[-1], PRODUCT_BUDGET)
    )
    bounds = np.unique(np.concatenate([[0], cuts, [n]])).tolist()
    blocks = [
        sp.csr_array((X[lo:hi] @ Y).multiply(mask[lo:hi])) for lo, hi in itertools.pairwise(bounds)
    ]
    return sp.vstack(blocks, format="csr") if blocks else sp.csr_array(mask.shape)


def row_sums(matrix: sp.csr_array) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1), dtype=np.float64).ravel()


def check_nodes(G: nx.Graph, nodes: Iterable[Hashable], *, argument: str) -> list[Hashable]:
    """Return ``nodes`` as a list without repeats, or raise ValueError naming the unknown ones.

    A node id that is itself in ``G`` is taken as a list of one node, so a single id such as
    ``"person:P1"`` can be passed where a list is expected.
    """
    single = isinstance(nodes, Hashable) and not isinstance(nodes, tuple) and nodes in G
    if single or isinstance(nodes, (str, bytes)):
        nodes = [nodes]
    listed = list(dict.fromkeys(nodes))
    unknown = [node for node in listed if node not in G]
    if unknown:
        example = next(iter(G), None)
        shown = ", ".join(repr(node) for node in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise ValueError(
            f"{argument} must be node ids of the graph (such as {example!r}); got {shown}{more}, "
            f"which {'is' if len(unknown) == 1 else 'are'} not in it. Check the spelling, or "
            f"list the ids with list(G.nodes)."
        )
    return listed


def check_k(k: int, function: str) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(
            f"The 'k' parameter of {function} must be an int of at least 1 (how many actors "
            f"to choose). Got {k!r} instead."
        )
    return int(k)


def node_name(G: nx.Graph, node: Hashable) -> str:
    """The name shown for ``node``: its ``name`` attribute as text, else its id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("person:P1", name="Anna Berg")
    >>> G.add_node(7)
    >>> node_name(G, "person:P1"), node_name(G, 7)
    ('Anna Berg', '7')
    """
    return str(G.nodes[node].get("name", node))


def node_names(G: nx.Graph, nodes: Iterable[Hashable]) -> list[str]:
    """:func:`node_name` of each node."""
    return [node_name(G, node) for node in nodes]


def hop_levels(
    adjacency: sp.csr_array, sources: np.ndarray
) -> Iterator[tuple[int, int, np.ndarray]]:
    """Breadth-first search from many sources at once, 64 sources per machine word.

    Yields ``(hops, first, reached)`` for every distance ``hops >= 1`` and chunk of sources:
    ``reached`` is an ``n x words`` uint64 array in which bit ``b`` of word ``w`` in row ``v``
    is set when node ``v`` is exactly ``hops`` steps from source ``sources[first + 64 w + b]``.
    A level ORs the frontier words of each node's neighbours, following only ties from a
    node on the frontier to a node some source has not reached yet, so a level costs one
    pass over those ties per 64 sources. The sources are split into chunks so that a
    level's arrays stay within about 64 MB.
    """
    n = adjacency.shape[0]
    indptr, indices = adjacency.indptr, adjacency.indices
    owner = np.repeat(np.arange(n), np.diff(indptr))  # the row of each stored tie
    words_per_chunk = max(1, _BFS_CHUNK_BYTES // (8 * max(len(indices), n, 1)))
    for first in range(0, len(sources), 64 * words_per_chunk):
        chunk = np.asarray(sources[first : first + 64 * words_per_chunk], dtype=np.int64)
        bits = np.arange(len(chunk))
        bit = np.left_shift(np.uint64(1), (bits % 64).astype(np.uint64))
        frontier = np.zeros((n, -(-len(chunk) // 64)), dtype=np.uint64)
        frontier[chunk, bits // 64] = bit
        everyone = np.bitwise_or.reduceat(bit, np.arange(0, len(chunk), 64))  # all sources
        visited = frontier.copy()
        hops = 0
        while True:
            hops += 1
            on_frontier = frontier.any(axis=1)
            open_rows = (visited != everyone).any(axis=1)
            followed = on_frontier[indices] & open_rows[owner]
            targets = owner[followed]
            if len(targets) == 0:
                break
            starts = np.flatnonzero(np.r_[True, targets[1:] != targets[:-1]])
            reached = np.zeros_like(frontier)
            reached[targets[starts]] = np.bitwise_or.reduceat(
                frontier[indices[followed]], starts, axis=0
            )
            reached &= ~visited
            if not reached.any():
                break
            visited |= reached
            yield hops, first, reached
            frontier = reached


def unpack_sources(reached: np.ndarray, count: int) -> np.ndarray:
    """The bits of a :func:`hop_levels` array as an ``n x count`` boolean matrix."""
    as_bytes = np.ascontiguousarray(reached, dtype="<u8").view(np.uint8)
    return np.unpackbits(as_bytes, axis=1, count=count, bitorder="little").view(bool)
