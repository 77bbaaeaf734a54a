"""Tests of netmap.io: encodings, separators, workbooks, files that are not tables, round trips.

Property tests (hypothesis) check that any folder of tables either loads or raises
InvalidDataError, that row order does not matter, and that write_tables-then-load gives the
same tables back, as CSV and as a workbook.
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
import string
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from netmap.errors import NetmapError
from netmap.io import read_raw, sniff_delimiter, write_tables, write_templates
from netmap.schema import COLLABORATION_KINDS, PARTICIPATION_ROLES, SECTORS, TABLE_ORDER, TABLES
from netmap.validate import validate_tables

DATA = Path(__file__).parent / "data"
GOOD = DATA / "good"


def problems_of(path) -> list[tuple]:
    """(severity, file, row, column, problem, hint) of every problem at ``path``."""
    problems = netmap.validate_path(path).problems
    return [
        (
            p.severity,
            p.file,
            None if pd.isna(p.row) else int(p.row),
            None if pd.isna(p.column) else p.column,
            p.problem,
            p.hint,
        )
        for p in problems.itertuples(index=False)
    ]


def assert_same_tables(a: netmap.Network, b: netmap.Network) -> None:
    for name in TABLE_ORDER:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])


# ---------------------------------------------------------------- encodings and separators


def test_windows_1252_semicolon_file_with_swedish_letters():
    """Swedish Excel's "CSV": Windows-1252, semicolons, CRLF, decimal commas, day-first dates."""
    net = netmap.load(DATA / "swedish-cp1252")
    orgs, people = net.tables["organisations"], net.tables["people"]
    assert people["name"].tolist() == ["Åsa Öhman", "Ärla Ekström", "Émile Åkesson"]
    assert orgs["name"].tolist() == ["Älvsbyns kommun", "Föreningen Ögonblick", "Café Élan AB"]
    assert orgs["municipality"].tolist() == ["Älvsbyn", "Åre", "Östersund"]
    assert orgs["lat"].tolist()[0] == 65.68
    collab = net.tables["collaborations"].iloc[0]
    assert (collab["title"], collab["theme"]) == ("Träff på Älvgården", "Ökad samverkan")
    assert collab["start_date"] == pd.Timestamp("2022-06-08")  # 8/6/2022
    assert net.tables["participation"]["role"].tolist()[0] == "organiser"  # "arrangör"


def test_utf8_bom_and_tabs_read_like_windows_1252_and_semicolons():
    raw, _ = read_raw(DATA / "bom-tab")
    assert raw["people"].header == ("id", "name", "organisation_id", "role")  # no BOM in "id"
    bom_tab = netmap.load(DATA / "bom-tab")
    assert bom_tab.fingerprint == netmap.load(DATA / "swedish-cp1252").fingerprint


def test_utf16_with_bom_is_read(tmp_path):
    """Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated."""
    folder = tmp_path / "records"
    shutil.copytree(DATA / "swedish-cp1252", folder)
    text = (folder / "people.csv").read_bytes().decode("cp1252").replace(";", "\t")
    (folder / "people.csv").write_bytes(text.encode("utf-16"))
    assert netmap.load(folder).tables["people"]["name"].tolist()[0] == "Åsa Öhman"


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("id;name\nO1;Luleå kommun, socialtjänsten\n", ";"),
        ('id,name\nO1,"Luleå kommun; socialtjänsten"\n', ","),
        ("id\tname\nO1\tLuleå kommun, Ume\n", "\t"),
        ("id\nO1\nO2\n", ","),
        ("\n\nid;name\n", ";"),
    ],
)
def test_sniff_delimiter(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_garbled_swedish_letters_are_a_warning(tmp_path):
    """A file once saved as UTF-8 and opened as Windows-1252 holds "LuleÃ¥" for "Luleå"."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    text = (folder / "people.csv").read_text(encoding="utf-8")
    garbled = text.encode("utf-8").decode("cp1252")
    (folder / "people.csv").write_text(garbled, encoding="utf-8")
    assert problems_of(folder) == [
        (
            "warning",
            "people.csv",
            3,
            "name",
            "letters look garbled (and 2 more cells): text saved as UTF-8 was read as "
            "Windows-1252 somewhere on its way",
            "Fix the names at the source (Ã¥ is å, Ã¤ is ä, Ã¶ is ö), then save the file again "
            "as CSV UTF-8.",
        )
    ]
    assert netmap.validate_path(folder).problems["value"][0] == "Erik Ã–berg"


def test_excel_separator_line_is_honoured(tmp_path):
    """Excel writes and reads a first line "sep=;"; it does not show it as a row."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    (folder / "people.csv").write_text(
        "sep=;\nid;name;organisation_id;role\nP1;Anna, Lind;O1;\nP2;Erik;O9;\nP3;Åsa;O3;\n",
        encoding="utf-8",
    )
    assert problems_of(folder)[0][:4] == ("error", "people.csv", 3, "organisation_id")


