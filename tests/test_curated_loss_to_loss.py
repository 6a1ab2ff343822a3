"""Curated loss-to-loss sweep (KempnerInstitute/loss-to-loss-notebooks): against the raw files and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "loss_to_loss"
KEY = ["family_id", "run_id", "step", "metric"]
RAW = Path("KempnerInstitute+loss-to-loss-notebooks")

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def column_of(locator: str) -> str:
    return locator.split(", ", 1)[1].rstrip(")")


@pytest.mark.parametrize("source_file", ["data/sweep.csv", "data/extrapolation.csv"])
def test_every_point_matches_its_raw_row(points, source_file):
    raw = pd.read_csv(raw_source(RAW / source_file))
    mine = points[points["source_file"] == source_file]
    rows = raw.iloc[mine["source_locator"].str.split().str[1].astype(int) - 2].reset_index(drop=True)
    assert (mine["run_id"].values == (rows["name"] + "-" + rows["id"]).values).all()
    expected = [row[column_of(loc)] for loc, (_, row) in zip(mine["source_locator"], rows.iterrows())]
    assert mine["value"].tolist() == expected
    assert (mine["params"].values == rows["params"].values).all()
    assert (mine["tokens"].values == rows["tokens"].values).all()
    # C is iso_flop, never the release's per-sequence `flops` column.
    assert (mine["flops"].values == rows["iso_flop"].values).all()
    assert not (mine["flops"].values == rows["flops"].values).any()


def test_counts_per_family(points, families):
    runs = points.groupby("family_id")["run_id"].nunique().to_dict()
    assert runs == {
        "brandfonbrener2024_fineweb_100b": 91,
        "brandfonbrener2024_fineweb_edu_100b": 92,
        "brandfonbrener2024_proof_pile_2": 87,
        "brandfonbrener2024_slimpajama": 90,
        "brandfonbrener2024_smollm": 90,
        "brandfonbrener2024_starcoder": 85,
    }
    assert set(families["family_id"]) == set(runs)
    assert (points.groupby("run_id")["metric"].nunique() == len(points["metric"].unique())).all()


def test_own_corpus_loss_equals_its_eval_column(points):
    own = points[points["metric"] == "val_loss_own_corpus_l2l"].set_index("run_id")["value"]
    corpus = {
        "brandfonbrener2024_fineweb_100b": "val_loss_fineweb_100b_l2l",
        "brandfonbrener2024_smollm": "val_loss_smollm_l2l",
        "brandfonbrener2024_starcoder": "val_loss_starcoder_l2l",
    }
    for family_id, metric in corpus.items():
        evals = points[(points["family_id"] == family_id) & (points["metric"] == metric)].set_index("run_id")["value"]
        assert (own.loc[evals.index] == evals).all()


def test_c_is_6nd_with_embeddings(points):
    assert (((6 * points["params"] * points["tokens"]) / points["flops"] - 1).abs() < 1e-9).all()
    d_model = (points["params"] - points["params_non_embedding"]) / 64_000
    assert (d_model == d_model.round()).all() and (d_model % 64 == 0).all()


def test_keys_unique_and_provenance_filled(points):
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required) + ["source_id"]].notna().all().all()
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert set(points["flops_method"]) == {"reported"}


def test_units_and_conventions(points, families, metrics):
    assert (families["param_convention"] == "with_embeddings").all()
    assert families[list(FAMILIES.required)].notna().all().all()
    assert points["params"].between(1.9e7, 3.4e9).all() and points["flops"].between(2e17, 1e21).all()
    bounds = metrics.set_index("metric")
    for metric, values in points.groupby("metric")["value"]:
        assert values.between(bounds.loc[metric, "min_value"], bounds.loc[metric, "max_value"]).all(), metric
    accuracies = metrics.loc[metrics["kind"] == "accuracy", "metric"]
    assert points.loc[points["metric"].isin(accuracies), "value"].le(1).all()


def test_extrapolation_runs_flagged(run_inputs):
    flag = run_inputs[run_inputs["input"] == "extrapolation_run"]
    assert flag["value"].sum() == 6
    assert flag.groupby("family_id")["value"].sum().eq(1).all()
