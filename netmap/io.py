"""Read record files (a folder of CSV files or one .xlsx workbook) and write them back.

Reading keeps every cell as the text the user typed, with the row number Excel shows, and
leaves all checking to :mod:`netmap.validate`. CSV files may be UTF-8 (with or without a
byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode text") or Windows-1252 (what
Swedish Excel writes as "CSV"), separated by commas, semicolons or tabs.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.utils.exceptions import InvalidFileException

from netmap.errors import NetmapError, problem_record
from netmap.network import Network
from netmap.schema import TABLE_ORDER, TABLES
from netmap.spreadsheet import spreadsheet_text
from netmap.validate import (
    CONTROL_CHARACTERS,
    DERIVED_COLUMNS,
    RawTable,
    Validation,
    cell_text,
    closest_match,
    normalise_name,
    required_columns,
    validate_raw,
)

__all__ = [
    "CsvRecords",
    "load",
    "open_workbook",
    "read_csv_records",
    "read_raw",
    "read_text",
    "sniff_delimiter",
    "validate_path",
    "write_tables",
    "write_templates",
]

#: File name endings read as delimited text tables.
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
#: File name endings read as workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Separators a CSV file may use.
DELIMITERS = ";,\t"

Format = Literal["csv", "xlsx"]


def load(path: str | Path) -> Network:
    """Load records from a folder of CSV files or an .xlsx workbook into a validated Network.

    The folder holds ``organisations.csv``, ``people.csv``, ``collaborations.csv``,
    ``participation.csv`` and optionally ``ties.csv``; a workbook holds sheets of those
    names. File, sheet and column names are matched case-insensitively (``People.CSV``,
    ``Start date`` for ``start_date``). Every problem in the records is collected first;
    then one :class:`~netmap.errors.InvalidDataError` lists them all.

    Parameters
    ----------
    path : str or Path
        A folder of CSV files, or an .xlsx workbook.

    Returns
    -------
    Network
        With ``load_report`` (rows read, used and rejected per table) and ``warnings``
        (problems that do not stop the load, e.g. an organisation nobody belongs to).

    Raises
    ------
    InvalidDataError
        When the records have errors; ``.problems`` lists every error and warning with
        file, row (as Excel shows it, header = row 1), column, value, problem and hint.
    FileNotFoundError
        When ``path`` does not exist.
    NetmapError
        When ``path`` is neither a folder nor a workbook.

    See Also
    --------
    validate_path : the same checks, returning every problem instead of raising.
    netmap.validate.validate_tables : the same checks for DataFrames built in code.

    Examples
    --------
    >>> import netmap
    >>> net = netmap.load("data/sample")
    >>> net.load_report.columns.tolist()
    ['table', 'file', 'rows_read', 'rows_used', 'rows_rejected']

    people.csv has 15 lines, a header and 14 people; all 14 are in the people table:

    >>> net.load_report.set_index("table").loc["people"].astype(str).tolist()
    ['people.csv', '14', '14', '0']
    >>> len(net.tables["people"])
    14
    """
    return validate_path(path).network()


def validate_path(path: str | Path) -> Validation:
    """Read and check the records at ``path``; return typed tables, problems and load report.

    Unlike :func:`load`, this does not raise on invalid records: ``result.ok`` says whether
    there were errors, ``result.problems`` lists them (``netmap validate`` prints it).
    """
    raw, problems = read_raw(path)
    return validate_raw(raw, problems=problems, source=str(path))


def read_raw(path: str | Path) -> tuple[dict[str, RawTable], list[dict]]:
    """Read the tables at ``path`` as text, without checking them.

    Returns the raw tables by name and the problems of whole files (missing, empty,
    unreadable, not a table), as dicts with the keys of ``PROBLEM_COLUMNS`` and ``table``.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"No such folder or workbook: {path}")
    if path.is_dir():
        return _read_folder(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path)
    if suffix == ".xls":
        return {}, [
            problem_record(
                path.name,
                None,
                None,
                None,
                "this is an old-style Excel file (.xls), which netmap cannot read",
                "Open it in Excel and save it as Excel Workbook (.xlsx).",
            )
        ]
    if suffix in CSV_SUFFIXES:
        raise NetmapError(
            f"{path} is a single {suffix} file; netmap reads a folder of them "
            f"(organisations{suffix}, people{suffix}, ...) or an .xlsx workbook. "
            f"Give the folder instead: {path.parent}"
        )
    raise NetmapError(
        f"{path} is neither a folder of CSV files nor an .xlsx workbook; give one of those."
    )