def test_names_of_files_and_columns_are_matched_case_insensitively(tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    (folder / "people.csv").rename(folder / "People.CSV")
    text = (folder / "organisations.csv").read_text(encoding="utf-8")
    (folder / "organisations.csv").write_text(
        text.replace("id,name,sector", " ID ,Name,SECTOR "), encoding="utf-8"
    )
    assert netmap.load(folder).fingerprint == netmap.load(GOOD).fingerprint


def test_row_numbers_follow_excel_with_leading_blank_lines_and_multiline_cells(tmp_path):
    """Excel shows a quoted cell with a line break as one row, and counts blank lines."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    (folder / "people.csv").write_text(
        '\nid,name,organisation_id,role\nP1,Anna Lind,O1,"samordnare\nLuleå"\nP2,Erik Öberg,O9,\n'
        "P3,Åsa Nilsson,O3,\n",
        encoding="utf-8",
    )
    assert problems_of(folder)[0][:4] == ("error", "people.csv", 4, "organisation_id")


def test_a_stray_double_quote_is_reported_with_the_lines_it_swallowed(tmp_path):
    """A lone " before a name makes one record of lines 3 to 5 (the csv module reads to the
    next "): the loader says so instead of silently reading fewer people."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    (folder / "people.csv").write_text(
        "id,name,organisation_id,role\n"
        'P1,"Anna Lind,O1,\nP2,Erik Öberg,O2,\nP3,Åsa Nilsson,O3,"x\n'
        "P4,Eva Ek,O1,\n",
        encoding="utf-8",
    )
    result = netmap.validate_path(folder)
    first = result.errors.iloc[0]
    assert (first.file, first.row, first.column) == ("people.csv", 2, "name")
    assert first.problem == (
        "a cell runs from line 2 to line 4: a double quote without its partner?"
    )
    assert first.hint == (
        'In a CSV file " starts a cell that runs to the next "; remove the lone " on line '
        "2, or close it."
    )
    people = result.load_report.set_index("table").loc["people"]
    assert (people.rows_read, people.rows_used, people.rows_rejected) == (2, 1, 1)


def test_a_huge_cell_points_at_an_unmatched_quote(tmp_path):
    """Cells up to 10 million characters are read (csv's own limit is 131,072); a longer one
    is an unmatched quote, reported on the line where it starts."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    people = folder / "people.csv"
    good = (GOOD / "people.csv").read_text(encoding="utf-8")
    people.write_text(good + "P4,Eva Ek,O1," + "x" * 200_000 + ",\n", encoding="utf-8")
    assert len(netmap.load(folder).tables["people"]["role"][3]) == 200_000
    people.write_text(good + 'P4,Eva Ek,O1,"' + "x" * 10_000_001 + "\n", encoding="utf-8")
    assert [p[:5] for p in problems_of(folder) if p[1] == "people.csv"] == [
        (
            "error",
            "people.csv",
            None,
            None,
            "a cell starting on line 5 is longer than 10,000,000 characters: a double quote "
            "without its partner?",
        )
    ]


def test_control_characters_are_errors_and_formula_names_warnings(tmp_path):
    """A control character (BEL) in a name cannot be written back to a file others open: an
    error. A name that
    Excel would run as a formula stays as typed, with a warning."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    (folder / "people.csv").write_text(
        "id,name,organisation_id,role\nP1,Anna\x07Lind,O1,\nP2,=Erik,O2,\nP3,Åsa,O3,\n",
        encoding="utf-8",
    )
    found = [p for p in problems_of(folder) if p[1] == "people.csv"]
    assert found == [
        (
            "error",
            "people.csv",
            2,
            "name",
            "invisible control character at position 5",
            "Delete the character (it came from a copy and paste or another program); "
            "netmap cannot write it back to a file others can open.",
        ),
        (
            "warning",
            "people.csv",
            3,
            "name",
            "the name starts with =: Excel may run this as a formula",
            "Check the value; if it is right, nothing to do (netmap keeps it as text).",
        ),
    ]


