"""A real `streamlit run` on a free localhost port, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from lib.schema import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited early: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer at {url} within {STARTUP_SECONDS} s")


def warm_up(url: str, browser) -> None:
    """Open the app once, so the first test does not wait for the store's build and the first
    run (test_cold_start_browser.py opens a fresh server without this)."""
    page = browser.new_page()
    page.goto(url)
    page.get_by_text("Scaling Atlas").first.wait_for(timeout=STARTUP_SECONDS * 1000)
    page.close()


@contextmanager
def streamlit_server(store: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port with its store at `store`: its URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "SCALING_ATLAS_DB": str(store)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, browser) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("store") / "store.duckdb") as url:
        warm_up(url, browser)
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (tests/install_and_run.sh does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def assert_no_page_not_found(page) -> None:
    """Streamlit's "Page not found" notice: a wrong URL, or a deep link on a server no session
    has run yet if Streamlit routed by the pages/ folder (app.py tells it not to)."""
    assert page.get_by_text("Page not found").count() == 0, f"'Page not found' shown at {page.url}"


def fresh_page(browser, width: int = 1400, height: int = 2200) -> Iterator:
    """A page in a browser context of its own (no shared session) at this viewport, checked for
    Streamlit's "Page not found" notice when the test is done."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield page
    assert_no_page_not_found(page)
    context.close()


page = pytest.fixture(fresh_page)


@pytest.fixture(params=[1280, 1920], ids=["1280px", "1920px"])
def sized_page(request, browser):
    """(page, width) at a laptop's and a desktop's width, for the screenshots a person looks at."""
    yield from ((page, request.param) for page in fresh_page(browser, request.param, 1600))
colleague = pytest.fixture(fresh_page)  # a second browser opening a link the first one copied


SIDEBAR_LINK = "[data-testid='stSidebar'] code"


def copied_link(page, written: str) -> str:
    """The sidebar's "Copy link" text, once it holds `written` (e.g. "x=N"): the URL bar changes
    as soon as the page writes its state, the sidebar's text only when the run reaches it."""
    page.wait_for_function(
        "([selector, text]) => { const codes = document.querySelectorAll(selector);"
        " return codes.length > 0 && codes[codes.length - 1].innerText.includes(text); }",
        arg=[SIDEBAR_LINK, written], timeout=STARTUP_SECONDS * 1000,
    )
    return page.locator(SIDEBAR_LINK).last.inner_text().strip()


def screenshot(page, name: str) -> Path:
    assert_no_page_not_found(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