def _sources(names: list[str], *, kind: str, container: str) -> tuple[dict[str, str], list[dict]]:
    """Match file or sheet ``names`` to tables: {table: name}, and problems (missing,
    twice, unknown)."""
    problems = []
    found: dict[str, list[str]] = {}
    unknown = []
    for name in names:
        stem = Path(name).stem if kind == "file" else name
        table = normalise_name(stem)
        if table in TABLES:
            found.setdefault(table, []).append(name)
        else:
            unknown.append(name)
    matched = {}
    for table in TABLE_ORDER:
        candidates = sorted(found.get(table, []))
        if len(candidates) > 1:
            problems.append(
                problem_record(
                    candidates[0],
                    None,
                    None,
                    None,
                    f"{len(candidates)} {kind}s hold the table {table}: {', '.join(candidates)}",
                    f"Keep one of them; netmap reads one {kind} per table.",
                    table=table,
                )
            )
        elif candidates:
            matched[table] = candidates[0]
        elif TABLES[table].required:
            expected = f"{table}.csv" if kind == "file" else table
            alike = closest_match(table, [normalise_name(Path(u).stem) for u in unknown], cutoff=70)
            similar = [u for u in unknown if alike and normalise_name(Path(u).stem) == alike]
            rename = f" Is {similar[0]} meant to be it? Then rename it." if similar else ""
            columns = ", ".join(required_columns(TABLES[table]))
            problems.append(
                problem_record(
                    expected if kind == "file" else container,
                    None,
                    None,
                    None,
                    f"the {kind} {expected} is missing",
                    f"Add a {kind} named {expected} whose first row names the columns "
                    f"{columns} (`netmap templates DIR` writes empty ones).{rename}",
                    table=table,
                )
            )
    tables = ", ".join(TABLE_ORDER)
    for name in unknown:
        alike = closest_match(normalise_name(Path(name).stem), list(TABLES), cutoff=70)
        renamed = alike + Path(name).suffix if alike and kind == "file" else alike
        guess = f" If it is the {alike} table, rename it to {renamed}." if alike else ""
        problems.append(
            problem_record(
                name if kind == "file" else f"{container}, sheet {name}",
                None,
                None,
                None,
                f"not a netmap table, so it was not read ({kind} names are {tables})",
                f"Nothing to do if it holds something else.{guess}",
                severity="warning",
            )
        )
    return matched, problems


# ---------------------------------------------------------------- CSV folders


def _read_folder(folder: Path) -> tuple[dict[str, RawTable], list[dict]]:
    files = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in CSV_SUFFIXES
        and not p.name.startswith((".", "~$"))
        and (p.suffix.lower() != ".txt" or normalise_name(p.stem) in TABLES)
    )
    matched, problems = _sources(files, kind="file", container=folder.name)
    if not matched and any(p.suffix.lower() in WORKBOOK_SUFFIXES for p in folder.iterdir()):
        books = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in WORKBOOK_SUFFIXES)
        for p in problems:
            if p["severity"] == "error":
                p["hint"] += f" To read the workbook {books[0]}, give its path instead."
    raw = {}
    for table, name in matched.items():
        read, file_problems = _read_csv(folder / name, table)
        problems += file_problems
        if read is not None:
            raw[table] = read
    return raw, problems


def read_text(path: Path) -> str:
    """The text of a file: UTF-16 if it starts with a UTF-16 byte-order mark, else strict
    UTF-8 (a UTF-8 byte-order mark is removed), else Windows-1252.

    Raises UnicodeDecodeError when it is none of them (bytes that Windows-1252 leaves
    undefined: the file is not text).
    """
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


_MARKUP = re.compile(r"<\s*(?:!doctype|html|head|body|table|\?xml)", re.IGNORECASE)


