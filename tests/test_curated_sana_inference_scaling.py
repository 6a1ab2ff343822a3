"""Curated best-of-2048 GenEval numbers of Xie et al. 2025 (SANA 1.5; release NVlabs/Sana,
asset/inference_scaling/inference_scaling.md): against the staged file, and invariants."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from lib.schema import DATA_DIR, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "sana_inference_scaling"
FAMILY = "xie2025_sana15_best_of_n_geneval"

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def scores(points: pd.DataFrame) -> dict[str, float]:
    return points.set_index("run_id")["value"].to_dict()


def test_points_match_the_staged_file(points):
    text = raw_source("NVlabs+Sana/asset/inference_scaling/inference_scaling.md").read_text()
    # "increasing their scores from 42 to 87 and 81 to 96": SD1.5, then SANA-1.5-4.8B v2
    (sd_before, sd_after), (sana_before, sana_after) = re.findall(r"(\d+) to (\d+)", text)
    got = scores(points)
    assert got["sd15-plain"] * 100 == pytest.approx(int(sd_before))
    assert got["sd15-best4of2048"] * 100 == pytest.approx(int(sd_after))
    assert got["sana15-4.8b-v2-plain"] * 100 == pytest.approx(int(sana_before))
    assert got["sana15-4.8b-v2-best4of2048"] * 100 == pytest.approx(int(sana_after))


def test_transcribed_scores(points):
    assert scores(points) == {
        "sd15-plain": 0.42,
        "sd15-best4of2048": 0.87,
        "sana15-4.8b-v2-plain": 0.81,
        "sana15-4.8b-v2-best4of2048": 0.96,
    }


def test_selection_raises_both_generators(points):
    got = scores(points)
    assert got["sd15-best4of2048"] > got["sd15-plain"]
    assert got["sana15-4.8b-v2-best4of2048"] > got["sana15-4.8b-v2-plain"]


def test_params_only_where_the_name_states_them(points):
    params = points.set_index("run_id")["params"]
    assert params[["sana15-4.8b-v2-plain", "sana15-4.8b-v2-best4of2048"]].eq(4.8e9).all()
    assert params[["sd15-plain", "sd15-best4of2048"]].isna().all()
    assert points["flops"].isna().all() and points["tokens"].isna().all()


def test_run_inputs_mark_the_selected_runs():
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    candidates = inputs[inputs["input"] == "candidates_per_prompt"].set_index("run_id")["value"]
    assert candidates.to_dict() == {"sana15-4.8b-v2-best4of2048": 2048, "sd15-best4of2048": 2048}
    flags = inputs[inputs["input"] == "verifier_selection"].set_index("run_id")["value"]
    assert flags.sum() == 2 and len(flags) == 4


def test_provenance_and_metric(points, families, metrics):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["family_id"]) == {FAMILY} and set(points["source_id"]) == {"NVlabs+Sana"}
    assert set(points["extraction"]) == {"released_data"}
    assert metrics.set_index("metric").loc["geneval_overall", "unit"] == "fraction"
    assert families.set_index("family_id").loc[FAMILY, "domain"] == "image_generation"
