"""Tests of netmap.network: projections, weights, time windows, filters, levels."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networkx.algorithms import bipartite

from netmap.errors import NetmapError
from netmap.network import Network

STR = "str"


def typed_tables(
    *,
    organisations=(),
    people=(),
    collaborations=(),
    participation=(),
    ties=(),
) -> dict[str, pd.DataFrame]:
    """Typed tables (the validator's output contract) from lists of dicts, for tests."""
    spec = {
        "organisations": (
            organisations,
            ["id", "name", "sector", "kind", "municipality", "region"],
            [],
            ["lat", "lon"],
        ),
        "people": (people, ["id", "name", "organisation_id", "role", "email"], [], []),
        "collaborations": (
            collaborations,
            ["id", "title", "kind", "municipality", "theme"],
            ["start_date", "end_date"],
            [],
        ),
        "participation": (
            participation,
            ["collaboration_id", "person_id", "organisation_id", "role"],
            [],
            [],
        ),
        "ties": (
            ties,
            ["source_id", "target_id", "kind", "source_type", "target_type"],
            ["start_date", "end_date"],
            ["weight"],
        ),
    }
    tables = {}
    for name, (rows, text, dates, numbers) in spec.items():
        df = pd.DataFrame(list(rows), columns=[*text, *dates, *numbers])
        for c in text:
            df[c] = df[c].astype(STR)
        for c in dates:
            df[c] = pd.to_datetime(df[c])
        for c in numbers:
            df[c] = df[c].astype(float)
        tables[name] = df
    tables["participation"]["role"] = tables["participation"]["role"].fillna("participant")
    tables["ties"]["weight"] = tables["ties"]["weight"].fillna(1.0)
    return tables


def davis_network() -> tuple[Network, nx.Graph]:
    """Davis' Southern Women (networkx's copy) as netmap records, and the original graph."""
    B = nx.davis_southern_women_graph()
    women, events = B.graph["top"], B.graph["bottom"]
    tables = typed_tables(
        people=[{"id": w, "name": w} for w in women],
        collaborations=[
            {"id": e, "title": e, "kind": "meeting", "start_date": "1935-01-01"} for e in events
        ],
        participation=[
            {"collaboration_id": e, "person_id": w} for w, e in B.edges() if w in set(women)
        ],
    )
    return Network(tables, source="Davis Southern Women"), B


class TestPeopleProjection:
    def test_davis_coattendance_counts_match_the_published_matrix(self):
        # Breiger (1974), "The duality of persons and groups", Table 2: Evelyn and Theresa
        # attended 7 events together, Evelyn and Laura 6, Evelyn and Brenda 6, Evelyn and
        # Nora 2, Evelyn and Flora 1. networkx's weighted projection is the second reference.
        net, B = davis_network()
        G = net.graph(level="people")
        w = {frozenset((u.split(":")[1], v.split(":")[1])): d for u, v, d in G.edges(data=True)}
        assert w[frozenset(("Evelyn Jefferson", "Theresa Anderson"))]["collaborations"] == 7
        assert w[frozenset(("Evelyn Jefferson", "Laura Mandeville"))]["collaborations"] == 6
        assert w[frozenset(("Evelyn Jefferson", "Brenda Rogers"))]["collaborations"] == 6
        assert w[frozenset(("Evelyn Jefferson", "Nora Fayette"))]["collaborations"] == 2
        assert w[frozenset(("Evelyn Jefferson", "Flora Price"))]["collaborations"] == 1
        reference = bipartite.weighted_projected_graph(B, B.graph["top"])
        assert G.number_of_edges() == reference.number_of_edges() == 139
        for u, v, d in reference.edges(data=True):
            assert G.edges[f"person:{u}", f"person:{v}"]["weight"] == d["weight"]

    def test_newman_weight_matches_networkx_collaboration_weighted_projection(self):
        net, B = davis_network()
        G = net.graph(level="people")
        reference = bipartite.collaboration_weighted_projected_graph(B, B.graph["top"])
        for u, v, d in reference.edges(data=True):
            assert G.edges[f"person:{u}", f"person:{v}"]["newman"] == pytest.approx(d["weight"])

    def test_every_person_is_a_node_with_record_fields(self):
        net, _ = davis_network()
        G = net.graph(level="people")
        assert G.number_of_nodes() == 18
        # Missing values (organisation, role, e-mail) are left out, never stored as NaN.
        assert G.nodes["person:Evelyn Jefferson"] == {
            "type": "person",
            "record_id": "Evelyn Jefferson",
            "name": "Evelyn Jefferson",
        }

    def test_shuffled_rows_give_the_same_graph(self):
        net, _ = davis_network()
        rng = np.random.default_rng(7)
        shuffled = {
            name: df.iloc[rng.permutation(len(df))].reset_index(drop=True)
            for name, df in net.tables.items()
        }
        G1, G2 = net.graph(), Network(shuffled).graph()
        assert nx.utils.graphs_equal(G1, G2)
        assert list(G1.edges(data=True)) == list(G2.edges(data=True))


def small_region() -> Network:
    """Two municipalities, four organisations, six people, four dated collaborations.

    C1 (2022-01-10, Luleå):   anna, bo, cecilia          -> anna–bo, anna–cecilia, bo–cecilia
    C2 (2022-06-01, Luleå):   anna, bo; org kiruna as a whole
    C3 (2023-03-01, Kiruna):  david, erik
    C4 (2023-09-01 to 2024-02-01, project): cecilia, erik, fia
    A direct tie anna–fia (weight 2) and one between the organisations uni and forening.
    """
    return Network(
        typed_tables(
            organisations=[
                {
                    "id": "lulea",
                    "name": "Luleå kommun",
                    "sector": "public",
                    "municipality": "Luleå",
                    "region": "Norrbotten",
                },
                {
                    "id": "kiruna",
                    "name": "Kiruna kommun",
                    "sector": "public",
                    "municipality": "Kiruna",
                    "region": "Norrbotten",
                },
                {
                    "id": "forening",
                    "name": "Kvinnojouren",
                    "sector": "civil_society",
                    "municipality": "Luleå",
                    "region": "Norrbotten",
                },
                {
                    "id": "uni",
                    "name": "Luleå tekniska universitet",
                    "sector": "academia",
                    "municipality": "Luleå",
                    "region": "Norrbotten",
                },
            ],
            people=[
                {"id": "anna", "name": "Anna", "organisation_id": "lulea"},
                {"id": "bo", "name": "Bo", "organisation_id": "lulea"},
                {"id": "cecilia", "name": "Cecilia", "organisation_id": "forening"},
                {"id": "david", "name": "David", "organisation_id": "kiruna"},
                {"id": "erik", "name": "Erik", "organisation_id": "kiruna"},
                {"id": "fia", "name": "Fia", "organisation_id": "uni"},
            ],
            collaborations=[
                {"id": "C1", "title": "Dialog", "kind": "dialogue", "start_date": "2022-01-10"},
                {"id": "C2", "title": "Möte", "kind": "meeting", "start_date": "2022-06-01"},
                {"id": "C3", "title": "Träff", "kind": "meeting", "start_date": "2023-03-01"},
                {
                    "id": "C4",
                    "title": "Projekt",
                    "kind": "project",
                    "start_date": "2023-09-01",
                    "end_date": "2024-02-01",
                },
            ],
            participation=[
                {"collaboration_id": "C1", "person_id": "anna"},
                {"collaboration_id": "C1", "person_id": "bo"},
                {"collaboration_id": "C1", "person_id": "cecilia"},
                {"collaboration_id": "C2", "person_id": "anna", "role": "organiser"},
                {"collaboration_id": "C2", "person_id": "bo"},
                {"collaboration_id": "C2", "organisation_id": "kiruna"},
                {"collaboration_id": "C3", "person_id": "david"},
                {"collaboration_id": "C3", "person_id": "erik"},
                {"collaboration_id": "C4", "person_id": "cecilia"},
                {"collaboration_id": "C4", "person_id": "erik"},
                {"collaboration_id": "C4", "person_id": "fia"},
            ],
            ties=[
                {
                    "source_id": "anna",
                    "target_id": "fia",
                    "kind": "mentor",
                    "weight": 2.0,
                    "source_type": "person",
                    "target_type": "person",
                },
                {
                    "source_id": "uni",
                    "target_id": "forening",
                    "kind": "partnership",
                    "source_type": "organisation",
                    "target_type": "organisation",
                },
            ],
        ),
        source="small region",
    )


class TestWeights:
    def test_shared_collaborations_and_direct_ties_add_up(self):
        G = small_region().graph("people")
        ab = G.edges["person:anna", "person:bo"]
        assert ab["collaborations"] == 2 and ab["weight"] == 2.0
        # C1 has 3 people (1/2 each), C2 has 2 people (1/1): Newman weight 1.5
        assert ab["newman"] == pytest.approx(1.5)
        af = G.edges["person:anna", "person:fia"]
        assert af == {
            "weight": 2.0,
            "collaborations": 0,
            "newman": 2.0,
            "recency": 2.0,
            "tie": "mentor",
        }

    def test_recency_halves_per_half_life(self):
        G = small_region().graph("people", half_life_days=365)
        # Reference date is the newest end: C4 ends 2024-02-01. C3 (2023-03-01) is 337 days old.
        de = G.edges["person:david", "person:erik"]
        assert de["recency"] == pytest.approx(0.5 ** (337 / 365))
        ce = G.edges["person:cecilia", "person:erik"]
        assert ce["recency"] == pytest.approx(1.0)

    def test_people_inherit_their_organisations_fields(self):
        G = small_region().graph("people")
        assert G.nodes["person:cecilia"]["sector"] == "civil_society"
        assert G.nodes["person:cecilia"]["organisation"] == "Kvinnojouren"
        assert G.nodes["person:david"]["municipality"] == "Kiruna"


class TestOrganisations:
    def test_organisations_meet_through_their_people_and_as_a_whole(self):
        G = small_region().graph("organisations")
        assert set(G.nodes) == {"org:lulea", "org:kiruna", "org:forening", "org:uni"}
        # C2: Luleå kommun (via anna and bo, counted once) and Kiruna kommun as a whole.
        assert G.edges["org:lulea", "org:kiruna"]["collaborations"] == 1
        # C1 (anna, bo, cecilia) -> Luleå kommun and Kvinnojouren share one collaboration.
        assert G.edges["org:lulea", "org:forening"]["collaborations"] == 1
        # C4 (cecilia, erik, fia) plus the direct partnership tie.
        uf = G.edges["org:uni", "org:forening"]
        assert uf["collaborations"] == 1 and uf["weight"] == 2.0 and uf["tie"] == "partnership"
        assert not G.has_edge("org:lulea", "org:lulea")


class TestTwoMode:
    def test_two_mode_graph_has_actors_collaborations_and_roles(self):
        G = small_region().graph("two-mode")
        assert bipartite.is_bipartite(G)
        assert G.edges["person:anna", "collab:C2"]["role"] == "organiser"
        assert G.edges["org:kiruna", "collab:C2"]["role"] == "participant"
        assert G.nodes["collab:C4"]["name"] == "Projekt"
        assert G.nodes["collab:C4"]["end_date"] == "2024-02-01"
        assert {d["bipartite"] for _, d in G.nodes(data=True)} == {0, 1}
        assert G.number_of_edges() == 11


class TestWindowsAndFilters:
    def test_until_keeps_earlier_collaborations_and_their_actors(self):
        G = small_region().graph("people", until="2022-12-31")
        assert set(G) == {"person:anna", "person:bo", "person:cecilia", "person:fia"}
        assert G.edges["person:anna", "person:bo"]["collaborations"] == 2
        assert G.graph["until"] == "2022-12-31"

    def test_since_keeps_collaborations_that_overlap_the_window(self):
        # C4 runs 2023-09-01 to 2024-02-01 and so overlaps a window starting in 2024.
        G = small_region().graph("people", since="2024-01-01")
        assert set(G) == {"person:cecilia", "person:erik", "person:fia", "person:anna"}
        assert G.has_edge("person:cecilia", "person:fia")
        assert G.has_edge("person:anna", "person:fia")  # undated direct tie: always in

    def test_sector_filter_applies_to_people_through_their_organisation(self):
        G = small_region().graph("people", sectors=["public"])
        assert set(G) == {"person:anna", "person:bo", "person:david", "person:erik"}
        assert G.graph["filters"] == {"sectors": ["public"]}

    def test_kind_filter_keeps_only_those_collaborations(self):
        G = small_region().graph("people", kinds=["meeting"])
        assert G.edges["person:anna", "person:bo"]["collaborations"] == 1
        assert not G.has_edge("person:anna", "person:cecilia")

    def test_unknown_level_is_refused_with_the_choices(self):
        with pytest.raises(
            ValueError, match="level must be one of people, organisations, two-mode"
        ):
            small_region().graph("persons")


class TestBadWindowsAndFilters:
    """Options that would silently give a wrong or empty graph are refused, with the fix."""

    def test_a_single_sector_may_be_given_as_text(self):
        assert set(small_region().graph("people", sectors="academia")) == {"person:fia"}

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            (
                {"sectors": ["publc"]},
                "sectors has 'publc', which no record has, so the graph would be empty. "
                "Did you mean 'public'? Known sectors: academia, business, civil_society, "
                "other, public.",
            ),
            (
                {"municipalities": ["Lulea"]},
                "municipalities has 'Lulea', which no record has, so the graph would be "
                "empty. Did you mean 'Luleå'? Known municipalities: Kiruna, Luleå.",
            ),
            (
                {"kinds": ["seminar"]},
                "kinds has 'seminar', which no record has, so the graph would be empty. "
                "Known kinds: agreement, conference, dialogue, meeting, other, project, "
                "workshop.",
            ),
            (
                {"since": "8/6/2022"},
                "since must be a date, or a text such as 2022-06-08 (year-month-day); "
                "got '8/6/2022'.",
            ),
            (
                {"since": "2023-01-01", "until": "2022-01-01"},
                "since (2023-01-01) is after until (2022-01-01): the time window is empty. "
                "Swap the two dates.",
            ),
            ({"half_life_days": 0}, "half_life_days must be a positive number; got 0."),
        ],
    )
    def test_refused_with_what_to_do(self, options, message):
        with pytest.raises(ValueError) as info:
            small_region().graph("people", **options)
        assert str(info.value) == message

    def test_dates_and_datetimes_are_accepted(self):
        import datetime as dt

        by_text = small_region().graph("people", until="2022-12-31")
        by_date = small_region().graph("people", until=dt.date(2022, 12, 31))
        assert nx.utils.graphs_equal(by_text, by_date)
        assert by_date.graph["until"] == "2022-12-31"


