"""netmap.overview: counts, growth, cohesion, actor profiles and the headline findings.

Expected values are counted by hand from the small network built in ``tiny_network`` (drawn
in its docstring), from Padgett's Florentine families (networkx's copy; Medici betweenness
47.5 raw, Borgatti 2006 for the fragmentation) and from two cliques joined by one tie.
"""

from __future__ import annotations

import functools

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap.synthetic
from netmap.overview import (
    FINDINGS,
    actor_collaborations,
    cohesion,
    counts_table,
    describe_gap,
    growth_table,
    headline_findings,
    partners_table,
)
from netmap.schema import COLLABORATION_KINDS, SECTORS
from netmap.validate import validate_tables


@pytest.fixture(scope="module")
def tiny():
    return tiny_network()


def tiny_network():
    """Three organisations, four people, four collaborations in 2024.

    O1 Luleå kommun (public, Luleå): Anna P1, Bo P2. O2 PRO Kiruna (civil society): Cai P3.
    O3 LTU (academia, Luleå): nobody. Dan P4 has no organisation.
    C1 meeting 10 Jan: Anna, Bo. C2 workshop 2 May: Bo, Cai. C3 agreement 12 Jun: O1 and O2
    as whole organisations. C4 meeting 5 Nov: Cai, Dan.
    """
    return validate_tables(
        {
            "organisations": pd.DataFrame(
                {
                    "id": ["O1", "O2", "O3"],
                    "name": ["Luleå kommun", "PRO Kiruna", "LTU"],
                    "sector": ["public", "civil_society", "academia"],
                    "kind": ["kommun", "förening", "universitet"],
                    "municipality": ["Luleå", "Kiruna", "Luleå"],
                    "region": ["Norrbotten"] * 3,
                }
            ),
            "people": pd.DataFrame(
                {
                    "id": ["P1", "P2", "P3", "P4"],
                    "name": ["Anna", "Bo", "Cai", "Dan"],
                    "organisation_id": ["O1", "O1", "O2", None],
                    "role": [None] * 4,
                }
            ),
            "collaborations": pd.DataFrame(
                {
                    "id": ["C1", "C2", "C3", "C4"],
                    "title": ["Träff", "Workshop", "Överenskommelse", "Träff 2"],
                    "kind": ["meeting", "workshop", "agreement", "meeting"],
                    "start_date": ["2024-01-10", "2024-05-02", "2024-06-12", "2024-11-05"],
                    "municipality": ["Luleå", "Kiruna", "Kiruna", "Kiruna"],
                    "theme": [None] * 4,
                }
            ),
            "participation": pd.DataFrame(
                {
                    "collaboration_id": ["C1", "C1", "C2", "C2", "C3", "C3", "C4", "C4"],
                    "person_id": ["P1", "P2", "P2", "P3", None, None, "P3", "P4"],
                    "organisation_id": [None, None, None, None, "O1", "O2", None, None],
                    "role": [None] * 8,
                }
            ),
        }
    )


def _rows(table: pd.DataFrame) -> list[tuple]:
    return [
        tuple(None if (isinstance(v, float) and np.isnan(v)) else v for v in row)
        for row in table.itertuples(index=False)
    ]


# ---------------------------------------------------------------- counts


def test_counts_by_sector(tiny):
    # public: Anna, Bo, O1; C1, C2 (Bo), C3 (O1). civil society: Cai, O2; C2, C3, C4.
    # academia: LTU, in no collaboration. No sector: Dan, in C4.
    assert _rows(counts_table(tiny, by="sector")) == [
        ("public", 2, 1, 3),
        ("civil_society", 1, 1, 3),
        ("academia", 0, 1, 0),
        (None, 1, 0, 1),
    ]


def test_counts_by_kind(tiny):
    # meetings C1, C4: all four people, O1 and O2 through their people.
    assert _rows(counts_table(tiny, by="kind")) == [
        ("meeting", 4, 2, 2),
        ("workshop", 2, 2, 1),
        ("agreement", 0, 2, 1),
    ]


def test_counts_follow_the_filters(tiny):
    # Only the public sector: Anna, Bo and O1; C4 has nobody left in view.
    assert _rows(counts_table(tiny, by="kind", sectors=["public"])) == [
        ("meeting", 2, 1, 1),
        ("workshop", 1, 1, 1),
        ("agreement", 0, 1, 1),
    ]


def test_counts_by_an_unknown_grouping_says_what_it_can_do(tiny):
    with pytest.raises(ValueError) as err:
        counts_table(tiny, by="region")
    assert str(err.value) == (
        "counts_table can group by 'sector', 'municipality', 'kind'; got by='region'."
    )


