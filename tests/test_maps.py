"""Tests of netmap.maps: the offline, escaped map page and its PNG twin."""

from __future__ import annotations

import copy
import json
import re
import struct

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap import maps
from netmap.maps import PHYSICS_LIMIT, render_image, render_map

DATA_ISLAND = re.compile(r'<script type="application/json" id="netmap-data">(.*?)</script>', re.S)


def island(page: str) -> dict:
    """The JSON data the page embeds."""
    (text,) = DATA_ISLAND.findall(page)
    return json.loads(text)


def small_people_graph() -> nx.Graph:
    """Six people of three organisations; hand-made so every count below can be checked."""
    G = nx.Graph(level="people")
    people = [
        ("person:P1", "Anna Berg", "O1", "Luleå kommun", "public"),
        ("person:P2", "Björn Åkesson", "O1", "Luleå kommun", "public"),
        ("person:P3", "Cecilia Öhman", "O2", "Renen SK", "civil_society"),
        ("person:P4", "David Niemi", "O2", "Renen SK", "civil_society"),
        ("person:P5", "Eva Sikku", "O3", "Sametinget", "public"),
        ("person:P6", "Fredrik Ek", None, None, None),
    ]
    for node, name, org_id, org, sector in people:
        attrs = {"name": name, "type": "person"}
        if org_id:
            attrs.update(organisation_id=org_id, organisation=org, sector=sector)
        G.add_node(node, **attrs)
    G.add_edge("person:P1", "person:P2", weight=3.0)
    G.add_edge("person:P2", "person:P3", weight=1.0)
    G.add_edge("person:P3", "person:P4", weight=2.0)
    G.add_edge("person:P1", "person:P3", weight=1.0)
    G.add_edge("person:P4", "person:P5", weight=1.0)
    G.add_edge("person:P5", "person:P6", weight=1.0)
    return G


# ------------------------------------------------------------------ offline and escaped


def test_page_requests_nothing_from_other_hosts():
    page = render_map(small_people_graph(), size_by="degree")
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "<link" not in page and "<iframe" not in page and "@import" not in page
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
    assert "default-src 'none'" in page  # the Content-Security-Policy forbids every request


def test_vis_network_licence_notice_is_kept():
    page = render_map(small_people_graph(), size_by="degree")
    assert "vis.js is dual licensed under both" in page
    assert "@version 9.1.2" in page


PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    "</script><script>window.__xss=2</script>",
    "<!--",
    "a & b \u2028 c \u2029 d",
    "' \" ` ${x} \\ }}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_is_escaped_and_comes_back_intact(payload):
    G = small_people_graph()
    G.nodes["person:P1"]["name"] = payload
    G.nodes["person:P1"]["organisation"] = payload
    page = render_map(G, size_by="degree", title=payload, color_by="organisation")
    assert len(re.findall("</script", page, re.I)) == 3  # only the template's own
    (raw,) = DATA_ISLAND.findall(page)
    assert not set(raw) & set("<>&\u2028\u2029")  # the island holds \u escapes instead
    assert "<img" not in page
    data = island(page)  # the island still parses, and the texts are the user's own
    first = data["nodes"]["nid"].index("person:P1")
    assert data["nodes"]["label"][first] == payload
    assert data["nodes"]["title"][first].startswith(payload + "\n")
    assert payload in [item["label"] for item in data["legend"]["items"]]
    head = page.split("<style>", 1)[0]
    assert re.search(r"<title>(.*)</title>", head).group(1) == (
        payload.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


@settings(max_examples=30, deadline=None)
@given(name=st.text(min_size=1, max_size=40))
def test_any_name_survives_the_data_island(name):
    G = nx.Graph([("a", "b")])
    G.nodes["a"]["name"] = name
    data = island(render_map(G, color_by=None, size_by=None, physics=False))
    assert data["nodes"]["label"][0] == name


# ------------------------------------------------------------------ deterministic, pure


def test_same_graph_same_bytes_whatever_the_insertion_order():
    G = small_people_graph()
    H = nx.Graph(level="people")
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from((v, u, d) for u, v, d in reversed(list(G.edges(data=True))))
    first = render_map(G, size_by="degree", title="x")
    assert render_map(G, size_by="degree", title="x") == first
    assert render_map(H, size_by="degree", title="x") == first
    assert render_map(G, size_by="degree", title="x", seed=1) != first


def test_the_graph_is_not_modified(tmp_path):
    G = small_people_graph()
    before = copy.deepcopy(G)
    render_map(G, tmp_path / "map.html", aggregate="organisations")
    render_map(G, top_n=2, highlight=["person:P6"], removed=["person:P4"], size_by="degree")
    render_image(G, tmp_path / "map.png", size_by="degree")
    assert nx.utils.graphs_equal(G, before)
    assert G.graph == before.graph


def test_path_receives_the_returned_page(tmp_path):
    page = render_map(small_people_graph(), tmp_path / "m.html", size_by="degree")
    assert (tmp_path / "m.html").read_text(encoding="utf-8") == page


# ------------------------------------------------------------------ encodings


def test_legend_counts_sectors_in_their_fixed_order():
    # 3 public (P1, P2, P5), 2 civil society (P3, P4), 1 without organisation (P6)
    data = island(render_map(small_people_graph(), size_by="degree"))
    items = [(i["label"], i["count"], i["colour"]) for i in data["legend"]["items"]]
    assert items == [("Public sector", 3, 0), ("Civil society", 2, 1), ("(not given)", 1, -1)]
    assert data["legend"]["title"] == "Sector"
    by_node = dict(zip(data["nodes"]["nid"], data["nodes"]["colour"], strict=True))
    assert by_node["person:P5"] == 0 and by_node["person:P3"] == 1 and by_node["person:P6"] == -1


def test_rare_categories_share_other():
    G = nx.path_graph(14)
    nx.set_node_attributes(G, {n: f"group {n % 12:02d}" for n in G}, "group")
    data = island(render_map(G, color_by="group", size_by=None))
    labels = [i["label"] for i in data["legend"]["items"]]
    # groups 00 and 01 have two nodes each, so they come first; 9 own colours, then Other
    assert labels[:2] == ["group 00", "group 01"]
    assert labels[-1] == "Other" and len(labels) == maps.MAX_COLOURS
    assert data["legend"]["items"][-1]["count"] == 14 - 2 * 2 - 7


def test_a_sector_keeps_its_colour_when_the_view_is_filtered():
    G = small_people_graph()
    full = island(render_map(G, size_by="degree"))
    only_civil = G.subgraph(["person:P3", "person:P4"])
    filtered = island(render_map(only_civil, size_by="degree"))
    # SECTORS order: public is the first palette colour, civil society the second
    assert full["colours"][:2] == [maps.PALETTE[0], maps.PALETTE[1]]
    assert [i["label"] for i in filtered["legend"]["items"]] == ["Civil society"]
    assert filtered["colours"] == [maps.PALETTE[1]]


def test_other_categories_are_coloured_by_sorted_value_not_by_count():
    G = nx.path_graph(5)
    nx.set_node_attributes(G, {0: "b", 1: "b", 2: "b", 3: "a", 4: "c"}, "group")
    data = island(render_map(G, color_by="group", size_by=None))
    # legend by count (b first), colours by sorted value: a, b, c -> palette 0, 1, 2
    items = [(i["label"], data["colours"][i["colour"]]) for i in data["legend"]["items"]]
    assert items == [("b", maps.PALETTE[1]), ("a", maps.PALETTE[0]), ("c", maps.PALETTE[2])]
    without_a = island(render_map(G.subgraph([0, 1, 2, 4]), color_by="group", size_by=None))
    assert without_a["colours"] == [maps.PALETTE[0], maps.PALETTE[1]]  # b, c: sorted again


def test_the_default_colour_needs_no_sectors():
    # before: ValueError "color_by='sector' is not a node attribute of this graph ..."
    data = island(render_map(nx.path_graph(3)))
    assert data["legend"]["items"] == [] and data["legend"]["title"] == ""
    assert data["nodes"]["colour"] == [0, 0, 0] and data["colours"] == [maps.PALETTE[0]]


def test_one_encoding_draws_the_page_and_the_image(tmp_path):
    G = small_people_graph()
    options = maps.MapOptions(size_by="degree", highlight=["person:P3"], lang="sv")
    encoding = maps.encode(G, options)
    page = render_map(G, size_by="degree", highlight=["person:P3"], lang="sv")
    assert encoding.page() == page
    png = encoding.image(tmp_path / "m.png", dpi=40)
    assert (
        png.read_bytes()
        == render_image(
            G, tmp_path / "n.png", size_by="degree", highlight=["person:P3"], lang="sv", dpi=40
        ).read_bytes()
    )


def test_swedish_texts():
    data = island(render_map(small_people_graph(), size_by="degree", lang="sv"))
    assert data["text"]["search"] == "Hitta en aktör med namn"
    assert data["legend"]["items"][0]["label"] == "Offentlig sektor"


def test_size_by_degree_grows_with_the_square_root():
    # degrees: P1 2, P2 2, P3 3, P4 2, P5 2, P6 1 -> (d - 1) / (3 - 1) under the square root
    data = island(render_map(small_people_graph(), size_by="degree"))
    value = dict(zip(data["nodes"]["nid"], data["nodes"]["value"], strict=True))
    assert value["person:P3"] == 1.0 and value["person:P6"] == 0.0
    assert value["person:P1"] == pytest.approx(0.5**0.5, abs=1e-4)
    assert data["nodes"]["title"][2] == (
        "Cecilia Öhman\nOrganisation: Renen SK\nSector: Civil society\nContacts: 3"
    )


def test_size_by_a_series_and_by_an_attribute():
    G = small_people_graph()
    scores = {node: float(i) for i, node in enumerate(sorted(G))}
    from_mapping = island(render_map(G, size_by=scores))["nodes"]["value"]
    nx.set_node_attributes(G, scores, "score")
    assert island(render_map(G, size_by="score"))["nodes"]["value"] == from_mapping


def test_edge_weights_and_tooltips_are_plain_text():
    data = island(render_map(small_people_graph(), size_by="degree"))
    edges = list(
        zip(data["edges"]["from"], data["edges"]["to"], data["edges"]["weight"], strict=True)
    )
    assert (0, 1, 3.0) in edges  # P1–P2, weight 3
    tip = data["nodes"]["title"][0]
    assert tip.split("\n")[:3] == [
        "Anna Berg",
        "Organisation: Luleå kommun",
        "Sector: Public sector",
    ]


def test_highlight_dashed_edges_and_removed():
    # P1-P2-P3-P4-P5-P6 with P1-P3: removing P5 cuts P6 off from the rest
    data = island(
        render_map(
            small_people_graph(),
            size_by="degree",
            highlight=["person:P1"],
            dashed_edges=[("person:P2", "person:P6"), ("person:P6", "person:P2")],
            removed=["person:P5"],
        )
    )
    mark = dict(zip(data["nodes"]["nid"], data["nodes"]["mark"], strict=True))
    assert mark == {
        "person:P1": 1,
        "person:P2": 0,
        "person:P3": 0,
        "person:P4": 0,
        "person:P5": 2,
        "person:P6": 3,
    }
    assert data["suggested"] == [[1, 5]]
    kinds = [(m["kind"], m["count"]) for m in data["legend"]["marks"]]
    assert kinds == [("highlight", 1), ("removed", 1), ("cut_off", 1), ("suggested", 1)]


def test_top_n_keeps_the_largest_and_the_marked():
    data = island(
        render_map(small_people_graph(), size_by="degree", top_n=1, highlight=["person:P6"])
    )
    assert data["nodes"]["nid"] == ["person:P3", "person:P6"]  # P3 has the most contacts
    assert data["text"]["summary"] == "Showing 2 of 6 actors. 2 actors, 0 ties."


def test_aggregate_organisations_sums_the_ties_between_them():
    # Luleå kommun (P1, P2), Renen SK (P3, P4), Sametinget (P5), P6 on their own.
    # Luleå–Renen: P2–P3 (1) + P1–P3 (1) = 2; Renen–Sametinget: P4–P5 = 1; Sametinget–P6: 1
    data = island(render_map(small_people_graph(), aggregate="organisations"))
    labels = data["nodes"]["label"]
    assert labels == ["Luleå kommun", "Renen SK", "Fredrik Ek", "Sametinget"]
    ties = {
        frozenset((labels[a], labels[b])): w
        for a, b, w in zip(
            data["edges"]["from"], data["edges"]["to"], data["edges"]["weight"], strict=True
        )
    }
    assert ties == {
        frozenset(("Luleå kommun", "Renen SK")): 2.0,
        frozenset(("Renen SK", "Sametinget")): 1.0,
        frozenset(("Sametinget", "Fredrik Ek")): 1.0,
    }
    assert data["nodes"]["title"][0] == "Luleå kommun\n2 actors\nSector: Public sector"


def test_aggregate_communities_of_two_triangles():
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    data = island(render_map(G, aggregate="communities", color_by=None))
    assert data["nodes"]["label"] == ["Community 1", "Community 2"]
    assert data["edges"]["weight"] == [1.0]


def test_physics_is_off_above_the_limit():
    assert island(render_map(nx.path_graph(5), color_by=None, size_by=None))["physics"] is True
    big = nx.path_graph(PHYSICS_LIMIT + 1)
    assert island(render_map(big, color_by=None, size_by=None))["physics"] is False
    assert island(render_map(big, color_by=None, size_by=None, physics=True))["physics"] is True


def test_only_the_strongest_ties_are_drawn_at_once_in_large_maps(monkeypatch):
    # a-b 3, a-c 2, a-d 1, b-c 1 with room for 3 lines: each node's strongest tie is a-b
    # (a, b), a-c (c) and a-d (d): k = 1 draws those three; b-c waits for a selection.
    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 3.0), ("a", "c", 2.0), ("a", "d", 1.0), ("b", "c", 1.0)])
    monkeypatch.setattr(maps, "EDGE_BUDGET", 3)
    data = island(render_map(G, color_by=None, size_by=None))
    assert list(zip(data["edges"]["from"], data["edges"]["to"], strict=True)) == [
        (0, 1),
        (0, 2),
        (0, 3),
    ]
    assert list(zip(data["extra"]["from"], data["extra"]["to"], strict=True)) == [(1, 2)]
    assert "each actor's 1 strongest ties (3 of 4)" in data["legend"]["notes"][-1]


