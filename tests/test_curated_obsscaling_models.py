"""Checks of the curated Ruan et al. 2024 model collection (data/curate/obsscaling_models.py), pandas only.

Part (a) compares curated values with the raw release and skips when the raw sources are absent;
part (b) checks invariants of the curated CSVs alone.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib import schema
from lib.schema import DATA_DIR
from tests.raw_sources import raw_source

POINTS = DATA_DIR / "points" / "obsscaling_models.csv"
FAMILIES = DATA_DIR / "families" / "obsscaling_models.csv"
METRICS = DATA_DIR / "metrics" / "obsscaling_models.csv"
LLAMA2_7B = "meta-llama/Llama-2-7b-hf"


def raw_results() -> Path:
    return raw_source("ryoungj+ObsScaling/eval_results")


@pytest.fixture(scope="module")
def points() -> pd.DataFrame:
    return pd.read_csv(POINTS)


def model_points(points: pd.DataFrame, model: str) -> pd.DataFrame:
    return points[points.run_id == model].set_index("metric")


# (a) against the raw release -------------------------------------------------------------


def test_llama2_7b_units_and_scores_match_raw(points):
    raw = pd.read_csv(raw_results() / "base_llm_benchmark_eval.csv").set_index("Model").loc[LLAMA2_7B]
    curated = model_points(points, LLAMA2_7B)
    assert (curated.params == raw["Model Size (B)"] * 1e9).all()
    assert (curated.tokens == raw["Pretraining Data Size (T)"] * 1e12).all()
    assert (curated.flops == 8.4e22).all() and raw["FLOPs (1E21)"] == 84.0
    assert curated.loc["acc_mmlu_5shot", "value"] == raw["MMLU"]
    assert curated.loc["pass1_humaneval", "value"] == raw["HumanEval"]
    assert set(curated.family_id) == {"ruan2024_llama-2"}


def test_raw_scores_are_fractions_not_percent():
    raw = pd.read_csv(raw_results() / "base_llm_benchmark_eval.csv")
    scores = raw[["MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd", "HumanEval"]]
    assert scores.max().max() <= 1.0


def test_every_nonblank_benchmark_cell_once(points):
    raw = pd.read_csv(raw_results() / "base_llm_benchmark_eval.csv")
    benchmark_points = points[points.source_file == "eval_results/base_llm_benchmark_eval.csv"]
    columns = ["MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd", "HumanEval"]
    assert len(benchmark_points) == int(raw[columns].notna().sum().sum())


def test_sub_10b_file_is_a_subset_so_not_read(points):
    full = pd.read_csv(raw_results() / "base_llm_benchmark_eval.csv").set_index("Model")
    sub = pd.read_csv(raw_results() / "base_llm_benchmark_eval_sub_10b.csv").set_index("Model")
    assert set(sub.index) <= set(full.index)
    assert not points.source_file.str.contains("sub_10b").any()


def test_emergent_value_and_shot_count(points):
    raw = pd.read_csv(raw_results() / "base_llm_emergent_capability_eval.csv").set_index("Model")
    curated = model_points(points, LLAMA2_7B)
    assert curated.loc["acc_bigbench_arithmetic_2dm_2shot", "value"] == raw.loc[LLAMA2_7B, "arithmetic_2dm_2_acc"]


# (b) invariants of the curated output -------------------------------------------------------


def test_unique_keys_and_declared_metrics(points):
    metrics = pd.read_csv(METRICS)
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()
    assert set(points.metric) <= set(metrics.metric)
    assert not metrics.metric.duplicated().any()


def test_counts(points):
    families = pd.read_csv(FAMILIES)
    assert points.run_id.nunique() == 148
    assert len(families) == 47
    assert set(points.family_id) == set(families.family_id)


def test_units_are_absolute_and_scores_in_range(points):
    metrics = pd.read_csv(METRICS).set_index("metric")
    assert points.params.dropna().between(5e7, 1e12).all()  # counts, not billions
    assert points.tokens.dropna().between(1e9, 1e14).all()  # counts, not trillions
    bounds = metrics.loc[points.metric]
    assert (points.value.values >= bounds.min_value.values).all()
    assert (points.value.values <= bounds.max_value.values).all()
    assert points.value.notna().all()


def test_flops_are_6nd_of_size_and_tokens(points):
    with_flops = points.dropna(subset=["flops"])
    assert set(with_flops.flops_method) == {"6ND"}
    ratio = with_flops.flops / (6 * with_flops.params * with_flops.tokens)
    assert ((ratio - 1).abs() < 1e-9).all()


def test_suspect_source_values_left_blank(points):
    btlm = points[points.run_id == "cerebras/btlm-3b-8k-base"]
    assert btlm.tokens.isna().all() and btlm.flops.isna().all() and (btlm.params == 3e9).all()
    open_llama = points[points.run_id == "openlm-research/open_llama_7b_v2"]
    assert open_llama.params.isna().all()


def test_families_fill_every_column():
    families = pd.read_csv(FAMILIES)
    assert families[list(schema.FAMILIES.columns)].notna().all().all()
    assert (families.domain == "language").all()
    assert families.description.str.contains("Ruan et al.").all()
