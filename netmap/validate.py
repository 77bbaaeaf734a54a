"""Raw record tables (text as typed) -> typed tables, or one error listing every problem.

The reader (:mod:`netmap.io`) turns files into :class:`RawTable` objects: the header and
every cell as the text the user typed, with the row number Excel shows. This module checks
them against the record model of :mod:`netmap.schema` and returns a :class:`Validation`: the
typed tables, every problem found (errors and warnings, with file, row, column, value, what
is wrong and what to do) and a load report. Every rule runs on every row; nothing stops at
the first problem.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from netmap.errors import PROBLEM_COLUMNS, InvalidDataError, problem_record
from netmap.network import Network
from netmap.schema import CHOICE_SYNONYMS, TABLE_ORDER, TABLES, Column, Table
from netmap.spreadsheet import FORMULA_START, spreadsheet_cell

__all__ = [
    "DERIVED_COLUMNS",
    "LOAD_REPORT_COLUMNS",
    "RawTable",
    "Validation",
    "cell_text",
    "closest_match",
    "empty_table",
    "is_missing",
    "normalise_name",
    "parse_date",
    "parse_number",
    "required_columns",
    "validate_raw",
    "validate_tables",
]

#: Columns of a load report: one row per table.
LOAD_REPORT_COLUMNS = ("table", "file", "rows_read", "rows_used", "rows_rejected")

#: Columns netmap derives itself; if a ``ties`` input has them they are recomputed.
DERIVED_COLUMNS = {"ties": ("source_type", "target_type")}
#: Column names netmap uses for node attributes of its own; a record column may not take them.
_RESERVED = ("type", "record_id", "bipartite")
#: The word for one record of each table, in messages.
_RECORD = {
    "organisations": "organisation",
    "people": "person",
    "collaborations": "collaboration",
    "participation": "participation row",
    "ties": "tie",
}
#: How many distinct unknown values get a "did you mean" (fuzzy search costs time).
_MAX_SUGGESTIONS = 200

# ---------------------------------------------------------------- cells and dates

#: Years a record date may have; anything else is almost surely a typo (2202, 0022).
_YEARS = range(1800, 2200)

_TIME = r"(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?"
_ISO = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}){_TIME}")
_WORDS = re.compile(r"(?:den\s+)?(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")

#: A weekday before a date ("onsdag 8 juni 2022", "Wed, 8 June 2022"), Swedish and English.
_WEEKDAY = re.compile(
    r"(?:(?:mån|tis|ons|tors|fre|lör|sön)(?:dag)?|tor|mon(?:day)?|tue(?:sday)?"
    r"|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?\s+",
    re.IGNORECASE,
)
#: Month first, as in the USA (12/31/2022): the second number cannot be a month.
_MONTH_FIRST = re.compile(r"(\d{1,2})([/.-])(1[3-9]|2\d|3[01])\2(\d{4})")

#: Month names and abbreviations, Swedish and English.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augusti", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def parse_date(text: str) -> pd.Timestamp | None:
    """Read a date as people write it in Sweden; None when it is not a date.

    Accepted: ISO dates (``2022-06-08``, also ``2022-06-08 00:00:00`` as Excel and pandas
    write date cells), day first with ``/``, ``.`` or ``-`` (``8/6/2022``, ``8.6.2022``),
    ``20220608``, and day, month name, year in Swedish or English (``8 juni 2022``,
    ``den 8 jun. 2022``, ``8 June 2022``), each also after a weekday (``onsdag 8 juni
    2022``). A time of day, with or without a time zone (``2022-06-08T10:00:00Z``,
    ``...+02:00``), is dropped: netmap counts days, on the date as written.
    Years outside 1800–2199 are refused as typos.

    Examples
    --------
    8/6/2022 is the 8th of June (day first, as in Sweden):

    >>> parse_date("8/6/2022")
    Timestamp('2022-06-08 00:00:00')
    >>> parse_date("8 juni 2022") == parse_date("2022-06-08 00:00:00")
    True
    >>> parse_date("31/2/2022") is None  # there is no 31 February
    True
    >>> parse_date("onsdag 8 juni 2022") == parse_date("2022-06-08T10:00:00+02:00")
    True
    """
    return _parse_date_parts(text)[1]


def _parse_date_parts(text: str) -> tuple[bool, pd.Timestamp | None]:
    """Whether ``text`` has the form of a date, and the date (None when there is no such
    day, or the year is out of range)."""
    text = _WEEKDAY.sub("", text.strip(), count=1) if text[:1].isalpha() else text.strip()
    found = None
    if m := _ISO.fullmatch(text):
        found = (m[1], m[3], m[4])
    elif m := _COMPACT.fullmatch(text):
        found = (m[1], m[2], m[3])
    elif m := _DAY_FIRST.fullmatch(text):
        found = (m[4], m[3], m[1])
    elif (m := _WORDS.fullmatch(text.lower())) and m[2] in _MONTHS:
        found = (m[3], _MONTHS[m[2]], m[1])
    if found is None:
        return False, None
    year, month, day = (int(v) for v in found)
    if year not in _YEARS:
        return True, None
    try:
        return True, pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return True, None


def _date_hint(text: str) -> str:
    """What to do about a value :func:`parse_date` refused."""
    usual = "Write dates as 2022-06-08 (8/6/2022 and 8 juni 2022 work too)."
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return "This looks like an Excel date serial number: format the cells as dates. " + usual
    text = text.strip()
    if m := _MONTH_FIRST.fullmatch(text):
        day_first = f"{m[3]}{m[2]}{m[1]}{m[2]}{m[4]}"
        return (
            f"Dates are day first (8/6/2022 is 8 June); for month {m[1]}, day {m[3]} write "
            f"{day_first}. " + usual
        )
    looks_like_date, _ = _parse_date_parts(text)
    if looks_like_date:
        year = re.search(r"\d{4}", text)[0]
        if int(year) not in _YEARS:
            return f"The year {year} looks like a typo. " + usual
        return "There is no such day in the calendar; check day and month. " + usual
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", text):
        return "Write the year with four digits. " + usual
    if (
        re.fullmatch(r"[^\W\d_]+\.?\s+\d{4}", text)
        and text.split()[0].lower().strip(".") in _MONTHS
    ):
        return "A date needs a day as well as month and year. " + usual
    return usual


_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_number(text: str) -> float | None:
    """Read a number written with a decimal point or a Swedish decimal comma; None if not.

    Examples
    --------
    >>> parse_number("65,58"), parse_number("-17.3"), parse_number("1 000,5")
    (65.58, -17.3, 1000.5)
    >>> parse_number("many") is None
    True
    """
    text = _NUMBER_SPACES.sub("", text).replace("\u2212", "-")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def cell_text(value: object) -> str:
    """The text of one cell as a user sees it: dates as ISO dates, whole numbers without ``.0``.

    Used for Excel cells and for DataFrames built in code, so that both are checked by the
    same rules as text read from a CSV file. Missing values (None, NaN, NaT) become ``""``.

    Examples
    --------
    >>> import datetime
    >>> cell_text(datetime.datetime(2022, 6, 8)), cell_text(3.0), cell_text(0.5), cell_text(None)
    ('2022-06-08', '3', '0.5', '')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if pd.isna(value):
            return ""
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas' NA; False for any text, number, date or container.

    >>> [is_missing(v) for v in (None, float("nan"), pd.NaT, "", 0, ["a"])]
    [True, True, True, False, False, False]
    """
    return value is None or (
        not isinstance(value, (str, list, tuple, dict, set)) and bool(pd.isna(value))
    )


def _clean_text(text: str) -> str:
    """Trim surrounding whitespace and compose Unicode (å typed as a + ring becomes å)."""
    text = text.strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def normalise_name(text: str) -> str:
    """The canonical form of a header cell or table name: trimmed, lower case, runs of
    spaces and dashes as ``_``.

    Examples
    --------
    >>> normalise_name(" Start date "), normalise_name("Organisation-ID")
    ('start_date', 'organisation_id')
    """
    return re.sub(r"[\s\-]+", "_", _clean_text(text).lower())


def _column_letter(position: int) -> str:
    """Excel's letter for a 0-based column position (0 -> A, 26 -> AA)."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def closest_match(value: str, options: Iterable[str], *, cutoff: float = 75) -> str | None:
    """The option most like ``value`` (a case-insensitive match first), or None.

    ``cutoff`` is the least similarity (0–100, :func:`rapidfuzz.fuzz.ratio`) to accept.

    Examples
    --------
    >>> closest_match("publik", ["public", "business"]), closest_match("p1", ["P1"])
    ('public', 'P1')
    """
    options = list(options)
    folded = {o.casefold(): o for o in options}
    if value.casefold() in folded:
        return folded[value.casefold()]
    found = process.extractOne(value, options, scorer=fuzz.ratio, score_cutoff=cutoff)
    return None if found is None else found[0]


