"""Seeded, fast node positions for maps: Fruchterman–Reingold in igraph, community by community.

igraph's Fruchterman–Reingold (compiled C) lays out a component of a few hundred nodes in
milliseconds, but on thousands of nodes its quadratic repulsion is slow and its grid
approximation collapses the drawing into a ball. netmap therefore lays large components out on
two levels: Louvain communities are laid out one by one, then placed as discs where a layout of
the community graph puts them, pushed apart until no two discs overlap. Components are packed
in rows, the largest first. Every random choice comes from ``seed``.
"""

from __future__ import annotations

from collections.abc import Hashable

import igraph as ig
import networkx as nx
import numpy as np

from netmap.arrays import GraphArrays, igraph_seeded

__all__ = ["DIRECT_LAYOUT_LIMIT", "arrays_layout", "layout_positions", "sorted_edges"]

#: Components up to this many nodes are laid out directly; larger ones on two levels.
DIRECT_LAYOUT_LIMIT = 300
#: Node pairs × iterations one Fruchterman–Reingold run may cost (fewer iterations when big):
#: generous for a whole component, tight for each community of a large one.
_COMPONENT_BUDGET = 50_000_000
_COMMUNITY_BUDGET = 3_000_000
#: Free space (in units of one node's room) between packed components and between discs.
_GAP = 1.5


def layout_positions(
    G: nx.Graph, *, weight: str | None = "weight", seed: int = 0
) -> dict[Hashable, np.ndarray]:
    """Compute reproducible 2-D positions for the nodes of ``G``, fast enough for 100k nodes.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; it is not modified.
    weight : str or None, default "weight"
        Edge attribute of tie strength, used to find the communities of large components
        (a positive number; missing means 1). None treats every tie alike.
    seed : int, default 0
        Seed of the initial positions and of igraph's random choices: the same graph and
        seed give the same positions, bit for bit, whatever the order nodes were added in.

    Returns
    -------
    dict
        Node -> ``numpy.ndarray`` of shape (2,), like networkx's layouts (usable with
        ``nx.draw(G, pos)``). Units: each node has about one unit square of room; ``y``
        grows downwards, as on a screen.

    Notes
    -----
    A component of up to :data:`DIRECT_LAYOUT_LIMIT` nodes is laid out by igraph's
    Fruchterman–Reingold [1]_ (500 iterations, no grid) from seeded random positions. A
    larger one is split into Louvain communities [2]_ (:func:`netmap.metrics.communities`'s
    method); each community is laid out the same way and scaled to a disc of area about its
    size, the community graph (tie counts between communities) is laid out to place the
    discs, and overlapping discs are pushed apart. Components are then packed in rows,
    largest first, isolated nodes last in a grid. On 5,000 people with 45,000 ties this took
    1.3 s on a busy 2-core machine, where networkx's ``spring_layout`` took almost 6 minutes
    (``benchmarks/maps.py``).

    References
    ----------
    .. [1] T. M. J. Fruchterman and E. M. Reingold, "Graph drawing by force-directed
       placement", Software: Practice and Experience 21(11), 1129–1164 (1991).
    .. [2] V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
       communities in large networks", J. Stat. Mech. (2008) P10008.

    Examples
    --------
    A triangle and an isolated node: the triangle is packed first, in a box of about
    1.2 × 1.0 units plus a 1.5-unit gap, so the isolated node starts the next row, below it
    (``y`` grows downwards). The same seed gives the same positions.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c")])
    >>> G.add_node("d")
    >>> pos = layout_positions(G, seed=1)
    >>> sorted(pos)
    ['a', 'b', 'c', 'd']
    >>> bool(pos["d"][1] > max(pos[n][1] for n in "abc"))
    True
    >>> all((layout_positions(G, seed=1)[n] == pos[n]).all() for n in G)
    True
    """
    arrays = sorted_edges(GraphArrays.from_networkx(G, weight))
    xy = arrays_layout(arrays, seed=seed)
    return {node: xy[i] for i, node in enumerate(arrays.nodes)}


def sorted_edges(arrays: GraphArrays) -> GraphArrays:
    """The same graph with its edges in sorted order (by first, then second node position).

    Node order is already canonical (sorted); sorting the edges too makes everything computed
    from the arrays independent of the order in which edges were added to the graph.
    """
    order = np.lexsort((arrays.target, arrays.source))
    return GraphArrays(
        arrays.nodes,
        arrays.source[order],
        arrays.target[order],
        arrays.weight[order],
        arrays.weighted,
    )


