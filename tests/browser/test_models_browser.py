"""The Models page in a real browser at a laptop's and a desktop's width: the landscape draws
the public models (and an overlaid family as diamonds), the table of models is shown, and a
screenshot of each is saved for a person to look at."""

from __future__ import annotations

from tests.browser.conftest import screenshot

PLOT_TIMEOUT_MS = 60_000
MARKERS = ".js-plotly-plot .scatterlayer .trace .points path"
OVERLAY = "/models?overlay=chinchilla_epoch&x=flops&y=params"


def drawn_markers(page) -> int:
    page.wait_for_selector(MARKERS, timeout=PLOT_TIMEOUT_MS)
    return page.locator(MARKERS).count()


def test_models_landscape_with_an_overlaid_family(sized_page, app_url):
    page, width = sized_page
    page.goto(f"{app_url}{OVERLAY}")
    assert drawn_markers(page) > 800  # the ~870 models with parameters and compute, and 245 Chinchilla runs
    page.get_by_text("models drawn", exact=False).first.wait_for()
    table = page.locator("[data-testid='stDataFrame'] >> visible=true").first  # the others sit in a closed expander
    table.wait_for()
    box = table.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width  # the table is not cut off at the right
    screenshot(page, f"models-{width}")
