"""Tests of netmap.export: GraphML and GEXF round trips, CSVs, HTML and PNG, and the commands."""

from __future__ import annotations

import copy
import csv
import struct

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.cli import main
from netmap.export import export, portable_graph
from netmap.spreadsheet import FORMULA_START, spreadsheet_safe


@pytest.fixture(scope="module")
def region() -> nx.Graph:
    """A netmap people graph: 200 synthetic people with their organisations' fields."""
    return netmap.synthetic.generate(200, seed=5).graph("people", sectors=["public", "business"])


def attributes_and_types(items) -> dict:
    return {key: {k: (v, type(v)) for k, v in data.items()} for key, data in items}


def test_graphml_round_trip_keeps_nodes_edges_attributes_and_types(region, tmp_path):
    (path,) = export(region, tmp_path / "region.graphml")
    back = nx.read_graphml(path)
    expected = portable_graph(region)
    assert set(back) == set(region)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in region.edges}
    assert attributes_and_types(back.nodes(data=True)) == attributes_and_types(
        expected.nodes(data=True)
    )
    for u, v, data in expected.edges(data=True):
        assert attributes_and_types([(0, back.edges[u, v])]) == attributes_and_types([(0, data)])
    # names, sectors and weights come back exactly as netmap made them
    node = "person:P0001" if "person:P0001" in region else next(iter(region))
    assert back.nodes[node]["name"] == region.nodes[node]["name"]
    assert back.graph["level"] == "people"
    assert back.graph["filters"] == '{"sectors": ["business", "public"]}'
    assert "since" not in back.graph  # None: left out


def test_gexf_round_trip_adds_labels_and_positions_for_gephi(region, tmp_path):
    (path,) = export(region, tmp_path / "region.gexf")
    back = nx.read_gexf(path)
    expected = portable_graph(region)
    assert set(back) == set(region)
    for node, data in expected.nodes(data=True):
        got = dict(back.nodes[node])
        assert got.pop("label") == data["name"]
        assert set(got.pop("viz")["position"]) == {"x", "y", "z"}
        assert attributes_and_types([(0, got)]) == attributes_and_types([(0, data)])
    for u, v, data in expected.edges(data=True):
        got = dict(back.edges[u, v])
        got.pop("id")
        assert attributes_and_types([(0, got)]) == attributes_and_types([(0, data)])


def test_portable_graph_rules():
    G = nx.Graph(filters={"kinds": ("meeting",)}, since=None, tags={"b", "a"})
    G.add_node("a", score=1, note=None, mixed=1)
    G.add_node("b", score=2.5, mixed="x")
    G.add_edge("a", "b", weight=float("nan"), kind="tie")
    H = portable_graph(G)
    # whole numbers with decimals -> decimals; text with anything else -> text; sets sorted
    assert H.graph == {"filters": '{"kinds": ["meeting"]}', "tags": '["a", "b"]'}
    assert H.nodes["a"] == {"score": 1.0, "mixed": "1"}
    assert H.nodes["b"] == {"score": 2.5, "mixed": "x"}
    assert H.edges["a", "b"] == {"kind": "tie"}
    assert G.nodes["a"] == {"score": 1, "note": None, "mixed": 1}  # G itself untouched


text_values = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
values = st.one_of(
    text_values,
    st.integers(min_value=-(2**62), max_value=2**62),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
)


@settings(max_examples=40, deadline=None)
@given(
    records=st.lists(
        st.dictionaries(st.sampled_from(["a", "b", "name"]), values, max_size=3),
        min_size=1,
        max_size=4,
    )
)
def test_graphml_round_trip_property(tmp_path_factory, records):
    G = nx.Graph()
    G.add_nodes_from((f"n{i}", record) for i, record in enumerate(records))
    path = tmp_path_factory.mktemp("graphml") / "g.graphml"
    export(G, path)
    back = nx.read_graphml(path)
    expected = portable_graph(G)
    assert attributes_and_types(back.nodes(data=True)) == attributes_and_types(
        expected.nodes(data=True)
    )
    # Independently of portable_graph: printable text comes back exactly as it went in.
    for i, record in enumerate(records):
        for key, value in record.items():
            if isinstance(value, str) and value and value.isprintable():
                assert back.nodes[f"n{i}"][key] == value


def test_control_characters_are_dropped_so_the_xml_stays_readable(tmp_path):
    G = nx.Graph()
    G.add_node("a", name="Anna\x0bBerg\x00", note="tab\tand\r\nnewline\rstay")
    (path,) = export(G, tmp_path / "g.graphml")
    assert nx.read_graphml(path).nodes["a"] == {
        "name": "AnnaBerg",
        "note": "tab\tand\nnewline\nstay",
    }


def test_csv_writes_nodes_and_edges_for_excel(tmp_path):
    G = nx.Graph(level="people")
    G.add_node("person:P2", name="Örjan Ek", type="person", sector="public")
    G.add_node("person:P1", name="Åsa Berg", type="person", tags=["a", "b"])
    G.add_edge("person:P2", "person:P1", weight=2.0, tie="mentor")
    nodes_path, edges_path = export(G, tmp_path / "net.csv")
    assert (nodes_path.name, edges_path.name) == ("net-nodes.csv", "net-edges.csv")
    assert nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with nodes_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["id", "name", "type", "sector", "tags"],
        ["person:P1", "Åsa Berg", "person", "", '["a", "b"]'],
        ["person:P2", "Örjan Ek", "person", "public", ""],
    ]
    with edges_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["source", "target", "weight", "tie"],
        ["person:P1", "person:P2", "2.0", "mentor"],
    ]