def test_two_files_for_one_table(tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    shutil.copy(folder / "people.csv", folder / "People.tsv")
    assert problems_of(folder) == [
        (
            "error",
            "People.tsv",
            None,
            None,
            "2 files hold the table people: People.tsv, people.csv",
            "Keep one of them; netmap reads one file per table.",
        )
    ]


# ---------------------------------------------------------------- files that are not tables


_USUAL_SAVE = (
    "Save the table from Excel as CSV (File > Save as > CSV UTF-8), or give the .xlsx "
    "workbook instead."
)


@pytest.mark.parametrize(
    ("junk", "problem", "hint"),
    [
        ("binary.csv", "this is not a text file (it holds binary data)", _USUAL_SAVE),
        (
            "webpage.csv",
            "this is a web page (HTML or XML), not a CSV table",
            "Download or export the table as CSV or .xlsx instead of saving the web page.",
        ),
        (
            "workbook.csv",
            "this is an Excel workbook (or another zip archive), not a CSV file",
            "Give the workbook itself (its name must end in .xlsx), or save each sheet from "
            "Excel as CSV.",
        ),
        (
            "empty.csv",
            "the file is empty",
            "Write the header row in the first line (id,name,organisation_id,role); a table "
            "with no records needs only that line.",
        ),
        (
            "blank-lines.csv",
            "the file is empty",
            "Write the header row in the first line (id,name,organisation_id,role); a table "
            "with no records needs only that line.",
        ),
        (
            "oneline.csv",
            "this is not a people table: its first row names none of its columns",
            "The first row must name the columns: id, name, organisation_id, role (optional: "
            "email). `netmap templates DIR` writes empty files with the right header.",
        ),
    ],
)
def test_files_that_are_not_tables(tmp_path, junk, problem, hint):
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    shutil.copy(DATA / "junk" / junk, folder / "people.csv")
    errors = [p for p in problems_of(folder) if p[0] == "error"]
    assert errors[0] == ("error", "people.csv", None, None, problem, hint)
    # participation refers to people that cannot be read: no flood of unknown references
    assert len(errors) == 1


def test_every_file_of_a_folder_of_junk_is_reported(tmp_path):
    for name, junk in zip(
        TABLE_ORDER,
        ["binary.csv", "webpage.csv", "workbook.csv", "empty.csv", "oneline.csv"],
        strict=True,
    ):
        shutil.copy(DATA / "junk" / junk, tmp_path / f"{name}.csv")
    assert [p[1] for p in problems_of(tmp_path)] == [f"{name}.csv" for name in TABLE_ORDER]


def test_paths_that_are_not_records(tmp_path):
    with pytest.raises(FileNotFoundError, match="No such folder or workbook: "):
        netmap.load(tmp_path / "nowhere")
    with pytest.raises(NetmapError) as info:
        netmap.load(GOOD / "people.csv")
    assert str(info.value) == (
        f"{GOOD / 'people.csv'} is a single .csv file; netmap reads a folder of them "
        f"(organisations.csv, people.csv, ...) or an .xlsx workbook. Give the folder instead: "
        f"{GOOD}"
    )
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert problems_of(tmp_path / "old.xls") == [
        (
            "error",
            "old.xls",
            None,
            None,
            "this is an old-style Excel file (.xls), which netmap cannot read",
            "Open it in Excel and save it as Excel Workbook (.xlsx).",
        )
    ]
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    assert problems_of(tmp_path / "broken.xlsx")[0][4].startswith(
        "this is not an Excel workbook netmap can read ("
    )


def test_a_folder_holding_a_workbook_points_to_it(tmp_path):
    write_tables(netmap.load(GOOD), tmp_path / "records.xlsx")
    hints = [p[5] for p in problems_of(tmp_path) if p[0] == "error"]
    assert len(hints) == 4
    assert all(
        h.endswith(" To read the workbook records.xlsx, give its path instead.") for h in hints
    )


# ---------------------------------------------------------------- workbooks


def _workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _good_sheets() -> dict[str, list[list]]:
    return {
        "Organisations": [
            ["id", "name", "sector", "kind", "municipality", "region"],
            [1, "Luleå kommun", "public", "kommun", "Luleå", "Norrbotten"],
            [2, "PRO Norrbotten", "civil_society", "förening", "Luleå", "Norrbotten"],
        ],
        "PEOPLE": [
            ["Id", "Name", "Organisation ID", "Role"],
            ["P1", "Anna Lind", 1, None],
            [None, None, None, None],
            ["P2", "Erik Öberg", 2, "ordförande"],
        ],
        "collaborations": [
            ["id", "title", "kind", "start_date", "end_date", "municipality", "theme"],
            ["C1", "Nätverksträff", "meeting", dt.datetime(2022, 6, 8), None, "Luleå", None],
            ["C2", "Projekt", "project", dt.date(2022, 9, 1), "2023-08-31", "Luleå", None],
        ],
        "participation": [
            ["collaboration_id", "person_id", "organisation_id", "role"],
            ["C1", "P1", None, "organiser"],
            ["C1", "P2", None, None],
            ["C2", None, 1, None],
            ["C2", None, 2, None],
        ],
        "Instruktioner": [["Fyll i en rad per person."]],
    }


def test_workbook_with_date_cells_and_number_ids(tmp_path):
    net = netmap.load(_workbook(tmp_path / "records.xlsx", _good_sheets()))
    collabs = net.tables["collaborations"]
    assert collabs["start_date"].tolist() == [
        pd.Timestamp("2022-06-08"),
        pd.Timestamp("2022-09-01"),
    ]
    assert collabs["end_date"].tolist()[1] == pd.Timestamp("2023-08-31")
    assert net.tables["people"]["organisation_id"].tolist() == ["1", "2"]
    assert problems_of(tmp_path / "records.xlsx") == [
        (
            "warning",
            "records.xlsx, sheet Instruktioner",
            None,
            None,
            "not a netmap table, so it was not read (sheet names are organisations, people, "
            "collaborations, participation, ties)",
            "Nothing to do if it holds something else.",
        ),
        (
            "warning",
            "records.xlsx, sheet PEOPLE",
            3,
            None,
            "blank row, skipped",
            "Delete the empty row; it is not counted as a record.",
        ),
    ]
    assert net.load_report.set_index("table").loc["people", "rows_rejected"] == 1


def test_workbook_problems_name_sheet_and_excel_row(tmp_path):
    sheets = _good_sheets()
    sheets["collaborations"][2][3] = "31/9/2022"
    sheets["people"] = sheets.pop("PEOPLE")[:1]  # header only: no people
    del sheets["participation"]
    errors = [p for p in problems_of(_workbook(tmp_path / "r.xlsx", sheets)) if p[0] == "error"]
    assert [p[:5] for p in errors] == [
        ("error", "r.xlsx, sheet collaborations", 3, "start_date", "not a date in start_date"),
        ("error", "r.xlsx", None, None, "the sheet participation is missing"),
    ]


def test_empty_sheet(tmp_path):
    sheets = _good_sheets()
    sheets["ties"] = []
    assert problems_of(_workbook(tmp_path / "r.xlsx", sheets))[0] == (
        "error",
        "r.xlsx, sheet ties",
        None,
        None,
        "the sheet is empty",
        "Write the header row in row 1 (source_id,target_id,kind); a table with no records needs "
        "only that row.",
    )


# ---------------------------------------------------------------- writing


@pytest.mark.parametrize("where", ["folder", "folder-semicolon", "records.xlsx"])
def test_write_tables_then_load_round_trips(tmp_path, where):
    net = netmap.load(DATA / "swedish-cp1252")
    if where == "folder-semicolon":
        path = write_tables(net, tmp_path / where, delimiter=";")
    else:
        path = write_tables(net, tmp_path / where)
    assert_same_tables(netmap.load(path), net)


def test_written_csv_opens_in_excel():
    """UTF-8 with a byte-order mark (so Excel shows å ä ö), LF line ends, derived columns left
    out."""
    net = netmap.load(GOOD)
    folder = write_tables(net, Path(pytest.importorskip("tempfile").mkdtemp()) / "out")
    raw = (folder / "ties.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsource_id,target_id,kind,start_date,end_date,weight\n")
    assert b"O1,O3,partnership,,,2\n" in raw


def test_text_that_looks_like_a_formula_stays_text_in_a_workbook(tmp_path):
    frames = {name: pd.read_csv(GOOD / f"{name}.csv", dtype=str) for name in TABLE_ORDER}
    frames["people"].loc[0, "role"] = '=HYPERLINK("x")'
    net = validate_tables(frames)
    again = netmap.load(write_tables(net, tmp_path / "r.xlsx"))
    assert again.tables["people"]["role"].tolist()[0] == '=HYPERLINK("x")'


def test_templates_load_as_an_empty_network_and_never_overwrite(tmp_path):
    written = write_templates(tmp_path / "csv")
    assert [p.name for p in written] == [f"{name}.csv" for name in TABLE_ORDER]
    assert (tmp_path / "csv" / "people.csv").read_text(encoding="utf-8-sig") == (
        "id,name,organisation_id,role,email\n"
    )
    book = write_templates(tmp_path / "xlsx", format="xlsx")[0]
    for path in (tmp_path / "csv", book):
        net = netmap.load(path)
        assert [len(df) for df in net.tables.values()] == [0, 0, 0, 0, 0]
    comment = openpyxl.load_workbook(book)["people"]["C1"].comment.text
    assert comment == TABLES["people"].column("organisation_id").description
    with pytest.raises(NetmapError, match=r"people\.csv.* already exist; templates never"):
        write_templates(tmp_path / "csv")


# ---------------------------------------------------------------- properties

ID = st.text(alphabet=string.ascii_letters + string.digits + "-_åäö", min_size=1, max_size=6)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")), max_size=12)
NAME = TEXT.filter(lambda s: s.strip() != "")
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2150, 12, 31))


