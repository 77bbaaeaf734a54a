"""Commands about conveners and losses: ``conveners`` and ``what-if``."""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx
import pandas as pd

from netmap.arrays import node_names
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
    resolve_actor,
)
from netmap.conveners import pick_conveners, rank_conveners
from netmap.schema import SECTORS
from netmap.whatif import actors_to_protect, fragmentation_table, what_if_removed

__all__ = ["COMMANDS", "conveners", "what_if"]

#: Largest network on which ``what-if`` computes distance-weighted fragmentation by default.
DISTANCE_LIMIT = 20_000


def _actors(G: nx.Graph, texts: tuple[str, ...], level: str, option: str) -> list[str]:
    """Node ids for names or ids the user typed; errors name the option they came from."""
    return [resolve_actor(G, text, level, option=option) for text in texts]


def _percent(share: float) -> str:
    return "–" if pd.isna(share) else f"{100 * share:.0f}%"


@click.command()
@path_argument
@click.option("--k", type=click.IntRange(min=1), default=3, show_default=True, help="How many.")
@click.option(
    "--require-sector",
    "require_sectors",
    multiple=True,
    type=click.Choice(SECTORS, case_sensitive=False),
    help="At least one convener from this sector (repeat for several).",
)
@click.option(
    "--require-municipality",
    "require_municipalities",
    multiple=True,
    help="At least one convener from this municipality (repeat for several).",
)
@click.option(
    "--require",
    "require",
    multiple=True,
    help="This actor must be a convener: a name or an id (repeat for several).",
)
@click.option(
    "--exclude",
    "exclude",
    multiple=True,
    help="This actor must not be a convener, e.g. a funder: a name or an id (repeat).",
)
@click.option(
    "--ranking",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Also show the N best single candidates with the parts of their score.",
)
@graph_options
@output_options
def conveners(
    path: Path,
    k: int,
    require_sectors: tuple[str, ...],
    require_municipalities: tuple[str, ...],
    require: tuple[str, ...],
    exclude: tuple[str, ...],
    ranking: int,
    selection: GraphSelection,
    output: Output,
) -> None:
    """Choose K conveners who together reach the whole network in the fewest steps.

    Each actor counts 1/steps to the nearest convener (Borgatti's distance-weighted reach);
    the set with the highest mean is chosen, under your constraints. The table says what
    each convener adds: new actors within one and two steps, and new groups reached.
    """
    net = load_network(path)
    G = build_graph(net, selection)
    require_groups = {}
    if require_sectors:
        require_groups["sector"] = [s.lower() for s in require_sectors]
    if require_municipalities:
        require_groups["municipality"] = list(require_municipalities)
    excluded = _actors(G, exclude, selection.level, "--exclude")
    try:
        table = pick_conveners(
            G,
            k=k,
            require_groups=require_groups,
            require=_actors(G, require, selection.level, "--require"),
            exclude=excluded,
        )
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    if output.json or output.csv:
        emit(table.reset_index(), output)
        if output.json:
            return
    attrs = table.attrs
    click.echo(f"The best {k} convener(s) ({selection.describe()}, {len(G)} actors):")
    shown = [c for c in ("name", "sector", "municipality", "covers") if c in table.columns]
    shown += ["adds", "new_within_1", "new_within_2"]
    echo_table(table.reset_index()[["node", *shown]])
    click.echo(
        f"\nTogether they reach {_percent(attrs['reach_1'])} of the actors in one step, "
        f"{_percent(attrs['reach_2'])} within two and {_percent(attrs['reach'])} at all "
        f"(distance-weighted reach {attrs['score']:.3f}; {attrs['search']} search over "
        f"{attrs['candidates']} candidates)."
    )
    for row in table.itertuples():
        if row.new_groups:
            click.echo(f"  {row.name} first reaches {row.new_groups}")
    if ranking:
        ranked = rank_conveners(G, exclude=excluded)
        click.echo(f"\nThe {ranking} best single candidates (score = mean of the percentiles):")
        columns = [
            "name",
            "reach_within_2",
            "betweenness",
            "other_groups_within_2",
            "constraint",
            "convener_score",
        ]
        echo_table(ranked.head(ranking).reset_index()[["node", *columns]])


