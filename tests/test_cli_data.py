"""Tests of `netmap validate`, `netmap summary` and `netmap templates` (click's CliRunner).

Paths are given relative to tests/ (the tests chdir there), so outputs are exact.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pandas as pd
import pytest
from click.testing import CliRunner

from netmap.cli import main
from netmap.cli._common import (
    Output,
    build_graph,
    echo_problems,
    echo_table,
    emit,
    graph_options,
    load_network,
    output_options,
)

TESTS = Path(__file__).parent


@pytest.fixture(autouse=True)
def _in_tests_folder(monkeypatch):
    monkeypatch.chdir(TESTS)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_validate_valid_records():
    result = run("validate", "data/good")
    assert result.exit_code == 0
    assert result.stdout == (
        "Records in data/good:\n"
        "table           file                rows_read  rows_used  rows_rejected\n"
        "organisations   organisations.csv           3          3              0\n"
        "people          people.csv                  3          3              0\n"
        "collaborations  collaborations.csv          2          2              0\n"
        "participation   participation.csv           5          5              0\n"
        "ties            ties.csv                    2          2              0\n"
        "\n"
        "Valid: 3 organisations, 3 people, 2 collaborations, 5 participation rows, 2 ties.\n"
    )


def test_validate_lists_problems_and_exits_with_1(tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(TESTS / "data" / "good", folder)
    (folder / "people.csv").write_text(
        "id,name,organisation_id,role\nP1,Anna Lind,O1,\nP2,Erik Öberg,O9,\nP3,Åsa,,\n",
        encoding="utf-8",
    )
    result = run("validate", str(folder))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1:4] == [
        "table           file                rows_read  rows_used  rows_rejected",
        "organisations   organisations.csv           3          3              0",
        "people          people.csv                  3          2              1",
    ]
    assert lines[7:] == [
        "",
        "1 error, 1 warning:",
        "severity  file        row  column           value  problem                          hint",
        "error     people.csv  3    organisation_id  O9     no organisation has the id 'O9'  "
        "Correct the id, or add organisation 'O9' to organisations.csv.",
        "warning   people.csv  4    organisation_id         person 'P3' has no organisation  "
        "Fill organisation_id to place them in the organisations graph and in the sector and "
        "place filters.",
        "",
        "Not valid: fix the 1 error above and run again.",
    ]


def test_validate_broken_folder_reports_every_error():
    result = run("validate", "data/broken")
    assert result.exit_code == 1
    assert "17 errors, 4 warnings:" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "Not valid: fix the 17 errors above and run again."


def test_validate_json():
    result = run("validate", "data/broken", "--json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert (document["valid"], document["errors"], document["warnings"]) == (False, 17, 4)
    assert document["tables"][1] == {
        "table": "people",
        "file": "people.csv",
        "rows_read": 2,
        "rows_used": 1,
        "rows_rejected": 1,
    }
    assert document["problems"][4] == {
        "severity": "error",
        "file": "people.csv",
        "row": 3,
        "column": "organisation_id",
        "value": "O9",
        "problem": "no organisation has the id 'O9'",
        "hint": "Correct the id, or add organisation 'O9' to organisations.csv.",
    }
    assert run("validate", "data/good", "--json").exit_code == 0


def test_validate_warnings_only_exits_with_0():
    result = run("validate", "data/swedish-cp1252")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "Valid: 3 organisations, 3 people, 1 collaboration, 3 participation rows, 0 ties."
    )


def test_validate_a_path_that_is_not_records():
    result = run("validate", "data/good/people.csv")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: data/good/people.csv is a single .csv file; netmap reads a folder of them "
        "(organisations.csv, people.csv, ...) or an .xlsx workbook. Give the folder instead: "
        "data/good\n"
    )
    missing = run("validate", "data/nowhere")
    assert missing.exit_code == 2
    assert "Path 'data/nowhere' does not exist." in missing.stderr


def test_summary():
    result = run("summary", "data/good")
    assert result.exit_code == 0
    assert result.stdout == (
        "data/good: 3 organisations, 3 people, 2 collaborations, 5 participation rows, 2 ties\n"
        "collaborations from 2022-06-08 to 2024-08-31\n"
        "\n"
        "level          nodes  edges  components  largest_component_share  density  isolates\n"
        "people             3      3           1                        1        1         0\n"
        "organisations      3      3           1                        1        1         0\n"
    )


def test_summary_with_a_window_and_json():
    """From July 2022 only the agreement C2 (O1, O2) and the undated tie O1–O3 remain."""
    result = run("summary", "data/good", "--since", "1/7/2022", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["level"], r["nodes"], r["edges"]) for r in rows] == [
        ("people", 0, 0),
        ("organisations", 3, 2),
    ]


def test_summary_of_invalid_records_prints_problems_on_stderr():
    result = run("summary", "data/broken")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].split() == [
        "severity",
        "file",
        "row",
        "column",
        "value",
        "problem",
        "hint",
    ]
    assert result.stderr.splitlines()[-1] == (
        "data/broken: 17 errors; fix them and run the command again "
        "(`netmap validate data/broken` lists them too)."
    )
    assert "Traceback" not in result.output


def test_bad_options_are_usage_errors():
    result = run("summary", "data/good", "--since", "2023-01-01", "--until", "2022-01-01")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --since/--until: --since (2023-01-01) is after --until "
        "(2022-01-01); swap them."
    )
    result = run("summary", "data/good", "--since", "igår")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--since': expected a date like 2022-06-08, 8/6/2022 or "
        "'8 juni 2022'; got 'igår'."
    )


def test_templates(tmp_path):
    result = run("templates", str(tmp_path / "new"))
    assert result.exit_code == 0
    assert result.stdout == (
        "Wrote collaborations.csv, organisations.csv, participation.csv, people.csv, ties.csv "
        f"to {tmp_path / 'new'}.\n"
        f"Fill them in, then check them with: netmap validate {tmp_path / 'new'}\n"
    )
    assert run("validate", str(tmp_path / "new")).exit_code == 0
    again = run("templates", str(tmp_path / "new"))
    assert again.exit_code == 1
    assert again.stderr.startswith("Error: ")
    assert again.stderr.endswith("templates never overwrite records. Choose an empty folder.\n")
    book = run("templates", str(tmp_path / "book"), "--xlsx")
    assert book.exit_code == 0
    assert run("validate", str(tmp_path / "book" / "netmap-records.xlsx")).exit_code == 0


def test_every_command_has_help():
    for command in ("validate", "summary", "templates"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert result.stdout.startswith(f"Usage: main {command} ")
    assert "--municipality TEXT" in run("summary", "--help").stdout


def test_echo_table_cuts_long_tables(capsys):
    echo_table(pd.DataFrame({"name": ["a", "bb", "c"], "n": [1.5, None, 2.0]}), max_rows=2)
    assert capsys.readouterr().out == (
        "name    n\na     1.5\nbb\n... 1 more rows (use --csv FILE or --json for all)\n"
    )


def test_graph_and_output_options(tmp_path):
    """The shared options give a GraphSelection and an Output; --csv writes every row."""

    @click.command()
    @click.argument("path")
    @graph_options
    @output_options
    def probe(path, selection, output):
        click.echo(selection.describe())
        click.echo(sorted(selection.filters()))
        G = build_graph(load_network(path), selection)
        emit(pd.DataFrame({"node": sorted(G)}), output, max_rows=1)

    result = CliRunner().invoke(
        probe,
        [
            "data/good",
            "--level",
            "organisations",
            "--until",
            "31 dec 2022",
            "--sector",
            "Public",
            "--sector",
            "academia",
            "--kind",
            "agreement",
            "--csv",
            str(tmp_path / "n.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "organisations graph, the start to 2022-12-31, sectors public, academia, kinds agreement",
        "['kinds', 'sectors', 'until']",
        "node",
        "org:O1",
        "... 1 more rows (use --csv FILE or --json for all)",
        f"wrote 2 rows to {tmp_path / 'n.csv'}",
    ]
    assert (tmp_path / "n.csv").read_bytes() == "\ufeffnode\norg:O1\norg:O3\n".encode()


def test_emit_csv_is_for_excel(tmp_path):
    """--csv files open in Excel: UTF-8 with a byte-order mark (for å, ä, ö), and text that
    Excel would run as a formula starts with an apostrophe; numbers stay numbers."""
    out = tmp_path / "t.csv"
    emit(
        pd.DataFrame({"name": ['=HYPERLINK("http://x")', "@SUM(1)", "Åsa"], "x": [-2.5, 1.0, 0]}),
        Output(csv=out),
    )
    assert out.read_text(encoding="utf-8") == (
        '\ufeffname,x\n"\'=HYPERLINK(""http://x"")",-2.5\n\'@SUM(1),1.0\nÅsa,0.0\n'
    )


def test_echo_problems_cuts_long_values(capsys):
    problems = pd.DataFrame(
        [
            {
                "severity": "error",
                "file": "people.csv",
                "row": 2,
                "column": "id",
                "value": "x" * 50,
                "problem": "p",
                "hint": "h",
            }
        ]
    )
    echo_problems(problems)
    assert capsys.readouterr().out.splitlines()[1] == (
        "error     people.csv  2    id      " + "x" * 39 + "…  p        h"
    )
