"""Tests of netmap.validate: every rule has a bad file that triggers it, with its exact text.

The records start from tests/data/good (three organisations, three people, two
collaborations, five participation rows, two ties; valid and without warnings); each test
replaces one file by a broken one. Row numbers are those Excel shows (header = row 1).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import netmap
from netmap.errors import PROBLEM_COLUMNS, InvalidDataError
from netmap.schema import TABLE_ORDER, record_model_markdown
from netmap.validate import (
    cell_text,
    closest_match,
    empty_table,
    parse_date,
    parse_number,
    validate_tables,
)

DATA = Path(__file__).parent / "data"
GOOD = DATA / "good"


def records(tmp_path: Path, **tables: str | None) -> Path:
    """A copy of tests/data/good with tables replaced by CSV text, or removed (None)."""
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    for name, text in tables.items():
        target = folder / f"{name}.csv"
        if text is None:
            target.unlink()
        else:
            target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


def listed(problems: pd.DataFrame, severity: str = "error") -> list[tuple]:
    """Problems of one severity as (file, row, column, value, problem, hint) tuples."""
    out = []
    for rec in problems[problems["severity"] == severity].itertuples(index=False):
        out.append(
            tuple(
                None if pd.isna(v) else (int(v) if name == "row" else v)
                for name, v in zip(PROBLEM_COLUMNS[1:], rec[1:], strict=True)
            )
        )
    return out


def errors_of(folder: Path) -> list[tuple]:
    with pytest.raises(InvalidDataError) as info:
        netmap.load(folder)
    return listed(info.value.problems)


def warnings_of(folder: Path) -> list[tuple]:
    return listed(netmap.load(folder).warnings, "warning")


# ---------------------------------------------------------------- the good records


def test_good_records_load_without_problems():
    net = netmap.load(GOOD)
    assert len(net.warnings) == 0
    assert net.load_report.to_dict("list") == {
        "table": list(TABLE_ORDER),
        "file": [f"{name}.csv" for name in TABLE_ORDER],
        "rows_read": [3, 3, 2, 5, 2],
        "rows_used": [3, 3, 2, 5, 2],
        "rows_rejected": [0, 0, 0, 0, 0],
    }


def test_typed_tables_follow_the_contract():
    t = netmap.load(GOOD).tables
    orgs, people, collabs, part, ties = (t[name] for name in TABLE_ORDER)
    assert str(orgs["id"].dtype) == "str" and orgs["lat"].dtype == "float64"
    assert orgs["lat"].tolist()[0] == 65.58 and np.isnan(orgs["lat"].iloc[1])
    assert people["email"].isna().tolist() == [False, True, True]
    assert collabs["start_date"].dtype.kind == "M"
    assert collabs["end_date"].isna().tolist() == [True, False]
    # empty role means participant; organisation_id is NaN for people's rows
    assert part["role"].tolist() == [
        "organiser",
        "participant",
        "speaker",
        "participant",
        "participant",
    ]
    assert part["organisation_id"].isna().sum() == 3
    assert ties[["source_id", "source_type", "target_type", "weight"]].values.tolist() == [
        ["O1", "organisation", "organisation", 2.0],
        ["P1", "person", "person", 1.0],
    ]


def test_tables_are_sorted_by_key_whatever_the_file_order(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,name,organisation_id,role,email
        P3,Åsa Nilsson,O3,forskare,
        P1,Anna Lind,O1,samordnare,anna@example.se
        P2,Erik Öberg,O2,ordförande,
        """,
    )
    assert netmap.load(folder).tables["people"]["id"].tolist() == ["P1", "P2", "P3"]
    assert netmap.load(folder).fingerprint == netmap.load(GOOD).fingerprint