@st.composite
def valid_tables(draw) -> dict[str, pd.DataFrame]:
    """Record tables that are valid by construction, with random text, dates and numbers."""
    org_ids = draw(st.lists(ID, min_size=1, max_size=5, unique=True))
    person_ids = draw(st.lists(ID.map("p".__add__), max_size=6, unique=True))
    collab_ids = draw(st.lists(ID, min_size=1, max_size=4, unique=True))
    orgs = pd.DataFrame(
        {
            "id": org_ids,
            "name": [draw(NAME) for _ in org_ids],
            "sector": [draw(st.sampled_from(SECTORS)) for _ in org_ids],
            "kind": [draw(TEXT) for _ in org_ids],
            "municipality": [draw(TEXT) for _ in org_ids],
            "region": [draw(TEXT) for _ in org_ids],
            "lat": [draw(st.none() | st.floats(-90, 90)) for _ in org_ids],
            "note": [draw(TEXT) for _ in org_ids],
        }
    )
    people = pd.DataFrame(
        {
            "id": person_ids,
            "name": [draw(NAME) for _ in person_ids],
            "organisation_id": [draw(st.none() | st.sampled_from(org_ids)) for _ in person_ids],
            "role": [draw(TEXT) for _ in person_ids],
        },
        dtype=object,
    )
    starts = [draw(DATES) for _ in collab_ids]
    collabs = pd.DataFrame(
        {
            "id": collab_ids,
            "title": [draw(NAME) for _ in collab_ids],
            "kind": [draw(st.sampled_from(COLLABORATION_KINDS)) for _ in collab_ids],
            "start_date": starts,
            "end_date": [
                s + dt.timedelta(days=draw(st.integers(0, 900))) if draw(st.booleans()) else None
                for s in starts
            ],
            "municipality": [draw(TEXT) for _ in collab_ids],
            "theme": [draw(TEXT) for _ in collab_ids],
        }
    )
    actors = [("person", p) for p in person_ids] + [("organisation", o) for o in org_ids]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(collab_ids), st.sampled_from(actors)), unique=True)
    )
    part = pd.DataFrame(
        {
            "collaboration_id": [c for c, _ in pairs],
            "person_id": [a if t == "person" else None for _, (t, a) in pairs],
            "organisation_id": [a if t == "organisation" else None for _, (t, a) in pairs],
            "role": [draw(st.none() | st.sampled_from(PARTICIPATION_ROLES)) for _ in pairs],
        },
        columns=["collaboration_id", "person_id", "organisation_id", "role"],
        dtype=object,
    )
    tie_pairs = ()
    if len(org_ids) > 1 and draw(st.booleans()):
        tie_pairs = tuple(draw(st.permutations(org_ids))[:2])
    ties = pd.DataFrame(
        [
            {
                "source_id": tie_pairs[0],
                "target_id": tie_pairs[1],
                "kind": draw(TEXT),
                "weight": draw(st.floats(1e-6, 1e6)),
            }
        ]
        if tie_pairs
        else [],
        columns=["source_id", "target_id", "kind", "weight"],
    )
    return {
        "organisations": orgs,
        "people": people,
        "collaborations": collabs,
        "participation": part,
        "ties": ties,
    }