# ---------------------------------------------------------------- raw tables


@dataclass(frozen=True)
class RawTable:
    """One table as read, before any check: every cell is the text the user typed.

    Parameters
    ----------
    name : str
        The record table (``people``, ...).
    file : str
        Where it came from, as problems name it: ``people.csv``, ``records.xlsx, sheet
        People``, or the table name for DataFrames built in code.
    header : tuple of str
        The header cells as typed (before case folding).
    cells : DataFrame
        One row per record row below the header, one column per position (0, 1, ...), every
        value a str (``""`` when empty); it may be wider than ``header`` when cells stand
        under no header. Trailing blank rows are not included.
    rows : numpy array of int
        The row number Excel shows for each row of ``cells`` (the header is ``header_row``).
    header_row : int
        The row number of the header.
    lines : numpy array of int, optional
        For CSV files: the first and last physical line of each row of ``cells`` (shape
        ``(n, 2)``); a row whose quoted cell holds line breaks spans several lines.
    """

    name: str
    file: str
    header: tuple[str, ...]
    cells: pd.DataFrame
    rows: np.ndarray
    header_row: int = 1
    lines: np.ndarray | None = None

    @classmethod
    def from_records(
        cls,
        name: str,
        file: str,
        records: list[list[str]],
        *,
        first_row: int = 1,
        lines: list[tuple[int, int]] | None = None,
    ) -> RawTable:
        """A raw table from lines of cells (header first); leading and trailing blank lines
        are dropped, and ``first_row`` is the row number of ``records[0]``. ``lines`` are
        the physical lines each record spans in a CSV file."""

        def blank(record):
            return not any(cell.strip() for cell in record)

        start = next((i for i, r in enumerate(records) if not blank(r)), len(records))
        end = len(records)
        while end > start and blank(records[end - 1]):
            end -= 1
        header = records[start] if start < end else []
        body = records[start + 1 : end]
        width = max([len(header), *(len(r) for r in body)])
        cells = pd.DataFrame(
            [r if len(r) == width else [*r, *([""] * (width - len(r)))] for r in body],
            columns=range(width),
            dtype=object,
        )
        rows = np.arange(len(body)) + first_row + start + 1
        spans = None if lines is None else np.array(lines[start + 1 : end], int).reshape(-1, 2)
        return cls(name, file, tuple(header), cells, rows, first_row + start, spans)


def _raw_from_frame(name: str, df: pd.DataFrame, file: str) -> RawTable:
    """A DataFrame built in code as a raw table: rows numbered as if written to a sheet."""
    header = tuple(cell_text(c) for c in df.columns)
    cells = pd.DataFrame(
        {i: _column_text(df.iloc[:, i]) for i in range(df.shape[1])},
        index=range(len(df)),
        dtype=object,
    )
    return RawTable(name, file, header, cells, np.arange(len(df)) + 2)