# ------------------------------------------------------------------ errors


def test_unknown_colour_attribute():
    with pytest.raises(ValueError) as err:
        render_map(nx.path_graph(3), color_by="sector")
    assert str(err.value) == (
        "color_by='sector' is not a node attribute of this graph, nor 'community'. Node "
        "attributes: (none). Or pass a mapping node -> value."
    )


def test_text_cannot_size_nodes():
    with pytest.raises(ValueError, match=r"Node sizes need numbers, but node attribute 'name'"):
        render_map(small_people_graph(), size_by="name")


def test_unknown_nodes_are_named():
    with pytest.raises(ValueError, match=r"highlight must be node ids of the graph .* 'x'"):
        render_map(small_people_graph(), highlight=["x"], size_by="degree")
    with pytest.raises(ValueError, match="dashed_edges must be pairs of node ids"):
        render_map(small_people_graph(), dashed_edges=["person:P1"], size_by="degree")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"top_n": 0}, "top_n must be a whole number of at least 1, or None; got 0."),
        (
            {"aggregate": "sectors"},
            "aggregate must be one of 'organisations', 'communities' or None; got 'sectors'.",
        ),
        ({"physics": "yes"}, "physics must be True, False or 'auto'; got 'yes'."),
        (
            {"aggregate": "communities", "highlight": ["person:P1"]},
            "An aggregated map (aggregate=...) draws groups, not actors, so it cannot show "
            "highlight, dashed_edges or removed; leave them out, or draw a map of actors.",
        ),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(ValueError) as err:
        render_map(small_people_graph(), size_by="degree", **options)
    assert str(err.value) == message


def test_directed_graphs_are_refused():
    with pytest.raises(
        ValueError, match=r"render_map needs an undirected networkx\.Graph; got DiGraph"
    ):
        render_map(nx.DiGraph([(1, 2)]))


# ------------------------------------------------------------------ the PNG


def test_png_is_a_real_image(tmp_path):
    path = render_image(small_people_graph(), tmp_path / "map.png", size_by="degree", dpi=60)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (12 * 60, 9 * 60)
    assert len(data) > 10_000


def test_public_api():
    assert netmap.render_map is render_map
    assert netmap.render_image is render_image
