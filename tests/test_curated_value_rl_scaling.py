"""Curated value-based RL scaling (Fu et al. 2025): against the raw exports and invariants."""

from __future__ import annotations

import pandas as pd

from lib.schema import DATA_DIR, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "value_rl_scaling"
FITS = "prestonfu+model_scaling/scripts/experiments/saved_fits"
COUNTS = {"fu2025_bro_dmc": 20, "fu2025_bro_dog_humanoid": 16, "fu2025_simbav2_h1-crawl-v0": 16, "fu2025_simbav2_h1-stand-v0": 16}

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def test_dmc_points_match_raw(points):
    raw = pd.read_csv(raw_source(f"{FITS}/dmc_last_threshold_250522.csv"))
    dmc = points[points["family_id"] == "fu2025_bro_dmc"].set_index("run_id")
    for utd, params, time in zip(raw["utd"], raw["critic_params"], raw["time"]):
        point = dmc.loc[f"utd{utd:g}-N{params}"]
        assert point["value"] == time and point["params"] == params
    assert dmc.loc["utd1-N1050000", "value"] == 1141500.0


def test_simba_points_match_raw_and_thresholds(points):
    raw = pd.read_csv(raw_source(f"{FITS}/simba_250823.csv"))
    crawl = points[points["family_id"] == "fu2025_simbav2_h1-crawl-v0"].set_index("run_id")
    assert crawl.loc["utd1-N604362", "value"] == raw.loc[0, "time_to_threshold"] == 880000.0
    thresholds = run_inputs().query("input == 'return_threshold'").groupby("family_id")["value"].unique()
    assert thresholds.to_dict() == {"fu2025_simbav2_h1-crawl-v0": [450], "fu2025_simbav2_h1-stand-v0": [200]}


def test_counts_units_and_no_fits(points, families, metrics):
    assert points.groupby("family_id").size().to_dict() == COUNTS
    assert set(families["domain"]) == {"reinforcement_learning"}
    assert set(families["data_unit"]) == {"environment_steps"}
    assert points["tokens"].isna().all() and points["flops"].isna().all()
    assert metrics.loc[0, "higher_is_better"] == False  # noqa: E712 (read back from CSV)
    assert points["value"].between(1e5, 2e6).all()


def test_utd_is_a_run_input_for_every_run(points):
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    utd = inputs[inputs["input"] == "utd"]
    assert len(utd) == len(points) and set(zip(utd["family_id"], utd["run_id"])) == set(zip(points["family_id"], points["run_id"]))
    assert set(utd["value"]) == {1, 2, 4, 5, 8, 10, 15}


def test_provenance(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert not points.duplicated(list(POINTS.key)).any()
    assert points["source_locator"].str.contains(r"line \d+ \(utd=").all()
