"""Commands about the records themselves: ``validate``, ``summary`` and ``templates``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from netmap.cli._common import (
    EXIT_INVALID,
    GraphSelection,
    Output,
    echo_problems,
    echo_table,
    emit,
    filter_options,
    load_network,
    output_options,
    path_argument,
    to_json_records,
)
from netmap.errors import NetmapError
from netmap.io import validate_path, write_templates
from netmap.network import Network

__all__ = ["COMMANDS", "summary", "templates", "validate"]


#: Singular and plural of one record of each table, for messages.
_RECORD_WORDS = {
    "organisations": ("organisation", "organisations"),
    "people": ("person", "people"),
    "collaborations": ("collaboration", "collaborations"),
    "participation": ("participation row", "participation rows"),
    "ties": ("tie", "ties"),
}


def _counted(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _record_counts(counts: dict[str, int]) -> str:
    """``3 organisations, 1 person, ...`` for counts by table."""
    return ", ".join(_counted(n, *_RECORD_WORDS[name]) for name, n in counts.items())


@click.command()
@path_argument
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (for machines).")
def validate(path: Path, as_json: bool) -> None:
    """Check the records at PATH and list every problem with its file, row and column.

    Prints rows read, used and rejected per table, then the problems. Exit code 0 when the
    records load (warnings allowed), 1 when there are errors.
    """
    try:
        result = validate_path(path)
    except NetmapError as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    errors, warnings = len(result.errors), len(result.warnings)
    if as_json:
        document = {
            "source": str(path),
            "valid": result.ok,
            "errors": errors,
            "warnings": warnings,
            "tables": to_json_records(result.load_report),
            "problems": to_json_records(result.problems),
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(f"Records in {path}:")
        echo_table(result.load_report.fillna({"file": "(none)"}), max_rows=None)
        if len(result.problems):
            click.echo(f"\n{_counted(errors, 'error')}, {_counted(warnings, 'warning')}:")
            echo_problems(result.problems)
        click.echo("")
        if result.ok:
            counts = _record_counts(
                dict(zip(result.load_report["table"], result.load_report["rows_used"], strict=True))
            )
            click.echo(
                f"Valid: {counts}" + (f" ({_counted(warnings, 'warning')})." if warnings else ".")
            )
        else:
            click.echo(f"Not valid: fix the {_counted(errors, 'error')} above and run again.")
    if not result.ok:
        raise SystemExit(EXIT_INVALID)


@click.command()
@path_argument
@filter_options
@output_options
def summary(path: Path, selection: GraphSelection, output: Output) -> None:
    """Counts, components and density of the people and organisations graphs of PATH.

    Columns: level, nodes, edges, components (isolated actors count as one each),
    largest_component_share, density (edges / possible pairs) and isolates.
    """
    net = load_network(path)
    table = net.summary(**selection.filters())
    if not output.json:
        click.echo(_describe(net, path, selection))
    emit(table, output)


def _describe(net: Network, path: Path, selection: GraphSelection) -> str:
    counts = _record_counts({name: len(df) for name, df in net.tables.items()})
    lines = [f"{path}: {counts}"]
    span = net.date_range()
    if span is not None:
        lines.append(f"collaborations from {span[0].date()} to {span[1].date()}")
    if selection.filters():
        lines.append("selected: " + selection.describe().split(", ", 1)[-1])
    n_warnings = 0 if net.warnings is None else len(net.warnings)
    if n_warnings:
        lines.append(f"{_counted(n_warnings, 'warning')} (`netmap validate {path}` lists them)")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--xlsx", is_flag=True, help="Write one workbook instead of five CSV files.")
def templates(directory: Path, xlsx: bool) -> None:
    """Write empty record tables with the right header rows into DIRECTORY, to fill in.

    Never overwrites: files that already exist are left alone and reported.
    """
    try:
        written = write_templates(directory, format="xlsx" if xlsx else "csv")
    except NetmapError as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    names = ", ".join(sorted(p.name for p in written))
    click.echo(f"Wrote {names} to {directory}.")
    click.echo(
        f"Fill them in, then check them with: netmap validate {directory}"
        + (f"/{written[0].name}" if xlsx else "")
    )


COMMANDS = [validate, summary, templates]
