"""Benchmark: how fast the dashboard answers a filter change on a regional network.

Drives the real app (``app.py``) in-process with Streamlit's AppTest on a synthetic region
(``netmap.synthetic.generate(n, seed=1)``, handed to the app as an upload) and times whole
script reruns, which is the work the server does before the browser can redraw:

* ``first load``: the page's first run on the data (graph, metrics; caches empty);
* ``new filter``: then switching the sector filter to civil society only (about half the
  people), a state not seen before (the cost of a new filter state); and to every sector
  but academia (about 95 % of the people: nearly the whole network's metrics again);
* ``filter change``: switching back and forth between the two states already seen (all in
  the cache: what a coordinator feels when exploring);
* ``language switch``: then switching to Swedish (the metrics are cached; the texts are
  written again).

The first two are measured ``--cold-runs`` times (caches cleared before each), the last
``--runs`` times per cold run; the table reports medians and the ratio new / cached, as
Markdown for benchmarks/README.md. Run from the repository root::

    uv run python benchmarks/dashboard.py                  # 5,000 people
    uv run python benchmarks/dashboard.py --people 1000 --cold-runs 3 --runs 5
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

import netmap.synthetic

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ("overview", "map", "key_actors", "conveners", "gaps")
#: The two filter states a coordinator flips between: everyone, and civil society only.
STATES = ([], ["civil_society"])
#: A new state that keeps nearly everyone: every sector but academia.
LARGE_STATE = ["business", "civil_society", "other", "public"]


def _app(net, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=600)
    at.session_state["upload_net"] = net
    at.session_state["upload_name"] = net.source
    at.session_state["dataset"] = "upload"
    at.run()
    if page != "overview":
        at.switch_page(f"views/{page}.py").run()
    _check(at)
    return at


def _check(at: AppTest) -> None:
    problems = [e.message for e in at.exception] + [e.value for e in at.error]
    if problems:
        raise RuntimeError(f"the app failed: {problems}")


def _sectors(at: AppTest):
    return next(m for m in at.sidebar.multiselect if m.label == "Sectors")


def _timed_rerun(at: AppTest, sectors: list[str]) -> float:
    _sectors(at).set_value(sectors)
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    _check(at)
    return elapsed


def measure(net, page: str, cold_runs: int, runs: int) -> dict[str, float]:
    first, new, new_large, cached, language = [], [], [], [], []
    for _ in range(cold_runs):
        st.cache_data.clear()
        st.cache_resource.clear()
        start = time.perf_counter()
        at = _app(net, page)
        first.append(time.perf_counter() - start)
        new.append(_timed_rerun(at, STATES[1]))
        new_large.append(_timed_rerun(at, LARGE_STATE))
        for i in range(runs):
            cached.append(_timed_rerun(at, STATES[i % 2]))
        at.sidebar.radio(key="lang").set_value("sv")
        start = time.perf_counter()
        at.run()
        language.append(time.perf_counter() - start)
        _check(at)
    return {
        "first load": statistics.median(first),
        "new filter": statistics.median(new),
        "new filter, large": statistics.median(new_large),
        "filter change": statistics.median(cached),
        "language": statistics.median(language),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--cold-runs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=PAGES)
    args = parser.parse_args()
    net = netmap.synthetic.generate(args.people, seed=1)
    G = net.graph("people")
    print(
        f"{args.people:,} people, {G.number_of_edges():,} ties; {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; seconds, median of {args.cold_runs} cold and "
        f"{args.cold_runs * args.runs} cached runs\n"
    )
    print(
        "| page | first load | new filter state (half) | new filter state (95 %) "
        "| filter change (cached) | new (half) / cached | language switch |"
    )
    print("|---|---|---|---|---|---|---|")
    for page in args.pages:
        t = measure(net, page, args.cold_runs, args.runs)
        ratio = t["new filter"] / t["filter change"]
        print(
            f"| {page} | {t['first load']:.2f} | {t['new filter']:.2f} | "
            f"{t['new filter, large']:.2f} | {t['filter change']:.2f} | {ratio:.0f}× | "
            f"{t['language']:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
