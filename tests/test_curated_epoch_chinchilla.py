"""Curated Chinchilla runs (Epoch extraction of Hoffmann et al. Fig. 4): against the raw file and invariants.

Also checks the staging papers file shared by the three 'sources_a' scripts.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, FLOPS_METHODS, PAPERS, PARAM_CONVENTIONS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "epoch_chinchilla"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("epoch-research+analyzing-chinchilla") / "data" / "svg_extracted_data.csv"
OWNED_PAPERS = {"hoffmann2022", "besiroglu2024", "dubey2024", "li2025", "shukor2025"}


points, families, metrics = curated_fixtures(NAME)


def raw_runs() -> pd.DataFrame:
    """The raw digitized runs (the tests using them skip where the raw sources are absent)."""
    return pd.read_csv(raw_source(RAW_FILE))


# ---------------------------------------------------------------- against the raw file


def test_first_run_matches_raw_row(points):
    raw = raw_runs()
    point = points[points["run_id"] == "row-001"].iloc[0]
    assert point["params"] == raw.loc[0, "Model Size"] == 6795600349.289497
    assert point["flops"] == raw.loc[0, "Training FLOP"] == 9.993852799709755e18
    assert point["value"] == raw.loc[0, "loss"] == 5.005581996196243
    assert point["tokens"] == raw.loc[0, "Training FLOP"] / (6 * raw.loc[0, "Model Size"])


def test_every_run_matches_its_raw_row(points):
    raw = raw_runs()
    ordered = points.assign(row=points["source_locator"].str.removeprefix("row ").astype(int)).sort_values("row")
    assert ordered["row"].tolist() == list(range(1, len(raw) + 1))
    assert ordered["params"].tolist() == raw["Model Size"].tolist()
    assert ordered["flops"].tolist() == raw["Training FLOP"].tolist()
    assert ordered["value"].tolist() == raw["loss"].tolist()


# ---------------------------------------------------------------- invariants


def test_all_245_runs_kept_with_unique_keys(points):
    assert len(points) == 245
    assert not points.duplicated(KEY).any()
    assert set(points["family_id"]) == {"chinchilla_epoch"}
    assert set(points["metric"]) == {"train_loss"}


def test_provenance_columns(points):
    assert set(points["paper_id"]) == {"hoffmann2022"}
    assert set(points["source_id"]) == {"epoch-research+analyzing-chinchilla"}
    assert set(points["source_file"]) == {"data/svg_extracted_data.csv"}
    assert set(points["extraction"]) == {"digitized_figure"} <= set(EXTRACTIONS)
    assert set(points["flops_method"]) <= set(FLOPS_METHODS)
    assert points[list(POINTS.required)].notna().all().all()


def test_units_are_absolute_and_tokens_recover_flops(points):
    # Counts, not millions / billions: the smallest run is ~57M parameters, budgets 1e18..1e22.
    assert points["params"].between(5e7, 2e10).all()
    assert points["flops"].between(1e18, 2e22).all()
    assert ((6 * points["params"] * points["tokens"] / points["flops"]) - 1).abs().max() < 1e-12


def test_largest_model_is_over_16b_as_the_abstract_says(points):
    # Hoffmann et al. abstract: "models ranging from 70 million to over 16 billion parameters".
    assert 1.6e10 < points["params"].max() < 1.7e10


def test_losses_within_declared_metric_bounds(points, metrics):
    bounds = metrics.set_index("metric").loc["train_loss"]
    assert points["value"].between(bounds["min_value"], bounds["max_value"]).all()
    assert points["value"].between(2.0, 5.1).all()


def test_family_row_is_complete(families):
    assert families["family_id"].tolist() == ["chinchilla_epoch"]
    assert families[list(FAMILIES.required)].notna().all().all()
    assert families.loc[0, "param_convention"] in PARAM_CONVENTIONS
    assert "Besiroglu" in families.loc[0, "description"]


def test_staged_papers_cover_the_owned_ids():
    staged = pd.read_csv(DATA_DIR / "papers.csv", dtype={"arxiv_id": str})
    assert list(staged.columns) == list(PAPERS.columns)
    assert OWNED_PAPERS <= set(staged["paper_id"])
    assert staged[list(PAPERS.required)].notna().all().all()
    on_arxiv = staged[staged["arxiv_id"].notna()]  # a bioRxiv or conference-only paper has its own URL
    assert (on_arxiv["url"] == "https://arxiv.org/abs/" + on_arxiv["arxiv_id"]).all()
    assert staged.set_index("paper_id").loc["hoffmann2022", "year"] == 2022
