"""Tests of `netmap key-actors` (click's CliRunner), on the records in tests/data/good.

Three people (Anna, public sector; Erik, civil society; Åsa, academia) met at one meeting:
a triangle, so nobody brokers and every betweenness is 0. Anna and Åsa also have a direct
mentoring tie (weight 1 + 1 = 2 between them), which is why Erik is the most constrained:
his two contacts are strongly tied to each other.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from netmap.cli import main
from netmap.glossary import explain

TESTS = Path(__file__).parent


@pytest.fixture(autouse=True)
def _in_tests_folder(monkeypatch):
    monkeypatch.chdir(TESTS)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_key_actors_prints_a_readable_table():
    result = run("key-actors", "data/good")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Key actors of the people graph (3 actors):\n"
        "\n"
        "name         degree  betweenness  constraint  sectors_reached  lose_contact  "
        "community  role\n"
        "Anna Lind         2            0      1.0031                2             0  "
        "        0  their contacts all know each other\n"
        "Åsa Nilsson       2            0      1.0031                2             0  "
        "        0  their contacts all know each other\n"
        "Erik Öberg        2            0      1.3889                2             0  "
        "        0  their contacts all know each other\n"
    )


def test_key_actors_top_explain_and_swedish():
    result = run("key-actors", "data/good", "--top", "1", "--explain", "--lang", "sv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[3].startswith("Anna Lind ")
    assert lines[3].endswith("kontakterna känner redan varandra")
    assert len([line for line in lines if "Nilsson" in line]) == 0
    assert any(line.endswith(explain("lose_contact", "sv")) for line in lines)


def test_key_actors_csv_has_every_actor_and_column(tmp_path):
    out = tmp_path / "actors.csv"
    result = run("key-actors", "data/good", "--top", "1", "--csv", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(f"\nwrote all 3 actors and columns to {out}\n")
    table = pd.read_csv(out)
    assert table["node"].tolist() == ["person:P1", "person:P3", "person:P2"]
    assert {"closeness", "pagerank", "liaison", "participation_coefficient"} <= set(table)


def test_key_actors_json_and_organisation_level():
    result = run("key-actors", "data/good", "--level", "organisations", "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["name"] for r in records][:1] == ["Luleå kommun"]
    assert "organisations_reached" not in records[0]
    assert records[0]["sectors_reached"] >= 1


def test_key_actors_on_a_missing_folder_says_so():
    result = run("key-actors", "data/no-such-folder")
    assert result.exit_code == 2
    assert "Path 'data/no-such-folder' does not exist." in result.output


def test_key_actors_has_help():
    result = run("key-actors", "--help")
    assert result.exit_code == 0
    assert "Who holds the network together" in result.stdout
    assert "--betweenness [auto|exact|sampled]" in result.stdout


def test_csv_for_spreadsheets_and_a_clear_error_when_it_cannot_be_written(tmp_path):
    out = tmp_path / "actors.csv"
    assert run("key-actors", "data/good", "--csv", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads å, ä, ö
    missing = tmp_path / "no-such-folder" / "actors.csv"
    result = run("key-actors", "data/good", "--csv", str(missing))
    assert result.exit_code == 1
    # pandas words the reason itself; netmap names the file and stops without a traceback
    assert result.stderr == (
        f"Error: cannot write {missing}: Cannot save file into a non-existent directory: "
        f"'{missing.parent}'\n"
    )
