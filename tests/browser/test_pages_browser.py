"""Explore, Fit, Compare extrapolations and Compute-optimal in a real browser: each chart draws
points and lines, and a copied link opens the same families, law and coefficients elsewhere."""

from __future__ import annotations

import re

from tests.browser.conftest import copied_link, screenshot

PLOT_TIMEOUT_MS = 90_000
MARKERS = ".js-plotly-plot .scatterlayer .trace .points path"
LINES = ".js-plotly-plot .scatterlayer .trace .lines path"


def wait_for_charts(page, count: int = 1) -> None:
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot').length >= {count}", timeout=PLOT_TIMEOUT_MS
    )
    page.wait_for_selector(MARKERS, timeout=PLOT_TIMEOUT_MS)


def drawn_lines(page) -> int:
    """Line paths with a real drawn length (an empty trace has a path with no 'd' segments)."""
    return page.locator(LINES).evaluate_all("paths => paths.filter(p => (p.getAttribute('d') || '').length > 20).length")


def coefficient_cells(page) -> str:
    """The coefficient table's text, as the browser renders it (a canvas grid, so read via aria)."""
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=PLOT_TIMEOUT_MS)
    return page.locator("[data-testid='stDataFrame']").first.inner_text()


def x_title(page) -> str:
    return page.locator(".js-plotly-plot .xtitle").first.text_content()


def test_explore_draws_overtrained_families_and_a_changed_axis_travels_in_the_link(colleague, page, app_url):
    page.goto(f"{app_url}/explore?families=openlm_rw_m5,openlm_rw_m640&metric=val_loss_c4_eval&x=C")
    wait_for_charts(page)
    markers = page.locator(MARKERS).count()
    assert markers >= 6
    assert x_title(page) == "Training FLOPs C"
    ticks = page.locator(".js-plotly-plot .xtick text").all_text_contents()
    assert any(re.fullmatch(r"1e\d\d", t) for t in ticks), ticks
    screenshot(page, "explore")
    page.get_by_role("combobox", name="x axis").click()
    page.get_by_role("option", name="Parameters N", exact=True).click()
    page.wait_for_function("() => document.querySelector('.js-plotly-plot .xtitle').textContent.startsWith('Parameters')")
    link = copied_link(page, "x=N")
    other = colleague
    other.goto(link)
    wait_for_charts(other)
    assert x_title(other) == x_title(page)
    assert other.locator(MARKERS).count() == page.locator(MARKERS).count()


def test_fit_draws_points_curve_and_band_and_the_link_reproduces_it(colleague, page, app_url):
    page.goto(f"{app_url}/fit?families=chinchilla_epoch&law=chinchilla&top=5&boot=50")
    wait_for_charts(page, 2)
    page.get_by_text("Converged").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    assert page.locator(MARKERS).count() >= 200
    assert drawn_lines(page) >= 1
    captions = page.locator("[data-testid='stCaptionContainer']")  # the published law named under the table
    captions.get_by_text("hoffmann2022_approach3", exact=False).first.wait_for(timeout=PLOT_TIMEOUT_MS)
    latex = page.locator(".katex").all_text_contents()
    screenshot(page, "fit")
    copied = page.url
    other = colleague
    other.goto(copied)
    wait_for_charts(other, 2)
    other.get_by_text("Converged").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    assert other.locator(".katex").all_text_contents() == latex  # same law, same fitted coefficients
    assert "chinchilla_epoch" in other.url and "top=5" in other.url


def test_compare_overlays_fits_and_published_laws_to_the_target(colleague, page, app_url):
    page.goto(f"{app_url}/compare?laws=kaplan2020_L_ND,besiroglu2024_approach3&fitfam=chinchilla_epoch"
              "&fitlaws=chinchilla&boot=0&target=1e25")
    wait_for_charts(page) if page.locator(MARKERS).count() else page.wait_for_selector(LINES, timeout=PLOT_TIMEOUT_MS)
    page.get_by_text("Spread between laws").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    assert drawn_lines(page) >= 3
    screenshot(page, "compare")
    assert "beyond every fit's data" in page.locator(".js-plotly-plot .annotation-text").all_text_contents()
    screenshot(page, "compare")
    other = colleague
    other.goto(page.url)
    other.get_by_text("Spread between laws").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    spread = page.locator("[data-testid='stMetricValue']").first.inner_text()
    assert other.locator("[data-testid='stMetricValue']").first.inner_text() == spread


def test_compute_optimal_draws_allocation_lines_and_isoflop_profiles_and_the_link_reopens_them(colleague, page, app_url):
    page.goto(f"{app_url}/compute-optimal?laws=kaplan2020_N_opt,besiroglu2024_approach3&mode=C&value=1e24")
    wait_for_charts(page, 2)
    assert drawn_lines(page) >= 2
    assert page.locator(MARKERS).count() >= 50  # the IsoFLOP runs
    screenshot(page, "compute-optimal")
    page.get_by_role("radiogroup", name="Allocation line").get_by_text("tokens D_opt(C)").click()
    page.get_by_text("Compute-optimal tokens D_opt").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    link = copied_link(page, "line=D_opt")
    other = colleague
    other.goto(link)
    wait_for_charts(other, 2)
    other.get_by_text("Compute-optimal tokens D_opt").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    allocation = page.locator("[data-testid='stDataFrame']").first.inner_text()
    assert other.locator("[data-testid='stDataFrame']").first.inner_text() == allocation
