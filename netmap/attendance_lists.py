"""Attendance lists as read: headers recognised, meeting and date found, every row kept or
rejected with the reason. The first step of :func:`netmap.import_attendance`.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from netmap.errors import InvalidDataError, NetmapError, problem_record
from netmap.io import (
    CSV_SUFFIXES,
    WORKBOOK_SUFFIXES,
    CsvRecords,
    open_workbook,
    read_csv_records,
)
from netmap.resolve import clean_text, match_key, split_organisation
from netmap.validate import cell_text, parse_date

__all__ = [
    "FIELDS",
    "REJECTED_COLUMNS",
    "REPORT_COLUMNS",
    "AttendanceRows",
    "ListsRead",
    "csv_records",
    "field_of",
    "read_lists",
]

#: The fields an attendance list may have, and the header names that mean each (compared
#: after folding case, diacritics and punctuation, so "E-post" is "e post" is "E-POST").
FIELDS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "namn",
        "full name",
        "fullständigt namn",
        "för- och efternamn",
        "förnamn och efternamn",
        "deltagare",
        "deltagarens namn",
        "participant",
        "attendee",
    ),
    "first_name": ("förnamn", "first name", "firstname", "given name", "tilltalsnamn"),
    "last_name": ("efternamn", "last name", "lastname", "surname", "family name"),
    "organisation": (
        "organisation",
        "organization",
        "org",
        "förening",
        "föreningen",
        "organisation/förening",
        "förening/organisation",
        "arbetsplats",
        "företag",
        "company",
        "employer",
        "affiliation",
        "verksamhet",
        "myndighet",
    ),
    "email": (
        "email",
        "e-mail",
        "e-post",
        "epost",
        "e-postadress",
        "mejl",
        "mejladress",
        "mail",
        "mailadress",
        "email address",
        "e-mail address",
    ),
    "municipality": ("municipality", "kommun", "hemkommun", "ort", "city"),
    "event": ("event", "möte", "träff", "aktivitet", "evenemang", "meeting", "activity"),
    "date": ("date", "datum", "mötesdatum", "dag", "day"),
    "role": ("role", "roll", "titel", "title", "befattning", "funktion", "yrkesroll"),
    "sector": ("sector", "sektor"),
    "unit": ("department", "avdelning", "förvaltning", "enhet", "unit"),
}
_HEADER_INDEX = {match_key(h): f for f, names in FIELDS.items() for h in names}
#: How far down a list its header row is looked for (title lines may come first).
_HEADER_SEARCH_ROWS = 10

_DATE_PATTERNS = (
    re.compile(r"\d{4}-\d{1,2}-\d{1,2}"),
    re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{4}"),
    re.compile(r"\d{1,2}\.?\s+[^\W\d_]+\.?\s+\d{4}"),
    re.compile(r"(?<!\d)\d{8}(?!\d)"),
)
_GENERIC_SHEETS = re.compile(
    r"^(sheet|blad|ark|tabell|table|deltagare|deltagarlista|participants|anmalningar"
    r"|attendance|lista)\s*\d*$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: Columns of the rejected rows (:attr:`ListsRead.rejected`).
REJECTED_COLUMNS = ("file", "sheet", "row", "reason", "content")
#: Columns of the per-list counts (:attr:`ListsRead.report`).
REPORT_COLUMNS = ("file", "sheet", "rows_read", "rows_used", "rows_rejected")


@dataclass(frozen=True)
class ListsRead:
    """What :func:`read_lists` found.

    Attributes
    ----------
    rows : AttendanceRows
        The usable rows.
    rejected : DataFrame
        Rows not used, columns :data:`REJECTED_COLUMNS` (file, sheet, row, reason and the
        row's cells joined by " | "), in input order.
    report : DataFrame
        Per list, columns :data:`REPORT_COLUMNS`; rows_read = rows_used + rows_rejected.
    source : str
        The lists read, for messages (``file``, ``file[sheet]``, joined by ", ").
    warnings : list of dict
        Sheets not read (hidden) or not lists (no header, while another sheet of the
        workbook is one), as problem dicts (:func:`netmap.errors.problem_record`).
    """

    rows: AttendanceRows
    rejected: pd.DataFrame
    report: pd.DataFrame
    source: str
    warnings: list[dict] = field(default_factory=list)


def read_lists(
    files_or_frames: str | Path | pd.DataFrame | Iterable | Mapping,
    *,
    event: str | None = None,
    date: str | pd.Timestamp | None = None,
) -> ListsRead:
    """Read attendance lists: find each one's header, meeting and date; keep or reject rows.

    Arguments as in :func:`netmap.import_attendance`.

    Raises
    ------
    InvalidDataError
        When a list has no header row naming a name or organisation column.
    FileNotFoundError, NetmapError
        When a file is missing or not a list netmap can read.

    Examples
    --------
    >>> lists = {"2022-06-08 Träff": pd.DataFrame({"Namn": ["Anna Berg", "Totalt: 1"],
    ...                                           "E-post": ["anna@pro.se", None]})}
    >>> read = read_lists(lists)
    >>> read.rows.name, read.rows.email, [str(d.date()) for d in read.rows.date]
    (['Anna Berg'], ['anna@pro.se'], ['2022-06-08'])
    >>> read.rejected[["row", "reason"]].values.tolist()
    [[3, 'the name has digits: a total or a note, not a person']]
    """
    sources = _as_sources(files_or_frames)
    lists = [lst for i, (label, src) in enumerate(sources) for lst in _named(label, src, i)]
    hidden = [lst for lst in lists if lst.hidden]
    lists = [lst for lst in lists if not lst.hidden]
    rows, rejected, counts, problems = _collect(lists, event=event, date=_check_date(date))
    errors = [p for p in problems if p["severity"] == "error"]
    if errors:
        raise InvalidDataError(pd.DataFrame(problems))
    warnings = [
        problem_record(
            lst.label,
            None,
            None,
            None,
            "a hidden sheet, not read",
            "Make the sheet visible in Excel (right-click a sheet tab > Unhide) if it is "
            "an attendance list.",
            severity="warning",
        )
        for lst in hidden
    ]
    return ListsRead(
        rows,
        pd.DataFrame(rejected, columns=list(REJECTED_COLUMNS)),
        pd.DataFrame(counts, columns=list(REPORT_COLUMNS)),
        ", ".join(lst.label for lst in lists),
        warnings + problems,
    )


def _is_upload(source: object) -> bool:
    return hasattr(source, "getvalue") or hasattr(source, "read")


def _as_sources(files_or_frames) -> list[tuple[str | None, object]]:
    if isinstance(files_or_frames, str | Path | pd.DataFrame) or _is_upload(files_or_frames):
        return [(None, files_or_frames)]
    if isinstance(files_or_frames, Mapping):
        return [(str(k), v) for k, v in files_or_frames.items()]
    return [(None, s) for s in files_or_frames]


def _named(label: str | None, source, position: int) -> list[_List]:
    lists = _read_lists(source, position)
    if label is not None:
        lists = [_List(label, lst.sheet, lst.records, lst.lines, lst.hidden) for lst in lists]
    return lists


def _check_date(date: str | pd.Timestamp | None) -> pd.Timestamp | None:
    if date is None or isinstance(date, pd.Timestamp):
        return date
    parsed = parse_date(str(date))
    if parsed is None:
        raise ValueError(
            f"date must be a date like 2022-06-08, 8/6/2022 or '8 juni 2022'; got {date!r}."
        )
    return parsed


# ---------------------------------------------------------------- reading lists


@dataclass(frozen=True)
class _List:
    """One attendance list: every line of a CSV file or sheet, as text cells; for a CSV
    file also the first and last physical line of each record."""

    file: str
    sheet: str | None
    records: list[list[str]]
    lines: list[tuple[int, int]] | None = None
    hidden: bool = False

    @property
    def label(self) -> str:
        return self.file if self.sheet is None else f"{self.file}[{self.sheet}]"


def _read_lists(source, position: int) -> list[_List]:
    if isinstance(source, pd.DataFrame):
        header = [cell_text(c) for c in source.columns]
        body = [[cell_text(v) for v in row] for row in source.itertuples(index=False)]
        return [_List(f"table {position + 1}", None, [header, *body])]
    if _is_upload(source):
        # An uploaded or open file: read it through a file of the same name.
        name = Path(getattr(source, "name", "") or f"list {position + 1}.csv").name
        data = source.getvalue() if hasattr(source, "getvalue") else source.read()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            return _read_lists(path, position)
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f"No such attendance list: {path}")
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        book = open_workbook(path)
        try:
            return [
                _List(
                    path.name,
                    sheet.title,
                    [
                        [cell_text(v) for v in row]
                        for row in sheet.iter_rows(min_row=1, values_only=True)
                    ],
                    hidden=sheet.sheet_state != "visible",
                )
                for sheet in book.worksheets
            ]
        finally:
            book.close()
    if suffix in CSV_SUFFIXES:
        read = _csv_read(path)
        lines = list(zip(read.first_lines, read.last_lines, strict=True))
        return [_List(path.name, None, read.records, lines)]
    raise NetmapError(
        f"{path.name} is not an attendance list netmap can read: expected a .csv, .tsv, .txt "
        f"or .xlsx file, got {suffix or 'no file type'}. Save it from Excel as CSV or .xlsx."
    )


def _csv_read(path: Path) -> CsvRecords:
    read, problems = read_csv_records(path)
    errors = [p for p in problems if p["severity"] == "error"]
    if read is None or errors:
        p = errors[0]
        raise NetmapError(f"{path.name}: {p['problem']}. {p['hint']}")
    return read


def csv_records(path: Path) -> list[list[str]]:
    """The records of a CSV file (a review or sector mapping), read as
    :func:`netmap.io.read_csv_records` reads record files.

    Raises
    ------
    NetmapError
        When the file is not a CSV table (a workbook, binary data, a web page, empty).
    """
    return _csv_read(path).records


def field_of(header: str) -> str | None:
    """The field a header cell names: exact (after folding), else the longest name it starts
    with ("Namn (för- och efternamn)" is name; "E-post, arbete" is email)."""
    key = match_key(header)
    if key in _HEADER_INDEX:
        return _HEADER_INDEX[key]
    starts = [h for h in _HEADER_INDEX if key.startswith(h + " ")]
    return _HEADER_INDEX[max(starts, key=len)] if starts else None


def _find_header(records: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The index of the header line and the column of each field, or None."""
    for i, record in enumerate(records[:_HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for j, cell in enumerate(record):
            name = field_of(cell) if cell.strip() else None
            if name is not None and name not in columns:
                columns[name] = j
        named = {"name", "first_name", "last_name", "organisation"} & set(columns)
        if named and len(columns) >= 2:
            return i, columns
    return None


def _date_in(text: str) -> tuple[pd.Timestamp | None, str]:
    """A date written in a file or sheet name, and the name without it."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = parse_date(m.group())
            if date is not None:
                rest = text[: m.start()] + " " + text[m.end() :]
                return date, clean_text(rest.replace("_", " ").strip(" -–_,."))
    return None, clean_text(text.replace("_", " ").strip(" -–_,."))


# ---------------------------------------------------------------- rows


@dataclass
class AttendanceRows:
    """Every row read, as parallel lists (one entry per row)."""

    file: list[str] = field(default_factory=list)
    sheet: list[str | None] = field(default_factory=list)
    row: list[int] = field(default_factory=list)
    name: list[str | None] = field(default_factory=list)
    organisation: list[str | None] = field(default_factory=list)
    email: list[str | None] = field(default_factory=list)
    municipality: list[str | None] = field(default_factory=list)
    event: list[str] = field(default_factory=list)
    date: list[pd.Timestamp | None] = field(default_factory=list)
    role: list[str | None] = field(default_factory=list)
    sector: list[str | None] = field(default_factory=list)
    unit: list[str | None] = field(default_factory=list)
    note: list[str | None] = field(default_factory=list)

    @cached_property
    def labels(self) -> list[str]:
        """Each row's list as messages name it: ``file`` or ``file[sheet]`` (once read)."""
        return [f if s is None else f"{f}[{s}]" for f, s in zip(self.file, self.sheet, strict=True)]

    @cached_property
    def refs(self) -> list[str]:
        """Each row as ``file[sheet]:row``, the way review and merges name rows."""
        return [f"{label}:{row}" for label, row in zip(self.labels, self.row, strict=True)]


def _collect(
    lists: Sequence[_List], *, event: str | None, date: pd.Timestamp | None
) -> tuple[AttendanceRows, list[tuple], list[tuple], list[dict]]:
    """Read every list: usable rows, rejected rows, per-list counts and problems."""
    rows = AttendanceRows()
    rejected: list[tuple] = []
    counts: list[tuple] = []
    problems: list[dict] = []
    headers = [_find_header(lst.records) for lst in lists]
    usable = {lst.file for lst, found in zip(lists, headers, strict=True) if found is not None}
    for lst, found in zip(lists, headers, strict=True):
        if found is None:
            # A sheet that is no list, next to one that is, is a warning; its rows rejected.
            other_sheet = lst.sheet is not None and lst.file in usable
            problems.append(_no_header(lst, severity="warning" if other_sheet else "error"))
            if other_sheet:
                n = 0
                for i, record in enumerate(lst.records):
                    if any(c.strip() for c in record):
                        content = " | ".join(clean_text(c) for c in record if c.strip())
                        reason = "the sheet has no header row with a name or organisation column"
                        rejected.append((lst.file, lst.sheet, i + 1, reason, content))
                        n += 1
                counts.append((lst.file, lst.sheet, n, 0, n))
            continue
        header_at, columns = found
        file_date, file_title = _date_in(Path(lst.file).stem)
        sheet_date, sheet_title = _date_in(lst.sheet) if lst.sheet else (None, "")
        if _GENERIC_SHEETS.match(match_key(sheet_title)):
            sheet_title = ""
        list_title = sheet_title or event or file_title or Path(lst.file).stem
        list_date = sheet_date or file_date or date
        last = len(lst.records)
        while last > header_at + 1 and not any(c.strip() for c in lst.records[last - 1]):
            last -= 1
        before = len(rows.row)
        n_rejected = 0
        for i, record in enumerate(lst.records[:last]):
            excel_row = i + 1
            if i < header_at:
                reason = "above the header row" if any(c.strip() for c in record) else None
            elif i == header_at:
                continue
            else:
                reason = _broken_record(lst, i, record, columns) or _add_row(
                    rows, lst, excel_row, record, columns, list_title, list_date
                )
            if reason is not None:
                content = " | ".join(clean_text(c) for c in record if c.strip())
                rejected.append((lst.file, lst.sheet, excel_row, reason, content))
                n_rejected += 1
        # Read: every non-blank record above the header, every record below it up to the
        # last non-blank one; counted apart from the rows kept and rejected.
        above = sum(any(c.strip() for c in r) for r in lst.records[:header_at])
        read = above + last - header_at - 1
        counts.append((lst.file, lst.sheet, read, len(rows.row) - before, n_rejected))
    return rows, rejected, counts, problems


#: Fields whose cell is one short line: a line break there comes from a stray quote.
_ONE_LINE_FIELDS = ("name", "first_name", "last_name", "organisation", "email", "date")


def _broken_record(lst: _List, i: int, record: list[str], columns: dict[str, int]) -> str | None:
    """Why record ``i`` of a CSV list cannot be used when a stray double quote made one
    record of several lines; else None."""
    if lst.lines is None or lst.lines[i][0] == lst.lines[i][1]:
        return None
    for name in _ONE_LINE_FIELDS:
        j = columns.get(name)
        if j is not None and j < len(record) and ("\n" in record[j] or "\r" in record[j]):
            first, last = lst.lines[i]
            return (
                f"a cell runs from line {first} to line {last}: a double quote without its "
                f'partner? Remove the lone " on line {first}, or close it'
            )
    return None


def _no_header(lst: _List, *, severity: str) -> dict:
    """The problem of a list without a header row."""
    headers = "; ".join(
        f"{f}: {', '.join(FIELDS[f][:3])}" for f in ("name", "organisation", "email")
    )
    first = next((r for r in lst.records if any(c.strip() for c in r)), [])
    return problem_record(
        lst.label,
        None,
        None,
        " | ".join(c for c in first if c.strip())[:200] or "(empty)",
        f"no header row with a name or organisation column in the first {_HEADER_SEARCH_ROWS} rows",
        f"Name the columns in one row, e.g. {headers} (the README section 'Attendance lists' "
        "has every header netmap knows).",
        severity=severity,
    )


def _cell(record: list[str], columns: dict[str, int], name: str) -> str | None:
    j = columns.get(name)
    if j is None or j >= len(record):
        return None
    text = clean_text(record[j])
    return text or None


def _add_row(
    rows: AttendanceRows, lst: _List, excel_row: int, record, columns, title, date
) -> str | None:
    """Add one row to ``rows``, or return why it cannot be used."""
    if not any(c.strip() for c in record):
        return "blank row"
    name = _cell(record, columns, "name")
    if name is None:
        parts = [_cell(record, columns, f) for f in ("first_name", "last_name")]
        name = " ".join(p for p in parts if p) or None
    organisation = _cell(record, columns, "organisation")
    if organisation is not None and not match_key(organisation):
        organisation = None  # "-", "?": a placeholder for none
    if name is None and organisation is None:
        return "no name and no organisation"
    if name is not None and any(ch.isdigit() for ch in name):
        return "the name has digits: a total or a note, not a person"
    if name is not None and not any(ch.isalpha() for ch in name):
        return "the name has no letters"
    row_date = date
    date_text = _cell(record, columns, "date")
    if date_text is not None:
        row_date = _parse_date(date_text)
        if row_date is None:
            return f"the date {date_text!r} is not a date (write 2022-06-08 or 8/6/2022)"
    if row_date is None:
        return (
            "no date: the list has no date column, its file or sheet name no date, "
            "and no date was given (--date)"
        )
    note = None
    email = _cell(record, columns, "email")
    if email is not None and not _EMAIL.match(email):
        note = f"e-mail {email!r} ignored: not an address"
        email = None
    unit = _cell(record, columns, "unit")
    if organisation is not None:
        split = split_organisation(organisation)
        if split.unit is not None:
            unit = split.unit if unit is None else f"{unit}, {split.unit}"
    rows.file.append(lst.file)
    rows.sheet.append(lst.sheet)
    rows.row.append(excel_row)
    rows.name.append(name)
    rows.organisation.append(organisation)
    rows.email.append(email)
    rows.municipality.append(_cell(record, columns, "municipality"))
    rows.event.append(_cell(record, columns, "event") or title)
    rows.date.append(row_date)
    rows.role.append(_cell(record, columns, "role"))
    rows.sector.append(_cell(record, columns, "sector"))
    rows.unit.append(unit)
    rows.note.append(note)
    return None


#: Dates repeat on every row of a list: parse each text once.
_parse_date = lru_cache(maxsize=4096)(parse_date)
