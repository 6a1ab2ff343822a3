"""The Reproductions and Backtest pages in a real browser at a laptop's and a desktop's width: the
verdict chart and table, one law's coefficients, the leaderboard and one family's backtest chart
draw, nothing is cut off at the right, and a screenshot of each is saved for a person to look at."""

from __future__ import annotations

from tests.browser.conftest import copied_link, screenshot

PLOT_TIMEOUT_MS = 60_000
BARS = ".js-plotly-plot .barlayer .trace path"
MARKERS = ".js-plotly-plot .scatterlayer .trace .points path"


def visible_tables_fit(page, width: int) -> None:
    tables = page.locator("[data-testid='stDataFrame'] >> visible=true")
    tables.first.wait_for()
    for index in range(tables.count()):
        box = tables.nth(index).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, f"table {index} is cut off"


def test_reproductions_page_draws_the_verdicts_and_one_law(sized_page, app_url):
    page, width = sized_page
    page.goto(f"{app_url}/reproductions?law=besiroglu2024_approach3")
    page.wait_for_selector(BARS, timeout=PLOT_TIMEOUT_MS)
    assert page.locator(BARS).count() >= 4  # one bar per verdict received
    markdown = page.locator("[data-testid='stMarkdown']")  # the one law's verdict, not the table's hidden cell
    markdown.get_by_text("reproduces: all 5 printed coefficients", exact=False).first.wait_for(timeout=PLOT_TIMEOUT_MS)
    visible_tables_fit(page, width)
    screenshot(page, f"reproductions-{width}")


def test_backtest_page_draws_the_leaderboard_and_a_family(sized_page, app_url):
    page, width = sized_page
    page.goto(f"{app_url}/backtest?family=chinchilla_epoch")
    page.wait_for_selector(MARKERS, timeout=PLOT_TIMEOUT_MS)
    page.get_by_text("held out (the top third", exact=False).first.wait_for(timeout=PLOT_TIMEOUT_MS)
    assert page.locator(MARKERS).count() > 245  # the family's runs and the forms' predictions
    visible_tables_fit(page, width)
    screenshot(page, f"backtest-{width}")


def test_a_widget_bound_to_the_url_keeps_its_value_in_the_address_and_the_copy_link(page, colleague, app_url):
    """Backtest's method radio is bound with bind="query-params": Streamlit's front end, not the
    page, writes it to the address, and the page's own writes (family) keep it there."""
    page.goto(f"{app_url}/backtest?family=chinchilla_epoch")
    page.wait_for_selector(MARKERS, timeout=PLOT_TIMEOUT_MS)
    page.get_by_role("radiogroup", name="Method drawn").get_by_text("least squares, linear").click()
    link = copied_link(page, "method=least+squares")
    page.wait_for_function("() => window.location.search.includes('method=least+squares')", timeout=PLOT_TIMEOUT_MS)
    assert "family=chinchilla_epoch" in page.url and "family=chinchilla_epoch" in link
    colleague.goto(link)
    colleague.wait_for_selector(MARKERS, timeout=PLOT_TIMEOUT_MS)
    chosen = colleague.get_by_role("radiogroup", name="Method drawn").get_by_role("radio", name="least squares, linear")
    assert chosen.is_checked()
