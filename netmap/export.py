"""Write a graph as GraphML or GEXF (Gephi, yEd, Cytoscape), node and edge CSVs, a map or a PNG.

GraphML and GEXF hold one type per attribute (text, whole number, decimal, true/false) and no
missing values, lists or tables, so :func:`export` writes a *portable* copy: a missing value
is left out (the element simply lacks the attribute), lists, sets and dicts become JSON text
(``G.graph["filters"]`` -> ``'{"sectors": ["public"]}'``), dates become ISO text, and an
attribute holding both whole numbers and decimals is written as decimals; one holding text
and anything else, as text. Control characters XML cannot hold (all but tab and newline, e.g.
a vertical tab pasted from Excel) are dropped, and Windows line ends become newlines (as any
XML reader would read them). The input graph is never modified.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import numpy as np

from netmap.arrays import sorted_nodes
from netmap.layout import layout_positions
from netmap.maps import render_image, render_map
from netmap.spreadsheet import spreadsheet_cell

__all__ = ["FORMATS", "export", "portable_graph"]

#: Formats :func:`export` writes, and the file suffixes that select them.
FORMATS = {
    "graphml": (".graphml",),
    "gexf": (".gexf",),
    "csv": (".csv",),
    "html": (".html", ".htm"),
    "png": (".png",),
}

Format = Literal["graphml", "gexf", "csv", "html", "png"]

#: Characters XML 1.0 cannot hold (control characters other than tab, newline, return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Line ends XML readers turn into a newline anyway.
_LINE_END = re.compile("\r\n?")


def export(
    G: nx.Graph, path: str | Path, *, format: Format | None = None, **options: Any
) -> list[Path]:
    """Write ``G`` to ``path`` as GraphML, GEXF, CSV, an HTML map or a PNG image.

    Parameters
    ----------
    G : networkx.Graph
        The graph (from :meth:`netmap.Network.graph` or any networkx graph). Not modified.
    path : str or Path
        Where to write. For ``csv``, two files are written next to it: ``<stem>-nodes.csv``
        and ``<stem>-edges.csv`` (``network.csv`` -> ``network-nodes.csv``,
        ``network-edges.csv``).
    format : {"graphml", "gexf", "csv", "html", "png"}, optional
        Default: from the suffix of ``path`` (see :data:`FORMATS`).
    **options
        For ``html`` and ``png``: options of :func:`netmap.render_map` /
        :func:`netmap.maps.render_image` (``color_by``, ``size_by``, ``title``, ...). Other
        formats take none.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        For an unknown format or suffix, or options given to a format that takes none.

    Notes
    -----
    - ``graphml``: networkx's writer with one type per attribute (see the module notes).
    - ``gexf``: GEXF 1.2 as Gephi reads it: each node's ``label`` is its ``name``, edge
      ``weight`` is the GEXF weight, and ``viz`` positions come from
      :func:`netmap.layout.layout_positions` (seed 0), so Gephi opens with netmap's layout.
    - ``csv``: UTF-8 with a byte-order mark (Excel then shows å, ä, ö). Nodes: ``id``,
      ``name``, ``type``, then every other attribute in alphabetical order, one row per node
      sorted by id. Edges: ``source``, ``target`` (the smaller id first), ``weight``, then the
      other attributes; rows sorted by source, then target. Lists and dicts are JSON text,
      missing values empty cells. Text a spreadsheet would run as a formula (starting with
      ``=``, ``+``, ``-``, ``@``) gets a leading apostrophe
      (:func:`netmap.spreadsheet.spreadsheet_safe`), so the file is for reading, not for
      loading back into netmap.
    - ``html``: :func:`netmap.render_map`; ``png``: :func:`netmap.maps.render_image`.

    The same graph gives the same bytes in every format (GEXF without the date of writing
    networkx would add).

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> G = nx.Graph([("a", "b", {"weight": 2.0})], level="people")
    >>> G.nodes["a"]["name"] = "Åsa"
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in export(G, f"{tmp}/network.csv")]
    ...     H = nx.read_graphml(export(G, f"{tmp}/network.graphml")[0])
    ['network-nodes.csv', 'network-edges.csv']
    >>> H.nodes["a"], H.edges["a", "b"]
    ({'name': 'Åsa'}, {'weight': 2.0})
    """
    path = Path(path)
    format = _format_of(path, format)
    if options and format not in ("html", "png"):
        raise ValueError(
            f"The {format} format takes no options; got {', '.join(sorted(options))}. Options "
            f"such as color_by or title are for the html and png formats."
        )
    if format == "html":
        render_map(G, path, **options)
        return [path]
    if format == "png":
        return [render_image(G, path, **options)]
    if format == "csv":
        return _write_csv(G, path)
    H = portable_graph(G)
    if format == "graphml":
        nx.write_graphml(H, path, infer_numeric_types=True)
    else:
        positions = layout_positions(G, seed=0) if len(G) else {}
        for node, data in H.nodes(data=True):
            data["label"] = str(data.get("name", node))
            x, y = positions[node]
            data["viz"] = {"position": {"x": float(x), "y": -float(y), "z": 0.0}}
        _write_gexf(H, path)
    return [path]


def _write_gexf(H: nx.Graph, path: Path) -> None:
    """networkx's ``write_gexf`` without the date of writing: same graph, same bytes."""
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.xml.find("meta").attrib.pop("lastmodifieddate", None)
    writer.add_graph(H)
    writer.write(path)


