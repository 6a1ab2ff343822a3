"""Curated gzip runs (Pandey 2024, ColPret copy): against the raw file and invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_gzip"
RAW_FILE = Path("IBM+ColPret") / "raw_data" / "gzip" / "results_new.jsonl"

points, families, metrics = curated_fixtures(NAME)


def test_final_losses_are_the_last_logged_values(points):
    lines = raw_source(RAW_FILE).read_text().splitlines()
    for number in (1, 77, 150):
        run = json.loads(lines[number - 1])
        got = points[points["source_locator"].str.startswith(f"line {number} ")].set_index("metric")
        assert got.loc["train_loss", "value"] == run["train_loss"][-1]
        assert got.loc["gzip_pcfg_valid_loss", "value"] == run["valid_loss"][-1]
        assert got.loc["train_loss", "params"] == run["model_size"]
        assert got.loc["train_loss", "tokens"] == run["token_ct"]


def test_counts_and_keys(points, families):
    assert len(points) == 300
    assert len(families) == 5
    assert points.groupby("family_id")["run_id"].nunique().eq(30).all()
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()


def test_units_and_conventions(points, families):
    assert points["params"].between(4e6, 1.4e9).all()
    assert points["tokens"].between(9e4, 1e7).all()
    assert set(points["vocab_size"]) == {32001}
    assert set(families["param_convention"]) == {"with_embeddings"}
    gzip = pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")
    mean = gzip[gzip["input"] == "gzip_compressibility"]
    assert mean["value"].between(0.1, 0.62).all() and len(mean) == 150


def test_provenance_filled(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"pandey2024"}