def _column_text(column: pd.Series) -> np.ndarray:
    """The cells of a column as text (:func:`cell_text`); text columns without a per-cell call."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("").to_numpy(dtype=object)
    return np.array([cell_text(v) for v in column.to_numpy(dtype=object)], dtype=object)


def empty_table(name: str) -> pd.DataFrame:
    """The typed table ``name`` with no rows (every column of the record model, typed).

    Examples
    --------
    >>> empty_table("ties").columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['source_id', 'target_id', 'kind', 'start_date', 'end_date', 'weight',
     'source_type', 'target_type']
    """
    table = TABLES[name]
    columns = {c.name: _typed_column(c, []) for c in table.columns}
    for derived in DERIVED_COLUMNS.get(name, ()):
        columns[derived] = pd.Series([], dtype="str")
    return pd.DataFrame(columns)


def _typed_column(column: Column, values) -> pd.Series:
    if column.kind == "date":
        return pd.Series(values, dtype="datetime64[us]")
    if column.kind == "number":
        return pd.Series(values, dtype="float64")
    return pd.Series(values, dtype="str")


# ---------------------------------------------------------------- results


@dataclass
class Validation:
    """The outcome of checking record tables.

    Attributes
    ----------
    tables : dict of str to DataFrame, or None
        The typed tables when there are no errors, else None.
    problems : DataFrame
        Every error and warning, columns :data:`netmap.errors.PROBLEM_COLUMNS`: errors
        first, then warnings, each in table order, then by row.
    load_report : DataFrame
        Columns :data:`LOAD_REPORT_COLUMNS`: per table, ``rows_read`` (every row below the
        header up to the last non-blank row), ``rows_used`` (records in the typed table) and
        ``rows_rejected`` (blank rows and rows with an error); read = used + rejected.
    source : str or None
        Where the records came from.
    """

    tables: dict[str, pd.DataFrame] | None
    problems: pd.DataFrame
    load_report: pd.DataFrame
    source: str | None = None

    @property
    def errors(self) -> pd.DataFrame:
        """The problems of severity ``error``."""
        return self.problems[self.problems["severity"] == "error"].reset_index(drop=True)

    @property
    def warnings(self) -> pd.DataFrame:
        """The problems of severity ``warning``."""
        return self.problems[self.problems["severity"] == "warning"].reset_index(drop=True)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return self.tables is not None

    def network(self) -> Network:
        """The :class:`~netmap.network.Network`, or raise one InvalidDataError with every problem.

        Raises
        ------
        InvalidDataError
            When there is at least one error; ``.problems`` lists errors and warnings.
        """
        if self.tables is None:
            raise InvalidDataError(self.problems)
        return Network(
            self.tables,
            load_report=self.load_report,
            warnings=self.warnings,
            source=self.source,
        )


class _Problems:
    """Collects problems; remembers which rows of which table have errors."""

    def __init__(self) -> None:
        self.records: list[dict] = []
        self.error_rows: dict[str, set[int]] = {}

    def add(
        self,
        severity: str,
        table: str | None,
        file: str,
        row: int | None,
        column: str | None,
        value: str | None,
        problem: str,
        hint: str,
    ) -> None:
        self.records.append(
            problem_record(file, row, column, value, problem, hint, severity=severity, table=table)
        )
        if severity == "error" and table is not None and row is not None:
            self.error_rows.setdefault(table, set()).add(int(row))

    def frame(self) -> pd.DataFrame:
        df = pd.DataFrame(self.records, columns=[*PROBLEM_COLUMNS, "table"])
        order = {name: i for i, name in enumerate(TABLE_ORDER)}
        df["_order"] = df["table"].map(order).fillna(-1)
        df["_row"] = df["row"].fillna(-1)
        df["_warning"] = df["severity"] == "warning"
        df = df.sort_values(["_warning", "_order", "_row"], kind="stable")
        df = df[list(PROBLEM_COLUMNS)].reset_index(drop=True)
        df["row"] = df["row"].astype("Int64")
        for name in ("severity", "file", "column", "value", "problem", "hint"):
            df[name] = df[name].astype("str")
        return df


@dataclass
class _Checked:
    """One table during checking: cleaned text by canonical column name, and typed values."""

    table: Table
    file: str
    rows: np.ndarray  # Excel row of each record (blank rows removed)
    text: pd.DataFrame  # cleaned text, None when empty; canonical column names
    blank_rows: int
    typed: dict[str, pd.Series] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.table.name

    def has(self, column: str) -> bool:
        return column in self.text.columns


# ---------------------------------------------------------------- entry points


def validate_tables(
    tables: Mapping[str, pd.DataFrame], *, source: str | None = "tables built in code"
) -> Network:
    """Check record tables built in code (a notebook, an importer) and return the Network.

    The same rules as :func:`netmap.load` apply: every cell is read as the text it would
    show in a sheet (:func:`cell_text`), so ``1.0`` and ``"1"`` are the same id and a
    ``datetime`` is a date. Problems name the table as ``file`` and number rows as if the
    table were written to a sheet (header row 1, first record row 2).

    Parameters
    ----------
    tables : mapping of str to DataFrame
        ``organisations``, ``people``, ``collaborations``, ``participation`` and optionally
        ``ties``; column names are matched case-insensitively.
    source : str, optional
        A description kept as :attr:`Network.source`.

    Returns
    -------
    Network

    Raises
    ------
    InvalidDataError
        With every problem, when at least one is an error.

    Examples
    --------
    >>> import pandas as pd
    >>> tables = {
    ...     "organisations": pd.DataFrame({"id": ["O1"], "name": ["Luleå kommun"],
    ...         "sector": ["Public"], "kind": ["kommun"], "municipality": ["Luleå"],
    ...         "region": ["Norrbotten"]}),
    ...     "people": pd.DataFrame({"id": ["P1", "P2"], "name": ["Anna", "Erik"],
    ...         "organisation_id": ["O1", "O1"], "role": ["samordnare", None]}),
    ...     "collaborations": pd.DataFrame({"id": ["C1"], "title": ["Nätverksträff"],
    ...         "kind": ["meeting"], "start_date": ["8 juni 2022"], "municipality": ["Luleå"],
    ...         "theme": [None]}),
    ...     "participation": pd.DataFrame({"collaboration_id": ["C1", "C1"],
    ...         "person_id": ["P1", "P2"], "role": ["organiser", None]}),
    ... }
    >>> net = validate_tables(tables)
    >>> net.tables["participation"]["role"].tolist()  # an empty role means participant
    ['organiser', 'participant']
    >>> net.tables["collaborations"]["start_date"].dt.date.tolist()
    [datetime.date(2022, 6, 8)]

    A participation row that names a person nobody listed is an error; Erik (P2) then takes
    part in nothing, which is listed too, as a warning:

    >>> tables["participation"].loc[1, "person_id"] = "P9"
    >>> validate_tables(tables)
    Traceback (most recent call last):
    ...
    netmap.errors.InvalidDataError: 1 error, 1 warning in the records:
      participation row 3, column person_id ('P9'): no person has the id 'P9'. Fix: ...
      warning: people row 3, column id ('P2'): person 'P2' takes part in no collaboration ...
    """
    problems = _Problems()
    raw = _raw_from_frames(tables, problems)
    given = {normalise_name(str(key)) for key in tables}
    for name in TABLE_ORDER:
        if name not in given and TABLES[name].required:
            problems.add(
                "error",
                name,
                name,
                None,
                None,
                None,
                f"the table {name} is missing",
                f"Pass a DataFrame under the key '{name}' with the columns "
                f"{', '.join(required_columns(TABLES[name]))}.",
            )
    return _validate(raw, problems, source=source).network()


def _raw_from_frames(tables: Mapping[str, pd.DataFrame], problems: _Problems) -> dict:
    """The raw tables of DataFrames by key; keys naming one table twice are an error, keys
    naming no table a warning (with the table meant, if one is alike)."""
    keys: dict[str, list[str]] = {}
    for key in tables:
        keys.setdefault(normalise_name(str(key)), []).append(key)
    raw = {}
    names = ", ".join(TABLE_ORDER)
    for name, given in keys.items():
        listed = ", ".join(repr(str(k)) for k in given)
        if name not in TABLES:
            alike = closest_match(name, TABLES, cutoff=70)
            guess = f"Did you mean '{alike}'? " if alike else ""
            problems.add(
                "warning",
                None,
                str(given[0]),
                None,
                None,
                None,
                f"the key {listed} is not a netmap table, so it was not read",
                f"{guess}The tables are {names}.",
            )
        elif len(given) > 1:
            problems.add(
                "error",
                name,
                name,
                None,
                None,
                None,
                f"{len(given)} keys name the table {name}: {listed}",
                "Pass one DataFrame per table (keys are matched ignoring case).",
            )
        else:
            raw[name] = _raw_from_frame(name, tables[given[0]], str(given[0]))
    return raw


def validate_raw(
    raw: Mapping[str, RawTable],
    *,
    problems: Iterable[Mapping] = (),
    source: str | None = None,
) -> Validation:
    """Check raw tables (as :mod:`netmap.io` reads them) and return a :class:`Validation`.

    ``problems`` are problems the reader already found (missing or unreadable files), with
    the keys of :data:`netmap.errors.PROBLEM_COLUMNS` and ``table``.
    """
    collected = _Problems()
    for p in problems:
        collected.add(
            p["severity"],
            p.get("table"),
            p["file"],
            p.get("row"),
            p.get("column"),
            p.get("value"),
            p["problem"],
            p["hint"],
        )
    return _validate(raw, collected, source=source)


def _validate(raw: Mapping[str, RawTable], problems: _Problems, *, source) -> Validation:
    checked: dict[str, _Checked] = {}
    for name in TABLE_ORDER:
        if name in raw:
            table = _check_table(raw[name], TABLES[name], problems)
            if table is not None:
                checked[name] = table
    _check_references(checked, problems)
    _check_participation(checked, problems)
    _check_ties(checked, problems)
    _warn_loose_ends(checked, problems)
    report = _load_report(raw, checked, problems)
    frame = problems.frame()
    if (frame["severity"] == "error").any():
        return Validation(None, frame, report, source)
    return Validation(_typed_tables(checked), frame, report, source)


# ---------------------------------------------------------------- one table


def required_columns(table: Table) -> list[str]:
    """The names of the columns ``table`` must have (cells may still be empty)."""
    return [c.name for c in table.columns if c.required]


def _check_table(raw: RawTable, table: Table, problems: _Problems) -> _Checked | None:
    """Check the header and every cell of one table; None when it is not a table at all."""
    header = [normalise_name(h) for h in raw.header]
    known = set(table.column_names) | set(DERIVED_COLUMNS.get(table.name, ()))
    if not known & set(header):
        first = ", ".join(h for h in raw.header if h.strip())[:80]
        problems.add(
            "error",
            table.name,
            raw.file,
            None,
            None,
            first or None,
            f"this is not a {table.name} table: its first row names none of its columns",
            f"The first row must name the columns: {_describe_columns(table)}. "
            "`netmap templates DIR` writes empty files with the right header.",
        )
        return None
    cells, rows, lines, blank = _drop_blank_rows(raw, problems)
    columns = _header_columns(raw, header, cells, rows, problems)
    extras = [c for c in columns if c not in table.column_names]
    _check_required_columns(raw, table, columns, extras, problems)
    text = pd.DataFrame(
        {c: cells[p].where(cells[p] != "", None) for c, p in columns.items()},
        index=range(len(cells)),
    )
    checked = _Checked(table, raw.file, rows, text, blank_rows=blank, extras=extras)
    _check_characters(checked, lines, problems)
    for column in table.columns:
        if checked.has(column.name):
            checked.typed[column.name] = _check_column(checked, column, problems)
    _check_keys(checked, problems)
    _check_date_order(checked, problems)
    return checked


def _drop_blank_rows(
    raw: RawTable, problems: _Problems
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray | None, int]:
    """Cleaned cells without blank rows (each reported as a warning), their rows, their
    physical lines (CSV files) and the number of blank rows."""
    cells = raw.cells.map(_clean_text) if len(raw.cells) else raw.cells
    nonblank = (cells != "").any(axis=1).to_numpy() if cells.shape[1] else np.zeros(0, bool)
    for row in raw.rows[~nonblank]:
        problems.add(
            "warning",
            raw.name,
            raw.file,
            int(row),
            None,
            None,
            "blank row, skipped",
            "Delete the empty row; it is not counted as a record.",
        )
    blank = int((~nonblank).sum())
    lines = None if raw.lines is None else raw.lines[nonblank]
    return cells[nonblank].reset_index(drop=True), raw.rows[nonblank], lines, blank


def _header_columns(
    raw: RawTable, header: list[str], cells: pd.DataFrame, rows: np.ndarray, problems: _Problems
) -> dict[str, int]:
    """{canonical column name: position} of the columns to read; reports values under no
    header, repeated names and reserved names."""
    columns: dict[str, int] = {}
    for position in range(cells.shape[1]):
        canonical = header[position] if position < len(header) else ""
        letter = _column_letter(position)
        typed = raw.header[position] if position < len(raw.header) else ""
        if not canonical:
            has_values = (cells[position] != "").to_numpy()
            if has_values.any():
                at = rows[has_values]
                listed = ", ".join(map(str, at[:10])) + (", ..." if len(at) > 10 else "")
                problems.add(
                    "error",
                    raw.name,
                    raw.file,
                    int(at[0]),
                    letter,
                    cells[position][has_values].iloc[0],
                    f"{len(at)} value{'s' if len(at) != 1 else ''} in column {letter}, "
                    f"which has no header (rows {listed})",
                    f"Name column {letter} in the header row to keep it as an extra "
                    "attribute, or delete the values. In a CSV file a value that contains "
                    "the separator must be in double quotes.",
                )
        elif canonical in columns:
            first = _column_letter(columns[canonical])
            problems.add(
                "error",
                raw.name,
                raw.file,
                raw.header_row,
                canonical,
                typed,
                f"the column {canonical} appears twice (columns {first} and {letter})",
                "Rename or delete one of them.",
            )
        elif canonical in _RESERVED:
            problems.add(
                "error",
                raw.name,
                raw.file,
                raw.header_row,
                canonical,
                typed,
                f"the column name '{canonical}' is reserved by netmap",
                f"Rename column {letter}, e.g. to '{canonical}_note'; netmap stores "
                f"'{canonical}' on every graph node itself.",
            )
        elif canonical not in DERIVED_COLUMNS.get(raw.name, ()):  # derived: netmap computes
            columns[canonical] = position
    return columns


def _check_required_columns(
    raw: RawTable, table: Table, columns: Mapping[str, int], extras: list[str], problems
) -> None:
    for column in table.columns:
        if column.required and column.name not in columns:
            alike = closest_match(column.name, extras, cutoff=70)
            rename = f" Is '{alike}' meant to be it? Then rename it." if alike else ""
            problems.add(
                "error",
                table.name,
                raw.file,
                None,
                column.name,
                None,
                f"the column {column.name} is missing",
                f"Add a column named {column.name} to the header row (row "
                f"{raw.header_row}).{rename}",
            )


def _describe_columns(table: Table) -> str:
    optional = [c.name for c in table.columns if not c.required]
    text = ", ".join(required_columns(table))
    return text + (f" (optional: {', '.join(optional)})" if optional else "")


def _report_rows(
    checked: _Checked,
    problems: _Problems,
    mask: np.ndarray,
    column: str | None,
    values: Iterable,
    problem,
    hint,
    *,
    severity: str = "error",
) -> None:
    """Add one problem per row where ``mask`` holds.

    ``problem`` and ``hint`` are text, or callables of the row's value and position.
    """
    positions = np.flatnonzero(mask)
    if not len(positions):
        return
    values = values.to_numpy(object) if isinstance(values, pd.Series) else list(values)
    for pos in positions:
        value = values[pos]
        problems.add(
            severity,
            checked.name,
            checked.file,
            int(checked.rows[pos]),
            column,
            None if is_missing(value) else str(value),
            problem(value, pos) if callable(problem) else problem,
            hint(value, pos) if callable(hint) else hint,
        )


#: Control characters that do not belong in a cell (all but tab, line ends and form feed).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Columns whose text is one short line: a line break there comes from a stray quote.
_ONE_LINE_KINDS = ("id", "reference", "choice", "date", "number")


def _check_characters(checked: _Checked, lines: np.ndarray | None, problems: _Problems) -> None:
    """Report control characters in any cell, cells of one-line columns that run over
    several lines of a CSV file, and names or titles Excel would read as formulas."""
    for name in checked.text.columns:
        text = checked.text[name]
        present = text.notna().to_numpy()
        values = text.to_numpy(object)
        # One search of the whole column first: control characters are rare.
        control = (
            [pos for pos in np.flatnonzero(present) if CONTROL_CHARACTERS.search(values[pos])]
            if CONTROL_CHARACTERS.search("\n".join(values[present]))
            else []
        )
        _report_rows(
            checked,
            problems,
            np.isin(np.arange(len(text)), control),
            name,
            text,
            lambda v, _: (
                "invisible control character at position "
                f"{CONTROL_CHARACTERS.search(v).start() + 1}"
            ),
            "Delete the character (it came from a copy and paste or another program); "
            "netmap cannot write it back to a file others can open.",
        )
        column = checked.table.column(name) if name in checked.table.column_names else None
        one_line = column is not None and (
            column.kind in _ONE_LINE_KINDS or name in ("name", "title")
        )
        spans = np.flatnonzero(lines[:, 1] > lines[:, 0]) if lines is not None else []
        if one_line and len(spans):
            broken = [
                pos
                for pos in spans
                if present[pos] and ("\n" in values[pos] or "\r" in values[pos])
            ]
            shown = values.copy()  # the value cut short: it holds several lines
            shown[broken] = [_shorten(values[pos]) for pos in broken]
            _report_rows(
                checked,
                problems,
                np.isin(np.arange(len(text)), broken),
                name,
                shown,
                lambda _, pos: (
                    f"a cell runs from line {lines[pos, 0]} to line "
                    f"{lines[pos, 1]}: a double quote without its partner?"
                ),
                lambda _, pos: (
                    f'In a CSV file " starts a cell that runs to the next "; '
                    f'remove the lone " on line {lines[pos, 0]}, or close it.'
                ),
            )
        if name in ("name", "title"):
            starts = text.str[:1].isin(FORMULA_START).to_numpy()
            formula = [
                pos
                for pos in np.flatnonzero(starts)
                if spreadsheet_cell(values[pos]) != values[pos]
            ]
            _report_rows(
                checked,
                problems,
                np.isin(np.arange(len(text)), formula),
                name,
                text,
                lambda v, _, name=name: (
                    f"the {name} starts with {v[0]}: Excel may run this as a formula"
                ),
                "Check the value; if it is right, nothing to do (netmap keeps it as text).",
                severity="warning",
            )


def _shorten(text: str, width: int = 80) -> str:
    """``text`` on one line, cut to ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_column(checked: _Checked, column: Column, problems: _Problems) -> pd.Series:
    """Check one column's cells and return its typed values."""
    text = checked.text[column.name]
    empty = text.isna().to_numpy()
    record = _RECORD[checked.name]
    if column.nonempty:
        _report_rows(
            checked,
            problems,
            empty,
            column.name,
            text,
            f"empty {column.name}",
            f"Fill in {column.name}: every {record} needs one.",
        )
    if column.kind == "date":
        return _check_dates(checked, column, problems)
    if column.kind == "number":
        return _check_numbers(checked, column, problems)
    if column.kind == "choice":
        return _check_choices(checked, column, problems)
    return pd.Series(text.to_numpy(), dtype="str")


