"""Explore, Fit, Compare extrapolations and Compute-optimal at a laptop's, a large laptop's and a
desktop's width: no control, chip or table is cut off at the right. At 1440 px the multiselects
beside another control showed one chip and hid the rest, and Fit's published-value and difference
columns and Compare's C column and notes were cut off (issue 11 item 12). A screenshot of each
lands in tests/artifacts for a person to look at."""

from __future__ import annotations

import pytest

from tests.browser.conftest import fresh_page, screenshot

WIDTHS = (1280, 1440, 1920)
RENDER_TIMEOUT_MS = 120_000
# Each page's view with its widest content (several families, two published laws beside a fit,
# a target given as a model), and the last thing the page draws.
VIEWS = {
    "explore": ("/explore?families=chinchilla_epoch,pythia_deduped,openlm_rw_m5,openlm_rw_m640", "Download these points"),
    "fit": ("/fit?families=chinchilla_epoch&law=chinchilla&boot=50", "Coefficients (CSV)"),
    "compare": ("/compare?laws=kaplan2020_L_ND,hoffmann2022_approach3,besiroglu2024_approach3&fitfam=chinchilla_epoch"
                "&fitlaws=chinchilla&boot=0&target=70B%20%2F%201.4T", "Predictions (CSV)"),
    "compute-optimal": ("/compute-optimal", "Approach 2 on these runs"),
}
# Explore's table holds every column of the points (17): it scrolls sideways by design.
SCROLLING_TABLES = {"explore"}

# Every visible element of the page's main area that hides content past its right edge: a chip
# row scrolling sideways, a chip or a segmented control cut short, a table wider than its frame
# (its scroller), a formula. Elements 2 px wide or less are screen-reader text (KaTeX's MathML,
# icon labels), and 4 px of overflow is KaTeX's and the browser's rounding.
CUT_OFF = """
([skipTables, tolerance]) => {
  const main = document.querySelector("[data-testid='stMain']");
  const cut = [];
  for (const element of main.querySelectorAll("*")) {
    if (element.clientWidth <= 2 || element.offsetParent === null) continue;
    if (skipTables && element.closest("[data-testid='stDataFrame']")) continue;
    if (getComputedStyle(element).overflowX === "visible") continue;
    if (element.scrollWidth - element.clientWidth > tolerance) {
      const named = element.closest("[data-testid]");
      cut.push([named ? named.getAttribute("data-testid") : element.tagName,
                (element.innerText || element.value || "").slice(0, 60), element.scrollWidth, element.clientWidth]);
    }
  }
  return cut;
}
"""


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def sized_page(request, browser):
    yield from ((page, request.param) for page in fresh_page(browser, request.param, 3000))  # tall: the whole page in a shot


@pytest.mark.parametrize("view", list(VIEWS))
def test_nothing_on_the_page_is_cut_off_at_the_right(sized_page, app_url, view):
    page, width = sized_page
    path, last = VIEWS[view]
    page.goto(f"{app_url}{path}")
    page.get_by_text(last).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.wait_for_timeout(1_000)  # the tables and chips take their widths after the last element arrives
    screenshot(page, f"width-{view}-{width}")
    main = page.evaluate("() => { const m = document.querySelector(\"[data-testid='stMain']\");"
                         " return [m.scrollWidth, m.clientWidth]; }")
    assert main[0] <= main[1], f"the page scrolls sideways: {main}"
    assert page.evaluate(CUT_OFF, [view in SCROLLING_TABLES, 4]) == []
