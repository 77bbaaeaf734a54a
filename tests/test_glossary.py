"""Tests of netmap.glossary: every metric column explained in every language, clear errors."""

from __future__ import annotations

import networkx as nx
import pytest

from netmap.glossary import COLUMNS, ROLE_PHRASES, explain, glossary_table, role_phrase
from netmap.i18n import LANGUAGES
from netmap.metrics import key_actors


def test_every_key_actors_column_is_explained_in_every_language():
    table = key_actors(nx.Graph())
    for column in table.columns:
        for lang in LANGUAGES:
            text = explain(column, lang)
            assert text.endswith(".") and text[0].isupper(), (column, lang)


@pytest.mark.parametrize("texts", [COLUMNS, ROLE_PHRASES])
def test_every_entry_has_exactly_the_languages_netmap_speaks(texts):
    for key, by_language in texts.items():
        assert set(by_language) == set(LANGUAGES), key
        assert all(text.strip() for text in by_language.values()), key


def test_placeholders_agree_between_languages():
    from string import Formatter

    for key, by_language in ROLE_PHRASES.items():
        fields = {
            lang: {name for _, name, _, _ in Formatter().parse(text) if name}
            for lang, text in by_language.items()
        }
        assert fields["en"] == fields["sv"], key


def test_unknown_column_suggests_close_names():
    with pytest.raises(KeyError) as info:
        explain("betweeness")
    # Other modules add columns (betweenness_percentile, ...): only the first suggestion is fixed.
    assert info.value.args[0].startswith(
        "netmap.glossary has no column 'betweeness'. Did you mean 'betweenness'"
    )
    with pytest.raises(KeyError) as info:
        explain("zzz")
    assert info.value.args[0] == (
        "netmap.glossary has no column 'zzz'. Add it to COLUMNS in netmap/glossary.py with a "
        "sentence in each of 'en', 'sv'."
    )


def test_unknown_language_is_refused():
    with pytest.raises(ValueError) as info:
        explain("degree", "fi")
    assert str(info.value) == (
        "netmap speaks 'en', 'sv'; got language 'fi'. Pass one of those codes."
    )


def test_role_phrase_fills_placeholders():
    assert role_phrase("bridge.many", "en", count=4) == "the only bridge to 4 others"
    with pytest.raises(KeyError, match=r"no phrase 'bridge\.few'"):
        role_phrase("bridge.few")


def test_glossary_table_in_the_order_asked():
    table = glossary_table(["role", "degree"], "sv")
    assert table["column"].tolist() == ["role", "degree"]
    assert table.loc[1, "meaning"] == "Hur många andra aktören har samverkat med direkt."
    assert glossary_table()["column"].tolist() == list(COLUMNS)
