"""Curated BiMix curves (Ge et al. 2024, ColPret copy): against the raw files and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_bimix"
FOLDER = Path("IBM+ColPret") / "raw_data" / "bimix-law"

points, families, metrics = curated_fixtures(NAME)


def test_every_domain_loss_matches_its_raw_line(points):
    raw = pd.read_csv(raw_source(FOLDER / "bimix_ppls_long.csv"))
    raw["line"] = range(2, len(raw) + 2)
    raw = raw[raw["domain"] != "avg"].set_index("line")
    lines = points["source_locator"].str.extract(r"line (\d+) ")[0].astype(int)
    assert sorted(lines) == raw.index.tolist()
    assert (points["value"].to_numpy() == raw.loc[lines, "value"].to_numpy()).all()
    assert (points["step"].to_numpy() == raw.loc[lines, "global_step"].to_numpy()).all()


def test_mixture_ratios_are_run_inputs_summing_to_one():
    raw = pd.read_csv(raw_source(FOLDER / "bimix_ratios_long.csv"))
    inputs = pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")
    assert len(inputs) == len(raw) == 174
    assert sorted(inputs["value"]) == sorted(raw["ratio"])
    assert (inputs.groupby(["family_id", "run_id"])["value"].sum() - 1).abs().max() < 1e-4


def test_tokens_follow_the_paper_batch(points):
    assert (points["tokens"] == points["step"] * 512 * 1024).all()
    assert points["tokens"].max() == 200_000 * 512 * 1024  # ~1e11: "approximately 100 billion tokens"
    assert set(points["params"]) == {280e6}


def test_counts_keys_and_metrics(points, metrics):
    assert points.groupby("family_id").size().to_dict() == {"ge2024_bimix_pile": 2640, "ge2024_bimix_slimpajama": 840}
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()
    assert not points["metric"].str.contains("avg").any()
    assert set(points["metric"]) == set(metrics["metric"])
    assert points["value"].between(1.0, 4.0).all()


def test_provenance_filled(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"ge2024"}