def test_extra_columns_are_kept_as_text(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,name,organisation_id,role,email,Telefon,Född år
        P1,Anna Lind,O1,samordnare,anna@example.se,070-1234567,1970
        P2,Erik Öberg,O2,ordförande,,,
        P3,Åsa Nilsson,O3,forskare,,,
        """,
    )
    people = netmap.load(folder).tables["people"]
    assert people.columns.tolist()[-2:] == ["telefon", "född_år"]
    assert people["född_år"].tolist()[0] == "1970" and str(people["född_år"].dtype) == "str"


def test_headers_and_choices_are_matched_loosely(tmp_path):
    """Case, surrounding spaces, dashes and Swedish names are accepted silently."""
    folder = records(
        tmp_path,
        organisations="""
        ID , Name ,Sector,KIND,Municipality,Region
        O1,Luleå kommun, Public ,kommun,Luleå,Norrbotten
        O2,PRO Norrbotten,Civil society,förening,Luleå,Norrbotten
        O3,Luleå tekniska universitet,högskola,universitet,Luleå,Norrbotten
        """,
        participation="""
        Collaboration ID,Person-ID,organisation_id,ROLE
        C1,P1,,Arrangör
        C1,P2,,
        C1,P3,,Speaker
        C2,,O1,
        C2,,O2,finansiär
        """,
    )
    t = netmap.load(folder).tables
    assert t["organisations"]["sector"].tolist() == ["public", "civil_society", "academia"]
    assert t["participation"]["role"].tolist() == [
        "organiser",
        "participant",
        "speaker",
        "participant",
        "funder",
    ]


# ---------------------------------------------------------------- columns and files


def test_missing_required_column(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,organization_id,role
        P1,O1,samordnare
        P2,O2,ordförande
        P3,O3,forskare
        """,
    )
    assert errors_of(folder) == [
        (
            "people.csv",
            None,
            "name",
            None,
            "the column name is missing",
            "Add a column named name to the header row (row 1).",
        ),
        (
            "people.csv",
            None,
            "organisation_id",
            None,
            "the column organisation_id is missing",
            "Add a column named organisation_id to the header row (row 1). "
            "Is 'organization_id' meant to be it? Then rename it.",
        ),
    ]


def test_missing_required_file_suggests_a_similar_name(tmp_path):
    folder = records(tmp_path, people=None)
    shutil.copy(GOOD / "people.csv", folder / "peple.csv")
    with pytest.raises(InvalidDataError) as info:
        netmap.load(folder)
    assert listed(info.value.problems) == [
        (
            "people.csv",
            None,
            None,
            None,
            "the file people.csv is missing",
            "Add a file named people.csv whose first row names the columns id, name, "
            "organisation_id, role (`netmap templates DIR` writes empty ones). Is peple.csv "
            "meant to be it? Then rename it.",
        )
    ]
    assert listed(info.value.problems, "warning")[0] == (
        "peple.csv",
        None,
        None,
        None,
        "not a netmap table, so it was not read (file names are organisations, people, "
        "collaborations, participation, ties)",
        "Nothing to do if it holds something else. If it is the people table, rename it "
        "to people.csv.",
    )


def test_ties_file_is_optional(tmp_path):
    net = netmap.load(records(tmp_path, ties=None))
    assert net.tables["ties"].empty
    assert net.tables["ties"].columns.tolist() == empty_table("ties").columns.tolist()


def test_duplicate_unnamed_and_reserved_columns(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,name,organisation_id,role,Name,,type
        P1,Anna Lind,O1,samordnare,Anna,x,y
        P2,Erik Öberg,O2,ordförande,,,
        P3,Åsa Nilsson,O3,forskare,,z,
        """,
    )
    assert errors_of(folder) == [
        (
            "people.csv",
            1,
            "name",
            "Name",
            "the column name appears twice (columns B and E)",
            "Rename or delete one of them.",
        ),
        (
            "people.csv",
            1,
            "type",
            "type",
            "the column name 'type' is reserved by netmap",
            "Rename column G, e.g. to 'type_note'; netmap stores 'type' on every graph node "
            "itself.",
        ),
        (
            "people.csv",
            2,
            "F",
            "x",
            "2 values in column F, which has no header (rows 2, 4)",
            "Name column F in the header row to keep it as an extra attribute, or delete the "
            "values. In a CSV file a value that contains the separator must be in double "
            "quotes.",
        ),
    ]


def test_blank_rows_are_counted_and_reported(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,name,organisation_id,role,email
        P1,Anna Lind,O1,samordnare,anna@example.se
        ,,,,
        P2,Erik Öberg,O2,ordförande,

        P3,Åsa Nilsson,O3,forskare,


        """,
    )
    net = netmap.load(folder)
    assert listed(net.warnings, "warning") == [
        (
            "people.csv",
            row,
            None,
            None,
            "blank row, skipped",
            "Delete the empty row; it is not counted as a record.",
        )
        for row in (3, 5)
    ]
    report = net.load_report.set_index("table").loc["people"]
    # trailing blank lines are not rows; the two blank rows between records are rejected
    assert (report["rows_read"], report["rows_used"], report["rows_rejected"]) == (5, 3, 2)