def _parse_each(text: pd.Series, parse) -> list:
    """``parse(cell)`` for every non-empty cell (each distinct value once); None when empty."""
    cache: dict = {}
    out = []
    for value in text.to_numpy(object):
        if not isinstance(value, str):  # None or NaN: an empty cell
            out.append(None)
            continue
        if value not in cache:
            cache[value] = parse(value)
        out.append(cache[value])
    return out


def _parse_column(
    checked: _Checked, column: Column, problems: _Problems, parse, dtype: str, problem, hint
) -> pd.Series:
    """Parse every cell of ``column``; report each non-empty cell ``parse`` refuses."""
    text = checked.text[column.name]
    values = pd.Series(_parse_each(text, parse), dtype=dtype)
    bad = (text.notna() & values.isna()).to_numpy()
    _report_rows(checked, problems, bad, column.name, text, problem, hint)
    return values


def _check_dates(checked: _Checked, column: Column, problems: _Problems) -> pd.Series:
    return _parse_column(
        checked,
        column,
        problems,
        parse_date,
        "datetime64[us]",
        f"not a date in {column.name}",
        lambda value, _: _date_hint(value),
    )


_NUMBER_RANGES = {
    "lat": (-90.0, 90.0, "Latitude is degrees north (Sweden: 55 to 69); are lat and lon swapped?"),
    "lon": (-180.0, 180.0, "Longitude is degrees east (Sweden: 11 to 24)."),
}


