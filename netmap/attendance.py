"""Attendance lists (sign-in sheets, registration exports) -> the five record tables.

Each list is a CSV file, a workbook (every sheet a list) or a DataFrame, one row per attendee.
Columns are found by their English or Swedish header; the meeting and its date come from
columns, from the sheet or file name ("2022-06-08 Nätverksträff.csv") or from the caller.
People and organisations are resolved by :mod:`netmap.resolve`; certain merges are made,
uncertain ones go to a review table the user fills in with ``merge`` or ``keep apart``.
Every row read is either used (see ``provenance``) or rejected with a reason (``rejected``).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

from netmap.errors import PROBLEM_COLUMNS, InvalidDataError, NetmapError
from netmap.io import CSV_SUFFIXES, WORKBOOK_SUFFIXES, _read_text, sniff_delimiter, write_tables
from netmap.network import Network
from netmap.resolve import (
    Resolution,
    apply_decisions,
    clean_text,
    display_names,
    infer_sector,
    match_key,
    pair_scores,
    resolve_organisations,
    resolve_people,
    split_organisation,
)
from netmap.schema import SECTORS
from netmap.validate import _SYNONYMS, cell_text, parse_date, validate_tables

__all__ = [
    "DECISION_COLUMNS",
    "FIELDS",
    "MERGE_COLUMNS",
    "PROVENANCE_COLUMNS",
    "REJECTED_COLUMNS",
    "REPORT_COLUMNS",
    "REVIEW_COLUMNS",
    "TRUTH_COLUMNS",
    "AttendanceImport",
    "import_attendance",
    "read_review",
    "review_from_truth",
    "score_import",
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

#: Participation roles as written in a role column; other text is a job title.
_PARTICIPATION_ROLES = {
    match_key(word): role
    for role, words in {
        "organiser": ("organiser", "organizer", "arrangör", "värd", "host", "sammankallande"),
        "speaker": ("speaker", "talare", "föreläsare", "inledare", "presenter", "panelist"),
        "funder": ("funder", "finansiär", "sponsor"),
        "participant": ("participant", "deltagare", "attendee"),
    }.items()
    for word in words
}
#: Precedence when one person has several roles in one collaboration.
_ROLE_ORDER = ("organiser", "speaker", "funder", "participant")
#: Collaboration kinds recognised in an event title (first match wins; else meeting).
_KIND_RULES = (
    ("workshop", re.compile(r"\bworkshop")),
    ("conference", re.compile(r"\b(konferens|conference)")),
    ("dialogue", re.compile(r"\b(dialog)")),
    ("project", re.compile(r"\b(projekt|project)")),
    ("agreement", re.compile(r"\b(overenskommelse|agreement)")),
)
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
_REVIEW_DECISIONS = {"merge": "merge", "keep apart": "keep apart", "keep_apart": "keep apart"}

#: Columns of :attr:`AttendanceImport.review`.
REVIEW_COLUMNS = (
    "kind",
    "left_id",
    "right_id",
    "left_name",
    "right_name",
    "left_detail",
    "right_detail",
    "left_rows",
    "right_rows",
    "score",
    "evidence",
    "decision",
)
#: Columns a review table needs to be read back (:func:`read_review`).
DECISION_COLUMNS = ("kind", "left_id", "right_id", "left_rows", "right_rows", "decision")
#: Columns of :attr:`AttendanceImport.provenance`.
PROVENANCE_COLUMNS = (
    "file",
    "sheet",
    "row",
    "collaboration_id",
    "person_id",
    "organisation_id",
    "name",
    "organisation",
    "email",
    "unit",
    "note",
)
#: Columns of :attr:`AttendanceImport.rejected`.
REJECTED_COLUMNS = ("file", "sheet", "row", "reason", "content")
#: Columns of :attr:`AttendanceImport.merges`.
MERGE_COLUMNS = (
    "kind",
    "record_id",
    "left_row",
    "right_row",
    "left_name",
    "right_name",
    "rule",
    "score",
)
#: Columns of :attr:`AttendanceImport.report`.
REPORT_COLUMNS = ("file", "sheet", "rows_read", "rows_used", "rows_rejected")
#: Where :meth:`AttendanceImport.write` puts the tables that are not records.
IMPORT_FOLDER = "import"


# ---------------------------------------------------------------- result


@dataclass(frozen=True)
class AttendanceImport:
    """The outcome of :func:`import_attendance`.

    Attributes
    ----------
    network : Network
        The validated record tables (``network.tables``) and graphs.
    review : DataFrame
        Uncertain merges, columns :data:`REVIEW_COLUMNS`: ``kind`` (organisation or person),
        the two records' ids, names, a detail (a person's organisation and e-mail; an
        organisation's rows), the rows that made them (``file:row``, at most 5, then a
        count), the similarity ``score`` (0-100, rapidfuzz token sort ratio), the
        ``evidence`` and the user's ``decision`` (blank, ``merge`` or ``keep apart``).
        Organisations first, then by the ids' numbers.
    provenance : DataFrame
        One row per used input row, columns :data:`PROVENANCE_COLUMNS`: where it was
        (``file``, ``sheet``, ``row`` as Excel shows it), the records it became, the name,
        organisation and e-mail as typed, the department split off the organisation and a
        ``note`` (e.g. an e-mail that is not an address). In input order.
    rejected : DataFrame
        One row per input row not used, columns :data:`REJECTED_COLUMNS`, with the
        ``reason`` and the row's ``content`` (its cells joined by " | "). In input order.
    merges : DataFrame
        Every merge, columns :data:`MERGE_COLUMNS`: the record, the first row of each of the
        two groups joined, their names, the ``rule`` (evidence, or ``review: merge``) and
        the ``score``. Sorted by kind, record, then row.
    report : DataFrame
        Per list (file and sheet), columns :data:`REPORT_COLUMNS`; rows_read = rows_used +
        rows_rejected.
    warnings : DataFrame
        Problems that did not stop the import (stale review rows, unknown sector values,
        e-mails that are not addresses), columns :data:`netmap.errors.PROBLEM_COLUMNS`.
    """

    network: Network
    review: pd.DataFrame
    provenance: pd.DataFrame
    rejected: pd.DataFrame
    merges: pd.DataFrame
    report: pd.DataFrame
    warnings: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(PROBLEM_COLUMNS))
    )

    @property
    def tables(self) -> Mapping[str, pd.DataFrame]:
        """The validated record tables (``organisations``, ``people``, ...)."""
        return self.network.tables

    def write(self, out_dir: str | Path) -> Path:
        """Write the record tables to ``out_dir`` and the other tables to ``out_dir/import``.

        ``out_dir`` gets ``organisations.csv``, ``people.csv``, ``collaborations.csv``,
        ``participation.csv`` and ``ties.csv`` (what :func:`netmap.load` reads);
        ``out_dir/import`` gets ``review.csv``, ``provenance.csv``, ``rejected.csv``,
        ``merges.csv`` and ``report.csv``. All are UTF-8 CSV with a byte-order mark, so
        Excel shows å, ä and ö. Equal imports write equal bytes.

        Returns
        -------
        Path
            ``out_dir``.
        """
        out = Path(out_dir)
        write_tables(self.network, out)
        extra = out / IMPORT_FOLDER
        extra.mkdir(parents=True, exist_ok=True)
        for name in ("review", "provenance", "rejected", "merges", "report"):
            getattr(self, name).to_csv(
                extra / f"{name}.csv", index=False, encoding="utf-8-sig", lineterminator="\n"
            )
        return out


# ---------------------------------------------------------------- reading lists


@dataclass(frozen=True)
class _List:
    """One attendance list: every line of a CSV file or sheet, as text cells."""

    file: str
    sheet: str | None
    records: list[list[str]]

    @property
    def label(self) -> str:
        return self.file if self.sheet is None else f"{self.file}[{self.sheet}]"


def _read_lists(source: str | Path | pd.DataFrame, position: int) -> list[_List]:
    if isinstance(source, pd.DataFrame):
        header = [cell_text(c) for c in source.columns]
        body = [[cell_text(v) for v in row] for row in source.itertuples(index=False)]
        return [_List(f"table {position + 1}", None, [header, *body])]
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f"No such attendance list: {path}")
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [
                _List(
                    path.name,
                    sheet.title,
                    [
                        [cell_text(v) for v in row]
                        for row in sheet.iter_rows(min_row=1, values_only=True)
                    ],
                )
                for sheet in book.worksheets
            ]
        finally:
            book.close()
    if suffix in CSV_SUFFIXES:
        return [_List(path.name, None, _csv_records(path))]
    raise NetmapError(
        f"{path.name} is not an attendance list netmap can read: expected a .csv, .tsv, .txt "
        f"or .xlsx file, got {suffix or 'no file type'}. Save it from Excel as CSV or .xlsx."
    )


def _csv_records(path: Path) -> list[list[str]]:
    try:
        text = _read_text(path)
    except UnicodeDecodeError as err:
        raise NetmapError(
            f"{path.name} is not a text file. Save it from Excel as CSV UTF-8 or .xlsx."
        ) from err
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))


def _field_of(header: str) -> str | None:
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
            name = _field_of(cell) if cell.strip() else None
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
class _Rows:
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
) -> tuple[_Rows, list[tuple], list[tuple], list[dict]]:
    """Read every list: usable rows, rejected rows, per-list counts and problems."""
    rows = _Rows()
    rejected: list[tuple] = []
    counts: list[tuple] = []
    problems: list[dict] = []
    for lst in lists:
        found = _find_header(lst.records)
        if found is None:
            headers = "; ".join(
                f"{f}: {', '.join(FIELDS[f][:3])}" for f in ("name", "organisation", "email")
            )
            first = next((r for r in lst.records if any(c.strip() for c in r)), [])
            problems.append(
                _problem(
                    lst.label,
                    None,
                    None,
                    " | ".join(c for c in first if c.strip())[:200] or "(empty)",
                    "no header row with a name or organisation column in the first "
                    f"{_HEADER_SEARCH_ROWS} rows",
                    f"Name the columns in one row, e.g. {headers} (the README section "
                    "'Attendance lists' has every header netmap knows).",
                )
            )
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
                reason = _add_row(rows, lst, excel_row, record, columns, list_title, list_date)
            if reason is not None:
                content = " | ".join(clean_text(c) for c in record if c.strip())
                rejected.append((lst.file, lst.sheet, excel_row, reason, content))
                n_rejected += 1
        used = len(rows.row) - before
        counts.append((lst.file, lst.sheet, used + n_rejected, used, n_rejected))
    return rows, rejected, counts, problems


def _cell(record: list[str], columns: dict[str, int], name: str) -> str | None:
    j = columns.get(name)
    if j is None or j >= len(record):
        return None
    text = clean_text(record[j])
    return text or None


def _add_row(rows: _Rows, lst: _List, excel_row: int, record, columns, title, date) -> str | None:
    """Add one row to ``rows``, or return why it cannot be used."""
    if not any(c.strip() for c in record):
        return "blank row"
    name = _cell(record, columns, "name")
    if name is None:
        parts = [_cell(record, columns, f) for f in ("first_name", "last_name")]
        name = " ".join(p for p in parts if p) or None
    organisation = _cell(record, columns, "organisation")
    if name is None and organisation is None:
        return "no name and no organisation"
    if name is not None and any(ch.isdigit() for ch in name):
        return "the name has digits: a total or a note, not a person"
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


def _problem(file, row, column, value, problem, hint, severity="error") -> dict:
    return {
        "severity": severity,
        "file": file,
        "row": row,
        "column": column,
        "value": value,
        "problem": problem,
        "hint": hint,
    }


# ---------------------------------------------------------------- review file


def read_review(path: str | Path) -> pd.DataFrame:
    """Read a review table the user filled in (CSV; as written, or saved again by Excel).

    Returns the rows with a decision, columns :data:`DECISION_COLUMNS`: ``kind``,
    ``left_rows`` and ``right_rows`` (the rows of the two sides; the first of each names the
    side), ``left_id``, ``right_id`` (for the messages) and ``decision`` (``merge`` or
    ``keep apart``).

    Raises
    ------
    InvalidDataError
        When a column is missing or a decision is not ``merge``, ``keep apart`` or blank.
    """
    path = Path(path)
    return _parse_review(_csv_records(path), path.name)


def _parse_review(records: list[list[str]], label: str) -> pd.DataFrame:
    if not records:
        return pd.DataFrame(columns=list(DECISION_COLUMNS))
    header = [clean_text(h).lower() for h in records[0]]
    needed = list(DECISION_COLUMNS)
    missing = [c for c in needed if c not in header]
    if missing:
        raise InvalidDataError(
            pd.DataFrame(
                [
                    _problem(
                        label,
                        1,
                        c,
                        None,
                        f"the review table has no column {c}",
                        "Give the review.csv netmap wrote (import/review.csv), with the "
                        "decision column filled in.",
                    )
                    for c in missing
                ]
            )
        )
    at = {c: header.index(c) for c in needed}
    rows, problems = [], []
    for n, record in enumerate(records[1:], start=2):
        cells = {c: clean_text(record[j]) if j < len(record) else "" for c, j in at.items()}
        decision = cells["decision"].lower()
        if not decision:
            continue
        if decision not in _REVIEW_DECISIONS:
            problems.append(
                _problem(
                    label,
                    n,
                    "decision",
                    cells["decision"],
                    "a decision is 'merge', 'keep apart' or blank",
                    "Write merge to join the two records, keep apart to keep them apart, or "
                    "leave it blank to decide later.",
                )
            )
            continue
        rows.append({**cells, "decision": _REVIEW_DECISIONS[decision]})
    if problems:
        raise InvalidDataError(pd.DataFrame(problems))
    return pd.DataFrame(rows, columns=needed)


# ---------------------------------------------------------------- checking against a truth

#: Columns of a truth table for :func:`score_import` and :func:`review_from_truth`.
TRUTH_COLUMNS = ("file", "sheet", "row", "person", "organisation")


def _rows_with_truth(result: AttendanceImport, truth: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in TRUTH_COLUMNS if c not in truth.columns]
    if missing:
        raise ValueError(
            f"The truth table needs the columns {', '.join(TRUTH_COLUMNS)}; "
            f"{', '.join(missing)} missing. Add them (sheet empty for CSV files)."
        )
    key = ["file", "sheet", "row"]
    known = truth[list(TRUTH_COLUMNS)].rename(
        columns={"person": "true_person", "organisation": "true_organisation"}
    )
    known = known.assign(sheet=known["sheet"].fillna(""), row=known["row"].astype(int))
    prov = result.provenance.assign(sheet=result.provenance["sheet"].fillna(""))
    return known.merge(prov, on=key, how="left", validate="one_to_one")


def score_import(result: AttendanceImport, truth: pd.DataFrame) -> pd.DataFrame:
    """Pairwise precision and recall of an import's merges against the true identities.

    Parameters
    ----------
    result : AttendanceImport
    truth : DataFrame
        Columns :data:`TRUTH_COLUMNS`: each input row (``file``, ``sheet``, ``row`` as in
        the provenance) and who it really is (``person``, ``organisation``: any labels;
        empty for no one). Rows the truth leaves out are not scored.

    Returns
    -------
    DataFrame
        One row per kind (``person``, ``organisation``): ``precision``, ``recall`` (see
        :func:`netmap.resolve.pair_scores`; a row used for no record of that kind, or a
        true record missing from the output, is its own singleton) and ``rows``.

    Examples
    --------
    >>> lists = {"2022-06-08 Träff": pd.DataFrame({"Namn": ["Anna Berg", "anna berg"],
    ...                                           "Organisation": ["PRO", "PRO"]})}
    >>> truth = pd.DataFrame({"file": ["2022-06-08 Träff"] * 2, "sheet": [None, None],
    ...                       "row": [2, 3], "person": ["anna", "anna"],
    ...                       "organisation": ["pro", "pro"]})
    >>> score_import(import_attendance(lists), truth)
               kind  precision  recall  rows
    0        person        1.0     1.0     2
    1  organisation        1.0     1.0     2
    """
    rows = _rows_with_truth(result, truth)
    out = []
    for kind, made, true in (
        ("person", "person_id", "true_person"),
        ("organisation", "organisation_id", "true_organisation"),
    ):
        scored = rows[rows[made].notna() | rows[true].notna()]
        # A row in no record, or with no true identity, is its own singleton.
        alone = pd.Series([f"-{i}" for i in range(len(scored))], index=scored.index)
        precision, recall = pair_scores(
            scored[made].fillna(alone), scored[true].fillna(alone).astype(str)
        )
        out.append((kind, precision, recall, len(scored)))
    return pd.DataFrame(out, columns=["kind", "precision", "recall", "rows"])


def review_from_truth(result: AttendanceImport, truth: pd.DataFrame) -> pd.DataFrame:
    """The review table decided by someone who knows the truth (to measure the review's worth).

    Each pair is ``merge`` when the rows behind its two records are mostly one true
    identity, else ``keep apart``. ``truth`` as in :func:`score_import`.
    """
    rows = _rows_with_truth(result, truth)
    true_of = {
        kind: rows.dropna(subset=[made]).groupby(made)[true].agg(_most_common_label)
        for kind, made, true in (
            ("person", "person_id", "true_person"),
            ("organisation", "organisation_id", "true_organisation"),
        )
    }
    review = result.review.copy()
    review["decision"] = [
        "merge"
        if pd.notna(true_of[k].get(a)) and true_of[k].get(a) == true_of[k].get(b)
        else "keep apart"
        for k, a, b in zip(review["kind"], review["left_id"], review["right_id"], strict=True)
    ]
    return review


def _most_common_label(values: pd.Series) -> object:
    return _most_common(v for v in values if pd.notna(v))


# ---------------------------------------------------------------- the import


def import_attendance(
    files_or_frames: str | Path | pd.DataFrame | Iterable[str | Path | pd.DataFrame],
    *,
    event: str | None = None,
    date: str | pd.Timestamp | None = None,
    review: str | Path | pd.DataFrame | None = None,
    sector_mapping: str | Path | pd.DataFrame | None = None,
) -> AttendanceImport:
    """Read attendance lists, resolve who is who, and build the record tables.

    Each row of a list is one attendee; each list (a CSV file, a sheet of a workbook, a
    DataFrame) is one collaboration, or several when it has an event or a date column.

    Parameters
    ----------
    files_or_frames : path, DataFrame, or an iterable of them
        CSV files (UTF-8, UTF-16 or Windows-1252; ``,``, ``;`` or tab), .xlsx workbooks
        (every sheet a list) or DataFrames. Headers are recognised in English and Swedish
        (:data:`FIELDS`), also below a few title lines; separate first-name and last-name
        columns are joined.
    event : str, optional
        Title for lists that say nothing better. A list's title is its event column, else
        its sheet name without the date (unless generic, like "Blad1"), else ``event``,
        else its file name without the date.
    date : str or Timestamp, optional
        Date for lists that have none. A row's date is its date column, else the date in the
        sheet name, else in the file name ("2022-06-08 Nätverksträff.csv", "15 juni 2022"),
        else ``date``; rows with no date are rejected.
    review : path or DataFrame, optional
        A review table with decisions (``merge`` / ``keep apart``), as written by
        :meth:`AttendanceImport.write` (``import/review.csv``). A decision names each side
        by the first row in its ``left_rows``/``right_rows``, so it still holds when other
        decisions or new lists renumber the records; a ``merge`` joins whatever records
        those rows are in now. Decisions that cannot be used (rows gone, or "keep apart"
        for rows a certain rule joins) are reported in ``warnings``.
    sector_mapping : path or DataFrame, optional
        Columns ``organisation`` and ``sector``: the sector of an organisation (any spelling
        of it), overriding a sector column and the sector inferred from the name.

    Returns
    -------
    AttendanceImport
        ``.network`` (validated tables), ``.review``, ``.provenance``, ``.rejected``,
        ``.merges``, ``.report``, ``.warnings``; ``.write(out_dir)`` saves them.

    Raises
    ------
    InvalidDataError
        When a list has no recognisable header, or a review or mapping file is malformed.
    FileNotFoundError
        When a file does not exist.

    Notes
    -----
    Organisations are resolved first (the department after a comma is split off and kept as
    the person's ``unit`` and in the organisation's ``units``), then people within them
    (rules and thresholds in :mod:`netmap.resolve`). A row with an organisation and no
    name is the organisation taking part as a whole. Ids are ``O<n>``, ``P<n>`` in order of
    first appearance of the certain clusters, so a review decision never renumbers other
    records; ``C<n>`` by date, then title. The sector of an organisation comes from the
    mapping (``sector_source`` = mapping), else the most frequent valid value of a sector
    column (given), else the name (inferred; see :func:`netmap.resolve.infer_sector`), else
    ``other`` (default).

    Examples
    --------
    Anna Berg of Luleå kommun signs in twice, once with her e-mail and the department; the
    organisation is written three ways and is one record:

    >>> lists = {
    ...     "2020-06-02 Dialog": pd.DataFrame({
    ...         "Namn": ["Anna Berg", "Erik Ek", None],
    ...         "Organisation": ["Luleå kommun", "PRO Luleå", "Lulea Kommun"]}),
    ...     "2020-09-15 Dialog": pd.DataFrame({
    ...         "Namn": ["anna berg", "Erik Ek"],
    ...         "Organisation": ["Luleå Kommun, kultur- och fritidsförvaltningen", "PRO Luleå"],
    ...         "E-post": ["anna.berg@lulea.se", None]}),
    ... }
    >>> result = import_attendance(lists)
    >>> result.tables["organisations"][["id", "name", "sector", "sector_source"]]
       id          name         sector sector_source
    0  O1  Luleå kommun         public      inferred
    1  O2     PRO Luleå  civil_society      inferred
    >>> result.tables["people"][["id", "name", "organisation_id", "unit"]]
       id       name organisation_id                              unit
    0  P1  Anna Berg              O1  kultur- och fritidsförvaltningen
    1  P2    Erik Ek              O2                               NaN
    >>> result.report[["file", "rows_read", "rows_used", "rows_rejected"]]
                    file  rows_read  rows_used  rows_rejected
    0  2020-06-02 Dialog          3          3              0
    1  2020-09-15 Dialog          2          2              0

    The third row of the first list has no name: Luleå kommun itself took part.
    """
    sources = _as_sources(files_or_frames)
    lists = [lst for i, (label, src) in enumerate(sources) for lst in _named(label, src, i)]
    default_date = _check_date(date)
    rows, rejected, counts, problems = _collect(lists, event=event, date=default_date)
    if problems:
        raise InvalidDataError(pd.DataFrame(problems))
    decisions = _review_frame(review)
    warnings: list[dict] = [
        _problem(f, r, "email", None, n, "Correct the address in the list.", "warning")
        for f, r, n in zip(rows.labels, rows.row, rows.note, strict=True)
        if n is not None
    ]
    builder = _Builder(rows, decisions, warnings)
    tables = builder.tables(_mapping_frame(sector_mapping, warnings))
    network = validate_tables(tables, source=", ".join(lst.label for lst in lists))
    return AttendanceImport(
        network=network,
        review=builder.review(),
        provenance=builder.provenance(),
        rejected=pd.DataFrame(rejected, columns=list(REJECTED_COLUMNS)),
        merges=builder.merges(),
        report=pd.DataFrame(counts, columns=list(REPORT_COLUMNS)),
        warnings=pd.DataFrame(warnings, columns=list(PROBLEM_COLUMNS)),
    )


def _as_sources(files_or_frames) -> list[tuple[str | None, str | Path | pd.DataFrame]]:
    if isinstance(files_or_frames, str | Path | pd.DataFrame):
        return [(None, files_or_frames)]
    if isinstance(files_or_frames, Mapping):
        return [(str(k), v) for k, v in files_or_frames.items()]
    return [(None, s) for s in files_or_frames]


def _named(label: str | None, source, position: int) -> list[_List]:
    lists = _read_lists(source, position)
    if label is not None:
        lists = [_List(label, lst.sheet, lst.records) for lst in lists]
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


def _review_frame(review) -> pd.DataFrame | None:
    if review is None:
        return None
    if isinstance(review, pd.DataFrame):
        records = [[cell_text(c) for c in review.columns]]
        records += [[cell_text(v) for v in row] for row in review.itertuples(index=False)]
        return _parse_review(records, "review")
    return read_review(review)


def _mapping_frame(mapping, warnings: list[dict]) -> dict[str, str]:
    """The sector mapping as {organisation match key: sector}."""
    if mapping is None:
        return {}
    if isinstance(mapping, pd.DataFrame):
        frame, label = mapping.map(cell_text), "sector mapping"
    else:
        records = _csv_records(Path(mapping))
        frame = pd.DataFrame(records[1:], columns=[clean_text(h).lower() for h in records[0]])
        label = Path(mapping).name
    frame.columns = [match_key(str(c)) for c in frame.columns]
    org_column = next((c for c in frame.columns if _field_of(c) in ("organisation", "name")), None)
    sector_column = next((c for c in frame.columns if _field_of(c) == "sector"), None)
    if org_column is None or sector_column is None:
        raise InvalidDataError(
            pd.DataFrame(
                [
                    _problem(
                        label,
                        1,
                        None,
                        ", ".join(map(str, frame.columns)),
                        "a sector mapping needs an organisation column and a sector column",
                        "Write the header organisation,sector and one organisation per row.",
                    )
                ]
            )
        )
    allowed = {**{s: s for s in SECTORS}, **_SYNONYMS["sector"]}
    out, problems = {}, []
    for n, (org, sector) in enumerate(
        zip(frame[org_column], frame[sector_column], strict=True), start=2
    ):
        if not clean_text(org):
            continue
        value = allowed.get(re.sub(r"[\s\-]+", "_", clean_text(sector).lower()))
        if value is None:
            problems.append(
                _problem(
                    label,
                    n,
                    "sector",
                    sector,
                    "not a sector",
                    f"Write one of {', '.join(SECTORS)}.",
                )
            )
            continue
        out[split_organisation(org).key] = value
    if problems:
        raise InvalidDataError(pd.DataFrame(problems))
    return out


def _most_common(values: Iterable) -> object:
    """The most frequent non-missing value, ties to the first seen; None if there is none."""
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _refs(rows: _Rows, positions: Sequence[int], *, limit: int = 5) -> str:
    refs = [rows.refs[i] for i in positions[:limit]]
    more = len(positions) - limit
    return "; ".join(refs) + (f" (+{more} more)" if more > 0 else "")


class _Builder:
    """Resolves organisations, then people, and builds every output table."""

    def __init__(self, rows: _Rows, decisions: pd.DataFrame | None, warnings: list[dict]):
        self.rows = rows
        self.warnings = warnings
        self.decisions = decisions
        n = len(rows.row)
        # Organisations.
        self.org_res = resolve_organisations(rows.organisation)
        self.org_ids = [f"O{k + 1}" for k in range(self.org_res.n_clusters)]
        self.org_review, merge = self._review_rows("organisation", self.org_res, self.org_ids)
        self.org_labels, self.org_joins, _ = apply_decisions(self.org_res, merge)
        # People: rows with a name.
        self.person_rows = np.array([i for i in range(n) if rows.name[i] is not None], dtype=int)
        self.person_res = resolve_people(
            [rows.name[i] for i in self.person_rows],
            emails=[rows.email[i] for i in self.person_rows],
            organisations=self.org_labels[self.person_rows],
        )
        self.person_ids = [f"P{k + 1}" for k in range(self.person_res.n_clusters)]
        self.person_review, merge = self._review_rows("person", self.person_res, self.person_ids)
        labels, self.person_joins, refused = apply_decisions(self.person_res, merge)
        for a, b in refused:
            self.warnings.append(
                _problem(
                    "review",
                    None,
                    "decision",
                    f"{self.person_ids[a]} / {self.person_ids[b]}: merge",
                    "not merged: with the other merges decided, it would make one person of "
                    "two different e-mail addresses",
                    "Check the merges of these two people in review.csv; merge the two "
                    "records with the e-mails directly if they are one person.",
                    "warning",
                )
            )
        self.person_labels = np.full(n, -1, dtype=np.int64)
        self.person_labels[self.person_rows] = labels

    # -- review

    def _review_rows(
        self, kind: str, res: Resolution, ids: list[str]
    ) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
        """The review table of one kind, with the user's decisions; the clusters to merge."""
        rows = self.rows
        positions = np.arange(len(rows.row)) if kind == "organisation" else self.person_rows
        members: dict[int, list[int]] = {}
        for pos, label in zip(positions.tolist(), res.labels.tolist(), strict=True):
            if label >= 0:
                members.setdefault(label, []).append(pos)
        names = display_names(
            res.labels[res.labels >= 0],
            [self._raw_name(kind, p) for p, k in zip(positions, res.labels, strict=True) if k >= 0],
        )
        out = []
        for c in res.candidates.itertuples(index=False):
            out.append(
                {
                    "kind": kind,
                    "left_id": ids[c.left],
                    "right_id": ids[c.right],
                    "left_name": names[c.left],
                    "right_name": names[c.right],
                    "left_detail": self._detail(kind, members[c.left]),
                    "right_detail": self._detail(kind, members[c.right]),
                    "left_rows": _refs(rows, members[c.left]),
                    "right_rows": _refs(rows, members[c.right]),
                    "score": c.score,
                    "evidence": c.evidence,
                    "decision": "",
                }
            )
        review = pd.DataFrame(out, columns=list(REVIEW_COLUMNS))
        return self._apply_file(kind, review, members)

    def _raw_name(self, kind: str, pos: int) -> str:
        if kind == "organisation":
            return split_organisation(self.rows.organisation[pos]).parent
        return self.rows.name[pos]

    def _detail(self, kind: str, positions: list[int]) -> str:
        rows = self.rows
        if kind == "organisation":
            return f"{len(positions)} rows"
        org = _most_common(int(self.org_labels[p]) for p in positions)
        org_name = (
            _most_common(
                split_organisation(rows.organisation[p]).parent
                for p in positions
                if rows.organisation[p] is not None
            )
            if org is not None and org >= 0
            else None
        )
        email = _most_common(rows.email[p].casefold() for p in positions if rows.email[p])
        return ", ".join(x for x in (org_name or "no organisation", email) if x)

    def _apply_file(
        self,
        kind: str,
        review: pd.DataFrame,
        members: dict[int, list[int]],
    ) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
        """Apply the user's decisions: a side is named by its first row, so a decision holds
        across re-runs even when ids change; report the ones that cannot be used."""
        if self.decisions is None or self.decisions.empty:
            return review, []
        cluster_of = {
            self.rows.refs[p]: label for label, positions in members.items() for p in positions
        }
        decided: dict[tuple[int, int], str] = {}
        merge = []
        given = self.decisions[self.decisions["kind"].astype(str).str.strip() == kind]
        for d in given.itertuples(index=False):
            a = cluster_of.get(_first_row(d.left_rows))
            b = cluster_of.get(_first_row(d.right_rows))
            pair = f"{d.left_id} / {d.right_id}: {d.decision}"
            if a is None or b is None:
                self._warn_decision(
                    pair,
                    f"the rows of this {kind} pair are no longer in the lists (or no longer "
                    f"hold a {kind}), so the decision was not used",
                )
                continue
            if a == b and d.decision == "keep apart":
                self._warn_decision(
                    pair, f"cannot keep apart: the rows are one {kind} by a certain rule"
                )
                continue
            decided[(min(a, b), max(a, b))] = d.decision
            if d.decision == "merge" and a != b:
                merge.append((min(a, b), max(a, b)))
        review["decision"] = [
            decided.get((_number(a) - 1, _number(b) - 1), "")
            for a, b in zip(review["left_id"], review["right_id"], strict=True)
        ]
        return review, merge

    def _warn_decision(self, pair: str, problem: str) -> None:
        self.warnings.append(
            _problem(
                "review",
                None,
                "decision",
                pair,
                problem,
                "The lists changed since the review table was written; decide the pairs in "
                "the new import/review.csv.",
                "warning",
            )
        )

    def review(self) -> pd.DataFrame:
        return pd.concat([self.org_review, self.person_review], ignore_index=True)

    # -- tables

    def tables(self, mapping: dict[str, str]) -> dict[str, pd.DataFrame]:
        rows = self.rows
        n = len(rows.row)
        self.collab_of, collaborations = self._collaborations()
        organisations = self._organisations(mapping)
        people = self._people()
        part = {}
        for i in range(n):
            collab = self.collab_of[i]
            if self.person_labels[i] >= 0:
                key = (collab, self.person_ids[self.person_labels[i]], None)
            else:
                key = (collab, None, self.org_ids[self.org_labels[i]])
            role = _PARTICIPATION_ROLES.get(match_key(rows.role[i] or ""), "participant")
            old = part.get(key)
            if old is None or _ROLE_ORDER.index(role) < _ROLE_ORDER.index(old):
                part[key] = role
        participation = pd.DataFrame(
            [(*key, part[key]) for key in sorted(part, key=_participation_order)],
            columns=["collaboration_id", "person_id", "organisation_id", "role"],
        )
        ties = pd.DataFrame(columns=["source_id", "target_id", "kind", "start_date", "end_date"])
        return {
            "organisations": organisations,
            "people": people,
            "collaborations": collaborations,
            "participation": participation,
            "ties": ties,
        }

    def _collaborations(self) -> tuple[list[str], pd.DataFrame]:
        rows = self.rows
        keys = sorted(
            {(d, match_key(e)) for d, e in zip(rows.date, rows.event, strict=True)},
        )
        ids = {key: f"C{k + 1}" for k, key in enumerate(keys)}
        of = [ids[(d, match_key(e))] for d, e in zip(rows.date, rows.event, strict=True)]
        members_of: dict[str, list[int]] = {}
        for i, cid in enumerate(of):
            members_of.setdefault(cid, []).append(i)
        records = []
        for key, cid in ids.items():
            members = members_of[cid]
            title = _most_common(rows.event[i] for i in members)
            kind = next((k for k, rule in _KIND_RULES if rule.search(key[1])), "meeting")
            records.append(
                (
                    cid,
                    title,
                    kind,
                    key[0].date().isoformat(),
                    None,
                    None,
                    None,
                    _sources_of(rows, members),
                )
            )
        frame = pd.DataFrame(
            records,
            columns=[
                "id",
                "title",
                "kind",
                "start_date",
                "end_date",
                "municipality",
                "theme",
                "source",
            ],
        )
        return of, frame

    def _organisations(self, mapping: dict[str, str]) -> pd.DataFrame:
        rows = self.rows
        positions = [i for i in range(len(rows.row)) if self.org_labels[i] >= 0]
        labels = [int(self.org_labels[i]) for i in positions]
        parents = [split_organisation(rows.organisation[i]) for i in positions]
        names = display_names(labels, [p.parent for p in parents])
        by_label: dict[int, list[int]] = {}
        for pos, label in zip(positions, labels, strict=True):
            by_label.setdefault(label, []).append(pos)
        allowed = {**{s: s for s in SECTORS}, **_SYNONYMS["sector"]}
        records = []
        for label, members in sorted(by_label.items()):
            name = names[label]
            keys = {split_organisation(rows.organisation[i]).key for i in members}
            mapped = next((mapping[k] for k in sorted(keys) if k in mapping), None)
            given = _most_common(
                allowed.get(re.sub(r"[\s\-]+", "_", rows.sector[i].lower()))
                for i in members
                if rows.sector[i]
            )
            inferred, kind = infer_sector(name)
            if mapped is not None:
                sector, source = mapped, "mapping"
            elif given is not None:
                sector, source = given, "given"
            elif inferred != "other":
                sector, source = inferred, "inferred"
            else:
                sector, source = "other", "default"
            units = sorted(
                {rows.unit[i] for i in members if rows.unit[i] is not None}, key=match_key
            )
            records.append(
                (
                    self.org_ids[label],
                    name,
                    sector,
                    kind,
                    _most_common(rows.municipality[i] for i in members),
                    None,
                    source,
                    "; ".join(units) or None,
                )
            )
        for mapping_key in sorted(
            set(mapping) - {split_organisation(rows.organisation[i]).key for i in positions}
        ):
            self.warnings.append(
                _problem(
                    "sector mapping",
                    None,
                    "organisation",
                    mapping_key,
                    "no organisation in the lists has this name",
                    "Check the spelling; the mapping matches any spelling the lists use.",
                    "warning",
                )
            )
        return pd.DataFrame(
            records,
            columns=[
                "id",
                "name",
                "sector",
                "kind",
                "municipality",
                "region",
                "sector_source",
                "units",
            ],
        )

    def _people(self) -> pd.DataFrame:
        rows = self.rows
        positions = self.person_rows.tolist()
        labels = [int(self.person_labels[i]) for i in positions]
        names = display_names(labels, [rows.name[i] for i in positions])
        by_label: dict[int, list[int]] = {}
        for pos, label in zip(positions, labels, strict=True):
            by_label.setdefault(label, []).append(pos)
        records = []
        for label, members in sorted(by_label.items()):
            org = _most_common(int(self.org_labels[i]) for i in members if self.org_labels[i] >= 0)
            titles = (
                rows.role[i]
                for i in members
                if rows.role[i] and match_key(rows.role[i]) not in _PARTICIPATION_ROLES
            )
            records.append(
                (
                    self.person_ids[label],
                    names[label],
                    None if org is None else self.org_ids[org],
                    _most_common(titles),
                    _most_common(rows.email[i].casefold() for i in members if rows.email[i]),
                    _most_common(rows.unit[i] for i in members),
                )
            )
        return pd.DataFrame(
            records, columns=["id", "name", "organisation_id", "role", "email", "unit"]
        )

    # -- traceability

    def provenance(self) -> pd.DataFrame:
        rows = self.rows
        return pd.DataFrame(
            {
                "file": rows.file,
                "sheet": rows.sheet,
                "row": rows.row,
                "collaboration_id": self.collab_of,
                "person_id": [
                    self.person_ids[k] if k >= 0 else None for k in self.person_labels.tolist()
                ],
                "organisation_id": [
                    self.org_ids[k] if k >= 0 else None for k in self.org_labels.tolist()
                ],
                "name": rows.name,
                "organisation": rows.organisation,
                "email": rows.email,
                "unit": rows.unit,
                "note": rows.note,
            },
            columns=list(PROVENANCE_COLUMNS),
        )

    def merges(self) -> pd.DataFrame:
        ref = self.rows.refs.__getitem__
        out = []
        for kind, res, final, ids, positions, joins in (
            ("organisation", self.org_res, self.org_labels, self.org_ids, None, self.org_joins),
            (
                "person",
                self.person_res,
                self.person_labels,
                self.person_ids,
                self.person_rows,
                self.person_joins,
            ),
        ):
            pos = (lambda m: m) if positions is None else (lambda m, p=positions: int(p[m]))
            for m in res.merges.itertuples(index=False):
                left = pos(m.left)
                out.append(
                    (
                        kind,
                        ids[final[left]],
                        ref(left),
                        ref(pos(m.right)),
                        m.left_name,
                        m.right_name,
                        m.rule,
                        m.score,
                    )
                )
            first = {}
            for mention, label in enumerate(res.labels.tolist()):
                if label >= 0:
                    first.setdefault(label, pos(mention))
            for a, b in joins:
                out.append(
                    (
                        kind,
                        ids[final[first[a]]],
                        ref(first[a]),
                        ref(first[b]),
                        self._raw_name(kind, first[a]),
                        self._raw_name(kind, first[b]),
                        "review: merge",
                        100.0,
                    )
                )
        frame = pd.DataFrame(out, columns=list(MERGE_COLUMNS))
        number = frame["record_id"].str[1:].astype(int)
        kind_order = (frame["kind"] == "person").astype(int)
        order = np.lexsort((np.arange(len(frame)), number.to_numpy(), kind_order.to_numpy()))
        return frame.iloc[order].reset_index(drop=True)


def _number(record: str | None) -> int:
    """The number of an id made here (``P12`` -> 12; None -> 0), for sorting."""
    return 0 if record is None else int(record[1:])


def _participation_order(key: tuple[str, str | None, str | None]) -> tuple[int, int, int]:
    return tuple(_number(r) for r in key)


def _first_row(refs: object) -> str:
    """The first row reference of a ``left_rows``/``right_rows`` cell."""
    return str(refs).split("; ")[0].split(" (+")[0].strip()


def _sources_of(rows: _Rows, members: list[int]) -> str:
    return "; ".join(dict.fromkeys(rows.labels[i] for i in members))
