"""Maps people can read: one self-contained, offline, escaped HTML page per graph, and a PNG.

The page is netmap's own template (``netmap/templates/map.html``) around vis-network 9.1.2,
the library pyvis bundles, inlined so the map works without a network connection. pyvis
itself is not used to build pages: its ``from_nx`` is quadratic and changes the graph it is
given, its templates load scripts from CDNs, and it turns tooltips into HTML. Here the graph
becomes a compact JSON data island (with ``<``, ``>``, ``&`` and the line separators escaped,
so no text can end the script element), the page builds the network from it, and every text
from the data reaches the screen as plain text (``textContent``; vis-network shows string
tooltips with ``innerText``). A Content-Security-Policy lets only the page's own two scripts
run and forbids every request.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import textwrap
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from netmap.arrays import GraphArrays, check_nodes, node_name
from netmap.i18n import STRINGS, choice_label, t
from netmap.layout import arrays_layout, sorted_edges
from netmap.schema import SECTORS

__all__ = [
    "PHYSICS_LIMIT",
    "MapEncoding",
    "MapOptions",
    "encode",
    "render_image",
    "render_map",
]

#: With ``physics="auto"``, maps of more nodes than this open with physics off.
PHYSICS_LIMIT = 300
#: Maps with more ties than this draw each actor's k strongest ties, k as large as fits in this
#: many lines; an actor's other ties appear when it is selected. (vis-network builds about
#: 20,000 lines a second on the 2-core benchmark machine; a hairball says little anyway.)
EDGE_BUDGET = 15_000
#: Categories with a colour of their own; the rarer ones share the colour of "Other".
MAX_COLOURS = 10
#: Tableau 10 (colour-blind aware); the tenth, a warm grey, is kept for "Other".
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
#: Pixels per layout unit (each node has about one unit square of room) up to PHYSICS_LIMIT
#: nodes; larger maps are packed tighter (never below _MIN_UNIT_PX) so nodes stay visible.
_UNIT_PX = 55.0
_MIN_UNIT_PX = 18.0
#: Attributes shown in a node's tooltip when the node has them.
_TOOLTIP_FIELDS = ("organisation", "sector", "municipality")
#: Marks of a node: none, highlighted, removed, cut off (codes shared with map.js).
_MARK_CODES = {"highlight": 1, "removed": 2, "cut_off": 3}
_AGGREGATES = ("organisations", "communities")

ColourBy = str | Mapping | pd.Series | None


class _Default(str):
    """A default option value, told apart (by identity) from the same text passed explicitly."""


#: The default ``color_by``: a graph without sectors is drawn in one colour, whereas an
#: explicit ``color_by="sector"`` on such a graph is an error.
_SECTOR = _Default("sector")


@dataclass(frozen=True)
class MapOptions:
    """What a map shows: the options :func:`render_map` and :func:`render_image` share.

    The fields are the keyword arguments of :func:`render_map` of the same names, with the
    same defaults. :func:`encode` turns a graph and these options into a :class:`MapEncoding`
    that draws both the HTML page and the PNG, so a report needing both lays out, colours and
    sizes the graph (and computes any metric) once.
    """

    color_by: ColourBy = _SECTOR
    size_by: str | Mapping | pd.Series | None = "betweenness"
    highlight: Iterable[Hashable] | None = None
    dashed_edges: Iterable[tuple[Hashable, Hashable]] | None = None
    removed: Iterable[Hashable] | None = None
    top_n: int | None = None
    aggregate: Literal["organisations", "communities"] | None = None
    weight: str | None = "weight"
    seed: int = 0
    lang: str = "en"


@dataclass(frozen=True)
class MapEncoding:
    """A graph encoded for drawing: node order, labels, positions, colours, sizes, marks, edges.

    Made by :func:`encode`; :meth:`page` draws it as :func:`render_map` does, :meth:`image`
    as :func:`render_image` does.
    """

    nodes: list[Hashable]
    labels: list[str]
    tooltips: list[str]
    xy: np.ndarray
    size: np.ndarray  # 0..1, square root of the metric's share of its range
    colour: np.ndarray  # index into ``colours``, -1 when missing
    colours: list[str]
    mark: np.ndarray
    edges: np.ndarray  # (m, 2) node positions
    weights: np.ndarray
    drawn: np.ndarray  # bool per edge: drawn at once (else shown when an end is selected)
    suggested: np.ndarray  # (k, 2) node positions
    legend: dict
    summary: str
    weight_label: str
    lang: str

    def page(
        self,
        path: str | Path | None = None,
        *,
        title: str | None = None,
        physics: bool | Literal["auto"] = "auto",
    ) -> str:
        """The HTML page of :func:`render_map` (``path``, ``title``, ``physics`` as there)."""
        if physics not in (True, False, "auto"):
            raise ValueError(f"physics must be True, False or 'auto'; got {physics!r}.")
        with_physics = len(self.nodes) <= PHYSICS_LIMIT if physics == "auto" else physics
        page = _page(self, title=title or "", physics=with_physics, lang=self.lang)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def image(
        self, path: str | Path, *, title: str | None = None, labels: int = 15, dpi: int = 150
    ) -> Path:
        """The PNG of :func:`render_image` (arguments as there); returns ``path``."""
        return _draw_png(self, Path(path), title=title or "", labels=labels, dpi=dpi)


def encode(G: nx.Graph, options: MapOptions | None = None) -> MapEncoding:
    """Lay out, colour and size ``G`` once, for both an HTML page and a PNG.

    Parameters
    ----------
    G : networkx.Graph
        As for :func:`render_map`; not modified.
    options : MapOptions, optional
        What to show; the defaults of :func:`render_map` when left out.

    Returns
    -------
    MapEncoding
        Its ``page()`` is the page :func:`render_map` returns for the same graph and options,
        its ``image(path)`` the PNG of :func:`render_image`.

    Raises
    ------
    ValueError
        As :func:`render_map`.

    Examples
    --------
    A path of three nodes, the middle one on the only path between the ends: sized by
    degree, the ends (degree 1) are drawn smallest (0) and the middle (degree 2) largest (1).

    >>> import networkx as nx
    >>> encoding = encode(nx.path_graph(3), MapOptions(color_by=None, size_by="degree"))
    >>> encoding.size.tolist()
    [0.0, 1.0, 0.0]
    >>> encoding.page() == render_map(nx.path_graph(3), color_by=None, size_by="degree")
    True
    """
    options = MapOptions() if options is None else options
    _check_options(G, top_n=options.top_n, aggregate=options.aggregate, physics="auto")
    return _encode(G, options)


def render_map(
    G: nx.Graph,
    path: str | Path | None = None,
    *,
    color_by: ColourBy = _SECTOR,
    size_by: str | Mapping | pd.Series | None = "betweenness",
    highlight: Iterable[Hashable] | None = None,
    dashed_edges: Iterable[tuple[Hashable, Hashable]] | None = None,
    removed: Iterable[Hashable] | None = None,
    top_n: int | None = None,
    aggregate: Literal["organisations", "communities"] | None = None,
    title: str | None = None,
    physics: bool | Literal["auto"] = "auto",
    weight: str | None = "weight",
    seed: int = 0,
    lang: str = "en",
) -> str:
    """Draw ``G`` as an interactive map: one self-contained HTML page that works offline.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph, usually from :meth:`netmap.Network.graph`. It is not modified.
        Nodes are labelled by their ``name`` attribute (else their id).
    path : str or Path, optional
        Also write the page to this file (UTF-8).
    color_by : str, mapping, Series or None, default "sector"
        Colour nodes by a node attribute (``sector``, ``municipality``, ``organisation``,
        ...), by ``"community"`` (Louvain communities from :func:`netmap.metrics.communities`
        when the nodes have no such attribute), or by a mapping / Series node -> value. The
        :data:`MAX_COLOURS` - 1 most common values get their own colour (sectors in their
        fixed order), the rest share "Other"; a legend on the map lists them with counts.
    size_by : str, mapping, Series or None, default "betweenness"
        Size nodes by a numeric node attribute, by ``"degree"`` or ``"strength"``, by any
        other column of :func:`netmap.metrics.key_actors` (computed here when the nodes have
        no such attribute; slow on thousands of nodes: pass the column of a key-actors table
        you already have instead), or by a mapping / Series node -> number. Node area grows
        with the value. None draws every node alike.
    highlight : iterable of nodes, optional
        Nodes drawn with a thick dark ring (the conveners, say).
    dashed_edges : iterable of (node, node), optional
        Pairs drawn as orange dashed lines: suggested introductions.
    removed : iterable of nodes, optional
        Actors to take out in a what-if view: drawn hollow with a dashed ring; the actors
        who would lose every path to the largest remaining part of their component are drawn
        with a red ring ("cut off").
    top_n : int, optional
        Draw only the ``top_n`` nodes with the largest ``size_by`` value (ties by node
        order), plus every node named in ``highlight``, ``dashed_edges`` and ``removed``
        and the cut-off ones, and the edges among them.
    aggregate : {"organisations", "communities"}, optional
        Draw one node per organisation (people grouped by their ``organisation``
        attribute; people without one stay themselves) or per Louvain community, sized by
        its number of actors, coloured by its members' most common ``color_by`` value, tied
        by the summed weights of its members' ties.
    title : str, optional
        Heading and page title.
    physics : bool or "auto", default "auto"
        Let vis-network's force simulation move the nodes after load. ``"auto"``: on for
        maps of up to :data:`PHYSICS_LIMIT` nodes, off above (the page is then interactive
        at once). Positions always start from :func:`netmap.layout.layout_positions`.
    weight : str or None, default "weight"
        Edge attribute for line widths, communities and metrics; None counts each tie as 1.
    seed : int, default 0
        Seed of the layout and of communities and metrics computed here.
    lang : {"en", "sv"}, default "en"
        Language of the page's texts (legend, search box, tooltips).

    Returns
    -------
    str
        The HTML page. Same graph and options give the same bytes.

    Raises
    ------
    ValueError
        For an unknown attribute or metric, nodes not in ``G``, a bad ``top_n`` or
        ``aggregate``, or ``aggregate`` together with highlight/dashed_edges/removed.

    See Also
    --------
    render_image : the same map as a static PNG.
    netmap.export : GraphML, GEXF, CSV, HTML and PNG files.

    Notes
    -----
    The page embeds vis-network 9.1.2 (MIT / Apache-2.0; notice in the page and in
    ``netmap/templates/vis-network.LICENSE.txt``), about 0.5 MB. Graphs with more than
    :data:`EDGE_BUDGET` ties draw each actor's strongest ties at once (as many per actor as
    fit); the others are in the page and are drawn, with the selected actor's contacts, over
    a veil that fades the rest when an actor is selected. A 5,000-actor map with 45,000 ties
    is about 2 MB and is drawn in headless chromium within 3 s of load even on a busy 2-core
    machine, answering a click in a quarter of a second (``benchmarks/maps.py``). The page keeps
    vis-network's ``Network`` in the global ``network`` for scripting, sets ``netmapDrawnAt``
    (milliseconds since load) when first drawn, and ``netmapFocus`` (the selected node and
    its contacts, as vis-network ids) while an actor is selected.

    Examples
    --------
    Two triangles joined through ``c``–``d``: ``c`` and ``d`` carry every path between the
    triangles, so with sizes by betweenness they are the largest nodes.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
    ...               ("d", "e"), ("e", "f"), ("d", "f")])
    >>> page = render_map(G, color_by=None, title="Two triangles")
    >>> page.startswith("<!DOCTYPE html>") and "<title>Two triangles</title>" in page
    True
    >>> "https://cdn" in page, render_map(G, color_by=None, title="Two triangles") == page
    (False, True)
    """
    _check_options(G, top_n=top_n, aggregate=aggregate, physics=physics)
    options = MapOptions(
        color_by=color_by,
        size_by=size_by,
        highlight=highlight,
        dashed_edges=dashed_edges,
        removed=removed,
        top_n=top_n,
        aggregate=aggregate,
        weight=weight,
        seed=seed,
        lang=lang,
    )
    return _encode(G, options).page(path, title=title, physics=physics)


def render_image(
    G: nx.Graph,
    path: str | Path,
    *,
    color_by: ColourBy = _SECTOR,
    size_by: str | Mapping | pd.Series | None = "betweenness",
    highlight: Iterable[Hashable] | None = None,
    dashed_edges: Iterable[tuple[Hashable, Hashable]] | None = None,
    removed: Iterable[Hashable] | None = None,
    top_n: int | None = None,
    aggregate: Literal["organisations", "communities"] | None = None,
    title: str | None = None,
    labels: int = 15,
    weight: str | None = "weight",
    seed: int = 0,
    lang: str = "en",
    dpi: int = 150,
) -> Path:
    """Draw the map of :func:`render_map` as a static PNG (matplotlib), for reports and slides.

    Takes the options of :func:`render_map` (same layout, colours, sizes and marks), plus:

    Parameters
    ----------
    labels : int, default 15
        Name this many of the largest nodes (and every highlighted one).
    dpi : int, default 150
        Resolution; the figure is 12 × 9 inches.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> G = nx.karate_club_graph()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     png = render_image(G, f"{tmp}/karate.png", color_by="club", dpi=50)
    ...     png.read_bytes()[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    _check_options(G, top_n=top_n, aggregate=aggregate, physics="auto")
    options = MapOptions(
        color_by=color_by,
        size_by=size_by,
        highlight=highlight,
        dashed_edges=dashed_edges,
        removed=removed,
        top_n=top_n,
        aggregate=aggregate,
        weight=weight,
        seed=seed,
        lang=lang,
    )
    return _encode(G, options).image(path, title=title, labels=labels, dpi=dpi)


# ------------------------------------------------------------------ options


def _check_options(G: nx.Graph, *, top_n, aggregate, physics) -> None:
    if not isinstance(G, nx.Graph) or G.is_directed() or G.is_multigraph():
        raise ValueError(
            f"render_map needs an undirected networkx.Graph; got {type(G).__name__}. Convert "
            f"it first, e.g. nx.Graph(G.to_undirected())."
        )
    if top_n is not None and (
        isinstance(top_n, bool) or not isinstance(top_n, int | np.integer) or top_n < 1
    ):
        raise ValueError(f"top_n must be a whole number of at least 1, or None; got {top_n!r}.")
    if aggregate is not None and aggregate not in _AGGREGATES:
        raise ValueError(
            f"aggregate must be one of {', '.join(map(repr, _AGGREGATES))} or None; got "
            f"{aggregate!r}."
        )
    if physics not in (True, False, "auto"):
        raise ValueError(f"physics must be True, False or 'auto'; got {physics!r}.")


# ------------------------------------------------------------------ encoding


@dataclass(frozen=True)
class _View:
    """The nodes a map draws (actors or groups), with their size metric and colour category."""

    arrays: GraphArrays
    metric: np.ndarray
    category: np.ndarray  # display label of the colour category per node, None when missing
    labels: list[str]
    tooltips: list[str] | None  # None: built from the graph's attributes at the end

    def subset(self, keep: np.ndarray) -> _View:
        """The view of the nodes at positions ``keep`` (sorted) and the edges among them."""
        a = self.arrays
        position = np.full(a.n, -1, dtype=np.int64)
        position[keep] = np.arange(len(keep))
        both = (position[a.source] >= 0) & (position[a.target] >= 0)
        arrays = GraphArrays(
            [a.nodes[i] for i in keep],
            position[a.source[both]],
            position[a.target[both]],
            a.weight[both],
            a.weighted,
        )
        return _View(
            arrays,
            self.metric[keep],
            self.category[keep],
            [self.labels[i] for i in keep],
            None if self.tooltips is None else [self.tooltips[i] for i in keep],
        )


def _encode(G: nx.Graph, options: MapOptions) -> MapEncoding:
    """Everything the page and the PNG draw, from the graph and the options."""
    o = options
    color_by, size_by, weight, seed, lang = o.color_by, o.size_by, o.weight, o.seed, o.lang
    highlight, removed, aggregate, top_n = o.highlight, o.removed, o.aggregate, o.top_n
    if color_by is _SECTOR and not _has_attribute(G, color_by):
        color_by = None  # the default on a graph without sectors: one colour, no legend
    marked = {
        "highlight": check_nodes(
            G, highlight if highlight is not None else (), argument="highlight"
        ),
        "removed": check_nodes(G, removed if removed is not None else (), argument="removed"),
    }
    pairs = _check_pairs(G, o.dashed_edges)
    if aggregate is not None and (marked["highlight"] or marked["removed"] or pairs):
        raise ValueError(
            "An aggregated map (aggregate=...) draws groups, not actors, so it cannot show "
            "highlight, dashed_edges or removed; leave them out, or draw a map of actors."
        )
    arrays = sorted_edges(GraphArrays.from_networkx(G, weight))
    category, colour_title = _categories(G, arrays, color_by, weight=weight, seed=seed, lang=lang)
    if aggregate is None:
        metric, metric_label = _metric(G, arrays, size_by, weight=weight, seed=seed, lang=lang)
        marked["cut_off"] = _cut_off(arrays, marked["removed"])
        labels = [node_name(G, node) for node in arrays.nodes]
        view = _View(arrays, metric, category, labels, None)
        summary = ""
    else:
        view, group_by = _groups(G, arrays, aggregate, category, colour_title, seed=seed, lang=lang)
        metric_label = t("map.group_size", lang)
        marked["cut_off"] = []
        summary = t("map.aggregated", lang, groups=view.arrays.n, total=arrays.n, by=group_by)
    if top_n is not None and top_n < view.arrays.n:
        forced = {node for nodes in marked.values() for node in nodes}
        forced.update(node for pair in pairs for node in pair)
        view = view.subset(_top(view, top_n, forced))
        summary = t("map.drawn", lang, shown=view.arrays.n, total=arrays.n)
    arrays = view.arrays
    index = {node: i for i, node in enumerate(arrays.nodes)}
    colour, colours, items = _colours(view.category, color_by, lang)
    mark = np.zeros(arrays.n, dtype=np.int64)
    for kind in ("highlight", "cut_off", "removed"):
        mark[[index[node] for node in marked[kind] if node in index]] = _MARK_CODES[kind]
    tooltips = view.tooltips
    colour_line = color_by is not None and not (
        isinstance(color_by, str) and color_by in _TOOLTIP_FIELDS
    )
    if tooltips is None:
        tooltips = [
            _tooltip(
                G,
                node,
                colour=(colour_title, view.category[i]) if colour_line else None,
                metric=None if size_by is None else (metric_label, view.metric[i]),
                lang=lang,
            )
            for i, node in enumerate(arrays.nodes)
        ]
    suggested = [(index[u], index[v]) for u, v in pairs if u in index and v in index]
    n_edges = len(arrays.source)
    summary = f"{summary} {t('map.summary', lang, nodes=arrays.n, edges=n_edges)}".strip()
    notes = [t("map.width_note", lang)]
    if size_by is not None or aggregate is not None:
        notes.insert(0, t("map.size_note", lang, metric=metric_label))
    drawn, k = _strongest(arrays, EDGE_BUDGET)
    if k is not None:
        notes.append(t("map.strongest", lang, k=k, shown=int(drawn.sum()), total=n_edges))
    unit = max(_MIN_UNIT_PX, _UNIT_PX * math.sqrt(PHYSICS_LIMIT / max(arrays.n, PHYSICS_LIMIT)))
    return MapEncoding(
        nodes=arrays.nodes,
        labels=view.labels,
        tooltips=tooltips,
        xy=arrays_layout(arrays, seed=seed) * unit,
        size=_scaled(view.metric),
        colour=colour,
        colours=colours,
        mark=mark,
        edges=np.column_stack([arrays.source, arrays.target]),
        weights=arrays.weight,
        drawn=drawn,
        suggested=np.asarray(suggested, dtype=np.int64).reshape(-1, 2),
        legend={
            "title": colour_title,
            "items": items,
            "marks": _legend_marks(mark, len(suggested), lang),
            "notes": notes,
        },
        summary=summary,
        weight_label=t("map.weight", lang),
        lang=lang,
    )


def _check_pairs(G: nx.Graph, pairs) -> list[tuple[Hashable, Hashable]]:
    """``dashed_edges`` as a list of node pairs of ``G`` (repeats and self-pairs dropped)."""
    if pairs is None:
        return []
    out: dict[frozenset, tuple] = {}
    for pair in pairs:
        if isinstance(pair, str) or len(pair) != 2:
            raise ValueError(
                f"dashed_edges must be pairs of node ids, like [('person:P1', 'person:P2')]; "
                f"got {pair!r}."
            )
        u, v = pair
        check_nodes(G, [u, v], argument="dashed_edges")
        if u != v:
            out.setdefault(frozenset((u, v)), (u, v))
    return list(out.values())


def _strongest(arrays: GraphArrays, budget: int) -> tuple[np.ndarray, int | None]:
    """Which edges to draw: all when they fit in ``budget``, else each node's ``k`` strongest.

    An edge is among a node's ``k`` strongest when fewer than ``k`` of the node's edges are
    heavier, or as heavy and listed earlier. ``k`` is the largest (at least 1) whose union
    over all nodes fits in ``budget``. Returns the mask and ``k`` (None when all are drawn).
    """
    m = len(arrays.source)
    if m <= budget:
        return np.ones(m, dtype=bool), None
    ends = np.concatenate([arrays.source, arrays.target])
    edge = np.concatenate([np.arange(m), np.arange(m)])
    order = np.lexsort((edge, -np.concatenate([arrays.weight, arrays.weight]), ends))
    sorted_ends = ends[order]
    rank = np.arange(2 * m) - np.searchsorted(sorted_ends, sorted_ends, side="left")
    best = np.full(m, 2 * m, dtype=np.int64)
    np.minimum.at(best, edge[order], rank)
    ranks = np.sort(best)
    k = 1
    while np.searchsorted(ranks, k + 1, side="left") <= budget:
        k += 1
    return best < k, k


def _label(prefix: str, name: str, lang: str) -> str:
    """The display name of a column or attribute: its i18n text, else the name in words."""
    key = f"{prefix}.{name}"
    return t(key, lang) if key in STRINGS else name.replace("_", " ")


def _has_attribute(G: nx.Graph, name: str) -> bool:
    return any(name in data for _, data in G.nodes(data=True))


def _metric(
    G: nx.Graph, arrays: GraphArrays, size_by, *, weight, seed, lang
) -> tuple[np.ndarray, str]:
    """The size metric per node (NaN when unknown) and its display name."""
    if size_by is None:
        return np.zeros(arrays.n), ""
    if isinstance(size_by, Mapping | pd.Series):
        values = [size_by.get(node, np.nan) for node in arrays.nodes]
        name = size_by.name if isinstance(size_by, pd.Series) and size_by.name else "value"
        return _numbers(values, f"size_by (a {type(size_by).__name__})"), _label(
            "col", str(name), lang
        )
    if not isinstance(size_by, str):
        raise ValueError(
            f"size_by must be a node attribute or metric name, a mapping node -> number, or "
            f"None; got {type(size_by).__name__}."
        )
    label = _label("col", size_by, lang)
    if _has_attribute(G, size_by):
        values = [G.nodes[node].get(size_by, np.nan) for node in arrays.nodes]
        return _numbers(values, f"node attribute {size_by!r}"), label
    if size_by == "degree":
        return np.asarray(arrays.binary.sum(axis=1), dtype=float).ravel(), label
    if size_by == "strength":
        return np.asarray(arrays.adjacency.sum(axis=1), dtype=float).ravel(), label
    from netmap.metrics import key_actors  # computed only when asked for: it takes a while

    table = key_actors(G, weight=weight, seed=seed, community_seed=seed, lang=lang)
    numeric = [c for c in table.columns if pd.api.types.is_numeric_dtype(table[c])]
    if size_by not in numeric:
        raise ValueError(
            f"size_by={size_by!r} is neither a numeric node attribute nor a metric netmap "
            f"computes. Metrics: {', '.join(numeric)}. Or pass a mapping node -> number."
        )
    return table[size_by].reindex(arrays.nodes).to_numpy(dtype=float), label


def _numbers(values: list, what: str) -> np.ndarray:
    try:
        return pd.to_numeric(pd.Series(values, dtype=object)).to_numpy(dtype=float)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"Node sizes need numbers, but {what} holds text such as "
            f"{next(v for v in values if isinstance(v, str))!r}. Size by a numeric attribute "
            f"or metric, or colour by this one (color_by=...)."
        ) from err


