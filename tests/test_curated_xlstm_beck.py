"""Curated Beck et al. 2025 xLSTM IsoFLOP runs (NX-AI/xlstm_scaling_laws, flattened W&B export): against the raw file and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "xlstm_beck"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("NX-AI+xlstm_scaling_laws") / "data" / "wandb_runs_flattened.csv"
RAW_COLUMN = {"train_loss_dclm_beck2025": "train_loss_mean_last", "val_loss_dclm_beck2025": "val_dclm_loss_last"}

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def test_every_point_matches_its_raw_row(points):
    raw = pd.read_csv(raw_source(RAW_FILE))
    lines = points["source_locator"].str.split().str[1].astype(int)
    rows = raw.iloc[lines - 2].reset_index(drop=True)
    assert (points["run_id"].values == (rows["run_name"] + "-" + rows["wandb_id"]).values).all()
    expected = [row[RAW_COLUMN[metric]] for metric, (_, row) in zip(points["metric"], rows.iterrows())]
    assert points["value"].tolist() == expected
    assert points["params"].tolist() == rows["num_params"].tolist()
    assert points["tokens"].tolist() == rows["tokens_trained"].tolist()
    assert points["learning_rate"].tolist() == rows["peak_lr"].tolist()
    assert (points["batch_size_tokens"] == rows["global_batch_size"] * rows["context_length"]).all()


def test_only_runs_without_losses_are_left_out(points):
    raw = pd.read_csv(raw_source(RAW_FILE))
    with_loss = raw[raw[list(RAW_COLUMN.values())].notna().any(axis=1)]
    assert points["run_id"].nunique() == len(with_loss) == 430


def test_counts_per_family(points, families):
    runs = points.groupby("family_id")["run_id"].nunique().to_dict()
    assert runs == {
        "beck2025_llama_ctx2048": 85,
        "beck2025_llama_ctx8192": 110,
        "beck2025_llama_ctx8192_flops_chinchilla": 52,
        "beck2025_llama_ctx16384": 70,
        "beck2025_mlstm_ctx16384": 84,
        "beck2025_mlstm_ctx8192_gbs256": 29,
    }
    assert set(families["family_id"]) == set(runs)


def test_keys_unique_and_provenance_filled(points):
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required) + ["source_id"]].notna().all().all()
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert points["flops"].isna().all()  # the paper's FLOP count is not reproduced


def test_llama_non_embedding_count_is_exact(points):
    llama = points[points["family_id"].str.startswith("beck2025_llama")]
    mlstm = points[points["family_id"].str.startswith("beck2025_mlstm")]
    assert llama["params_non_embedding"].notna().all() and mlstm["params_non_embedding"].isna().all()
    width = (llama["params"] - llama["params_non_embedding"]) / (2 * 50304)
    assert (width == width.round()).all() and width.between(256, 8192).all()


def test_units_and_conventions(points, families, metrics):
    assert (families["param_convention"] == "with_embeddings").all()
    assert (families["data_unit"] == "tokens").all()
    assert families[list(FAMILIES.required)].notna().all().all()
    assert points["params"].between(5e7, 1e10).all() and points["tokens"].between(1e9, 1e12).all()
    converged = points["value"] < 6.0
    assert points.loc[converged, "value"].between(2.5, 4.0).all()
    assert points.loc[~converged, "run_id"].nunique() == 3  # the few diverged mLSTM runs
    assert set(metrics["metric"]) == set(points["metric"])


def test_budget_group_and_completion_flag(points, run_inputs):
    budget = run_inputs[run_inputs["input"] == "isoflop_budget"]
    assert set(budget["run_id"]) == set(points["run_id"])
    assert budget["value"].between(1, 13).all()
    flag = run_inputs[run_inputs["input"] == "reached_num_train_steps"]
    assert flag["value"].value_counts().to_dict() == {1: 429, 0: 1}
