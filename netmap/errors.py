"""Exceptions netmap raises: one base class, and one error that lists every bad record."""

from __future__ import annotations

import pandas as pd

__all__ = ["PROBLEM_COLUMNS", "InvalidDataError", "NetmapError", "problem_record"]

#: Columns of :attr:`InvalidDataError.problems` and of every validation report.
PROBLEM_COLUMNS = ("severity", "file", "row", "column", "value", "problem", "hint")


def problem_record(
    file: str | None,
    row: int | None,
    column: str | None,
    value: str | None,
    problem: str,
    hint: str,
    *,
    severity: str = "error",
    table: str | None = None,
) -> dict:
    """One problem as a dict with the keys of :data:`PROBLEM_COLUMNS` and ``table`` (the
    record table it concerns, or None); the one builder every reader and checker uses.

    Examples
    --------
    >>> problem_record("people.csv", 3, "id", "", "empty id", "Fill in id.")["severity"]
    'error'
    """
    return {
        "severity": severity,
        "file": file,
        "row": row,
        "column": column,
        "value": value,
        "problem": problem,
        "hint": hint,
        "table": table,
    }


class NetmapError(Exception):
    """Base class of every error netmap raises on purpose."""


class InvalidDataError(NetmapError, ValueError):
    """The records cannot be used as they are; ``problems`` says what to fix, row by row.

    Parameters
    ----------
    problems : pandas.DataFrame
        One row per problem with the columns in :data:`PROBLEM_COLUMNS`:
        ``severity`` ("error" or "warning"), ``file`` (file or sheet as the user named it),
        ``row`` (the row number the user sees in Excel, header = row 1; empty for problems
        of a whole file or column), ``column``, ``value`` (as read), ``problem`` (what is
        wrong) and ``hint`` (what to do about it).

    Examples
    --------
    >>> problems = pd.DataFrame([{"severity": "error", "file": "people.csv", "row": 3,
    ...     "column": "organisation_id", "value": "O9", "problem": "no such organisation",
    ...     "hint": "add it"}])
    >>> err = InvalidDataError(problems)
    >>> print(err)
    1 error in the records:
      people.csv row 3, column organisation_id ('O9'): no such organisation. Fix: add it
    """

    def __init__(self, problems: pd.DataFrame, *, max_listed: int = 20) -> None:
        self.problems = problems.reindex(columns=list(PROBLEM_COLUMNS)).reset_index(drop=True)
        super().__init__(_describe(self.problems, max_listed=max_listed))


def _counted(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _describe(problems: pd.DataFrame, *, max_listed: int) -> str:
    n = len(problems)
    warnings = int((problems["severity"] == "warning").sum())
    counts = [_counted(n - warnings, "error")] if n - warnings or not warnings else []
    counts += [_counted(warnings, "warning")] if warnings else []
    lines = [f"{', '.join(counts)} in the records:"]
    for rec in problems.head(max_listed).itertuples(index=False):
        where = ("warning: " if rec.severity == "warning" else "") + str(rec.file)
        if pd.notna(rec.row) and rec.row != "":
            where += f" row {int(rec.row)}"
        if pd.notna(rec.column) and rec.column != "":
            where += f", column {rec.column}"
        if pd.notna(rec.value) and rec.value != "":
            where += f" ({rec.value!r})"
        hint = f" Fix: {rec.hint}" if pd.notna(rec.hint) and rec.hint != "" else ""
        lines.append(f"  {where}: {rec.problem}.{hint}")
    if n > max_listed:
        lines.append(f"  ... and {n - max_listed} more (see .problems)")
    return "\n".join(lines)
