"""Curated muP width sweep of Yao & Wang 2023 (release cofe-ai/Mu-scaling): against the release's
run table when it is staged, and invariants that need no raw source."""

from __future__ import annotations

import ast

import pandas as pd

from lib.schema import DATA_DIR, EXTRACTIONS, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "mu_scaling"
FAMILY = "yao2023_mup_gpt2_widths"
RELEASE_SCRIPT = "cofe-ai+Mu-scaling/fit_scale_loss_prediction.py"
KEY = ["family_id", "run_id", "step", "metric"]

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def release_lists() -> dict[str, list]:
    """The module-level list literals of the release script (shapes, x, train_loss)."""
    tree = ast.parse(raw_source(RELEASE_SCRIPT).read_text())
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List) and isinstance(node.targets[0], ast.Name)
    }


def test_points_match_the_release_lists(points):
    lists = release_lists()
    by_run = points.set_index("run_id")
    for width, millions, loss in zip(lists["shapes"], lists["x"], lists["train_loss"], strict=True):
        assert by_run.loc[f"width{width}", "params"] == round(millions * 1e6)
        assert by_run.loc[f"width{width}", "value"] == loss


def test_sample_of_transcribed_values(points):
    """Read off the release's lists: the smallest, a middle and the largest width."""
    by_run = points.set_index("run_id")
    assert (by_run.loc["width128", "params"], by_run.loc["width128", "value"]) == (8_530_000, 3.9181)
    assert (by_run.loc["width768", "params"], by_run.loc["width768", "value"]) == (118_680_000, 3.2478)
    assert (by_run.loc["width3072", "params"], by_run.loc["width3072", "value"]) == (1_446_720_000, 3.0425)


def test_ten_widths_one_loss_each_at_step_20k(points):
    assert len(points) == 10 and not points.duplicated(KEY).any()
    assert set(points["family_id"]) == {FAMILY} and set(points["metric"]) == {"train_loss"}
    assert set(points["step"]) == {20_000}


def test_units_are_counts_and_loss_falls_with_width(points):
    ordered = points.sort_values("params")
    assert ordered["params"].between(5e6, 2e9).all()  # counts, not the release's millions
    assert ordered["value"].is_monotonic_decreasing
    assert points["tokens"].isna().all() and points["flops"].isna().all()


def test_provenance_on_every_row(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"yao2023"} and set(points["source_id"]) == {"cofe-ai+Mu-scaling"}
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert points["source_locator"].str.contains("entry").all()


def test_fit_split_marks_the_three_largest_as_predicted(points):
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    assert set(inputs["run_id"]) == set(points["run_id"]) and set(inputs["input"]) == {"used_for_fit"}
    held_out = set(inputs.loc[inputs["value"] == 0, "run_id"])
    assert held_out == {"width1024", "width2048", "width3072"}


def test_family_states_what_is_unknown(families, metrics):
    family = families.set_index("family_id").loc[FAMILY]
    assert (family["domain"], family["param_convention"], family["data_unit"]) == ("language", "unknown", "tokens")
    assert "Tokens left empty" in family["description"]
    assert set(metrics["metric"]) == {"train_loss"}