def _categories(
    G: nx.Graph, arrays: GraphArrays, color_by, *, weight, seed, lang
) -> tuple[np.ndarray, str]:
    """The colour category (display label, None when missing) per node, and the legend title."""
    labels = np.full(arrays.n, None, dtype=object)
    if color_by is None:
        return labels, ""
    if isinstance(color_by, Mapping | pd.Series):
        for i, node in enumerate(arrays.nodes):
            value = color_by.get(node)
            if not _missing(value):
                labels[i] = str(value)
        name = color_by.name if isinstance(color_by, pd.Series) and color_by.name else None
        return labels, _label("by", str(name), lang) if name else t("common.group", lang)
    if not isinstance(color_by, str):
        raise ValueError(
            f"color_by must be a node attribute name, 'community', a mapping node -> value, "
            f"or None; got {type(color_by).__name__}."
        )
    if _has_attribute(G, color_by):
        for i, node in enumerate(arrays.nodes):
            value = G.nodes[node].get(color_by)
            if not _missing(value):
                labels[i] = choice_label(color_by, value, lang)
        return labels, _label("by", color_by, lang)
    if color_by in ("community", "communities"):
        from netmap.metrics import communities

        found = communities(G, weight=weight, seed=seed).reindex(arrays.nodes)
        labels[:] = [t("map.community", lang, number=c + 1) for c in found]
        return labels, t("by.community", lang)
    attributes = sorted({key for _, data in G.nodes(data=True) for key in data})
    raise ValueError(
        f"color_by={color_by!r} is not a node attribute of this graph, nor 'community'. "
        f"Node attributes: {', '.join(attributes) or '(none)'}. Or pass a mapping node -> value."
    )


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _colours(category: np.ndarray, color_by, lang: str) -> tuple[np.ndarray, list[str], list[dict]]:
    """Colour index per node, the colours, and the legend items (label, colour, count).

    Sectors keep the order of :data:`netmap.schema.SECTORS`; other categories are ordered
    by count (most common first), then label. Colours stay with their category whatever else
    is drawn (see :func:`_fixed_colours`): civil society is orange on a filtered map too.
    """
    if color_by is None:
        return np.zeros(len(category), dtype=np.int64), [PALETTE[0]], []
    present = pd.Series([c for c in category if c is not None], dtype=object)
    counts = present.value_counts()
    if color_by == "sector":
        rank = {choice_label("sector", s, lang): i for i, s in enumerate(SECTORS)}
        order = sorted(counts.index, key=lambda c: (rank.get(c, len(rank)), c))
    else:
        rank = {}
        order = sorted(counts.index, key=lambda c: (-counts[c], c))
    own = order if len(order) <= MAX_COLOURS else order[: MAX_COLOURS - 1]
    code = {c: i for i, c in enumerate(own)}
    other = len(own)
    rest = order[len(own) :]
    colours = _fixed_colours(own, rank, palette=PALETTE[:-1] if rest else PALETTE)
    items = [{"label": c, "colour": code[c], "count": int(counts[c])} for c in own]
    if rest:
        colours.append(PALETTE[-1])
        items.append(
            {"label": t("map.other", lang), "colour": other, "count": int(counts[rest].sum())}
        )
    codes = np.array([-1 if c is None else code.get(c, other) for c in category], dtype=np.int64)
    n_missing = int((codes == -1).sum())
    if n_missing:
        items.append({"label": t("common.unknown", lang), "colour": -1, "count": n_missing})
    return codes, colours, items