def arrays_layout(arrays: GraphArrays, *, seed: int = 0) -> np.ndarray:
    """Positions (n × 2 array, row ``i`` for ``arrays.nodes[i]``) of :func:`layout_positions`.

    ``arrays`` must come from :func:`sorted_edges` for positions independent of edge order.
    """
    n = arrays.n
    if n == 0:
        return np.zeros((0, 2))
    graph = arrays.igraph
    rng = np.random.default_rng(seed)
    with igraph_seeded(seed):
        component = np.asarray(graph.connected_components().membership, dtype=np.int64)
        sizes = np.bincount(component)
        community = None
        if sizes.max() > DIRECT_LAYOUT_LIMIT:
            community = np.asarray(
                graph.community_multilevel(weights=arrays.weights).membership, dtype=np.int64
            )
        first = np.full(len(sizes), n, dtype=np.int64)
        np.minimum.at(first, component, np.arange(n))
        pieces = []
        for c in np.lexsort((first, -sizes)):
            members = np.flatnonzero(component == c)
            sub = graph.induced_subgraph(members.tolist())
            if len(members) <= DIRECT_LAYOUT_LIMIT:
                local = _direct(sub, rng, budget=_COMPONENT_BUDGET)
            else:
                local = _two_level(sub, community[members], rng)
            pieces.append((members, local))
    return _pack(pieces, n)


def _direct(graph: ig.Graph, rng: np.random.Generator, *, budget: int) -> np.ndarray:
    """Fruchterman–Reingold from seeded random positions, centred, area about ``n``.

    At most 500 iterations, fewer when ``n² × iterations`` would exceed ``budget`` (at
    least 20: the cooling schedule still runs its course, in bigger steps).
    """
    n = graph.vcount()
    if n == 1:
        return np.zeros((1, 2))
    half = np.sqrt(n) / 2
    start = rng.uniform(-half, half, size=(n, 2))
    niter = int(np.clip(budget // (n * n), 20, 500))
    xy = np.asarray(
        graph.layout_fruchterman_reingold(seed=start.tolist(), niter=niter, grid=False).coords
    )
    return _normalise(xy)


def _normalise(xy: np.ndarray) -> np.ndarray:
    """Centre ``xy`` and scale it so its ``n`` points fill a disc of area about ``n``.

    A uniformly filled disc of area ``n`` has a root-mean-square radius of ``sqrt(n / 2π)``.
    """
    xy = xy - xy.mean(axis=0)
    rms = np.sqrt((xy**2).sum(axis=1).mean())
    target = max(np.sqrt(len(xy) / (2 * np.pi)), 0.5)
    return xy * (target / rms) if rms > 0 else xy


def _two_level(graph: ig.Graph, community: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Lay out each community as a disc, then place the discs by the community graph."""
    _, label = np.unique(community, return_inverse=True)
    n_groups = label.max() + 1
    xy = np.zeros((graph.vcount(), 2))
    radius = np.zeros(n_groups)
    for g in range(n_groups):
        members = np.flatnonzero(label == g)
        local = _direct(graph.induced_subgraph(members.tolist()), rng, budget=_COMMUNITY_BUDGET)
        xy[members] = local
        radius[g] = np.sqrt((local**2).sum(axis=1).max()) + 0.5
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    between = label[edges]
    between = np.sort(between[between[:, 0] != between[:, 1]], axis=1)
    pairs, counts = np.unique(between, axis=0, return_counts=True)
    groups = ig.Graph(n=n_groups, edges=pairs.tolist())
    half = np.sqrt(n_groups) / 2
    start = rng.uniform(-half, half, size=(n_groups, 2))
    centres = np.asarray(
        groups.layout_fruchterman_reingold(
            seed=start.tolist(), weights=np.log1p(counts).tolist(), niter=500, grid=False
        ).coords
    )
    centres = _separate(centres, radius, pairs, rng)
    return xy + centres[label]


def _separate(
    centres: np.ndarray, radius: np.ndarray, pairs: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Scale disc centres so tied discs touch, then push overlapping discs apart."""
    if len(pairs):
        diff = centres[pairs[:, 0]] - centres[pairs[:, 1]]
        length = np.maximum(np.sqrt((diff**2).sum(axis=1)), 1e-9)
        centres = centres * np.median((radius[pairs].sum(axis=1) + _GAP) / length)
    centres = centres + rng.uniform(-1e-3, 1e-3, size=centres.shape)  # no two centres equal
    need = radius[:, None] + radius[None, :] + _GAP
    np.fill_diagonal(need, 0.0)
    for _ in range(300):
        diff = centres[:, None, :] - centres[None, :, :]
        dist = np.maximum(np.sqrt((diff**2).sum(axis=2)), 1e-9)
        overlap = np.clip(need - dist, 0.0, None)
        if not overlap.any():
            break
        push = (diff / dist[:, :, None]) * (overlap / 2)[:, :, None]
        centres = centres + push.sum(axis=1)
    return centres


def _pack(pieces: list[tuple[np.ndarray, np.ndarray]], n: int) -> np.ndarray:
    """Pack laid-out components in rows (largest first), left to right, top to bottom."""
    boxes = [local.max(axis=0) - local.min(axis=0) + _GAP for _, local in pieces]
    area = sum(float(w * h) for w, h in boxes)
    row_width = max(max(float(w) for w, _ in boxes), 1.2 * np.sqrt(area))
    xy = np.zeros((n, 2))
    x = y = row_height = 0.0
    for (members, local), (w, h) in zip(pieces, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        xy[members] = local - local.min(axis=0) + (x, y)
        x += w
        row_height = max(row_height, h)
    return xy
