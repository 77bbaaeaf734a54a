"""Shared fixtures: bundled data paths and a headless Debian chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Screenshots and pages the browser tests save for a developer to look at.
ARTIFACTS = ROOT / "artifacts"

#: Flags for chromium on this closed network: no background traffic, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The network told by the five articles in shared/seeds (data/sample)."""
    return ROOT / "data" / "sample"


@pytest.fixture(scope="session")
def demo_path() -> Path:
    """The fictional demo region (data/demo-region), the dashboard's default."""
    return ROOT / "data" / "demo-region"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's chromium; the browser tests skip without it, except in CI."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("NETMAP_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (NETMAP_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """A headless chromium (Playwright) shared by the browser tests of one run."""
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and every request leaving the machine.

    ``page.console_errors`` and ``page.external_requests`` are lists the test can assert on.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.console_errors = []
    pg.external_requests = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))

    def _note(request):
        url = request.url
        local = url.startswith(("file:", "data:", "blob:", "about:")) or any(
            host in url for host in ("//127.0.0.1", "//localhost", "//[::1]")
        )
        if not local:
            pg.external_requests.append(url)

    pg.on("request", _note)
    yield pg
    context.close()


#: Real dated co-authorship data for back-testing (outside the repo; see its SOURCE.md).
INFORMETRICS = ROOT.parent / "shared" / "data" / "informetrics-coauthorship"


@pytest.fixture(scope="session")
def informetrics_network():
    """The informetrics co-authorship networks of 1990–2004 and 2005–2009 as netmap records.

    Each co-authorship tie becomes as many collaborations as its weight (joint papers),
    dated over its period (:func:`netmap.backtest.network_from_snapshots`); authors are
    people named and identified by their Pajek label.
    """
    if not INFORMETRICS.is_dir():
        pytest.skip(f"the informetrics data is not at {INFORMETRICS} (../shared/data)")
    from netmap.backtest import network_from_pajek

    return network_from_pajek(
        {
            ("1990-01-01", "2004-12-31"): INFORMETRICS / "inf1990-2004.net",
            ("2005-01-01", "2009-12-31"): INFORMETRICS / "inf2005-2009.net",
        }
    )
