"""Attendance lists (sign-in sheets, registration exports) -> the five record tables.

Each list is a CSV file, a workbook (every sheet a list) or a DataFrame, one row per attendee,
read by :mod:`netmap.attendance_lists` (headers in English or Swedish; the meeting and its date
from columns, the sheet or file name, or the caller). People and organisations are resolved
by :mod:`netmap.resolve`, then the records are built here; certain merges are made,
uncertain ones go to a review table the user fills in with ``merge`` or ``keep apart``.
Every row read is either used (see ``provenance``) or rejected with a reason (``rejected``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from netmap.attendance_lists import (
    FIELDS,
    REJECTED_COLUMNS,
    REPORT_COLUMNS,
    AttendanceRows,
    csv_records,
    field_of,
    read_lists,
)
from netmap.errors import PROBLEM_COLUMNS, InvalidDataError, NetmapError, problem_record
from netmap.io import write_tables
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
from netmap.schema import CHOICE_SYNONYMS, SECTORS, TABLES
from netmap.spreadsheet import spreadsheet_safe, spreadsheet_text
from netmap.validate import cell_text, normalise_name, validate_tables

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
    "check_import_folder",
    "import_attendance",
    "read_review",
    "review_from_truth",
    "score_import",
]

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

        Raises
        ------
        NetmapError
            When ``out_dir`` holds record files but no ``import`` folder: records made
            some other way, which writing would overwrite.
        OSError
            When the files cannot be written (``out_dir`` is a file, no permission).
        """
        out = Path(out_dir)
        check_import_folder(out)
        write_tables(self.network, out)
        extra = out / IMPORT_FOLDER
        extra.mkdir(parents=True, exist_ok=True)
        # These files are meant for Excel: text that would run as a formula gets a "'".
        for name in ("review", "provenance", "rejected", "merges", "report"):
            spreadsheet_safe(getattr(self, name)).to_csv(
                extra / f"{name}.csv", index=False, encoding="utf-8-sig", lineterminator="\n"
            )
        return out