@functools.cache
def _region():
    return netmap.synthetic.generate(80, seed=3)


@settings(max_examples=25, deadline=None)
@given(
    sectors=st.none() | st.sets(st.sampled_from(SECTORS), min_size=1),
    kinds=st.none() | st.sets(st.sampled_from(COLLABORATION_KINDS), min_size=1),
)
def test_counts_add_up_to_the_actors_in_view(sectors, kinds):
    net = _region()
    filters = {"sectors": sectors, "kinds": kinds}
    for by in ("sector", "municipality"):
        table = counts_table(net, by=by, **filters)
        assert table["people"].sum() == net.graph("people", **filters).number_of_nodes()
        assert table["organisations"].sum() == net.graph("organisations", **filters).order()
        assert list(table["group"].dropna()) == list(dict.fromkeys(table["group"].dropna()))


# ---------------------------------------------------------------- growth


def test_growth_of_people_per_quarter(tiny):
    # Q1: Anna-Bo. Q2: Bo-Cai (C3 has no people). Q3: nothing. Q4: Cai-Dan.
    table = growth_table(tiny)
    assert list(table.columns) == [
        "quarter",
        "start",
        "collaborations",
        "new_actors",
        "new_ties",
        "actors",
        "ties",
    ]
    assert _rows(table.drop(columns="start")) == [
        ("2024Q1", 1, 2, 1, 2, 1),
        ("2024Q2", 1, 1, 1, 3, 2),
        ("2024Q3", 0, 0, 0, 3, 2),
        ("2024Q4", 1, 1, 1, 4, 3),
    ]
    assert table["start"].tolist() == list(
        pd.to_datetime(["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"])
    )


def test_growth_of_organisations_and_in_a_window(tiny):
    # Organisations: O1 alone in Q1; O1-O2 in Q2 (twice); Dan has no organisation.
    assert _rows(growth_table(tiny, level="organisations").drop(columns="start")) == [
        ("2024Q1", 1, 1, 0, 1, 0),
        ("2024Q2", 2, 1, 1, 2, 1),
        ("2024Q3", 0, 0, 0, 2, 1),
        ("2024Q4", 1, 0, 0, 2, 1),
    ]
    # From April: C1 is outside the window.
    assert _rows(growth_table(tiny, since="2024-04-01").drop(columns="start")) == [
        ("2024Q2", 1, 2, 1, 2, 1),
        ("2024Q3", 0, 0, 0, 2, 1),
        ("2024Q4", 1, 1, 1, 3, 2),
    ]


def test_growth_is_empty_when_nobody_is_in_view(tiny):
    table = growth_table(tiny, sectors=["business"])
    assert table.empty and "new_ties" in table.columns


@settings(max_examples=20, deadline=None)
@given(sectors=st.none() | st.sets(st.sampled_from(SECTORS), min_size=1))
def test_growth_ends_at_the_graph_of_shared_collaborations(sectors):
    """Oracle: the people graph (Network.graph) without its direct-tie-only edges."""
    net = _region()
    table = growth_table(net, sectors=sectors)
    G = net.graph("people", sectors=sectors)
    shared = sum(1 for _, _, c in G.edges(data="collaborations") if c > 0)
    active = {n for u, v, c in G.edges(data="collaborations") if c > 0 for n in (u, v)}
    totals = table.iloc[-1] if len(table) else {"ties": 0, "actors": 0}  # nobody in view
    assert totals["ties"] == shared == table["new_ties"].sum()
    assert totals["actors"] == table["new_actors"].sum() >= len(active)
    assert table["ties"].is_monotonic_increasing and table["actors"].is_monotonic_increasing


# ---------------------------------------------------------------- cohesion and profiles


def test_cohesion_of_an_empty_graph():
    assert cohesion(nx.Graph()) == {
        "nodes": 0,
        "edges": 0,
        "components": 0,
        "largest_component_share": 0.0,
        "density": 0.0,
        "isolates": 0,
    }


def test_actor_collaborations_newest_first(tiny):
    bo = actor_collaborations(tiny, "person:P2")
    assert bo.index.tolist() == ["collab:C2", "collab:C1"]
    assert bo["participants"].tolist() == [2, 2]
    assert bo["title"].tolist() == ["Workshop", "Träff"]
    kommun = actor_collaborations(tiny, "org:O1", level="organisations")
    assert kommun.index.tolist() == ["collab:C3", "collab:C2", "collab:C1"]
    assert kommun["participants"].tolist() == [2, 2, 1]


