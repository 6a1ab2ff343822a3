"""Uploading a CSV in a real browser, fitting it, and finding it on Compare extrapolations; the
copied link carries the runs to a colleague's browser."""

from __future__ import annotations

from lib.ingest import EXAMPLE_PATH
from tests.browser.conftest import screenshot

TIMEOUT_MS = 90_000


def test_upload_fit_and_compare(colleague, page, app_url):
    page.goto(f"{app_url}/my-runs")
    page.locator("input[type='file']").set_input_files(str(EXAMPLE_PATH))
    page.get_by_text('are available as the family "My runs"').wait_for(timeout=TIMEOUT_MS)
    screenshot(page, "my-runs")

    page.locator("[data-testid='stPageLink'] a", has_text="Fit").click()
    page.get_by_text("Converged").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function("() => window.location.search.includes('runs=v1.')", timeout=TIMEOUT_MS)
    assert "families=my_runs" in page.url
    screenshot(page, "my-runs-fit")

    page.locator("[data-testid='stPageLink'] a", has_text="Compare this fit's extrapolation").click()
    page.get_by_text("At the target").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(".js-plotly-plot .legendtext", timeout=TIMEOUT_MS)
    assert "chinchilla fit to my_runs" in page.locator(".js-plotly-plot .legendtext").all_text_contents()
    screenshot(page, "my-runs-compare")

    colleague.goto(page.url)
    try:
        colleague.get_by_text("At the target").first.wait_for(timeout=TIMEOUT_MS)
    finally:
        screenshot(colleague, "my-runs-colleague")
    colleague.wait_for_selector(".js-plotly-plot .legendtext", timeout=TIMEOUT_MS)
    assert "chinchilla fit to my_runs" in colleague.locator(".js-plotly-plot .legendtext").all_text_contents()
