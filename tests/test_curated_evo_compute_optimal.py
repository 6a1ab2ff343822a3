"""Curated Evo compute-optimal frontier (Nguyen et al. 2024, Fig. S5, digitised): raw file and invariants."""

from __future__ import annotations

import pandas as pd

from lib.schema import POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "evo_compute_optimal"
RAW_FILE = "eric-czech+evo-scaling-law-extraction/outputs/evo_scaling_data.csv"
ARCHITECTURES = {"transformerpp", "mamba", "hyena", "stripedhyena"}

points, families, metrics = curated_fixtures(NAME)


def test_points_match_raw_markers(points):
    raw = pd.read_csv(raw_source(RAW_FILE))
    assert len(points) == len(raw) == 32
    point = points[(points["family_id"] == "evo_compute_optimal_transformerpp") & (points["run_id"] == "budget-0")]
    tokens = point[point["metric"] == "compute_optimal_tokens"].iloc[0]
    params = point[point["metric"] == "compute_optimal_params"].iloc[0]
    assert tokens["value"] == raw.loc[0, "value"] == 19906667814.9476
    assert tokens["flops"] == raw.loc[0, "flops"]
    assert params["value"] == raw.loc[16, "value"] and params["flops"] == raw.loc[16, "flops"]
    assert sorted(points["value"]) == sorted(raw["value"])


def test_frontier_points_are_not_runs(points):
    # The optimum is the value; N and D columns stay empty so no chart reads them as a run.
    assert points["params"].isna().all() and points["tokens"].isna().all()
    assert set(points["metric"]) == {"compute_optimal_params", "compute_optimal_tokens"}
    assert points["flops"].between(7e18, 9e19).all()
    assert (points.groupby("family_id").size() == 8).all()


def test_families_and_metrics(families, metrics):
    assert {f.removeprefix("evo_compute_optimal_") for f in families["family_id"]} == ARCHITECTURES
    assert set(families["domain"]) == {"biology"}
    assert families["description"].str.contains("not the paper's laws").all()
    assert set(metrics["kind"]) == {"other"}


def test_provenance(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert not points.duplicated(list(POINTS.key)).any()
    assert set(points["extraction"]) == {"digitized_figure"} and set(points["paper_id"]) == {"nguyen2024"}
    assert points["source_locator"].str.match(r"line \d+ \(variable=(params|tokens), model=").all()
