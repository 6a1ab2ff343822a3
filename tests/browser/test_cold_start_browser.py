"""A shared link opened as the very first request of a freshly started server (a hosted app
woken by its first visitor) opens its page cleanly: no "Page not found" notice, the page's own
title and the view the link asks for."""

from __future__ import annotations

import pytest

from tests.browser.conftest import STARTUP_SECONDS, assert_no_page_not_found, streamlit_server

DEEP_LINKS = {
    "/fit?families=chinchilla_epoch": "Fit",
    "/compare?laws=hoffmann2022_approach3&fitfam=&target=1e25": "Compare extrapolations",
    "/reproductions": "Reproductions",
}


@pytest.fixture
def cold_url(tmp_path):
    """A server no browser has opened yet (unlike `app_url`, which warms its server up)."""
    with streamlit_server(tmp_path / "store.duckdb") as url:
        yield url


@pytest.mark.parametrize("link, title", DEEP_LINKS.items(), ids=list(DEEP_LINKS.values()))
def test_a_deep_link_as_first_request_opens_its_page_cleanly(browser, cold_url, link, title):
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    page = context.new_page()
    try:
        page.goto(cold_url + link)
        page.get_by_role("heading", name=title, exact=True).wait_for(timeout=STARTUP_SECONDS * 1000)
        # The notice, when it comes, comes before the page's first element: a second's grace for the browser to draw it.
        page.wait_for_timeout(1000)
        assert_no_page_not_found(page)
        assert page.url.startswith(cold_url + link.split("?")[0])
    finally:
        context.close()