# ---------------------------------------------------------------- values


def test_duplicate_ids_name_the_first_row(tmp_path):
    folder = records(
        tmp_path,
        collaborations="""
        id,title,kind,start_date,end_date,municipality,theme
        C1,Nätverksträff,meeting,2022-06-08,,Luleå,
        C2,Överenskommelse,agreement,2022-09-01,,Luleå,
        C1,Uppföljning,meeting,2022-10-01,,Luleå,
        C1,Uppföljning 2,meeting,2022-11-01,,Luleå,
        """,
    )
    expected = "Give each collaboration its own id, or delete the repeated row."
    assert errors_of(folder) == [
        (
            "collaborations.csv",
            4,
            "id",
            "C1",
            "duplicate id: 'C1' is already used on row 2",
            expected,
        ),
        (
            "collaborations.csv",
            5,
            "id",
            "C1",
            "duplicate id: 'C1' is already used on row 2",
            expected,
        ),
    ]


def test_empty_required_values(tmp_path):
    folder = records(
        tmp_path,
        organisations="""
        id,name,sector,kind,municipality,region
        O1,,public,kommun,Luleå,Norrbotten
        ,PRO Norrbotten,civil_society,förening,Luleå,Norrbotten
        O3,Luleå tekniska universitet,,universitet,Luleå,Norrbotten
        """,
    )
    assert errors_of(folder) == [
        (
            "organisations.csv",
            2,
            "name",
            None,
            "empty name",
            "Fill in name: every organisation needs one.",
        ),
        (
            "organisations.csv",
            3,
            "id",
            None,
            "empty id",
            "Fill in id: every organisation needs one.",
        ),
        (
            "organisations.csv",
            4,
            "sector",
            None,
            "empty sector",
            "Fill in sector: every organisation needs one.",
        ),
        (
            "people.csv",
            3,
            "organisation_id",
            "O2",
            "no organisation has the id 'O2'",
            "Correct the id, or add organisation 'O2' to organisations.csv.",
        ),
        (
            "participation.csv",
            6,
            "organisation_id",
            "O2",
            "no organisation has the id 'O2'",
            "Correct the id, or add organisation 'O2' to organisations.csv.",
        ),
    ]


@pytest.mark.parametrize(
    ("column", "value", "hint"),
    [
        (
            "sector",
            "publik",
            "Did you mean 'public'? Use one of: public, civil_society, business, academia, other.",
        ),
        ("sector", "kommun", "Use one of: public, civil_society, business, academia, other."),
    ],
)
def test_unknown_sector(tmp_path, column, value, hint):
    folder = records(
        tmp_path,
        organisations=f"""
        id,name,sector,kind,municipality,region
        O1,Luleå kommun,{value},kommun,Luleå,Norrbotten
        O2,PRO Norrbotten,civil_society,förening,Luleå,Norrbotten
        O3,Luleå tekniska universitet,academia,universitet,Luleå,Norrbotten
        """,
    )
    assert errors_of(folder) == [("organisations.csv", 2, column, value, "unknown sector", hint)]


def test_unknown_kind_and_role(tmp_path):
    folder = records(
        tmp_path,
        collaborations="""
        id,title,kind,start_date,end_date,municipality,theme
        C1,Nätverksträff,workshp,2022-06-08,,Luleå,
        C2,Överenskommelse,agreement,2022-09-01,,Luleå,
        """,
        participation="""
        collaboration_id,person_id,organisation_id,role
        C1,P1,,ordförande
        C1,P2,,
        C2,,O1,
        """,
    )
    assert errors_of(folder) == [
        (
            "collaborations.csv",
            2,
            "kind",
            "workshp",
            "unknown kind",
            "Did you mean 'workshop'? Use one of: meeting, workshop, conference, project, "
            "agreement, dialogue, other.",
        ),
        (
            "participation.csv",
            2,
            "role",
            "ordförande",
            "unknown role",
            "Use one of: organiser, participant, speaker, funder.",
        ),
    ]


