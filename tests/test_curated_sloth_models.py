"""Curated Sloth public-model table (Maia Polo et al. 2024): against the raw files and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, FAMILIES, PAPERS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "sloth_models"
KEY = ["family_id", "run_id", "step", "metric"]
RAW = Path("felipemaiapolo+sloth") / "data"

points, families, metrics = curated_fixtures(NAME)


def raw_table(name: str) -> pd.DataFrame:
    return pd.read_csv(raw_source(RAW / name))


# ---------------------------------------------------------------- against the raw files


def test_every_score_is_its_raw_cell(points):
    raw = {path: raw_table(Path(path).name) for path in ("data/data_v2.csv", "data/data_v1.csv")}
    located = points["source_locator"].str.extract(r"^line (\d+) \(model (.+)\), column '(.+)'$")
    assert located.notna().all().all()
    for (path, line, model, column), value in zip(
        zip(points["source_file"], located[0].astype(int), located[1], located[2]), points["value"]
    ):
        row = raw[path].iloc[line - 2]
        assert row["Model"] == model and row[column] == value


def test_sizes_are_scaled_to_absolute_counts(points):
    llama = points[points["run_id"] == "llama-2-70b"].iloc[0]
    raw = raw_table("data_v2.csv").set_index("Model").loc["llama-2-70b"]
    assert llama["params"] == raw["#Params (B)"] * 1e9 == 70e9
    assert llama["tokens"] == raw["Pretraining Data Size (T)"] * 1e12
    assert llama["flops"] == raw["FLOPs (1E21)"] * 1e21
    assert llama["family_id"] == "maiapolo2024_llama-2"


def test_v1_adds_its_models_and_v2_wins_for_shared_ones(points):
    v1_only = points[points["source_file"] == "data/data_v1.csv"]["run_id"].unique()
    assert len(v1_only) == 12 and "meta-llama-3.1-8b" in v1_only
    pythia = points[(points["run_id"] == "pythia-2.8b") & (points["metric"] == "sloth_openllm_v1_mmlu")]
    assert pythia["source_file"].tolist() == ["data/data_v2.csv"]  # data_v1 has no MMLU for it


def test_chance_is_the_lower_bound_file(metrics):
    bounds = raw_table("lower_bounds.csv").iloc[0]
    chance = metrics.set_index("metric")["chance"]
    assert chance["sloth_openllm_v1_arc"] == bounds["ARC"]
    assert chance["sloth_openllm_v2_bbh_boolean_expressions"] == bounds["bbh_boolean_expressions"]
    assert chance["sloth_openllm_v1_hendryckstest_abstract_algebra"] == bounds["hendrycksTest-abstract_algebra"]


# ---------------------------------------------------------------- invariants


def test_counts_keys_and_provenance(points, families):
    assert len(points) == 14803 and points["run_id"].nunique() == 200
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"maiapolo2024"} and set(points["extraction"]) == {"released_data"}
    assert set(points["family_id"]) == set(families["family_id"]) and len(families) == 54
    assert families[list(FAMILIES.required)].notna().all().all()


def test_scores_are_fractions_and_compute_is_6nd(points, metrics):
    assert points["value"].between(0, 1).all()
    assert set(metrics["kind"]) == {"accuracy"} and (metrics["max_value"] == 1).all()
    with_c = points.dropna(subset=["flops"])
    assert set(with_c["flops_method"]) == {"6ND"}
    assert ((with_c["flops"] / (6 * with_c["params"] * with_c["tokens"]) - 1).abs() < 1e-9).all()
    assert points["params"].min() >= 7e7 and points["tokens"].min() >= 1e11  # counts, not billions


def test_base_and_instruct_models_are_separate_families(points, families):
    assert {"maiapolo2024_qwen2", "maiapolo2024_qwen2_instruct"} <= set(families["family_id"])
    assert points.loc[points["family_id"] == "maiapolo2024_qwen2_instruct", "run_id"].str.contains("instruct").any()


def test_staged_paper_row():
    staged = pd.read_csv(DATA_DIR / "papers.csv", dtype={"arxiv_id": str})
    assert list(staged.columns) == list(PAPERS.columns)
    assert staged.set_index("paper_id").loc["maiapolo2024", "arxiv_id"] == "2412.06540"
