"""Tests of netmap.backtest: Liben-Nowell & Kleinberg's protocol on dated records."""

from __future__ import annotations

import networkx as nx
import pytest

import netmap.synthetic
from netmap.backtest import BACKTEST_COLUMNS, backtest_suggestions, network_from_snapshots
from netmap.errors import NetmapError

BEFORE = ("2023-01-01", "2023-12-31")
AFTER = ("2024-01-01", "2024-12-31")


def small_history():
    """Before: a–b, b–c, c–d, d–e and x–y. After: a–c (predictable), a–e, b–c again, z–a.

    Active in both periods: a, b, c, e (x, y and d have no tie after; z none before).
    Among a, b, c, e: tied before a–b and b–c; candidates 6 - 2 = 4; new pairs a–c and a–e.
    """
    before = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("x", "y")])
    after = nx.Graph([("a", "c"), ("a", "e"), ("b", "c"), ("z", "a")])
    return network_from_snapshots({BEFORE: before, AFTER: after})


def test_protocol_counts_by_hand():
    table = backtest_suggestions(small_history(), "2024-01-01", methods="all")
    assert list(table.columns) == list(BACKTEST_COLUMNS)
    assert table["method"].tolist() == [
        "local_path",
        "resource_allocation",
        "adamic_adar",
        "common_neighbours",
        "jaccard",
    ]
    first = table.iloc[0]
    assert (first["actors"], first["candidate_pairs"], first["new_pairs"]) == (4, 4, 2)
    assert first["random_precision"] == 2 / 4
    # Among the active actors, only a–c shares a contact (b) in the first period; c–e share
    # d, but d is not active after the split, which does not matter: d still links them.
    assert table.attrs["suggestions"]["local_path"] == [
        ("person:a", "person:c", True),
        ("person:c", "person:e", False),
    ]
    assert (first["k"], first["hits"], first["precision"], first["recall"]) == (2, 1, 0.5, 0.5)
    assert first["ratio_to_random"] == 1.0
    assert table.attrs["train_until"] == "2023-12-31"


def test_explicit_k_caps_the_suggestions():
    table = backtest_suggestions(small_history(), "2024-01-01", k=1)
    assert (table.loc[0, "k"], table.loc[0, "hits"], table.loc[0, "precision"]) == (1, 1, 1.0)
    assert table.loc[0, "recall"] == 0.5


def test_informetrics_reproduces_the_published_protocol_and_beats_20x(informetrics_network):
    # Issue 4: 171 authors active in both periods, 76 new pairs out of 14,357 candidates
    # (0.53 %); at k = 76 common neighbours 8 hits, Adamic–Adar 6, Jaccard 13.
    table = backtest_suggestions(informetrics_network, "2005-01-01", methods="all")
    table = table.set_index("method")
    assert set(table["actors"]) == {171}
    assert set(table["new_pairs"]) == {76}
    assert set(table["candidate_pairs"]) == {14_357}
    assert table["random_precision"].iloc[0] == pytest.approx(76 / 14_357)
    assert set(table["k"]) == {76}
    hits = table["hits"].to_dict()
    assert (hits["common_neighbours"], hits["adamic_adar"], hits["jaccard"]) == (8, 6, 13)
    # The default method: 13 hits, 32 times random (the issue asks for at least 20).
    assert hits["local_path"] == 13
    assert table.loc["local_path", "ratio_to_random"] >= 20


def test_synthetic_region_default_beats_random_by_far():
    # A generated region over 2022-2024; people active before and after 2024-01-01.
    net = netmap.synthetic.generate(1500, seed=3)
    table = backtest_suggestions(net, "2024-01-01", k=50)
    assert table.loc[0, "ratio_to_random"] > 10


def test_no_actor_active_in_both_periods_is_explained():
    net = network_from_snapshots({BEFORE: nx.Graph([("a", "b")]), AFTER: nx.Graph([("c", "d")])})
    with pytest.raises(NetmapError) as err:
        backtest_suggestions(net, "2024-01-01")
    assert str(err.value) == (
        "Back-testing needs actors with ties both before and after 2024-01-01; 0 actors are "
        "active in both periods. Choose a split date inside the period of the records "
        "(2023-01-01 to 2024-12-31)."
    )


def test_no_new_pair_is_explained():
    same = nx.Graph([("a", "b"), ("b", "c")])
    net = network_from_snapshots({BEFORE: same, AFTER: same})
    with pytest.raises(NetmapError) as err:
        backtest_suggestions(net, "2024-01-01")
    assert str(err.value) == (
        "No new pair formed on or after 2024-01-01 among the 3 actors active in both "
        "periods: there is nothing to predict. Choose another split date inside the period "
        "of the records (2023-01-01 to 2024-12-31)."
    )


def test_snapshots_become_one_collaboration_per_joint_work():
    G = nx.Graph()
    G.add_edge("anna", "bo", weight=3)
    G.add_edge("bo", "bo")  # a self-loop is no collaboration
    net = network_from_snapshots({BEFORE: G})
    assert len(net.tables["collaborations"]) == 3
    assert set(net.tables["collaborations"]["start_date"].dt.date.astype(str)) == {BEFORE[0]}
    assert net.graph().edges["person:anna", "person:bo"]["collaborations"] == 3


def test_backtest_command(demo_path):
    from click.testing import CliRunner

    from netmap.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["backtest", str(demo_path), "--split", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Trained on records up to 2023-12-31, tested from 2024-01-01")
    assert "local_path" in result.output
    # Before 1990 only the demo's undated direct ties exist, and they are in both periods.
    early = runner.invoke(main, ["backtest", str(demo_path), "--split", "1990-01-01"])
    assert early.exit_code == 1
    assert early.output.startswith("Error: No new pair formed on or after 1990-01-01 among ")
