"""The bundled sample (data/sample): the five seed articles as records, loaded and checked.

Expected values come from the articles themselves (shared/seeds/*.txt, see
data/sample/SOURCES.md), read by hand.
"""

from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

import netmap


@pytest.fixture(scope="module")
def sample(sample_path) -> netmap.Network:
    return netmap.load(sample_path)


def test_loads_with_every_row_used(sample):
    report = sample.load_report.set_index("table")
    assert (report["rows_rejected"] == 0).all()
    assert (report["rows_read"] == report["rows_used"]).all()
    assert report["rows_used"].to_dict() == {
        "organisations": 13,
        "people": 14,
        "collaborations": 14,
        "participation": 34,
        "ties": 4,
    }


def test_warnings_are_only_the_gaps_in_the_sources(sample):
    """Magnus Bergmark's employer is not named (003), nor the Hudiksvall participants (001)."""
    problems = sorted(sample.warnings["problem"])
    assert problems == [
        "collaboration 'hudiksvall-kickoff-2022-04-26' has only one participant, "
        "so it ties nobody together",
        *(
            f"collaboration 'hudiksvall-workshop-2022-{day}' has only one participant, "
            "so it ties nobody together"
            for day in ("02-02", "03-15", "03-17", "03-30")
        ),
        "person 'magnus-bergmark' has no organisation",
    ]


def test_every_person_the_articles_name_is_there_with_organisation_and_role(sample):
    people = sample.tables["people"].set_index("name")
    orgs = sample.tables["organisations"].set_index("id")["name"]
    expected = {  # name: (organisation, role) as the articles give them
        "Veronica Labba": ("Sametinget", "handläggare, minoritetspolitiska uppdraget"),
        "Aulis Syväjärvi": ("Degerfors kommun", "samordnare"),
        "Amalia Sjindjapkin": ("Hudiksvalls kommun", "strateg för social hållbarhet"),
        "Urban Markström": ("Institutionen för socialt arbete, Umeå universitet", "professor"),
        "Eva Lakso": ("Norrbottens Kommuner", "avdelningschef, social välfärd"),
        "Fredrik Hansson": ("Luleå kommun", "vice kommunalråd"),
        "Barbro Müller": ("Luleå kommun", "folkhälsostrateg"),
    }
    for name, (organisation, role) in expected.items():
        assert orgs[people.loc[name, "organisation_id"]] == organisation
        assert people.loc[name, "role"] == role
    assert {"Jonna Jonsson", "Unelma Krakau", "Magnus Bergmark", "Roger Stenberg"} <= set(
        people.index
    )
    assert {"Patrik Bylin", "Andreas Jönsson", "Monika Aunes"} <= set(people.index)


def test_every_meeting_has_its_date(sample):
    start = sample.tables["collaborations"].set_index("id")["start_date"].dt.date.astype(str)
    assert start.to_dict() == {
        "kista-traff-2006": "2006-04-19",
        "lulea-overenskommelse": "2020-06-02",
        "lulea-dialog-2020-06-02": "2020-06-02",
        "lulea-dialog-hosten-2020": "2020-08-01",
        "hudiksvall-workshop-2022-02-02": "2022-02-02",
        "hudiksvall-workshop-2022-03-15": "2022-03-15",
        "hudiksvall-workshop-2022-03-17": "2022-03-17",
        "hudiksvall-workshop-2022-03-30": "2022-03-30",
        "hudiksvall-kickoff-2022-04-26": "2022-04-26",
        "natverkstraff-2022-06-08": "2022-06-08",
        "natverkstraff-2022-06-15": "2022-06-15",
        "natverkstraff-hosten-2022": "2022-09-01",
        "vaxa-eller-krympa-2023": "2023-05-30",
        "vaxa-eller-krympa-2023-seminarium": "2023-05-30",
    }
    collabs = sample.tables["collaborations"].set_index("id")
    assert collabs.loc["vaxa-eller-krympa-2023", "end_date"] == pd.Timestamp("2023-05-31")
    assert collabs.loc["vaxa-eller-krympa-2023", "municipality"] == "Kiruna"
    # Follow-ups without a date in the article say so in their title.
    undated = collabs[collabs["title"].str.contains("datum ej angivet")].index
    assert sorted(undated) == ["lulea-dialog-hosten-2020", "natverkstraff-hosten-2022"]


def test_sametinget_and_veronica_labba_are_connected(sample):
    """Veronica Labba of Sametinget met Aulis Syväjärvi of Degerfors kommun on 8 June 2022."""
    people = sample.graph(level="people")
    assert people.nodes["person:veronica-labba"]["organisation"] == "Sametinget"
    assert people.has_edge("person:veronica-labba", "person:aulis-syvajarvi")
    orgs = sample.graph(level="organisations")
    assert orgs.nodes["org:sametinget"]["name"] == "Sametinget"
    assert orgs.has_edge("org:sametinget", "org:degerfors-kommun")
    # Sametinget and Länsstyrelsen i Stockholm: the meeting and its two follow-ups.
    assert orgs.edges["org:sametinget", "org:lansstyrelsen-stockholm"]["weight"] == 3


def test_lulea_dialogue_links_the_municipality_to_civil_society(sample):
    orgs = sample.graph(level="organisations")
    edge = orgs.edges["org:lulea-kommun", "org:civilsamhallet-lulea"]
    # The dialogue of 2 June 2020, the one planned after the summer, and the agreement.
    assert edge["collaborations"] == 3
    assert orgs.nodes["org:civilsamhallet-lulea"]["sector"] == "civil_society"
    two_mode = sample.graph(level="two-mode")
    agreement = "collab:lulea-overenskommelse"
    assert two_mode.nodes[agreement]["kind"] == "agreement"
    assert sorted(two_mode[agreement]) == ["org:civilsamhallet-lulea", "org:lulea-kommun"]


def test_the_five_stories_are_five_pieces(sample):
    """The articles do not meet one another: the organisations graph has five components."""
    orgs = sample.graph(level="organisations")
    pieces = sorted(sorted(c) for c in nx.connected_components(orgs))
    assert [piece[0] for piece in pieces] == [
        "org:civilsamhallet-lulea",  # Luleå's dialogues and agreement (004)
        "org:degerfors-kommun",  # the minority-policy network meeting (000)
        "org:fisksatra-folkets-hus",  # Kista träff (002)
        "org:hudiksvalls-kommun",  # Hudiksvall's workshops, alone: no other party named (001)
        "org:norrbottens-kommuner",  # Växa eller Krympa (003)
    ]
    assert [len(piece) for piece in pieces] == [2, 3, 5, 1, 2]


def test_every_record_is_accounted_for_in_sources(sample_path, sample):
    """SOURCES.md mentions every organisation, person and collaboration id."""
    sources = (sample_path / "SOURCES.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"`([a-z0-9-]+)`", sources))
    for name, column in (("organisations", "id"), ("people", "id"), ("collaborations", "id")):
        ids = set(sample.tables[name][column])
        assert ids <= mentioned, f"{name} missing from SOURCES.md: {sorted(ids - mentioned)}"
    seeds = re.findall(r"`(\d{3}_[0-9a-f]{16}\.txt)`", sources)
    assert seeds == [
        "000_64e501803a36a929.txt",
        "001_2ac847811069f5df.txt",
        "002_defddb247b9ec3c3.txt",
        "003_0b4daf96cdb52fb1.txt",
        "004_e3c3910bbbc105a1.txt",
    ]
