"""The Sources page, driven through Streamlit's AppTest."""

from __future__ import annotations

import io
import json
import zipfile

from streamlit.testing.v1 import AppTest

from lib.bibtex import bibtex
from lib.store import Store
from lib.store.export import parquet_release_zip
from tests.pages import open_page
from ui import release_cache
from ui.text import plain


def table_with(app: AppTest, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_without_a_choice_every_paper_is_listed_with_its_counts():
    app = open_page("sources_page")
    assert not app.exception
    papers = Store().papers()
    listed = table_with(app, "published_laws")
    assert sorted(listed["paper_id"]) == sorted(papers["paper_id"])
    assert listed.set_index("paper_id").loc["hoffmann2022", "points"] == papers.set_index("paper_id").loc["hoffmann2022", "points"]
    assert any("Choose a paper" in info.value for info in app.info)
    assert not app.code


def test_the_chosen_paper_shows_its_bibtex_laws_and_sources():
    app = open_page("sources_page", paper="hoffmann2022")
    assert not app.exception
    store = Store()
    papers = store.papers()
    assert app.selectbox(key="widget_paper").value == "hoffmann2022"
    # st.code drops the entry's final newline
    assert app.code[0].value == bibtex(papers[papers["paper_id"] == "hoffmann2022"].iloc[0]).strip()
    laws = table_with(app, "completeness")
    assert sorted(laws["law_id"]) == sorted(store.published_laws(paper_id="hoffmann2022")["law_id"])
    approach3 = laws.set_index("law_id").loc["hoffmann2022_approach3"]
    assert approach3["form"] == "chinchilla" and approach3["x_var"] == "N,D"
    assert "alpha = 0.3" in approach3["coefficients"]
    sources = table_with(app, "repository")
    assert "https://github.com/epoch-research/analyzing-chinchilla" in set(sources["repository"])
    families = table_with(app, "family_id")
    assert "chinchilla_epoch" in set(families["family_id"])


def test_a_paper_with_laws_but_no_runs_says_so():
    app = open_page("sources_page", paper="kaplan2020")
    assert not app.exception
    assert any("holds no runs from this paper" in caption.value for caption in app.caption)
    assert len(table_with(app, "completeness")) == len(Store().published_laws(paper_id="kaplan2020"))


def test_an_unknown_paper_in_the_link_is_named_and_the_rest_opens():
    app = open_page("sources_page", paper="not_a_paper")
    assert not app.exception
    assert any(plain("not_a_paper") in warning.value for warning in app.warning)
    assert len(table_with(app, "published_laws")) == len(Store().papers())
    assert "paper" not in app.query_params


def test_choosing_a_paper_writes_it_to_the_url():
    app = open_page("sources_page")
    app.selectbox(key="widget_paper").set_value("biderman2023").run()
    assert not app.exception
    assert app.query_params["paper"] == "biderman2023"
    assert "@inproceedings{biderman2023," in app.code[0].value  # ICML 2023


def test_the_bibtex_of_all_papers_can_be_downloaded():
    app = open_page("sources_page")
    assert any(button.proto.label == "Download BibTeX of all papers" for button in app.get("download_button"))


def test_the_release_is_prepared_on_demand_and_offered_with_its_size_and_hash():
    app = open_page("sources_page")
    assert [b.proto.label for b in app.get("download_button")] == ["Download BibTeX of all papers"]  # nothing built yet
    app.button(key="prepare_release").click().run()
    assert not app.exception
    assert "prepare_release" not in [button.key for button in app.button]  # the downloads take its place
    release_zip, release_duckdb = release_cache.parquet_zip(), release_cache.duckdb_file()  # what the page built
    labels = [b.proto.label for b in app.get("download_button")]
    assert f"Download the Parquet release (zip), {release_zip.size_label}" in labels
    assert f"Download the DuckDB file, {release_duckdb.size_label}" in labels
    hashes = [caption.value for caption in app.caption if caption.value.startswith("SHA-256")]
    assert hashes == [f"SHA-256 `{release_zip.sha256}`", f"SHA-256 `{release_duckdb.sha256}`"]
    assert release_zip.sha256 == parquet_release_zip().sha256  # the same store gives the same zip
    with zipfile.ZipFile(io.BytesIO(release_zip.data)) as archive:
        names = set(archive.namelist())
        described = json.loads(archive.read("datapackage.json"))
    assert {"datapackage.json", "README.md", "points.parquet", "laws.parquet", "coefficients.parquet"} <= names
    assert {resource["path"] for resource in described["resources"]} == names - {"datapackage.json", "README.md"}
    app.selectbox(key="widget_paper").set_value("hoffmann2022").run()  # the downloads stay through later runs
    assert not app.exception
    assert len(app.get("download_button")) == 3