def _fixed_colours(
    categories: list[str], rank: dict[str, int], *, palette: tuple[str, ...]
) -> list[str]:
    """A colour per category, fixed by the category rather than by what else is drawn.

    A category with a ``rank`` (a sector: its place in :data:`netmap.schema.SECTORS`) always
    gets that palette colour; the others take the remaining colours in sorted order of their
    labels (so a filter that drops a category by count does not recolour the rest).
    """
    unranked = sorted(c for c in categories if c not in rank)
    free = [colour for i, colour in enumerate(palette) if i not in rank.values()]
    return [
        PALETTE[rank[c]] if c in rank else free[unranked.index(c) % len(free)] for c in categories
    ]


def _cut_off(arrays: GraphArrays, removed: list[Hashable]) -> list[Hashable]:
    """Actors who lose every path to the largest remaining part of their component."""
    if not removed:
        return []
    from scipy.sparse.csgraph import connected_components

    index = {node: i for i, node in enumerate(arrays.nodes)}
    alive = np.ones(arrays.n, dtype=bool)
    alive[[index[node] for node in removed]] = False
    _, before = connected_components(arrays.binary, directed=False)
    after = np.full(arrays.n, -1, dtype=np.int64)
    _, after[alive] = connected_components(arrays.binary[alive][:, alive], directed=False)
    cut: list[int] = []
    for component in np.unique(before[~alive]):
        members = np.flatnonzero((before == component) & alive)
        if len(members):
            parts, sizes = np.unique(after[members], return_counts=True)
            cut.extend(members[after[members] != parts[np.argmax(sizes)]].tolist())
    return [arrays.nodes[i] for i in sorted(cut)]


