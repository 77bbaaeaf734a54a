"""The written report: one self-contained HTML file to read at home, print or send on.

:func:`build_report` runs the library's analyses on one graph of a :class:`~netmap.Network`
and writes what they found in English or Swedish: the records and their quality, the
network's growth, key actors and their roles, conveners and why, fragile points, group gaps,
introductions worth making (tested on the past), the map, and how everything is measured with
references. The page has no script of its own and fetches nothing: styles are inline, the
static map is a PNG data URI, the interactive map an ``<iframe srcdoc>`` of
:func:`netmap.render_map`. Every text from the records is escaped by Jinja2's autoescape.
"""

from __future__ import annotations

import base64
import re
import tempfile
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined

from netmap.arrays import node_name, node_names
from netmap.backtest import backtest_suggestions
from netmap.conveners import pick_conveners, rank_conveners
from netmap.errors import PROBLEM_COLUMNS, NetmapError
from netmap.gaps import community_bridges, gap_findings, gap_matrix, group_gaps
from netmap.glossary import explain, role_phrase
from netmap.i18n import LANGUAGES, choice_label, format_number, format_percent, group_label, t
from netmap.maps import PHYSICS_LIMIT, MapOptions, encode
from netmap.metrics import key_actors, list_names
from netmap.network import Network
from netmap.overview import cohesion, describe_gap, growth_table, headline_findings
from netmap.pseudonymise import pseudonymise as pseudonymised
from netmap.report_texts import METHODS, REFERENCES
from netmap.suggest import suggest_links
from netmap.whatif import actors_to_protect, fragmentation_table, what_if_removed

__all__ = ["build_report"]

#: Report levels: the graphs of :meth:`netmap.Network.graph` a report can describe.
LEVELS = ("people", "organisations")
#: Largest map drawn whole in the report; larger networks show their top actors.
MAP_ACTORS = 2 * PHYSICS_LIMIT
#: Rows of warnings shown (``netmap validate`` lists them all).
MAX_WARNINGS = 30

