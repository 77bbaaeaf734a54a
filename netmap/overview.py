"""The network at a glance: who takes part, how the network grew, three headline findings.

The dashboard's Overview page and the report draw these tables; they are built on
:class:`netmap.Network` and the metric functions of the other modules, and never on the
dashboard.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from netmap.gaps import gap_findings
from netmap.i18n import format_number, format_percent, group_label, t
from netmap.metrics import key_actors
from netmap.network import Network, cohesion
from netmap.schema import record_id

__all__ = [
    "FINDINGS",
    "actor_collaborations",
    "cohesion",
    "counts_table",
    "describe_gap",
    "growth_table",
    "headline_findings",
    "partners_table",
]

#: The headline findings, in the order :func:`headline_findings` returns them.
FINDINGS = ("top_connector", "biggest_gap", "most_fragile")

CountBy = Literal["sector", "municipality", "kind"]
#: The groupings :func:`counts_table` knows.
COUNT_BY: tuple[str, ...] = ("sector", "municipality", "kind")


def counts_table(net: Network, by: CountBy = "sector", **window_and_filters) -> pd.DataFrame:
    """Count the people, organisations and collaborations of each sector, place or kind.

    Parameters
    ----------
    net : Network
        The records.
    by : {"sector", "municipality", "kind"}
        ``sector`` and ``municipality`` group actors by their organisation's (people take
        their organisation's); ``kind`` groups by the kind of collaboration.
    **window_and_filters
        The time window and filters of :meth:`Network.graph` (``since``, ``until``,
        ``sectors``, ``municipalities``, ``regions``, ``kinds``).

    Returns
    -------
    DataFrame
        One row per group, columns:

        - ``group``: the sector, municipality or kind (NaN for actors whose organisation
          does not say, or people without an organisation);
        - ``people``, ``organisations``: actors in view of that group (by ``kind``: actors
          who took part in at least one collaboration of that kind);
        - ``collaborations``: collaborations in view with at least one participant of the
          group (by ``kind``: collaborations of that kind with at least one participant in
          view).

        Sorted by people + organisations (most first), then collaborations (most first),
        then group name; the NaN group comes last.

    Examples
    --------
    Every person of a generated region is counted once, in their organisation's sector
    (people without an organisation in the last row, with group NaN):

    >>> import netmap.synthetic
    >>> net = netmap.synthetic.generate(300, seed=1)
    >>> table = counts_table(net, by="sector")
    >>> list(table.columns)
    ['group', 'people', 'organisations', 'collaborations']
    >>> int(table["people"].sum()) == len(net.tables["people"])
    True
    """
    if by not in COUNT_BY:
        raise ValueError(
            f"counts_table can group by {', '.join(map(repr, COUNT_BY))}; got by={by!r}."
        )
    parts = {
        level: _Incidence.of(net, level, **window_and_filters)
        for level in ("people", "organisations")
    }
    collab_ids = parts["people"].collaborations
    if by == "kind":
        kinds = net.tables["collaborations"].set_index("id")["kind"]
        collab_groups = kinds.reindex(collab_ids).to_numpy(dtype=object)
        groups = _groups(collab_groups)
        in_group = _one_hot(collab_groups, groups)
        counts = {level: _count_rows(part.B @ in_group > 0) for level, part in parts.items()}
        taking_part = sum(part.B.sum(axis=0) for part in parts.values()) > 0
        counts["collaborations"] = _count_rows(in_group[np.flatnonzero(taking_part)])
    else:
        actor_groups = {
            level: _actor_groups(net, level, part.actors, by) for level, part in parts.items()
        }
        groups = _groups(np.concatenate(list(actor_groups.values())))
        member = {level: _one_hot(actor_groups[level], groups) for level in parts}
        counts = {level: _count_rows(member[level]) for level in parts}
        touches = sum(parts[level].B.T @ member[level] for level in parts)
        counts["collaborations"] = _count_rows(touches > 0)
    table = pd.DataFrame(
        {
            "group": pd.array(groups, dtype="str"),
            "people": counts["people"],
            "organisations": counts["organisations"],
            "collaborations": counts["collaborations"],
        }
    )
    table["_actors"] = table["people"] + table["organisations"]
    table = table.sort_values(
        ["_actors", "collaborations", "group"],
        ascending=[False, False, True],
        na_position="last",
        kind="stable",
    )
    table = pd.concat([table[table["group"].notna()], table[table["group"].isna()]])
    return table.drop(columns="_actors").reset_index(drop=True)


def growth_table(
    net: Network,
    *,
    level: Literal["people", "organisations"] = "people",
    **window_and_filters,
) -> pd.DataFrame:
    """Count new actors and new ties per quarter, and the network's size after each quarter.

    An actor joins the network in the quarter of the first collaboration they take part in;
    two actors become tied in the quarter of the first collaboration they share. Direct ties
    (the ``ties`` table) are left out: most have no date.

    Parameters
    ----------
    net : Network
        The records.
    level : {"people", "organisations"}
        Whose network: people, or organisations (tied through their people, or as a whole).
    **window_and_filters
        The time window and filters of :meth:`Network.graph`.

    Returns
    -------
    DataFrame
        One row per quarter from the first collaboration's to the last one's, including
        quarters with no collaboration, in time order. Columns: ``quarter`` (label such as
        ``"2023Q1"``), ``start`` (the quarter's first day), ``collaborations`` (begun in
        the quarter, with at least one actor in view), ``new_actors``, ``new_ties``,
        ``actors`` and ``ties`` (totals at the quarter's end). Empty when no
        collaboration has a date.

    Examples
    --------
    Anna and Bo meet in January 2024 (first quarter: 2 new actors, 1 new tie); Bo and Cai
    in May and Anna and Cai in June (second quarter: Cai is new, and so are both ties):

    >>> import networkx as nx
    >>> from netmap.backtest import network_from_snapshots
    >>> net = network_from_snapshots({
    ...     ("2024-01-10", "2024-01-10"): nx.Graph([("anna", "bo")]),
    ...     ("2024-05-02", "2024-05-02"): nx.Graph([("bo", "cai")]),
    ...     ("2024-06-12", "2024-06-12"): nx.Graph([("anna", "cai")]),
    ... })
    >>> growth_table(net).drop(columns="start")
      quarter  collaborations  new_actors  new_ties  actors  ties
    0  2024Q1               1           2         1       2     1
    1  2024Q2               2           1         2       3     3
    """
    part = _Incidence.of(net, level, **window_and_filters)
    starts = net.tables["collaborations"].set_index("id")["start_date"]
    starts = starts.reindex(part.collaborations)
    dated = starts.notna().to_numpy()
    columns = ["quarter", "start", "collaborations", "new_actors", "new_ties", "actors", "ties"]
    used = dated & (np.asarray(part.B.sum(axis=0)).ravel() > 0)
    if not used.any():
        return pd.DataFrame({c: [] for c in columns})
    quarters = starts[used].dt.to_period("Q").to_numpy()
    B = part.B[:, np.flatnonzero(used)]
    rows = []
    for quarter in pd.period_range(quarters.min(), quarters.max(), freq="Q"):
        so_far = B[:, np.flatnonzero(quarters <= quarter)]
        shared = sp.triu(so_far @ so_far.T, k=1)
        rows.append(
            {
                "quarter": str(quarter),
                "start": quarter.start_time,
                "collaborations": int((quarters == quarter).sum()),
                "actors": int((np.asarray(so_far.sum(axis=1)).ravel() > 0).sum()),
                "ties": int(shared.count_nonzero()),
            }
        )
    table = pd.DataFrame(rows)
    table["new_actors"] = table["actors"].diff().fillna(table["actors"]).astype(int)
    table["new_ties"] = table["ties"].diff().fillna(table["ties"]).astype(int)
    table["quarter"] = table["quarter"].astype("str")
    return table[columns]


def actor_collaborations(
    net: Network,
    node: str,
    *,
    level: Literal["people", "organisations"] = "people",
    **window_and_filters,
) -> pd.DataFrame:
    """List the collaborations an actor took part in (organisations: also through their people).

    Parameters
    ----------
    net : Network
        The records.
    node : str
        The actor's node id (``person:P1`` or ``org:O1``).
    level : {"people", "organisations"}
        The level ``node`` belongs to.
    **window_and_filters
        The time window and filters of :meth:`Network.graph`.

    Returns
    -------
    DataFrame
        Indexed by collaboration node id (``collab:C1``), columns ``title``, ``kind``,
        ``start_date``, ``municipality`` and ``participants`` (actors of ``level`` in view
        who took part); newest first, ties by id. Empty when the actor is not in view.

    Examples
    --------
    >>> import networkx as nx
    >>> from netmap.backtest import network_from_snapshots
    >>> net = network_from_snapshots({
    ...     ("2024-01-10", "2024-01-10"): nx.Graph([("anna", "bo")]),
    ...     ("2024-05-02", "2024-05-02"): nx.Graph([("bo", "cai")]),
    ... })
    >>> actor_collaborations(net, "person:bo")[["start_date", "participants"]]
                    start_date  participants
    collaboration
    collab:S2-1-1   2024-05-02             2
    collab:S1-1-1   2024-01-10             2
    """
    part = _Incidence.of(net, level, **window_and_filters)
    collabs = net.tables["collaborations"].set_index("id")
    columns = ["title", "kind", "start_date", "municipality"]
    rid = record_id(node)
    if rid not in part.actors:
        taken = pd.Index([])
        sizes = np.array([], dtype=int)
    else:
        row = sp.csr_array(part.B[[part.actors.index(rid)], :])
        taken_at = np.sort(row.indices)
        taken = pd.Index([part.collaborations[i] for i in taken_at])
        sizes = np.asarray(part.B[:, taken_at].sum(axis=0)).ravel().astype(int)
    table = collabs.reindex(taken)[columns].assign(participants=sizes)
    table.index = pd.Index([f"collab:{c}" for c in taken], name="collaboration")
    table = table.sort_index(kind="stable").sort_values(
        "start_date", ascending=False, kind="stable"
    )
    return table


def partners_table(G: nx.Graph, node) -> pd.DataFrame:
    """List an actor's partners (neighbours) with the strength of each tie.

    Parameters
    ----------
    G : networkx.Graph
        A netmap one-mode graph, or any graph (missing attributes are left empty).
    node : node id
        The actor.

    Returns
    -------
    DataFrame
        Indexed by partner node id, columns ``name``, ``sector``, ``municipality``,
        ``collaborations`` (shared collaborations) and ``weight`` (the edge weight); the
        strongest ties first, ties by id.

    Raises
    ------
    ValueError
        When ``node`` is not in ``G``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=2.0, collaborations=2)
    >>> G.add_edge("a", "c", weight=1.0, collaborations=1)
    >>> partners_table(G, "a")[["collaborations", "weight"]]
             collaborations  weight
    partner
    b                     2     2.0
    c                     1     1.0
    """
    if node not in G:
        raise ValueError(
            f"partners_table: {node!r} is not an actor of this graph; pick one of its nodes."
        )
    rows = [
        {
            "partner": other,
            "name": G.nodes[other].get("name", str(other)),
            "sector": G.nodes[other].get("sector", np.nan),
            "municipality": G.nodes[other].get("municipality", np.nan),
            "collaborations": int(data.get("collaborations", 0)),
            "weight": float(data.get("weight", 1.0)),
        }
        for other, data in G[node].items()
        if other != node
    ]
    columns = ["name", "sector", "municipality", "collaborations", "weight"]
    table = pd.DataFrame(rows, columns=["partner", *columns]).set_index("partner")
    table = table.sort_index(kind="stable").sort_values("weight", ascending=False, kind="stable")
    return table


def headline_findings(
    G: nx.Graph,
    *,
    lang: str = "en",
    by: tuple[str, ...] = ("sector", "municipality"),
    actors: pd.DataFrame | None = None,
    seed: int | None = 0,
) -> pd.DataFrame:
    """The three things a coordinator should know first, in plain words.

    - **Top connector**: the actor with the highest betweenness (:func:`netmap.key_actors`),
      with the share of shortest paths between others that run through them.
    - **Biggest gap**: the pair of groups with the largest shortfall of ties against
      chance, among those :func:`netmap.gaps.gap_findings` reports: sectors first, and
      municipalities when the sectors all meet as expected.
    - **Most fragile point**: the actor whose leaving would cut the most actors off from
      the largest group (``lose_contact`` of :func:`netmap.key_actors`).

    Parameters
    ----------
    G : networkx.Graph
        A netmap one-mode graph (or any graph with ``name`` and, for gaps, ``by``
        attributes).
    lang : {"en", "sv"}, default "en"
        Language of ``title`` and ``text`` (texts in :mod:`netmap.i18n`).
    by : tuple of str, default ("sector", "municipality")
        The groupings searched for the biggest gap, in order (see
        :func:`netmap.gaps.group_gaps`); the first with a gap is reported.
    actors : DataFrame, optional
        ``key_actors(G)``, when already computed (it is the slow part).
    seed : int or None, default 0
        Seed of the community detection when ``by="community"``.

    Returns
    -------
    DataFrame
        Three rows in the order of :data:`FINDINGS`, columns ``finding`` (the code),
        ``title``, ``text`` and ``subject`` (the node id of the actor, or ``"a / b"`` for
        the groups; empty when there is nothing to report).

    Examples
    --------
    Hub is tied to a, b and c, and b and c know each other. Hub lies on the shortest paths
    a-b and a-c, 2 of the 3 pairs of others (betweenness 0.67); without Hub, a is cut off
    from the largest group. The public sector (Hub, b, c: degree sum 7) and academia (a: 1)
    have one tie where 7 x 1 / 8 = 0.9 were expected: too few expected to call it a gap
    (and nobody has a municipality).

    >>> import networkx as nx
    >>> G = nx.Graph([("h", "a"), ("h", "b"), ("h", "c"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"h": "Hub", "a": "A", "b": "B", "c": "C"}, "name")
    >>> nx.set_node_attributes(G, {"h": "public", "a": "academia", "b": "public",
    ...                            "c": "public"}, "sector")
    >>> for text in headline_findings(G)["text"]:
    ...     print(text)
    Hub connects the most actors who would otherwise be far apart: 67% of the shortest
    paths between others run through them.
    Every pair of groups meets about as often as chance would have it.
    If Hub left, 1 actor would lose contact with the rest of the network.
    """
    if actors is None:
        actors = key_actors(G, lang=lang)
    rows = [
        _top_connector(G, actors, lang),
        _biggest_gap(G, by, lang, seed=seed),
        _most_fragile(actors, lang),
    ]
    for code, row in zip(FINDINGS, rows, strict=True):
        row["finding"] = code
        row["title"] = t(f"finding.{code}.title", lang)
    return pd.DataFrame(rows, columns=["finding", "title", "text", "subject"])


def describe_gap(
    group_a: str, group_b: str, *, observed: int, expected: float, by: str, lang: str = "en"
) -> str:
    """Word a gap between two groups (a row of :func:`netmap.gaps.gap_findings`) for a person.

    Group names are shown as the user knows them: sector codes in words, communities
    numbered.

    Examples
    --------
    >>> describe_gap("academia", "civil_society", observed=0, expected=4.2, by="sector")
    'Academia has no collaboration with civil society (4.2 ties expected if ties ignored
    the groups).'
    >>> describe_gap("Kiruna", "Kiruna", observed=1, expected=4.0, by="municipality", lang="sv")
    'Inom Kiruna samverkar man lite: 1 av 4,0 väntade band (25 %).'
    """
    a, b = group_label(by, group_a, lang), group_label(by, group_b, lang)
    where = "within" if group_a == group_b else "between"
    kind = "none" if observed == 0 else "few"
    text = t(
        f"gap.{kind}.{where}",
        lang,
        a=a,
        b=b[:1].lower() + b[1:] if by == "sector" else b,
        observed=observed,
        expected=format_number(expected, lang, decimals=1),
        share=format_percent(observed / expected if expected else 0.0, lang),
    )
    return text[:1].upper() + text[1:]


def _top_connector(G: nx.Graph, actors: pd.DataFrame, lang: str) -> dict:
    if actors.empty or not actors["betweenness"].max() > 0:
        return {"text": t("finding.top_connector.none", lang), "subject": ""}
    node = actors["betweenness"].idxmax()
    node_type = "organisation" if G.nodes[node].get("type") == "organisation" else "person"
    return {
        "text": t(
            "finding.top_connector.text",
            lang,
            name=actors.at[node, "name"],
            share=format_percent(actors.at[node, "betweenness"], lang),
            them=t(f"finding.them.{node_type}", lang),
        ),
        "subject": node,
    }


def _biggest_gap(G: nx.Graph, groupings: tuple[str, ...], lang: str, *, seed) -> dict:
    for by in groupings:
        findings = gap_findings(G, by, seed=seed)
        if not findings.empty:
            top = findings.iloc[0]
            text = describe_gap(
                top["group_a"],
                top["group_b"],
                observed=int(top["observed"]),
                expected=float(top["expected"]),
                by=by,
                lang=lang,
            )
            return {"text": text, "subject": f"{top['group_a']} / {top['group_b']}"}
    return {"text": t("finding.biggest_gap.none", lang), "subject": ""}


def _most_fragile(actors: pd.DataFrame, lang: str) -> dict:
    if actors.empty:
        return {"text": t("finding.empty", lang), "subject": ""}
    ranked = actors.sort_index(kind="stable").sort_values(
        ["lose_contact", "betweenness"], ascending=False, kind="stable"
    )
    node = ranked.index[0]
    lost = int(ranked.iloc[0]["lose_contact"])
    key = {0: "finding.most_fragile.spread", 1: "finding.most_fragile.text.one"}.get(
        lost, "finding.most_fragile.text"
    )
    return {"text": t(key, lang, name=ranked.iloc[0]["name"], lost=lost), "subject": node}


# ---------------------------------------------------------------- helpers


class _Incidence:
    """An actor × collaboration matrix with record ids for its rows and columns."""

    def __init__(self, B: sp.csr_array, actors: list[str], collaborations: list[str]) -> None:
        self.B, self.actors, self.collaborations = B, actors, collaborations

    @classmethod
    def of(cls, net: Network, level: str, **window_and_filters) -> _Incidence:
        B, actors, collabs = net.incidence(level, **window_and_filters)
        return cls(B, [record_id(a) for a in actors], [record_id(c) for c in collabs])


def _actor_groups(net: Network, level: str, actors: list[str], by: str) -> np.ndarray:
    """The ``by`` field of each actor's organisation (people) or of the organisation."""
    org_field = net.tables["organisations"].set_index("id")[by]
    if level == "people":
        employer = net.tables["people"].set_index("id")["organisation_id"].reindex(actors)
        return org_field.reindex(employer.to_numpy()).to_numpy(dtype=object)
    return org_field.reindex(actors).to_numpy(dtype=object)


def _groups(values: np.ndarray) -> list:
    """The distinct values, sorted, with one NaN at the end when any value is missing."""
    present = pd.Series(values, dtype=object)
    known = sorted(present.dropna().unique().tolist())
    return [*known, np.nan] if present.isna().any() else known


def _one_hot(values: np.ndarray, groups: list) -> sp.csr_array:
    """Items × groups matrix with a 1 where the item is in the group (NaN matches NaN)."""
    position = {g: i for i, g in enumerate(groups) if not pd.isna(g)}
    missing = len(groups) - 1 if groups and pd.isna(groups[-1]) else None
    cols = np.array([missing if pd.isna(v) else position[v] for v in values], dtype=np.int64)
    rows = np.arange(len(values))
    return sp.csr_array((np.ones(len(values)), (rows, cols)), shape=(len(values), len(groups)))


def _count_rows(matrix) -> np.ndarray:
    """How many rows have a non-zero (True) entry in each column."""
    return np.asarray((sp.csr_array(matrix) != 0).sum(axis=0)).ravel().astype(int)