PROPERTY = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(tables=valid_tables(), fmt=st.sampled_from(["csv", "xlsx"]))
def test_round_trip_of_valid_tables(tmp_path, tables, fmt):
    net = validate_tables(tables)
    path = tmp_path / ("records.xlsx" if fmt == "xlsx" else "records")
    if path.exists():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert_same_tables(netmap.load(write_tables(net, path)), net)


def _edges(G: nx.Graph) -> list:
    return sorted((*sorted((u, v)), sorted(d.items())) for u, v, d in G.edges(data=True))


@PROPERTY
@given(tables=valid_tables(), seed=st.integers(0, 2**32 - 1))
def test_row_order_does_not_matter(tables, seed):
    shuffled = {name: df.sample(frac=1, random_state=seed) for name, df in tables.items()}
    a, b = validate_tables(tables), validate_tables(shuffled)
    assert_same_tables(a, b)
    for level in ("people", "organisations", "two-mode"):
        Ga, Gb = a.graph(level), b.graph(level)
        assert sorted(Ga.nodes(data=True)) == sorted(Gb.nodes(data=True))
        assert _edges(Ga) == _edges(Gb)


CELL = st.one_of(
    st.just(""),
    st.sampled_from(["O1", "P1", "C1", "O2", "P2", "C2", "public", "meeting", "organiser"]),
    st.sampled_from(["2022-06-08", "8/6/2022", "31/2/2022", "1,5", "-3", "0", "95"]),
    TEXT,
)
HEADER = st.lists(
    st.sampled_from(
        sorted({c.name for t in TABLES.values() for c in t.columns} | {"", "ID", "x y"})
    ),
    min_size=1,
    max_size=8,
)


