"""``netmap map`` and ``netmap export`` on the command line: write errors and the shared --lang.

(Kept apart from tests/test_maps.py, which another engineer is editing.)
"""

from __future__ import annotations

from click.testing import CliRunner

from netmap.cli import main


def test_map_says_when_it_cannot_write(sample_path, tmp_path):
    out = tmp_path / "nope" / "m.html"
    result = CliRunner().invoke(main, ["map", str(sample_path), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {out}: No such file or directory\n"
    assert "Traceback" not in result.output


def test_export_names_the_file_it_cannot_write(sample_path, tmp_path):
    out = tmp_path / "nope" / "net.csv"
    result = CliRunner().invoke(main, ["export", str(sample_path), "--out", str(out)])
    assert result.exit_code == 1
    nodes = tmp_path / "nope" / "net-nodes.csv"
    assert result.stderr == f"Error: cannot write {nodes}: No such file or directory\n"


def test_a_table_command_says_when_it_cannot_write_its_csv(sample_path, tmp_path):
    out = tmp_path / "nope" / "summary.csv"
    result = CliRunner().invoke(main, ["summary", str(sample_path), "--csv", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {out}: ")


def test_map_and_report_share_one_lang_option():
    for command in ("map", "report"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert "--lang [en|sv]" in result.output and "Language of the texts." in result.output
