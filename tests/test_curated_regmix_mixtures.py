"""Curated RegMix data-mixture runs (sail-sg/regmix): against the raw files and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "regmix_mixtures"
KEY = ["family_id", "run_id", "step", "metric"]
RAW = Path("sail-sg+regmix")

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


@pytest.mark.parametrize(
    "family_id,loss_file",
    [
        ("liu2024_regmix_1m", "data/train_pile_loss_1m.csv"),
        ("liu2024_regmix_1m", "data/test_pile_loss_1m.csv"),
        ("liu2024_regmix_60m", "data/test_pile_loss_60m.csv"),
        ("liu2024_regmix_1b", "data/test_pile_loss_1B.csv"),
    ],
)
def test_losses_match_raw_file(points, family_id, loss_file):
    raw = pd.read_csv(raw_source(RAW / loss_file)).set_index("index")
    mine = points[(points["family_id"] == family_id) & (points["source_file"] == loss_file)]
    assert len(mine) == raw.size
    for _, point in mine.sample(50, random_state=0).iterrows():
        index = int(point["run_id"].split("-")[1])
        domain = point["metric"].removeprefix("val_loss_pile_").removesuffix("_regmix")
        assert point["value"] == raw.loc[index, f"metric/the_pile_{domain}_val_loss"]


def test_mixture_weights_match_raw_file(run_inputs):
    raw = pd.read_csv(raw_source(RAW / "data/test_mixture_60m.csv")).set_index("index")
    mine = run_inputs[(run_inputs["family_id"] == "liu2024_regmix_60m") & (run_inputs["unit"] == "fraction of sampled tokens")]
    assert len(mine) == raw.size == 256 * 17
    for _, row in mine.iterrows():
        assert row["value"] == raw.loc[int(row["run_id"].split("-")[1]), f"train_the_pile_{row['input']}"]


def test_counts_per_family(points, families):
    runs = points.groupby("family_id")["run_id"].nunique().to_dict()
    assert runs == {"liu2024_regmix_1m": 768, "liu2024_regmix_60m": 256, "liu2024_regmix_1b": 64}
    assert (points.groupby(["family_id", "run_id"]).size() == 13).all()
    assert set(families["family_id"]) == set(runs)


def test_weights_sum_to_one_and_split_flag(run_inputs):
    weights = run_inputs[run_inputs["unit"] == "fraction of sampled tokens"]
    assert weights["input"].nunique() == 17
    sums = weights.groupby(["family_id", "run_id"])["value"].sum()
    assert ((sums - 1).abs() <= 0.004 + 1e-9).all()  # weights rounded to 3 decimals
    flag = run_inputs[run_inputs["input"] == "in_regression_fit_set"]
    assert flag.groupby("family_id")["value"].sum().to_dict() == {
        "liu2024_regmix_1b": 0,
        "liu2024_regmix_1m": 512,
        "liu2024_regmix_60m": 0,
    }


def test_keys_unique_and_provenance_filled(points):
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required) + ["source_id"]].notna().all().all()
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)


def test_units_and_conventions(points, families, metrics):
    assert families[list(FAMILIES.required)].notna().all().all()
    assert points["params"].isna().all() and points["flops"].isna().all()
    tokens = points.groupby("family_id")["tokens"].unique().map(list).to_dict()
    assert tokens == {
        "liu2024_regmix_1b": [25_000 * 512 * 2048],
        "liu2024_regmix_1m": [512_000 * 2048],
        "liu2024_regmix_60m": [1e9],
    }
    assert len(metrics) == 13 and set(metrics["metric"]) == set(points["metric"])
    assert points["value"].between(0.5, 9.0).all()
