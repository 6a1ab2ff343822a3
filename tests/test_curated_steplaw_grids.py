"""Curated Step Law LR x batch-size grids (step-law/steplaw): against the raw files and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "steplaw_grids"
KEY = ["family_id", "run_id", "step", "metric"]
RAW = Path("step-law+steplaw")
RAW_COLUMN = {"train_loss_final_steplaw": "loss", "train_loss_smoothed_steplaw": "smooth loss"}

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


@pytest.mark.parametrize("source_file", ["data/dense_lr_bs_loss.csv", "data/moe_lr_bs_loss.csv"])
def test_every_point_matches_its_raw_row(points, source_file):
    raw = pd.read_csv(raw_source(RAW / source_file))
    mine = points[points["source_file"] == source_file]
    rows = raw.iloc[mine["source_locator"].str.split().str[1].astype(int) - 2].reset_index(drop=True)
    assert (mine["run_id"].values == rows["exp_name"].values).all()
    assert mine["value"].tolist() == [row[RAW_COLUMN[m]] for m, (_, row) in zip(mine["metric"], rows.iterrows())]
    assert mine["learning_rate"].tolist() == rows["lr"].tolist()
    assert (mine["batch_size_tokens"].values == rows["bs"].values * 2048).all()
    assert (mine["tokens"].values == rows["D"].values).all()
    assert (mine["params_non_embedding"].values == rows["N"].values).all()
    assert len(mine) == 2 * len(raw)


def test_moe_flops_are_the_released_m_times_d(points):
    raw = pd.read_csv(raw_source(RAW / "data/moe_lr_bs_loss.csv"))
    mine = points[points["source_file"] == "data/moe_lr_bs_loss.csv"]
    rows = raw.iloc[mine["source_locator"].str.split().str[1].astype(int) - 2]
    assert (mine["flops"].values == rows["M"].values.astype(float) * rows["D"].values).all()
    assert (mine["experts"].values == rows["nume"].values).all()


def test_dense_flops_follow_fit_tool_rule(points, run_inputs):
    dense = points[points["family_id"].str.contains("_dense_")].drop_duplicates("run_id").set_index("run_id")
    shape = run_inputs.pivot(index="run_id", columns="input", values="value").loc[dense.index]
    per_token = 6 * (4 * shape["d_model"] + 3 * shape["ffn_hidden"] + 2 * 2048) * shape["layers"] * shape["d_model"]
    assert ((dense["flops"] / (per_token * dense["tokens"]) - 1).abs() < 1e-12).all()


def test_one_family_per_cell(points, families):
    assert len(families) == 33
    assert families["family_id"].str.contains("_dense_").sum() == 17
    cells = points.drop_duplicates("run_id").groupby("family_id")[["params_non_embedding", "tokens"]].nunique()
    assert (cells == 1).all().all()
    assert points["run_id"].nunique() == 1911 + 708


def test_keys_unique_and_provenance_filled(points):
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required) + ["source_id"]].notna().all().all()
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert set(points["flops_method"]) == {"derived"}


def test_units_and_conventions(points, families, metrics):
    assert (families["param_convention"] == "non_embedding").all()
    assert families[list(FAMILIES.required)].notna().all().all()
    assert points["params"].isna().all()
    assert points["params_non_embedding"].between(2e8, 2.2e9).all()
    assert points["tokens"].between(2e9, 1e11).all()
    assert points["learning_rate"].between(1e-5, 0.1).all()
    assert points["batch_size_tokens"].between(2048 * 16, 2048 * 8192).all()
    bounds = metrics.set_index("metric")
    for metric, values in points.groupby("metric")["value"]:
        assert values.between(bounds.loc[metric, "min_value"], bounds.loc[metric, "max_value"]).all()


def test_moe_active_params_kept_as_run_input(points, run_inputs):
    moe_runs = set(points.loc[points["family_id"].str.contains("_moe_"), "run_id"])
    active = run_inputs[run_inputs["input"] == "active_params_non_embedding"]
    assert set(active["run_id"]) == moe_runs
    assert sorted(active["value"].unique()) == [187973632, 232579072, 590436352, 1241270272]
