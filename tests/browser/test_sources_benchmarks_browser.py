"""Sources and Benchmarks in a real browser: the benchmark chart draws points and a fitted
line, the Sources page shows a paper's BibTeX and offers the whole store as a download, and the
sidebar's link opens the same view in a new browser context."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile

import duckdb
from playwright.sync_api import expect

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


def test_the_release_downloads_from_sources_as_a_zip_whose_parquet_files_duckdb_reads(page, app_url, tmp_path):
    page.goto(f"{app_url}/sources")
    page.get_by_role("button", name="Prepare the release").click()
    download_button = page.get_by_role("button", name=re.compile("Download the Parquet release"))
    download_button.wait_for(timeout=PLOT_TIMEOUT_MS)
    expect(page.get_by_role("button", name="Prepare the release")).to_have_count(0)  # once the run ends
    shown_hash = page.get_by_text(re.compile("^SHA-256")).first.inner_text().split()[-1]
    with page.expect_download() as download:
        download_button.click()
    archive_path = tmp_path / download.value.suggested_filename
    download.value.save_as(archive_path)
    assert archive_path.name == "scaling-atlas-parquet.zip"
    assert hashlib.sha256(archive_path.read_bytes()).hexdigest() == shown_hash
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(tmp_path / "release")
    described = json.loads((tmp_path / "release" / "datapackage.json").read_text())
    with duckdb.connect() as con:
        for resource in described["resources"]:
            path = str(tmp_path / "release" / resource["path"])
            columns = [row[0] for row in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()]
            assert columns == [field["name"] for field in resource["schema"]["fields"]], resource["name"]
        points = str(tmp_path / "release" / "points.parquet")
        chinchilla = con.execute(
            "SELECT count(*) FROM read_parquet(?) WHERE family_id = 'chinchilla_epoch'", [points]
        ).fetchone()[0]
    assert chinchilla > 200
    screenshot(page, "sources-release")
