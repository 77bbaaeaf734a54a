"""Benchmark: a map of a 5,000-person region, from graph to an interactive page in chromium.

Run as a whole process::

    uv run python benchmarks/maps.py            # 5,000 people, 5 runs
    uv run python benchmarks/maps.py --people 2000 --runs 3

Measures, as medians of ``--runs`` runs:

- ``layout_positions`` (igraph, two levels) against ``networkx.spring_layout`` (one run: it
  takes half a minute or more);
- ``render_map`` (graph -> HTML string) against pyvis's ``from_nx`` + ``generate_html`` on a
  copy of the graph (one run; pyvis's page also needs a CDN and settles for minutes);
- in headless Debian chromium (Playwright, the test flags): time from navigation start to the
  first drawing of the network (``netmapDrawnAt``), then the time to respond to selecting
  the best-connected actor (neighbourhood lit, hidden ties added, redrawn) and to a search.

Prints a Markdown table; the HTML size is printed too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

import netmap
from netmap.layout import layout_positions
from netmap.maps import render_map

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS  # noqa: E402


def timed(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pyvis_page(G: nx.Graph) -> str:
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.from_nx(G.copy())  # from_nx changes the graph it is given
    return net.generate_html()


SELECT = """(i) => {
  const start = performance.now();
  network.selectNodes([i]);
  network.emit('selectNode', {nodes: [i]});  // what a click does: veil, contacts, redraw
  return performance.now() - start;
}"""
HUB = "network.body.data.nodes.get().reduce((a, b) => (b.value > a.value ? b : a)).id"


def browser_runs(path: Path, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    drawn, select, search = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(path.as_uri())
            page.wait_for_function("window.netmapDrawnAt !== undefined", timeout=120_000)
            drawn.append(page.evaluate("netmapDrawnAt") / 1000)
            select.append(page.evaluate(SELECT, page.evaluate(HUB)) / 1000)
            start = time.perf_counter()
            page.fill("#netmap-query", "ann")
            page.locator("#netmap-results button").first.wait_for()
            search.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return {
        "drawn": statistics.median(drawn),
        "select": statistics.median(select),
        "search": statistics.median(search),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-baselines",
        dest="baselines",
        action="store_false",
        help="Skip spring_layout and pyvis (minutes at 5,000 people).",
    )
    args = parser.parse_args()

    G = netmap.synthetic.generate(args.people, seed=0).graph("people")
    n, m = G.number_of_nodes(), G.number_of_edges()
    print(f"people graph: {n} nodes, {m} edges (netmap.synthetic.generate({args.people}, seed=0))")

    layout_time, _ = timed(lambda: layout_positions(G, seed=0), args.runs)
    nan = float("nan")
    spring_time = timed(lambda: nx.spring_layout(G, seed=0), 1)[0] if args.baselines else nan
    render_time, page = timed(lambda: render_map(G, size_by="degree"), args.runs)
    pyvis_time = timed(lambda: pyvis_page(G), 1)[0] if args.baselines else nan
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.html"
        path.write_text(page, encoding="utf-8")
        browser = browser_runs(path, args.runs)

    print()
    print("| step | netmap | networkx / pyvis way | ratio |")
    print("|---|---|---|---|")
    print(
        f"| layout of {n} nodes | {layout_time:.2f} s | {spring_time:.1f} s (spring_layout) "
        f"| {spring_time / layout_time:.0f}× |"
    )
    print(
        f"| graph -> HTML (layout included) | {render_time:.2f} s | {pyvis_time:.1f} s "
        f"(pyvis from_nx + generate_html, no layout) | {pyvis_time / render_time:.1f}× |"
    )
    print(f"| chromium: load -> network drawn | {browser['drawn']:.2f} s | | |")
    print(f"| chromium: select the hub (neighbourhood lit) | {browser['select']:.3f} s | | |")
    print(f"| chromium: search 'ann' -> results | {browser['search']:.3f} s | | |")
    print(f"\nHTML size: {len(page.encode('utf-8')) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