def _format_of(path: Path, format: str | None) -> str:
    if format is not None:
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {format!r}.")
        return format
    suffix = path.suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise ValueError(
        f"Cannot tell the format of {path.name!r} from its suffix; name the file with one of "
        f"{known}, or pass format=..."
    )


def portable_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attributes GraphML and GEXF can hold, one type per attribute.

    Nodes and edges are added in sorted order, so files written from it do not depend on
    the order the original graph was built in.

    Missing values (None, NaN) are left out; lists, tuples, sets and dicts become JSON text
    (sets sorted); dates become ISO text; numpy numbers become Python numbers; control
    characters XML cannot hold are dropped from text and line ends become ``\n``. Then, per
    attribute name (separately for the graph, nodes and edges), values of mixed types are
    unified: whole numbers with decimals -> decimals, text with anything else -> text.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(filters={"sectors": ["public"]}, since=None)
    >>> G.add_edge("a", "b", weight=1)
    >>> G.add_edge("b", "c", weight=0.5)
    >>> H = portable_graph(G)
    >>> H.graph, H.edges["a", "b"]["weight"]
    ({'filters': '{"sectors": ["public"]}'}, 1.0)
    """
    H = G.__class__()
    H.graph.update(_unified([G.graph])[0])
    nodes = sorted_nodes(G)
    H.add_nodes_from(zip(nodes, _unified([G.nodes[n] for n in nodes]), strict=True))
    rank = {node: i for i, node in enumerate(nodes)}
    edges = sorted(
        ((*sorted((u, v), key=rank.__getitem__), data) for u, v, data in G.edges(data=True)),
        key=lambda edge: (rank[edge[0]], rank[edge[1]]),
    )
    H.add_edges_from(
        (u, v, data)
        for (u, v, _), data in zip(edges, _unified([d for *_, d in edges]), strict=True)
    )
    return H


def _plain(value: Any) -> Any:
    """A value GraphML can hold (bool, int, float, str), or None for a missing one."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        return _LINE_END.sub("\n", _NOT_XML.sub("", value))
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        value = sorted(value, key=str)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _unified(records: list[dict]) -> list[dict]:
    """``records`` with plain values and one type per key (see :func:`portable_graph`)."""
    plain = [{k: p for k, v in r.items() if (p := _plain(v)) is not None} for r in records]
    types: dict[str, set[type]] = {}
    for record in plain:
        for key, value in record.items():
            types.setdefault(key, set()).add(type(value))
    cast: dict[str, type] = {}
    for key, found in types.items():
        if found == {int, float}:
            cast[key] = float
        elif len(found) > 1:
            cast[key] = str
    return [{k: cast[k](v) if k in cast else v for k, v in record.items()} for record in plain]


def _write_csv(G: nx.Graph, path: Path) -> list[Path]:
    H = portable_graph(G)  # nodes sorted; edges sorted, the smaller end first
    nodes_path = path.with_name(f"{path.stem}-nodes.csv")
    edges_path = path.with_name(f"{path.stem}-edges.csv")
    node_rows = [{"id": node, **data} for node, data in H.nodes(data=True)]
    _write_rows(nodes_path, node_rows, first=("id", "name", "type"))
    edge_rows = [{"source": u, "target": v, **data} for u, v, data in H.edges(data=True)]
    _write_rows(edges_path, edge_rows, first=("source", "target", "weight"))
    return [nodes_path, edges_path]


def _write_rows(path: Path, rows: list[dict[Hashable, Any]], *, first: tuple[str, ...]) -> None:
    keys = {key for row in rows for key in row}
    columns = [c for c in first if c in keys or c in first[:2]]
    columns += sorted(str(k) for k in keys if k not in columns)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerow([spreadsheet_cell(c) for c in columns])
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="raise")
        writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in rows)
