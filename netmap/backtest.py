"""Back-testing suggested introductions: suggest from the past, check against what followed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from netmap.arrays import node_name
from netmap.errors import NetmapError
from netmap.network import Network
from netmap.suggest import DEFAULT_METHOD, METHODS, suggest_links
from netmap.validate import validate_tables

__all__ = [
    "BACKTEST_COLUMNS",
    "backtest_suggestions",
    "network_from_pajek",
    "network_from_snapshots",
]

#: Columns of the table :func:`backtest_suggestions` returns, in order.
BACKTEST_COLUMNS = (
    "method",
    "k",
    "hits",
    "precision",
    "recall",
    "random_precision",
    "ratio_to_random",
    "new_pairs",
    "candidate_pairs",
    "actors",
)


def backtest_suggestions(
    network: Network,
    split: str | pd.Timestamp,
    *,
    k: int | None = None,
    methods: str | Sequence[str] = DEFAULT_METHOD,
    level: str = "people",
    weight: str | None = None,
    max_path_length: int = 2,
    epsilon: float = 0.01,
) -> pd.DataFrame:
    """Suggest introductions from the records before a date; count those that happened after.

    Follows Liben-Nowell & Kleinberg's protocol: the training graph holds the collaborations
    up to the day before ``split``, the test graph those from ``split`` on. Only actors with
    at least one tie in both periods count (nobody can predict ties of people who left or
    arrived). Among them, the *candidate pairs* are those not tied before the split and the
    *new pairs* those tied after it. Each method suggests its ``k`` best candidates
    (:func:`netmap.suggest_links` with ``among`` the active actors); a hit is a suggested
    pair that became a new pair.

    Parameters
    ----------
    network : Network
        Dated records (collaborations with a ``start_date``).
    split : date or str
        First day of the test period.
    k : int, optional
        Suggestions per method; default the number of new pairs, so that precision and
        recall are equal (R-precision), as in the informetrics figures of the README.
    methods : str or sequence of str, default "local_path"
        One or several of :data:`netmap.suggest.METHODS`, or ``"all"``.
    level : {"people", "organisations"}, default "people"
    weight : str or None, default None
        Passed to :func:`netmap.suggest_links` (``jaccard`` is skipped when set).
    max_path_length : {2, 3}, default 2
        Passed to :func:`netmap.suggest_links` for ``local_path`` (the others use 2).
    epsilon : float, default 0.01
        Passed to :func:`netmap.suggest_links` (weight of paths of length three).

    Returns
    -------
    pandas.DataFrame
        One row per method, in the order asked, columns :data:`BACKTEST_COLUMNS`: ``hits``
        (suggested pairs that formed), ``precision`` (hits / suggestions made, at most
        ``k``), ``recall`` (hits / new pairs), ``random_precision`` (new pairs / candidate
        pairs: the precision of suggesting candidates at random), ``ratio_to_random``
        (precision / random precision), ``new_pairs``, ``candidate_pairs`` and ``actors``
        (active in both periods). ``.attrs`` holds ``split``, ``train_until`` (dates as
        text) and ``suggestions``: method -> list of ``(source, target, formed)`` tuples, the
        suggestions in rank order and whether each pair did collaborate after the split.

    Raises
    ------
    NetmapError
        If fewer than two actors are active in both periods, or no new pair formed among
        them (nothing to predict).
    ValueError
        For an unknown method or a bad ``k``.

    Notes
    -----
    Ties in score at the cut-off are broken by node id, as in :func:`netmap.suggest_links`;
    with small numbers of hits this can move a method by a hit or two. Direct ties without
    dates belong to every window (see :meth:`netmap.Network.graph`), so they are in both
    periods and never count as new pairs.

    References
    ----------
    .. [1] D. Liben-Nowell and J. Kleinberg, "The link-prediction problem for social
       networks", J. Am. Soc. Inf. Sci. Technol. 58(7), 1019–1031 (2007).

    Examples
    --------
    Anna, Bo and Cai met in 2023 (Anna–Bo, Bo–Cai); in 2024 Anna and Cai worked together.
    The one candidate pair, Anna–Cai (shared contact Bo), is the one new pair: one hit, and
    random choice among the one candidate would have found it too (ratio 1):

    >>> import networkx as nx
    >>> net = network_from_snapshots({
    ...     ("2023-01-01", "2023-12-31"): nx.Graph([("anna", "bo"), ("bo", "cai")]),
    ...     ("2024-01-01", "2024-12-31"): nx.Graph([("anna", "cai"), ("bo", "cai")]),
    ... })
    >>> table = backtest_suggestions(net, "2024-01-01")
    >>> table[["method", "k", "hits", "precision", "ratio_to_random"]]
           method  k  hits  precision  ratio_to_random
    0  local_path  1     1        1.0              1.0
    """
    methods = (
        list(METHODS)
        if methods == "all"
        else [methods]
        if isinstance(methods, str)
        else list(methods)
    )
    if weight is not None and len(methods) > 1:
        methods = [m for m in methods if m != "jaccard"]
    split = pd.Timestamp(split)
    train_until = split - pd.Timedelta(days=1)
    before = network.graph(level, until=train_until)
    after = network.graph(level, since=split)
    active = sorted(n for n in before if before.degree(n) and n in after and after.degree(n))
    n = len(active)
    if n < 2:
        raise NetmapError(
            f"Back-testing needs actors with ties both before and after {split.date()}; "
            f"{n} actor{'s are' if n != 1 else ' is'} active in both periods. Choose a split "
            f"date inside the period of the records ({_period(network)})."
        )
    active_set = set(active)
    tied_before = before.subgraph(active).number_of_edges()
    new_pairs = {
        _pair(u, v) for u, v in after.subgraph(active).edges() if not before.has_edge(u, v)
    }
    candidates = n * (n - 1) // 2 - tied_before
    if not new_pairs:
        raise NetmapError(
            f"No new pair formed on or after {split.date()} among the {n} actors active in "
            f"both periods: there is nothing to predict. Choose another split date inside "
            f"the period of the records ({_period(network)})."
        )
    k = len(new_pairs) if k is None else k
    random_precision = len(new_pairs) / candidates
    rows, suggestions = [], {}
    for method in methods:
        table = suggest_links(
            before,
            k=k,
            method=method,
            among=active_set,
            weight=weight,
            max_path_length=max_path_length if method == "local_path" else 2,
            epsilon=epsilon,
        )
        formed = [
            _pair(u, v) in new_pairs for u, v in zip(table["source"], table["target"], strict=True)
        ]
        suggestions[method] = list(zip(table["source"], table["target"], formed, strict=True))
        hits = int(np.sum(formed))
        precision = hits / len(table) if len(table) else 0.0
        rows.append(
            {
                "method": method,
                "k": k,
                "hits": hits,
                "precision": precision,
                "recall": hits / len(new_pairs),
                "random_precision": random_precision,
                "ratio_to_random": precision / random_precision,
                "new_pairs": len(new_pairs),
                "candidate_pairs": candidates,
                "actors": n,
            }
        )
    result = pd.DataFrame(rows, columns=list(BACKTEST_COLUMNS))
    result.attrs.update(
        split=str(split.date()), train_until=str(train_until.date()), suggestions=suggestions
    )
    return result


def network_from_pajek(periods: Mapping[tuple[str, str], str | Path]) -> Network:
    """Records from dated Pajek files, one per period (see :func:`network_from_snapshots`).

    Each file is read as a simple graph: parallel ties add their weights (joint works),
    self-loops are dropped.

    Parameters
    ----------
    periods : mapping of (start, end) to path
        Period (two dates) -> the Pajek ``.net`` file of its ties.

    Examples
    --------
    Anna and Bo wrote two papers together in 2004 (a tie listed twice): two collaborations.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "2004.net").write_text(
    ...     '*vertices 2\\n1 "Anna"\\n2 "Bo"\\n*edges\\n1 2 1\\n1 2 1\\n')
    >>> net = network_from_pajek({("2004-01-01", "2004-12-31"): folder / "2004.net"})
    >>> len(net.tables["collaborations"]), sorted(net.tables["people"]["name"])
    (2, ['Anna', 'Bo'])
    """
    return network_from_snapshots(
        {period: _simple_pajek_graph(Path(path)) for period, path in periods.items()}
    )


def _simple_pajek_graph(path: Path) -> nx.Graph:
    G = nx.Graph()
    for u, v, w in nx.read_pajek(path).edges(data="weight", default=1):
        if u != v:
            G.add_edge(u, v, weight=G.get_edge_data(u, v, {"weight": 0})["weight"] + w)
    return G


def network_from_snapshots(
    snapshots: Mapping[tuple[str, str], nx.Graph], *, weight: str | None = "weight"
) -> Network:
    """Turn dated graph snapshots (e.g. co-authorship networks of two periods) into records.

    Each tie of a snapshot becomes as many collaborations (kind ``other``) as its weight,
    rounded, at least one, each with the two actors as participants and the snapshot's
    period as its dates. Nodes become people (id and name: the node as text, or its
    ``name`` attribute for the name), without organisation. Self-loops are dropped.

    Parameters
    ----------
    snapshots : mapping of (start, end) to networkx.Graph
        Period (two dates) -> the ties of that period. A node that appears in several
        snapshots is the same person.
    weight : str or None, default "weight"
        Edge attribute counting the joint works of a tie (e.g. papers); None: one each.

    Returns
    -------
    Network
        Validated by :func:`netmap.validate.validate_tables`; collaboration ids are
        ``S<snapshot>-<tie>-<copy>``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("anna", "bo", {"weight": 2})])
    >>> net = network_from_snapshots({("2023-01-01", "2023-12-31"): G})
    >>> len(net.tables["collaborations"]), net.graph().edges["person:anna", "person:bo"]["weight"]
    (2, 2.0)
    """
    names: dict[str, str] = {}
    collaborations, participation = [], []
    for s, ((start, end), G) in enumerate(snapshots.items(), start=1):
        for t, (u, v, w) in enumerate(G.edges(data=weight, default=1), start=1):
            if u == v:
                continue
            for end_node in (u, v):
                names.setdefault(str(end_node), node_name(G, end_node))
            copies = 1 if weight is None else max(1, round(float(w)))
            for copy in range(1, copies + 1):
                cid = f"S{s}-{t}-{copy}"
                collaborations.append(
                    {
                        "id": cid,
                        "title": cid,
                        "kind": "other",
                        "start_date": start,
                        "end_date": end,
                        "municipality": None,
                        "theme": None,
                    }
                )
                participation += [
                    {"collaboration_id": cid, "person_id": str(u), "role": "participant"},
                    {"collaboration_id": cid, "person_id": str(v), "role": "participant"},
                ]
    tables = {
        "organisations": pd.DataFrame(
            columns=["id", "name", "sector", "kind", "municipality", "region"]
        ),
        "people": pd.DataFrame(
            {"id": list(names), "name": list(names.values()), "organisation_id": None, "role": None}
        ),
        "collaborations": pd.DataFrame(collaborations),
        "participation": pd.DataFrame(participation),
    }
    return validate_tables(tables, source=f"{len(snapshots)} graph snapshots")


def _pair(u, v) -> tuple:
    return (u, v) if u <= v else (v, u)


def _period(network: Network) -> str:
    dates = network.date_range()
    if dates is None:
        return "the records have no dated collaborations"
    return f"{dates[0].date()} to {dates[1].date()}"
