"""Curated final C4 losses of Muennighoff et al. 2023 (huggingface+datablations, derived
utils/parametric_fit_runs.csv): against the raw file, and invariants that need no raw source."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import EXTRACTIONS, FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "datablations_final"
RAW_FILE = Path("huggingface+datablations") / "utils" / "parametric_fit_runs.csv"

points, families, metrics = curated_fixtures(NAME)


def raw_runs() -> pd.DataFrame:
    return pd.read_csv(raw_source(RAW_FILE))


# ---------------------------------------------------------------- against the raw file


def test_each_point_matches_its_raw_line(points):
    raw = raw_runs()
    for point in points.itertuples():
        row = raw.iloc[int(point.source_locator.split(" ")[1]) - 2]
        assert point.run_id == row["run_name"]
        assert (point.params, point.tokens, point.unique_tokens) == (row["params_N"], row["tokens_D"], row["unique_tokens_U"])
        assert point.value == row["final_val_loss_c4"]


def test_only_unfinished_and_dedup_runs_are_left_out(points):
    raw = raw_runs()
    left_out = raw[~raw["run_name"].isin(points["run_id"])]
    assert len(left_out) == 21
    assert left_out["note"].str.contains("not finished").sum() == 9
    assert left_out["run_name"].str.endswith("dedup").sum() == 12
    assert (left_out["in_notebook_fit_candidates"] == 0).all()


def test_a_readme_run_by_name(points):
    # README 'Models': names are {parameters}{tokens}{unique tokens}; 2b855b11b = 2.8B, 55B, 11B.
    seed = points.set_index("run_id").loc["2b855b11bc4seed1"]
    assert (seed["params"], seed["tokens"], seed["unique_tokens"]) == (2.81e9, 55e9, 11e9)
    assert seed["value"] == pytest.approx(2.599277)


# ---------------------------------------------------------------- invariants


def test_296_runs_one_point_each(points, metrics):
    assert len(points) == points["run_id"].nunique() == 296
    assert set(points["family_id"]) == {"muennighoff2023_final_c4"}
    assert set(points["metric"]) == {"muennighoff2023_val_loss_c4"} == set(metrics["metric"])


def test_unique_tokens_never_exceed_tokens_and_compute_is_6nd(points):
    assert (points["unique_tokens"] <= points["tokens"]).all()
    assert points["unique_tokens"].between(1e8, 1.78e11).all() and points["params"].between(7e6, 9e9).all()
    assert (points["flops"] == 6 * points["params"] * points["tokens"]).all()
    assert set(points["flops_method"]) == {"6ND"}


def test_losses_within_declared_bounds(points, metrics):
    bounds = metrics.set_index("metric").loc["muennighoff2023_val_loss_c4"]
    assert points["value"].between(bounds["min_value"], bounds["max_value"]).all()
    assert metrics.loc[0, "unit"] == "nats/token"


def test_family_and_provenance(points, families):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"muennighoff2023"} and set(points["source_id"]) == {"huggingface+datablations"}
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert families[list(FAMILIES.required)].notna().all().all()
    assert families.loc[0, "param_convention"] == "unknown"
    assert "dedup" in families.loc[0, "description"] or "deduplicated" in families.loc[0, "description"]
