"""The ``import-attendance`` command: attendance lists -> record tables and a review table."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from netmap.attendance import IMPORT_FOLDER, check_import_folder, import_attendance
from netmap.cli._common import DATE, EXIT_INVALID, echo_problems, echo_table, writing
from netmap.errors import InvalidDataError, NetmapError

__all__ = ["COMMANDS", "import_attendance_command"]


@click.command("import-attendance")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the record tables (netmap reads it); the review, provenance, rejected "
    f"rows and merges go to its subfolder {IMPORT_FOLDER}/.",
)
@click.option("--event", help="Title of the meeting, for lists whose sheet names none.")
@click.option(
    "--date",
    type=DATE,
    help="Date of the meeting, for lists with no date column and no date in the file or "
    "sheet name (2022-06-08, 8/6/2022 or '8 juni 2022').",
)
@click.option(
    "--review",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The review.csv of an earlier run with decisions (merge / keep apart) filled in.",
)
@click.option(
    "--sectors",
    "sector_mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV with the columns organisation and sector, overriding the inferred sectors.",
)
def import_attendance_command(
    files: tuple[Path, ...],
    out_dir: Path,
    event: str | None,
    date: pd.Timestamp | None,
    review: Path | None,
    sector_mapping: Path | None,
) -> None:
    """Turn attendance lists (CSV or .xlsx, one row per attendee) into netmap records.

    Columns are found by English or Swedish header (name/namn,
    organisation/förening/arbetsplats, email/e-post/mejl, municipality/kommun,
    event/möte/träff, date/datum, role/roll). The same person or organisation written in
    different ways becomes one record; pairs netmap is unsure of are listed in
    OUT/import/review.csv: write merge or keep apart in its decision column and run again
    with --review. Files are read in the order given.

    \b
    Example:
      netmap import-attendance lists/*.csv lists/*.xlsx --out records
      netmap import-attendance lists/*.csv --out records --review records/import/review.csv
    """
    try:
        check_import_folder(out_dir)
        result = import_attendance(
            list(files),
            event=event,
            date=date,
            review=review,
            sector_mapping=sector_mapping,
        )
    except InvalidDataError as err:
        click.echo("The attendance lists cannot be imported:", err=True)
        echo_problems(err.problems, err=True)
        raise SystemExit(EXIT_INVALID) from None
    except (NetmapError, FileNotFoundError) as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    with writing(out_dir):
        result.write(out_dir)
    click.echo("Rows read per list:")
    echo_table(result.report.fillna({"sheet": ""}), max_rows=None)
    counts = ", ".join(f"{len(df)} {name}" for name, df in result.tables.items() if name != "ties")
    click.echo(f"\nWrote {counts} to {out_dir}.")
    undecided = int((result.review["decision"] == "").sum())
    merges = len(result.merges)
    click.echo(
        f"{merges} merges (see {out_dir / IMPORT_FOLDER / 'merges.csv'}); "
        f"{len(result.rejected)} rows not used (see {out_dir / IMPORT_FOLDER / 'rejected.csv'})."
    )
    if undecided:
        click.echo(
            f"{undecided} uncertain pairs to review: write merge or keep apart in the decision "
            f"column of {out_dir / IMPORT_FOLDER / 'review.csv'}, then run again with --review."
        )
    if len(result.warnings):
        click.echo("\nWarnings:")
        echo_problems(result.warnings)


COMMANDS = [import_attendance_command]
