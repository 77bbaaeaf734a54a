"""Where the missing links are: group mixing, worded gaps, loose parts and thin bridges."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from netmap.arrays import node_names, sorted_nodes
from netmap.metrics import communities, list_names
from netmap.suggest import UNKNOWN_GROUP, node_groups

__all__ = [
    "GAP_COLUMNS",
    "community_bridges",
    "gap_findings",
    "gap_matrix",
    "group_ei_index",
    "group_gaps",
    "small_components",
]

#: Columns of the table :func:`group_gaps` returns, in order.
GAP_COLUMNS = (
    "group_a",
    "group_b",
    "actors_a",
    "actors_b",
    "observed",
    "observed_weight",
    "expected",
    "ratio",
    "shortfall",
    "density",
)


def group_gaps(
    G: nx.Graph,
    by: str | tuple[str, ...] = "sector",
    *,
    weight: str | None = "weight",
    seed: int | None = 0,
) -> pd.DataFrame:
    """Count the ties between and within groups, against what chance would give.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph, e.g. ``Network.graph("organisations")``. Self-loops are ignored.
    by : str or tuple of str, default "sector"
        A node attribute, a tuple of attributes (``("sector", "municipality")`` gives groups
        like ``"civil society in Kiruna"``) or ``"community"`` (Louvain communities); see
        :func:`netmap.suggest.node_groups`. Actors lacking the attribute form the group
        ``"(unknown)"``: they stay in, so the expected counts add up to the ties.
    weight : str or None, default "weight"
        Edge attribute summed in ``observed_weight`` (1 per tie when None or missing), and
        the tie strength for ``by="community"``.
    seed : int or None, default 0
        Seed of the community detection (``by="community"``).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair of groups, within-group pairs included (``group_a <=
        group_b``), sorted by ``group_a`` then ``group_b``; columns :data:`GAP_COLUMNS`:
        ``actors_a``, ``actors_b`` (group sizes), ``observed`` (ties), ``observed_weight``,
        ``expected`` (ties expected if ties ignored the groups: the configuration model,
        ``D_a D_b / 2m`` between groups and ``D_a² / 4m`` within, ``D`` a group's degree sum
        and ``m`` the ties), ``ratio`` (observed / expected; NaN when nothing is expected),
        ``shortfall`` (expected − observed: positive when the groups meet less than chance
        would have them) and ``density`` (observed / possible pairs; NaN for a group of one).
        ``.attrs["ei_index"]`` holds the E–I index of the whole network.

    Notes
    -----
    The expected counts sum to ``m``: ``Σ D_a D_b / 2m`` over pairs plus ``Σ D_a² / 4m``
    over groups is ``(Σ D)² / 4m = m``. They are the ``e_ab`` behind Newman's modularity
    and assortativity [1]_. The E–I index is Krackhardt & Stern's [2]_: (external −
    internal) / (external + internal) ties, from −1 (all ties inside groups) to +1.

    References
    ----------
    .. [1] M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 026126 (2003).
    .. [2] D. Krackhardt and R. N. Stern, "Informal networks and organizational crises: an
       experimental simulation", Social Psychology Quarterly 51(2), 123–140 (1988).

    Examples
    --------
    A path a–b–c–d: a and b are public, c and d academia. Degrees 1, 2, 2, 1, so each group's
    degree sum is 3 and m = 3. Between: 3·3/6 = 1.5 ties expected, 1 observed. Within each
    group: 3²/12 = 0.75 expected, 1 observed:

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "public", "b": "public", "c": "academia",
    ...                            "d": "academia"}, "sector")
    >>> gaps = group_gaps(G)
    >>> gaps[["group_a", "group_b", "observed", "expected", "ratio", "shortfall"]]
        group_a   group_b  observed  expected     ratio  shortfall
    0  academia  academia         1      0.75  1.333333      -0.25
    1  academia    public         1      1.50  0.666667       0.50
    2    public    public         1      0.75  1.333333      -0.25
    >>> gaps.attrs["ei_index"]  # (1 external - 2 internal) / 3
    -0.333...
    """
    labels = node_groups(G, by, weight=weight, seed=seed)
    groups = sorted(labels.unique())
    code = {g: i for i, g in enumerate(groups)}
    node_code = labels.map(code)
    u, v, w = _edge_arrays(G, weight)
    a = node_code.loc[u].to_numpy() if len(u) else np.zeros(0, dtype=np.int64)
    b = node_code.loc[v].to_numpy() if len(v) else np.zeros(0, dtype=np.int64)
    low, high = np.minimum(a, b), np.maximum(a, b)
    g = len(groups)
    count = np.zeros((g, g))
    weight_sum = np.zeros((g, g))
    np.add.at(count, (low, high), 1)
    np.add.at(weight_sum, (low, high), w)
    degree_sum = np.bincount(a, minlength=g) + np.bincount(b, minlength=g)
    sizes = np.bincount(node_code.to_numpy(dtype=np.int64), minlength=g)
    m = len(u)
    rows = []
    for i in range(g):
        for j in range(i, g):
            share = degree_sum[i] * degree_sum[j] / (2 * m) if m else 0.0
            expected = share / 2 if i == j else share
            pairs = sizes[i] * (sizes[i] - 1) / 2 if i == j else sizes[i] * sizes[j]
            observed = int(count[i, j])
            rows.append(
                {
                    "group_a": groups[i],
                    "group_b": groups[j],
                    "actors_a": int(sizes[i]),
                    "actors_b": int(sizes[j]),
                    "observed": observed,
                    "observed_weight": float(weight_sum[i, j]),
                    "expected": float(expected),
                    "ratio": observed / expected if expected > 0 else np.nan,
                    "shortfall": float(expected - observed),
                    "density": observed / pairs if pairs > 0 else np.nan,
                }
            )
    table = pd.DataFrame(rows, columns=list(GAP_COLUMNS))
    within = int(np.trace(count))
    table.attrs["ei_index"] = (m - 2 * within) / m if m else np.nan
    table.attrs["by"] = by
    return table


def group_ei_index(
    G: nx.Graph,
    by: str | tuple[str, ...] = "sector",
    *,
    weight: str | None = "weight",
    seed: int | None = 0,
) -> pd.DataFrame:
    """Krackhardt & Stern's E–I index of each group: how outward-looking it is.

    Parameters
    ----------
    G : networkx.Graph
    by : str or tuple of str, default "sector"
        As in :func:`group_gaps`.
    weight : str or None, default "weight"
        Tie strength for the community detection (``by="community"``); ties are counted,
        not weighted.
    seed : int or None, default 0
        Seed of the community detection (``by="community"``).

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by group: ``group``, ``actors``, ``internal`` (ties inside
        the group), ``external`` (ties to other groups) and ``ei_index`` ((external −
        internal) / (external + internal); NaN for a group without ties).
        ``.attrs["ei_index"]`` is the whole network's index (each tie counted once).

    References
    ----------
    .. [1] D. Krackhardt and R. N. Stern, "Informal networks and organizational crises: an
       experimental simulation", Social Psychology Quarterly 51(2), 123–140 (1988).

    Examples
    --------
    On the path a–b–c–d with groups {a, b} and {c, d}, each group has one tie inside and
    one out: (1 − 1) / 2 = 0 for both.

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "team")
    >>> group_ei_index(G, "team")
      group  actors  internal  external  ei_index
    0     x       2         1         1       0.0
    1     y       2         1         1       0.0
    """
    gaps = group_gaps(G, by, weight=weight, seed=seed)
    rows = []
    for group in sorted(set(gaps["group_a"]) | set(gaps["group_b"])):
        touching = gaps[(gaps["group_a"] == group) | (gaps["group_b"] == group)]
        inside = touching["group_a"] == touching["group_b"]
        internal = int(touching.loc[inside, "observed"].sum())
        external = int(touching.loc[~inside, "observed"].sum())
        actors = touching["actors_a"].where(touching["group_a"] == group, touching["actors_b"])
        total = internal + external
        rows.append(
            {
                "group": group,
                "actors": int(actors.iloc[0]),
                "internal": internal,
                "external": external,
                "ei_index": (external - internal) / total if total else np.nan,
            }
        )
    table = pd.DataFrame(rows, columns=["group", "actors", "internal", "external", "ei_index"])
    table.attrs["ei_index"] = gaps.attrs["ei_index"]
    return table


def gap_matrix(gaps: pd.DataFrame, value: str = "ratio") -> pd.DataFrame:
    """Return one column of :func:`group_gaps` as a symmetric group × group matrix (heatmaps).

    Parameters
    ----------
    gaps : pandas.DataFrame
        The table :func:`group_gaps` returned.
    value : str, default "ratio"
        Which column: ``observed``, ``observed_weight``, ``expected``, ``ratio``,
        ``shortfall`` or ``density``.

    Returns
    -------
    pandas.DataFrame
        Groups (sorted) as both index and columns; entry (a, b) equals (b, a).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y"}, "team")
    >>> gap_matrix(group_gaps(G, "team"), "observed")
    group_b  x  y
    group_a
    x        1  1
    y        1  0
    """
    allowed = GAP_COLUMNS[4:]
    if value not in allowed:
        raise ValueError(f"value must be one of {', '.join(allowed)}; got {value!r}.")
    groups = sorted(set(gaps["group_a"]) | set(gaps["group_b"]))
    upper = gaps.pivot(index="group_a", columns="group_b", values=value)
    lower = gaps.pivot(index="group_b", columns="group_a", values=value)
    lower.index.name, lower.columns.name = "group_a", "group_b"
    matrix = upper.combine_first(lower).reindex(index=groups, columns=groups)
    return matrix.astype(gaps[value].dtype)


def gap_findings(
    G: nx.Graph,
    by: str | tuple[str, ...] = "sector",
    *,
    weight: str | None = "weight",
    seed: int | None = 0,
    max_ratio: float = 0.25,
    min_expected: float = 1.0,
    gaps: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The group pairs that do not meet, or meet far less than chance, in words.

    A pair of groups is a finding when at least ``min_expected`` ties were expected
    (:func:`group_gaps`) and it has no tie, or at most ``max_ratio`` of the expected ones.
    The ``"(unknown)"`` group is left out: a gap with unknown actors is no finding.

    Parameters
    ----------
    G : networkx.Graph
    by : str or tuple of str, default "sector"
        As in :func:`group_gaps`; ``("sector", "municipality")`` gives findings like
        "Civil society in Kiruna has no collaboration with academia in Luleå".
    weight, seed
        As in :func:`group_gaps`.
    max_ratio : float, default 0.25
        Observed / expected at or below which a pair counts as far below expectation.
    min_expected : float, default 1.0
        Pairs expected to have fewer ties than this are not findings: two small groups
        that never met are no surprise.
    gaps : DataFrame, optional
        The :func:`group_gaps` table of ``G`` by ``by``, when it is already computed.

    Returns
    -------
    pandas.DataFrame
        Columns ``group_a``, ``group_b``, ``kind`` (``"none"``: no tie; ``"few"``),
        ``observed``, ``expected``, ``ratio``, ``shortfall`` and ``finding`` (a sentence),
        sorted by ``shortfall`` (largest first), then ``group_a``, ``group_b``.

    Examples
    --------
    Two public actors tied, two civil-society actors tied, and one tie across. Degree sums:
    3 and 3, m = 3; across, 3·3/6 = 1.5 ties expected and 1 observed (ratio 0.67: no finding
    at the default ``max_ratio``); within each sector 3²/12 = 0.75 expected, below
    ``min_expected``. With ``max_ratio=0.7`` the pair across is a finding:

    >>> import networkx as nx
    >>> G = nx.Graph([("p1", "p2"), ("c1", "c2"), ("p1", "c1")])
    >>> nx.set_node_attributes(G, {"p1": "public", "p2": "public",
    ...                            "c1": "civil_society", "c2": "civil_society"}, "sector")
    >>> gap_findings(G).empty
    True
    >>> print(gap_findings(G, max_ratio=0.7).loc[0, "finding"])
    Civil society and public meet rarely: 1 tie where 1.5 were expected (67%).
    """
    if gaps is None:
        gaps = group_gaps(G, by, weight=weight, seed=seed)
    elif gaps.attrs.get("by") != by:
        raise ValueError(
            f"gaps must be the group_gaps table by {by!r}; got one by {gaps.attrs.get('by')!r}."
        )
    known = (gaps["group_a"] != UNKNOWN_GROUP) & (gaps["group_b"] != UNKNOWN_GROUP)
    low = (gaps["observed"] == 0) | (gaps["ratio"] <= max_ratio)
    found = gaps[known & low & (gaps["expected"] >= min_expected)].copy()
    found["kind"] = np.where(found["observed"] == 0, "none", "few")
    found["finding"] = [
        _finding(r.group_a, r.group_b, r.observed, r.expected) for r in found.itertuples()
    ]
    found = found.sort_values(
        ["shortfall", "group_a", "group_b"], ascending=[False, True, True], kind="stable"
    )
    columns = ["group_a", "group_b", "kind", "observed", "expected", "ratio", "shortfall"]
    return found[[*columns, "finding"]].reset_index(drop=True)