def test_csv_text_cannot_run_as_a_formula_in_excel(tmp_path):
    G = nx.Graph()
    G.add_node("person:P1", name='=HYPERLINK("http://evil","x")', change=-3, note="-1")
    G.add_node("person:P2", name="@SUM(A1)", change=2, note="+46 70")
    G.add_edge("person:P1", "person:P2", weight=-1.5)
    nodes_path, edges_path = export(G, tmp_path / "net.csv")
    with nodes_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["id", "name", "change", "note"],
        ["person:P1", '\'=HYPERLINK("http://evil","x")', "-3", "-1"],
        ["person:P2", "'@SUM(A1)", "2", "'+46 70"],
    ]
    assert edges_path.read_text(encoding="utf-8-sig").splitlines()[1] == (
        "person:P1,person:P2,-1.5"
    )


@settings(max_examples=200, deadline=None)
@given(text=st.text(), number=st.floats(allow_nan=False) | st.integers())
def test_spreadsheet_safe_keeps_text_as_text_and_numbers_as_numbers(text, number):
    table = pd.DataFrame({"text": [text, "=" + text], "number": [number, -abs(number)]})
    safe = spreadsheet_safe(table)
    assert safe["number"].equals(table["number"])  # numbers, negative ones too, untouched
    assert safe.at[1, "text"] == "'=" + text  # a formula start is always prefixed
    cell = safe.at[0, "text"]
    assert cell in (text, "'" + text)  # any text survives, at most with an apostrophe
    looks_like_formula = text.startswith(FORMULA_START)
    try:
        float(text)
    except ValueError:
        assert (cell != text) == looks_like_formula
    assert table.at[1, "text"] == "=" + text  # the input is not modified


def test_html_and_png(tmp_path):
    G = nx.karate_club_graph()
    (html_path,) = export(G, tmp_path / "karate.html", color_by="club", size_by="degree")
    assert html_path.read_text(encoding="utf-8") == netmap.render_map(
        G, color_by="club", size_by="degree"
    )
    (png,) = export(G, tmp_path / "karate.png", color_by="club", size_by="degree", dpi=40)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (12 * 40, 9 * 40)


@pytest.mark.parametrize("suffix", ["graphml", "gexf", "csv", "png"])
def test_same_graph_same_bytes(region, tmp_path, suffix):
    first = [p.read_bytes() for p in export(region, tmp_path / f"a.{suffix}")]
    H = nx.Graph(**region.graph)  # the same graph, nodes and edges added in reverse order
    H.add_nodes_from(reversed(list(region.nodes(data=True))))
    H.add_edges_from(reversed(list(region.edges(data=True))))
    assert [p.read_bytes() for p in export(H, tmp_path / f"b.{suffix}")] == first


def test_input_graph_is_not_modified(region, tmp_path):
    before = copy.deepcopy(region)
    for suffix in ("graphml", "gexf", "csv"):
        export(region, tmp_path / f"r.{suffix}")
    assert nx.utils.graphs_equal(region, before)
    assert region.graph == before.graph


def test_errors(tmp_path):
    with pytest.raises(ValueError) as err:
        export(nx.Graph(), tmp_path / "net.xlsx")
    assert str(err.value) == (
        "Cannot tell the format of 'net.xlsx' from its suffix; name the file with one of "
        ".graphml, .gexf, .csv, .html, .htm, .png, or pass format=..."
    )
    with pytest.raises(ValueError) as err:
        export(nx.Graph(), tmp_path / "net.graphml", title="x")
    assert str(err.value) == (
        "The graphml format takes no options; got title. Options such as color_by or title "
        "are for the html and png formats."
    )
    with pytest.raises(ValueError, match="format must be one of graphml, gexf, csv, html, png"):
        export(nx.Graph(), tmp_path / "net", format="pdf")


# ------------------------------------------------------------------ the commands


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The records of a small synthetic region, written as CSV files."""
    path = tmp_path_factory.mktemp("records")
    netmap.write_tables(netmap.synthetic.generate(120, seed=2), path)
    return path


def test_export_command(records, tmp_path):
    out = tmp_path / "orgs.graphml"
    result = CliRunner().invoke(
        main, ["export", str(records), "--level", "organisations", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    G = nx.read_graphml(out)
    assert (
        result.output == f"wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)\n"
    )
    assert G.graph["level"] == "organisations"


def test_export_command_needs_a_format_or_a_file(records):
    result = CliRunner().invoke(main, ["export", str(records)])
    assert result.exit_code == 2
    assert "Give --format or --out (whose suffix names the format)." in result.output


def test_map_command(records, tmp_path):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(
        main, ["map", str(records), "--out", str(out), "--size-by", "degree", "--lang", "sv"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = CliRunner().invoke(
        main, ["map", str(records), "--out", str(out), "--color-by", "shoe_size"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: color_by='shoe_size' is not a node attribute")