def _check_numbers(checked: _Checked, column: Column, problems: _Problems) -> pd.Series:
    text = checked.text[column.name]
    values = _parse_column(
        checked,
        column,
        problems,
        parse_number,
        "float64",
        f"{column.name} is not a number",
        "Write a number like 65.58 (a decimal comma, 65,58, works too).",
    )
    if column.name in _NUMBER_RANGES:
        low, high, hint = _NUMBER_RANGES[column.name]
        outside = ((values < low) | (values > high)).to_numpy()
        _report_rows(
            checked,
            problems,
            outside,
            column.name,
            text,
            f"{column.name} is outside {low:g} to {high:g}",
            hint,
        )
    if column.name == "weight":
        _report_rows(
            checked,
            problems,
            (values <= 0).to_numpy(),
            column.name,
            text,
            "weight must be a positive number",
            "Use a positive strength (empty means 1), or delete the row if there is no tie.",
        )
    return values


def _check_choices(checked: _Checked, column: Column, problems: _Problems) -> pd.Series:
    text = checked.text[column.name]
    synonyms = CHOICE_SYNONYMS.get(column.name, {})
    allowed = {c: c for c in column.choices} | synonyms
    values = pd.Series(_parse_each(text, lambda v: allowed.get(normalise_name(v))), dtype=object)
    bad = (text.notna() & values.isna()).to_numpy()
    choices = ", ".join(column.choices)

    def hint(value: str, _) -> str:
        alike = closest_match(normalise_name(value), list(allowed), cutoff=70)
        guess = f"Did you mean '{allowed[alike]}'? " if alike else ""
        return f"{guess}Use one of: {choices}."

    _report_rows(checked, problems, bad, column.name, text, f"unknown {column.name}", hint)
    if column.name == "role" and checked.name == "participation":
        values = values.where(text.notna(), "participant")
    return pd.Series(values.to_numpy(), dtype="str")


