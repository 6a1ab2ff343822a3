"""Curated learning curves of Alabdulmohsin et al. 2022: against the raw benchmark and invariants."""

from __future__ import annotations

import pandas as pd

from lib.schema import DATA_DIR, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "revisiting_scaling"
RAW_DIR = "google-research+google-research/revisiting_neural_scaling_laws/data"

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def test_vision_sample_matches_raw_lines(points):
    raw = pd.read_csv(raw_source(f"{RAW_DIR}/benchmark.vision.csv"))
    vision = points[points["source_file"].str.endswith("vision.csv")]
    lines = vision["source_locator"].str.extract(r"^line (\d+) ")[0].astype(int)
    assert sorted(lines) == list(range(2, len(raw) + 2))
    for index in vision.index[::1000]:
        row = raw.loc[lines[index] - 2]
        assert points.loc[index, "value"] == row["Loss"] and points.loc[index, "tokens"] == row["Seen Examples"]
    first = points[(points["run_id"] == "MiX/B/16 @ 7700779") & (points["metric"] == "nshot_error_bird_5")]
    assert first["value"].item() == 0.9758287277072668 and first["params"].item() == 73_000_000


def test_language_duplicates_removed(points):
    raw = pd.read_csv(raw_source(f"{RAW_DIR}/benchmark.lang.csv"))
    assert len(raw) - len(raw.drop_duplicates()) == 687
    language = points[points["source_file"].str.endswith("lang.csv")]
    assert len(language) == len(raw) - 687 == 712


def test_counts_per_domain(points, families):
    domains = points["family_id"].str.split("_").str[1]
    assert domains.value_counts().to_dict() == {"ic": 18883, "lm": 229, "bb": 430, "nmt": 53}
    assert len(families) == 17 and points["metric"].nunique() == 12 + 1 + 1 + 10
    assert not points.duplicated(list(POINTS.key)).any() and points["step"].isna().all()


def test_used_for_fit_flag_on_every_run(points):
    inputs = run_inputs()
    assert set(zip(inputs["family_id"], inputs["run_id"])) == set(zip(points["family_id"], points["run_id"]))
    assert set(inputs["value"]) == {0, 1} and (inputs["input"] == "used_for_fit").all()
    # Each learning curve's extrapolation targets lie beyond its fit part.
    merged = points.merge(inputs.rename(columns={"value": "fit"}), on=["family_id", "run_id"])
    for _, curve in merged.groupby(["family_id", "metric"]):
        assert curve.loc[curve["fit"] == 1, "tokens"].max() < curve.loc[curve["fit"] == 0, "tokens"].min()


def test_units_and_conventions(points, families, metrics):
    units = families.set_index("family_id")["data_unit"]
    assert units.filter(like="_ic_").eq("samples").all() and units.filter(like="_nmt_").eq("examples").all()
    assert units.filter(like="_lm_").eq("tokens").all()
    lm = metrics.set_index("metric").loc["lm_log_loss_rescaled_revisiting"]
    assert "not nats" in lm["unit"] and "unit interval" in lm["description"]
    ic = points[points["metric"].str.startswith("nshot_error_")]
    assert ic["value"].between(0, 1).all()
    assert set(points.loc[points["family_id"].str.contains("_lm_"), "params"]) == {16_800_000, 134_000_000, 262_000_000, 453_000_000, 1_070_000_000}


def test_provenance(points):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"alabdulmohsin2022"}