def _groups(
    G: nx.Graph,
    arrays: GraphArrays,
    aggregate: str,
    category: np.ndarray,
    colour_title: str,
    *,
    seed: int,
    lang: str,
) -> tuple[_View, str]:
    """The view of one node per organisation or community, and what the groups are."""
    if aggregate == "organisations":
        if not _has_attribute(G, "organisation"):
            raise ValueError(
                "aggregate='organisations' groups people by their 'organisation' attribute, "
                "which no node of this graph has. Use a people graph "
                "(Network.graph(level='people')), or aggregate='communities'."
            )
        keys, names = [], []
        for node in arrays.nodes:
            data = G.nodes[node]
            if _missing(data.get("organisation")):
                keys.append(("actor", str(node)))
                names.append(node_name(G, node))
            else:
                keys.append(
                    ("organisation", str(data.get("organisation_id", data["organisation"])))
                )
                names.append(str(data["organisation"]))
        by = t("by.organisation", lang)
    else:
        from netmap.metrics import community_labels

        found = community_labels(arrays, seed=seed, resolution=1.0).to_numpy()
        keys = [("community", int(c)) for c in found]
        names = [t("map.community", lang, number=int(c) + 1) for c in found]
        by = t("by.community", lang)
    members = pd.DataFrame({"key": keys, "name": names, "category": category})
    sizes = members.groupby("key", sort=False).size()
    first = members.groupby("key", sort=False)["name"].first()
    order = sorted(sizes.index, key=lambda k: (-sizes[k], first[k], k))
    group_of = pd.Series(np.arange(len(order)), index=pd.Index(order, tupleize_cols=False))
    group = group_of.loc[pd.Index(keys, tupleize_cols=False)].to_numpy()
    src, dst = group[arrays.source], group[arrays.target]
    between = src != dst
    lo, hi = np.minimum(src, dst)[between], np.maximum(src, dst)[between]
    pair, inverse = np.unique(lo * len(order) + hi, return_inverse=True)
    summed = np.bincount(inverse, weights=arrays.weight[between], minlength=len(pair))
    group_arrays = GraphArrays(
        [f"{kind}:{key}" for kind, key in order],
        pair // len(order),
        pair % len(order),
        summed,
        True,
    )
    common = (
        members.dropna(subset=["category"])
        .groupby(["key", "category"], sort=False)
        .size()
        .rename("count")
        .reset_index()
        .sort_values(["count", "category"], ascending=[False, True], kind="stable")
        .drop_duplicates("key")
        .set_index("key")["category"]
    )
    category_of = [common.get(k) for k in order]
    labels = [first[k] for k in order]
    tooltips = [
        "\n".join(
            [labels[g], t("map.members", lang, count=int(sizes[k]))]
            + ([f"{colour_title}: {category_of[g]}"] if category_of[g] is not None else [])
        )
        for g, k in enumerate(order)
    ]
    view = _View(
        group_arrays,
        sizes.loc[pd.Index(order, tupleize_cols=False)].to_numpy(dtype=float),
        np.array(category_of, dtype=object),
        labels,
        tooltips,
    )
    return view, by


