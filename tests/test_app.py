"""The dashboard in-process with Streamlit's AppTest: every page, one interaction each.

The pages run on the bundled demo region (the app's default). Each test checks that a page
draws without an exception or an error box, and that one control changes what is shown.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from views._state import md_escape

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ("overview", "map", "key_actors", "conveners", "gaps", "data")
#: The first run loads the data and computes the metrics on a shared 2-core machine.
TIMEOUT = 180


def open_page(page: str | None = None, **state) -> AppTest:
    """Run the app (optionally with session state set first) and go to ``page``."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page is not None and page != "overview":
        at.switch_page(f"views/{page}.py").run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def iframe_html(at: AppTest) -> str:
    frames = at.get("iframe")
    assert frames, "no iframe on the page"
    return frames[0].proto.srcdoc


def test_data_page_offers_every_download():
    at = open_page("data")
    labels = {b.proto.label for b in at.get("download_button")}
    assert {
        "Download the report (HTML)",
        "Download the workbook template",
        "Organisations (CSV)",
        "Participation (CSV)",
        "Direct ties (CSV)",
        "Map (HTML)",
        "Network (GraphML)",
        "Network (GEXF, for Gephi)",
    } <= labels


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo_region(page):
    at = open_page(page)
    assert_clean(at)
    assert at.title[0].value  # the page drew its heading
    assert not at.info or all("not installed" not in i.value for i in at.info)


def test_overview_language_switch_changes_every_label():
    at = open_page("overview")
    assert at.title[0].value == "Overview"
    assert [m.label for m in at.metric][:2] == ["People", "Ties"]
    at.sidebar.radio(key="lang").set_value("sv").run()
    assert_clean(at)
    assert at.title[0].value == "Översikt"
    assert [m.label for m in at.metric][:2] == ["Personer", "Band"]
    assert at.subheader[0].value == "Tre saker att veta"


def test_overview_filter_by_sector_shrinks_the_network():
    at = open_page("overview")
    people = int(at.metric[0].value.replace(",", ""))
    sectors = next(m for m in at.sidebar.multiselect if m.label == "Sectors")
    sectors.set_value(["civil_society"]).run()
    assert_clean(at)
    fewer = int(at.metric[0].value.replace(",", ""))
    assert 0 < fewer < people


def test_overview_headline_findings_are_three_sentences():
    at = open_page("overview")
    titles = [m.value for m in at.markdown if m.value.startswith("**")]
    assert {"**Top connector**", "**Biggest gap**", "**Most fragile point**"} <= set(titles)


def test_map_draws_the_escaped_offline_map_and_follows_the_level():
    at = open_page("map")
    people_map = iframe_html(at)
    assert "vis-network" in people_map or "vis.Network" in people_map
    assert "https://" not in people_map.split("</script>")[0][:2000]
    at.sidebar.radio(key="level").set_value("organisations").run()
    assert_clean(at)
    assert iframe_html(at) != people_map


def test_key_actors_profile_follows_the_picked_actor():
    at = open_page("key_actors")
    names = at.session_state["_context"].names()
    picker = at.selectbox(key="key.actor")
    other = next(node for node in names if node != picker.value)
    picker.set_value(other).run()
    assert_clean(at)
    assert f"### {md_escape(names[other])}" in [m.value for m in at.markdown]


def test_key_actors_language_switch_rewrites_only_the_role_texts(monkeypatch):
    import streamlit as st

    import netmap.metrics

    computed = []

    def counting_key_actors(*args, **kwargs):
        computed.append(kwargs)
        return key_actors(*args, **kwargs)

    key_actors = netmap.metrics.key_actors
    monkeypatch.setattr(netmap.metrics, "key_actors", counting_key_actors)
    st.cache_data.clear()
    at = open_page("key_actors")
    english = at.dataframe[0].value
    at.sidebar.radio(key="lang").set_value("sv").run()
    assert_clean(at)
    swedish = at.dataframe[0].value
    assert len(computed) == 1  # the table was not computed again
    assert english.drop(columns="role").equals(swedish.drop(columns="role"))
    assert english["role"].iloc[0].startswith("links ")
    assert swedish["role"].iloc[0].startswith("länkar ")


def test_conveners_k_sets_the_size_of_the_chosen_set():
    at = open_page("conveners")
    assert len(at.dataframe[0].value) == 3
    at.number_input(key="conv.k").set_value(2).run()
    assert_clean(at)
    assert len(at.dataframe[0].value) == 2


def test_conveners_what_if_shows_before_and_after():
    at = open_page("conveners")
    names = at.session_state["_context"].names()
    at.multiselect(key="conv.removed").set_value([next(iter(names))]).run()
    assert_clean(at)
    assert "Fragmentation" in [m.label for m in at.metric]


def test_gaps_number_of_suggestions_follows_the_slider():
    at = open_page("gaps")
    table = next(d.value for d in at.dataframe if "target_name" in d.value.columns)
    assert len(table) == 10
    at.slider(key="gaps.k").set_value(5).run()
    assert_clean(at)
    table = next(d.value for d in at.dataframe if "target_name" in d.value.columns)
    assert len(table) == 5