def test_actor_collaborations_of_an_actor_outside_the_view_is_empty(tiny):
    table = actor_collaborations(tiny, "person:P1", sectors=["civil_society"])
    assert table.empty and list(table.columns) == [
        "title",
        "kind",
        "start_date",
        "municipality",
        "participants",
    ]


def test_partners_strongest_first(tiny):
    G = tiny.graph("people")
    table = partners_table(G, "person:P2")
    assert table.index.tolist() == ["person:P1", "person:P3"]  # equal ties: by id
    assert table.loc["person:P3", "sector"] == "civil_society"
    assert table["collaborations"].tolist() == [1, 1]


def test_partners_of_an_unknown_actor(tiny):
    with pytest.raises(ValueError) as err:
        partners_table(tiny.graph("people"), "person:P9")
    assert str(err.value) == (
        "partners_table: 'person:P9' is not an actor of this graph; pick one of its nodes."
    )


# ---------------------------------------------------------------- headline findings


def test_florentine_families_medici_connect_and_hold_the_network():
    # Medici: raw betweenness 47.5 of (14 x 13 / 2) = 91 pairs -> 52%. Without them
    # Acciaiuoli is alone and Pazzi-Salviati apart: 3 lose the largest group.
    G = nx.florentine_families_graph()
    nx.set_node_attributes(G, {n: n for n in G}, "name")
    findings = headline_findings(G)
    assert findings["finding"].tolist() == list(FINDINGS)
    assert findings["title"].tolist() == ["Top connector", "Biggest gap", "Most fragile point"]
    assert findings["text"].tolist() == [
        "Medici connects the most actors who would otherwise be far apart: 52% of the "
        "shortest paths between others run through them.",
        "Every pair of groups meets about as often as chance would have it.",
        "If Medici left, 3 actors would lose contact with the rest of the network.",
    ]
    assert findings["subject"].tolist() == ["Medici", "", "Medici"]


def _two_cliques() -> nx.Graph:
    """Two 4-cliques, public and academia, joined by the tie d-e."""
    G = nx.complete_graph("abcd")
    G.add_edges_from(nx.complete_graph("efgh").edges)
    G.add_edge("d", "e")
    nx.set_node_attributes(G, {n: n.upper() for n in G}, "name")
    nx.set_node_attributes(G, {n: "public" if n in "abcd" else "academia" for n in G}, "sector")
    return G


def test_two_cliques_biggest_gap_in_swedish():
    # Degree sums 13 and 13, 13 ties: 13 x 13 / 26 = 6.5 expected across, 1 observed (15%).
    findings = headline_findings(_two_cliques(), lang="sv").set_index("finding")
    assert findings.loc["biggest_gap", "text"] == (
        "Akademi och offentlig sektor möts sällan: 1 av 6,5 väntade band (15 %)."
    )
    assert findings.loc["biggest_gap", "title"] == "Största luckan"
    # Without d, a-b-c (3) are cut off from e-f-g-h; e is as critical, d comes first by id.
    assert findings.loc["most_fragile", "text"] == (
        "Om D försvann skulle 3 aktörer tappa kontakten med resten av nätverket."
    )


def test_no_fragile_point_in_a_cycle():
    G = nx.cycle_graph(["a", "b", "c", "d"])
    nx.set_node_attributes(G, {n: n for n in G}, "name")
    text = headline_findings(G).set_index("finding").loc["most_fragile", "text"]
    assert text == (
        "No single actor holds the network together alone: if a, the most critical, left, "
        "everyone else could still reach each other."
    )


@pytest.mark.parametrize(
    ("a", "b", "observed", "lang", "text"),
    [
        (
            "academia",
            "business",
            0,
            "en",
            "Academia has no collaboration with business (2.5 ties expected if ties ignored the "
            "groups).",
        ),
        (
            "academia",
            "business",
            1,
            "en",
            "Academia and business meet rarely: 1 of 2.5 expected ties (40%).",
        ),
        (
            "academia",
            "academia",
            0,
            "sv",
            "Ingen inom Akademi samverkar med någon annan inom Akademi (2,5 band väntade).",
        ),
        (
            "academia",
            "academia",
            1,
            "sv",
            "Inom Akademi samverkar man lite: 1 av 2,5 väntade band (40 %).",
        ),
    ],
)
def test_describe_gap_every_wording(a, b, observed, lang, text):
    assert describe_gap(a, b, observed=observed, expected=2.5, by="sector", lang=lang) == text
