"""Curated NFNet points (Smith et al. 2023, Fig. 1, ColPret digitisation): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "colpret_nfnet"
RAW_FILE = Path("IBM+ColPret") / "aggregated_eval" / "graph_extracted" / "2310.16764_ConvNets_match.csv"

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def test_values_are_raw_percent_over_100_and_compute_is_raw_x(points):
    raw = pd.read_csv(raw_source(RAW_FILE), encoding="utf-8-sig")
    raw = raw[raw["model"] != "F7_wide"].reset_index(drop=True)
    assert points.sort_values("source_locator", key=lambda s: s.str.extract(r"row (\d+)")[0].astype(int))[
        "value"].round(12).tolist() == (raw["y"] / 100).round(12).tolist()
    compute = run_inputs().set_index("run_id")["value"]
    assert compute["nfnet-F1-1"] == raw.loc[0, "x"] == 682.8767412


def test_duplicate_series_dropped_and_names_mapped(points):
    assert len(points) == 21
    assert points["run_id"].str.extract(r"nfnet-(.+)-\d+")[0].value_counts().to_dict() == {
        "F1": 6, "F3": 5, "F3+": 5, "F7": 5}
    assert not points["source_locator"].str.contains("F7_wide").any()


def test_units_and_no_invented_columns(points, families):
    assert points["value"].between(0.1, 0.14).all()  # 10-14 % top-1 error in the figure
    assert points[["params", "tokens", "flops"]].isna().all().all()
    assert families.loc[0, "domain"] == "vision"
    inputs = run_inputs()
    assert set(inputs["input"]) == {"pretrain_compute_tpu_v4_core_hours"}
    assert inputs["value"].between(500, 80000).all()  # the figure's axis: 1e3 to 1e5 core hours


def test_provenance_filled(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["extraction"]) == {"digitized_figure"}
    assert set(points["paper_id"]) == {"smith2023"}
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()
