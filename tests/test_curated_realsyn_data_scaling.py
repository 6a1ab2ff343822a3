"""Curated RealSyn / LAION data-scaling tables of Gu et al. 2025 (arXiv 2502.12513v3, Tables 1-4):
a sample of transcribed cells, Table 5's repeat of the 15M averages, and invariants."""

from __future__ import annotations

import pytest

from lib.schema import EXTRACTIONS, POINTS
from tests.curated_files import curated_fixtures

NAME = "realsyn_data_scaling"
FAMILIES = {"gu2025_realsyn_clip_b32", "gu2025_laion_clip_b32"}
KEY = ["family_id", "run_id", "step", "metric"]

points, families, metrics = curated_fixtures(NAME)


def value(points, run: str, metric: str) -> float:
    match = points[(points["run_id"] == run) & (points["metric"] == metric)]
    assert len(match) == 1, (run, metric)
    return float(match.iloc[0]["value"])


# (run, metric, percent as the table prints it)
TABLE_CELLS = [
    ("realsyn100m", "realsyn_linear_probe_avg20", 75.8),  # Table 1
    ("laion30m", "realsyn_zeroshot_avg20", 48.6),  # Table 2
    ("realsyn15m", "realsyn_flickr30k_text_r1", 72.9),  # Table 3
    ("laion100m", "realsyn_mscoco_image_r1", 27.1),  # Table 3
    ("realsyn30m", "realsyn_robustness_avg5", 37.8),  # Table 4
]


@pytest.mark.parametrize("run,metric,percent", TABLE_CELLS)
def test_transcribed_cells(points, run, metric, percent):
    assert value(points, run, metric) == pytest.approx(percent / 100)


# Table 5 repeats the 15M averages: (dataset, linear probe, transfer, robustness)
TABLE_5 = [("laion15m", 69.8, 42.7, 27.2), ("realsyn15m", 71.4, 47.9, 31.5)]


@pytest.mark.parametrize("run,probe,transfer,robustness", TABLE_5)
def test_15m_averages_agree_with_table_5(points, run, probe, transfer, robustness):
    assert value(points, run, "realsyn_linear_probe_avg20") == pytest.approx(probe / 100)
    assert value(points, run, "realsyn_zeroshot_avg20") == pytest.approx(transfer / 100)
    assert value(points, run, "realsyn_robustness_avg5") == pytest.approx(robustness / 100)


def test_section_4_2_differences_hold(points):
    """The text's RealSyn-minus-LAION gaps, e.g. zero-shot transfer +3.5 (30M) and +2.3 (100M)."""
    metric = "realsyn_zeroshot_avg20"
    gaps = {
        scale: value(points, f"realsyn{scale}", metric) - value(points, f"laion{scale}", metric)
        for scale in ("30m", "100m")
    }
    assert gaps == pytest.approx({"30m": 0.035, "100m": 0.023})


def test_two_families_three_scales_seven_metrics(points, metrics):
    assert len(points) == 42 and not points.duplicated(KEY).any()
    assert set(points["family_id"]) == FAMILIES
    assert points.groupby("family_id")["unique_tokens"].apply(set).map(sorted).tolist() == [[15e6, 30e6, 1e8]] * 2
    assert set(points["metric"]) == set(metrics["metric"]) and len(metrics) == 7


def test_every_metric_rises_with_data(points):
    for (family, metric), group in points.groupby(["family_id", "metric"]):
        assert group.sort_values("unique_tokens")["value"].is_monotonic_increasing, (family, metric)


def test_units_samples_seen_and_provenance(points, families):
    assert (points["tokens"] == 32 * points["unique_tokens"]).all()
    assert points["value"].between(0.1, 0.9).all() and points["params"].isna().all()
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"gu2025"} and points["source_id"].isna().all()
    assert set(points["extraction"]) == {"table_transcription"} <= set(EXTRACTIONS)
    assert set(families["data_unit"]) == {"samples"}
