"""What happens if someone leaves: fragmentation before and after removing actors.

Borgatti's fragmentation ``F`` (the share of pairs of actors with no path between them) and
his distance-weighted fragmentation ``DF`` (pairs far apart count as partly disconnected), the
before/after picture of removing named actors, a ranking of single actors by the
fragmentation their loss causes, and the set of ``k`` actors whose loss would fragment the
network most (the key player problem, negative side: the actors to protect).

Single removals are computed for every actor at once from one depth-first search (Tarjan's
articulation points, with the size of every piece a removal leaves), so ranking all actors
costs about as much as one search, not one search per actor. Distances are counted in hops
(edge weights are ignored) by a breadth-first search that follows 64 sources at a time in the
bits of one machine word.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

from netmap.arrays import GraphArrays, check_k, check_nodes, hop_levels, node_names

__all__ = [
    "actors_to_protect",
    "fragmentation",
    "fragmentation_table",
    "what_if_removed",
]

#: Attributes whose groups :func:`what_if_removed` checks for lost contact by default.
DEFAULT_GROUP_ATTRIBUTES = ("sector", "municipality")

#: Above this many candidate sets, set searches are greedy with swaps instead of exhaustive.
EXACT_SEARCH_MAX_SETS = 10_000


# ------------------------------------------------------------------ shared helpers


def _f_from_sizes(sum_pairs: float, n: int) -> float:
    """``1 - sum_k s_k (s_k - 1) / (n (n - 1))``, NaN when there are fewer than two actors."""
    if n < 2:
        return math.nan
    return 1.0 - sum_pairs / (n * (n - 1))


def _component_sizes(adjacency: sp.csr_array, alive: np.ndarray) -> np.ndarray:
    """Sizes of the connected components among the ``alive`` nodes."""
    kept = np.flatnonzero(alive)
    if len(kept) == 0:
        return np.zeros(0, dtype=np.int64)
    _, labels = csgraph.connected_components(
        adjacency[kept][:, kept], directed=False, return_labels=True
    )
    return np.bincount(labels)


def _fragmentation_of(adjacency: sp.csr_array, alive: np.ndarray) -> float:
    sizes = _component_sizes(adjacency, alive).astype(np.float64)
    return _f_from_sizes(float((sizes * (sizes - 1)).sum()), int(alive.sum()))


# ------------------------------------------------------------------ hop distances


def _inverse_distance_sum(adjacency: sp.csr_array) -> float:
    """``sum over ordered pairs i != j of 1 / d(i, j)`` (unreachable pairs add 0)."""
    total = 0.0
    for hops, _, reached in hop_levels(adjacency, np.arange(adjacency.shape[0])):
        total += int(np.bitwise_count(reached).sum()) / hops
    return total


def _distance_fragmentation_of(adjacency: sp.csr_array, alive: np.ndarray) -> float:
    kept = np.flatnonzero(alive)
    n = len(kept)
    if n < 2:
        return math.nan
    return 1.0 - _inverse_distance_sum(adjacency[kept][:, kept].tocsr()) / (n * (n - 1))


# ------------------------------------------------------------------ fragmentation


def fragmentation(G: nx.Graph, *, distance_weighted: bool = False) -> float:
    """Share of pairs of actors that cannot reach each other (Borgatti's fragmentation).

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; edge weights are ignored.
    distance_weighted : bool, default False
        False: ``F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))`` over the sizes ``s_k`` of the
        connected components, the share of pairs with no path at all. True: Borgatti's
        distance-weighted fragmentation ``DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1))``
        with ``d_ij`` in hops and ``1 / d_ij = 0`` for pairs with no path, so pairs far
        apart count as partly disconnected.

    Returns
    -------
    float
        0 when every pair is adjacent (DF) or connected (F); 1 when nobody is tied to
        anybody. NaN for a graph of fewer than two actors (there are no pairs).

    Notes
    -----
    ``F`` is computed from the component sizes in linear time. ``DF`` needs every distance:
    a breadth-first search from every actor, which for ``n`` actors and ``m`` ties costs
    about ``n m / 64`` word operations (about a second for 5,000 people and 45,000 ties).

    References
    ----------
    .. [1] S. P. Borgatti, "Identifying sets of key players in a social network",
       Computational and Mathematical Organization Theory 12, 21-34 (2006), equations 4
       (F, with same-component pairs) and 9 (DF).

    Examples
    --------
    A path a - b - c and a separate pair d - e: of the 5 * 4 = 20 ordered pairs,
    3 * 2 + 2 * 1 = 8 are connected, so F = 1 - 8/20 = 0.6. The path has pairs at distances
    1, 1 and 2 and the pair distance 1, so the inverse distances sum (both directions) to
    2 * (1 + 1 + 1/2 + 1) = 7 and DF = 1 - 7/20 = 0.65.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    >>> fragmentation(G)
    0.6
    >>> fragmentation(G, distance_weighted=True)
    0.65
    """
    arrays = GraphArrays.from_networkx(G, None)
    alive = np.ones(arrays.n, dtype=bool)
    if distance_weighted:
        return _distance_fragmentation_of(arrays.binary, alive)
    return _fragmentation_of(arrays.binary, alive)


# ------------------------------------------------------------------ one removal, every actor


@dataclass(frozen=True)
class _RemovalEffects:
    """What removing each single node does to the graph of the ``alive`` nodes.

    Arrays are over all nodes (entries of nodes not alive are meaningless): ``pieces`` is the
    number of components the node's component breaks into (0 for an isolated node),
    ``pair_sum`` the sum of ``p (p - 1)`` over those pieces and ``largest_piece`` the size of
    the largest; ``component_size`` the size of the node's own component.
    """

    alive: np.ndarray
    component_size: np.ndarray
    pieces: np.ndarray
    pair_sum: np.ndarray
    largest_piece: np.ndarray
    sizes: np.ndarray  # component sizes before the removal

    @property
    def n(self) -> int:
        return int(self.alive.sum())

    @property
    def fragmentation_before(self) -> float:
        s = self.sizes.astype(np.float64)
        return _f_from_sizes(float((s * (s - 1)).sum()), self.n)

    def fragmentation_after(self) -> np.ndarray:
        """F of the alive graph without each node (NaN when fewer than two would remain)."""
        s = self.sizes.astype(np.float64)
        own = self.component_size.astype(np.float64)
        pair_sum = (s * (s - 1)).sum() - own * (own - 1) + self.pair_sum
        m = self.n - 1
        if m < 2:
            return np.full(len(self.alive), np.nan)
        return 1.0 - pair_sum / (m * (m - 1))

    def components_after(self) -> np.ndarray:
        return len(self.sizes) - 1 + self.pieces

    def largest_after(self) -> np.ndarray:
        """Size of the largest component left after each single removal."""
        ordered = np.sort(self.sizes)[::-1]
        first = ordered[0] if len(ordered) else 0
        second = ordered[1] if len(ordered) > 1 else 0
        # The largest other component: the second largest if this node was in the largest.
        other = np.where(self.component_size == first, second, first)
        return np.maximum(other, self.largest_piece)

    def pairs_disconnected(self) -> np.ndarray:
        """Pairs of remaining actors that had a path and lose it, for each single removal."""
        own = self.component_size.astype(np.int64)
        return ((own - 1) * (own - 2) - self.pair_sum) // 2


def _removal_effects(adjacency: sp.csr_array, alive: np.ndarray) -> _RemovalEffects:
    """Single-node removal effects for every alive node, from one depth-first search.

    Tarjan's articulation-point search: when ``v`` is removed, each DFS child ``u`` with
    ``low[u] >= disc[v]`` takes its whole subtree away as a piece of its own; what is left of
    ``v``'s component (if anything) is one more piece. Linear in nodes plus edges.
    """
    n = adjacency.shape[0]
    indptr = adjacency.indptr.tolist()
    indices = adjacency.indices.tolist()
    is_alive = alive.tolist()
    disc = [-1] * n
    low = [0] * n
    subtree = [0] * n
    split_sizes: list[list[int]] = [[] for _ in range(n)]
    component_size = np.zeros(n, dtype=np.int64)
    sizes = []
    timer = 0
    for root in range(n):
        if not is_alive[root] or disc[root] >= 0:
            continue
        members = [root]
        disc[root] = low[root] = timer
        timer += 1
        subtree[root] = 1
        stack = [(root, -1, indptr[root])]
        while stack:
            v, parent, position = stack[-1]
            end = indptr[v + 1]
            descended = False
            while position < end:
                u = indices[position]
                position += 1
                if not is_alive[u] or u == parent:
                    continue
                if disc[u] >= 0:
                    low[v] = min(low[v], disc[u])
                    continue
                stack[-1] = (v, parent, position)
                disc[u] = low[u] = timer
                timer += 1
                subtree[u] = 1
                members.append(u)
                stack.append((u, v, indptr[u]))
                descended = True
                break
            if descended:
                continue
            stack.pop()
            if parent >= 0:
                low[parent] = min(low[parent], low[v])
                subtree[parent] += subtree[v]
                if low[v] >= disc[parent]:
                    split_sizes[parent].append(subtree[v])
        component_size[members] = len(members)
        sizes.append(len(members))

    pieces = np.zeros(n, dtype=np.int64)
    pair_sum = np.zeros(n, dtype=np.int64)
    largest = np.zeros(n, dtype=np.int64)
    for v in np.flatnonzero(alive).tolist():
        parts = split_sizes[v]
        rest = int(component_size[v]) - 1 - sum(parts)
        if rest > 0:
            parts = [*parts, rest]
        if parts:
            pieces[v] = len(parts)
            pair_sum[v] = sum(p * (p - 1) for p in parts)
            largest[v] = max(parts)
    return _RemovalEffects(
        alive=alive,
        component_size=component_size,
        pieces=pieces,
        pair_sum=pair_sum,
        largest_piece=largest,
        sizes=np.asarray(sizes, dtype=np.int64),
    )


def fragmentation_table(G: nx.Graph) -> pd.DataFrame:
    """Rank every actor by how much the network would fragment if they left.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; edge weights are ignored.

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``node``), one row per node, sorted by ``fragmentation_after``
        (largest first), ties by node id. Columns:

        - ``name``: the node's ``name`` attribute (its id when it has none);
        - ``cut_point``: True when its removal splits its component (an articulation point);
        - ``components_after``: number of components without it;
        - ``largest_share_after``: share of the remaining actors in the largest component;
        - ``fragmentation_after``: Borgatti's F of the network without it;
        - ``fragmentation_increase``: ``fragmentation_after`` minus F of the whole network;
        - ``pairs_disconnected``: pairs of remaining actors who had a path and lose it.

        ``.attrs["fragmentation"]`` holds F of the whole network.

    Notes
    -----
    Only a cut point changes the component structure. Removing any other actor shrinks
    its component by one, which changes F only through the sizes (F stays 0 in a connected
    network). Every row is computed from one depth-first search (Tarjan's articulation
    points with the size of each piece a removal leaves), in time linear in actors plus ties.

    References
    ----------
    .. [1] S. P. Borgatti, "Identifying sets of key players in a social network",
       Computational and Mathematical Organization Theory 12, 21-34 (2006).
    .. [2] R. E. Tarjan, "Depth-first search and linear graph algorithms",
       SIAM Journal on Computing 1(2), 146-160 (1972).

    Examples
    --------
    In the path a - b - c - d, losing b leaves a alone and c - d: of the 3 * 2 = 6 ordered
    pairs left, only c-d and d-c are connected, so F = 1 - 2/6 = 2/3, and two pairs (a-c,
    a-d) lose their path. Losing an end leaves a connected path (F = 0).

    >>> import networkx as nx
    >>> table = fragmentation_table(nx.path_graph(["a", "b", "c", "d"]))
    >>> table[["cut_point", "components_after", "fragmentation_after", "pairs_disconnected"]]
          cut_point  components_after  fragmentation_after  pairs_disconnected
    node
    b          True                 2             0.666667                   2
    c          True                 2             0.666667                   2
    a         False                 1             0.000000                   0
    d         False                 1             0.000000                   0
    """
    arrays = GraphArrays.from_networkx(G, None)
    effects = _removal_effects(arrays.binary, np.ones(arrays.n, dtype=bool))
    before = effects.fragmentation_before
    after = effects.fragmentation_after()
    remaining = max(arrays.n - 1, 1)
    table = pd.DataFrame(
        {
            "name": node_names(G, arrays.nodes),
            "cut_point": effects.pieces > 1,
            "components_after": effects.components_after(),
            "largest_share_after": effects.largest_after() / remaining,
            "fragmentation_after": after,
            "fragmentation_increase": after - before,
            "pairs_disconnected": effects.pairs_disconnected(),
        },
        index=pd.Index(arrays.nodes, name="node"),
    )
    table = table.sort_values("fragmentation_after", ascending=False, kind="stable")
    table.attrs["fragmentation"] = before
    return table


# ------------------------------------------------------------------ removing named actors


def what_if_removed(
    G: nx.Graph,
    nodes: Iterable[Hashable],
    *,
    groups: Collection[str] = DEFAULT_GROUP_ATTRIBUTES,
    distance_weighted: bool = True,
) -> dict:
    """Compare the network before and after the given actors leave.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; edge weights are ignored.
    nodes : iterable of node ids, or one node id
        The actors who leave.
    groups : collection of str, default ("sector", "municipality")
        Node attributes whose groups are checked for lost contact. Attributes no node has
        are skipped; nodes without a value are left out of that attribute's groups.
    distance_weighted : bool, default True
        Also compute the distance-weighted fragmentation before and after (a breadth-first
        search from every actor; turn off for very large networks).

    Returns
    -------
    dict
        - ``removed``: the nodes removed (in the order given);
        - ``actors_before``, ``actors_after``: number of actors;
        - ``components_before``, ``components_after``: number of connected components;
        - ``largest_share_before``, ``largest_share_after``: share of the actors present
          that are in the largest component;
        - ``fragmentation_before``, ``fragmentation_after``: Borgatti's F
          (see :func:`fragmentation`);
        - ``distance_fragmentation_before``, ``distance_fragmentation_after``: Borgatti's
          DF (only with ``distance_weighted=True``);
        - ``pairs_disconnected``: pairs of remaining actors who had a path and lose it;
        - ``groups_disconnected``: DataFrame of group pairs that lose contact, columns
          ``attribute``, ``group``, ``other_group``, ``ties_before``, ``ties_after``
          (direct ties between their members), ``connected_after`` (whether any path still
          joins a member of one to a member of the other); a row for every pair that loses
          all its direct ties or every path, sorted by attribute and groups;
        - ``groups_gone``: DataFrame (``attribute``, ``group``, ``actors_before``) of the
          groups all of whose actors leave.

    Raises
    ------
    ValueError
        If a node is not in the graph.

    See Also
    --------
    fragmentation_table : the effect of every single actor leaving, ranked.

    References
    ----------
    .. [1] S. P. Borgatti, "Identifying sets of key players in a social network",
       Computational and Mathematical Organization Theory 12, 21-34 (2006).

    Examples
    --------
    A star with centre h and leaves a, b, c. Without h the three leaves are alone: all 3
    pairs of leaves lose their path and F goes from 0 to 1. h, a and b are "public" and c is
    in "academia", so the only tie between the two sectors (h - c) goes, and with it every
    path between them:

    >>> import networkx as nx
    >>> G = nx.star_graph(["h", "a", "b", "c"])
    >>> nx.set_node_attributes(G, {"h": "public", "a": "public", "b": "public",
    ...                            "c": "academia"}, "sector")
    >>> result = what_if_removed(G, ["h"])
    >>> result["components_before"], result["components_after"], result["pairs_disconnected"]
    (1, 3, 3)
    >>> result["fragmentation_before"], result["fragmentation_after"]
    (0.0, 1.0)
    >>> result["groups_disconnected"]
      attribute     group other_group  ties_before  ties_after  connected_after
    0    sector  academia      public            1           0            False
    """
    removed = check_nodes(G, nodes, argument="nodes")
    arrays = GraphArrays.from_networkx(G, None)
    adjacency = arrays.binary
    before = np.ones(arrays.n, dtype=bool)
    after = before.copy()
    position = {node: i for i, node in enumerate(arrays.nodes)}
    after[[position[node] for node in removed]] = False

    _, labels_before = csgraph.connected_components(adjacency, directed=False)
    sizes_before = np.bincount(labels_before)
    sizes_after = _component_sizes(adjacency, after)
    result: dict = {
        "removed": removed,
        "actors_before": int(before.sum()),
        "actors_after": int(after.sum()),
        "components_before": len(sizes_before),
        "components_after": len(sizes_after),
        "largest_share_before": _largest_share(sizes_before, int(before.sum())),
        "largest_share_after": _largest_share(sizes_after, int(after.sum())),
        "fragmentation_before": _fragmentation_of(adjacency, before),
        "fragmentation_after": _fragmentation_of(adjacency, after),
    }
    if distance_weighted:
        result["distance_fragmentation_before"] = _distance_fragmentation_of(adjacency, before)
        result["distance_fragmentation_after"] = _distance_fragmentation_of(adjacency, after)
    result["pairs_disconnected"] = _pairs_disconnected(adjacency, labels_before, after)
    lost, gone = _groups_losing_contact(G, arrays, after, list(groups))
    result["groups_disconnected"] = lost
    result["groups_gone"] = gone
    return result


def _largest_share(sizes: np.ndarray, n: int) -> float:
    return float(sizes.max()) / n if n else math.nan


def _pairs_disconnected(
    adjacency: sp.csr_array, labels_before: np.ndarray, after: np.ndarray
) -> int:
    """Pairs of nodes alive after the removal that were connected before and are not now."""
    kept = np.flatnonzero(after)
    if len(kept) < 2:
        return 0
    _, labels_after = csgraph.connected_components(adjacency[kept][:, kept], directed=False)
    connected_before = _connected_pairs(labels_before[kept])
    connected_after = _connected_pairs(labels_after)
    return connected_before - connected_after


def _connected_pairs(labels: np.ndarray) -> int:
    sizes = np.bincount(labels).astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def _groups_losing_contact(
    G: nx.Graph, arrays: GraphArrays, after: np.ndarray, attributes: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    lost_rows, gone_rows = [], []
    adjacency = arrays.binary
    before = np.ones(arrays.n, dtype=bool)
    for attribute in attributes:
        values = pd.Series(
            [G.nodes[node].get(attribute) for node in arrays.nodes], dtype=object
        ).where(lambda s: s.notna(), None)
        if values.isna().all():
            continue
        groups = sorted({str(v) for v in values.dropna()})
        code = {g: i for i, g in enumerate(groups)}
        has = values.notna().to_numpy()
        rows = np.flatnonzero(has)
        membership = sp.csr_array(
            (
                np.ones(len(rows)),
                (rows, [code[str(v)] for v in values[has]]),
            ),
            shape=(arrays.n, len(groups)),
        )
        ties = {}
        reach = {}
        present = {}
        for label, alive in (("before", before), ("after", after)):
            mask = sp.diags_array(alive.astype(np.float64))
            alive_membership = mask @ membership
            ties[label] = (alive_membership.T @ adjacency @ alive_membership).toarray()
            reach[label] = _groups_connected(adjacency, alive, alive_membership)
            present[label] = np.asarray(alive_membership.sum(axis=0)).ravel()
        for i, group in enumerate(groups):
            if present["before"][i] > 0 and present["after"][i] == 0:
                gone_rows.append((attribute, group, int(present["before"][i])))
        for i, j in combinations(range(len(groups)), 2):
            if present["after"][i] == 0 or present["after"][j] == 0:
                continue
            lost_ties = ties["before"][i, j] > 0 and ties["after"][i, j] == 0
            lost_paths = reach["before"][i, j] and not reach["after"][i, j]
            if lost_ties or lost_paths:
                lost_rows.append(
                    (
                        attribute,
                        groups[i],
                        groups[j],
                        int(ties["before"][i, j]),
                        int(ties["after"][i, j]),
                        bool(reach["after"][i, j]),
                    )
                )
    lost = pd.DataFrame(
        lost_rows,
        columns=[
            "attribute",
            "group",
            "other_group",
            "ties_before",
            "ties_after",
            "connected_after",
        ],
    )
    gone = pd.DataFrame(gone_rows, columns=["attribute", "group", "actors_before"])
    return lost, gone


def _groups_connected(
    adjacency: sp.csr_array, alive: np.ndarray, membership: sp.csr_array
) -> np.ndarray:
    """Boolean groups x groups: some path joins an alive member of one to one of the other."""
    kept = np.flatnonzero(alive)
    groups = membership.shape[1]
    if len(kept) == 0:
        return np.zeros((groups, groups), dtype=bool)
    count, labels = csgraph.connected_components(adjacency[kept][:, kept], directed=False)
    in_component = sp.csr_array(
        (np.ones(len(kept)), (labels, np.arange(len(kept)))), shape=(count, len(kept))
    )
    groups_in_component = (in_component @ membership[kept]) > 0
    together = groups_in_component.T.astype(np.float64) @ groups_in_component.astype(np.float64)
    return together.toarray() > 0


# ------------------------------------------------------------------ the actors to protect


def actors_to_protect(G: nx.Graph, k: int = 3, *, exclude: Iterable[Hashable] = ()) -> pd.DataFrame:
    """Find the ``k`` actors whose loss together would fragment the network most.

    Borgatti's key player problem, negative side: the set whose removal maximises the
    fragmentation F. These are the actors a coordinator should protect (keep involved,
    give a deputy, make sure their ties are shared).

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; edge weights are ignored.
    k : int, default 3
        Size of the set, at least 1.
    exclude : iterable of node ids, optional
        Actors not to consider (they stay in the network).

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``node``), one row per chosen actor, in the order that fragments
        fastest: the first row is the member whose loss alone fragments most, each next row
        the member whose loss adds most to the rows above. Columns: ``name``, and the state
        after the actors of this row and the rows above have left: ``components_after``,
        ``largest_share_after`` and ``fragmentation_after``. Empty when the search found no
        set of ``k`` eligible actors whose loss raises F (in a network without cut points a
        split needs several actors at once). ``.attrs``: ``fragmentation_before``,
        ``fragmentation_after`` (the whole set removed; equal to before when the table is
        empty) and ``search`` ("exact" or "greedy with swaps").

    Raises
    ------
    ValueError
        If ``k`` is not a positive int, an excluded node is not in the graph, or fewer than
        ``k`` actors are eligible.

    Notes
    -----
    With at most :data:`EXACT_SEARCH_MAX_SETS` (10,000) possible sets, every set is tried.
    Otherwise the search is greedy: it removes the actor whose loss fragments most, then the
    next, ``k`` times, and then swaps members for outsiders while a swap increases F. Each
    step finds the best single actor exactly for all actors at once by one depth-first search
    of the network without the members chosen so far (see :func:`fragmentation_table`), so
    a step costs linear time. Ties are broken by node id.

    References
    ----------
    .. [1] S. P. Borgatti, "Identifying sets of key players in a social network",
       Computational and Mathematical Organization Theory 12, 21-34 (2006).

    Examples
    --------
    Two triangles joined through a middle man m (a - b - c - a, m tied to c and d, d - e -
    f - d): without m the network falls in two triangles, F = 1 - (6 + 6)/(6 * 5) = 0.6.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "m"), ("m", "d"),
    ...               ("d", "e"), ("e", "f"), ("d", "f")])
    >>> actors_to_protect(G, k=1)
          name  components_after  largest_share_after  fragmentation_after
    node
    m        m                 2                  0.5                  0.6
    """
    k = check_k(k, "actors_to_protect")
    excluded = check_nodes(G, exclude, argument="exclude")
    arrays = GraphArrays.from_networkx(G, None)
    adjacency = arrays.binary
    position = {node: i for i, node in enumerate(arrays.nodes)}
    eligible = np.ones(arrays.n, dtype=bool)
    eligible[[position[node] for node in excluded]] = False
    candidates = np.flatnonzero(eligible)
    if len(candidates) < k:
        raise ValueError(
            f"actors_to_protect needs at least k={k} eligible actors; the graph has "
            f"{arrays.n} and {len(excluded)} are excluded, leaving {len(candidates)}. "
            f"Lower k or exclude fewer actors."
        )
    everyone = np.ones(arrays.n, dtype=bool)
    before = _fragmentation_of(adjacency, everyone)
    if math.comb(len(candidates), k) <= EXACT_SEARCH_MAX_SETS:
        chosen, search = _most_fragmenting_exact(adjacency, candidates, k), "exact"
    else:
        chosen, search = _most_fragmenting_greedy(adjacency, eligible, k), "greedy with swaps"
    alive = everyone.copy()
    alive[chosen] = False
    after = _fragmentation_of(adjacency, alive)
    rows = []
    if not after > before + 1e-12:
        chosen, after = [], before
    alive = everyone.copy()
    for member in _fastest_order(adjacency, chosen):
        alive[member] = False
        sizes = _component_sizes(adjacency, alive)
        rows.append(
            {
                "node": arrays.nodes[member],
                "name": node_names(G, [arrays.nodes[member]])[0],
                "components_after": len(sizes),
                "largest_share_after": _largest_share(sizes, int(alive.sum())),
                "fragmentation_after": _fragmentation_of(adjacency, alive),
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "node",
            "name",
            "components_after",
            "largest_share_after",
            "fragmentation_after",
        ],
    ).set_index("node")
    table.attrs.update(fragmentation_before=before, fragmentation_after=after, search=search)
    return table


def _most_fragmenting_exact(adjacency: sp.csr_array, candidates: np.ndarray, k: int) -> list[int]:
    best, best_f = list(candidates[:k]), -math.inf
    alive = np.ones(adjacency.shape[0], dtype=bool)
    for combo in combinations(candidates.tolist(), k):
        alive[list(combo)] = False
        f = _fragmentation_of(adjacency, alive)
        alive[list(combo)] = True
        if f > best_f + 1e-12:
            best, best_f = list(combo), f
    return best


def _best_single_removal(
    adjacency: sp.csr_array, removed: list[int], eligible: np.ndarray
) -> tuple[int, float]:
    """The eligible node whose removal, after ``removed``, gives the largest F (ties: lowest)."""
    alive = np.ones(adjacency.shape[0], dtype=bool)
    alive[removed] = False
    after = _removal_effects(adjacency, alive).fragmentation_after()
    after = np.where(eligible & alive, np.nan_to_num(after, nan=-1.0), -math.inf)
    best = int(np.argmax(after))
    return best, float(after[best])


def _most_fragmenting_greedy(adjacency: sp.csr_array, eligible: np.ndarray, k: int) -> list[int]:
    chosen: list[int] = []
    for _ in range(k):
        best, _ = _best_single_removal(adjacency, chosen, eligible)
        chosen.append(best)
    alive = np.ones(adjacency.shape[0], dtype=bool)
    alive[chosen] = False
    current = _fragmentation_of(adjacency, alive)
    improved = True
    while improved:
        improved = False
        for i in range(k):
            others = chosen[:i] + chosen[i + 1 :]
            replacement, f = _best_single_removal(adjacency, others, eligible)
            if f > current + 1e-12:
                chosen[i], current, improved = replacement, f, True
    return chosen


def _fastest_order(adjacency: sp.csr_array, members: list[int]) -> list[int]:
    """``members`` ordered so that each removal adds most to F given those before it."""
    alive = np.ones(adjacency.shape[0], dtype=bool)
    remaining = sorted(members)
    ordered = []
    while remaining:
        scores = []
        for member in remaining:
            alive[member] = False
            scores.append(np.nan_to_num(_fragmentation_of(adjacency, alive), nan=1.0))
            alive[member] = True
        best = remaining.pop(int(np.argmax(np.round(scores, 12))))
        alive[best] = False
        ordered.append(best)
    return ordered
