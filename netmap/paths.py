"""Betweenness and closeness: one Brandes pass per source over a graph with twins merged.

Records of who met whom make many *twins*: people who came to exactly the same meetings have
the same contacts with the same tie strengths, and are tied to each other. Twins share every
shortest-path measure, so the paths need to be searched from one of them only, over a smaller
graph in which each group of twins is one node with a multiplicity (:func:`merge_twins`; on
``netmap.synthetic`` people graphs 5,000 people become about 2,200 nodes). The search
(:func:`path_sums`) is Brandes' algorithm with Dijkstra's shortest paths, compiled by numba
and run on several threads at once; it counts the shortest paths through a merged node
``multiplicity`` times, and gathers closeness from the same pass.

Why twins may be merged (``u``, ``v`` twins: tied with strength ``W``, and equally strong ties
to everyone else). A shortest path never visits two twins (the first one is tied to the
second one's next step, by a tie as strong: skipping ahead is shorter), so it passes through
one member of a group of twins or none, and by symmetry the number of shortest paths to each
member of a group is the same. Between two twins the direct tie is the only shortest path
when every tie from the group to others is weaker than ``2 W`` (any other path has at least
two such ties); groups that break this are not merged. So twins lie on no shortest path from
each other, and a twin group's dependency (Brandes' ``delta``) from a source is the same for
every source in another group: a group of ``m`` sources is searched once and counted ``m``
times.

References
----------
.. [1] U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25 (2001).
.. [2] A. E. Sariyüce, E. Saule, K. Kaya, Ü. V. Çatalyürek, "Shattering and compressing
   networks for betweenness centrality", SIAM Data Mining (2013): merging identical vertices.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numba
import numpy as np
import scipy.sparse as sp

__all__ = ["MergedGraph", "merge_twins", "path_sums"]

#: Relative tolerance under which two path lengths count as equal (igraph's, for sums of
#: ``1 / weight`` that differ only by rounding).
_EPSILON = 1e-10
#: Sources are split into this many chunks whatever the number of cores, so the sums are
#: added in the same order on every machine.
_CHUNKS = 8


@dataclass(frozen=True)
class MergedGraph:
    """A graph whose twin groups are single nodes.

    Attributes
    ----------
    group : ndarray of int64
        For each node of the original graph, its group (a node of the merged graph).
    multiplicity : ndarray of int64
        For each group, how many original nodes it stands for.
    inner_length : ndarray of float64
        For each group of two or more, the length of the tie between two of its members
        (0 for a group of one).
    adjacency : scipy.sparse.csr_array
        The merged graph: the length of the tie between groups (which every pair of their
        members has), no diagonal.
    """

    group: np.ndarray
    multiplicity: np.ndarray
    inner_length: np.ndarray
    adjacency: sp.csr_array


def merge_twins(weights: sp.csr_array) -> MergedGraph:
    """Merge twins: tied nodes with equally strong ties to everyone else.

    Parameters
    ----------
    weights : scipy.sparse.csr_array
        Symmetric matrix of positive tie strengths, no diagonal; a tie's length is
        ``1 / strength``.

    Returns
    -------
    MergedGraph
        Each group holds nodes that are pairwise twins; every node is in exactly one group.

    Examples
    --------
    In a triangle a–b–c with a pendant d on c, a and b are twins (tied, and both tied to c
    only); c and d are not (d has no tie to a). Three groups remain, {a, b} counting twice.

    >>> import scipy.sparse as sp
    >>> ties = sp.csr_array(([1.0] * 8, ([0, 1, 0, 2, 1, 2, 2, 3], [1, 0, 2, 0, 2, 1, 3, 2])),
    ...                     shape=(4, 4))
    >>> merged = merge_twins(ties)
    >>> merged.group.tolist(), merged.multiplicity.tolist()
    ([0, 0, 1, 2], [2, 1, 1])
    """
    n = weights.shape[0]
    weights = sp.csr_array(weights)
    weights.sort_indices()
    node = np.arange(n)
    has_ties = np.diff(weights.indptr) > 0
    starts = weights.indptr[:-1][has_ties]
    # Candidates: nodes with the same closed neighbourhood (a random 64-bit sum over it).
    labels = np.random.default_rng(0).integers(0, 2**63, n, dtype=np.uint64)
    summed = labels.copy()
    summed[has_ties] += np.add.reduceat(labels[weights.indices], starts)
    _, first, candidate = np.unique(summed, return_index=True, return_inverse=True)
    representative = first[candidate.ravel()]
    # Each candidate is checked against its group's first node: tied to it, and the two
    # rows equal but for the tie between them (weights included), so a hash collision
    # cannot merge wrongly.
    inner = np.asarray(weights[node, representative]).ravel()
    difference = sp.csr_array(weights - weights[representative])
    difference.eliminate_zeros()
    twin = (inner > 0) & (np.diff(difference.indptr) == 2)
    representative = np.where(twin, representative, node)
    # A group stays merged only if its inner tie is the only shortest path between two
    # members: every tie to a non-member (members share them) is less than twice as strong.
    grouped = representative[weights.indices] == np.repeat(representative, np.diff(weights.indptr))
    outer = np.where(grouped, 0.0, weights.data)
    outer_max = np.zeros(n)
    outer_max[has_ties] = np.maximum.reduceat(outer, starts)
    too_strong = twin & (outer_max[representative] * (1 + 1e-9) >= 2 * inner)
    representative = np.where(
        np.isin(representative, representative[too_strong]), node, representative
    )
    first_member, group, multiplicity = np.unique(
        representative, return_inverse=True, return_counts=True
    )
    inner_strength = np.zeros(len(first_member))
    merged_member = representative != node
    inner_strength[group[merged_member]] = inner[merged_member]
    with np.errstate(divide="ignore"):
        inner_length = np.where(inner_strength > 0, 1.0 / inner_strength, 0.0)
    # Every member of a group has the same ties to another group's members: take the ties
    # between the groups' first members.
    merged = sp.csr_array(weights[first_member][:, first_member])
    merged.sort_indices()
    merged.data = 1.0 / merged.data
    return MergedGraph(group.astype(np.int64), multiplicity.astype(np.int64), inner_length, merged)


def path_sums(
    merged: MergedGraph, sources: np.ndarray, counts: np.ndarray, *, threads: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Brandes' dependencies and distance sums from the given source groups.

    Parameters
    ----------
    merged : MergedGraph
    sources : ndarray of int64
        Groups to search from (each once).
    counts : ndarray of float64
        How many times each source's search counts (a group of ``m`` counts ``m`` times in
        the exact measures).
    threads : int
        Threads to search on.

    Returns
    -------
    dependency : ndarray
        Per group, ``sum over sources of count * delta`` (Brandes' dependency of one member
        of the group on the source's paths); half of it is the betweenness (undirected).
    distance : ndarray
        Per group, ``sum over sources of count * distance`` from the source (0 for the
        source's own group, and for groups it does not reach).
    total : ndarray
        Per source, the sum of distances to every node it reaches, its twins included.
    reached : ndarray
        Per source, how many nodes it reaches, itself excluded.
    """
    lengths = merged.adjacency
    chunks = np.array_split(np.arange(len(sources)), _CHUNKS)

    def search(chunk: np.ndarray) -> tuple[np.ndarray, ...]:
        return _brandes(
            lengths.indptr.astype(np.int64),
            lengths.indices.astype(np.int64),
            lengths.data,
            merged.multiplicity,
            merged.inner_length,
            sources[chunk].astype(np.int64),
            counts[chunk].astype(np.float64),
        )

    with ThreadPoolExecutor(max(1, threads)) as pool:
        parts = list(pool.map(search, chunks))
    dependency = np.sum([part[0] for part in parts], axis=0)
    distance = np.sum([part[1] for part in parts], axis=0)
    total = np.concatenate([part[2] for part in parts])
    reached = np.concatenate([part[3] for part in parts])
    return dependency, distance, total, reached


