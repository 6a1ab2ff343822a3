"""Curated (Mis)Fitting OpenLM sweep (hadasah/scaling_laws): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "misfitting_openlm"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("hadasah+scaling_laws") / "data" / "scaling_results.csv"
TOKENS_PER_STEP = 2**20


points, families, metrics = curated_fixtures(NAME)


def raw_checkpoints() -> pd.DataFrame:
    raw = pd.read_csv(raw_source(RAW_FILE))
    raw["C"] = raw["C"].astype(float)
    return raw


# ---------------------------------------------------------------- against the raw file


def test_first_checkpoint_of_the_35m_run_matches_raw(points):
    raw = raw_checkpoints()
    first = raw.iloc[0]
    point = points[points["source_locator"] == "row 1"].iloc[0]
    assert point["run_id"] == "35m-20241126_184927-lr0.002-s16000-e125"
    assert point["params"] == first["N"] == 93940416
    assert point["params_non_embedding"] == first["N_no_emb"] == 35842752
    assert point["tokens"] == first["D"] == 134217728
    assert point["flops"] == first["C"] == float(75650815224446976)
    assert point["step"] == first["current_steps"] == 128
    assert point["value"] == first["C4 Eval Loss"] == 5.939757396001369


def test_every_point_matches_its_raw_row(points):
    raw = raw_checkpoints()
    matched = raw.iloc[(points["source_locator"].str.removeprefix("row ").astype(int) - 1).to_numpy()]
    assert points["params"].tolist() == matched["N"].tolist()
    assert points["params_non_embedding"].tolist() == matched["N_no_emb"].tolist()
    assert points["tokens"].tolist() == matched["D"].tolist()
    assert points["flops"].tolist() == matched["C"].tolist()
    assert points["step"].tolist() == matched["current_steps"].tolist()
    assert points["value"].tolist() == matched["C4 Eval Loss"].tolist()


def test_only_exact_copies_are_dropped(points):
    raw = raw_checkpoints()
    assert len(raw) == 4852
    assert raw.duplicated().sum() == 2
    assert len(points) == len(raw) - 2


def test_loss_column_is_the_c4_eval_loss():
    # Why no train_loss is curated: the file's `loss` is a copy of `C4 Eval Loss`.
    raw = raw_checkpoints()
    assert (raw["loss"] == raw["C4 Eval Loss"]).all()


# ---------------------------------------------------------------- invariants


def test_unique_keys_and_required_columns(points):
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["metric"]) == {"val_loss_c4"}
    assert set(points["paper_id"]) == {"li2025"}


def test_units(points):
    assert (points["tokens"] == points["step"] * TOKENS_PER_STEP).all()
    assert (points["params"] > points["params_non_embedding"]).all()
    assert points["params"].nunique() == 11
    assert points["params_non_embedding"].between(1.2e7, 1.01e9).all()
    # float: 6 N D overflows int64 for the 1B runs
    ratio = points["flops"] / (6.0 * points["params"].astype(float) * points["tokens"].astype(float))
    assert (ratio - 1).abs().max() < 1e-9


def test_repeats_only_where_a_configuration_was_relaunched(points):
    repeated = points.loc[points["run_id"].str.contains("-rep"), "run_id"]
    assert repeated.str.startswith("17m-20241110_230829-").all()
    assert repeated.nunique() == 7


def test_values_within_metric_bounds(points, metrics):
    bounds = metrics.set_index("metric").loc["val_loss_c4"]
    assert points["value"].between(bounds["min_value"], bounds["max_value"]).all()
    assert points["value"].between(2.5, 6.5).all()


def test_family_row_is_complete(families):
    assert families["family_id"].tolist() == ["misfitting_openlm"]
    assert families[list(FAMILIES.required)].notna().all().all()
    assert families.loc[0, "param_convention"] == "with_embeddings"
