"""The Overview page in a real browser: it draws points, and a copied URL reproduces the view."""

from __future__ import annotations

from tests.browser.conftest import screenshot

PLOT_TIMEOUT_MS = 60_000


def drawn_markers(page) -> int:
    page.wait_for_selector(".js-plotly-plot .scatterlayer .trace .points path", timeout=PLOT_TIMEOUT_MS)
    return page.locator(".js-plotly-plot .scatterlayer .trace .points path").count()


def test_overview_draws_the_chinchilla_runs(page, app_url):
    page.goto(f"{app_url}/")  # the default page lives at the root; /overview would be "Page not found"
    assert drawn_markers(page) >= 200
    page.get_by_text("Published laws").first.wait_for()
    screenshot(page, "overview")


def test_a_copied_url_opens_the_same_view_in_a_new_browser(colleague, page, app_url):
    page.goto(f"{app_url}/?families=chinchilla_epoch&x=N&logy=0")
    markers = drawn_markers(page)
    page.wait_for_function("() => window.location.search.includes('metric=')")
    copied = page.url
    other = colleague
    other.goto(copied)
    assert drawn_markers(other) == markers
    assert other.locator(".js-plotly-plot .xtitle").first.text_content() == "Parameters N"
    screenshot(other, "overview-from-link")
