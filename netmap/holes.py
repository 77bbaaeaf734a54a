"""Burt's structural holes: constraint and effective size, one pass over each actor's ties.

Both measures look at every tie ``i–j`` of an actor and at the contacts ``q`` the two share,
so they are computed together, for each actor from its row of the weight matrix and its
contacts' rows, by a loop compiled with numba and run on several threads. The definitions
are networkx's (``nx.constraint`` and the per-node path of ``nx.effective_size``, which is
right for weighted graphs where its all-nodes path is not): with ``p_ij = w_ij / sum_k w_ik``
and ``m_jq = w_jq / max_k w_jk``,

- constraint ``c_i = sum_j (p_ij + sum_q p_iq p_qj)^2``,
- effective size ``e_i = sum_j (1 - sum_q p_iq m_jq)``,

``j`` over the contacts of ``i`` and ``q`` over the contacts both share.

References
----------
.. [1] R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard UP (1992).
.. [2] S. P. Borgatti, "Structural holes: unpacking Burt's redundancy measures",
   Connections 20 (1997) 35–38.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numba
import numpy as np
import scipy.sparse as sp

from netmap.arrays import row_sums

__all__ = ["structural_holes"]

#: Actors are split into this many chunks whatever the number of cores.
_CHUNKS = 8


def structural_holes(weights: sp.csr_array, *, threads: int) -> tuple[np.ndarray, np.ndarray]:
    """Burt's constraint and effective size of every actor.

    Parameters
    ----------
    weights : scipy.sparse.csr_array
        Symmetric matrix of positive tie strengths, no diagonal.
    threads : int
        Threads to compute on.

    Returns
    -------
    constraint, effective_size : ndarray
        NaN for an actor without ties.

    Examples
    --------
    In a star, the centre's three contacts do not know each other: it is constrained by
    each only ``(1/3)^2``, 1/3 in all, and all three contacts count fully (effective size 3).
    A leaf depends on its one contact entirely (constraint 1).

    >>> import scipy.sparse as sp
    >>> star = sp.csr_array(([1.0] * 6, ([0, 0, 0, 1, 2, 3], [1, 2, 3, 0, 0, 0])), shape=(4, 4))
    >>> constraint, effective_size = structural_holes(star, threads=1)
    >>> constraint.round(3).tolist(), effective_size.tolist()
    ([0.333, 1.0, 1.0, 1.0], [3.0, 1.0, 1.0, 1.0])
    """
    weights = sp.csr_array(weights)
    n = weights.shape[0]
    has_ties = np.diff(weights.indptr) > 0
    strength = row_sums(weights)
    row_max = np.zeros(n)
    row_max[has_ties] = np.maximum.reduceat(weights.data, weights.indptr[:-1][has_ties])
    indptr, indices = weights.indptr.astype(np.int64), weights.indices.astype(np.int64)

    def compute(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return _holes(indptr, indices, weights.data, strength, row_max, rows)

    with ThreadPoolExecutor(max(1, threads)) as pool:
        parts = list(pool.map(compute, np.array_split(np.arange(n), _CHUNKS)))
    constraint = np.concatenate([part[0] for part in parts])
    effective_size = np.concatenate([part[1] for part in parts])
    return np.where(has_ties, constraint, np.nan), np.where(has_ties, effective_size, np.nan)


@numba.njit(nogil=True, cache=True)
def _holes(indptr, indices, weight, strength, row_max, rows):
    proportion = np.zeros(len(indptr) - 1)  # p_iq for the contacts q of the current i
    constraint = np.zeros(len(rows))
    effective_size = np.zeros(len(rows))
    for k in range(len(rows)):
        i = rows[k]
        for e in range(indptr[i], indptr[i + 1]):
            proportion[indices[e]] = weight[e] / strength[i]
        for e in range(indptr[i], indptr[i + 1]):
            j = indices[e]
            indirect = 0.0
            redundant = 0.0
            for f in range(indptr[j], indptr[j + 1]):
                share = proportion[indices[f]]
                if share != 0.0:
                    indirect += share * weight[f] / strength[indices[f]]
                    redundant += share * weight[f]
            constraint[k] += (proportion[j] + indirect) ** 2
            effective_size[k] += 1.0 - redundant / row_max[j]
        for e in range(indptr[i], indptr[i + 1]):
            proportion[indices[e]] = 0.0
    return constraint, effective_size
