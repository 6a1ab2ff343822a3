"""Curated BNSL 4-digit-addition curve (Caballero et al. 2022): against the raw file and invariants."""

from __future__ import annotations

import pandas as pd

from lib.schema import DATA_DIR, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "bnsl_addition"
RAW_FILE = "ethancaballero+broken_neural_scaling_laws/4_digit_addition_dataset_size.csv"

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def test_every_point_matches_its_raw_row(points):
    raw = pd.read_csv(raw_source(RAW_FILE))
    ordered = points.sort_values("tokens").reset_index(drop=True)
    assert ordered["tokens"].tolist() == raw["training_dataset_size"].tolist()
    assert ordered["value"].tolist() == raw["test_cross_entropy"].tolist()
    assert ordered.loc[0, "value"] == 2.13809046 and ordered.loc[0, "tokens"] == 160


def test_fit_split_is_14_then_3(points):
    inputs = run_inputs().merge(points[["run_id", "tokens"]], on="run_id").sort_values("tokens")
    assert inputs["value"].tolist() == [1] * 14 + [0] * 3
    assert inputs.loc[inputs["value"] == 0, "tokens"].min() == 800


def test_one_family_of_17_examples_points(points, families):
    assert len(points) == 17 and not points.duplicated(list(POINTS.key)).any()
    assert families["family_id"].tolist() == ["bnsl_4digit_addition"]
    assert families.loc[0, "data_unit"] == "examples" and families.loc[0, "domain"] == "other"
    assert "not tokens" in families.loc[0, "description"]
    assert points["params"].isna().all() and points["flops"].isna().all()


def test_provenance_and_run_inputs_filled(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"caballero2022"}
    assert points["source_locator"].str.match(r"row \d+ \(training_dataset_size=\d+\)$").all()
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    assert set(inputs["run_id"]) == set(points["run_id"])