def _top(view: _View, top_n: int, forced: set) -> np.ndarray:
    """Positions of the ``top_n`` largest metric values (ties by node order), plus ``forced``."""
    metric = np.nan_to_num(view.metric, nan=-np.inf)
    order = np.lexsort((np.arange(len(metric)), -metric))
    keep = set(order[:top_n].tolist())
    keep.update(i for i, node in enumerate(view.arrays.nodes) if node in forced)
    return np.array(sorted(keep), dtype=np.int64)


def _tooltip(G: nx.Graph, node, *, colour, metric, lang: str) -> str:
    """Plain text: name, organisation, sector, municipality, then the colour and size values.

    ``colour`` and ``metric`` are (display name, value) pairs, or None to leave them out.
    """
    data = G.nodes[node]
    lines = [node_name(G, node)]
    for field in _TOOLTIP_FIELDS:
        value = data.get(field)
        if not _missing(value):
            lines.append(f"{_label('by', field, lang)}: {choice_label(field, value, lang)}")
    if colour is not None:
        value = colour[1] if colour[1] is not None else t("common.unknown", lang)
        lines.append(f"{colour[0]}: {value}")
    if metric is not None:
        lines.append(f"{metric[0]}: {_format(metric[1])}")
    return "\n".join(lines)


def _format(value: float) -> str:
    """A metric value for a tooltip: whole numbers as such, others to 3 significant digits."""
    if value is None or math.isnan(value):
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3g}"


