"""Sources and Benchmarks in a real browser: the benchmark chart draws points and a fitted
line, the Sources page shows a paper's BibTeX, and the sidebar's link opens the same view in a
new browser context."""

from __future__ import annotations

from tests.browser.conftest import copied_link, screenshot

PLOT_TIMEOUT_MS = 60_000
MARKERS = ".js-plotly-plot .scatterlayer .trace .points path"
LINES = ".js-plotly-plot .scatterlayer .trace .lines path"
PYTHIA = "/benchmarks?families=pythia&metric=acc_lambada_openai_0shot&x=C&checkpoints=all"
OPENLM_LOSS = (
    "/benchmarks?families=openlm_rw_m20,openlm_c4_m20,openlm_rpj_m20&metric=acc_arc_easy_10shot_llmfoundry"
    "&x=val_loss_openlm_eval&ceiling=perfect"
)


def drawn_markers(page) -> int:
    page.wait_for_selector(MARKERS, timeout=PLOT_TIMEOUT_MS)
    return page.locator(MARKERS).count()


def drawn_lines(page) -> int:
    """Line paths with a drawn length (an empty trace still has a path, with no segments)."""
    page.wait_for_selector(LINES, timeout=PLOT_TIMEOUT_MS)
    return page.locator(LINES).evaluate_all("paths => paths.filter(p => (p.getAttribute('d') || '').length > 20).length")


def test_benchmarks_default_view_draws_scores_and_the_fit_beyond_the_data(page, app_url):
    page.goto(f"{app_url}/benchmarks")
    assert drawn_markers(page) >= 30
    assert drawn_lines(page) >= 2  # the fit over the data, and dashed beyond it
    assert page.locator(".js-plotly-plot .annotation-text", has_text="beyond the data").count() == 1
    page.get_by_text("The fitted sigmoid").wait_for()
    screenshot(page, "benchmarks")


def test_benchmarks_against_a_loss_and_its_link_reopens_the_same_view(colleague, page, app_url):
    page.goto(f"{app_url}{OPENLM_LOSS}")
    markers = drawn_markers(page)
    assert markers == 18 and drawn_lines(page) >= 2
    link = copied_link(page, "fit=")
    assert "x=val_loss_openlm_eval" in link and "ceiling=perfect" in link
    screenshot(page, "benchmarks-loss")
    other = colleague
    other.goto(link)
    assert drawn_markers(other) == markers
    assert other.locator(".js-plotly-plot .xtitle").first.text_content().startswith("Val loss: OpenLM eval")
    assert other.get_by_role("combobox", name="Metric").input_value().endswith("(acc_arc_easy_10shot_llmfoundry)")
    assert other.get_by_role("radiogroup", name="Ceiling").get_by_role("radio", name="Perfect score").is_checked()


def test_benchmarks_pythia_checkpoints_against_compute(page, app_url):
    page.goto(f"{app_url}{PYTHIA}")
    assert drawn_markers(page) > 100
    assert drawn_lines(page) >= 2
    screenshot(page, "benchmarks-pythia")


def test_sources_shows_the_papers_bibtex_and_its_link_reopens_it(colleague, page, app_url):
    page.goto(f"{app_url}/sources?paper=hoffmann2022")
    page.get_by_text("@inproceedings{hoffmann2022,").wait_for(timeout=PLOT_TIMEOUT_MS)
    page.get_by_text("Published laws").first.wait_for()
    link = copied_link(page, "paper=")
    assert link.endswith("/sources?paper=hoffmann2022")
    screenshot(page, "sources")
    other = colleague
    other.goto(link)
    other.get_by_text("@inproceedings{hoffmann2022,").wait_for(timeout=PLOT_TIMEOUT_MS)