_ENV = Environment(
    loader=PackageLoader("netmap", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def build_report(
    network: Network,
    path: str | Path | None = None,
    *,
    lang: str = "en",
    level: str = "people",
    since: str | pd.Timestamp | None = None,
    until: str | pd.Timestamp | None = None,
    sectors: Iterable[str] | None = None,
    municipalities: Iterable[str] | None = None,
    regions: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    pseudonymise: bool = False,
    pseudonym_key: str | None = None,
    top: int = 10,
    conveners: int = 3,
    seed: int = 0,
    created: str | None = None,
) -> str:
    """Write the report on one graph of ``network`` as a self-contained HTML page.

    Parameters
    ----------
    network : Network
        The records, e.g. from :func:`netmap.load`.
    path : str or Path, optional
        Also write the page to this file (UTF-8).
    lang : {"en", "sv"}, default "en"
        Language of every heading and sentence.
    level : {"people", "organisations"}, default "people"
        Whose network the report describes.
    since, until : date or str, optional
        Time window: only collaborations overlapping it (as :meth:`Network.graph`).
    sectors, municipalities, regions, kinds : iterable of str, optional
        Filters of :meth:`Network.graph`; the header lists the ones given.
    pseudonymise : bool, default False
        Show people as pseudonyms ("Person 07"), see :func:`netmap.pseudonymise`: numbered
        by activity (the same records give the same report), or by ``pseudonym_key``.
        Organisations stay named, so the header says how many organisations have a single
        person (who is recognisable through it); e-mail addresses never appear, in any report.
    pseudonym_key : str, optional
        Secret key of the pseudonyms' numbering (``key`` of :func:`netmap.pseudonymise`): the
        same person keeps their number across reports made with the same key. Only used with
        ``pseudonymise=True``.
    top : int, default 10
        Rows of the key-actor, fragile-point and introduction tables.
    conveners : int, default 3
        How many conveners to choose (:func:`netmap.pick_conveners`).
    seed : int, default 0
        Seed of the communities, sampled measures and the map's layout.
    created : str, optional
        A date (or any text) to print as the creation date. None (default) prints none,
        so the same records give the same bytes.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ValueError
        For an unknown ``lang`` or ``level``, or ``top`` / ``conveners`` below 1.
    NetmapError
        When no actor is in the selected graph (the message says what to widen).

    Notes
    -----
    The sections and the functions behind them: the records (``network.load_report``,
    ``network.warnings``, :func:`netmap.overview.cohesion`), growth
    (:func:`netmap.overview.growth_table`), key actors (:func:`netmap.key_actors`),
    conveners (:func:`netmap.pick_conveners`, :func:`netmap.rank_conveners`), fragile points
    (:func:`netmap.fragmentation_table`, :func:`netmap.actors_to_protect`,
    :func:`netmap.what_if_removed`), gaps (:func:`netmap.group_gaps` by sector,
    :func:`netmap.gap_findings` by sector and by municipality,
    :func:`netmap.community_bridges`), introductions (:func:`netmap.suggest_links`, tested
    with :func:`netmap.backtest_suggestions` at the quarter where 70% of the collaborations
    have begun), and the map (:func:`netmap.maps.encode`, drawn once as
    :func:`netmap.render_map` and :func:`netmap.render_image` draw it).
    The page's Content-Security-Policy allows only the map's two scripts and no request.

    Examples
    --------
    The sample's report in Swedish names its fourteen people; pseudonymised it names none:

    >>> import netmap
    >>> net = netmap.load("data/sample")
    >>> page = build_report(net, lang="sv")
    >>> page.startswith("<!DOCTYPE html>"), "Nätverksrapport" in page, "Veronica Labba" in page
    (True, True, True)
    >>> anonymous = build_report(net, pseudonymise=True)
    >>> "Veronica Labba" in anonymous, "Sametinget" in anonymous
    (False, True)
    >>> build_report(net, lang="sv") == page
    True
    """
    _check_options(lang=lang, level=level, top=top, conveners=conveners)
    net = pseudonymised(network, key=pseudonym_key, lang=lang) if pseudonymise else network
    filters = {
        name: list(values)
        for name, values in (
            ("sectors", sectors),
            ("municipalities", municipalities),
            ("regions", regions),
            ("kinds", kinds),
        )
        if values is not None
    }
    window = {name: value for name, value in (("since", since), ("until", until)) if value}
    G = net.graph(level=level, **window, **filters)
    if G.number_of_nodes() == 0:
        raise NetmapError(
            f"No {level} in the selected time window and filters ({_describe(window, filters)}): "
            "the report needs at least one actor. Widen the time window or drop a filter."
        )
    actors = key_actors(G, lang=lang, seed=seed, community_seed=seed)
    fmt = _Format(lang)
    chosen = pick_conveners(G, k=min(conveners, G.number_of_nodes()))
    suggestions = suggest_links(G, k=top, seed=seed)
    context = {
        "lang": lang,
        "t": lambda key, **values: t(key, lang, **values),
        "header": _header(net, G, level, window, filters, pseudonymise, created, fmt),
        "findings": headline_findings(G, lang=lang, actors=actors, seed=seed).to_dict("records"),
        "data": _data_section(net, G, fmt),
        "growth": _growth_section(net, level, {**window, **filters}, fmt),
        "key_actors": _key_actor_section(G, actors, level, top, fmt),
        "conveners": _convener_section(G, chosen, actors, fmt, seed=seed),
        "fragile": _fragile_section(G, top, fmt),
        "gaps": _gap_section(G, actors["community"], fmt, seed=seed),
        "suggest": _suggestion_section(net, suggestions, level, fmt),
        "map": _map_section(G, actors, chosen, suggestions, lang=lang, seed=seed),
        "methods": [(m[lang], d[lang], refs) for m, d, refs in METHODS],
        "references": REFERENCES,
        "version": version("netmap"),
    }
    page = _ENV.get_template("report.html").render(context)
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


# ---------------------------------------------------------------- checks and formats


def _check_options(*, lang: str, level: str, top: int, conveners: int) -> None:
    if lang not in LANGUAGES:
        raise ValueError(
            f"build_report writes {', '.join(map(repr, LANGUAGES))}; got lang={lang!r}."
        )
    if level not in LEVELS:
        raise ValueError(
            f"build_report describes the level {' or '.join(map(repr, LEVELS))}; "
            f"got level={level!r}."
        )
    for name, value in (("top", top), ("conveners", conveners)):
        if not isinstance(value, int | np.integer) or value < 1:
            raise ValueError(
                f"The {name!r} parameter of build_report must be an int >= 1; got {value!r}."
            )


def _describe(window: dict, filters: dict) -> str:
    parts = [f"{k}={v}" for k, v in {**window, **filters}.items()]
    return ", ".join(parts) or "no filter"


class _Format:
    """Numbers, shares and dates as the report's language writes them."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def int(self, value: float) -> str:
        return format_number(float(value), self.lang)

    def num(self, value: float, decimals: int = 2) -> str:
        return "–" if pd.isna(value) else format_number(float(value), self.lang, decimals=decimals)

    def pct(self, share: float) -> str:
        return format_percent(float(share), self.lang)

    def date(self, value) -> str:
        return pd.Timestamp(value).date().isoformat()

    def label(self, field: str, value: Any) -> str:
        return choice_label(field, value, self.lang)


def _table(headers: list[str], rows: list[list[str]], numeric: Iterable[int] = ()) -> dict:
    """A table for the template: headings, rows of display texts, numeric column positions."""
    return {"headers": headers, "rows": rows, "numeric": set(numeric)}


# ---------------------------------------------------------------- sections


def _header(net, G, level, window, filters, pseudonymise, created, fmt: _Format) -> dict:
    lang = fmt.lang
    span = net.date_range()
    lines = [
        t("report.period", lang, first=fmt.date(span[0]), last=fmt.date(span[1]))
        if span
        else t("report.period.none", lang)
    ]
    if window:
        open_end = t("report.window.open", lang)
        since, until = (
            fmt.date(window[k]) if k in window else open_end for k in ("since", "until")
        )
        lines.append(t("report.window", lang, since=since, until=until))
    if filters:
        fields = {
            "sectors": "sector",
            "municipalities": "municipality",
            "regions": "region",
            "kinds": "kind",
        }
        shown = "; ".join(
            f"{t(f'by.{fields[name]}', lang)}: "
            + ", ".join(fmt.label(fields[name], v) for v in values)
            for name, values in filters.items()
        )
        lines.append(t("report.filters", lang, filters=shown))
    if pseudonymise:
        example = min((G.nodes[n]["name"] for n in G), default="Person 1")
        lines.append(t("report.pseudonymised", lang, example=example))
        alone = _single_person_organisations(G)
        if alone:
            lines.append(t("report.pseudonymised.alone", lang, n=fmt.int(alone)))
    if created is not None:
        lines.append(t("report.created", lang, date=created))
    source = Path(net.source).name if net.source else "netmap"
    subtitle = t("report.subtitle", lang, source=source, level=t(f"report.level.{level}", lang))
    return {"subtitle": subtitle, "lines": lines}


def _single_person_organisations(G: nx.Graph) -> int:
    """How many organisations have exactly one person among the graph's people."""
    members = pd.Series(
        [G.nodes[n].get("organisation") for n in G if G.nodes[n].get("type") == "person"],
        dtype=object,
    ).dropna()
    return int((members.value_counts() == 1).sum())


def _data_section(net: Network, G: nx.Graph, fmt: _Format) -> dict:
    lang = fmt.lang
    tables = net.tables
    counts = t(
        "report.data.counts",
        lang,
        **{name: fmt.int(len(tables[name])) for name in tables},
    )
    load = None
    notes = []
    if net.load_report is not None:
        report = net.load_report
        load = _table(
            [t(f"report.{c}", lang) for c in ("table", "rows_read", "rows_used", "rows_rejected")],
            [
                [
                    t(f"table.{r.table}", lang),
                    fmt.int(r.rows_read),
                    fmt.int(r.rows_used),
                    fmt.int(r.rows_rejected),
                ]
                for r in report.itertuples()
            ],
            numeric=(1, 2, 3),
        )
        rejected = int(report["rows_rejected"].sum())
        notes.append(
            t(
                "report.data.rejected",
                lang,
                rejected=fmt.int(rejected),
                read=fmt.int(report["rows_read"].sum()),
            )
            if rejected
            else t("report.data.all_used", lang)
        )
    else:
        notes.append(t("report.data.no_report", lang))
    warnings = net.warnings if net.warnings is not None else pd.DataFrame()
    shown = warnings.head(MAX_WARNINGS)
    columns = [c for c in PROBLEM_COLUMNS if c != "severity"]
    problems = _table(
        [t(f"problem.{c}", lang) for c in columns],
        [[_cell(row[c]) for c in columns] for row in shown.to_dict("records")],
        numeric=(1,),
    )
    whole = cohesion(G)
    figures = [
        (t("report.actors", lang), fmt.int(whole["nodes"])),
        (t("report.ties", lang), fmt.int(whole["edges"])),
        (t("report.components", lang), fmt.int(whole["components"])),
        (t("report.largest_share", lang), fmt.pct(whole["largest_component_share"])),
        (t("report.density", lang), fmt.pct(whole["density"])),
        (t("report.data.isolates", lang), fmt.int(whole["isolates"])),
    ]
    return {
        "counts": counts,
        "load": load,
        "notes": notes,
        "warnings_text": (
            t("report.data.warnings", lang, n=fmt.int(len(warnings)))
            if len(warnings)
            else t("report.data.no_warnings", lang)
        ),
        "warnings": problems if len(warnings) else None,
        "more_warnings": (
            t("report.more_rows", lang, shown=len(shown), total=len(warnings))
            if len(warnings) > len(shown)
            else None
        ),
        "figures": figures,
    }


def _cell(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _growth_section(net: Network, level: str, window_and_filters: dict, fmt: _Format) -> dict:
    lang = fmt.lang
    growth = growth_table(net, level=level, **window_and_filters)
    if growth.empty:
        return {"text": t("report.growth.none", lang), "charts": [], "table": None, "quiet": None}
    busiest = growth.loc[growth["new_ties"].idxmax()]
    text = t(
        "report.growth.text",
        lang,
        first=growth["quarter"].iloc[0],
        last=growth["quarter"].iloc[-1],
        actors=fmt.int(growth["actors"].iloc[-1]),
        ties=fmt.int(growth["ties"].iloc[-1]),
        busiest=busiest["quarter"],
        new_ties=fmt.int(busiest["new_ties"]),
    )
    charts = [
        _bar_chart(growth["quarter"].tolist(), growth[column].tolist(), t(title, lang), fmt)
        for column, title in (("actors", "report.growth.actors"), ("ties", "report.growth.ties"))
    ]
    columns = ["quarter", "collaborations", "new_actors", "new_ties", "actors", "ties"]
    headers = [
        t("report.quarter", lang),
        t("report.collaborations", lang),
        t("report.new_actors", lang),
        t("report.new_ties", lang),
        t("report.actors", lang),
        t("report.ties", lang),
    ]
    active = growth[(growth["collaborations"] > 0) | (growth["new_actors"] > 0)]
    rows = [
        [row["quarter"], *(fmt.int(row[c]) for c in columns[1:])]
        for row in active.to_dict("records")
    ]
    return {
        "text": text,
        "charts": charts,
        "table": _table(headers, rows, numeric=range(1, 6)),
        "quiet": t("report.growth.quiet", lang) if len(active) < len(growth) else None,
    }


def _bar_chart(labels: list[str], values: list[float], title: str, fmt: _Format) -> dict:
    """Bars for an inline SVG: 300 × 120 drawing units, a label under every few bars."""
    width, height = 300.0, 120.0
    top = max(max(values), 1)
    step = width / max(len(values), 1)
    every = max(1, int(np.ceil(len(values) / 6)))
    bars = [
        {
            "x": round(i * step + step * 0.1, 2),
            "w": round(step * 0.8, 2),
            "y": round(height - height * v / top, 2),
            "h": round(height * v / top, 2),
            "label": labels[i] if i % every == 0 else "",
            "value": fmt.int(v),
            "quarter": labels[i],
        }
        for i, v in enumerate(values)
    ]
    return {"title": title, "bars": bars, "top": fmt.int(top), "width": width, "height": height}


def _key_actor_section(
    G: nx.Graph, actors: pd.DataFrame, level: str, top: int, fmt: _Format
) -> dict:
    lang = fmt.lang
    shown = actors.head(top)
    columns = ["name", "organisation", "sector", "municipality", "degree", "betweenness", "role"]
    if level == "organisations":
        columns.remove("organisation")
    rows = []
    for node, row in shown.iterrows():
        cells = []
        for c in columns:
            value = row[c] if c in row.index else G.nodes[node].get(c, np.nan)
            if c == "degree":
                cells.append(fmt.int(value))
            elif c == "betweenness":
                cells.append(fmt.num(value, 3))
            elif c == "sector":
                cells.append(fmt.label("sector", value))
            else:
                cells.append(_cell(value))
        rows.append(cells)
    numeric = [i for i, c in enumerate(columns) if c in ("degree", "betweenness")]
    return {
        "text": t("report.key_actors.text", lang, n=len(shown)),
        "table": _table([t(f"col.{c}", lang) for c in columns], rows, numeric=numeric),
        "glossary": [
            (t(f"col.{c}", lang), explain(c, lang)) for c in ("degree", "betweenness", "role")
        ],
    }


def _convener_section(
    G: nx.Graph, chosen: pd.DataFrame, actors: pd.DataFrame, fmt: _Format, *, seed: int
) -> dict:
    lang = fmt.lang
    if chosen.empty:
        return {"text": t("report.conveners.none", lang), "table": None, "ranking": None}
    rows = []
    for i, (node, row) in enumerate(chosen.iterrows()):
        why = t(
            "report.conveners.why.first" if i == 0 else "report.conveners.why.next",
            lang,
            new_1=fmt.int(row["new_within_1"]),
            new_2=fmt.int(row["new_within_2"]),
        )
        rows.append(
            [
                _cell(node_name(G, node)),
                _cell(G.nodes[node].get("organisation", ""))
                if G.nodes[node].get("type") == "person"
                else "",
                fmt.label("sector", row.get("sector")),
                _cell(row.get("municipality")),
                why,
            ]
        )
    headers = [t(f"col.{c}", lang) for c in ("name", "organisation", "sector", "municipality")]
    text = t(
        "report.conveners.text",
        lang,
        k=len(chosen),
        reach_1=fmt.pct(chosen.attrs["reach_1"]),
        reach_2=fmt.pct(chosen.attrs["reach_2"]),
    )
    ranked = rank_conveners(G, seed=seed, actors=actors).head(5)
    ranking = _table(
        [t("col.name", lang), t("col.convener_score", lang), t("col.reason", lang)],
        [
            [
                _cell(row["name"]),
                fmt.num(row["convener_score"], 2),
                t(
                    "report.conveners.single.why",
                    lang,
                    reach=fmt.pct(row["reach_within_2"]),
                    between=fmt.pct(row["betweenness_percentile"]),
                    groups=fmt.int(row["other_groups_within_2"]),
                    open=fmt.pct(row["constraint_percentile"]),
                ),
            ]
            for _, row in ranked.iterrows()
        ],
        numeric=(1,),
    )
    return {
        "text": text,
        "table": _table([*headers, t("col.reason", lang)], rows),
        "ranking": ranking,
    }


def _fragile_section(G: nx.Graph, top: int, fmt: _Format) -> dict:
    lang = fmt.lang
    table = fragmentation_table(G)
    cut = table[table["cut_point"]].head(top)
    if cut.empty:
        return {"text": t("report.fragile.none", lang), "table": None, "set": None}
    columns = ["pairs_disconnected", "components_after", "largest_share_after"]
    rows = [
        [
            _cell(row["name"]),
            fmt.int(row["pairs_disconnected"]),
            fmt.int(row["components_after"]),
            fmt.pct(row["largest_share_after"]),
        ]
        for _, row in cut.iterrows()
    ]
    protect = actors_to_protect(G, k=min(3, len(cut)))
    after = what_if_removed(G, list(protect.index), distance_weighted=False)
    names = _listed([str(n) for n in protect["name"]], lang)
    summary = t(
        "report.fragile.set",
        lang,
        names=names,
        pairs=fmt.int(after["pairs_disconnected"]),
        components=fmt.int(after["components_after"]),
        before=fmt.num(after["fragmentation_before"], 3),
        after=fmt.num(after["fragmentation_after"], 3),
    )
    return {
        "text": t("report.fragile.text", lang),
        "table": _table(
            [t("col.name", lang), *(t(f"col.{c}", lang) for c in columns)], rows, numeric=(1, 2, 3)
        ),
        "set": summary,
    }


def _gap_section(G: nx.Graph, communities: pd.Series, fmt: _Format, *, seed: int) -> dict:
    lang = fmt.lang
    gaps = group_gaps(G, by="sector", seed=seed)
    ratio = gap_matrix(gaps, "ratio")
    observed = gap_matrix(gaps, "observed")
    labels = [group_label("sector", g, lang) for g in ratio.index]
    matrix = {
        "labels": labels,
        "rows": [
            [
                {
                    "text": fmt.num(ratio.at[a, b], 2),
                    "title": f"{labels[i]} – {labels[j]}: {fmt.int(observed.at[a, b])}",
                    "style": _heat(ratio.at[a, b]),
                }
                for j, b in enumerate(ratio.columns)
            ]
            for i, a in enumerate(ratio.index)
        ],
    }
    findings = []
    for by in ("sector", "municipality"):
        found = gap_findings(G, by, seed=seed, gaps=gaps if by == "sector" else None).head(5)
        findings += [
            describe_gap(
                row["group_a"],
                row["group_b"],
                observed=int(row["observed"]),
                expected=float(row["expected"]),
                by=by,
                lang=lang,
            )
            for _, row in found.iterrows()
        ]
    bridges = [
        t(
            "report.gaps.bridge",
            lang,
            a=row["community_a"],
            b=row["community_b"],
            size_a=fmt.int(row["size_a"]),
            size_b=fmt.int(row["size_b"]),
            names=_listed(node_names(G, row["through"]), lang),
        )
        for _, row in community_bridges(G, seed=seed, labels=communities).head(5).iterrows()
    ]
    return {
        "matrix": matrix,
        "findings": findings or [t("finding.biggest_gap.none", lang)],
        "bridges": bridges,
    }


def _listed(names: list[str], lang: str) -> str:
    """'a', 'a and b', 'a, b and c' in the report's language."""
    return list_names(names, role_phrase("and", lang), lang, most=len(names))


def _heat(ratio: float) -> str:
    """Cell colour: orange below 1 (fewer ties than chance), blue above, white at 1 or NaN."""
    if pd.isna(ratio):
        return "background:#f4f4f4"
    strength = min(abs(float(ratio) - 1.0), 1.0)
    base = (242, 142, 43) if ratio < 1 else (78, 121, 167)
    r, g, b = (round(255 - (255 - c) * strength * 0.85) for c in base)
    return f"background:#{r:02x}{g:02x}{b:02x}"


def _suggestion_section(net: Network, suggestions: pd.DataFrame, level: str, fmt: _Format) -> dict:
    lang = fmt.lang
    if suggestions.empty:
        table = None
    else:
        table = _table(
            [t(f"col.{c}", lang) for c in ("source_name", "target_name", "introducer_name")]
            + [t("col.reason", lang)],
            [
                [
                    _cell(row["source_name"]),
                    _cell(row["target_name"]),
                    _cell(row["introducer_name"]),
                    t(
                        "report.suggest.reason",
                        lang,
                        shared=fmt.int(row["common_neighbours"]),
                        introducer=_cell(row["introducer_name"]),
                    ),
                ]
                for _, row in suggestions.iterrows()
            ],
        )
    return {
        "text": t("report.suggest.text" if table else "report.suggest.none", lang),
        "table": table,
        "backtest": _backtest_text(net, level, fmt),
    }


def _backtest_text(net: Network, level: str, fmt: _Format) -> str:
    """The back-test at the quarter by which 70% of the collaborations had begun."""
    lang = fmt.lang
    starts = net.tables["collaborations"]["start_date"].dropna()
    if starts.nunique() < 2:
        return t("report.backtest.none", lang)
    split = starts.quantile(0.7).to_period("Q").start_time
    try:
        result = backtest_suggestions(net, split, level=level).iloc[0]
    except (ValueError, NetmapError):
        return t("report.backtest.none", lang)
    if not result["k"] or pd.isna(result["precision"]):
        return t("report.backtest.none", lang)
    return t(
        "report.backtest",
        lang,
        k=fmt.int(result["k"]),
        split=fmt.date(split),
        hits=fmt.int(result["hits"]),
        precision=fmt.pct(result["precision"]),
        ratio=fmt.num(result["ratio_to_random"], 1),
        random=fmt.pct(result["random_precision"]),
    )


def _map_section(G, actors, chosen, suggestions, *, lang: str, seed: int) -> dict:
    top_n = MAP_ACTORS if G.number_of_nodes() > MAP_ACTORS else None
    options = MapOptions(
        size_by=actors["betweenness"],
        highlight=list(chosen.index),
        dashed_edges=list(
            zip(suggestions["source"].head(5), suggestions["target"].head(5), strict=True)
        ),
        top_n=top_n,
        seed=seed,
        lang=lang,
    )
    encoding = encode(G, options)  # laid out once, drawn as the page and the still image
    title = t("report.map", lang)
    page = encoding.page(title=title)
    with tempfile.TemporaryDirectory() as tmp:
        png = encoding.image(Path(tmp) / "map.png", title=title, dpi=110).read_bytes()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    shown = (
        t(
            "report.map.top",
            lang,
            shown=format_number(MAP_ACTORS, lang),
            total=format_number(G.number_of_nodes(), lang),
        )
        if top_n
        else None
    )
    return {
        "page": page,
        "png": base64.b64encode(png).decode("ascii"),
        "csp": policy.group(1) if policy else "default-src 'none'",
        "top": shown,
    }