def check_import_folder(out_dir: str | Path) -> None:
    """Raise NetmapError when ``out_dir`` holds record files that an attendance import did
    not write (no ``import`` folder beside them): writing there would overwrite them.

    Examples
    --------
    data/sample holds the five record files and no import/ folder:

    >>> check_import_folder("data/sample")
    Traceback (most recent call last):
    ...
    netmap.errors.NetmapError: data/sample holds record files (collaborations.csv, ...
    """
    out = Path(out_dir)
    if not out.is_dir() or (out / IMPORT_FOLDER).is_dir():
        return
    records = sorted(
        p.name for p in out.iterdir() if p.suffix.lower() == ".csv" and p.stem.lower() in TABLES
    )
    if records:
        raise NetmapError(
            f"{out} holds record files ({', '.join(records)}) that no attendance import "
            f"wrote (there is no {IMPORT_FOLDER}/ folder), and importing would overwrite "
            "them. Give a new folder with --out; to import into these records, import into "
            "a new folder and combine the tables yourself."
        )


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
    return _parse_review(csv_records(path), path.name)


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
                    problem_record(
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
        cells = {
            c: spreadsheet_text(clean_text(record[j])) if j < len(record) else ""
            for c, j in at.items()
        }
        decision = cells["decision"].lower()
        if not decision:
            continue
        if decision not in _REVIEW_DECISIONS:
            problems.append(
                problem_record(
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
    files_or_frames : path, file, DataFrame, or an iterable or a dict of them
        CSV files (UTF-8, UTF-16 or Windows-1252; ``,``, ``;`` or tab), .xlsx workbooks
        (every sheet a list), uploaded or open files (anything with ``getvalue()`` or
        ``read()`` and a ``name``, such as Streamlit's ``st.file_uploader`` gives) or
        DataFrames; a dict's keys name its lists (a date in a name is the list's date).
        Headers are recognised in English and Swedish (:data:`FIELDS`), also below a few
        title lines; separate first-name and last-name columns are joined.
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
    read = read_lists(files_or_frames, event=event, date=date)
    rows = read.rows
    decisions = _review_frame(review)
    warnings: list[dict] = read.warnings + [
        problem_record(
            f, r, "email", None, n, "Correct the address in the list.", severity="warning"
        )
        for f, r, n in zip(rows.labels, rows.row, rows.note, strict=True)
        if n is not None
    ]
    builder = _Builder(rows, decisions, warnings)
    tables = builder.tables(_mapping_frame(sector_mapping, warnings))
    network = validate_tables(tables, source=read.source)
    return AttendanceImport(
        network=network,
        review=builder.review(),
        provenance=builder.provenance(),
        rejected=read.rejected,
        merges=builder.merges(),
        report=read.report,
        warnings=pd.DataFrame(warnings, columns=list(PROBLEM_COLUMNS)),
    )


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
        records = csv_records(Path(mapping))
        frame = pd.DataFrame(records[1:], columns=[clean_text(h).lower() for h in records[0]])
        label = Path(mapping).name
    frame.columns = [match_key(str(c)) for c in frame.columns]
    org_column = next((c for c in frame.columns if field_of(c) in ("organisation", "name")), None)
    sector_column = next((c for c in frame.columns if field_of(c) == "sector"), None)
    if org_column is None or sector_column is None:
        raise InvalidDataError(
            pd.DataFrame(
                [
                    problem_record(
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
    out, problems = {}, []
    for n, (org, sector) in enumerate(
        zip(frame[org_column], frame[sector_column], strict=True), start=2
    ):
        if not clean_text(org):
            continue
        value = _sector(sector)
        if value is None:
            problems.append(
                problem_record(
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


#: Sector names accepted in a sector column or mapping: the schema's, and Swedish ones.
_SECTOR_NAMES = {**{s: s for s in SECTORS}, **CHOICE_SYNONYMS["sector"]}


def _sector(text: str) -> str | None:
    """The sector a cell names ("Offentlig", "civil society", "public"), or None."""
    return _SECTOR_NAMES.get(normalise_name(text))


def _most_common(values: Iterable) -> object:
    """The most frequent non-missing value, ties to the first seen; None if there is none."""
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _refs(rows: AttendanceRows, positions: Sequence[int], *, limit: int = 5) -> str:
    refs = [rows.refs[i] for i in positions[:limit]]
    more = len(positions) - limit
    return "; ".join(refs) + (f" (+{more} more)" if more > 0 else "")


class _Builder:
    """Resolves organisations, then people, and builds every output table."""

    def __init__(self, rows: AttendanceRows, decisions: pd.DataFrame | None, warnings: list[dict]):
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
                problem_record(
                    "review",
                    None,
                    "decision",
                    f"{self.person_ids[a]} / {self.person_ids[b]}: merge",
                    "not merged: with the other merges decided, it would make one person of "
                    "two different e-mail addresses",
                    "Check the merges of these two people in review.csv; merge the two "
                    "records with the e-mails directly if they are one person.",
                    severity="warning",
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
            problem_record(
                "review",
                None,
                "decision",
                pair,
                problem,
                "The lists changed since the review table was written; decide the pairs in "
                "the new import/review.csv.",
                severity="warning",
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
        records = []
        for label, members in sorted(by_label.items()):
            name = names[label]
            keys = {split_organisation(rows.organisation[i]).key for i in members}
            mapped = next((mapping[k] for k in sorted(keys) if k in mapping), None)
            given = _most_common(_sector(rows.sector[i]) for i in members if rows.sector[i])
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
                problem_record(
                    "sector mapping",
                    None,
                    "organisation",
                    mapping_key,
                    "no organisation in the lists has this name",
                    "Check the spelling; the mapping matches any spelling the lists use.",
                    severity="warning",
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


def _sources_of(rows: AttendanceRows, members: list[int]) -> str:
    return "; ".join(dict.fromkeys(rows.labels[i] for i in members))