@click.command("what-if")
@path_argument
@click.option(
    "--remove",
    multiple=True,
    help="An actor who leaves: a name or an id (repeat for several). Without --remove, "
    "rank every actor by what their leaving would break.",
)
@click.option(
    "--k",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Without --remove: size of the set of actors to protect.",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows to show."
)
@click.option(
    "--distance/--no-distance",
    default=None,
    help="Also compute distance-weighted fragmentation; default: on up to "
    f"{DISTANCE_LIMIT:,} actors (it needs every distance, which takes long on larger ones).",
)
@graph_options
@output_options
def what_if(
    path: Path,
    remove: tuple[str, ...],
    k: int,
    top: int,
    distance: bool | None,
    selection: GraphSelection,
    output: Output,
) -> None:
    """What breaks if actors leave: fragmentation before and after, lost contacts.

    With --remove, compare the network with and without those actors. Without, rank every
    actor by the fragmentation their leaving causes and name the K actors to protect.
    """
    net = load_network(path)
    G = build_graph(net, selection)
    if not remove:
        _echo_ranking(G, k=k, top=top, selection=selection, output=output)
        return
    nodes = _actors(G, remove, selection.level, "--remove")
    if distance is None:
        distance = len(G) <= DISTANCE_LIMIT
    result = what_if_removed(G, nodes, distance_weighted=distance)
    measures = [
        ("actors", "actors"),
        ("components", "connected parts"),
        ("largest_share", "share in the largest part"),
        ("fragmentation", "fragmentation (pairs with no path)"),
    ]
    if distance:
        measures.append(("distance_fragmentation", "distance-weighted fragmentation"))
    comparison = pd.DataFrame(
        {
            "measure": [label for _, label in measures],
            "before": [float(result[f"{key}_before"]) for key, _ in measures],
            "after": [float(result[f"{key}_after"]) for key, _ in measures],
        }
    )
    if output.json or output.csv:
        emit(comparison, output)
        if output.json:
            return
    names = ", ".join(node_names(G, nodes))
    click.echo(f"If {names} left ({selection.describe()}):")
    echo_table(comparison)
    click.echo(f"\n{result['pairs_disconnected']} pair(s) of actors would lose every path.")
    lost = result["groups_disconnected"]
    if lost.empty:
        click.echo("No two sectors or municipalities would lose contact.")
    for row in lost.itertuples():
        how = "every tie and every path" if not row.connected_after else "every direct tie"
        click.echo(f"  {row.attribute} {row.group} and {row.other_group} would lose {how}")
    for row in result["groups_gone"].itertuples():
        click.echo(f"  {row.attribute} {row.group} would have no actor left")


def _echo_ranking(
    G: nx.Graph, *, k: int, top: int, selection: GraphSelection, output: Output
) -> None:
    table = fragmentation_table(G)
    if output.json or output.csv:
        emit(table.reset_index(), output)
        if output.json:
            return
    click.echo(
        f"Actors whose leaving would split the network ({selection.describe()}; "
        f"fragmentation now {table.attrs['fragmentation']:.3f}):"
    )
    splitting = table[table["cut_point"]]
    if splitting.empty:
        click.echo("  No single actor's leaving would split the network.")
    else:
        columns = ["name", "components_after", "fragmentation_after", "pairs_disconnected"]
        echo_table(splitting.reset_index()[["node", *columns]], max_rows=top)
    protect = actors_to_protect(G, k=k)
    if protect.empty:
        click.echo(f"\nNo {k} actors' leaving together would split the network further.")
        return
    click.echo(
        f"\nThe {k} actors to protect: losing all of them would raise fragmentation from "
        f"{protect.attrs['fragmentation_before']:.3f} to "
        f"{protect.attrs['fragmentation_after']:.3f} ({protect.attrs['search']} search):"
    )
    echo_table(protect.reset_index())


COMMANDS = [conveners, what_if]
