"""The dashboard in a real browser: `streamlit run app.py` driven by Playwright and chromium.

One test, one server: it visits every page, switches the language, applies a filter, checks
that the map's iframe drew its nodes and that no request left the machine, and saves a
screenshot of each page in artifacts/ (the Overview one is docs/dashboard.png).
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Page url paths and the heading each shows in English and Swedish.
PAGES = {
    "overview": ("Overview", "Översikt"),
    "map": ("Map", "Karta"),
    "key_actors": ("Key actors", "Nyckelaktörer"),
    "conveners": ("Conveners", "Sammankallande"),
    "gaps": ("Gaps & introductions", "Luckor och introduktioner"),
    "data": ("Data", "Data"),
}
#: Generous: the first run loads the data and computes every metric on a shared machine.
TIMEOUT_MS = 120_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """`streamlit run app.py` on a free localhost port; yields its URL."""
    port = _free_port()
    log = (ROOT / "artifacts").joinpath("streamlit-server.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(url, process, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit did not answer on {url} within 120 s:\n{log.read_text()}")


def _heading(page, text: str):
    """Wait for the page's title (h1) to read ``text`` and the app to finish running."""
    page.get_by_role("heading", level=1, name=text, exact=True).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(
        "[data-testid='stStatusWidget'] >> text=/Running|Körs/",
        state="detached",
        timeout=TIMEOUT_MS,
    )
    _charts_drawn(page)


def _charts_drawn(page) -> None:
    """Vega loads lazily: wait until every chart on screen has drawn."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]"
        ".filter(e => e.offsetParent && e.getBoundingClientRect().top < innerHeight)"
        ".every(e => e.querySelector('canvas, svg'))",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(800)


def _go(page, url: str, path: str, lang: int = 0) -> None:
    page.get_by_role("link", name=PAGES[path][lang], exact=True).first.click()
    _heading(page, PAGES[path][lang])
    assert page.url.rstrip("/").endswith("" if path == "overview" else f"/{path}")


def _map_nodes(page) -> int:
    """Nodes in the vis network of the map iframe (the page keeps it in a global)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame == page.main_frame:
                continue
            count = frame.evaluate(
                "() => typeof network === 'undefined' ? null : network.body.data.nodes.length"
            )
            if count:
                return count
        page.wait_for_timeout(500)
    return 0


def _in_view(page) -> int:
    """The number of actors the sidebar says are in view."""
    caption = page.get_by_text(re.compile(r"^(In view|Visas): ")).inner_text()
    return int(re.search(r"(\d[\d,\s]*)", caption).group(1).replace(",", "").replace(" ", ""))


def _shot(page, path: Path) -> None:
    """Screenshot the whole page (Streamlit scrolls inside its main block, so grow the window
    to the content's height first)."""
    height = page.evaluate(
        "() => Math.max(900, document.querySelector('[data-testid=stMainBlockContainer]')"
        ".scrollHeight + 120)"
    )
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 4000)})
    _charts_drawn(page)
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1400, "height": 900})


def test_dashboard_pages_language_filter_map_offline(server, page, artifacts):
    page.goto(server)
    _heading(page, "Overview")
    page.set_viewport_size({"width": 1400, "height": 1100})
    _charts_drawn(page)
    page.screenshot(path=artifacts / "dashboard-overview-top.png")
    _shot(page, artifacts / "dashboard-overview.png")
    assert page.get_by_text("Three things to know").is_visible()

    for path in ("map", "key_actors", "conveners", "gaps", "data"):
        _go(page, server, path)
        if path == "map":
            assert _map_nodes(page) > 0, "the map iframe drew no nodes"
        _shot(page, artifacts / f"dashboard-{path}.png")
        assert not page.locator("[data-testid='stException']").count(), path

    # Language: every label follows, the page stays where it was.
    page.get_by_text("Svenska", exact=True).click()
    _heading(page, "Data")
    assert page.get_by_role("link", name="Översikt").is_visible()
    _go(page, server, "overview", lang=1)
    assert page.get_by_text("Tre saker att veta").is_visible()
    _shot(page, artifacts / "dashboard-overview-sv.png")

    # A filter: keep only civil society; fewer actors in view, and the map follows.
    everyone = _in_view(page)
    page.get_by_role("combobox", name="Sektorer").click()
    page.get_by_role("option", name="Civilsamhälle").click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "n => { const m = document.body.innerText.match(/Visas: ([\\d\\s,]+)/);"
        " return m && parseInt(m[1].replace(/[\\s,]/g, '')) < n; }",
        arg=everyone,
        timeout=TIMEOUT_MS,
    )
    assert _in_view(page) < everyone
    _go(page, server, "map", lang=1)
    assert 0 < _map_nodes(page) <= _in_view(page)
    _shot(page, artifacts / "dashboard-map-filtered-sv.png")

    assert page.external_requests == [], page.external_requests
    assert page.console_errors == [], page.console_errors
    assert not page.locator("[data-testid='stException']").count()