def _check_keys(checked: _Checked, problems: _Problems) -> None:
    key = checked.table.key
    if key is None or not checked.has(key):
        return
    ids = checked.typed[key]
    _warn_ids_alike_but_for_case(checked, ids, problems)
    repeated = (ids.duplicated(keep="first") & ids.notna()).to_numpy()
    if not repeated.any():
        return
    first_row = dict(
        zip(
            ids[~ids.duplicated(keep="first")],
            checked.rows[~ids.duplicated().to_numpy()],
            strict=True,
        )
    )
    record = _RECORD[checked.name]
    _report_rows(
        checked,
        problems,
        repeated,
        key,
        ids,
        lambda v, _: f"duplicate id: '{v}' is already used on row {first_row[v]}",
        f"Give each {record} its own id, or delete the repeated row.",
    )


def _warn_ids_alike_but_for_case(checked: _Checked, ids: pd.Series, problems: _Problems) -> None:
    """Warn at each id that differs from an earlier one only in case (P1 and p1)."""
    folded = ids.str.casefold()
    first = ~ids.duplicated() & ids.notna()
    clash = (folded.duplicated() & first).to_numpy()
    if not clash.any():
        return
    keep = first.to_numpy()
    earlier: dict[str, tuple[str, int]] = {}
    for value, row in zip(ids[keep], checked.rows[keep], strict=True):
        earlier.setdefault(value.casefold(), (value, int(row)))
    _report_rows(
        checked,
        problems,
        clash,
        checked.table.key,
        ids,
        lambda v, _: (
            f"the id '{v}' differs from '{earlier[v.casefold()][0]}' (row "
            f"{earlier[v.casefold()][1]}) only in case"
        ),
        "netmap compares ids exactly, so these are two records; if they are one, write "
        "the id the same way everywhere.",
        severity="warning",
    )


def _check_date_order(checked: _Checked, problems: _Problems) -> None:
    if "start_date" not in checked.typed or "end_date" not in checked.typed:
        return
    start, end = checked.typed["start_date"], checked.typed["end_date"]
    before = (end < start).to_numpy()
    _report_rows(
        checked,
        problems,
        before,
        "end_date",
        checked.text["end_date"],
        lambda _, pos: f"end_date is before start_date ({start[pos].date().isoformat()})",
        "Swap the dates, or correct one of them.",
    )


# ---------------------------------------------------------------- across tables


def _isin(values: pd.Series, ids: set[str]) -> np.ndarray:
    """``values.isin(ids)`` as a boolean array; a set lookup per value is many times faster
    than pandas' isin on Arrow-backed strings (pandas 3.1)."""
    return np.fromiter((v in ids for v in values.to_numpy(object)), bool, len(values))


