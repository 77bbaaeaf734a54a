"""The HTML report: content in both languages, escaping, pseudonyms, bytes, a real browser."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.cli import main
from netmap.i18n import STRINGS
from netmap.report import build_report
from netmap.report_texts import REPORT_STRINGS

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def demo(demo_path):
    return netmap.load(demo_path)


@pytest.fixture(scope="module")
def sample(sample_path):
    return netmap.load(sample_path)


@pytest.fixture(scope="module")
def demo_report(demo):
    return build_report(demo)


def _visible_text(page: str) -> str:
    """The report's own text: the map's srcdoc page removed."""
    return re.sub(r'srcdoc="[^"]*"', "", page)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("dataset", ["demo", "sample"])
def test_report_has_every_section_in_the_language(request, dataset, lang):
    net = request.getfixturevalue(dataset)
    page = build_report(net, lang=lang)
    for key in (
        "report.title",
        "report.data",
        "report.growth",
        "report.key_actors",
        "report.conveners",
        "report.fragile",
        "report.gaps",
        "report.suggest",
        "report.map",
        "report.method",
        "report.references",
    ):
        assert STRINGS[key][lang] in page, key
    assert f'<html lang="{lang}">' in page
    other = "sv" if lang == "en" else "en"
    assert STRINGS["report.method"][other] not in page
    assert "Borgatti" in page and "Blondel" in page and "Freeman" in page


def test_report_names_the_top_connector_and_the_demo_counts(demo, demo_report):
    actors = netmap.key_actors(demo.graph("people"))
    assert actors["name"].iloc[0] in demo_report  # Maria Eklund in the demo region
    assert "320 people in 60 organisations took part in 150 collaborations" in demo_report


def test_report_is_the_same_bytes_for_the_same_records(demo, demo_report):
    assert build_report(demo) == demo_report


#: An attribute or CSS reference that would load something from a web address.
REMOTE_REFERENCE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data|srcset)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


def test_report_fetches_nothing_from_other_hosts(demo_report):
    # The report's own text has no web address at all; the embedded map page (vis-network's
    # licence comments name its authors' sites) has no reference that would load one.
    assert "http://" not in _visible_text(demo_report)
    assert "https://" not in _visible_text(demo_report)
    map_page = html.unescape(re.search(r'srcdoc="([^"]*)"', demo_report).group(1))
    assert map_page.startswith("<!DOCTYPE html>")
    for part in (_visible_text(demo_report), map_page):
        assert REMOTE_REFERENCE.findall(part) == []
    assert "default-src 'none'" in html.unescape(demo_report.split("<style>")[0])


def _with_person_name(net: netmap.Network, name: str) -> netmap.Network:
    tables = dict(net.tables)
    people = tables["people"].copy()
    people.loc[0, "name"] = name
    tables["people"] = people
    return netmap.Network(tables, source=net.source)


def test_a_name_with_markup_appears_as_text(sample):
    page = build_report(_with_person_name(sample, XSS))
    assert XSS not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in _visible_text(page)


@pytest.mark.parametrize("dataset", ["demo", "sample"])
def test_pseudonymised_report_holds_no_name_id_or_email_of_a_person(request, dataset):
    net = request.getfixturevalue(dataset)
    page = build_report(net, pseudonymise=True, lang="sv")
    people = net.tables["people"]
    assert len(people) > 0
    leaked = [name for name in people["name"] if name in page]
    leaked += [email for email in people["email"].dropna() if email in page]
    leaked += [pid for pid in people["id"] if f"person:{pid}" in page]
    assert leaked == []
    assert re.findall(r"[\w.+-]+@[\w-]+\.\w+", page) == []  # no address of anyone
    assert "Person 0" in page  # pseudonyms are shown instead


def test_pseudonyms_are_stable_and_keep_organisations(sample):
    once, again = netmap.pseudonymise(sample), netmap.pseudonymise(sample)
    pd.testing.assert_frame_equal(once.tables["people"], again.tables["people"])
    original = sample.tables["people"].set_index("id")["organisation_id"].sort_values()
    kept = once.tables["people"].set_index("id")["organisation_id"].sort_values()
    assert kept.tolist() == original.tolist()
    assert once.tables["people"]["name"].is_unique


def test_pseudonymise_scrubs_names_and_addresses_in_warnings(sample):
    warnings = pd.DataFrame(
        {
            "severity": ["warning"],
            "file": ["people.csv"],
            "row": [4],
            "column": ["name"],
            "value": ["Amalia Sjindjapkin"],
            "problem": ["person 'amalia-sjindjapkin' writes from amalia.sjindjapkin@hudiksvall.se"],
            "hint": ["write to someone@example.org"],
        }
    )
    net = netmap.Network(sample.tables, warnings=warnings, source="sample")
    scrubbed = netmap.pseudonymise(net).warnings.iloc[0]
    text = " ".join(map(str, scrubbed))
    assert "Amalia" not in text and "amalia" not in text and "@" not in text
    assert "(e-mail hidden)" in text


def test_report_texts_do_not_overwrite_dashboard_texts():
    assert all(key.startswith("report.") for key in REPORT_STRINGS)
    dashboard_keys = {
        "report.table",
        "report.rows_read",
        "report.rows_used",
        "report.rows_rejected",
    }
    assert not dashboard_keys & set(REPORT_STRINGS)


def test_wrong_options_say_what_was_expected(sample):
    with pytest.raises(ValueError, match=r"build_report writes 'en', 'sv'; got lang='de'\."):
        build_report(sample, lang="de")
    with pytest.raises(ValueError, match=r"got level='two-mode'\."):
        build_report(sample, level="two-mode")
    with pytest.raises(ValueError, match=r"'top' parameter of build_report must be an int >= 1"):
        build_report(sample, top=0)


def test_created_date_is_printed_only_when_asked(sample):
    assert "Created " not in _visible_text(build_report(sample))
    assert "Skapad 2026-11-21." in build_report(sample, lang="sv", created="2026-11-21")


def test_cli_writes_the_report(sample_path, tmp_path):
    out = tmp_path / "rapport.html"
    result = CliRunner().invoke(
        main, ["report", str(sample_path), "--out", str(out), "--lang", "sv", "--pseudonymise"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert "Nätverksrapport" in page and "Veronica Labba" not in page


def test_cli_reports_invalid_records_without_traceback(tmp_path):
    netmap.write_templates(tmp_path)
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_report_opens_in_chromium_prints_and_fetches_nothing(
    page, demo_report, tmp_path, artifacts
):
    path = tmp_path / "report.html"
    path.write_text(demo_report, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    frame = page.frame_locator("iframe.map-frame")
    frame.locator("#netmap-network canvas").wait_for(timeout=30_000)
    assert page.console_errors == []
    assert page.external_requests == []
    assert page.locator("h2").count() >= 10
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    page.locator("iframe.map-frame").scroll_into_view_if_needed()
    page.locator("#map").screenshot(path=str(artifacts / "report-map.png"))
    page.emulate_media(media="print")
    page.pdf(path=str(artifacts / "report.pdf"), format="A4")
    assert (artifacts / "report.pdf").read_bytes()[:5] == b"%PDF-"
    assert page.locator("img.map-image").is_visible()
    assert not page.locator("iframe.map-frame").is_visible()


def test_report_on_the_organisations_graph(demo):
    page = build_report(demo, level="organisations", lang="sv", top=5)
    assert "nätverket av organisationer" in page
    organisations = netmap.key_actors(demo.graph("organisations"))["name"].head(5)
    assert all(name in page for name in organisations)


def test_an_empty_selection_says_what_to_widen(sample):
    with pytest.raises(netmap.NetmapError) as err:
        build_report(sample, level="organisations", sectors=["business"])
    assert str(err.value) == (
        "No organisations in the selected time window and filters (sectors=['business']): "
        "the report needs at least one actor. Widen the time window or drop a filter."
    )


def test_report_command_has_help():
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    assert "--pseudonymise" in result.output and "--lang [en|sv]" in result.output


names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=3, max_size=20
).filter(lambda s: s.strip() == s and not s.startswith("Person"))


@settings(max_examples=40, deadline=None)
@given(new_names=st.lists(names, min_size=14, max_size=14, unique=True))
def test_pseudonymise_keeps_no_name_or_id_in_any_table(sample, new_names):
    tables = dict(sample.tables)
    people = tables["people"].copy()
    people["name"] = pd.array(new_names, dtype=people["name"].dtype)
    tables["people"] = people
    anon = netmap.pseudonymise(netmap.Network(tables))

    def text(frames) -> str:
        return "\n".join(frame.astype(str).to_csv(index=False) for frame in frames)

    anonymous_text = text(anon.tables.values())
    # A name that is also part of other text (an organisation, a title, a pseudonym such as
    # "p01") cannot be told apart there; every other name must be gone.
    other_text = text([frame for name, frame in tables.items() if name != "people"])
    other_text += text([people.drop(columns="name")])
    other_text += "\n".join([*anon.tables["people"]["id"], *anon.tables["people"]["name"]])
    checkable = [n for n in new_names if n not in other_text]
    assert [n for n in checkable if n in anonymous_text] == []
    assert [pid for pid in people["id"] if pid in anonymous_text] == []
    assert sorted(anon.tables["people"]["name"]) == [f"Person {i:02d}" for i in range(1, 15)]


def test_markup_in_a_name_runs_nothing_in_chromium(page, sample, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    path = tmp_path / "xss.html"
    build_report(_with_person_name(sample, XSS), path, top=20)
    page.goto(path.as_uri())
    page.frame_locator("iframe.map-frame").locator("#netmap-network canvas").wait_for()
    assert XSS in page.locator("body").inner_text()  # shown as text in the tables
    assert dialogs == [] and page.console_errors == [] and page.external_requests == []
