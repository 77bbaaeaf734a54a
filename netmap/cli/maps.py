"""``netmap map`` and ``netmap export``: the interactive map and files for other tools."""

from __future__ import annotations

from pathlib import Path

import click

from netmap.cli._common import (
    EXIT_INVALID,
    GraphSelection,
    build_graph,
    graph_options,
    lang_option,
    load_network,
    path_argument,
    writing,
)
from netmap.errors import NetmapError
from netmap.export import FORMATS, export
from netmap.maps import render_map

__all__ = ["COMMANDS", "export_command", "map_command"]


@click.command("map")
@path_argument
@graph_options
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("map.html"),
    show_default=True,
    help="The HTML file to write (one self-contained page; works offline).",
)
@click.option(
    "--color-by",
    default="sector",
    show_default=True,
    help="Node attribute to colour by (sector, municipality, organisation, ...) or 'community'.",
)
@click.option(
    "--size-by",
    default="betweenness",
    show_default=True,
    help="Metric to size nodes by: degree, strength, betweenness, pagerank, ... "
    "(betweenness takes a minute on thousands of actors; degree is instant).",
)
@click.option("--top-n", type=click.IntRange(min=1), default=None, help="Draw only the N largest.")
@click.option(
    "--aggregate",
    type=click.Choice(["organisations", "communities"]),
    default=None,
    help="One node per organisation or per community instead of one per actor.",
)
@click.option("--title", default=None, help="Heading of the map (default: the graph described).")
@lang_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the layout.")
def map_command(
    path: Path,
    selection: GraphSelection,
    out: Path,
    color_by: str,
    size_by: str,
    top_n: int | None,
    aggregate: str | None,
    title: str | None,
    lang: str,
    seed: int,
) -> None:
    """Draw the network of PATH as an interactive map (HTML) that works offline.

    Colour shows a group (sector by default) with a legend, size a metric, line width the
    strength of a tie; the search box finds actors by name and clicking one highlights its
    contacts. Large networks open with a fixed layout and each actor's strongest ties.
    """
    G = build_graph(load_network(path), selection)
    try:
        page = render_map(
            G,
            color_by=color_by,
            size_by=size_by,
            top_n=top_n,
            aggregate=aggregate,
            title=title if title is not None else f"{path.name}: {selection.describe()}",
            seed=seed,
            lang=lang,
        )
    except (ValueError, NetmapError) as err:
        _fail(err)
    with writing(out):
        out.write_text(page, encoding="utf-8")
    click.echo(f"wrote {out} ({_size(G)})")


@click.command("export")
@path_argument
@graph_options
@click.option(
    "--format",
    "format_",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="File format; default from the suffix of --out.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="File to write; default <PATH name>-<level>.<format> here. For csv, two files "
    "<stem>-nodes.csv and <stem>-edges.csv are written.",
)
def export_command(
    path: Path, selection: GraphSelection, format_: str | None, out: Path | None
) -> None:
    """Write the network of PATH as GraphML or GEXF (Gephi), node and edge CSVs, an HTML map
    or a PNG image.

    GraphML and GEXF keep every attribute with its type; lists and dicts (such as the
    filters used) are written as JSON text, missing values are left out.
    """
    if format_ is None and out is None:
        raise click.UsageError("Give --format or --out (whose suffix names the format).")
    if out is None:
        out = Path(f"{path.stem or 'network'}-{selection.level}{FORMATS[format_][0]}")
    G = build_graph(load_network(path), selection)
    try:
        with writing(out):
            written = export(G, out, format=format_)
    except (ValueError, NetmapError) as err:
        _fail(err)
    click.echo(f"wrote {', '.join(map(str, written))} ({_size(G)})")


def _size(G) -> str:
    return f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"


def _fail(err: Exception) -> None:
    click.echo(f"Error: {err}", err=True)
    raise SystemExit(EXIT_INVALID)


COMMANDS = [map_command, export_command]
