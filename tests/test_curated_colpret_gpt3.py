"""Curated GPT-3 curves (Brown et al. 2020, Fig. 4.1, ColPret digitisation): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import EXTRACTIONS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_gpt3"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("IBM+ColPret") / "raw_data" / "gpt3" / "extracted.csv"

points, families, metrics = curated_fixtures(NAME)


def test_every_filled_cell_is_a_point_with_its_raw_value(points):
    raw = pd.read_csv(raw_source(RAW_FILE))
    raw["row"] = range(1, len(raw) + 1)
    for column, metric in (("train_loss", "train_loss"), ("val_loss", "gpt3_val_loss")):
        expected = raw[raw[column].notna()].set_index("row")
        got = points[points["metric"] == metric].set_index("step").sort_index()
        assert got.index.tolist() == expected.index.tolist()
        assert got["value"].tolist() == expected[column].tolist()
        assert (got["tokens"] == (expected["step"] * 1e9).round()).all()
        assert (got["run_id"] == "gpt3-" + expected["model"]).all()


def test_sample_row_matches_by_hand(points):
    # Row 1 of the file: small, 11.66757962 (billions of tokens), train_loss 3.479039818.
    point = points[(points["step"] == 1) & (points["metric"] == "train_loss")].iloc[0]
    assert point["run_id"] == "gpt3-small"
    assert point["tokens"] == 11667579620
    assert point["value"] == 3.479039818
    assert point["params"] == 125e6 and point["batch_size_tokens"] == 0.5e6 and point["learning_rate"] == 6.0e-4


def test_counts_and_keys(points):
    assert len(points) == 12097
    assert not points.duplicated(KEY).any()
    assert points.groupby("metric").size().to_dict() == {"gpt3_val_loss": 6506, "train_loss": 5591}
    assert points["run_id"].nunique() == 8


def test_table_2_1_sizes_are_absolute_counts(points):
    sizes = points.groupby("run_id")["params"].first()
    assert sizes["gpt3-175b"] == 175e9 and sizes["gpt3-xl"] == 1.3e9 and sizes["gpt3-13b"] == 13e9
    assert points["tokens"].between(9e9, 3.01e11).all()  # the figure spans 0 to 300B tokens
    assert points["value"].between(1.5, 3.6).all()


def test_provenance_filled(points, families, metrics):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["extraction"]) == {"digitized_figure"} <= set(EXTRACTIONS)
    assert set(points["source_id"]) == {"IBM+ColPret"} and set(points["paper_id"]) == {"brown2020"}
    assert "ColPret" in families.loc[0, "description"] and "Table 2.1" in families.loc[0, "description"]
    assert set(metrics["metric"]) == {"train_loss", "gpt3_val_loss"}
