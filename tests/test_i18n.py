"""netmap.i18n: every text in both languages, lookups that fail loudly, Swedish number forms."""

from __future__ import annotations

import re
import string
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from netmap import glossary
from netmap.i18n import (
    LANGUAGES,
    STRINGS,
    choice_label,
    format_number,
    format_percent,
    group_label,
    t,
)
from netmap.schema import COLLABORATION_KINDS, PARTICIPATION_ROLES, SECTORS, TABLE_ORDER

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = [ROOT / "app.py", *sorted((ROOT / "views").glob("*.py"))]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_text_exists_in_every_language_with_the_same_placeholders(key):
    texts = STRINGS[key]
    assert set(texts) == set(LANGUAGES), key
    assert all(text.strip() for text in texts.values()), key
    assert _placeholders(texts["en"]) == _placeholders(texts["sv"]), key


@pytest.mark.parametrize("column", sorted(glossary.COLUMNS))
def test_every_glossary_column_is_explained_in_both_languages(column):
    for lang in LANGUAGES:
        assert glossary.explain(column, lang).strip()


def _literal_keys(source: str) -> set[str]:
    return set(re.findall(r"\bt\(\s*\"([a-z_]+(?:\.[a-z_0-9]+)+)\"", source))


def test_every_literal_key_the_dashboard_uses_exists():
    used = set()
    for path in DASHBOARD:
        used |= _literal_keys(path.read_text(encoding="utf-8"))
    assert len(used) > 60  # the regex really finds the dashboard's texts
    assert sorted(used - set(STRINGS)) == []


#: Keys the dashboard builds from a prefix and a value, with every value it can use.
DYNAMIC_KEYS = {
    "page": ("overview", "map", "key_actors", "conveners", "gaps", "data"),
    "level": ("people", "organisations"),
    "dataset": ("demo", "sample", "upload"),
    "sector": SECTORS,
    "kind": COLLABORATION_KINDS,
    "role": PARTICIPATION_ROLES,
    "table": TABLE_ORDER,
    "by": ("sector", "municipality", "kind", "community", "organisation"),
    "map.highlight": ("none", "conveners", "actor", "removed", "suggestions"),
    "data.upload": ("records", "attendance"),
    "sidebar": ("sectors", "municipalities", "kinds"),
    "problem": ("severity", "file", "row", "column", "value", "problem", "hint"),
    "overview": ("new_actors", "new_ties"),
    "finding.them": ("person", "organisation"),
    "data.download": ("map", "graphml", "gexf"),
}


@pytest.mark.parametrize("prefix", sorted(DYNAMIC_KEYS))
def test_every_built_key_exists(prefix):
    missing = [v for v in DYNAMIC_KEYS[prefix] if f"{prefix}.{v}" not in STRINGS]
    assert missing == []


def test_every_column_the_dashboard_shows_has_a_heading_in_both_languages():
    """The headings of the library tables the pages draw (computed on a small network)."""
    from netmap.conveners import pick_conveners, rank_conveners
    from netmap.metrics import key_actors
    from netmap.overview import partners_table
    from netmap.whatif import fragmentation_table, what_if_removed

    G = nx.karate_club_graph()
    nx.set_node_attributes(
        G,
        {n: "public" if d["club"] == "Mr. Hi" else "academia" for n, d in G.nodes(data=True)},
        "sector",
    )
    nx.set_node_attributes(G, {n: f"Actor {n}" for n in G}, "name")
    tables = [
        key_actors(G),
        pick_conveners(G, k=2),
        rank_conveners(G),
        fragmentation_table(G),
        what_if_removed(G, [0])["groups_disconnected"],
        partners_table(G, 0),
    ]
    shown = {c for table in tables for c in table.columns} - {"club"}
    shown |= {"title", "kind", "start_date", "municipality", "participants"}
    shown |= {"source_name", "target_name", "introducer_name", "groups", "reason"}
    assert sorted(c for c in shown if f"col.{c}" not in STRINGS) == []


def test_lookup_fills_placeholders():
    assert t("map.drawn", "sv", shown=50, total=400) == "Visar 50 av 400 aktörer."


def test_missing_key_fails_loudly_with_a_suggestion():
    with pytest.raises(KeyError) as err:
        t("page.mapp", "en")
    assert err.value.args[0] == (
        "netmap.i18n has no text 'page.mapp'. Close keys: 'page.map', 'page.gaps', "
        "'page.data'. Add it to STRINGS with both 'en' and 'sv'."
    )


def test_unknown_language_fails_loudly():
    with pytest.raises(ValueError) as err:
        t("page.map", "fi")
    assert str(err.value) == (
        "netmap speaks 'en', 'sv'; got language 'fi'. Pass one of those codes."
    )


def test_choice_and_group_labels():
    assert choice_label("kind", "agreement", "sv") == "Överenskommelse"
    assert choice_label("municipality", "Kiruna", "en") == "Kiruna"
    assert group_label("sector", "civil society", "en") == "Civil society"
    assert group_label("community", "community 0", "en") == "community 0"
    assert group_label("sector", "(unknown)", "sv") == "(uppgift saknas)"


def test_swedish_numbers_use_decimal_comma_and_space_groups():
    assert format_number(1234567.891, "sv", decimals=2) == "1 234 567,89"
    assert format_number(1234567.891, "en", decimals=2) == "1,234,567.89"
    assert format_percent(0.5, "sv") == "50 %"
    assert format_percent(0.5, "en") == "50%"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_swedish_numbers_read_back_as_the_same_number(value, decimals):
    text = format_number(value, "sv", decimals=decimals)
    assert "." not in text
    back = float(text.replace(" ", "").replace(",", "."))
    # Rounded, not cut off: within half a unit of the last decimal (and float noise).
    assert back == pytest.approx(value, abs=0.5 * 10**-decimals + 1e-6)
