"""The ``key-actors`` command: who holds the network together, as a readable table."""

from __future__ import annotations

from pathlib import Path

import click

from netmap.cli._common import (
    GraphSelection,
    Output,
    build_graph,
    echo_table,
    emit,
    graph_options,
    load_network,
    output_options,
    path_argument,
    write_csv,
)
from netmap.glossary import glossary_table
from netmap.i18n import LANGUAGES
from netmap.metrics import key_actors

__all__ = ["COMMANDS", "key_actors_command"]

#: Columns printed on the terminal (``--csv`` and ``--json`` get every column).
SHOWN = [
    "name",
    "degree",
    "betweenness",
    "constraint",
    "sectors_reached",
    "lose_contact",
    "community",
    "role",
]

#: Node attributes whose distinct values among contacts are counted, per level.
_ATTRIBUTES = {
    "people": ("organisation", "sector", "municipality"),
    "organisations": ("sector", "municipality"),
}


@click.command("key-actors")
@path_argument
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Show the N actors with the highest betweenness (0: all).",
)
@click.option(
    "--betweenness",
    type=click.Choice(["auto", "exact", "sampled"]),
    default="auto",
    show_default=True,
    help="Exact shortest paths, or sampled from 1,000 sources (auto: sampled above 5,000 actors).",
)
@click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default="en",
    show_default=True,
    help="Language of the role texts and of --explain.",
)
@click.option("--explain", is_flag=True, help="Also say in one sentence what each column means.")
@graph_options
@output_options
def key_actors_command(
    path: Path,
    top: int,
    betweenness: str,
    lang: str,
    explain: bool,
    selection: GraphSelection,
    output: Output,
) -> None:
    """Who holds the network together: brokers, bridges and cut points.

    One row per actor, most between others first: how many they work with, how often they
    lie on the shortest route between two others (betweenness), how closed their circle is
    (Burt's constraint), how many sectors they reach, how many would lose contact with the
    network if they left, their community, and their role in a few words. --csv and --json
    give every column (closeness, PageRank, brokerage roles, ...) for every actor.
    """
    net = load_network(path)
    G = build_graph(net, selection)
    actors = key_actors(
        G, attributes=_ATTRIBUTES[selection.level], betweenness=betweenness, lang=lang
    )
    info = actors.attrs["betweenness"]
    table = actors.reset_index()
    if output.csv is not None:
        write_csv(table, output.csv)
    shown = table if top == 0 else table.head(top)
    if output.json:
        emit(shown, Output(json=True))
        return
    click.echo(f"Key actors of the {selection.describe()} ({len(table)} actors):\n")
    echo_table(shown[SHOWN], max_rows=None)
    if info["method"] == "sampled":
        click.echo(
            f"\nbetweenness estimated from {info['sources']} sampled actors (seed "
            f"{info['seed']}); use --betweenness exact for exact values."
        )
    if explain:
        click.echo("")
        echo_table(glossary_table(SHOWN, lang), max_rows=None)
    if output.csv is not None:
        click.echo(f"\nwrote all {len(table)} actors and columns to {output.csv}")


COMMANDS = [key_actors_command]
