"""Curated TokenFormer tables (Wang et al. 2024, arXiv 2410.23168): a sample of transcribed cells
against the paper's tables, and invariants of the three families."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, METRIC_KINDS, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures

NAME = "tokenformer"
PILE = "wang2024_tokenformer_pile"
SCRATCH = "wang2024_transformer_owt_scratch"
GROWN = "wang2024_tokenformer_owt_progressive"
KEY = ["family_id", "run_id", "step", "metric"]

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def value(points: pd.DataFrame, run_id: str, metric: str) -> float:
    match = points[(points["run_id"] == run_id) & (points["metric"] == metric)]
    assert len(match) == 1, (run_id, metric)
    return float(match.iloc[0]["value"])


# (run, metric, value as the table prints it, converted: accuracies from percent to fractions)
TABLE_CELLS = [
    ("tokenformer-150M", "pile_ppl_tokenformer", 10.45),  # Table 1
    ("tokenformer-150M", "lambada_acc_tokenformer", 0.45),
    ("tokenformer-450M", "lambada_ppl_tokenformer", 7.69),
    ("tokenformer-900M", "arc_c_acc_tokenformer", 0.306),
    ("tokenformer-1.5B", "hellaswag_acc_tokenformer", 0.60),
    ("tokenformer-1.5B", "winogrande_acc_tokenformer", 0.597),
    ("transformer-124M-600k-steps", "owt_val_ppl_tokenformer", 17.06),  # Table 7
    ("transformer-757M-600k-steps", "owt_val_ppl_tokenformer", 11.99),  # Table 6 (Table 7 prints 11.93)
    ("transformer-1.4B-60k-steps", "owt_val_ppl_tokenformer", 13.34),  # Table 6
    ("tokenformer-354M-stage-15B", "owt_val_ppl_tokenformer", 14.58),  # Table 7
    ("tokenformer-1.4B-stage-60B", "owt_val_ppl_tokenformer", 11.60),
]


@pytest.mark.parametrize("run_id,metric,expected", TABLE_CELLS)
def test_transcribed_cells(points, run_id, metric, expected):
    assert value(points, run_id, metric) == pytest.approx(expected, rel=1e-12)


def test_counts_per_family(points):
    assert points.groupby("family_id").size().to_dict() == {PILE: 32, SCRATCH: 7, GROWN: 10}
    assert not points.duplicated(KEY).any()
    assert points[points["family_id"] == PILE].groupby("run_id").size().eq(8).all()


def test_tokenformer_thirty_billion_stage_matches_table_6(points):
    """Table 6's 'Tokenformer Parameter Reusing 30B' row repeats Table 7's 30B cells."""
    for size, ppl in {"354M": 14.02, "757M": 12.59, "1.4B": 11.77}.items():
        assert value(points, f"tokenformer-{size}-stage-30B", "owt_val_ppl_tokenformer") == ppl


def test_units(points, metrics):
    assert points["params"].between(1e8, 2e9).all()  # counts from the size labels, not millions
    accuracies = points[points["metric"].str.endswith("_acc_tokenformer")]
    assert len(accuracies) == 24 and accuracies["value"].between(0.2, 0.8).all()
    assert set(metrics["kind"]) <= set(METRIC_KINDS)
    assert set(metrics.loc[metrics["kind"] == "accuracy", "max_value"]) == {1.0}


def test_tokens_only_where_the_paper_gives_the_rule(points):
    """From-scratch runs: steps x 512 x 1024 tokens; the Pile and grown models have none."""
    scratch = points[points["family_id"] == SCRATCH]
    assert set(scratch["tokens"]) == {600_000 * 512 * 1024, 60_000 * 512 * 1024}
    assert points.loc[points["family_id"] != SCRATCH, "tokens"].isna().all()
    assert points["flops"].isna().all()


def test_bigger_models_do_better(points):
    for family_id, metric in [(PILE, "pile_ppl_tokenformer"), (SCRATCH, "owt_val_ppl_tokenformer")]:
        rows = points[(points["family_id"] == family_id) & (points["metric"] == metric)]
        if family_id == SCRATCH:
            rows = rows[rows["tokens"] == rows["tokens"].max()]
        assert rows.sort_values("params")["value"].is_monotonic_decreasing


def test_stage_tokens_are_run_inputs_of_grown_runs(points):
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    grown = set(points.loc[points["family_id"] == GROWN, "run_id"])
    assert set(inputs["run_id"]) == grown and set(inputs["input"]) == {"stage_tokens"}
    assert set(inputs["value"]) == {15e9, 30e9, 60e9}


def test_provenance_on_every_row(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"wang2024"}
    assert points["source_id"].isna().all()  # transcribed from the paper, no release
    assert set(points["extraction"]) == {"table_transcription"} <= set(EXTRACTIONS)
    assert points["source_locator"].str.match(r"Table (1|6|7)\b").all()


def test_families_say_why_tokens_are_empty(families):
    by_id = families.set_index("family_id")
    assert "Tokens left empty" in by_id.loc[PILE, "description"]
    assert "tokens column is empty" in by_id.loc[GROWN, "description"]
    assert set(families["param_convention"]) == {"unknown"} and set(families["domain"]) == {"language"}
