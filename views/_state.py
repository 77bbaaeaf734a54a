"""What every page shares: the sidebar, the data in use, and cached library calls.

Caching follows Streamlit's rules for objects it cannot hash: every cache is keyed on the
records' fingerprint and the sidebar's selection (a tuple), and the graph or network itself
is passed as a leading-underscore argument, which Streamlit leaves out of the key. Graphs live
in ``st.cache_resource`` (one object shared by every session, never modified); tables live in
``st.cache_data`` (each caller gets its own copy).
"""

from __future__ import annotations

import importlib
import logging
import re
import string
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

import netmap
from netmap.arrays import node_name
from netmap.export import export
from netmap.glossary import COLUMNS as GLOSSARY
from netmap.glossary import explain
from netmap.i18n import LANGUAGES, STRINGS, choice_label, format_number, format_percent, t
from netmap.network import Network
from netmap.report import build_report
from netmap.schema import COLLABORATION_KINDS, SECTORS

_log = logging.getLogger("netmap.dashboard")
ROOT = Path(__file__).resolve().parent.parent
#: The bundled datasets: sidebar choice -> folder.
BUNDLED = {"demo": ROOT / "data" / "demo-region", "sample": ROOT / "data" / "sample"}
LEVELS = ("people", "organisations")
_FILTERS = (
    ("sectors", "sector"),
    ("municipalities", "municipality"),
    ("kinds", "kind"),
)


@dataclass(frozen=True)
class View:
    """The sidebar's selection: level, time window and filters (None = no restriction)."""

    level: str = "people"
    since: str | None = None
    until: str | None = None
    sectors: tuple[str, ...] | None = None
    municipalities: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for :meth:`Network.graph` and the overview tables."""
        names = ("since", "until", "sectors", "municipalities", "kinds")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}

    @property
    def key(self) -> tuple:
        return (self.level, *sorted(self.filters().items()))


@dataclass(frozen=True)
class Context:
    """The data in use, the sidebar's view of it and the language, for one page run."""

    net: Network
    view: View
    lang: str
    dataset: str

    def t(self, key: str, /, **values: object) -> str:
        return t(key, self.lang, **values)

    def label(self, field: str, value: object) -> str:
        return choice_label(field, value, self.lang)

    def number(self, value: float, decimals: int = 0, *, signed: bool = False) -> str:
        """A number as the language writes it (Swedish: 3 606,5)."""
        text = format_number(value, self.lang, decimals=decimals)
        return f"+{text}" if signed and value >= 0 else text

    def percent(self, share: float, decimals: int = 0, *, signed: bool = False) -> str:
        """A share as a percentage the way the language writes it (Swedish: 7,1 %)."""
        text = format_percent(share, self.lang, decimals=decimals)
        return f"+{text}" if signed and share >= 0 else text

    @property
    def key(self) -> tuple:
        return (self.net.fingerprint, self.view.key)

    @property
    def graph(self) -> nx.Graph:
        """The graph in view (shared cached object: never modify it)."""
        return _graph(self.net.fingerprint, self.view.key, _net=self.net, _view=self.view)

    def names(self) -> dict[str, str]:
        """Node id -> display name of the actors in view, sorted by name (for pickers)."""
        G = self.graph
        return dict(sorted(((n, node_name(G, n)) for n in G), key=lambda x: x[1]))

    def key_actors(self) -> pd.DataFrame:
        """The :func:`netmap.key_actors` table of the graph in view, cached.

        Every page that needs betweenness or the other metrics takes them from here, so they
        are computed once per view, whatever the language: switching language writes only
        the ``role`` texts again (:func:`netmap.metrics.role_texts`).
        """
        table = self.call("metrics:key_actors")
        if self.lang == "en":
            return table
        roles = self.call(
            "metrics:role_texts", lang=self.lang, derived={"actors": table}, variant=("actors",)
        )
        return table.assign(role=roles)

    def call(
        self,
        function: str,
        /,
        *,
        on: str = "graph",
        derived: dict[str, Any] | None = None,
        variant: tuple = (),
        **options: Any,
    ) -> Any:
        """Run the library function ``"module:name"`` on the data in view, cached.

        ``on`` is ``"graph"`` (the graph in view), ``"view"`` (the network, with the view's
        window and filters) or ``"network"`` (the whole network). ``options`` are hashed
        into the cache key; ``derived`` holds arguments computed from the same view (e.g.
        the key-actors table), passed but left out of the key, and ``variant`` says which
        (hashed, not passed).
        """
        func = _library(function)
        if on == "graph":
            subject, key, extra = self.graph, self.key, {}
        elif on == "view":
            subject, key, extra = self.net, self.key, self.view.filters()
        else:
            subject, key, extra = self.net, (self.net.fingerprint,), {}
        with st.spinner(self.t("common.computing")):
            return _cached(
                function,
                key,
                tuple(sorted(options.items())),
                variant,
                _func=func,
                _subject=subject,
                _extra={**extra, **(derived or {})},
            )


