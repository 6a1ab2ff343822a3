"""Curated OPT trajectories (Xia et al. 2022, ColPret copy): against the raw files and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_opt"
KEY = ["family_id", "run_id", "step", "metric"]
FOLDER = Path("IBM+ColPret") / "aggregated_eval"

points, families, metrics = curated_fixtures(NAME)


def test_bigbench_scores_are_the_raw_percent_over_100(points):
    raw = pd.read_csv(raw_source(FOLDER / "opt.csv"))
    row = raw[(raw["size"] == "175b") & (raw["steps"] == 140000)].iloc[0]
    got = points[(points["run_id"] == "opt-175b") & (points["step"] == 140000)].set_index("metric")["value"]
    assert abs(got["opt_bigbench_implicatures"] - row["bigbench__implicatures"] / 100) < 1e-12
    assert abs(got["opt_bigbench_what_is_the_tao"] - row["bigbench__whatisthetao"] / 100) < 1e-12


def test_log10_columns_are_exponentiated(points):
    raw = pd.read_csv(raw_source(FOLDER / "opt_trajectories.csv"))
    row = raw[(raw["model_size"] == "125m") & (raw["steps"] == 6000)].iloc[0]
    point = points[(points["run_id"] == "opt-125m") & (points["step"] == 6000) & (points["metric"] == "opt_valid_ppl")]
    assert point["value"].item() == row["ppl"]
    assert point["tokens"].item() == 3_000_000_000  # num_token = log10(3e9) = 9.477...
    assert abs(point["flops"].item() / 10 ** row["flops"] - 1) < 1e-9


def test_counts_and_keys(points):
    assert len(points) == 6 * 147 + 142
    assert not points.duplicated(KEY).any()
    assert points["run_id"].nunique() == 6
    # Both files index the same checkpoints: one token count per (run, step).
    assert (points.groupby(["run_id", "step"])["tokens"].nunique() == 1).all()


def test_units(points, metrics):
    scores = points[points["metric"].str.startswith("opt_bigbench_")]
    assert scores["value"].between(0, 1).all()
    assert (points["flops"] == 6 * points["params"] * points["tokens"]).all()
    assert set(points["flops_method"]) == {"6ND"}
    assert points["tokens"].max() == 280e9
    assert metrics.set_index("metric").loc["opt_valid_ppl", "kind"] == "perplexity"


def test_provenance_filled(points, families):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"xia2022"}
    assert set(points["source_file"]) == {"aggregated_eval/opt.csv", "aggregated_eval/opt_trajectories.csv"}
    assert families.loc[0, "param_convention"] == "unknown"
