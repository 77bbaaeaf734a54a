"""The HTML report: content in both languages, escaping, pseudonyms, bytes, a real browser."""

from __future__ import annotations

import html
import json
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


def _readable_texts(page: str) -> list[str]:
    """Every form in which the report shows text: the page as a browser reads it (entities
    decoded), and the map's data as its script reads it (the JSON island of the srcdoc page,
    decoded, so ``\\u0026`` is ``&`` again)."""
    readable = html.unescape(page)
    map_page = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    island = re.search(
        r'<script type="application/json" id="netmap-data">(.*?)</script>', map_page, re.S
    )
    return [readable, map_page, "\n".join(_strings(json.loads(island.group(1))))]


def _strings(value) -> list[str]:
    """Every text inside decoded JSON."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in _strings(item)]


def _leaks(net: netmap.Network, page: str) -> list[str]:
    people = net.tables["people"]
    texts = _readable_texts(page)
    words = [*people["name"], *people["email"].dropna()]
    words += [f"person:{pid}" for pid in people["id"]]
    return [word for word in words if any(word in text for text in texts)]


#: Names with every character HTML and JSON escape differently.
MARKUP_NAMES = ["Anna & Berg", "Åsa O'Neill", 'Karl "Kalle" Ek', "Lisa <Lo> Ström"]


def _with_markup_names(net: netmap.Network) -> netmap.Network:
    tables = dict(net.tables)
    people = tables["people"].copy()
    people.loc[: len(MARKUP_NAMES) - 1, "name"] = MARKUP_NAMES
    tables["people"] = people
    return netmap.Network(tables, source=net.source)


@pytest.mark.parametrize("dataset", ["demo", "sample"])
def test_pseudonymised_report_holds_no_name_id_or_email_of_a_person(request, dataset):
    net = _with_markup_names(request.getfixturevalue(dataset))
    # The search finds every marked-up name in the named report (so it can fail) ...
    named = build_report(net, lang="sv", top=50)
    assert [n for n in MARKUP_NAMES if n in _leaks(net, named)] == MARKUP_NAMES
    # ... and nothing of anyone in the pseudonymised one, map data and tooltips included.
    page = build_report(net, pseudonymise=True, lang="sv", top=50)
    assert _leaks(net, page) == []
    assert all(re.findall(r"[\w.+-]+@[\w-]+\.\w+", text) == [] for text in _readable_texts(page))
    assert "Person 0" in page  # pseudonyms are shown instead


def _relabelled(net: netmap.Network, mapping: dict[str, str]) -> netmap.Network:
    """The same records with every person id replaced by ``mapping[id]`` in every table."""
    tables = dict(net.tables)
    people = tables["people"].copy()
    people["id"] = people["id"].map(mapping).astype(people["id"].dtype)
    participation = tables["participation"].copy()
    participation["person_id"] = (
        participation["person_id"]
        .map(lambda v: mapping.get(v, v))
        .astype(participation["person_id"].dtype)
    )
    ties = tables["ties"].copy()
    for end in ("source", "target"):
        is_person = ties[f"{end}_type"] == "person"
        ties.loc[is_person, f"{end}_id"] = ties.loc[is_person, f"{end}_id"].map(mapping)
    tables.update(people=people, participation=participation, ties=ties)
    return netmap.Network(tables, source=net.source)


def _positions(anon: netmap.Network) -> dict[str, tuple]:
    """Pseudonym -> structural position: the collaborations taken part in, direct ties."""
    part = anon.tables["participation"]
    ties = anon.tables["ties"]
    ends = pd.concat([ties["source_id"], ties["target_id"]])
    return {
        pid: (
            tuple(sorted(part.loc[part["person_id"] == pid, "collaboration_id"])),
            int((ends == pid).sum()),
        )
        for pid in anon.tables["people"]["id"]
    }


def test_default_pseudonyms_follow_positions_not_ids(sample):
    # The same ids, handed to other people (reversed): a numbering computed from the ids
    # (a public hash, the alphabet) would move every pseudonym to another person. Ours
    # stays with the same place in the network.
    ids = list(sample.tables["people"]["id"])
    other = _relabelled(sample, dict(zip(ids, reversed(ids), strict=True)))
    once, again = netmap.pseudonymise(sample), netmap.pseudonymise(other)
    assert _positions(once) == _positions(again)
    # Person 01 is the sample's most active person: Amalia Sjindjapkin, in 5 of the 14
    # collaborations (data/sample/participation.csv).
    counts = once.tables["participation"]["person_id"].value_counts()
    assert counts.index[0] == "p01" and counts.iloc[0] == 5
    assert netmap.pseudonymise(sample).tables["people"].equals(once.tables["people"])


def test_a_key_numbers_pseudonyms_stably_across_reports(sample):
    # With a key, a person keeps their number when the records change (here: a later report
    # without the first collaboration), and another key gives another numbering.
    key = "our secret"
    tables = dict(sample.tables)
    first = tables["collaborations"]["id"].iloc[0]
    part = tables["participation"]
    tables["participation"] = part[part["collaboration_id"] != first].reset_index(drop=True)
    later = netmap.Network(tables, source=sample.source)

    def numbering(net, key) -> dict[str, str]:
        """Old person id -> new id, read off the participation rows (they keep their order)."""
        anon = netmap.pseudonymise(net, key=key)
        rows = net.tables["participation"]["person_id"].notna().to_numpy()
        old = net.tables["participation"].loc[rows, "person_id"]
        new = anon.tables["participation"].loc[rows, "person_id"]
        return dict(zip(old, new, strict=True))

    before, after = numbering(sample, key), numbering(later, key)
    assert len(after) >= 10 and all(before[pid] == new for pid, new in after.items())
    assert before != numbering(sample, "another key")
    assert numbering(sample, None) != numbering(later, None)  # the activity order moves
    with pytest.raises(ValueError, match="The pseudonym key is empty"):
        netmap.pseudonymise(sample, key="")


def test_pseudonymise_without_collaborations_or_people(sample):
    # Nobody took part in anything: everyone is equally active, numbered by the keyed hash.
    tables = dict(sample.tables)
    tables["participation"] = tables["participation"].iloc[:0]
    tables["ties"] = tables["ties"].iloc[:0]
    idle = netmap.pseudonymise(netmap.Network(tables))
    assert sorted(idle.tables["people"]["name"]) == [f"Person {i:02d}" for i in range(1, 15)]
    tables["people"] = tables["people"].iloc[:0]
    assert netmap.pseudonymise(netmap.Network(tables)).tables["people"].empty
    with pytest.raises(ValueError) as err:
        netmap.pseudonymise(sample, lang="de")
    assert str(err.value) == "pseudonymise writes 'en' or 'sv'; got lang='de'."


def test_pseudonymise_drops_job_titles_and_extra_columns(sample):
    tables = dict(sample.tables)
    tables["people"] = tables["people"].assign(
        phone=pd.array(["070-123 45 67"] * len(tables["people"]), dtype="str")
    )
    anon = netmap.pseudonymise(netmap.Network(tables))
    assert list(anon.tables["people"].columns) == ["id", "name", "organisation_id", "role", "email"]
    assert anon.tables["people"]["role"].isna().all()
    assert sample.tables["people"]["role"].notna().any()  # the sample has job titles
    named, G = sample.graph("people"), anon.graph("people")
    assert any(isinstance(named.nodes[n].get("role"), str) for n in named)
    assert all(pd.isna(G.nodes[n].get("role")) for n in G)


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


def test_pseudonymise_writes_a_shared_name_as_a_person_and_ids_before_names(sample):
    # Two people share a name: the warning cannot say which is meant. A third person's id is
    # a fourth's name: the id's replacement wins.
    tables = dict(sample.tables)
    people = tables["people"].copy()
    people.loc[[0, 1], "name"] = "Anna Berg"
    people.loc[2, "name"] = people.loc[3, "id"]
    tables["people"] = people
    warnings = pd.DataFrame(
        {
            "severity": ["warning", "warning"],
            "file": ["people.csv", "people.csv"],
            "row": [2, 5],
            "column": ["name", "id"],
            "value": ["Anna Berg", people.loc[3, "id"]],
            "problem": ["Anna Berg may be listed twice", f"check {people.loc[3, 'id']}"],
            "hint": ["", ""],
        }
    )
    net = netmap.Network(tables, warnings=warnings, source="sample")
    anon = netmap.pseudonymise(net)
    scrubbed = anon.warnings
    assert scrubbed["value"].tolist()[0] == "(a person)"
    assert scrubbed["problem"].tolist()[0] == "(a person) may be listed twice"
    assert netmap.pseudonymise(net, lang="sv").warnings["problem"].iloc[0] == (
        "(en person) may be listed twice"
    )
    person_3 = _pseudonym_id_of(net, anon, people.loc[3, "id"])
    assert scrubbed["value"].tolist()[1] == person_3
    assert scrubbed["problem"].tolist()[1] == f"check {person_3}"


def _pseudonym_id_of(net: netmap.Network, anon: netmap.Network, pid: str) -> str:
    """The new id of person ``pid``, read off the participation table (rows keep their order)."""
    rows = net.tables["participation"]["person_id"] == pid
    (new_id,) = set(anon.tables["participation"].loc[rows.to_numpy(), "person_id"])
    return new_id


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


# ---------------------------------------------------------------- filters and the command line


def test_the_region_filter_narrows_the_report_and_is_named_in_its_header(sample):
    page = build_report(sample, regions=["Norrbottens län"])
    assert "Only: Region: Norrbottens län." in page
    assert "Only: " not in _visible_text(build_report(sample))
    # Veronica Labba works at Sametinget in Kiruna (Norrbottens län), Amalia Sjindjapkin at
    # Hudiksvalls kommun (Gävleborgs län): data/sample/organisations.csv.
    assert "Veronica Labba" in page and "Amalia Sjindjapkin" not in _visible_text(page)


def test_cli_region_option_changes_the_report(sample_path, tmp_path):
    pages = []
    for extra in ([], ["--region", "Norrbottens län"]):
        out = tmp_path / f"r{len(pages)}.html"
        result = CliRunner().invoke(main, ["report", str(sample_path), "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        pages.append(out.read_text(encoding="utf-8"))
    assert pages[0] != pages[1]
    assert "Only: Region: Norrbottens län." in pages[1]


def test_cli_report_says_when_it_cannot_write(sample_path, tmp_path):
    out = tmp_path / "nope" / "r.html"
    result = CliRunner().invoke(main, ["report", str(sample_path), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {out}: No such file or directory\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_cli_pseudonym_key_from_option_or_environment(sample_path, tmp_path):
    def page(*extra, env=None) -> str:
        out = tmp_path / "r.html"
        args = ["report", str(sample_path), "--out", str(out), "--pseudonymise", *extra]
        result = CliRunner().invoke(main, args, env=env)
        assert result.exit_code == 0, result.output
        return out.read_text(encoding="utf-8")

    keyed = page("--pseudonym-key", "our secret")
    assert keyed == page(env={"NETMAP_PSEUDONYM_KEY": "our secret"})
    assert keyed != page()
    assert keyed == build_report(
        netmap.load(sample_path), pseudonymise=True, pseudonym_key="our secret"
    )


def test_cli_pseudonym_key_without_pseudonymise_is_an_error(sample_path, tmp_path):
    args = ["report", str(sample_path), "--out", str(tmp_path / "r.html")]
    result = CliRunner().invoke(main, [*args, "--pseudonym-key", "k"])
    assert result.exit_code == 2
    assert "Error: --pseudonym-key numbers pseudonyms; add --pseudonymise." in result.stderr
    # From the environment it is only a default: reports without pseudonyms still work.
    result = CliRunner().invoke(main, args, env={"NETMAP_PSEUDONYM_KEY": "k"})
    assert result.exit_code == 0, result.output


def test_pseudonymised_header_names_what_pseudonyms_do_not_hide(sample):
    page = _visible_text(build_report(sample, pseudonymise=True))
    assert "may still recognise its most central people" in page
    # data/sample/people.csv: Hudiksvalls kommun, Umeå universitet's department of social
    # work, Norrbottens Kommuner, Sametinget and Degerfors kommun have one person each (Luleå
    # kommun six, Länsbygderådet two, Magnus Bergmark none).
    expected = 5
    assert f"Organisations with only one person in this report: {expected}." in page


def test_the_map_is_laid_out_once_for_the_page_and_the_still_image(sample, monkeypatch):
    import netmap.maps

    calls = []
    encode_once = netmap.maps._encode

    def counted(G, options):
        calls.append(options)
        return encode_once(G, options)

    monkeypatch.setattr(netmap.maps, "_encode", counted)
    page = build_report(sample)
    assert len(calls) == 1
    assert page == build_report(sample) and len(calls) == 2  # same bytes with one encoding