def _not_text(text: str) -> bool:
    """True when decoded text is binary data: a NUL, or many other control characters."""
    sample = text[:65536]
    if "\x00" in sample:
        return True
    return len(CONTROL_CHARACTERS.findall(sample)) > max(1, len(sample) // 100)


#: The longest cell a CSV file may hold (characters); csv's default is 131,072.
MAX_CELL = 10_000_000
csv.field_size_limit(MAX_CELL)


@dataclass(frozen=True)
class CsvRecords:
    """The records of one CSV file, with the physical lines each one spans.

    ``records[i]`` starts on line ``first_lines[i]`` and ends on ``last_lines[i]`` (1-based,
    as a text editor numbers lines); a record whose quoted cell holds line breaks spans
    several lines. Blank lines are records with no cells.
    """

    records: list[list[str]]
    first_lines: list[int]
    last_lines: list[int]


def read_csv_records(path: str | Path) -> tuple[CsvRecords | None, list[dict]]:
    """Read one delimited text file into records; or None and the problem that makes it
    unreadable.

    The file may be UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
    mark or Windows-1252, separated by ``,``, ``;`` or tab (Excel's ``sep=;`` first line
    is honoured). Problems are dicts with the keys of
    :data:`netmap.errors.PROBLEM_COLUMNS` and ``table`` (None): an error when the file is
    a workbook, binary, a web page, empty or not a CSV table; a warning for garbled
    Swedish letters.

    Examples
    --------
    A stray double quote makes one record of the three lines below it:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "list.csv"
    ...     _ = path.write_text('Namn,Org\\n"Anna,PRO\\nErik,PRO\\nEva,PRO\\n')
    ...     read, problems = read_csv_records(path)
    >>> len(read.records), read.first_lines, read.last_lines, problems
    (2, [1, 2], [1, 4], [])
    """
    path = Path(path)
    name = path.name

    def fail(problem: str, hint: str) -> tuple[None, list[dict]]:
        return None, [problem_record(name, None, None, None, problem, hint)]

    head = path.read_bytes()[:4]
    if head.startswith(b"PK\x03\x04"):
        return fail(
            "this is an Excel workbook (or another zip archive), not a CSV file",
            "Give the workbook itself (its name must end in .xlsx), or save each sheet "
            "from Excel as CSV.",
        )
    try:
        text = read_text(path)
    except UnicodeDecodeError:
        text = "\x00"
    if not text.strip():
        return fail("the file is empty", "Write the header row in the first line.")
    if _not_text(text):
        return fail(
            "this is not a text file (it holds binary data)",
            "Save the table from Excel as CSV (File > Save as > CSV UTF-8), or give the "
            ".xlsx workbook instead.",
        )
    if _MARKUP.match(text.lstrip()):
        return fail(
            "this is a web page (HTML or XML), not a CSV table",
            "Download or export the table as CSV or .xlsx instead of saving the web page.",
        )
    # Excel's "sep=;" first line names the separator; Excel hides it, so the header stays row 1.
    offset = 0
    if m := re.match(r"sep=(.)\r?\n", text):
        delimiter, text, offset = m[1], text[m.end() :], 1
    else:
        delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, first_lines, last_lines = [], [], []
    try:
        for record in reader:
            first_lines.append((last_lines[-1] if last_lines else offset) + 1)
            last_lines.append(reader.line_num + offset)
            records.append(record)
    except csv.Error as err:
        if "field larger than field limit" in str(err):
            start = (last_lines[-1] if last_lines else offset) + 1
            return fail(
                f"a cell starting on line {start} is longer than {MAX_CELL:,} characters: "
                "a double quote without its partner?",
                f'Look for a lone " on line {start}; remove it, or close it with a second ".',
            )
        return fail(
            f"this cannot be read as a CSV table ({err})",
            "Open it in Excel and save it again as CSV UTF-8.",
        )
    return CsvRecords(records, first_lines, last_lines), _mojibake(records, name)


def _read_csv(path: Path, table: str) -> tuple[RawTable | None, list[dict]]:
    """Read one record table from a delimited text file; or None and why it is unreadable."""
    read, problems = read_csv_records(path)
    for p in problems:
        p["table"] = table
        if p["problem"] == "the file is empty":
            p["hint"] = (
                f"Write the header row in the first line ({_header_hint(table)}); a table "
                "with no records needs only that line."
            )
    if read is None:
        return None, problems
    lines = list(zip(read.first_lines, read.last_lines, strict=True))
    # A table netmap wrote for Excel (the dashboard's downloads) loads with its own values.
    records = [[spreadsheet_text(cell) for cell in record] for record in read.records]
    return RawTable.from_records(table, path.name, records, lines=lines), problems


#: Swedish letters encoded as UTF-8 and then read as Windows-1252 (å -> Ã¥, Ö -> Ã–, é -> Ã©).
_MOJIBAKE = re.compile("Ã[¥¤¶…„–©]")


def _mojibake(records: list[list[str]], name: str) -> list[dict]:
    """One warning naming the first cell whose Swedish letters a wrong encoding garbled."""
    garbled = [
        (row, position, cell)
        for row, record in enumerate(records, start=1)
        for position, cell in enumerate(record)
        if _MOJIBAKE.search(cell)
    ]
    if not garbled:
        return []
    row, position, cell = garbled[0]
    header = records[0]
    n = len(garbled) - 1
    more = f" (and {n} more cell{'s' if n > 1 else ''})" if n else ""
    return [
        problem_record(
            name,
            row,
            normalise_name(header[position]) if position < len(header) else None,
            cell,
            f"letters look garbled{more}: text saved as UTF-8 was read as Windows-1252 "
            "somewhere on its way",
            "Fix the names at the source (Ã¥ is å, Ã¤ is ä, Ã¶ is ö), then save the file "
            "again as CSV UTF-8.",
            severity="warning",
        )
    ]


def _header_hint(table: str) -> str:
    return ",".join(required_columns(TABLES[table]))


def sniff_delimiter(text: str) -> str:
    """The separator of a CSV text: ``;``, ``,`` or tab; ``,`` for a one-column file.

    :class:`csv.Sniffer` decides on the first lines; if its choice does not occur in the
    header line (or it cannot decide), the candidate seen most often in the header wins.

    Examples
    --------
    >>> sniff_delimiter("id;name\\nO1;Luleå kommun, socialtjänsten\\n")
    ';'
    >>> sniff_delimiter("id\\nO1\\n")
    ','
    """
    lines = text[:65536].splitlines()
    header = next((line for line in lines if line.strip()), "")
    sample = "\n".join(lines[:50])
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        guess = None
    if guess is not None and guess in header:
        return guess
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


# ---------------------------------------------------------------- workbooks


def open_workbook(path: str | Path) -> openpyxl.Workbook:
    """Open an .xlsx workbook read-only, with cell values (not formulas).

    Raises
    ------
    NetmapError
        When it is not a workbook openpyxl can read (a renamed file, a broken zip, an old
        .xls); the message names the file and the reason, and says what to do.
    """
    path = Path(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise NetmapError(
            f"{path.name} is not an Excel workbook netmap can read ({_reason(err)}). "
            f"{_SAVE_AS_XLSX}"
        ) from err


_SAVE_AS_XLSX = "Open it in Excel and save it as Excel Workbook (.xlsx)."


def _reason(err: BaseException) -> str:
    return str(err) or type(err).__name__


def _read_workbook(path: Path) -> tuple[dict[str, RawTable], list[dict]]:
    try:
        book = open_workbook(path)
    except NetmapError as err:
        reason = _reason(err.__cause__)
        return {}, [
            problem_record(
                path.name,
                None,
                None,
                None,
                f"this is not an Excel workbook netmap can read ({reason})",
                _SAVE_AS_XLSX,
            )
        ]
    try:
        matched, problems = _sources(book.sheetnames, kind="sheet", container=path.name)
        raw = {}
        for table, sheet in matched.items():
            records = [
                [cell_text(v) for v in row] for row in book[sheet].iter_rows(values_only=True)
            ]
            label = f"{path.name}, sheet {sheet}"
            if not any(any(c.strip() for c in r) for r in records):
                problems.append(
                    problem_record(
                        label,
                        None,
                        None,
                        None,
                        "the sheet is empty",
                        f"Write the header row in row 1 ({_header_hint(table)}); a table "
                        "with no records needs only that row.",
                        table=table,
                    )
                )
                continue
            raw[table] = RawTable.from_records(table, label, records)
    finally:
        book.close()
    return raw, problems


# ---------------------------------------------------------------- writing


def _columns_to_write(name: str, df: pd.DataFrame) -> list[str]:
    derived = DERIVED_COLUMNS.get(name, ())
    schema = [c.name for c in TABLES[name].columns]
    extras = [c for c in df.columns if c not in schema and c not in derived]
    return [*schema, *extras]


def _tables_of(tables: Network | Mapping[str, pd.DataFrame]) -> Mapping[str, pd.DataFrame]:
    return tables.tables if isinstance(tables, Network) else tables


def write_tables(
    tables: Network | Mapping[str, pd.DataFrame],
    path: str | Path,
    *,
    format: Format | None = None,
    delimiter: str = ",",
) -> Path:
    """Write the five record tables so that :func:`load` reads them back unchanged.

    Parameters
    ----------
    tables : Network or mapping of str to DataFrame
        Validated tables (a Network's ``tables``); columns netmap derives (``ties``'
        ``source_type``/``target_type``) are left out, extra columns are kept.
    path : str or Path
        A folder for CSV files (created if needed), or the .xlsx file to write.
    format : {"csv", "xlsx"}, optional
        Default: ``xlsx`` when ``path`` ends in .xlsx, else ``csv``.
    delimiter : str, default ","
        Separator of the CSV files (``";"`` opens directly in Swedish Excel). CSV files are
        UTF-8 with a byte-order mark, which Excel needs to show å, ä and ö.

    Returns
    -------
    Path
        The folder or workbook written.

    Examples
    --------
    >>> import tempfile, netmap
    >>> net = netmap.load("data/sample")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     again = netmap.load(write_tables(net, folder))
    >>> again.fingerprint == net.fingerprint
    True
    """
    path = Path(path)
    tables = _tables_of(tables)
    if format is None:
        format = "xlsx" if path.suffix.lower() in WORKBOOK_SUFFIXES else "csv"
    frames = {
        name: tables[name][_columns_to_write(name, tables[name])]
        for name in TABLE_ORDER
        if name in tables
    }
    if format == "csv":
        path.mkdir(parents=True, exist_ok=True)
        for name, df in frames.items():
            with (path / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f, delimiter=delimiter, lineterminator="\n")
                writer.writerow(df.columns)
                writer.writerows([cell_text(v) for v in row] for row in df.itertuples(index=False))
    elif format == "xlsx":
        _write_workbook(frames, path)
    else:
        raise ValueError(f"format must be 'csv' or 'xlsx'; got {format!r}.")
    return path


def _write_workbook(frames: Mapping[str, pd.DataFrame], path: Path, *, comments: bool = False):
    book = openpyxl.Workbook(write_only=True)
    for name, df in frames.items():
        sheet = book.create_sheet(name)
        header = []
        for column in df.columns:
            cell = WriteOnlyCell(sheet, value=column)
            if comments and column in TABLES[name].column_names:
                cell.comment = Comment(TABLES[name].column(column).description, "netmap")
            header.append(cell)
        sheet.append(header)
        for row in df.itertuples(index=False):
            sheet.append([_excel_cell(sheet, v) for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _excel_cell(sheet, value) -> WriteOnlyCell | None:
    """One value as an Excel cell: dates as date cells, numbers as numbers, text as text
    (never as a formula, even when it starts with '=')."""
    text = cell_text(value)
    if text == "":
        return None
    if isinstance(value, pd.Timestamp):
        cell = WriteOnlyCell(sheet, value=value.to_pydatetime())
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, float):
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


def write_templates(path: str | Path, *, format: Format = "csv") -> list[Path]:
    """Write empty record tables with the right header rows, to fill in.

    ``format="csv"`` writes five CSV files into the folder ``path``; ``format="xlsx"`` one
    workbook (``path`` itself if it ends in .xlsx, else ``path/netmap-records.xlsx``) whose
    header cells carry each column's description as a comment. Loading the templates gives
    an empty, valid network. Existing files are never overwritten.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    NetmapError
        When one of the files exists already (nothing is written then).

    Examples
    --------
    >>> import tempfile, netmap
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_templates(folder)
    ...     net = netmap.load(folder)
    >>> [p.name for p in written]
    ['organisations.csv', 'people.csv', 'collaborations.csv', 'participation.csv', 'ties.csv']
    >>> net
    <Network ...: 0 organisations, 0 people, 0 collaborations, 0 participation, 0 ties>
    """
    path = Path(path)
    frames = {
        name: pd.DataFrame(columns=[c.name for c in TABLES[name].columns]) for name in TABLE_ORDER
    }
    if format == "xlsx":
        book = path if path.suffix.lower() in WORKBOOK_SUFFIXES else path / "netmap-records.xlsx"
        targets = [book]
    else:
        targets = [path / f"{name}.csv" for name in TABLE_ORDER]
    existing = [str(p) for p in targets if p.exists()]
    if existing:
        raise NetmapError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "templates never overwrite records. Choose an empty folder."
        )
    if format == "xlsx":
        _write_workbook(frames, book, comments=True)
    else:
        write_tables(frames, path, format=format)
    return targets