def _scaled(metric: np.ndarray) -> np.ndarray:
    """Node size in [0, 1]: square root of the value's share of the range (area ~ value).

    When every value is the same, every node gets the middle size, 0.5.
    """
    values = np.nan_to_num(np.asarray(metric, dtype=float), nan=np.nanmin(metric, initial=0.0))
    if len(values) == 0:
        return values
    low, span = values.min(), values.max() - values.min()
    return np.sqrt((values - low) / span) if span > 0 else np.full_like(values, 0.5)


def _legend_marks(mark: np.ndarray, n_suggested: int, lang: str) -> list[dict]:
    entries = [
        {"kind": kind, "label": t(key, lang), "count": int((mark == _MARK_CODES[kind]).sum())}
        for kind, key in (
            ("highlight", "map.highlighted"),
            ("removed", "map.removed"),
            ("cut_off", "map.cut_off"),
        )
    ]
    entries.append({"kind": "suggested", "label": t("map.suggested", lang), "count": n_suggested})
    return [entry for entry in entries if entry["count"]]


# ------------------------------------------------------------------ the page


@cache
def _asset(name: str) -> str:
    return (resources.files("netmap") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _json_for_html(data: dict) -> str:
    """JSON that cannot end its ``<script>`` element or be read as markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def _edge_columns(ends: np.ndarray, weights: np.ndarray) -> dict[str, list]:
    return {
        "from": ends[:, 0].tolist(),
        "to": ends[:, 1].tolist(),
        "weight": np.round(weights, 4).tolist(),
    }


def _page(encoding: MapEncoding, *, title: str, physics: bool, lang: str) -> str:
    e = encoding
    data = {
        "nodes": {
            "nid": [str(node) for node in e.nodes],
            "label": e.labels,
            "title": e.tooltips,
            "x": np.round(e.xy[:, 0], 1).tolist(),
            "y": np.round(e.xy[:, 1], 1).tolist(),
            "value": np.round(e.size, 4).tolist(),
            "colour": e.colour.tolist(),
            "mark": e.mark.tolist(),
        },
        "edges": _edge_columns(e.edges[e.drawn], e.weights[e.drawn]),
        "extra": _edge_columns(e.edges[~e.drawn], e.weights[~e.drawn]),
        "suggested": e.suggested.tolist(),
        "colours": e.colours,
        "legend": e.legend,
        "text": {
            "summary": e.summary,
            "search": t("map.search", lang),
            "no_match": t("map.no_match", lang),
            "weight": e.weight_label,
            "suggested": t("map.suggested", lang),
        },
        "physics": physics,
        "large": len(e.nodes) > PHYSICS_LIMIT,
    }
    vis_js, map_js = _asset("vis-network.min.js"), _asset("map.js")
    csp = (
        f"default-src 'none'; script-src {_csp_hash(vis_js)} {_csp_hash(map_js)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    return Template(_asset("map.html")).substitute(
        lang=html.escape(lang),
        csp=csp,
        title=html.escape(title),
        css=_asset("map.css"),
        data=_json_for_html(data),
        vis_js=vis_js,
        map_js=map_js,
    )


# ------------------------------------------------------------------ the image


def _draw_png(encoding: MapEncoding, path: Path, *, title: str, labels: int, dpi: int) -> Path:
    """Draw the encoding with matplotlib's Agg canvas (no pyplot, no global state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patheffects import withStroke

    e = encoding
    fig = Figure(figsize=(12, 9), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.01, 0.76, 0.93 if title else 0.98))  # legend on the right
    ax.set_axis_off()
    ax.set_aspect("equal")
    xy = e.xy * np.array([1.0, -1.0])  # screen y grows downwards, matplotlib's upwards
    if e.drawn.any():
        widths = 0.3 + 2.5 * _scaled(e.weights)[e.drawn]
        alpha = 0.5 if e.drawn.sum() < 2_000 else 0.15
        ax.add_collection(
            LineCollection(
                xy[e.edges[e.drawn]], linewidths=widths, colors="#8c959f", alpha=alpha, zorder=1
            )
        )
    if len(e.suggested):
        ax.add_collection(
            LineCollection(
                xy[e.suggested], linewidths=2, colors="#d95f02", linestyles="--", zorder=2
            )
        )
    fill = np.array([e.colours[c] if c >= 0 else "#d0d7de" for c in e.colour], dtype=object)
    fill[e.mark == _MARK_CODES["removed"]] = "#ffffff"
    ring = np.array(["#ffffff"] * len(e.nodes), dtype=object)
    ring[e.mark == _MARK_CODES["highlight"]] = "#1f2328"
    ring[e.mark == _MARK_CODES["removed"]] = "#6e7781"
    ring[e.mark == _MARK_CODES["cut_off"]] = "#cf222e"
    area = (3 + 15 * e.size) ** 2 * float(np.clip(300 / max(len(e.nodes), 1), 0.4, 3.0))
    ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=area,
        c=list(fill),
        edgecolors=list(ring),
        linewidths=np.where(e.mark > 0, 2.0, 0.5),
        zorder=3,
    )
    named = set(np.argsort(-e.size, kind="stable")[:labels].tolist())
    named.update(np.flatnonzero(e.mark == _MARK_CODES["highlight"]).tolist())
    for i in sorted(named):
        ax.annotate(
            e.labels[i],
            xy[i],
            xytext=(0, 6 + 8 * e.size[i]),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            zorder=4,
            path_effects=[withStroke(linewidth=3, foreground="white")],
        )
    ax.autoscale_view()
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            markeredgecolor="white",
            markerfacecolor=e.colours[item["colour"]] if item["colour"] >= 0 else "#d0d7de",
            label=f"{item['label']} ({item['count']})",
        )
        for item in e.legend["items"]
    ]
    for mark in e.legend["marks"]:
        if mark["kind"] == "suggested":
            handles.append(
                Line2D([], [], color="#d95f02", linestyle="--", linewidth=2, label=mark["label"])
            )
        else:
            face = "#ffffff" if mark["kind"] == "removed" else "#bab0ac"
            edge = {"highlight": "#1f2328", "removed": "#6e7781", "cut_off": "#cf222e"}[
                mark["kind"]
            ]
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="",
                    markersize=9,
                    markerfacecolor=face,
                    markeredgecolor=edge,
                    markeredgewidth=2,
                    label=mark["label"],
                )
            )
    if handles:
        fig.legend(
            handles=handles,
            title=e.legend["title"] or None,
            loc="upper left",
            bbox_to_anchor=(0.78, 0.93),
            fontsize=8,
            title_fontsize=9,
            frameon=False,
            alignment="left",
        )
    notes = [e.summary, *e.legend["notes"]]
    fig.text(
        0.78,
        0.02,
        "\n".join(textwrap.fill(note, 44) for note in notes),
        ha="left",
        va="bottom",
        fontsize=7,
        color="#57606a",
    )
    if title:
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=14)
    fig.savefig(path, format="png", dpi=dpi, metadata={"Software": None})
    return path
