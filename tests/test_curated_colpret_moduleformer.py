"""Curated MoLM checkpoints (Shen et al. 2023, ColPret copy): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_moduleformer"
RAW_FILE = Path("IBM+ColPret") / "raw_data" / "IBM_MoE.csv"

points, families, metrics = curated_fixtures(NAME)


def test_released_model_rows_match_raw(points):
    raw = pd.read_csv(raw_source(RAW_FILE), skip_blank_lines=False)
    final_350m = raw[(raw["Model"] == "ST-h1") & (raw["tokens_seen"] == "Pile")].iloc[0]
    got = points[(points["run_id"] == "MoLM-350M-4B") & points["tokens"].isna()].set_index("metric")["value"]
    assert got["molm_hellaswag_acc"] == final_350m["hellaswag acc"] / 100 == 0.3921
    assert got["molm_wikitext_ppl"] == final_350m["wikitext ppl"]


def test_intermediate_tokens_parsed(points):
    first = points[(points["run_id"] == "MoLM-700M-4B") & (points["metric"] == "molm_piqa_acc")].sort_values("step")
    assert first["tokens"].iloc[0] == 28e9
    assert first["value"].iloc[0] == 0.679
    assert first["tokens"].isna().sum() == 1  # the released model's row


def test_only_the_three_released_models(points):
    assert set(points["run_id"]) == {"MoLM-350M-4B", "MoLM-700M-4B", "MoLM-700M-8B"}
    assert points.groupby("run_id")["step"].nunique().to_dict() == {
        "MoLM-350M-4B": 6, "MoLM-700M-4B": 12, "MoLM-700M-8B": 15}
    assert set(points["params"]) == {4e9, 8e9}


def test_units_and_keys(points, metrics):
    kinds = metrics.set_index("metric")["kind"]
    accuracies = points[points["metric"].map(kinds) == "accuracy"]
    assert accuracies["value"].between(0, 1).all()
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()
    assert points["experts"].isna().all()  # the expert count is not in the file


def test_provenance_filled(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"shen2023"}
