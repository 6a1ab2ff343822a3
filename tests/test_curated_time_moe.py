"""Curated Time-MoE zero-shot results (Shi et al. 2024, arXiv 2409.16040v4, Tables 2 and 3): a sample
of transcribed cells against the paper's tables, and invariants of the family."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, METRIC_KINDS, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures

NAME = "time_moe"
FAMILY = "shi2024_timemoe_zeroshot"
KEY = ["family_id", "run_id", "step", "metric"]
BENCHMARKS = ["etth1", "etth2", "ettm1", "ettm2", "weather", "global_temp", "average"]

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def value(points: pd.DataFrame, model: str, metric: str) -> float:
    match = points[(points["run_id"] == f"time-moe-{model}") & (points["metric"] == metric)]
    assert len(match) == 1, (model, metric)
    return float(match.iloc[0]["value"])


# (model, metric, value as Table 3 prints it)
TABLE_CELLS = [
    ("base", "timemoe_zeroshot_mse_etth1", 0.400),
    ("large", "timemoe_zeroshot_mae_etth2", 0.415),
    ("ultra", "timemoe_zeroshot_mse_ettm1", 0.356),
    ("ultra", "timemoe_zeroshot_mae_ettm2", 0.344),
    ("large", "timemoe_zeroshot_mse_weather", 0.270),
    ("base", "timemoe_zeroshot_mae_global_temp", 0.400),
    ("base", "timemoe_zeroshot_mse_average", 0.336),
    ("ultra", "timemoe_zeroshot_mae_average", 0.372),
]


@pytest.mark.parametrize("model,metric,expected", TABLE_CELLS)
def test_transcribed_cells(points, model, metric, expected):
    assert value(points, model, metric) == expected


def test_three_models_fourteen_metrics(points, metrics):
    assert len(points) == 42 and not points.duplicated(KEY).any()
    assert set(points["family_id"]) == {FAMILY}
    assert points.groupby("run_id").size().to_dict() == {f"time-moe-{m}": 14 for m in ("base", "large", "ultra")}
    expected = {f"timemoe_zeroshot_{measure}_{b}" for b in BENCHMARKS for measure in ("mse", "mae")}
    assert set(points["metric"]) == set(metrics["metric"]) == expected


def test_table_2_sizes_total_as_params_active_as_run_input(points):
    totals = points.groupby("run_id")["params"].first().to_dict()
    assert totals == {"time-moe-base": 113e6, "time-moe-large": 453e6, "time-moe-ultra": 2.4e9}
    active = run_inputs().set_index("run_id")["value"].to_dict()
    assert active == {"time-moe-base": 50e6, "time-moe-large": 200e6, "time-moe-ultra": 1.1e9}
    assert set(points["experts"]) == {8}


def test_the_largest_model_has_the_lowest_average_error(points):
    """Section 4.1: error falls from base to ultra (the overall average; single benchmarks may not)."""
    for measure in ("mse", "mae"):
        errors = [value(points, m, f"timemoe_zeroshot_{measure}_average") for m in ("base", "large", "ultra")]
        assert errors[2] == min(errors)


def test_units_and_metric_declarations(points, metrics):
    assert points["value"].between(0.1, 1.0).all()
    assert points["tokens"].isna().all() and points["flops"].isna().all()
    assert set(metrics["kind"]) == {"error"} <= set(METRIC_KINDS)
    assert not metrics["higher_is_better"].any()


def test_provenance_on_every_row(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"shi2024"} and points["source_id"].isna().all()
    assert set(points["extraction"]) == {"table_transcription"} <= set(EXTRACTIONS)
    assert points["source_locator"].str.startswith("Table 3, row ").all()
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    assert inputs["source_locator"].str.startswith("Table 2, row").all()


def test_family_domain_and_unknowns(families):
    family = families.set_index("family_id").loc[FAMILY]
    assert (family["domain"], family["param_convention"]) == ("time_series", "unknown")
    assert "Tokens (time points) left empty" in family["description"]