#: Cells written as they are, unquoted: stray double quotes and control characters.
RAW_CELL = st.text(
    alphabet=st.sampled_from(['"', "a", "1", "\x00", "\x07", "\x1b", "\x7f", "\x85", " "]),
    min_size=1,
    max_size=4,
)


@st.composite
def random_table_text(draw) -> str | bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    header = draw(HEADER)
    rows = draw(
        st.lists(
            st.lists(st.one_of(CELL, RAW_CELL.map(lambda c: ("raw", c))), max_size=len(header) + 1),
            max_size=6,
        )
    )
    delimiter = draw(st.sampled_from([",", ";", "\t"]))

    def cell(c):
        if isinstance(c, tuple):
            return c[1]
        return '"' + c.replace('"', '""') + '"' if c else ""

    return "\n".join(delimiter.join(cell(c) for c in r) for r in [header, *rows])


@PROPERTY
@given(
    files=st.fixed_dictionaries({name: st.none() | random_table_text() for name in TABLE_ORDER}),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]),
)
def test_any_folder_loads_or_raises_invalid_data_error(tmp_path, files, encoding):
    folder = tmp_path / "random"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, content in files.items():
        if content is None:
            continue
        if isinstance(content, str):
            content = content.encode(encoding, errors="replace")
        (folder / f"{name}.csv").write_bytes(content)
    result = netmap.validate_path(folder)
    report = result.load_report.set_index("table")
    problems = result.problems
    for name in TABLE_ORDER:
        # Counted apart from the report: rows with an error, blank rows (one warning each).
        mine = problems[problems["file"] == f"{name}.csv"]
        blank = int((mine["problem"] == "blank row, skipped").sum())
        bad = mine[(mine["severity"] == "error") & mine["row"].notna()]["row"].nunique()
        # A file-level error (a missing column, an unreadable file) rejects every row read.
        file_level = ((mine["severity"] == "error") & mine["row"].isna()).any()
        whole = report.loc[name, "rows_read"]
        assert report.loc[name, "rows_rejected"] == (whole if file_level else blank + bad)
    if result.ok:
        net = result.network()
        assert report["rows_used"].tolist() == [len(net.tables[n]) for n in TABLE_ORDER]
        assert (report["rows_read"] == report["rows_used"] + report["rows_rejected"]).all()
        # What was read can be written and read again (no control characters slipped by).
        assert netmap.load(write_tables(net, tmp_path / "again")).fingerprint == net.fingerprint
    else:
        assert (problems["severity"] == "error").any()