def _library(function: str) -> Callable:
    """The library function ``"module:name"``, e.g. ``"metrics:key_actors"``."""
    module, _, name = function.partition(":")
    return getattr(importlib.import_module(f"netmap.{module}"), name)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_bundled(path: str) -> Network:
    return netmap.load(path)


@st.cache_resource(show_spinner=False, max_entries=32)
def _graph(fingerprint: str, view_key: tuple, *, _net: Network, _view: View) -> nx.Graph:
    return _net.graph(_view.level, **_view.filters())


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(
    name: str, key: tuple, options: tuple, variant: tuple, *, _func, _subject, _extra
) -> Any:
    return _func(_subject, **_extra, **dict(options))


def download(ctx: Context, fmt: str) -> Callable[[], bytes]:
    """A function making the graph in view as a file (``graphml``, ``gexf`` or ``html``), for
    a download button that builds it only when clicked. The map is sized by the betweenness
    of the cached key-actors table (:meth:`Context.key_actors`), not computed again."""
    G, key = ctx.graph, ctx.key
    options = {"size_by": ctx.key_actors()["betweenness"]} if fmt == "html" else {}
    return lambda: _export(key, fmt, _G=G, _options=options)


def report(ctx: Context, *, pseudonymise: bool) -> Callable[[], bytes]:
    """A function writing the HTML report on the view, in the user's language, for a
    download button that builds it only when clicked."""
    net, view, lang = ctx.net, ctx.view, ctx.lang
    return lambda: _report(ctx.key, lang, pseudonymise, _net=net, _view=view)


@st.cache_data(show_spinner=False, max_entries=8)
def _report(key: tuple, lang: str, pseudonymise: bool, *, _net: Network, _view: View) -> bytes:
    html = build_report(
        _net, lang=lang, level=_view.level, pseudonymise=pseudonymise, **_view.filters()
    )
    return html.encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=16)
