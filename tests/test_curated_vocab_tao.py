"""Curated Tao et al. 2024 vocabulary sweep (sail-sg/scaling-with-vocab exp_data.csv): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "vocab_tao"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("sail-sg+scaling-with-vocab") / "exp_data.csv"

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def raw_row(points: pd.DataFrame, run_id: str) -> tuple[pd.Series, pd.Series]:
    raw = pd.read_csv(raw_source(RAW_FILE))
    point = points.set_index("run_id").loc[run_id]
    line = int(point["source_locator"].split()[1])
    return point, raw.iloc[line - 2]


@pytest.mark.parametrize("run_id", ["nnv33M-V4096-h01", "nnv1130M-V96256-h20", "nnv316M-V32768-h07"])
def test_sample_points_match_raw_rows(points, run_id):
    point, raw = raw_row(points, run_id)
    assert point["value"] == raw["Lossu"]
    assert point["flops"] == raw["FLOPs"]
    assert point["tokens"] == raw["num_characters"]
    assert point["vocab_size"] == raw["vocab_size"]
    assert point["params_non_embedding"] == raw["Non_vocab_parameters"]
    assert point["params"] == raw["Non_vocab_parameters"] + raw["vocab_size"] * raw["embed_dim"]


def test_every_raw_row_is_one_point(points):
    raw = pd.read_csv(raw_source(RAW_FILE))
    lines = points["source_locator"].str.split().str[1].astype(int)
    assert sorted(lines) == list(range(2, len(raw) + 2))
    assert sorted(points["value"]) == sorted(raw["Lossu"])


def test_counts_per_family(points, families):
    assert len(points) == 1200
    assert points.groupby("family_id").size().tolist() == [200] * 6
    assert set(families["family_id"]) == set(points["family_id"])
    assert (points.groupby("family_id")["vocab_size"].nunique() == 10).all()


def test_keys_unique_and_provenance_filled(points):
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required) + ["source_id"]].notna().all().all()
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert set(points["flops_method"]) == {"reported"}


def test_units_and_conventions(points, families, metrics):
    assert (families["data_unit"] == "characters").all()
    assert (families["param_convention"] == "non_embedding").all()
    assert families[list(FAMILIES.required)].notna().all().all()
    assert points["tokens"].min() > 1e8 and points["params_non_embedding"].min() > 3e7
    assert (points["params"] > points["params_non_embedding"]).all()
    # Lossu is negative: the declared range must admit every value.
    bounds = metrics.set_index("metric").loc["loss_unigram_normalized_slimpajama"]
    assert bounds["max_value"] > 0 > points["value"].max()
    assert points["value"].between(bounds["min_value"], bounds["max_value"]).all()


def test_checkpoints_are_multiples_of_the_first(points):
    run = points["run_id"].str.rsplit("-h", n=1).str[0]
    k = points["run_id"].str.rsplit("-h", n=1).str[1].astype(int)
    first = points["tokens"].groupby(run).transform("min")
    assert ((points["tokens"] / first - k).abs() < 1e-6).all()


def test_embed_dim_run_input_for_every_point(points, run_inputs):
    assert set(run_inputs["run_id"]) == set(points["run_id"])
    assert set(run_inputs["input"]) == {"embed_dim"}
    assert set(run_inputs["value"]) == {512, 768, 1024, 1536, 2048}