def _csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def test_data_broken_upload_shows_the_problem_table_and_keeps_the_demo():
    at = open_page("data")
    people = pd.DataFrame(
        {"id": ["P1", "P1"], "name": ["Anna", "Bo"], "organisation_id": ["O9", ""]}
    )
    at.file_uploader(key="upload_files").set_value(
        [("people.csv", _csv(people), "text/csv"), ("notes.csv", b"just text", "text/csv")]
    )
    at.button(key="data.load").click().run()
    assert not at.exception
    assert at.error and "could not be used" in at.error[0].value
    problems = at.dataframe[-1].value
    assert {"File", "Row", "Column", "Problem", "How to fix it"} <= set(problems.columns)
    assert len(problems) >= 2
    assert at.session_state["dataset"] == "demo"  # still working on the last valid data


def test_data_valid_workbook_upload_becomes_the_dataset(demo_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in ("organisations", "people", "collaborations", "participation", "ties"):
        table = pd.read_csv(demo_path / f"{name}.csv", dtype=str, keep_default_na=False)
        sheet = book.create_sheet(name)
        sheet.append(list(table.columns))
        for row in table.head(40 if name == "participation" else None).itertuples(index=False):
            sheet.append(list(row))
    content = io.BytesIO()
    book.save(content)
    at = open_page("data")
    at.file_uploader(key="upload_files").set_value(
        ("region.xlsx", content.getvalue(), "application/vnd.ms-excel")
    )
    at.button(key="data.load").click().run()
    assert_clean(at)
    assert at.success and f"Loaded {md_escape('region.xlsx')}:" in at.success[0].value
    assert at.session_state["dataset"] == "upload"
    assert at.sidebar.selectbox(key="dataset").value == "upload"


def test_data_attendance_lists_show_the_review_table():
    lists = pd.DataFrame(
        {
            "Namn": ["Anna Berg", "Anna Berg", "A. Berg", "Bo Ek", "Cai Lund"],
            "Organisation": [
                "Luleå kommun",
                "Luleå kommun",
                "Luleå kommun",
                "PRO Luleå",
                "Luleå tekniska universitet",
            ],
            "Möte": ["Nätverksträff", "Workshop", "Workshop", "Nätverksträff", "Workshop"],
            "Datum": ["2024-03-01", "2024-04-02", "2024-04-02", "2024-03-01", "2024-04-02"],
        }
    )
    at = open_page("data")
    at.radio(key="upload_kind").set_value("attendance").run()
    at.file_uploader(key="upload_files").set_value(("lista.csv", _csv(lists), "text/csv"))
    at.button(key="data.load").click().run()
    assert_clean(at)
    assert at.success and md_escape("lista.csv") in at.success[0].value
    assert "Check these possible duplicates" in [m.value.strip("*") for m in at.markdown]


HOSTILE = "![x](https://evil.example/p.png) <img src=x> **bold**"


def _unescaped(markdown: str) -> str:
    """What CommonMark shows for text whose punctuation is backslash-escaped."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_hostile_names_are_shown_as_text_not_markdown():
    # before: "### ![x](https://evil.example/p.png) ..." made the dashboard fetch an image
    lists = pd.DataFrame(
        {
            "Namn": [HOSTILE, "Bo Ek", "Cai Lund", HOSTILE],
            "Organisation": ["Luleå kommun", "PRO Luleå", "Luleå kommun", "Luleå kommun"],
            "Möte": ["Nätverksträff", "Nätverksträff", "Workshop", "Workshop"],
            "Datum": ["2024-03-01", "2024-03-01", "2024-04-02", "2024-04-02"],
        }
    )
    at = open_page("data")
    at.radio(key="upload_kind").set_value("attendance").run()
    file_name = "![f](https:evil.example).csv"
    at.file_uploader(key="upload_files").set_value((file_name, _csv(lists), "text/csv"))
    at.button(key="data.load").click().run()
    assert_clean(at)
    message = at.success[0].value
    assert "![f](" not in message and _unescaped(message).startswith(f"Loaded {file_name}")
    at.switch_page("views/key_actors.py").run()
    names = at.session_state["_context"].names()
    hostile = next(node for node, name in names.items() if name == HOSTILE)
    at.selectbox(key="key.actor").set_value(hostile).run()
    assert_clean(at)
    shown = [m.value for m in at.markdown]
    assert f"### {md_escape(HOSTILE)}" in shown
    assert _unescaped(md_escape(HOSTILE)) == HOSTILE  # the reader sees the literal name
    markup = re.compile(r"(?<!\\)(!\[|<)")  # an image or a tag, not escaped
    assert [text for text in shown if markup.search(text)] == []
    assert not at.get("imgs")


def test_convener_ranking_and_map_download_reuse_the_cached_key_actors(monkeypatch):
    # before: rank_conveners and the HTML map download each computed betweenness again
    import streamlit as st

    import netmap.conveners
    import netmap.metrics
    from views import _state

    real, calls = netmap.metrics.key_actors, []

    def counted(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(netmap.metrics, "key_actors", counted)
    monkeypatch.setattr(netmap.conveners, "key_actors", counted)
    st.cache_data.clear()
    at = open_page("conveners")  # the Overview, run first, computes the table once
    assert_clean(at)
    page = _state.download(at.session_state["_context"], "html")()
    assert page.startswith(b"<!DOCTYPE html>")
    assert len(calls) == 1