def _export(key: tuple, fmt: str, *, _G: nx.Graph, _options: dict[str, Any]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"network.{fmt}"
        export(_G, path, **_options)
        return path.read_bytes()


# ---------------------------------------------------------------- the sidebar


def sidebar() -> Context:
    """Draw the shared sidebar and return the context every page works in."""
    ss = st.session_state
    with st.sidebar:
        lang = st.radio(
            "Language / Språk",
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            horizontal=True,
            key="lang",
        )
        datasets = {
            d: t(f"dataset.{d}", lang, name=ss.get("upload_name", ""))
            for d in [*BUNDLED, *(["upload"] if "upload_net" in ss else [])]
        }
        dataset = st.selectbox(
            t("sidebar.dataset", lang),
            list(datasets),
            format_func=datasets.get,
            help=t("sidebar.dataset.help", lang),
            key="dataset",
        )
        net = ss["upload_net"] if dataset == "upload" else _load_bundled(str(BUNDLED[dataset]))
        view = _view_widgets(net, lang)
    ctx = Context(net=net, view=view, lang=lang, dataset=dataset)
    G = ctx.graph
    with st.sidebar:
        st.caption(
            t(
                "sidebar.in_view",
                lang,
                actors=ctx.number(G.number_of_nodes()),
                level_name=t(f"level.{view.level}", lang).lower(),
                ties=ctx.number(G.number_of_edges()),
            )
        )
        if dataset == "demo":
            st.caption(t("sidebar.fictional", lang))
        st.caption(t("sidebar.offline", lang))
    ss["_context"] = ctx
    return ctx


#: Every ASCII punctuation character: CommonMark lets a backslash make each one literal.
_MARKDOWN_SPECIAL = re.compile(f"([{re.escape(string.punctuation)}])")


def md_escape(value: object) -> str:
    r"""``value`` as text that Markdown (st.markdown, st.error, st.caption ...) shows literally.

    Every ASCII punctuation character gets a backslash, so a name like
    ``![](https://host/p.png)`` stays text instead of becoming an image the dashboard would
    fetch from another host, and ``<b>``, ``**``, ``$x$`` or ``:red[...]`` do not format.
    Use it for every data value (names, places, file names, error texts) put into Markdown.

    Examples
    --------
    >>> print(md_escape("![x](https://host/p.png)"))
    \!\[x\]\(https\:\/\/host\/p\.png\)
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value)).replace("\n", " ")


def show_failure(err: Exception) -> None:
    """Tell the user something went wrong, in their language; the traceback goes to the log."""
    _log.exception("netmap dashboard failed")
    st.error(t("common.crashed", st.session_state.get("lang", "en"), error=md_escape(err)))


def context() -> Context:
    """The context the sidebar made in this run (pages call this first)."""
    return st.session_state["_context"]


def _view_widgets(net: Network, lang: str) -> View:
    prefix = net.fingerprint[:12]
    level = st.radio(
        t("sidebar.level", lang),
        LEVELS,
        format_func=lambda lv: t(f"level.{lv}", lang),
        help=t("sidebar.level.help", lang),
        horizontal=True,
        key="level",
    )
    since = until = None
    span = net.date_range()
    if span is not None and span[0].date() < span[1].date():
        first, last = span[0].date(), span[1].date()
        chosen = st.slider(
            t("sidebar.window", lang),
            min_value=first,
            max_value=last,
            value=(first, last),
            format="YYYY-MM-DD",
            help=t("sidebar.window.help", lang),
            key=f"{prefix}.window",
        )
        since = None if chosen[0] == first else chosen[0].isoformat()
        until = None if chosen[1] == last else chosen[1].isoformat()
    st.markdown(f"**{t('sidebar.filters', lang)}**")
    chosen_filters = {}
    options = _filter_options(net)
    for name, field in _FILTERS:
        picked = st.multiselect(
            t(f"sidebar.{name}", lang),
            options[name],
            format_func=lambda v, field=field: choice_label(field, v, lang),
            placeholder=t("common.all", lang),
            help=t("sidebar.filter.help", lang),
            key=f"{prefix}.{name}",
        )
        chosen_filters[name] = tuple(sorted(picked)) or None
    st.button(t("sidebar.reset", lang), on_click=_reset_filters, args=(prefix,))
    return View(level=level, since=since, until=until, **chosen_filters)


def _reset_filters(prefix: str) -> None:
    for name, _ in _FILTERS:
        st.session_state[f"{prefix}.{name}"] = []
    st.session_state.pop(f"{prefix}.window", None)


def _filter_options(net: Network) -> dict[str, list[str]]:
    orgs, collabs = net.tables["organisations"], net.tables["collaborations"]
    return {
        "sectors": [s for s in SECTORS if s in set(orgs["sector"])],
        "municipalities": sorted(orgs["municipality"].dropna().unique()),
        "kinds": [k for k in COLLABORATION_KINDS if k in set(collabs["kind"])],
    }


# ---------------------------------------------------------------- tables and choices

#: Colour and size choices on the Map page.
MAP_COLOURS = ("sector", "municipality", "community", "organisation")
MAP_SIZES = ("betweenness", "degree", "strength", "pagerank")
#: Above this many actors the Map page draws only the top actors (slider).
MAP_FULL_LIMIT = 1500
MAP_TOP_DEFAULT = 300
#: Key-actor columns shown on the Key actors page, in order, and those it can sort by.
KEY_ACTOR_COLUMNS = (
    "name",
    "degree",
    "betweenness",
    "lose_contact",
    "cut_point",
    "effective_size",
    "constraint",
    "participation_coefficient",
    "sectors_reached",
    "municipalities_reached",
    "community",
    "strength",
    "closeness",
    "pagerank",
    "role",
)
KEY_ACTOR_SORTS = (
    "betweenness",
    "lose_contact",
    "degree",
    "strength",
    "closeness",
    "pagerank",
    "effective_size",
    "constraint",
    "participation_coefficient",
)
#: Float columns shown as percentages, and with one decimal (others get three).
_SHARES = {
    "adds",
    "largest_share_after",
    "reach_within_2",
    "reach_within_2_percentile",
    "betweenness_percentile",
    "other_groups_within_2_percentile",
    "constraint_percentile",
    "convener_score",
}
_ONE_DECIMAL = {"strength", "effective_size", "weight", "observed_weight", "expected"}
#: Columns whose values are codes with a translation (column -> i18n prefix).
_CODED = {"sector": "sector", "kind": "kind"}


def column_label(ctx: Context, column: str) -> str:
    """The heading of a table column in the user's language."""
    key = f"col.{column}"
    return t(key, ctx.lang) if key in STRINGS else column.replace("_", " ").capitalize()


def column_help(ctx: Context, column: str) -> str | None:
    """The plain-language explanation of a column (from netmap.glossary), if it has one."""
    return explain(column, ctx.lang) if column in GLOSSARY else None


def show_table(ctx: Context, table: pd.DataFrame, what: str, *, height: int | None = None):
    """Draw a library table for a coordinator: translated headings, help, coded values."""
    shown = table.reset_index(drop=True).copy()
    for column, field in _CODED.items():
        if column in shown.columns:
            shown[column] = [choice_label(field, v, ctx.lang) for v in shown[column]]
    config = {column: _column_config(ctx, column, shown[column]) for column in shown.columns}
    st.dataframe(
        shown,
        hide_index=True,
        column_config=config,
        height=height or "auto",
        key=f"table.{what}",
    )


def _column_config(ctx: Context, column: str, values: pd.Series):
    label, help_text = column_label(ctx, column), column_help(ctx, column)
    if pd.api.types.is_float_dtype(values):
        number_format = (
            "percent" if column in _SHARES else "%.1f" if column in _ONE_DECIMAL else "%.3f"
        )
        return st.column_config.NumberColumn(label, help=help_text, format=number_format)
    return st.column_config.Column(label, help=help_text)


def node_groups(ctx: Context) -> dict[str, list[str]]:
    """The sectors and municipalities present among the actors in view (for pickers)."""
    G = ctx.graph
    return {
        attribute: sorted({v for _, v in G.nodes(data=attribute) if isinstance(v, str)})
        for attribute in ("sector", "municipality")
    }
