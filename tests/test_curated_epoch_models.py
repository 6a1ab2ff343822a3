"""Curated Epoch AI models database (data/models/epoch_models.csv): against the raw snapshot and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from data.curate.epoch_models import DOMAIN_MAP
from lib.schema import DATA_DIR, DATA_UNITS, DOMAINS, EXTRACTIONS, MODELS, PAPERS
from tests.raw_sources import raw_source

RAW_FILE = Path("epoch-research+training-cost-trends") / "data" / "All ML Systems - full view.csv"
NUMBERS = {"params": "Parameters", "flops": "Training compute (FLOP)",
           "dataset_size": "Training dataset size (datapoints)", "epochs": "Epochs"}


@pytest.fixture(scope="module")
def models() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "models" / "epoch_models.csv")


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    frame = pd.read_csv(raw_source(RAW_FILE))
    frame["record"] = range(1, len(frame) + 1)
    return frame


def record_of(models: pd.DataFrame) -> pd.Series:
    return models["source_locator"].str.extract(r"^record (\d+):")[0].astype(int)


# ---------------------------------------------------------------- against the raw file


def test_every_number_and_date_is_the_raw_rows(models, raw):
    joined = models.assign(record=record_of(models)).merge(raw, on="record", validate="one_to_one")
    assert len(joined) == len(raw) == 1892
    assert (joined["name"] == joined["Model"].str.strip()).all()
    assert (joined["publication_date"] == joined["Publication date"]).all()
    for column, raw_column in NUMBERS.items():
        same = (joined[column] == joined[raw_column]) | (joined[column].isna() & joined[raw_column].isna())
        assert same.all(), f"{column}: {joined.loc[~same, 'name'].tolist()[:5]}"
    confidence = (joined["confidence"] == joined["Confidence"]) | joined["Confidence"].isna()
    assert confidence.all()


def test_a_sample_row_read_by_hand(models):
    magistral = models.set_index("model_id").loc["magistral-small"]
    assert magistral["source_locator"] == "record 1: Magistral Small"
    assert magistral["params"] == 24e9 and magistral["epochs"] == 4.0
    assert pd.isna(magistral["flops"]) and pd.isna(magistral["dataset_size"])  # Epoch leaves them empty
    assert magistral["organization"] == "Mistral AI" and magistral["confidence"] == "Confident"
    assert magistral["url"] == "https://mistral.ai/news/magistral"


def test_dataset_unit_is_tokens_only_where_the_notes_say_tokens_and_not_words(models):
    by_name = models.set_index("name")
    assert by_name.loc["Qwen2.5-32B", "dataset_unit"] == "tokens"  # "18 trillion tokens"
    assert by_name.loc["Nemotron-4 340B", "dataset_unit"] == "datapoints"  # note converts tokens to 6.75T words
    assert by_name.loc["Nemotron-4 340B", "dataset_size"] == 6.75e12


# ---------------------------------------------------------------- invariants


def test_keys_and_required_columns(models):
    assert list(models.columns) == list(MODELS.columns)
    assert models["model_id"].is_unique
    assert models[list(MODELS.required)].notna().all().all()
    assert set(models["source_id"]) == {"epoch-research+training-cost-trends"}
    assert set(models["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert {"p-llama3", "p-llama3-2"} <= set(models["model_id"])  # the one repeated name, both rows kept


def test_domains_map_the_first_listed_epoch_domain(models):
    assert set(DOMAIN_MAP.values()) <= set(DOMAINS)
    assert set(models["domain"]) <= set(DOMAINS)
    listed = models.dropna(subset=["domains_listed"])
    first = listed["domains_listed"].str.split(",").str[0].map(DOMAIN_MAP)
    assert (first == listed["domain"]).all()
    assert (models.loc[models["domains_listed"].isna(), "domain"] == "other").all()
    assert (models["domain"] == "language").sum() == 883


def test_units_and_counts(models):
    assert set(models["dataset_unit"].dropna()) <= {"tokens", "datapoints"} <= set(DATA_UNITS)
    assert (models["dataset_unit"].notna() == models["dataset_size"].notna()).all()
    assert models[["params", "flops", "dataset_size"]].notna().all(axis=1).sum() == 717  # as the MANIFEST counts
    assert models["flops"].max() < 1e27 and models["params"].max() <= 1e14
    assert models["publication_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_notes_say_whose_compute_it_is(models):
    with_compute = models[models["flops"].notna()]
    assert with_compute["notes"].str.startswith("compute: ").all()
    assert models.loc[models["flops"].isna(), "notes"].fillna("").str.contains("compute").sum() == 0


def test_staged_paper_row():
    staged = pd.read_csv(DATA_DIR / "papers.csv", dtype={"arxiv_id": str})
    assert list(staged.columns) == list(PAPERS.columns)
    row = staged.set_index("paper_id").loc["cottier2024"]
    assert row["arxiv_id"] == "2405.21015" and row["year"] == 2024
    assert row["title"] == "The rising costs of training frontier AI models"