def _finding(a: str, b: str, observed: int, expected: float) -> str:
    ties = f"{observed} tie{'s' if observed != 1 else ''}"
    if a == b:
        if observed == 0:
            return f"Nobody in {a} works with anyone else in {a} ({expected:.1f} ties expected)."
        return (
            f"{_capital(a)} works little together: {ties} among themselves where "
            f"{expected:.1f} were expected ({observed / expected:.0%})."
        )
    if observed == 0:
        return (
            f"{_capital(a)} has no collaboration with {b} ({expected:.1f} ties expected if "
            f"ties ignored the groups)."
        )
    return (
        f"{_capital(a)} and {b} meet rarely: {ties} where {expected:.1f} were expected "
        f"({observed / expected:.0%})."
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def small_components(G: nx.Graph) -> pd.DataFrame:
    """The isolates and small components: every part cut off from the largest component.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    pandas.DataFrame
        One row per connected component except the largest (the largest of equal size is
        the one with the smallest node), sorted by size (largest first), then first node:
        ``kind`` (``"isolate"`` or ``"small component"``), ``size``, ``nodes`` (tuple of
        node ids, sorted) and ``names`` (their ``name`` attributes, comma-separated).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    >>> G.add_node("f")
    >>> small_components(G)[["kind", "size", "nodes"]]
                  kind  size   nodes
    0  small component     2  (d, e)
    1          isolate     1    (f,)
    """
    order = {node: i for i, node in enumerate(sorted_nodes(G))}
    parts = [sorted(c, key=order.__getitem__) for c in nx.connected_components(G)]
    parts.sort(key=lambda c: (-len(c), order[c[0]]))
    rows = [
        {
            "kind": "isolate" if len(part) == 1 else "small component",
            "size": len(part),
            "nodes": tuple(part),
            "names": ", ".join(node_names(G, part)),
        }
        for part in parts[1:]
    ]
    return pd.DataFrame(rows, columns=["kind", "size", "nodes", "names"])


def community_bridges(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    seed: int | None = 0,
    max_actors: int = 2,
    labels: pd.Series | None = None,
) -> pd.DataFrame:
    """Pairs of communities that touch only through one or two actors, and who they are.

    Communities are Louvain's (:func:`netmap.metrics.communities`). For each pair of
    communities with ties between them, the actors at each end of those ties are counted;
    the pair is listed when one side has at most ``max_actors`` of them. Those actors are
    the ``through``: if they leave or stop, the two communities lose touch.

    Parameters
    ----------
    G : networkx.Graph
    weight : str or None, default "weight"
        Tie strength for the community detection.
    seed : int or None, default 0
        Seed of the community detection.
    max_actors : int, default 2
        Largest number of actors on the thinner side for a pair to be listed.
    labels : Series, optional
        Community of each node (e.g. the ``community`` column of :func:`netmap.key_actors`),
        when already computed; by default Louvain's with ``weight`` and ``seed``.

    Returns
    -------
    pandas.DataFrame
        Columns ``community_a`` < ``community_b`` (labels of
        :func:`netmap.metrics.communities`, 0 the largest), ``size_a``, ``size_b``, ``ties``
        (between them), ``actors_a`` and ``actors_b`` (tuples of the actors of each with a
        tie to the other), ``through`` (the thinner side's actors; both sides when equally
        thin), ``through_names`` and ``finding`` (a sentence). Sorted by the number of
        ``through`` actors, then ``ties``, then the labels.

    Examples
    --------
    Two triangles and a broker ``x`` tied to ``c`` and ``d``: Louvain puts ``x`` with one
    triangle, and the triangles touch only through ``x`` (on one side) and one actor of
    the other triangle; the thinner side is both sides, so both are named:

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"),
    ...               ("d", "f"), ("c", "x"), ("x", "d")])
    >>> bridges = community_bridges(G)
    >>> bridges[["community_a", "community_b", "ties", "through"]]
       community_a  community_b  ties through
    0            0            1     1  (d, x)
    """
    if labels is None:
        labels = communities(G, weight=weight, seed=seed)
    else:
        labels = labels.reindex(sorted_nodes(G))
    order = {node: i for i, node in enumerate(labels.index)}
    sides: dict[tuple[int, int], tuple[set, set, int]] = {}
    for u, v in G.edges():
        cu, cv = int(labels[u]), int(labels[v])
        if cu == cv:
            continue
        if cu > cv:
            u, v, cu, cv = v, u, cv, cu
        side_a, side_b, ties = sides.get((cu, cv), (set(), set(), 0))
        side_a.add(u)
        side_b.add(v)
        sides[(cu, cv)] = (side_a, side_b, ties + 1)
    sizes = labels.value_counts()
    rows = []
    for (ca, cb), (side_a, side_b, ties) in sides.items():
        if min(len(side_a), len(side_b)) > max_actors:
            continue
        actors_a = tuple(sorted(side_a, key=order.__getitem__))
        actors_b = tuple(sorted(side_b, key=order.__getitem__))
        if len(actors_a) == len(actors_b):
            through = tuple(sorted(side_a | side_b, key=order.__getitem__))
        else:
            through = min(actors_a, actors_b, key=len)
        names = list_names(node_names(G, through), "and", "en")
        rows.append(
            {
                "community_a": ca,
                "community_b": cb,
                "size_a": int(sizes[ca]),
                "size_b": int(sizes[cb]),
                "ties": ties,
                "actors_a": actors_a,
                "actors_b": actors_b,
                "through": through,
                "through_names": names,
                "finding": (
                    f"Community {ca} ({sizes[ca]} actors) and community {cb} ({sizes[cb]} "
                    f"actors) touch only through {names} ({ties} tie{'s' if ties != 1 else ''})."
                ),
            }
        )
    columns = [
        "community_a",
        "community_b",
        "size_a",
        "size_b",
        "ties",
        "actors_a",
        "actors_b",
        "through",
        "through_names",
        "finding",
    ]
    table = pd.DataFrame(rows, columns=columns)
    if table.empty:
        return table
    table["_n"] = table["through"].map(len)
    table = table.sort_values(["_n", "ties", "community_a", "community_b"], kind="stable")
    return table.drop(columns="_n").reset_index(drop=True)


def _edge_arrays(G: nx.Graph, weight: str | None):
    """Both ends and the weight of every tie (self-loops left out)."""
    if weight is None:
        edges = [(u, v, 1.0) for u, v in G.edges() if u != v]
    else:
        edges = [(u, v, w) for u, v, w in G.edges(data=weight, default=1.0) if u != v]
    u = [e[0] for e in edges]
    v = [e[1] for e in edges]
    w = np.array([float(e[2]) for e in edges])
    return u, v, w
