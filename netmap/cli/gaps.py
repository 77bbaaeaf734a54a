"""Commands about missing links: ``gaps``, ``suggest`` and ``backtest``."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from netmap.backtest import backtest_suggestions
from netmap.cli._common import (
    DATE,
    EXIT_INVALID,
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
from netmap.errors import NetmapError
from netmap.gaps import community_bridges, gap_findings, group_gaps, small_components
from netmap.suggest import DEFAULT_METHOD, METHODS, suggest_links

__all__ = ["COMMANDS", "backtest", "gaps", "suggest"]


def _by(values: tuple[str, ...]) -> str | tuple[str, ...]:
    return values[0] if len(values) == 1 else values


@click.command()
@path_argument
@click.option(
    "--by",
    multiple=True,
    default=("sector",),
    show_default=True,
    help="Group by this node attribute (sector, municipality, region, any extra column) or "
    "'community'; repeat to combine, e.g. --by sector --by municipality.",
)
@click.option(
    "--max-ratio",
    type=click.FloatRange(min=0),
    default=0.25,
    show_default=True,
    help="A pair of groups is a gap at or below this share of the ties expected by chance.",
)
@click.option(
    "--min-expected",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Ignore pairs of groups expected to have fewer ties than this.",
)
@graph_options
@output_options
def gaps(
    path: Path,
    by: tuple[str, ...],
    max_ratio: float,
    min_expected: float,
    selection: GraphSelection,
    output: Output,
) -> None:
    """Show which groups do not meet, loose parts, and communities joined by one or two actors.

    Ties between each pair of groups are compared with the number expected if ties ignored
    the groups (configuration model). --csv and --json give the full table of group pairs.
    """
    net = load_network(path)
    G = build_graph(net, selection)
    by_value = _by(by)
    table = group_gaps(G, by_value)
    if output.json or output.csv:
        emit(table, output)
        if output.json:
            return
    label = " and ".join(by)
    findings = gap_findings(G, by_value, max_ratio=max_ratio, min_expected=min_expected, gaps=table)
    click.echo(f"Gaps between groups by {label} ({selection.describe()}):")
    _echo_lines(findings["finding"], none="No pair of groups falls far below expectation.")
    click.echo(f"\nTies between and within groups (E–I index {table.attrs['ei_index']:.2f}):")
    columns = ["group_a", "group_b", "observed", "expected", "ratio", "density"]
    echo_table(table[columns], max_rows=30)
    parts = small_components(G)
    click.echo("\nCut off from the largest component:")
    isolates = int((parts["kind"] == "isolate").sum())
    click.echo(f"  {isolates} isolated actor(s), {len(parts) - isolates} small component(s)")
    for row in parts[parts["kind"] != "isolate"].head(10).itertuples():
        click.echo(f"  - {row.size} actors: {row.names}")
    click.echo("\nCommunities that touch only through one or two actors:")
    _echo_lines(community_bridges(G)["finding"], none="None.")


def _echo_lines(lines: pd.Series, *, none: str, limit: int = 20) -> None:
    if lines.empty:
        click.echo(f"  {none}")
    for line in lines.head(limit):
        click.echo(f"  - {line}")
    if len(lines) > limit:
        click.echo(f"  ... and {len(lines) - limit} more")


@click.command()
@path_argument
@click.option(
    "--for",
    "for_actor",
    default=None,
    help="Only introductions for this actor: a name or an id (e.g. 'Luleå kommun').",
)
@click.option(
    "--across",
    default=None,
    help="Only pairs from different groups of this attribute (sector, municipality, ...) "
    "or 'community'.",
)
@click.option("--k", type=click.IntRange(min=1), default=20, show_default=True, help="How many.")
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default=DEFAULT_METHOD,
    show_default=True,
    help="Link-prediction score (see the README section on missing links).",
)
@click.option(
    "--max-path-length",
    type=click.IntRange(2, 3),
    default=2,
    show_default=True,
    help="3 also suggests pairs linked through a chain of two contacts (local_path only).",
)
@graph_options
@output_options
def suggest(
    path: Path,
    for_actor: str | None,
    across: str | None,
    k: int,
    method: str,
    max_path_length: int,
    selection: GraphSelection,
    output: Output,
) -> None:
    """Suggest introductions: who should meet whom, who can introduce them, and why."""
    net = load_network(path)
    G = build_graph(net, selection)
    actor = (
        None if for_actor is None else resolve_actor(G, for_actor, selection.level, option="--for")
    )
    try:
        table = suggest_links(
            G,
            k=k,
            for_actor=actor,
            across=across,
            method=method,
            max_path_length=max_path_length,
        )
    except (ValueError, NetmapError) as err:
        raise click.UsageError(str(err)) from None
    if output.json or output.csv:
        emit(table, output)
        if output.json:
            return
    if table.empty:
        click.echo("No introduction to suggest: no pair shares a contact.")
        return
    for rank, row in enumerate(table.itertuples(), start=1):
        click.echo(f"{rank}. {row.source_name} – {row.target_name} (score {row.score:.3g})")
        click.echo(f"   {row.reason}")


@click.command()
@path_argument
@click.option("--split", type=DATE, required=True, help="First day of the test period.")
@click.option(
    "--k",
    type=click.IntRange(min=1),
    default=None,
    help="Suggestions per method [default: as many as new pairs formed].",
)
@click.option(
    "--method",
    "methods",
    type=click.Choice(["all", *METHODS]),
    multiple=True,
    default=(DEFAULT_METHOD,),
    show_default=True,
    help="Score(s) to test; repeat, or 'all'.",
)
@click.option(
    "--level",
    type=click.Choice(["people", "organisations"]),
    default="people",
    show_default=True,
    help="Graph of people, or of organisations.",
)
@output_options
def backtest(
    path: Path,
    split: pd.Timestamp,
    k: int | None,
    methods: tuple[str, ...],
    level: str,
    output: Output,
) -> None:
    """Check suggestions against history: suggest from the records before --split and count
    the pairs that did collaborate after it (precision, recall, ratio to random choice)."""
    net = load_network(path)
    chosen = "all" if "all" in methods else list(methods)
    try:
        table = backtest_suggestions(net, split, k=k, methods=chosen, level=level)
    except NetmapError as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    if not output.json:
        first = table.iloc[0]
        click.echo(
            f"Trained on records up to {table.attrs['train_until']}, tested from "
            f"{table.attrs['split']}: {first['actors']} actors active in both periods, "
            f"{first['new_pairs']} new pairs among {first['candidate_pairs']} candidates "
            f"(random precision {first['random_precision']:.2%})."
        )
    emit(table, output)


COMMANDS = [gaps, suggest, backtest]