@numba.njit(nogil=True, cache=True)
def _brandes(indptr, indices, length, multiplicity, inner_length, sources, counts):
    n = len(indptr) - 1
    dependency = np.zeros(n)
    distance_sum = np.zeros(n)
    total = np.zeros(len(sources))
    reached = np.zeros(len(sources), dtype=np.int64)
    dist = np.full(n, np.inf)
    paths = np.zeros(n)
    delta = np.zeros(n)
    order = np.empty(n, dtype=np.int64)
    done = np.zeros(n, dtype=np.bool_)
    # Predecessors on shortest paths, one linked list per node in arrays of one entry per tie.
    first_predecessor = np.full(n, -1, dtype=np.int64)
    predecessor = np.empty(len(indices), dtype=np.int64)
    next_predecessor = np.empty(len(indices), dtype=np.int64)
    heap_key = np.empty(len(indices) + 1)
    heap_node = np.empty(len(indices) + 1, dtype=np.int64)
    for k in range(len(sources)):
        source = sources[k]
        dist[source] = 0.0
        paths[source] = 1.0
        size = 1
        heap_key[0] = 0.0
        heap_node[0] = source
        settled = 0
        entries = 0
        while size > 0:
            key = heap_key[0]
            v = heap_node[0]
            # Pop the smallest key (a 4-ary heap: shallower than a binary one).
            size -= 1
            last_key = heap_key[size]
            last_node = heap_node[size]
            i = 0
            while True:
                first = 4 * i + 1
                if first >= size:
                    break
                child = first
                for c in range(first + 1, min(first + 4, size)):
                    if heap_key[c] < heap_key[child]:
                        child = c
                if heap_key[child] < last_key:
                    heap_key[i] = heap_key[child]
                    heap_node[i] = heap_node[child]
                    i = child
                else:
                    break
            heap_key[i] = last_key
            heap_node[i] = last_node
            if done[v] or key > dist[v]:
                continue
            done[v] = True
            order[settled] = v
            settled += 1
            through = paths[v] * (1.0 if v == source else multiplicity[v])
            for e in range(indptr[v], indptr[v + 1]):
                w = indices[e]
                current = dist[w]
                if current <= key:  # settled already (ties are longer than 0)
                    continue
                candidate = key + length[e]
                if current == np.inf or current - candidate > _EPSILON * (current + candidate):
                    dist[w] = candidate
                    paths[w] = through
                    predecessor[entries] = v
                    next_predecessor[entries] = -1
                    first_predecessor[w] = entries
                    entries += 1
                    # Push.
                    i = size
                    size += 1
                    while i > 0:
                        parent = (i - 1) // 4
                        if heap_key[parent] <= candidate:
                            break
                        heap_key[i] = heap_key[parent]
                        heap_node[i] = heap_node[parent]
                        i = parent
                    heap_key[i] = candidate
                    heap_node[i] = w
                elif abs(candidate - current) <= _EPSILON * (current + candidate):
                    paths[w] += through
                    predecessor[entries] = v
                    next_predecessor[entries] = first_predecessor[w]
                    first_predecessor[w] = entries
                    entries += 1
        # Dependencies, farthest first.
        count = counts[k]
        for j in range(settled - 1, -1, -1):
            w = order[j]
            if w != source:
                share = multiplicity[w] * (1.0 + delta[w]) / paths[w]
                entry = first_predecessor[w]
                while entry >= 0:
                    u = predecessor[entry]
                    delta[u] += paths[u] * share
                    entry = next_predecessor[entry]
                dependency[w] += count * delta[w]
                distance_sum[w] += count * dist[w]
                total[k] += multiplicity[w] * dist[w]
                reached[k] += multiplicity[w]
        total[k] += (multiplicity[source] - 1) * inner_length[source]
        reached[k] += multiplicity[source] - 1
        # Reset what this search touched.
        for j in range(settled):
            v = order[j]
            dist[v] = np.inf
            paths[v] = 0.0
            delta[v] = 0.0
            done[v] = False
            first_predecessor[v] = -1
    return dependency, distance_sum, total, reached
