"""How much of the field the store holds: the breadth targets, counted by `summary`."""

import pandas as pd
import pytest

from data.curate._common import sources_root
from lib.schema import DATA_DIR
from lib.store import Store


@pytest.fixture(scope="module")
def summary():
    store = Store()
    try:
        return store.summary()
    finally:
        store.close()


def test_the_store_spans_the_field(summary):
    assert summary["points"] >= 100_000
    assert summary["papers_with_points"] >= 30
    assert summary["domains_with_points"] >= 6
    assert summary["papers_with_laws"] >= 45
    assert summary["reading_list_papers"] >= 40
    assert summary["reading_list_size"] == 114


def test_points_span_domains_beyond_language(summary):
    by_domain = summary["points_by_domain"]
    assert {"language", "vision", "multimodal", "reinforcement_learning", "biology"} <= set(by_domain)
    assert sum(by_domain.values()) == summary["points"]


def test_reading_list_papers_are_matched_by_arxiv_id(summary):
    reading = pd.read_csv(DATA_DIR / "reading_list.csv", dtype=str)
    papers = pd.read_csv(DATA_DIR / "papers.csv", dtype=str)
    store = Store()
    try:
        with_data = set(store.papers().query("points > 0 or published_laws > 0")["paper_id"])
    finally:
        store.close()
    arxiv_with_data = set(papers[papers["paper_id"].isin(with_data)]["arxiv_id"].dropna())
    assert summary["reading_list_papers"] == reading["arxiv_id"].isin(arxiv_with_data).sum()


def test_the_reading_list_is_the_teams_list_as_curated():
    path = sources_root().parent / "reading-list.csv"
    if not path.exists():
        pytest.skip(f"the team's reading list is not beside this clone: {path}")
    raw = pd.read_csv(path, dtype=str)
    curated = pd.read_csv(DATA_DIR / "reading_list.csv", dtype=str)
    assert sorted(curated["title"]) == sorted(raw["title"])
    assert curated.set_index("title")["field"].to_dict() == raw.set_index("title")["domain"].to_dict()
