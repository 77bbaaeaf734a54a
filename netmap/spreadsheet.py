"""Text for spreadsheets: cells Excel or LibreOffice would run as formulas, kept as text.

A CSV file has no types: Excel and LibreOffice read a cell starting with ``=``, ``+``, ``-``
or ``@`` (and, after a tab or carriage return, the same) as a formula, so a participant named
``=HYPERLINK("http://evil","x")`` becomes a live link, and worse (OWASP, "CSV Injection",
https://owasp.org/www-community/attacks/CSV_Injection). :func:`spreadsheet_safe` puts an
apostrophe before such text, which spreadsheets read as "this cell is text".

Use it for files meant to be opened in a spreadsheet (the CSV export, the dashboard's table
downloads). Record files netmap itself reads back (:func:`netmap.io.write_tables`) are written
as they are, so a round trip keeps every value; netmap's checks warn about names and titles
that start like a formula when records are loaded.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["FORMULA_START", "spreadsheet_cell", "spreadsheet_safe", "spreadsheet_text"]

#: First characters that make a spreadsheet read a cell as a formula (or run into one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """``value`` with an apostrophe in front when it is text a spreadsheet would run.

    Text that is a plain number (``"-5"``, ``"+46"``) is left as it is: a spreadsheet reads
    it as that number, which runs nothing. Numbers and anything else that is not text are
    returned unchanged.

    Examples
    --------
    >>> spreadsheet_cell('=HYPERLINK("http://evil","x")')
    '\\'=HYPERLINK("http://evil","x")'
    >>> spreadsheet_cell("Anna Berg"), spreadsheet_cell("-5"), spreadsheet_cell(-5.0)
    ('Anna Berg', '-5', -5.0)
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return f"'{value}"
    return value


def spreadsheet_text(text: str) -> str:
    """The inverse of :func:`spreadsheet_cell` for text read back from a spreadsheet file.

    The apostrophe :func:`spreadsheet_cell` put before text starting like a formula is
    removed, so a table netmap wrote for Excel loads again with the values it had.

    Examples
    --------
    >>> spreadsheet_text("'=1+1"), spreadsheet_text("'-5"), spreadsheet_text("'Anna")
    ('=1+1', "'-5", "'Anna")
    >>> value = '=HYPERLINK("x")'
    >>> spreadsheet_text(spreadsheet_cell(value)) == value
    True
    """
    if text[:1] == "'" and spreadsheet_cell(text[1:]) == text:
        return text[1:]
    return text


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells (and index and column labels) cannot run as formulas.

    Every text value starting with one of :data:`FORMULA_START` gets a leading apostrophe
    (see :func:`spreadsheet_cell`); numeric, date and true/false columns are untouched, as
    is ``table``.

    Parameters
    ----------
    table : pandas.DataFrame
        The table to write as CSV for a spreadsheet.

    Returns
    -------
    pandas.DataFrame
        Same shape, columns and dtypes (text columns may become object).

    Examples
    --------
    The name starting with ``=`` gets an apostrophe; the negative number does not.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"name": ["=1+1", "Anna"], "change": [-2.5, 1.0]})
    >>> spreadsheet_safe(table).to_csv(index=False).splitlines()
    ['name,change', "'=1+1,-2.5", 'Anna,1.0']
    """
    safe = table.copy()
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        if not (
            pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)
        ):
            safe.isetitem(position, column.map(spreadsheet_cell))
    safe.index = safe.index.map(spreadsheet_cell)
    safe.columns = safe.columns.map(spreadsheet_cell)
    return safe
