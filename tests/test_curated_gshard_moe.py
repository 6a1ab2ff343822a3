"""Curated GShard MoE family (Lepikhin et al. 2020, arXiv 2006.16668v1, Tables 1-3): a sample of
transcribed cells, the text's BLEU differences, and invariants."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures

NAME = "gshard_moe"
FAMILY = "lepikhin2020_gshard_m4_moe"
BLEU = "gshard_m4_bleu_avg"
KEY = ["family_id", "run_id", "step", "metric"]

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def value(points, run: str, metric: str) -> float:
    match = points[(points["run_id"] == run) & (points["metric"] == metric)]
    assert len(match) == 1, (run, metric)
    return float(match.iloc[0]["value"])


TABLE_CELLS = [
    ("moe-2048e-36l", BLEU, 44.3),  # Table 3 (1)
    ("moe-128e-12l", BLEU, 36.7),  # Table 3 (6)
    ("moe-512e-36l", "gshard_tokens_to_train_ce_0p7", 66e9),  # Table 2 (3)
    ("moe-2048e-12l", "gshard_tokens_to_train_ce_0p5", 1780e9),  # Table 2 (2)
    ("moe-128e-36l", "gshard_tokens_to_train_ce_0p6", 1074e9),  # Table 2 (5)
]


@pytest.mark.parametrize("run,metric,expected", TABLE_CELLS)
def test_transcribed_cells(points, run, metric, expected):
    assert value(points, run, metric) == expected


def test_section_4_4_expert_gains(points):
    """At 12 layers: 128 -> 512 experts +3.3 BLEU, 512 -> 2048 +1.3 (Section 4.4)."""
    bleu = {e: value(points, f"moe-{e}e-12l", BLEU) for e in (128, 512, 2048)}
    assert bleu[512] - bleu[128] == pytest.approx(3.3) and bleu[2048] - bleu[512] == pytest.approx(1.3)


def test_counts_and_dash_cells_left_out(points, metrics):
    assert not points.duplicated(KEY).any() and set(points["family_id"]) == {FAMILY}
    assert (points["metric"] == BLEU).sum() == 6
    assert len(points) == 6 + 14  # Table 2 has 18 cells, 4 of them "-"
    assert set(points["metric"]) == set(metrics["metric"])


def test_sizes_experts_and_tokens(points):
    sizes = points.groupby("run_id")[["params", "experts"]].first()
    assert sizes.loc["moe-2048e-36l"].tolist() == [600e9, 2048]
    assert sizes.loc["moe-128e-12l"].tolist() == [12.5e9, 128]
    bleu_rows = points[points["metric"] == BLEU]
    assert (bleu_rows["tokens"] == 1e12).all()
    assert points.loc[points["metric"] != BLEU, "tokens"].isna().all() and points["flops"].isna().all()


def test_run_inputs_carry_layers_and_cost():
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    table = inputs.pivot(index="run_id", columns="input", values="value")
    assert table.loc["moe-2048e-36l", "tpu_v3_core_years"] == 22.4
    assert table.loc["moe-512e-12l", "layers"] == 12 and table.loc["moe-128e-36l", "training_days"] == 17.3
    assert (table["tpu_v3_cores"] == table.index.str.extract(r"moe-(\d+)e", expand=False).astype(int).values).all()


def test_provenance_on_every_row(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"lepikhin2020"} and points["source_id"].isna().all()
    assert set(points["extraction"]) == {"table_transcription"}
    assert points["source_locator"].str.match(r"Table [23], row \(\d\)").all()
