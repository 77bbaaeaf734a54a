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

from netmap.arrays import (
    GraphArrays,
    check_k,
    check_nodes,
    hop_levels,
    masked_product,
    node_names,
    node_values,
    one_hot,
    unpack_sources,
)
from netmap.metrics import key_actors
from netmap.whatif import EXACT_SEARCH_MAX_SETS

__all__ = ["SCORE_PARTS", "pick_conveners", "rank_conveners"]

#: Attributes whose values :func:`pick_conveners` reports for each convener by default.
DEFAULT_GROUP_ATTRIBUTES = ("sector", "municipality")

#: Largest distance table (actors x candidates, one byte each) :func:`pick_conveners` builds;
#: above it the candidates are shortlisted (25 MB: 5,000 actors, all of them candidates).
MAX_DISTANCE_ENTRIES = 25_000_000

#: Members of each required group kept when the candidates are shortlisted.
_SHORTLIST_PER_GROUP = 32


# ------------------------------------------------------------------ single candidates

#: The parts of :func:`rank_conveners`' score: column -> True when higher is better.
SCORE_PARTS = {
    "reach_within_2": True,
    "betweenness": True,
    "other_groups_within_2": True,
    "constraint": False,
}


def rank_conveners(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    attribute: str = "sector",
    exclude: Iterable[Hashable] = (),
    betweenness: str = "auto",
    seed: int | None = 0,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rank every actor as a single convener, on a transparent four-part score.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; node attributes and edge weights are optional.
    weight : str or None, default "weight"
        Edge attribute of tie strength for betweenness (a strong tie is a short distance)
        and constraint; None counts every tie as 1. Reach counts steps and ignores it.
    attribute : str, default "sector"
        Node attribute whose groups count as "other groups" (sectors, municipalities, ...).
    exclude : iterable of node ids, optional
        Actors left out of the ranking (they still count as reached).
    betweenness : {"auto", "exact", "sampled"}, default "auto"
        How betweenness is computed, as in :func:`netmap.key_actors`.
    seed : int or None, default 0
        Seed of the sampled betweenness sources (only when betweenness is sampled).
    actors : DataFrame, optional
        The :func:`netmap.key_actors` table of ``G`` with the same ``weight``, when it is
        already computed: its ``betweenness`` and ``constraint`` are used instead of
        computing them again (the slow part on large graphs).

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``node``), one row per candidate, sorted by ``convener_score``
        (highest first), ties by node id. Columns (explained by :func:`netmap.glossary.explain`):

        - ``name``, and the candidate's group (a column named after ``attribute``);
        - ``reach_within_2``: share of the other actors within two steps;
        - ``betweenness``: share of shortest paths between others through the candidate
          (networkx normalisation, as in :func:`netmap.key_actors`);
        - ``other_groups_within_2``: how many groups other than the candidate's own are
          among the actors within two steps;
        - ``constraint``: Burt's constraint (low means the contacts are not tied to each
          other, so the candidate bridges circles; NaN for an isolated actor);
        - one ``<part>_percentile`` column per part: the candidate's percentile rank among
          the candidates, 0-1, higher is better (``constraint_percentile`` ranks low
          constraint high; an isolated actor's NaN constraint gets 0);
        - ``convener_score``: the mean of the four percentiles, 0-1.

    Notes
    -----
    A percentile rank is ``rank / number of candidates`` with tied values sharing their
    average rank (pandas ``rank(pct=True)``), so the parts are on one scale whatever their
    units, and no part dominates because its numbers are larger. Each part answers a
    coordinator's question: does an invitation from them reach many people in two steps
    (reach), do they sit between parts of the network (betweenness), does their circle
    span other sectors (other groups), and do they bridge people who are not already
    together (low constraint)?

    References
    ----------
    .. [1] U. Brandes, "A faster algorithm for betweenness centrality", Journal of
       Mathematical Sociology 25, 163-177 (2001).
    .. [2] R. S. Burt, Structural Holes, Harvard University Press (1992).
    .. [3] S. P. Borgatti, "Identifying sets of key players in a social network",
       Computational and Mathematical Organization Theory 12, 21-34 (2006) (reach).

    Examples
    --------
    In the path a - b - c - d - e, where e is the only academic, c reaches the four others
    within two steps, lies on 4 of the 6 shortest paths between others (a-d, a-e, b-d,
    b-e: betweenness 0.667), reaches academia (e) and has the lowest constraint (0.5, with
    b and d). Its percentiles are 1 for reach and betweenness (the top of 5) and 0.8 for the
    other two (tied with two others at ranks 3, 4, 5: an average rank of 4, 4/5 = 0.8), so
    it scores (1 + 1 + 0.8 + 0.8) / 4 = 0.9. b and d differ only in that d reaches e:

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> nx.set_node_attributes(G, {"a": "public", "b": "public", "c": "public",
    ...                            "d": "public", "e": "academia"}, "sector")
    >>> ranking = rank_conveners(G)
    >>> ranking[["reach_within_2", "betweenness", "other_groups_within_2", "convener_score"]]
          reach_within_2  betweenness  other_groups_within_2  convener_score
    node
    c               1.00     0.666667                      1           0.900
    d               0.75     0.500000                      1           0.750
    b               0.75     0.500000                      0           0.625
    e               0.50     0.000000                      1           0.425
    a               0.50     0.000000                      0           0.300
    """
    excluded = check_nodes(G, exclude, argument="exclude")
    arrays = GraphArrays.from_networkx(G, weight)
    n = arrays.n
    codes, groups = node_values(G, arrays.nodes, attribute)
    table = pd.DataFrame(index=pd.Index(arrays.nodes, name="node"))
    table["name"] = node_names(G, arrays.nodes)
    table[attribute] = [groups[c] if c >= 0 else None for c in codes]
    within_2 = np.asarray(arrays.igraph.neighborhood_size(order=2), dtype=np.float64) - 1
    table["reach_within_2"] = within_2 / (n - 1) if n > 1 else 0.0
    if actors is None:
        actors = key_actors(G, weight=weight, attributes=(), betweenness=betweenness, seed=seed)
    elif not table.index.isin(actors.index).all():
        raise ValueError(
            "actors must be the key_actors table of the same graph: it lacks some of its "
            "nodes. Compute it with netmap.key_actors(G) or leave actors out."
        )
    table["betweenness"] = actors["betweenness"]
    table["other_groups_within_2"] = _other_groups_within_2(arrays, codes, len(groups))
    table["constraint"] = actors["constraint"]
    table = table.drop(index=excluded)
    for part, higher_is_better in SCORE_PARTS.items():
        ranks = table[part].rank(pct=True, ascending=higher_is_better)
        table[f"{part}_percentile"] = ranks.fillna(0.0)
    table["convener_score"] = table[[f"{part}_percentile" for part in SCORE_PARTS]].mean(axis=1)
    return table.sort_values("convener_score", ascending=False, kind="stable")


def _other_groups_within_2(arrays: GraphArrays, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Per node: groups other than its own among the actors within two steps."""
    if n_groups == 0:
        return np.zeros(arrays.n, dtype=np.int64)
    ties = arrays.binary
    member = one_hot(codes, n_groups)
    within_1 = ((ties @ member + member) > 0).astype(np.float64)
    within_2 = (ties @ within_1 + within_1) > 0
    count = np.asarray(within_2.sum(axis=1)).ravel().astype(np.int64)
    return count - (codes >= 0)


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
            rows = np.flatnonzero(reached.any(axis=1))
            block = hops[rows, first : first + count]
            np.copyto(block, level, where=unpack_sources(reached[rows], count))
            hops[rows, first : first + count] = block
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
            table = np.zeros(self.unreachable + 1, dtype=np.int16)
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

    @cached_property
    def _fewest(self):
        signatures = tuple(sorted({int(m) for m in self.masks if m}))

        @cache
        def fewest(missing: int) -> float:
            if missing == 0:
                return 0
            lowest = missing & -missing
            options = [1 + fewest(missing & ~s) for s in signatures if s & lowest]
            return min(options, default=math.inf)

        return fewest

    def fewest_to_cover(self, missing: int) -> float:
        """The fewest candidates that together cover the ``missing`` groups (exact; inf when
        no candidates can), by branching on the lowest missing group."""
        return self._fewest(missing)

    def take(self, positions: np.ndarray) -> _Requirements:
        return _Requirements(self.labels, self.masks[positions])

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
    covered = _covered(req, fixed)
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


def _pick_greedy(distances: _Distances, fixed: list[int], k: int, req: _Requirements) -> list[int]:
    """Greedy additions, then swaps of non-fixed members while a swap raises the score."""
    everyone = np.ones(len(distances.candidates), dtype=bool)
    chosen = list(fixed)
    while len(chosen) < k:
        covered = _covered(req, chosen)
        slots_after = k - len(chosen) - 1
        allowed = everyone.copy()
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
            allowed = everyone.copy()
            allowed[others] = False
            if req.labels:
                allowed &= (req.masks | _covered(req, others)) == req.full
            best = _best(gains, allowed)
            if gains[best] > gains[chosen[i]]:
                chosen[i] = best
                improved = True
    return chosen


def _covered(req: _Requirements, columns: list[int]) -> int:
    return _covered_by(req.masks[columns])


def _covered_by(masks: np.ndarray) -> int:
    return int(np.bitwise_or.reduce(masks)) if len(masks) else 0


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
          convener (``sector: business; municipality: Gällivare, Kiruna``).

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
    the best possible [2]_; the swaps only improve it. Ties are broken by node id, and
    nothing is random, so there is no ``seed``: the same graph gives the same set.

    Members count as reached at distance 1. Borgatti's equation 14 sums over all nodes
    without saying what a member contributes; pyntacle's ``dR`` leaves members out. With
    ``k`` fixed the two differ by the constant ``k / n``, so they choose the same sets;
    counting members makes the best possible score 1.

    The greedy search skips a candidate whose contacts are all contacts of a lower-id
    candidate in the same required groups: that one is at least as close to everyone, so
    the skipped one could never add more (in a collaboration network, most people who
    attended one meeting are skipped for its organiser). Distances come from a breadth-first
    search from every candidate (64 at a time in one machine word), stored as one byte per
    actor and candidate. When that table would exceed :data:`MAX_DISTANCE_ENTRIES` (25
    million: 5,000 people with every one a candidate just fit), the candidates are first
    shortlisted to those who reach most actors within two steps, plus the best-reaching
    members of each required group and the required actors. ``.attrs["candidates"]`` says
    how many were searched.

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
    k = check_k(k, "pick_conveners")
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
    arrays = GraphArrays.from_networkx(G, None)
    position = {node: i for i, node in enumerate(arrays.nodes)}
    eligible = np.ones(arrays.n, dtype=bool)
    eligible[[position[node] for node in excluded]] = False
    if eligible.sum() < k:
        raise ValueError(
            f"pick_conveners needs at least k={k} eligible actors; the graph has {arrays.n} "
            f"and {len(excluded)} are excluded. Lower k or exclude fewer actors."
        )
    fixed_nodes = [position[node] for node in required]
    eligible_nodes = np.flatnonzero(eligible)
    req = _requirements(G, arrays.nodes, eligible_nodes, require_groups)
    fixed_masks = req.masks[np.searchsorted(eligible_nodes, fixed_nodes)]
    fewest = len(fixed_nodes) + req.fewest_to_cover(req.full & ~_covered_by(fixed_masks))
    if fewest > k:
        raise ValueError(
            f"pick_conveners was asked for k={k} conveners covering the groups "
            f"{', '.join(req.labels)}"
            + (f" with {len(fixed_nodes)} required actor(s)" if fixed_nodes else "")
            + f", but that needs at least {fewest}. Raise k to {fewest}, or require fewer "
            f"groups or actors."
        )
    if math.comb(len(eligible_nodes) - len(fixed_nodes), k - len(fixed_nodes)) <= (
        EXACT_SEARCH_MAX_SETS
    ):
        candidates, search = eligible_nodes, "exact"
    else:
        kept = _shortlist(arrays, eligible_nodes, req, fixed_nodes)
        kept = kept[_undominated(arrays, eligible_nodes[kept], req.masks[kept], fixed_nodes)]
        candidates, search = eligible_nodes[kept], "greedy with swaps"
        req = req.take(kept)
    column = {int(c): j for j, c in enumerate(candidates)}
    fixed = [column[c] for c in fixed_nodes]
    distances = _Distances.compute(arrays.binary, candidates)
    if search == "exact":
        free = np.setdiff1d(np.arange(len(candidates)), fixed)
        chosen = _pick_exact(distances, fixed, free, k - len(fixed), req)
    else:
        chosen = _pick_greedy(distances, fixed, k, req)
    return _describe_set(G, arrays, distances, chosen, req, required, groups, search)


def _undominated(
    arrays: GraphArrays, candidates: np.ndarray, masks: np.ndarray, fixed: list[int]
) -> np.ndarray:
    """Positions in ``candidates`` of those no lower-id candidate dominates.

    ``c`` is dominated by a neighbour ``c'`` when every contact of ``c`` is a contact of
    ``c'`` (closed neighbourhoods ``N[c]`` within ``N[c']``); then ``c'`` is at least as
    close as ``c`` to every actor, so adding ``c'`` to any set gains at least as much as
    adding ``c``. Dropping ``c`` when ``c'`` is a candidate with a lower id and is in every
    required group ``c`` is in leaves the greedy choices as they were (ties go to lower
    ids). ``|N[c] & N[c']| = common neighbours + 2`` for a tie ``c - c'``.
    """
    ties = arrays.binary
    rows = ties[candidates]
    shared = sp.csr_array(masked_product(rows, ties, rows) + rows).tocoo()
    degree = np.diff(ties.indptr)
    position = np.full(arrays.n, -1)
    position[candidates] = np.arange(len(candidates))
    other = position[shared.col]
    node = candidates[shared.row]
    dominated = (
        (shared.data == degree[node])
        & (shared.col < node)
        & (other >= 0)
        & ((masks[shared.row] & ~masks[np.maximum(other, 0)]) == 0)
    )
    drop = np.zeros(len(candidates), dtype=bool)
    drop[shared.row[dominated]] = True
    drop[np.isin(candidates, fixed)] = False
    return np.flatnonzero(~drop)


def _shortlist(
    arrays: GraphArrays, nodes: np.ndarray, req: _Requirements, fixed: list[int]
) -> np.ndarray:
    """Positions in ``nodes`` to search: all, or when the distance table would be too big,
    those reaching most actors within two steps, the required actors and the best-reaching
    members of each required group."""
    limit = max(1, MAX_DISTANCE_ENTRIES // max(arrays.n, 1))
    if len(nodes) <= limit:
        return np.arange(len(nodes))
    reach_2 = np.asarray(arrays.igraph.neighborhood_size(order=2))[nodes]
    ranked = np.argsort(-reach_2, kind="stable")
    keep = set(ranked[:limit].tolist()) | set(np.flatnonzero(np.isin(nodes, fixed)).tolist())
    for bit in range(len(req.labels)):
        members = ranked[(req.masks[ranked] >> bit) & 1 == 1]
        keep.update(members[:_SHORTLIST_PER_GROUP].tolist())
    return np.array(sorted(keep), dtype=np.int64)


def _describe_set(
    G: nx.Graph,
    arrays: GraphArrays,
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
    group_values = {
        a: np.array([_text(G.nodes[node].get(a)) for node in arrays.nodes], dtype=object)
        for a in attributes
    }
    seen_1 = np.zeros(n, dtype=bool)
    seen_2 = np.zeros(n, dtype=bool)
    seen_groups: set[tuple[str, str]] = set()
    reach = np.zeros(n, dtype=distances.inverse.dtype)
    total = n * distances.scale
    rows = []
    for j, col in enumerate(order):
        node = arrays.nodes[int(distances.candidates[col])]
        within_1, within_2 = hops[:, j] <= 1, hops[:, j] <= 2
        new_reach = np.maximum(reach, distances.inverse[hops[:, j]])
        reached_groups = {
            (a, value) for a in attributes for value in group_values[a][within_2] if value
        }
        new_groups = _describe_groups(reached_groups - seen_groups, attributes)
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
                "new_groups": new_groups,
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


def _text(value) -> str:
    """A node attribute as text; "" when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _describe_groups(groups: set[tuple[str, str]], attributes: list[str]) -> str:
    """``{("sector", "academia"), ...}`` as ``sector: academia, business; municipality: Kiruna``."""
    parts = []
    for attribute in attributes:
        values = sorted(value for a, value in groups if a == attribute)
        if values:
            parts.append(f"{attribute}: {', '.join(values)}")
    return "; ".join(parts)


def _fastest_order(distances: _Distances, chosen: list[int]) -> list[int]:
    """``chosen`` ordered so that each member adds most given those before (ties: id)."""
    remaining = sorted(chosen)
    ordered: list[int] = []
    while remaining:
        current = distances.reach_of(ordered)
        scores = [np.maximum(current, distances.reach_of([c])).sum() for c in remaining]
        ordered.append(remaining.pop(int(np.argmax(distances.rounded(np.array(scores))))))
    return ordered