class TestNetwork:
    def test_summary_counts_components_and_density(self):
        s = small_region().summary().set_index("level")
        assert s.loc["people", "nodes"] == 6
        # anna–bo, anna–cecilia, bo–cecilia, david–erik, cecilia–erik, cecilia–fia, erik–fia,
        # anna–fia (tie)
        assert s.loc["people", "edges"] == 8
        assert s.loc["people", "components"] == 1
        assert s.loc["people", "density"] == pytest.approx(8 / 15)
        assert s.loc["organisations", "isolates"] == 0

    def test_fingerprint_depends_on_content_only(self):
        a, b = small_region(), small_region()
        assert a.fingerprint == b.fingerprint
        changed = dict(a.tables)
        changed["people"] = changed["people"].assign(role="x")
        assert Network(changed).fingerprint != a.fingerprint

    def test_date_range(self):
        first, last = small_region().date_range()
        assert (str(first.date()), str(last.date())) == ("2022-01-10", "2024-02-01")

    def test_missing_table_is_named(self):
        tables = dict(small_region().tables)
        del tables["ties"]
        with pytest.raises(NetmapError, match="Network needs the tables ties"):
            Network(tables)

    def test_incidence_is_binary_actor_by_collaboration(self):
        B, actors, _ = small_region().incidence("organisations")
        assert B.shape == (4, 4)
        assert set(np.unique(B.toarray())) <= {0.0, 1.0}
        row = actors.index("org:lulea")
        assert B[[row], :].sum() == 2  # C1 and C2, though two of its people attended each
        # Luleå kommun 2, Kiruna kommun 3 (C2 as a whole, C3, C4), Kvinnojouren 2, uni 1.
        assert math.isclose(B.sum(), 8)


def test_weights_line_up_with_networkx_on_a_generated_region():
    """Every edge gets its own three weights (networkx's projections as the oracle)."""
    import netmap

    net = netmap.synthetic.generate(400, seed=3)
    G = net.graph("people")
    two_mode = net.graph("two-mode")
    people = [n for n, t in two_mode.nodes(data="type") if t == "person"]
    # Organisations taking part as a whole are not part of the people graph.
    two_mode = two_mode.subgraph(n for n, t in two_mode.nodes(data="type") if t != "organisation")
    counts = bipartite.weighted_projected_graph(two_mode, people)
    newman = bipartite.collaboration_weighted_projected_graph(two_mode, people)
    assert counts.number_of_edges() > 1000
    for u, v, d in counts.edges(data=True):
        edge = G.edges[u, v]
        assert edge["collaborations"] == d["weight"]
        direct = edge["weight"] - edge["collaborations"]  # weight of a direct tie, if any
        assert edge["newman"] - direct == pytest.approx(newman.edges[u, v]["weight"])
