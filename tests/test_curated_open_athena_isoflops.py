"""Curated Open Athena IsoFLOP extractions: against the raw per-source files and invariants."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from lib.schema import DATA_DIR, FAMILIES, FLOPS_METHODS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "open_athena_isoflops"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_DIR = Path("Open-Athena+scaling-law-analysis") / "data" / "isoflops" / "extract"
EXPECTED_COUNTS = {
    "llama3_isoflops": 133,
    "misfitting_isoflops": 176,
    "chinchilla_isoflops_epoch": 123,
    "chinchilla_isoflops_scalefit": 124,
}
# Hoffmann et al. Figure 3: the nine IsoFLOP budgets.
CHINCHILLA_BUDGETS = {6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21}
# Llama 3 Figure 2: "IsoFLOPs curves between 6 x 10^18 and 10^22 FLOPs".
LLAMA3_BUDGETS = {6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21, 1e22}


points, families, _ = curated_fixtures(NAME)


def raw_extract_dir() -> Path:
    return raw_source(RAW_DIR)


def all_my_metrics() -> set[str]:
    names = ["epoch_chinchilla", "open_athena_isoflops", "misfitting_openlm"]
    return set(pd.concat([pd.read_csv(DATA_DIR / "metrics" / f"{name}.csv") for name in names])["metric"])


# ---------------------------------------------------------------- against the raw files


def test_every_point_matches_its_raw_row(points):
    extract = raw_extract_dir()
    root = extract.parents[2]  # repository root: source_file is relative to it
    for source_file, group in points.groupby("source_file"):
        raw = pd.read_csv(root / source_file)
        rows = group["source_locator"].str.removeprefix("row ").astype(int) - 1
        matched = raw.iloc[rows.to_numpy()]
        assert group["params"].tolist() == matched["params"].tolist(), source_file
        assert group["tokens"].tolist() == matched["tokens"].tolist(), source_file
        assert group["flops"].tolist() == matched["budget"].tolist(), source_file
        assert group["value"].tolist() == matched["loss"].tolist(), source_file


def test_llama3_point_read_exactly(points):
    raw = pd.read_csv(raw_extract_dir() / "llama_3" / "isoflops.csv")
    first = raw.iloc[0]  # raw_loss, budget 6e18
    point = points[(points["family_id"] == "llama3_isoflops") & (points["source_locator"] == "row 1")].iloc[0]
    assert first["condition"] == "raw_loss"
    assert point["tokens"] == first["tokens"] == 1579500858.99
    assert point["flops"] == first["budget"] == 6e18
    assert point["value"] == first["loss"] == 0.919843406813


def test_no_row_counted_twice_and_combined_file_is_the_union():
    extract = raw_extract_dir()
    combined = pd.read_csv(extract / "isoflops.csv")
    per_source = sum(len(pd.read_csv(path)) for path in extract.glob("*/isoflops.csv"))
    assert len(combined) == per_source == 947


def test_llama3_keeps_only_the_digitized_loss(points):
    extract = raw_extract_dir()
    raw = pd.read_csv(extract / "llama_3" / "isoflops.csv")
    llama = points[points["family_id"] == "llama3_isoflops"]
    rows = llama["source_locator"].str.removeprefix("row ").astype(int) - 1
    assert set(raw.iloc[rows.to_numpy()]["condition"]) == {"raw_loss"}


# ---------------------------------------------------------------- invariants


def test_counts_and_unique_keys(points):
    assert points.groupby("family_id").size().to_dict() == EXPECTED_COUNTS
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["flops_method"]) <= set(FLOPS_METHODS)


def test_marin_is_left_out(points):
    assert not points["source_file"].str.contains("marin").any()


def test_budgets_are_the_papers_isoflop_budgets(points):
    for family in ("chinchilla_isoflops_epoch", "chinchilla_isoflops_scalefit"):
        assert set(points.loc[points["family_id"] == family, "flops"]) == CHINCHILLA_BUDGETS
    assert set(points.loc[points["family_id"] == "llama3_isoflops", "flops"]) == LLAMA3_BUDGETS


def test_units_are_absolute(points):
    # Tokens and params are counts (none of the files is in billions).
    assert points["params"].between(5e7, 2e10).all()
    assert points["tokens"].between(1e8, 2e12).all()
    assert points["flops"].between(5e16, 2e22).all()


def test_tokens_follow_from_budget_where_open_athena_derived_them(points):
    for family in ("llama3_isoflops", "misfitting_isoflops", "chinchilla_isoflops_epoch"):
        part = points[points["family_id"] == family]
        ratio = 6 * part["params"] * part["tokens"] / part["flops"]
        assert np.allclose(ratio, 1.0, rtol=1e-9), family


def test_metrics_declared_and_values_in_range(points):
    assert set(points["metric"]) <= all_my_metrics()
    llama = points[points["family_id"] == "llama3_isoflops"]["value"]
    assert llama.between(0.6, 1.0).all()
    others = points[points["family_id"] != "llama3_isoflops"]["value"]
    assert others.between(2.0, 6.0).all()


def test_families_complete_and_tied_to_papers(families):
    assert set(families["family_id"]) == set(EXPECTED_COUNTS)
    assert families[list(FAMILIES.required)].notna().all().all()
    papers = families.set_index("family_id")["paper_id"].to_dict()
    assert papers == {
        "llama3_isoflops": "dubey2024",
        "misfitting_isoflops": "li2025",
        "chinchilla_isoflops_epoch": "hoffmann2022",
        "chinchilla_isoflops_scalefit": "hoffmann2022",
    }
