"""``netmap report``: the written summary to read at home, as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from netmap.cli._common import (
    EXIT_INVALID,
    GraphSelection,
    graph_options,
    lang_option,
    load_network,
    path_argument,
    writing,
)
from netmap.errors import NetmapError
from netmap.report import build_report

__all__ = ["COMMANDS", "report_command"]


@click.command("report")
@path_argument
@graph_options
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="The HTML file to write (self-contained; open it in a browser, print it to PDF).",
)
@lang_option
@click.option(
    "--pseudonymise",
    is_flag=True,
    help="Show people as pseudonyms (Person 07), numbered by activity; organisations stay named.",
)
@click.option(
    "--pseudonym-key",
    envvar="NETMAP_PSEUDONYM_KEY",
    show_envvar=True,
    default=None,
    help="Secret key of the pseudonyms' numbering (with --pseudonymise): unguessable, and "
    "the same person keeps their number in every report made with the same key.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Rows of the key-actor, fragile-point and introduction tables.",
)
@click.option(
    "--conveners",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="How many conveners to choose.",
)
@click.option(
    "--created",
    default=None,
    help="A date to print as the report's creation date (default: none, so the "
    "same records give the same file).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed of the communities and the map's layout.",
)
def report_command(
    path: Path,
    selection: GraphSelection,
    out: Path,
    lang: str,
    pseudonymise: bool,
    pseudonym_key: str | None,
    top: int,
    conveners: int,
    created: str | None,
    seed: int,
) -> None:
    """Write the report on PATH: the records and their quality, growth, key actors,
    conveners, fragile points, group gaps, introductions, the map and the method.

    One HTML file in English or Swedish that fetches nothing from any other host; print it
    from a browser for a PDF with clean page breaks.
    """
    ctx = click.get_current_context()
    given = ctx.get_parameter_source("pseudonym_key") == click.core.ParameterSource.COMMANDLINE
    if given and not pseudonymise:
        raise click.UsageError("--pseudonym-key numbers pseudonyms; add --pseudonymise.")
    net = load_network(path)
    try:
        page = build_report(
            net,
            lang=lang,
            level=selection.level,
            since=selection.since,
            until=selection.until,
            sectors=selection.sectors or None,
            municipalities=selection.municipalities or None,
            regions=selection.regions or None,
            kinds=selection.kinds or None,
            pseudonymise=pseudonymise,
            pseudonym_key=pseudonym_key,
            top=top,
            conveners=conveners,
            seed=seed,
            created=created,
        )
    except (ValueError, NetmapError) as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    with writing(out):
        out.write_text(page, encoding="utf-8")
    click.echo(f"wrote {out}")


COMMANDS = [report_command]
