"""Checks of the curated Gemstones data (data/curate/gemstones.py), pandas only.

Part (a) compares curated values with the raw release and skips when the raw sources are absent;
part (b) checks invariants of the curated CSVs alone.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from lib import schema
from lib.schema import DATA_DIR
from tests.raw_sources import raw_source

POINTS = DATA_DIR / "points" / "gemstones.csv"
FAMILIES = DATA_DIR / "families" / "gemstones.csv"
METRICS = DATA_DIR / "metrics" / "gemstones.csv"
LAWS = DATA_DIR / "laws" / "mcleish2025.csv"
COEFFICIENTS = DATA_DIR / "coefficients" / "mcleish2025.csv"
TOKENS_PER_STEP = 2048 * 2048


def raw_release() -> Path:
    return raw_source("mcleish7+gemstone-scaling-laws")


@pytest.fixture(scope="module")
def points() -> pd.DataFrame:
    return pd.read_csv(POINTS)


@pytest.fixture(scope="module")
def coefficients() -> pd.DataFrame:
    return pd.read_csv(COEFFICIENTS)


def one(frame: pd.DataFrame, **where) -> pd.Series:
    selected = frame
    for column, value in where.items():
        selected = selected[selected[column] == value]
    assert len(selected) == 1, f"{len(selected)} rows for {where}"
    return selected.iloc[0]


# --------------------------------------------------------------------------- (a) against raw files


def test_hot_curve_point_matches_raw_line(points):
    lines = (raw_release() / "wandb_dfs/wandb_df_for_fitting_hot_100b+_477.jsonl").read_text().splitlines()
    final = [json.loads(line) for line in lines if '"PyGemma-1024x28_pretrain"' in line and '"step":83475,' in line]
    assert len(final) == 1
    row = one(points, family_id="gemstones_hot", run_id="gemstone-1024x28", step=83475, metric="train_loss_dolma")
    assert row["value"] == final[0]["final_loss"]
    assert row["params"] == final[0]["params_active_precise"]
    assert row["tokens"] == final[0]["tokens"]
    line_number = int(row["source_locator"].split()[1])
    assert json.loads(lines[line_number - 1]) == final[0]


def test_cooldown_end_point_matches_raw(points):
    raw = pd.read_json(raw_release() / "wandb_dfs/wandb_df_for_fitting_cool_end.jsonl", lines=True)
    expected = raw[(raw["run_name"] == "PyGemma-256x80_pretrain") & (raw["step"] == 26223)].iloc[0]
    row = one(points, family_id="gemstones_cool", run_id="gemstone-256x80-cooldown", step=26223)
    assert row["value"] == expected["final_loss"]
    assert row["params"] == expected["params_active_precise"]
    assert row["tokens"] == expected["tokens"]
    assert len(points[points["family_id"] == "gemstones_cool"]) == len(raw)


def test_dclm_loss_and_benchmark_match_raw(points):
    release = raw_release()
    dclm = json.loads((release / "other_validation_losses/dclm_losses/Gemstone-768x3.json").read_text())
    row = one(points, run_id="gemstone-768x3", step=83475, metric="val_loss_dclm")
    assert row["value"] == dclm["main"]
    bench = pd.read_parquet(release / "benchmarks/light_eval_df.parquet")
    row = one(points, run_id="gemstone-1024x28", step=2385, metric="acc_norm_hellaswag_0shot_lighteval")
    assert row["value"] == bench.loc["Gemstone-1024x28-step_00002385", "hellaswag"]


def test_approach_3_coefficients_are_exp_of_released_logs(coefficients):
    fit = json.loads((raw_release() / "parameters_delta-4/approach_3_parameters_grid_search_0_hot.json").read_text())
    law = coefficients[coefficients["law_id"] == "mcleish2025_a3_hot_delta4"].set_index("param")["value"]
    assert law["E"] == pytest.approx(math.exp(fit["irreducible_error"]["0"]), rel=1e-12)
    assert law["A"] == pytest.approx(math.exp(fit["coefficients"]["0"][0]), rel=1e-12)
    assert law["B"] == pytest.approx(math.exp(fit["coefficients"]["0"][1]), rel=1e-12)
    assert law["alpha"] == fit["exponents"]["0"][0]
    assert law["beta"] == fit["exponents"]["0"][1]


def test_every_released_chinchilla_fit_becomes_a_law():
    release = raw_release()
    released = [
        path
        for folder in ("parameters_delta-3", "parameters_delta-4")
        for path in (release / folder).glob("approach_3_parameters_grid_search_0_*.json")
    ]
    laws = pd.read_csv(LAWS)
    assert (laws["form"] == "chinchilla").sum() == len(released)


# --------------------------------------------------------------------------- (b) invariants


def test_point_keys_unique_and_columns_known(points):
    assert list(points.columns) == list(schema.POINTS.columns)
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()
    assert points["extraction"].eq("released_data").all()
    assert points["source_file"].notna().all() and points["source_locator"].notna().all()


def test_row_counts(points):
    per_family = points.groupby("family_id")["run_id"].nunique().to_dict()
    assert per_family == {"gemstones_hot": 22, "gemstones_cool": 20, "gemstones_lr_ablation": 20}
    hot_loss = points[(points["family_id"] == "gemstones_hot") & (points["metric"] == "train_loss_dolma")]
    per_run = hot_loss.groupby("run_id").size()
    assert per_run.nunique() == 1 and 60 <= per_run.iloc[0] <= 120  # subsampled, not the full 175
    assert len(points) < 60_000 and POINTS.stat().st_size < 8_000_000


def test_units_absolute(points):
    assert (points["tokens"] == points["step"] * TOKENS_PER_STEP).all()
    assert points["params"].between(4e7, 2.1e9).all()  # counts, not millions
    assert (points["params_non_embedding"] < points["params"]).all()
    # untied embedding + LM head: params - non-embedding = 2 x 50,304 x width; widths are multiples of 128
    assert ((points["params"] - points["params_non_embedding"]) % (2 * 50_304 * 128) == 0).all()
    assert points["flops"].isna().all()  # the paper's FLOP count is not 6ND and is not filled


def test_values_within_declared_metric_ranges(points):
    metrics = pd.read_csv(METRICS).set_index("metric")
    assert set(points["metric"]) <= set(metrics.index)
    bounds = metrics.loc[points["metric"]]
    assert (points["value"].to_numpy() >= bounds["min_value"].to_numpy()).all()
    assert (points["value"].to_numpy() <= bounds["max_value"].to_numpy()).all()
    accuracy = points[points["metric"].str.startswith("acc_")]
    assert accuracy["value"].between(0, 1).all()


def test_loss_decreases_along_a_hot_curve(points):
    curve = points[(points["run_id"] == "gemstone-2048x27") & (points["metric"] == "train_loss_dolma")]
    curve = curve[curve["family_id"] == "gemstones_hot"].sort_values("step")
    assert curve["value"].iloc[-1] < curve["value"].iloc[0] - 0.5


def test_known_model_size(points):
    # 1024 x 28: 28 blocks of 15,730,688 + final norm 1,024 = 440,460,288 without embeddings
    row = points[points["run_id"] == "gemstone-1024x28"].iloc[0]
    assert row["params"] == 543_482_880
    assert row["params_non_embedding"] == 440_460_288


def test_laws_use_registry_forms_and_names(coefficients):
    laws = pd.read_csv(LAWS)
    assert laws["law_id"].is_unique
    assert set(laws["form"]) == {"chinchilla", "allocation"}
    assert set(laws["extraction"]) == {"released_data"}
    assert laws["output"].isin(schema.LAW_OUTPUTS).all()
    assert laws["param_convention"].isin(schema.PARAM_CONVENTIONS).all()
    for law_id, form in laws.set_index("law_id")["form"].items():
        names = set(coefficients.loc[coefficients["law_id"] == law_id, "param"])
        assert names == set(schema.LAW_FORMS[form]), law_id
    assert set(coefficients["law_id"]) == set(laws["law_id"])


def test_headline_hot_law_is_plausible(coefficients):
    law = coefficients[coefficients["law_id"] == "mcleish2025_a3_hot_delta4"].set_index("param")["value"]
    assert 1.5 < law["E"] < 3.0 and 0.1 < law["alpha"] < 1.0 and 0.1 < law["beta"] < 1.0
    # predicted loss at the 350B-token 2B model is in the range of the measured losses
    predicted = law["E"] + law["A"] / 2.0e9 ** law["alpha"] + law["B"] / 3.5e11 ** law["beta"]
    assert 2.0 < predicted < 3.0


def test_families_complete():
    families = pd.read_csv(FAMILIES)
    assert families[list(schema.FAMILIES.required)].notna().all().all()
    assert set(families["data_unit"]) == {"tokens"}
    assert families["param_convention"].isin(schema.PARAM_CONVENTIONS).all()
