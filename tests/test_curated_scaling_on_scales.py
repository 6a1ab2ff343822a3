"""Curated LLaVA-1.5 / S2 table of Shi et al. 2024 (release bfshi/scaling_on_scales, README.md):
against the README when the release is staged, a sample of transcribed cells, and invariants."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "scaling_on_scales"
FAMILY = "shi2024a_llava15_s2"
KEY = ["family_id", "run_id", "step", "metric"]
COLUMNS = ["vqav2", "vizwiz", "textvqa", "mmmu_val", "mathvista", "mmbench", "seed", "mmvet"]

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def value(points: pd.DataFrame, run: str, column: str) -> float:
    match = points[(points["run_id"] == run) & (points["metric"] == f"shi2024a_{column}")]
    assert len(match) == 1, (run, column)
    return float(match.iloc[0]["value"])


def readme_llava_rows() -> list[list[str]]:
    """The LLaVA table rows of the staged README: cells after the checkpoint column."""
    text = raw_source("bfshi+scaling_on_scales/README.md").read_text()
    section = text.split("## Example: LLaVA with S")[1].split("**Training**")[0]
    rows = [line for line in section.splitlines() if re.match(r"\| \**LLaVA", line)]
    return [[cell.strip(" *") for cell in row.strip("|").split("|")][4:] for row in rows]


def test_points_match_the_staged_readme(points):
    runs = ["llava15-7b-fullft", "llava15-7b-lora", "llava15-s2-7b-lora",
            "llava15-13b-fullft", "llava15-13b-lora", "llava15-s2-13b-lora"]
    for run, cells in zip(runs, readme_llava_rows(), strict=True):
        for column, cell in zip(COLUMNS, cells, strict=True):
            if cell != "-":
                assert value(points, run, column) == pytest.approx(float(cell) / 100)


# (run, column, value as the README prints it, in percent)
README_CELLS = [
    ("llava15-7b-fullft", "vqav2", 78.5),
    ("llava15-s2-7b-lora", "textvqa", 61.0),
    ("llava15-13b-lora", "vizwiz", 58.9),
    ("llava15-s2-13b-lora", "vqav2", 80.9),
    ("llava15-s2-13b-lora", "mmvet", 36.4),
    ("llava15-13b-fullft", "mathvista", 27.6),
]


@pytest.mark.parametrize("run,column,percent", README_CELLS)
def test_transcribed_cells_are_fractions(points, run, column, percent):
    assert value(points, run, column) == pytest.approx(percent / 100)


def test_six_runs_and_dash_cells_left_out(points, metrics):
    assert len(points) == 42 and not points.duplicated(KEY).any()
    assert set(points["family_id"]) == {FAMILY}
    counts = points.groupby("run_id").size().to_dict()
    assert counts["llava15-7b-lora"] == counts["llava15-13b-lora"] == 5  # three "-" cells each
    assert set(points["metric"]) == set(metrics["metric"]) == {f"shi2024a_{c}" for c in COLUMNS}


def test_sizes_and_units(points, metrics):
    assert set(points["params"]) == {7e9, 13e9}
    assert points["value"].between(0.2, 0.85).all()  # fractions, not the README's percent
    assert points["tokens"].isna().all() and points["flops"].isna().all()
    assert set(metrics["unit"]) == {"fraction"} and metrics["higher_is_better"].all()


def test_run_inputs_tell_s2_and_lora_apart():
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    flags = inputs.pivot(index="run_id", columns="input", values="value")
    assert set(flags.index[flags["s2"] == 1]) == {"llava15-s2-7b-lora", "llava15-s2-13b-lora"}
    assert flags.loc[["llava15-7b-fullft", "llava15-13b-fullft"], "lora"].eq(0).all()


def test_provenance_on_every_row(points, families):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["source_id"]) == {"bfshi+scaling_on_scales"} and set(points["paper_id"]) == {"shi2024a"}
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert points["source_locator"].str.contains("table row").all()
    family = families.set_index("family_id").loc[FAMILY]
    assert (family["domain"], family["param_convention"]) == ("multimodal", "unknown")