def test_every_bad_date_in_a_column_is_reported(tmp_path):
    """Three bad dates in one column give three problems (no stop at the first)."""
    folder = records(
        tmp_path,
        collaborations="""
        id,title,kind,start_date,end_date,municipality,theme
        C1,Nätverksträff,meeting,2022-06-31,,Luleå,
        C2,Överenskommelse,agreement,i höstas,,Luleå,
        C3,Workshop,workshop,44720,,Luleå,
        C4,Konferens,conference,8/6/22,2202-01-01,Luleå,
        """,
    )
    usual = "Write dates as 2022-06-08 (8/6/2022 and 8 juni 2022 work too)."
    assert errors_of(folder) == [
        (
            "collaborations.csv",
            2,
            "start_date",
            "2022-06-31",
            "not a date in start_date",
            "There is no such day in the calendar; check day and month. " + usual,
        ),
        ("collaborations.csv", 3, "start_date", "i höstas", "not a date in start_date", usual),
        (
            "collaborations.csv",
            4,
            "start_date",
            "44720",
            "not a date in start_date",
            "This looks like an Excel date serial number: format the cells as dates. " + usual,
        ),
        (
            "collaborations.csv",
            5,
            "start_date",
            "8/6/22",
            "not a date in start_date",
            "Write the year with four digits. " + usual,
        ),
        (
            "collaborations.csv",
            5,
            "end_date",
            "2202-01-01",
            "not a date in end_date",
            "The year 2202 looks like a typo. " + usual,
        ),
    ]


def test_end_before_start(tmp_path):
    folder = records(
        tmp_path,
        collaborations="""
        id,title,kind,start_date,end_date,municipality,theme
        C1,Nätverksträff,meeting,2022-06-08,2022-06-08,Luleå,
        C2,Överenskommelse,agreement,1/9/2022,31.8.2021,Luleå,
        """,
        ties="""
        source_id,target_id,kind,start_date,end_date,weight
        P1,P3,mentorship,2021-01-01,2020-12-31,
        """,
    )
    assert errors_of(folder) == [
        (
            "collaborations.csv",
            3,
            "end_date",
            "31.8.2021",
            "end_date is before start_date (2022-09-01)",
            "Swap the dates, or correct one of them.",
        ),
        (
            "ties.csv",
            2,
            "end_date",
            "2020-12-31",
            "end_date is before start_date (2021-01-01)",
            "Swap the dates, or correct one of them.",
        ),
    ]


def test_numbers_weights_and_coordinates(tmp_path):
    folder = records(
        tmp_path,
        organisations="""
        id,name,sector,kind,municipality,region,lat,lon
        O1,Luleå kommun,public,kommun,Luleå,Norrbotten,"65,58",22.15
        O2,PRO Norrbotten,civil_society,förening,Luleå,Norrbotten,95,-200
        O3,Luleå tekniska universitet,academia,universitet,Luleå,Norrbotten,norr,
        """,
        ties="""
        source_id,target_id,kind,start_date,end_date,weight
        P1,P3,mentorship,,,0
        O1,O3,partnership,,,stark
        O1,O2,partnership,,,-1
        """,
    )
    positive = (
        "weight must be a positive number",
        "Use a positive strength (empty means 1), or delete the row if there is no tie.",
    )
    assert errors_of(folder) == [
        (
            "organisations.csv",
            3,
            "lat",
            "95",
            "lat is outside -90 to 90",
            "Latitude is degrees north (Sweden: 55 to 69); are lat and lon swapped?",
        ),
        (
            "organisations.csv",
            3,
            "lon",
            "-200",
            "lon is outside -180 to 180",
            "Longitude is degrees east (Sweden: 11 to 24).",
        ),
        (
            "organisations.csv",
            4,
            "lat",
            "norr",
            "lat is not a number",
            "Write a number like 65.58 (a decimal comma, 65,58, works too).",
        ),
        ("ties.csv", 2, "weight", "0", *positive),
        (
            "ties.csv",
            3,
            "weight",
            "stark",
            "weight is not a number",
            "Write a number like 65.58 (a decimal comma, 65,58, works too).",
        ),
        ("ties.csv", 4, "weight", "-1", *positive),
    ]


# ---------------------------------------------------------------- references