@pytest.mark.parametrize(
    "module", ["io", "validate", "attendance_lists", "attendance", "resolve", "schema", "errors"]
)
def test_data_modules_import_no_private_names_of_other_modules(module):
    """Modules share public helpers (io.read_csv_records, schema.CHOICE_SYNONYMS), not each
    other's privates."""
    tree = ast.parse((Path(netmap.__file__).parent / f"{module}.py").read_text("utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("netmap")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []


def test_tables_downloaded_for_spreadsheets_load_with_their_values(tmp_path, sample_path):
    """The dashboard's CSV downloads put ' before formula-like text; loading removes it."""
    from netmap.spreadsheet import spreadsheet_safe

    net = netmap.load(sample_path)
    people = net.tables["people"].copy()
    people.loc[people.index[0], "role"] = "=samordnare+"
    people.loc[people.index[1], "role"] = "-5"  # a plain number stays as it is
    write_tables({**net.tables, "people": people}, tmp_path)
    spreadsheet_safe(pd.read_csv(tmp_path / "people.csv", dtype=str)).to_csv(
        tmp_path / "people.csv", index=False, encoding="utf-8-sig"
    )
    assert "'=samordnare+" in (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
    again = netmap.load(tmp_path).tables["people"]
    assert again["role"].iloc[0] == "=samordnare+"
    assert again["role"].iloc[1] == "-5"
