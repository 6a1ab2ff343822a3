"""Curated Epoch benchmark-hub scores (Ho et al. 2025) joined to the Epoch models database:
against the raw files and invariants."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, FAMILIES, PAPERS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "epoch_benchmarks"
KEY = ["family_id", "run_id", "step", "metric"]
RAW = Path("epoch-research+benchmark-stitching")
LOCATOR = r"^record (\w+) \((.*)\), column '(.+)', shots (.+?); source: .*; (joined to Epoch model '(.+)'|no Epoch model joined)$"

points, families, metrics = curated_fixtures(NAME)


def models() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "models" / "epoch_models.csv")


def located(points: pd.DataFrame) -> pd.DataFrame:
    parts = points["source_locator"].str.extract(LOCATOR)
    assert parts[[0, 2, 3, 4]].notna().all().all()
    return parts.rename(columns={0: "record", 1: "name", 2: "column", 3: "shots", 4: "join", 5: "epoch_name"})


# ---------------------------------------------------------------- against the raw files


def test_every_score_is_its_raw_percentage(points):
    parts = located(points)
    for path, group in points.assign(**parts).groupby("source_file"):
        raw = pd.read_csv(raw_source(RAW / path), dtype=str).set_index("id")
        for record, column, value in zip(group["record"], group["column"], group["value"]):
            assert value == float(Decimal(raw.loc[record, column].strip().rstrip("%")) / 100)


def test_joined_models_carry_the_databases_numbers(points):
    parts = located(points)
    database = models().drop_duplicates("name", keep=False).set_index("name")
    joined = points.assign(epoch_name=parts["epoch_name"]).dropna(subset=["epoch_name"])
    reference = database.loc[joined["epoch_name"]]
    for ours, theirs in (("params", "params"), ("flops", "flops")):
        same = (joined[ours].to_numpy() == reference[theirs].to_numpy()) | (joined[ours].isna().to_numpy() & reference[theirs].isna().to_numpy())
        assert same.all()
    tokens = reference["dataset_size"].where(reference["dataset_unit"] == "tokens")
    ratio = reference["flops"] / (6 * reference["params"] * tokens)
    tokens = tokens.where(ratio.between(0.1, 10) | ratio.isna())  # D of another run than C is left out
    assert sorted(joined.loc[(ratio > 10).to_numpy() | (ratio < 0.1).to_numpy(), "epoch_name"].unique()) == [
        "DeepSeek-V3", "Minerva (540B)"]
    assert ((joined["tokens"].to_numpy() == tokens.to_numpy()) | (joined["tokens"].isna().to_numpy() & tokens.isna().to_numpy())).all()


def test_gpt4_mmlu_read_by_hand(points):
    gpt4 = points[(points["run_id"] == "GPT-4") & (points["metric"] == "epoch_mmlu_5shot")].iloc[0]
    assert gpt4["value"] == 0.839 and gpt4["flops"] == 2.1e25
    assert "Baichuan 2" in gpt4["source_locator"] and "http://arxiv.org/abs/2309.10305" in gpt4["source_locator"]


# ---------------------------------------------------------------- invariants


def test_one_shot_setting_per_metric(points):
    shots = located(points)["shots"]
    assert (shots.groupby(points["metric"]).nunique() == 1).all()
    assert {"epoch_mmlu_5shot", "epoch_mmlu_0shot", "epoch_gsm8k_8shot", "epoch_boolq_fewshot"} <= set(points["metric"])


def test_counts_keys_and_provenance(points, families):
    assert len(points) == 1685 and points["metric"].nunique() == 66
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["family_id"]) == {"ho2025_public_models"} and len(families) == 1
    assert families[list(FAMILIES.required)].notna().all().all()
    assert "295 models (by model version)" in families.loc[0, "description"]
    assert "141 models join, the other 154 keep their scores with N, D and C empty" in families.loc[0, "description"]
    assert int(points["flops"].notna().sum()) == 806


def test_values_and_units(points, metrics):
    assert points["value"].between(0, 1).all()
    assert set(metrics["kind"]) == {"accuracy"}
    assert set(points["flops_method"].dropna()) == {"reported"}
    assert points["flops_method"].notna().equals(points["flops"].notna())
    assert points["params"].dropna().min() > 1e6  # counts, not billions


def test_staged_paper_row():
    staged = pd.read_csv(DATA_DIR / "papers.csv", dtype={"arxiv_id": str})
    assert list(staged.columns) == list(PAPERS.columns)
    row = staged.set_index("paper_id").loc["ho2025"]
    assert row["arxiv_id"] == "2512.00193" and row["title"] == "A Rosetta Stone for AI Benchmarks"