def test_unknown_references(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,name,organisation_id,role
        P1,Anna Lind,o1,samordnare
        P2,Erik Öberg,O2,ordförande
        P3,Åsa Nilsson,O3,forskare
        """,
        participation="""
        collaboration_id,person_id,organisation_id,role
        C1,P1,,organiser
        C1,P2,,
        C7,P3,,
        C2,P4,,
        C2,,O5,
        """,
    )
    assert errors_of(folder) == [
        (
            "people.csv",
            2,
            "organisation_id",
            "o1",
            "no organisation has the id 'o1'",
            "Did you mean 'O1'? Correct the id, or add organisation 'o1' to organisations.csv.",
        ),
        (
            "participation.csv",
            4,
            "collaboration_id",
            "C7",
            "no collaboration has the id 'C7'",
            "Correct the id, or add collaboration 'C7' to collaborations.csv.",
        ),
        (
            "participation.csv",
            5,
            "person_id",
            "P4",
            "no person has the id 'P4'",
            "Correct the id, or add person 'P4' to people.csv.",
        ),
        (
            "participation.csv",
            6,
            "organisation_id",
            "O5",
            "no organisation has the id 'O5'",
            "Correct the id, or add organisation 'O5' to organisations.csv.",
        ),
    ]


def test_references_are_not_checked_against_a_table_without_ids(tmp_path):
    """A missing id column is one error, not one per reference to it."""
    folder = records(
        tmp_path,
        organisations="""
        name,sector,kind,municipality,region
        Luleå kommun,public,kommun,Luleå,Norrbotten
        """,
    )
    assert [p[4] for p in errors_of(folder)] == ["the column id is missing"]


def test_participation_needs_exactly_one_actor_and_no_repeats(tmp_path):
    folder = records(
        tmp_path,
        participation="""
        collaboration_id,person_id,organisation_id,role
        C1,P1,,organiser
        C1,P2,,
        C1,P1,,speaker
        C1,,,
        C2,P3,O3,
        C2,,O1,
        C2,,O1,funder
        """,
    )
    assert errors_of(folder) == [
        (
            "participation.csv",
            4,
            "person_id",
            "P1",
            "person 'P1' is already listed in collaboration 'C1' on row 2",
            "Delete the repeated row: one row per person and collaboration (keep the one with "
            "the main role).",
        ),
        (
            "participation.csv",
            5,
            "person_id",
            None,
            "neither person_id nor organisation_id is filled",
            "Fill person_id (a person took part) or organisation_id (an organisation took part "
            "as a whole).",
        ),
        (
            "participation.csv",
            6,
            "organisation_id",
            "O3",
            "both person_id and organisation_id are filled",
            "Fill only one of them. To say which organisation the person came from, set their "
            "organisation_id in the people table.",
        ),
        (
            "participation.csv",
            8,
            "organisation_id",
            "O1",
            "organisation 'O1' is already listed in collaboration 'C2' on row 7",
            "Delete the repeated row: one row per organisation and collaboration (keep the one "
            "with the main role).",
        ),
    ]


def test_tie_endpoints(tmp_path):
    folder = records(
        tmp_path,
        people="""
        id,name,organisation_id,role
        P1,Anna Lind,O1,samordnare
        P2,Erik Öberg,O2,ordförande
        P3,Åsa Nilsson,O3,forskare
        O2,Olle Persson,O2,kassör
        """,
        ties="""
        source_id,target_id,kind,start_date,end_date,weight
        P1,P1,,,,
        P1,O1,,,,
        O1,P3,,,,
        P2,O2,,,,
        P3,p1,,,,
        """,
    )
    assert errors_of(folder) == [
        (
            "ties.csv",
            2,
            "target_id",
            "P1",
            "a tie from 'P1' to itself",
            "A tie joins two different people or organisations: correct source_id or target_id, "
            "or delete the row.",
        ),
        (
            "ties.csv",
            3,
            "target_id",
            "O1",
            "'P1' is a person but 'O1' is an organisation",
            "A tie joins two people or two organisations. To say where a person works, set "
            "organisation_id in the people table.",
        ),
        (
            "ties.csv",
            4,
            "target_id",
            "P3",
            "'O1' is an organisation but 'P3' is a person",
            "A tie joins two people or two organisations. To say where a person works, set "
            "organisation_id in the people table.",
        ),
        (
            "ties.csv",
            5,
            "target_id",
            "O2",
            "'O2' is both a person id and an organisation id",
            "Give the person and the organisation different ids (e.g. P-… and O-…), so the tie "
            "says which one it means.",
        ),
        (
            "ties.csv",
            6,
            "target_id",
            "p1",
            "no person or organisation has the id 'p1'",
            "Did you mean 'P1'? Correct the id, or add the person or organisation it names.",
        ),
    ]


# ---------------------------------------------------------------- warnings


def test_loose_ends_are_warnings(tmp_path):
    folder = records(
        tmp_path,
        organisations="""
        id,name,sector,kind,municipality,region
        O1,Luleå kommun,public,kommun,Luleå,Norrbotten
        O2,PRO Norrbotten,civil_society,förening,Luleå,Norrbotten
        O3,Luleå tekniska universitet,academia,universitet,Luleå,Norrbotten
        O4,Sametinget,public,myndighet,Kiruna,Norrbotten
        """,
        people="""
        id,name,organisation_id,role
        P1,Anna Lind,O1,samordnare
        P2,Erik Öberg,O2,ordförande
        P3,Åsa Nilsson,O3,forskare
        P4,Nils Kuhmunen,,
        """,
        collaborations="""
        id,title,kind,start_date,end_date,municipality,theme
        C1,Nätverksträff,meeting,2022-06-08,,Luleå,
        C2,Överenskommelse,agreement,2022-09-01,,Luleå,
        C3,Uppföljning,meeting,2022-12-01,,Luleå,
        """,
        participation="""
        collaboration_id,person_id,organisation_id,role
        C1,P1,,organiser
        C1,P2,,
        C1,P3,,
        C2,,O1,
        C2,,O2,
        C3,P1,,
        """,
        ties="""
        source_id,target_id,kind,start_date,end_date,weight
        P1,P3,mentorship,,,
        P3,P1,mentorship,,,
        """,
    )
    assert warnings_of(folder) == [
        (
            "organisations.csv",
            5,
            "id",
            "O4",
            "organisation 'O4' has no people, takes part in no collaboration and has no ties",
            "It will be an isolated node; add its people or its participation, or delete the row.",
        ),
        (
            "people.csv",
            5,
            "organisation_id",
            None,
            "person 'P4' has no organisation",
            "Fill organisation_id to place them in the organisations graph and in the sector "
            "and place filters.",
        ),
        (
            "people.csv",
            5,
            "id",
            "P4",
            "person 'P4' takes part in no collaboration and has no ties",
            "They will be an isolated node; add them to the participation table, or delete the "
            "row.",
        ),
        (
            "collaborations.csv",
            4,
            "id",
            "C3",
            "collaboration 'C3' has only one participant, so it ties nobody together",
            "Add its participants to the participation table.",
        ),
        (
            "ties.csv",
            3,
            "target_id",
            "P1",
            "the tie between 'P3' and 'P1' is listed again (first on row 2); their weights add up",
            "Delete the repeated row, unless you mean to add its weight.",
        ),
    ]


# ---------------------------------------------------------------- everything at once


def test_every_problem_of_a_broken_folder_is_listed():
    """tests/data/broken holds one or two of each kind of error; all 17 are reported."""
    with pytest.raises(InvalidDataError) as info:
        netmap.load(DATA / "broken")
    errors = [(p[0], p[1], p[2]) for p in listed(info.value.problems)]
    assert errors == [
        ("organisations.csv", 2, "sector"),
        ("organisations.csv", 2, "lat"),
        ("organisations.csv", 3, "id"),
        ("organisations.csv", 4, "name"),
        ("people.csv", 3, "organisation_id"),
        ("collaborations.csv", 2, "start_date"),
        ("collaborations.csv", 3, "end_date"),
        ("collaborations.csv", 4, "start_date"),
        ("participation.csv", 3, "person_id"),
        ("participation.csv", 4, "person_id"),
        ("participation.csv", 5, "collaboration_id"),
        ("participation.csv", 6, "person_id"),
        ("participation.csv", 7, "role"),
        ("participation.csv", 7, "organisation_id"),
        ("ties.csv", 2, "target_id"),
        ("ties.csv", 3, "weight"),
        ("ties.csv", 3, "target_id"),
    ]
    assert str(info.value).splitlines()[:3] == [
        "17 errors, 4 warnings in the records:",
        "  organisations.csv row 2, column sector ('publik'): unknown sector. Fix: Did you "
        "mean 'public'? Use one of: public, civil_society, business, academia, other.",
        "  organisations.csv row 2, column lat ('165.5'): lat is outside -90 to 90. Fix: "
        "Latitude is degrees north (Sweden: 55 to 69); are lat and lon swapped?",
    ]


def test_load_report_of_invalid_records_adds_up():
    result = netmap.validate_path(DATA / "broken")
    report = result.load_report
    assert not result.ok
    # Each file's lines below its header (wc -l minus one; no blank or multi-line rows).
    assert report["rows_read"].tolist() == [3, 2, 3, 6, 2]
    assert report["rows_rejected"].tolist() == [3, 1, 3, 5, 2]
    assert report["rows_used"].tolist() == [0, 1, 0, 1, 0]


# ---------------------------------------------------------------- tables built in code


def _frames() -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(GOOD / f"{name}.csv", dtype=str) for name in TABLE_ORDER}


def test_validate_tables_reports_clashing_and_unknown_keys():
    """ "People" and "people" are one table after case folding: neither is silently dropped.
    A misspelt key is not read, and the warning names the table meant."""
    frames = _frames()
    frames["People"] = frames["people"].iloc[:0]
    with pytest.raises(InvalidDataError) as info:
        validate_tables(frames)
    assert str(info.value).splitlines() == [
        "1 error in the records:",
        "  people: 2 keys name the table people: 'people', 'People'. Fix: Pass one DataFrame "
        "per table (keys are matched ignoring case).",
    ]
    frames = _frames()
    frames["peopel"] = frames.pop("people")
    with pytest.raises(InvalidDataError) as info:
        validate_tables(frames)
    assert str(info.value).splitlines() == [
        "1 error, 1 warning in the records:",
        "  people: the table people is missing. Fix: Pass a DataFrame under the key 'people' "
        "with the columns id, name, organisation_id, role.",
        "  warning: peopel: the key 'peopel' is not a netmap table, so it was not read. Fix: "
        "Did you mean 'people'? The tables are organisations, people, collaborations, "
        "participation, ties.",
    ]


def test_ids_that_differ_only_in_case_are_a_warning():
    """veronica-labba and Veronica-Labba are two ids to netmap; the user meant one."""
    frames = _frames()
    frames["people"].loc[3] = ["Veronica-Labba", "Veronica Labba", "O1", None, None]
    frames["people"].loc[4] = ["veronica-labba", "Veronica Labba", "O1", None, None]
    frames["participation"].loc[5] = ["C1", "Veronica-Labba", None, None]
    frames["participation"].loc[6] = ["C1", "veronica-labba", None, None]
    warnings = validate_tables(frames).warnings
    assert warnings[["file", "row", "column", "problem", "hint"]].values.tolist() == [
        [
            "people",
            6,
            "id",
            "the id 'veronica-labba' differs from 'Veronica-Labba' (row 5) only in case",
            "netmap compares ids exactly, so these are two records; if they are one, write "
            "the id the same way everywhere.",
        ]
    ]


def test_validate_tables_gives_what_load_gives():
    assert validate_tables(_frames()).fingerprint == netmap.load(GOOD).fingerprint


def test_validate_tables_reads_python_values_as_cells():
    frames = _frames()
    frames["people"]["id"] = [1, 2, 3]
    frames["participation"]["person_id"] = [1.0, 2.0, 3.0, None, None]
    frames["collaborations"]["start_date"] = pd.to_datetime(["2022-06-08", "2022-09-01"])
    frames["ties"] = frames["ties"].iloc[1:]
    t = validate_tables(frames).tables
    assert t["people"]["id"].tolist() == ["1", "2", "3"]
    assert t["participation"]["person_id"].dropna().tolist() == ["1", "2", "3"]


def test_validate_tables_names_tables_and_sheet_rows():
    frames = _frames()
    frames["people"].loc[1, "organisation_id"] = "O9"
    del frames["collaborations"]
    with pytest.raises(InvalidDataError) as info:
        validate_tables(frames)
    assert listed(info.value.problems) == [
        (
            "people",
            3,
            "organisation_id",
            "O9",
            "no organisation has the id 'O9'",
            "Correct the id, or add organisation 'O9' to organisations.",
        ),
        (
            "collaborations",
            None,
            None,
            None,
            "the table collaborations is missing",
            "Pass a DataFrame under the key 'collaborations' with the columns id, title, kind, "
            "start_date, municipality, theme.",
        ),
    ]


def test_validated_tables_validate_again_to_themselves():
    net = netmap.load(GOOD)
    again = validate_tables(dict(net.tables))
    for name in TABLE_ORDER:
        pd.testing.assert_frame_equal(again.tables[name], net.tables[name])


# ---------------------------------------------------------------- cells, dates, numbers


@pytest.mark.parametrize(
    "text",
    [
        "2022-06-08",
        "2022-6-8",
        "2022/06/08",
        "2022-06-08 00:00:00",
        "2022-06-08T13:45",
        "20220608",
        "8/6/2022",
        "08/06/2022",
        "8.6.2022",
        "8-6-2022",
        "8 juni 2022",
        "den 8 juni 2022",
        "8 jun. 2022",
        "8 JUNI 2022",
        "8 June 2022",
        " 8 juni 2022 ",
        "2022-06-08T10:00:00Z",
        "2022-06-08T10:00:00+02:00",
        "2022-06-08 23:30:00 -0500",
        "onsdag 8 juni 2022",
        "Onsdag den 8 juni 2022",
        "Wed, 8 June 2022",
        "wednesday 8/6/2022",
    ],
)
def test_parse_date_accepts_the_usual_forms(text):
    assert parse_date(text) == pd.Timestamp("2022-06-08")


@pytest.mark.parametrize(
    "text", ["", "juni", "2022", "8/6/22", "31/2/2022", "2022-13-01", "0022-06-08", "8 jumi 2022"]
)
def test_parse_date_refuses_the_rest(text):
    assert parse_date(text) is None


USUAL = "Write dates as 2022-06-08 (8/6/2022 and 8 juni 2022 work too)."


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("31/2/2022", "There is no such day in the calendar; check day and month. " + USUAL),
        (
            "onsdag 31 juni 2022",
            "There is no such day in the calendar; check day and month. " + USUAL,
        ),
        (
            "12/31/2022",
            "Dates are day first (8/6/2022 is 8 June); for month 12, day 31 write 31/12/2022. "
            + USUAL,
        ),
        ("juni 2022", "A date needs a day as well as month and year. " + USUAL),
        ("8/6 2022", USUAL),
        ("i höstas 2022", USUAL),
    ],
)
def test_a_refused_date_gets_the_hint_that_fits(tmp_path, text, hint):
    """ "no such day" only when the text has a date's form but the day does not exist."""
    folder = records(
        tmp_path,
        collaborations=f"""
        id,title,kind,start_date,end_date,municipality,theme
        C1,Nätverksträff,meeting,2022-06-08,,Luleå,
        C2,Överenskommelse,agreement,{text},,Luleå,
        """,
    )
    assert errors_of(folder) == [
        ("collaborations.csv", 3, "start_date", text, "not a date in start_date", hint)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1.0),
        ("65.58", 65.58),
        ("65,58", 65.58),
        ("−17,5", -17.5),
        ("1 000,5", 1000.5),
        ("1e3", 1000.0),
        (".5", 0.5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "1,000.5", "1.2.3", "nan", "inf", "abc", "1,2,3"])
def test_parse_number_refuses(text):
    assert parse_number(text) is None


def test_cell_text_of_python_and_numpy_values():
    assert [
        cell_text(v)
        for v in (
            np.int64(3),
            np.float64(2.5),
            float("nan"),
            pd.NaT,
            pd.NA,
            True,
            pd.Timestamp("2022-06-08 10:30"),
        )
    ] == ["3", "2.5", "", "", "", "TRUE", "2022-06-08 10:30:00"]


def test_closest_match_needs_enough_similarity():
    assert closest_match("xyz", ["public", "business"]) is None


def test_readme_documents_the_record_model():
    """README's record-model section holds the tables of netmap.schema, word for word."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: record-model -->", 1)[1].split("<!-- section:", 1)[0]
    assert record_model_markdown() in section