def _known_ids(checked: Mapping[str, _Checked], name: str) -> set[str] | None:
    """The ids of table ``name``, or None when they cannot be known (table or column missing)."""
    table = checked.get(name)
    if table is None or "id" not in table.typed:
        return None
    return set(table.typed["id"].dropna().to_numpy(object))


def _check_references(checked: Mapping[str, _Checked], problems: _Problems) -> None:
    for table in checked.values():
        for column in table.table.columns:
            if column.kind != "reference" or column.name not in table.typed:
                continue
            if len(column.references) != 1:
                continue  # ties: checked with the endpoint types in _check_ties
            target = column.references[0]
            known = _known_ids(checked, target)
            if known is None:
                continue
            values = table.typed[column.name]
            unknown = values.notna().to_numpy() & ~_isin(values, known)
            if unknown.any():
                _report_unknown(table, problems, unknown, column.name, values, target, checked)


def _report_unknown(
    table: _Checked,
    problems: _Problems,
    mask: np.ndarray,
    column: str,
    values: pd.Series,
    target: str,
    checked: Mapping[str, _Checked],
) -> None:
    known = sorted(_known_ids(checked, target) or ())
    record = _RECORD[target]
    where = checked[target].file if target in checked else target
    suggestions: dict[str, str | None] = {}
    for value in pd.unique(values[mask]):
        if len(suggestions) < _MAX_SUGGESTIONS:
            suggestions[value] = closest_match(value, known, cutoff=80)

    def hint(value: str, _) -> str:
        alike = suggestions.get(value)
        guess = f"Did you mean '{alike}'? " if alike else ""
        return f"{guess}Correct the id, or add {record} '{value}' to {where}."

    _report_rows(
        table,
        problems,
        mask,
        column,
        values,
        lambda v, _: f"no {record} has the id '{v}'",
        hint,
    )


def _check_participation(checked: Mapping[str, _Checked], problems: _Problems) -> None:
    part = checked.get("participation")
    if part is None:
        return
    n = len(part.text)
    person = part.typed.get("person_id", pd.Series([None] * n, dtype="str"))
    org = part.typed.get("organisation_id", pd.Series([None] * n, dtype="str"))
    blank = [None] * n
    _report_rows(
        part,
        problems,
        (person.isna() & org.isna()).to_numpy(),
        "person_id",
        blank,
        "neither person_id nor organisation_id is filled",
        "Fill person_id (a person took part) or organisation_id (an organisation took part "
        "as a whole).",
    )
    _report_rows(
        part,
        problems,
        (person.notna() & org.notna()).to_numpy(),
        "organisation_id",
        org,
        "both person_id and organisation_id are filled",
        "Fill only one of them. To say which organisation the person came from, set their "
        "organisation_id in the people table.",
    )
    if "collaboration_id" not in part.typed:
        return
    collab = part.typed["collaboration_id"]
    for column, actor, record in (
        ("person_id", person, "person"),
        ("organisation_id", org, "organisation"),
    ):
        pairs = pd.DataFrame({"a": actor, "c": collab})
        listed = pairs.notna().all(axis=1)
        again = (pairs.duplicated(keep="first") & listed).to_numpy()
        if not again.any():
            continue
        firsts = pairs[listed & ~pairs.duplicated(keep="first")]
        first_row = dict(
            zip(zip(firsts["a"], firsts["c"], strict=True), part.rows[firsts.index], strict=True)
        )
        _report_rows(
            part,
            problems,
            again,
            column,
            actor,
            lambda a, pos, _r=record, _first=first_row: (
                f"{_r} '{a}' is already listed in collaboration '{collab[pos]}' on row "
                f"{_first[(a, collab[pos])]}"
            ),
            f"Delete the repeated row: one row per {record} and collaboration (keep the one "
            "with the main role).",
        )


def _check_ties(checked: Mapping[str, _Checked], problems: _Problems) -> None:
    ties = checked.get("ties")
    if ties is None or "source_id" not in ties.typed or "target_id" not in ties.typed:
        return
    source, target = ties.typed["source_id"], ties.typed["target_id"]
    _report_rows(
        ties,
        problems,
        (source.notna() & (source == target)).to_numpy(),
        "target_id",
        target,
        lambda v, _: f"a tie from '{v}' to itself",
        "A tie joins two different people or organisations: correct source_id or target_id, "
        "or delete the row.",
    )
    people, orgs = _known_ids(checked, "people"), _known_ids(checked, "organisations")
    if people is None or orgs is None:
        return
    types = {}
    for column, ids in (("source_id", source), ("target_id", target)):
        is_person, is_org = _isin(ids, people), _isin(ids, orgs)
        types[column] = pd.Series(
            np.select([is_person & ~is_org, is_org & ~is_person], ["person", "organisation"], None),
            dtype="str",
        )
        everyone = sorted(people | orgs)
        unknown = ids.notna().to_numpy() & ~is_person & ~is_org
        suggestions = {
            v: closest_match(v, everyone, cutoff=80)
            for v in pd.unique(ids[unknown])[:_MAX_SUGGESTIONS]
        }
        _report_rows(
            ties,
            problems,
            unknown,
            column,
            ids,
            lambda v, _: f"no person or organisation has the id '{v}'",
            lambda v, _, _s=suggestions: (
                (f"Did you mean '{_s[v]}'? " if _s.get(v) else "")
                + "Correct the id, or add the person or organisation it names."
            ),
        )
        _report_rows(
            ties,
            problems,
            is_person & is_org,
            column,
            ids,
            lambda v, _: f"'{v}' is both a person id and an organisation id",
            "Give the person and the organisation different ids (e.g. P-… and O-…), so the "
            "tie says which one it means.",
        )
    mixed = (
        types["source_id"].notna()
        & types["target_id"].notna()
        & (types["source_id"] != types["target_id"])
    ).to_numpy()
    _report_rows(
        ties,
        problems,
        mixed,
        "target_id",
        target,
        lambda v, pos: (
            f"'{source[pos]}' is a {types['source_id'][pos]} but '{v}' is an "
            f"{types['target_id'][pos]}"
            if types["target_id"][pos] == "organisation"
            else f"'{source[pos]}' is an organisation but '{v}' is a person"
        ),
        "A tie joins two people or two organisations. To say where a person works, set "
        "organisation_id in the people table.",
    )
    ties.typed["source_type"] = types["source_id"]
    ties.typed["target_type"] = types["target_id"]
    pair = pd.DataFrame(
        {
            "a": np.minimum(source.fillna(""), target.fillna("")),
            "b": np.maximum(source.fillna(""), target.fillna("")),
        }
    )
    again = (pair.duplicated(keep="first") & source.notna() & target.notna()).to_numpy()
    if again.any():
        firsts = pair[~pair.duplicated(keep="first")]
        first_row = dict(
            zip(zip(firsts["a"], firsts["b"], strict=True), ties.rows[firsts.index], strict=True)
        )
        _report_rows(
            ties,
            problems,
            again,
            "target_id",
            target,
            lambda v, pos: (
                f"the tie between '{source[pos]}' and '{v}' is listed again (first on row "
                f"{first_row[(pair['a'][pos], pair['b'][pos])]}); their weights add up"
            ),
            "Delete the repeated row, unless you mean to add its weight.",
            severity="warning",
        )


