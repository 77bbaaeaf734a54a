"""The map page in a real browser: Debian's chromium, headless, driven by Playwright.

Checks what only a browser can: the network is drawn, nothing is requested from another
host, no console errors, a script in a name stays text in the tooltip, the search list and the
legend, and selecting an actor lights up its neighbourhood. Screenshots go to artifacts/.
"""

from __future__ import annotations

import networkx as nx
import pytest

import netmap
from netmap.maps import PHYSICS_LIMIT, render_map

pytestmark = pytest.mark.browser

XSS_NAME = '<img src=x onerror="window.__xss=1">'
SCRIPT_NAME = "</script><script>window.__xss=2</script>"


def open_map(page, path, expected_nodes: int) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("window.netmapDrawnAt !== undefined", timeout=30_000)
    assert page.evaluate("network.body.data.nodes.length") == expected_nodes


def node_index(page, nid: str) -> int:
    return page.evaluate(
        "(nid) => network.body.data.nodes.get({filter: (n) => n.nid === nid})[0].id", nid
    )


def centre_of(page, index: int) -> tuple[float, float]:
    """Where node ``index`` is on the screen."""
    point = page.evaluate("(i) => network.canvasToDOM(network.getPositions([i])[i])", index)
    box = page.locator("#netmap-network").bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def hover(page, index: int) -> None:
    page.mouse.move(*centre_of(page, index))


@pytest.fixture
def hostile_map(tmp_path):
    """Karate club with hostile names: one is an img tag with onerror, one ends the script."""
    G = nx.karate_club_graph()
    names = {n: f"Medlem {n}" for n in G}
    names.update({0: XSS_NAME, 33: SCRIPT_NAME, 5: "Åsa Öberg"})
    nx.set_node_attributes(G, names, "name")
    path = tmp_path / "hostile.html"
    render_map(G, path, color_by="club", size_by="degree", title=XSS_NAME, highlight=[33])
    return path


def test_hostile_names_are_shown_as_text_and_never_run(page, hostile_map, artifacts):
    open_map(page, hostile_map, 34)
    page.wait_for_timeout(300)
    hover(page, 0)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().startswith(XSS_NAME)
    assert page.locator("div.vis-tooltip img").count() == 0
    page.screenshot(path=artifacts / "maps-hostile-tooltip.png")
    hover(page, 33)
    page.wait_for_function(
        "(t) => document.querySelector('div.vis-tooltip').innerText.startsWith(t)", arg=SCRIPT_NAME
    )
    page.mouse.click(*centre_of(page, 0))
    assert page.evaluate("network.getSelectedNodes()") == [0]
    page.fill("#netmap-query", "<img")
    assert page.locator("#netmap-results button").all_inner_texts() == [XSS_NAME]
    assert page.locator("#netmap-results img").count() == 0
    page.locator("#netmap-results button").first.click()
    assert page.title() == XSS_NAME
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0
    assert page.console_errors == []
    assert page.external_requests == []


def test_search_finds_names_without_accents_and_focuses_the_actor(page, hostile_map):
    open_map(page, hostile_map, 34)
    page.fill("#netmap-query", "asa ob")
    assert page.locator("#netmap-results button").all_inner_texts() == ["Åsa Öberg"]
    page.press("#netmap-query", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == [5]
    # the neighbourhood is drawn over a veil that fades everyone else
    focus = page.evaluate("netmapFocus")
    assert focus["node"] == 5
    assert sorted(focus["neighbours"]) == sorted(page.evaluate("network.getConnectedNodes(5)"))
    page.mouse.click(5, 890)  # empty space: the selection and the veil go
    assert page.evaluate("netmapFocus") is None
    page.fill("#netmap-query", "zzz")
    assert page.locator("#netmap-results li").all_inner_texts() == ["No name matches."]
    assert page.console_errors == []


def test_legend_lists_the_colours(page, hostile_map, artifacts):
    open_map(page, hostile_map, 34)
    legend = page.locator("#netmap-legend").inner_text()
    assert "club" in legend and "Mr. Hi" in legend and "Officer" in legend
    assert "Highlighted" in legend
    page.wait_for_timeout(1_500)  # physics settles (34 actors)
    page.screenshot(path=artifacts / "maps-karate.png")


def test_large_synthetic_region_draws_at_once_and_shows_hidden_ties(page, tmp_path, artifacts):
    G = netmap.synthetic.generate(1_500, seed=3).graph("people")
    assert G.number_of_nodes() > PHYSICS_LIMIT
    path = tmp_path / "region.html"
    render_map(G, path, size_by="degree", title="Synthetic region, 1,500 people")
    open_map(page, path, G.number_of_nodes())
    assert page.evaluate("network.physics.options.enabled") is False
    drawn = page.evaluate("network.body.data.edges.length")
    assert drawn <= netmap.maps.EDGE_BUDGET
    hub = page.evaluate(
        "network.body.data.nodes.get().reduce((a, b) => (b.value > a.value ? b : a)).id"
    )
    page.evaluate(
        "(i) => { network.selectNodes([i]); network.emit('selectNode', {nodes: [i]}); }", hub
    )
    nid = page.evaluate("(i) => network.body.data.nodes.get(i).nid", hub)
    # every contact is lit, also those whose ties are not drawn at once
    neighbours = page.evaluate("netmapFocus.neighbours")
    names = page.evaluate("(ids) => ids.map((i) => network.body.data.nodes.get(i).nid)", neighbours)
    assert sorted(names) == sorted(G[nid])
    page.screenshot(path=artifacts / "maps-region-selected.png")
    assert page.console_errors == []
    assert page.external_requests == []
