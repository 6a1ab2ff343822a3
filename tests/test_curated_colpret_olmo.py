"""Curated OLMo checkpoints (Groeneveld et al. 2024, ColPret copy): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_olmo"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("IBM+ColPret") / "aggregated_eval" / "olmo.csv"
TOKENS_PER_STEP = 2160 * 2048

points, families, metrics = curated_fixtures(NAME)


def raw_rows() -> pd.DataFrame:
    raw = pd.read_csv(raw_source(RAW_FILE), low_memory=False)
    raw["row"] = range(1, len(raw) + 1)
    return raw


def test_sample_cells_match_raw(points):
    raw = raw_rows().set_index("row")
    for locator in points["source_locator"].iloc[::997]:
        row, column = locator.removeprefix("row ").split(", column ")
        point = points[points["source_locator"] == locator].iloc[0]
        assert point["value"] == raw.loc[int(row), column]
        assert point["step"] == raw.loc[int(row), "Step"]


def test_tokens_per_step_agrees_with_every_revision_name(points):
    raw = raw_rows()
    named = raw["checkpoint"].str.extract(r"step(\d+)-tokens(\d+)B").dropna().astype("int64")
    assert len(named) == 1527
    assert ((named[0] * TOKENS_PER_STEP / 1e9).round() == named[1]).all()
    assert (points["tokens"] == points["step"] * TOKENS_PER_STEP).all()


def test_doubled_twin_rows_are_dropped(points):
    twin = points[points["run_id"] == "OLMo-7B-Twin-2T"]
    assert not twin["step"].between(158000, 168000).any()
    accuracies = points[points["metric"].str.endswith(("_acc", "_len_norm", "_f1"))]
    assert accuracies["value"].between(0, 1).all()


def test_no_perplexity_duplicates_a_loss_of_the_same_row(points):
    ppl = points[points["metric"].str.startswith("olmo_ppl_")]
    ce_names = ppl["metric"].str.replace("olmo_ppl_", "olmo_ce_", regex=False)
    losses = set(zip(points["run_id"], points["step"], points["metric"]))
    assert not any((r, s, m) in losses for r, s, m in zip(ppl["run_id"], ppl["step"], ce_names))


def test_counts_and_keys(points, metrics):
    assert not points.duplicated(KEY).any()
    assert points.groupby("run_id")["step"].nunique().to_dict() == {
        "OLMo-1B": 735, "OLMo-7B": 529, "OLMo-7B-Twin-2T": 433}
    assert len(points) == 38604
    assert set(points["metric"]) == set(metrics["metric"])
    assert set(points["params"]) == {1e9, 7e9}


def test_provenance_filled(points, families):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"groeneveld2024"}
    assert "4,423,680" in families.loc[0, "description"]
