"""Tests of netmap.gaps: group mixing against chance, worded gaps, loose parts, thin bridges."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_suggest import two_cliques_and_broker

from netmap.gaps import (
    GAP_COLUMNS,
    community_bridges,
    gap_findings,
    gap_matrix,
    group_ei_index,
    group_gaps,
    small_components,
)


def three_sector_graph() -> nx.Graph:
    """Six actors, three sectors, one without a sector; computed by hand below.

    Ties: p1–p2, p1–c1, p2–c1, c1–c2, c2–a1, a1–u (u has no sector).
    Degrees: p1 2, p2 2, c1 3, c2 2, a1 2, u 1; m = 6.
    Degree sums: public 4, civil society 5, academia 2, (unknown) 1; 2m = 12.
    """
    G = nx.Graph(
        [("p1", "p2"), ("p1", "c1"), ("p2", "c1"), ("c1", "c2"), ("c2", "a1"), ("a1", "u")]
    )
    sectors = {"p1": "public", "p2": "public", "c1": "civil_society", "c2": "civil_society"}
    nx.set_node_attributes(G, {**sectors, "a1": "academia"}, "sector")
    return G


def test_expected_counts_computed_by_hand():
    gaps = group_gaps(three_sector_graph()).set_index(["group_a", "group_b"])
    # Between: D_a·D_b / 2m; within: D_a² / 4m (4m = 24).
    by_hand = {
        ("(unknown)", "(unknown)"): (0, 1 / 24),
        ("(unknown)", "academia"): (1, 1 * 2 / 12),
        ("(unknown)", "civil society"): (0, 1 * 5 / 12),
        ("(unknown)", "public"): (0, 1 * 4 / 12),
        ("academia", "academia"): (0, 4 / 24),
        ("academia", "civil society"): (1, 2 * 5 / 12),
        ("academia", "public"): (0, 2 * 4 / 12),
        ("civil society", "civil society"): (1, 25 / 24),
        ("civil society", "public"): (2, 5 * 4 / 12),
        ("public", "public"): (1, 16 / 24),
    }
    assert sorted(by_hand) == list(gaps.index)
    for pair, (observed, expected) in by_hand.items():
        assert gaps.loc[pair, "observed"] == observed
        assert gaps.loc[pair, "expected"] == pytest.approx(expected)
        assert gaps.loc[pair, "shortfall"] == pytest.approx(expected - observed)
    assert gaps.loc[("civil society", "public"), "ratio"] == pytest.approx(2 / (20 / 12))
    # Density: 2 ties of 2·2 possible pairs; within public 1 of 1; academia alone: NaN.
    assert gaps.loc[("civil society", "public"), "density"] == 0.5
    assert gaps.loc[("public", "public"), "density"] == 1.0
    assert np.isnan(gaps.loc[("academia", "academia"), "density"])
    # E–I: 4 ties between groups, 2 within: (4 - 2) / 6.
    assert gaps.attrs["ei_index"] == pytest.approx(1 / 3)


def test_karate_club_factions_are_the_largest_shortfall():
    # Zachary's club split (networkx's `club` attribute): 35 ties inside Mr. Hi's faction,
    # 32 inside the Officer's, 11 across. Degree sums 81 and 75, m = 78: across,
    # 81·75/156 = 38.94 ties would be expected.
    gaps = group_gaps(nx.karate_club_graph(), "club")
    largest = gaps.loc[gaps["shortfall"].idxmax()]
    assert (largest["group_a"], largest["group_b"]) == ("Mr. Hi", "Officer")
    assert largest["observed"] == 11
    assert largest["expected"] == pytest.approx(81 * 75 / 156)
    assert gaps["observed"].tolist() == [35, 11, 32]
    findings = gap_findings(nx.karate_club_graph(), "club", max_ratio=0.3)
    assert findings["finding"].tolist() == [
        "Mr. Hi and Officer meet rarely: 11 ties where 38.9 were expected (28%)."
    ]


def test_ei_index_per_group_matches_krackhardt_definition():
    table = group_ei_index(nx.karate_club_graph(), "club")
    assert table["internal"].tolist() == [35, 32]
    assert table["external"].tolist() == [11, 11]
    assert table["ei_index"].tolist() == pytest.approx([(11 - 35) / 46, (11 - 32) / 43])
    assert table.attrs["ei_index"] == pytest.approx((11 - 67) / 78)


def test_gap_matrix_is_symmetric_and_matches_the_table():
    gaps = group_gaps(three_sector_graph())
    matrix = gap_matrix(gaps, "observed")
    assert list(matrix.index) == ["(unknown)", "academia", "civil society", "public"]
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    assert matrix.loc["public", "civil society"] == 2
    assert np.triu(matrix.to_numpy()).sum() == 6  # each tie once
    with pytest.raises(ValueError) as err:
        gap_matrix(gaps, "group_a")
    assert str(err.value) == (
        "value must be one of observed, observed_weight, expected, ratio, shortfall, "
        "density; got 'group_a'."
    )


def test_findings_by_sector_and_municipality_are_worded_and_skip_unknown():
    # Kiruna's civil society (4 actors) works only among itself and with Kiruna's public
    # sector; Luleå's academia (3 actors) only with Luleå's public sector.
    G = nx.Graph()
    kiruna_cs = [f"k{i}" for i in range(4)]
    lulea_ac = [f"l{i}" for i in range(3)]
    G.add_edges_from(nx.complete_graph(kiruna_cs).edges())
    G.add_edges_from(nx.complete_graph(lulea_ac).edges())
    G.add_edges_from([("k0", "kp"), ("k1", "kp"), ("l0", "lp"), ("l1", "lp"), ("kp", "lp")])
    G.add_edge("lp", "nobody")
    attrs = dict.fromkeys(kiruna_cs, ("civil_society", "Kiruna"))
    attrs |= dict.fromkeys(lulea_ac, ("academia", "Luleå"))
    attrs |= {"kp": ("public", "Kiruna"), "lp": ("public", "Luleå")}
    for node, (sector, place) in attrs.items():
        G.nodes[node].update(sector=sector, municipality=place)
    findings = gap_findings(G, ("sector", "municipality"))
    first = findings.iloc[0]
    assert (first["group_a"], first["group_b"], first["kind"]) == (
        "academia in Luleå",
        "civil society in Kiruna",
        "none",
    )
    assert first["finding"] == (
        "Academia in Luleå has no collaboration with civil society in Kiruna "
        f"({first['expected']:.1f} ties expected if ties ignored the groups)."
    )
    assert not findings["group_a"].eq("(unknown)").any()
    assert not findings["group_b"].eq("(unknown)").any()
    assert (findings["expected"] >= 1).all()
    assert findings["shortfall"].is_monotonic_decreasing


def test_two_cliques_and_a_broker_have_one_gap_through_the_broker():
    G = two_cliques_and_broker()
    bridges = community_bridges(G)
    assert len(bridges) == 1
    assert bridges.loc[0, "through"] == ("x",)
    assert bridges.loc[0, "ties"] == 5
    assert bridges.loc[0, "finding"] == (
        "Community 0 (6 actors) and community 1 (5 actors) touch only through x (5 ties)."
    )
    # As a group gap: the only pair of communities below expectation. Degree sums 35
    # (a's and x) and 25, m = 30: 35·25/60 = 14.58 expected across, 5 observed.
    findings = gap_findings(G, "community", max_ratio=0.5)
    assert findings[["group_a", "group_b", "observed"]].values.tolist() == [
        ["community 0", "community 1", 5]
    ]
    assert findings.loc[0, "expected"] == pytest.approx(35 * 25 / 60)


def test_small_components_lists_everything_but_the_largest():
    G = nx.Graph([("a", "b"), ("b", "c"), ("x", "y"), ("p", "q")])
    G.add_nodes_from(["z", "e"])
    G.nodes["x"]["name"] = "Xena"
    table = small_components(G)
    assert table[["kind", "size", "nodes", "names"]].values.tolist() == [
        ["small component", 2, ("p", "q"), "p, q"],
        ["small component", 2, ("x", "y"), "Xena, y"],
        ["isolate", 1, ("e",), "e"],
        ["isolate", 1, ("z",), "z"],
    ]
    assert small_components(nx.path_graph(3)).empty


def test_empty_graph():
    gaps = group_gaps(nx.empty_graph(2))
    assert gaps[["group_a", "observed", "expected"]].values.tolist() == [["(unknown)", 0, 0.0]]
    assert np.isnan(gaps.attrs["ei_index"])
    assert community_bridges(nx.empty_graph(2)).empty


@settings(max_examples=50, deadline=None)
@given(
    n=st.integers(1, 30),
    p=st.floats(0, 1),
    seed=st.integers(0, 1000),
    groups=st.integers(1, 4),
)
def test_counts_add_up(n, p, seed, groups):
    G = nx.gnp_random_graph(n, p, seed=seed)
    nx.set_node_attributes(G, {v: f"g{v % groups}" for v in G if v % 5}, "sector")
    gaps = group_gaps(G)
    assert list(gaps.columns) == list(GAP_COLUMNS)
    m = G.number_of_edges()
    assert gaps["observed"].sum() == m
    assert gaps["expected"].sum() == pytest.approx(m)
    assert gaps["shortfall"].sum() == pytest.approx(0, abs=1e-9)
    assert (gaps["group_a"] <= gaps["group_b"]).all()
    g = len(set(gaps["group_a"]) | set(gaps["group_b"]))
    assert len(gaps) == g * (g + 1) // 2
    ei = group_ei_index(G)
    assert ((ei["ei_index"].dropna() >= -1) & (ei["ei_index"].dropna() <= 1)).all()
    assert ei["actors"].sum() == n
    pd.testing.assert_frame_equal(gaps, group_gaps(G))


def test_gaps_command_prints_findings_table_and_bridges(demo_path):
    from click.testing import CliRunner

    from netmap.cli import main

    result = CliRunner().invoke(
        main,
        [
            "gaps",
            str(demo_path),
            "--level",
            "organisations",
            "--by",
            "sector",
            "--by",
            "municipality",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Gaps between groups by sector and municipality (organisations graph):\n"
    )
    assert "has no collaboration with" in result.output
    assert "Communities that touch only through one or two actors:" in result.output
    as_json = CliRunner().invoke(main, ["gaps", str(demo_path), "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)[0].keys() >= {"group_a", "group_b", "expected"}
