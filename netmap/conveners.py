"""Who should convene the network: single candidates ranked, and the best set of k conveners.

:func:`rank_conveners` scores every actor on four documented parts (reach within two steps,
betweenness, reach into other groups, low constraint). :func:`pick_conveners` chooses a *set*
of conveners that together reach the network best: Borgatti's key player problem, positive
side, with the constraints a coordinator needs (one per listed sector or municipality, named
actors in or out). Distances are counted in hops; edge weights are ignored, because a
convener's invitation reaches a contact regardless of how often they met.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from netmap.metrics import _Arrays
from netmap.whatif import (
    EXACT_SEARCH_MAX_SETS,
    _check_k,
    check_nodes,
    hop_levels,
    node_names,
    unpack_sources,
)

__all__ = ["pick_conveners"]

#: Attributes whose values :func:`pick_conveners` reports for each convener by default.
DEFAULT_GROUP_ATTRIBUTES = ("sector", "municipality")

#: Largest distance table (actors x candidates, one byte each) :func:`pick_conveners` builds;
#: above it the candidates are shortlisted (about 50 MB).
MAX_DISTANCE_ENTRIES = 50_000_000

#: Members of each required group kept when the candidates are shortlisted.
_SHORTLIST_PER_GROUP = 32


# ------------------------------------------------------------------ the distance table


@dataclass
class _Distances:
    """Hops from each candidate to every node: ``hops[v, j]`` for node ``v``, candidate ``j``.

    ``unreachable`` marks "no path". ``inverse[hops]`` is ``scale / hops``, Borgatti's
    distance-weighted reach term scaled: a candidate's own entry (0 hops) counts ``scale`` and
    an unreachable node 0. When no distance exceeds 12, ``scale`` is lcm(1, ..., 12) = 27720
    and the terms are exact integers, so equal scores tie exactly; otherwise ``scale`` is 1
    and the terms are floats.
    """

    hops: np.ndarray
    candidates: np.ndarray
    unreachable: int

    @classmethod
    def compute(cls, adjacency: sp.csr_array, candidates: np.ndarray) -> _Distances:
        n = adjacency.shape[0]
        unreachable = np.iinfo(np.uint8).max
        hops = np.full((n, len(candidates)), unreachable, dtype=np.uint8)
        hops[candidates, np.arange(len(candidates))] = 0
        for level, first, reached in hop_levels(adjacency, candidates):
            if level >= unreachable:
                unreachable = np.iinfo(np.uint16).max
                hops = np.where(hops == np.iinfo(np.uint8).max, unreachable, hops).astype(np.uint16)
            count = min(reached.shape[1] * 64, len(candidates) - first)
            block = hops[:, first : first + count]
            np.copyto(block, level, where=unpack_sources(reached, count))
        return cls(hops, candidates, int(unreachable))

    @cached_property
    def farthest(self) -> int:
        finite = self.hops[self.hops < self.unreachable]
        return int(finite.max()) if finite.size else 0

    @cached_property
    def scale(self) -> int:
        return math.lcm(*range(1, 13)) if self.farthest <= 12 else 1

    @cached_property
    def inverse(self) -> np.ndarray:
        if self.scale > 1:
            table = np.zeros(self.unreachable + 1, dtype=np.int32)
            table[1:13] = self.scale // np.arange(1, 13)
        else:
            table = np.zeros(self.unreachable + 1)
            table[1 : self.unreachable] = 1.0 / np.arange(1, self.unreachable)
        table[0] = self.scale
        return table

    def reach_of(self, columns: Iterable[int]) -> np.ndarray:
        """``max over the candidates in columns of scale / d``, per node (0 for no column)."""
        out = np.zeros(self.hops.shape[0], dtype=self.inverse.dtype)
        for column in columns:
            np.maximum(out, self.inverse[self.hops[:, column]], out=out)
        return out

    def gains(self, current: np.ndarray) -> np.ndarray:
        """Per candidate: ``sum over nodes of max(0, scale/d(candidate, node) - current)``."""
        open_rows = np.flatnonzero(current < self.scale)
        total = np.zeros(self.hops.shape[1], dtype=np.float64 if self.scale == 1 else np.int64)
        step = max(1, 4_000_000 // max(self.hops.shape[1], 1))
        for start in range(0, len(open_rows), step):
            rows = open_rows[start : start + step]
            gain = self.inverse[self.hops[rows]]
            gain -= current[rows, None]
            np.maximum(gain, 0, out=gain)
            total += gain.sum(axis=0, dtype=total.dtype)
        return total

    def rounded(self, scores: np.ndarray) -> np.ndarray:
        """Scores to compare: exact integers as they are, floats rounded (ties by id)."""
        return scores if self.scale > 1 else np.round(scores, 9)


# ------------------------------------------------------------------ required groups


@dataclass(frozen=True)
class _Requirements:
    """Required groups as bits: ``masks[j]`` has bit ``g`` when candidate ``j`` is in group g."""

    labels: list[str]
    masks: np.ndarray

    @property
    def full(self) -> int:
        return (1 << len(self.labels)) - 1

    def fewest_to_cover(self, missing: int) -> int:
        """The fewest candidates that together cover the ``missing`` groups (exact)."""
        signatures = tuple(sorted({int(m) for m in self.masks if m}))

        @cache
        def fewest(missing: int) -> float:
            if missing == 0:
                return 0
            lowest = missing & -missing
            options = [1 + fewest(missing & ~s) for s in signatures if s & lowest]
            return min(options, default=math.inf)

        return fewest(missing)

    def describe(self, mask: int) -> str:
        return "; ".join(label for g, label in enumerate(self.labels) if mask >> g & 1)


def _requirements(
    G: nx.Graph,
    nodes: list[Hashable],
    candidates: np.ndarray,
    require_groups: Mapping[str, Iterable[str]] | None,
) -> _Requirements:
    labels: list[str] = []
    masks = np.zeros(len(candidates), dtype=np.int64)
    for attribute, wanted in (require_groups or {}).items():
        if isinstance(wanted, str):
            wanted = [wanted]
        values = np.array(
            [str(G.nodes[nodes[c]].get(attribute, "")) for c in candidates], dtype=object
        )
        for value in dict.fromkeys(str(w) for w in wanted):
            members = values == value
            if not members.any():
                present = sorted({v for v in values if v})
                shown = ", ".join(present[:15]) + (" ..." if len(present) > 15 else "")
                raise ValueError(
                    f"require_groups asks for at least one convener with {attribute} "
                    f"{value!r}, but no eligible actor has it; the {attribute} values among "
                    f"eligible actors are: {shown or 'none'}. Check the spelling, or drop "
                    f"{value!r} (an excluded actor does not count)."
                )
            masks[members] |= 1 << len(labels)
            labels.append(f"{attribute}={value}")
    return _Requirements(labels, masks)


# ------------------------------------------------------------------ the search


def _pick_exact(
    distances: _Distances, fixed: list[int], free: np.ndarray, slots: int, req: _Requirements
) -> list[int]:
    """Try every set of ``slots`` free candidates; the best covering one (ties: first)."""
    if slots == 0:
        return fixed
    inverse = distances.inverse
    base = distances.reach_of(fixed)
    covered = int(np.bitwise_or.reduce(req.masks[fixed])) if fixed else 0
    best, best_score = None, -math.inf
    combos = np.array(list(combinations(free.tolist(), slots)), dtype=np.int64)
    combos = combos.reshape(-1, slots)
    if req.labels:
        cover = np.bitwise_or.reduce(req.masks[combos], axis=1) | covered
        combos = combos[cover == req.full]
    for start in range(0, len(combos), 512):
        batch = combos[start : start + 512]
        reach = inverse[distances.hops[:, batch]].max(axis=2)  # nodes x batch
        scores = np.maximum(reach, base[:, None]).sum(axis=0)
        scores = distances.rounded(scores)
        top = int(np.argmax(scores))
        if scores[top] > best_score:
            best, best_score = batch[top].tolist(), scores[top]
    return fixed + (best or [])


def _pick_greedy(
    distances: _Distances,
    fixed: list[int],
    eligible: np.ndarray,
    k: int,
    req: _Requirements,
) -> list[int]:
    """Greedy additions, then swaps of non-fixed members while a swap raises the score."""
    chosen = list(fixed)
    while len(chosen) < k:
        covered = _covered(req, chosen)
        slots_after = k - len(chosen) - 1
        allowed = eligible.copy()
        allowed[chosen] = False
        allowed &= _keeps_feasible(req, covered, slots_after)
        gains = distances.rounded(distances.gains(distances.reach_of(chosen)))
        chosen.append(_best(gains, allowed))
    improved = True
    while improved:
        improved = False
        for i in range(len(fixed), k):
            others = chosen[:i] + chosen[i + 1 :]
            gains = distances.rounded(distances.gains(distances.reach_of(others)))
            allowed = eligible.copy()
            allowed[others] = False
            if req.labels:
                allowed &= (req.masks | _covered(req, others)) == req.full
            best = _best(gains, allowed)
            if gains[best] > gains[chosen[i]]:
                chosen[i] = best
                improved = True
    return chosen


def _covered(req: _Requirements, columns: list[int]) -> int:
    return int(np.bitwise_or.reduce(req.masks[columns])) if columns else 0


def _keeps_feasible(req: _Requirements, covered: int, slots_after: int) -> np.ndarray:
    """Candidates after whose addition the groups still missing fit in ``slots_after``."""
    if not req.labels:
        return np.ones(len(req.masks), dtype=bool)
    ok = {
        int(mask): req.fewest_to_cover(req.full & ~(covered | int(mask))) <= slots_after
        for mask in np.unique(req.masks)
    }
    return np.array([ok[int(mask)] for mask in req.masks], dtype=bool)


def _best(gains: np.ndarray, allowed: np.ndarray) -> int:
    """The allowed column with the largest gain; ties to the lowest column (node id)."""
    return int(np.argmax(np.where(allowed, gains, -math.inf)))


# ------------------------------------------------------------------ pick_conveners


def pick_conveners(
    G: nx.Graph,
    k: int = 3,
    *,
    require_groups: Mapping[str, Iterable[str]] | None = None,
    require: Iterable[Hashable] = (),
    exclude: Iterable[Hashable] = (),
    groups: Collection[str] = DEFAULT_GROUP_ATTRIBUTES,
) -> pd.DataFrame:
    """Choose ``k`` conveners who together reach the whole network in the fewest steps.

    The set maximises Borgatti's distance-weighted reach: every actor counts ``1 / d``,
    where ``d`` is the number of steps from the nearest convener (a convener counts 1 and an
    actor with no path to any convener 0), divided by the number of actors. A set scores 1
    exactly when every actor is a convener or knows one.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; edge weights are ignored.
    k : int, default 3
        How many conveners.
    require_groups : mapping of str to list of str, optional
        At least one convener from each listed group, e.g. ``{"sector": ["academia",
        "civil_society"], "municipality": ["Kiruna"]}`` (node attribute -> values). One
        convener can cover several groups (an academic in Kiruna covers two).
    require : iterable of node ids, optional
        Actors who must be in the set (e.g. the coordinator's own organisation).
    exclude : iterable of node ids, optional
        Actors who must not be chosen (e.g. funders); they still count as reached.
    groups : collection of str, default ("sector", "municipality")
        Node attributes shown for each convener and used for ``new_groups``.

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``node``), one row per convener, in the order that reaches fastest:
        the first row adds the most, each next row the most given the rows above. Columns:

        - ``name``;
        - one column per attribute in ``groups`` that some node has: the convener's value;
        - ``required``: True for an actor named in ``require``;
        - ``covers``: the required groups the convener belongs to (``sector=academia``);
        - ``adds``: what the convener adds to the set's score (the column sums to it);
        - ``new_within_1``, ``new_within_2``: actors (the convener included) within one
          and two steps of the convener and not of any convener above;
        - ``new_groups``: groups of ``groups`` first reached within two steps by this
          convener (``sector=business; municipality=Gällivare``).

        ``.attrs``: ``score`` (the distance-weighted reach, 0-1), ``reach_1`` and
        ``reach_2`` (share of all actors within one and two steps of a convener, conveners
        included), ``reach`` (share with any path to a convener), ``search`` ("exact" or
        "greedy with swaps") and ``candidates`` (how many actors were considered).

    Raises
    ------
    ValueError
        If ``k`` is not a positive int; a node id is not in the graph; a required actor
        is excluded; more actors are required than ``k``; a required group has no eligible
        actor; or no ``k`` eligible actors can cover the required groups. The message says
        what was asked, what the network has and what to change.

    Notes
    -----
    The search is exact when there are at most :data:`~netmap.whatif.EXACT_SEARCH_MAX_SETS`
    (10,000) candidate sets. Otherwise it is greedy: it adds the actor who adds most, ``k``
    times (only actors after whom the required groups can still be covered), then swaps
    one member at a time for the best outsider while that raises the score. The score is a
    monotone submodular function, so the greedy start alone is within ``1 - 1/e`` (63%) of
    the best possible [2]_; the swaps only improve it. Ties are broken by node id.

    Distances come from a breadth-first search from every candidate (64 at a time in one
    machine word), stored as one byte per actor and candidate. When that table would exceed
    :data:`MAX_DISTANCE_ENTRIES` (50 million: 5,000 people with every one a candidate fit,
    with room to spare), the candidates are shortlisted to those who reach most actors
    within two steps, plus the best-reaching members of each required group and the
    required actors; ``.attrs["candidates"]`` says how many were kept.

    References
    ----------
    .. [1] S. P. Borgatti, "Identifying sets of key players in a social network",
       Computational and Mathematical Organization Theory 12, 21-34 (2006), equation 14
       (distance-weighted reach), with members counting as reached at distance 1 so the
       score is 1 when every actor is in the set or next to it.
    .. [2] G. L. Nemhauser, L. A. Wolsey and M. L. Fisher, "An analysis of approximations
       for maximizing submodular set functions", Mathematical Programming 14, 265-294
       (1978).

    Examples
    --------
    In the path a - b - c - d - e one convener at c reaches b and d in one step and a and e
    in two: (1 + 1 + 1 + 1/2 + 1/2) / 5 = 0.8.

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> pick_conveners(G, k=1).attrs["score"]
    0.8

    Two conveners can reach everyone in one step in several ways ({a, d}, {b, d}, {b, e}):
    they all score 1, and ties go to the lowest node ids, a and d. d comes first because
    alone it adds most: (1/3 + 1/2 + 1 + 1 + 1) / 5 = 0.767, reaching c, d, e in one step
    and b in two; a then adds a and b, (2/3 + 1/2) / 5 = 0.233.

    >>> two = pick_conveners(G, k=2)
    >>> two[["adds", "new_within_1", "new_within_2"]]
              adds  new_within_1  new_within_2
    node
    d     0.766667             3             4
    a     0.233333             2             1
    >>> two.attrs["score"], two.attrs["reach_1"]
    (1.0, 1.0)
    """
    k = _check_k(k, "pick_conveners")
    required = check_nodes(G, require, argument="require")
    excluded = check_nodes(G, exclude, argument="exclude")
    clash = [node for node in required if node in set(excluded)]
    if clash:
        raise ValueError(
            f"pick_conveners cannot both require and exclude the same actor; got "
            f"{', '.join(map(repr, clash))} in both require and exclude. Remove it from one."
        )
    if len(required) > k:
        raise ValueError(
            f"pick_conveners was asked for k={k} conveners but {len(required)} actors are "
            f"required ({', '.join(map(repr, required))}). Raise k to at least "
            f"{len(required)} or require fewer actors."
        )
    arrays = _Arrays.from_networkx(G, None)
    position = {node: i for i, node in enumerate(arrays.nodes)}
    eligible = np.ones(arrays.n, dtype=bool)
    eligible[[position[node] for node in excluded]] = False
    if eligible.sum() < k:
        raise ValueError(
            f"pick_conveners needs at least k={k} eligible actors; the graph has {arrays.n} "
            f"and {len(excluded)} are excluded. Lower k or exclude fewer actors."
        )
    fixed_nodes = [position[node] for node in required]
    candidates = _shortlist(G, arrays, np.flatnonzero(eligible), fixed_nodes, require_groups)
    req = _requirements(G, arrays.nodes, candidates, require_groups)
    column = {int(c): j for j, c in enumerate(candidates)}
    fixed = [column[c] for c in fixed_nodes]
    missing = req.full & ~_covered(req, fixed)
    fewest = req.fewest_to_cover(missing)
    if len(fixed) + fewest > k:
        raise ValueError(
            f"pick_conveners was asked for k={k} conveners covering the groups "
            f"{', '.join(req.labels)}"
            + (f" with {len(fixed)} required actor(s)" if fixed else "")
            + f", but that needs at least {len(fixed) + fewest}. Raise k to "
            f"{len(fixed) + fewest}, or require fewer groups or actors."
        )
    distances = _Distances.compute(arrays.binary, candidates)
    free = np.ones(len(candidates), dtype=bool)
    free[fixed] = False
    if math.comb(int(free.sum()), k - len(fixed)) <= EXACT_SEARCH_MAX_SETS:
        chosen = _pick_exact(distances, fixed, np.flatnonzero(free), k - len(fixed), req)
        search = "exact"
    else:
        chosen = _pick_greedy(distances, fixed, np.ones(len(candidates), bool), k, req)
        search = "greedy with swaps"
    return _describe_set(G, arrays, distances, chosen, req, required, groups, search)


def _shortlist(
    G: nx.Graph,
    arrays: _Arrays,
    eligible: np.ndarray,
    fixed: list[int],
    require_groups: Mapping[str, Iterable[str]] | None,
) -> np.ndarray:
    """The eligible nodes, or when too many, those reaching most within two steps (+ musts)."""
    limit = max(1, MAX_DISTANCE_ENTRIES // max(arrays.n, 1))
    if len(eligible) <= limit:
        return eligible
    reach_2 = np.asarray(arrays.igraph.neighborhood_size(order=2))
    ranked = eligible[np.argsort(-reach_2[eligible], kind="stable")]
    keep = set(ranked[:limit].tolist()) | set(fixed)
    for attribute, wanted in (require_groups or {}).items():
        wanted = {wanted} if isinstance(wanted, str) else {str(w) for w in wanted}
        members = [c for c in ranked if str(G.nodes[arrays.nodes[c]].get(attribute)) in wanted]
        keep.update(members[:_SHORTLIST_PER_GROUP])
    return np.array(sorted(keep), dtype=np.int64)


def _describe_set(
    G: nx.Graph,
    arrays: _Arrays,
    distances: _Distances,
    chosen: list[int],
    req: _Requirements,
    required: list[Hashable],
    groups: Collection[str],
    search: str,
) -> pd.DataFrame:
    n = arrays.n
    order = _fastest_order(distances, chosen)
    hops = distances.hops[:, order]
    attributes = [a for a in groups if any(a in data for _, data in G.nodes(data=True))]
    group_labels = {
        a: np.array([_group_label(a, G.nodes[node].get(a)) for node in arrays.nodes])
        for a in attributes
    }
    seen_1 = np.zeros(n, dtype=bool)
    seen_2 = np.zeros(n, dtype=bool)
    seen_groups: set[str] = set()
    reach = np.zeros(n, dtype=distances.inverse.dtype)
    total = n * distances.scale
    rows = []
    for j, col in enumerate(order):
        node = arrays.nodes[int(distances.candidates[col])]
        within_1, within_2 = hops[:, j] <= 1, hops[:, j] <= 2
        new_reach = np.maximum(reach, distances.inverse[hops[:, j]])
        reached_groups = {label for a in attributes for label in group_labels[a][within_2] if label}
        new_groups = sorted(reached_groups - seen_groups)
        rows.append(
            {
                "node": node,
                "name": node_names(G, [node])[0],
                **{a: G.nodes[node].get(a) for a in attributes},
                "required": node in required,
                "covers": req.describe(int(req.masks[col])) if req.labels else "",
                "adds": float(new_reach.sum() - reach.sum()) / total,
                "new_within_1": int((within_1 & ~seen_1).sum()),
                "new_within_2": int((within_2 & ~seen_2).sum()),
                "new_groups": "; ".join(new_groups),
            }
        )
        seen_1 |= within_1
        seen_2 |= within_2
        seen_groups |= reached_groups
        reach = new_reach
    table = pd.DataFrame(rows).set_index("node")
    table.attrs.update(
        score=float(reach.sum()) / total,
        reach_1=float(seen_1.sum()) / n,
        reach_2=float(seen_2.sum()) / n,
        reach=float((hops < distances.unreachable).any(axis=1).sum()) / n,
        search=search,
        candidates=len(distances.candidates),
    )
    return table


def _group_label(attribute: str, value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return f"{attribute}={value}"


def _fastest_order(distances: _Distances, chosen: list[int]) -> list[int]:
    """``chosen`` ordered so that each member adds most given those before (ties: id)."""
    remaining = sorted(chosen)
    ordered: list[int] = []
    while remaining:
        current = distances.reach_of(ordered)
        scores = [np.maximum(current, distances.reach_of([c])).sum() for c in remaining]
        ordered.append(remaining.pop(int(np.argmax(distances.rounded(np.array(scores))))))
    return ordered
