"""Curated fine-tuning scaling curves (Lin et al. 2024): against the raw files and invariants."""

from __future__ import annotations

import pandas as pd

from lib.schema import POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "finetune_rectified"
RAW_DIR = "linhaowei1+Fine-tuning-Scaling-Law/benchmark"
TASKS = ("flan", "gigaword", "wmt19")

points, families, metrics = curated_fixtures(NAME)


def test_every_loss_matches_the_wide_raw_file(points):
    for task in TASKS:
        raw = pd.read_csv(raw_source(f"{RAW_DIR}/{task}.csv")).set_index("config name")
        family = points[points["family_id"] == f"lin2024_finetune_{task}"]
        for _, point in family.iterrows():
            model, _, column = point["run_id"].partition(" | ")
            column = "0" if column == "no fine-tuning" else column.removeprefix("ft=")
            assert point["value"] == raw.loc[model, column]
            assert point["params"] == raw.loc[model, "size"]


def test_known_value_and_examples_column(points):
    gpt2 = points[(points["family_id"] == "lin2024_finetune_flan") & (points["run_id"] == "MBZUAI/LaMini-GPT-124M | ft=200")]
    assert gpt2["value"].item() == 4.247949918 and gpt2["tokens"].item() == 200


def test_counts_and_zero_example_rows(points):
    assert len(points) == 3 * 30 * 15 and not points.duplicated(list(POINTS.key)).any()
    assert (points.groupby("family_id").size() == 450).all()
    baseline = points["run_id"].str.endswith("| no fine-tuning")
    assert baseline.sum() == 90 and points.loc[baseline, "tokens"].isna().all()
    assert set(points.loc[~baseline, "tokens"]) == {200 * 2**k for k in range(14)}


def test_conventions(points, families):
    assert set(families["data_unit"]) == {"examples"} and set(families["param_convention"]) == {"with_embeddings"}
    assert families["description"].str.contains("EXAMPLES, not tokens").all()
    assert families["description"].str.contains("count all experts").all()
    switch = points[points["run_id"].str.startswith("google/switch-base-")]
    assert set(switch["experts"]) == {8, 16, 32}
    assert points.loc[~points.index.isin(switch.index), "experts"].isna().all()
    assert points["params"].between(6e7, 7e9).all()


def test_provenance(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"lin2024"}
    assert points["source_locator"].str.match(r"row \d+ \(config name=.+\), column \d+ \(").all()