def _warn_loose_ends(checked: Mapping[str, _Checked], problems: _Problems) -> None:
    """Warnings about records that will sit alone in the graph."""
    part = checked.get("participation")
    ties = checked.get("ties")
    people = checked.get("people")
    orgs = checked.get("organisations")
    collabs = checked.get("collaborations")

    def values(table: _Checked | None, column: str) -> set[str]:
        if table is None or column not in table.typed:
            return set()
        return set(table.typed[column].dropna().to_numpy(object))

    tied = values(ties, "source_id") | values(ties, "target_id")
    if people is not None and "organisation_id" in people.typed and "id" in people.typed:
        ids = people.typed["id"]
        _report_rows(
            people,
            problems,
            people.typed["organisation_id"].isna().to_numpy(),
            "organisation_id",
            [None] * len(ids),
            lambda _, pos: f"person '{ids[pos]}' has no organisation",
            "Fill organisation_id to place them in the organisations graph and in the sector "
            "and place filters.",
            severity="warning",
        )
    if people is not None and "id" in people.typed and part is not None:
        ids = people.typed["id"]
        alone = ids.notna().to_numpy() & ~_isin(ids, values(part, "person_id") | tied)
        _report_rows(
            people,
            problems,
            alone,
            "id",
            ids,
            lambda v, _: f"person '{v}' takes part in no collaboration and has no ties",
            "They will be an isolated node; add them to the participation table, or delete "
            "the row.",
            severity="warning",
        )
    if orgs is not None and "id" in orgs.typed and part is not None:
        ids = orgs.typed["id"]
        linked = values(people, "organisation_id") | values(part, "organisation_id") | tied
        _report_rows(
            orgs,
            problems,
            ids.notna().to_numpy() & ~_isin(ids, linked),
            "id",
            ids,
            lambda v, _: (
                f"organisation '{v}' has no people, takes part in no collaboration and has no ties"
            ),
            "It will be an isolated node; add its people or its participation, or delete the row.",
            severity="warning",
        )
    if collabs is not None and "id" in collabs.typed and part is not None:
        if "collaboration_id" not in part.typed:
            return
        actors = pd.DataFrame(
            {
                "c": part.typed["collaboration_id"],
                "a": part.typed.get("person_id", pd.Series(dtype="str")).combine_first(
                    "org:" + part.typed.get("organisation_id", pd.Series(dtype="str"))
                ),
            }
        ).drop_duplicates()
        counts = actors.dropna()["c"].value_counts()
        ids = collabs.typed["id"]
        n = ids.map(counts).fillna(0).astype(int)
        _report_rows(
            collabs,
            problems,
            (ids.notna() & (n < 2)).to_numpy(),
            "id",
            ids,
            lambda v, pos: (
                f"collaboration '{v}' has {'no' if n[pos] == 0 else 'only one'} participant"
                f"{'s' if n[pos] == 0 else ''}, so it ties nobody together"
            ),
            "Add its participants to the participation table.",
            severity="warning",
        )


# ---------------------------------------------------------------- results


def _load_report(
    raw: Mapping[str, RawTable], checked: Mapping[str, _Checked], problems: _Problems
) -> pd.DataFrame:
    whole_table = {
        rec["table"]
        for rec in problems.records
        if rec["severity"] == "error"
        and (
            rec["row"] is None
            or (rec["table"] in raw and rec["row"] == raw[rec["table"]].header_row)
        )
    }
    rows = []
    for name in TABLE_ORDER:
        if name not in raw:
            rows.append((name, None, 0, 0, 0))
            continue
        read = len(raw[name].rows)
        if name not in checked or name in whole_table:
            rows.append((name, raw[name].file, read, 0, read))
            continue
        table = checked[name]
        bad = problems.error_rows.get(name, set()) & set(table.rows.tolist())
        used = len(table.text) - len(bad)
        rows.append((name, table.file, read, used, table.blank_rows + len(bad)))
    report = pd.DataFrame(rows, columns=list(LOAD_REPORT_COLUMNS))
    for column in ("table", "file"):
        report[column] = report[column].astype("str")
    return report


_SORT_KEYS = {
    "organisations": ["id"],
    "people": ["id"],
    "collaborations": ["id"],
    "participation": ["collaboration_id", "person_id", "organisation_id"],
    "ties": ["source_id", "target_id"],
}


def _typed_tables(checked: Mapping[str, _Checked]) -> dict[str, pd.DataFrame]:
    """The typed tables, sorted by their keys (ties by every column: a pair may repeat)."""
    tables = {}
    for name in TABLE_ORDER:
        if name not in checked:
            tables[name] = empty_table(name)
            continue
        table = checked[name]
        n = len(table.text)
        columns = {
            c.name: table.typed.get(c.name, _typed_column(c, [None] * n))
            for c in table.table.columns
        }
        for derived in DERIVED_COLUMNS.get(name, ()):
            columns[derived] = table.typed[derived]
        for extra in table.extras:
            columns[extra] = pd.Series(table.text[extra].to_numpy(), dtype="str")
        df = pd.DataFrame(columns)
        if name == "participation":
            df["role"] = df["role"].fillna("participant")
        if name == "ties":
            df["weight"] = df["weight"].fillna(1.0)
        # Keys are unique in valid tables except in ties, where a pair may be listed twice.
        by = _SORT_KEYS[name] if name != "ties" else list(df.columns)
        tables[name] = df.sort_values(by, kind="stable", na_position="last").reset_index(drop=True)
    return tables
