"""Curated validation-loss curves of Muennighoff et al. 2023 as collected in IBM/ColPret
(datablations_losses.csv, datablations_code_losses.csv): against the raw files, and invariants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "datablations_curves"
KEY = ["family_id", "run_id", "step", "metric"]
LOSSES = Path("IBM+ColPret") / "aggregated_eval" / "datablations_losses.csv"
CODE = Path("IBM+ColPret") / "aggregated_eval" / "datablations_code_losses.csv"
EXACT_N = {"2.8B": 2.81e9, "4.2B": 4.2465e9, "8.7B": 8.67e9}

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def raw_line(raw: pd.DataFrame, locator: str) -> pd.Series:
    return raw.iloc[int(locator.split(" ")[1]) - 2]


# ---------------------------------------------------------------- against the raw files


def test_repetition_points_match_their_raw_rows(points):
    raw = pd.read_csv(raw_source(LOSSES))
    repetition = points[points["family_id"] != "muennighoff2023_code_mix"]
    assert len(repetition) == len(raw) - 326 * 2  # all rows but the two identical curves
    for point in repetition.sample(400, random_state=3).itertuples():
        row = raw_line(raw, point.source_locator)
        assert (point.tokens, point.step, point.value) == (row["token_num"], row["token_num"], row["loss"])
        assert point.unique_tokens == row["tokens_per_epoch"]
        assert point.params == EXACT_N[row["num_params"]]
        assert point.family_id == f"muennighoff2023_repetition_{row['data']}"


def test_the_released_flops_column_is_replaced_by_6nd(points):
    raw = pd.read_csv(raw_source(LOSSES))
    point = points[points["source_locator"].str.startswith("line 2 ")].iloc[0]
    released = raw.loc[0, "flops"]
    assert point["flops"] == 6 * point["params"] * point["tokens"]
    assert released / point["flops"] > 100  # early rows of the release carry F x D_final / token_num


def test_the_two_identical_oscar_curves_are_still_identical_and_left_out(points):
    raw = pd.read_csv(raw_source(LOSSES))
    pick = lambda epochs: raw[(raw["num_params"] == "2.8B") & (raw["data"] == "oscar") & (raw["epochs"] == epochs)]  # noqa: E731
    assert pick(3)["loss"].tolist() == pick(4)["loss"].tolist()
    assert not points["run_id"].isin(["2.8B_55B_oscar_3ep", "2.8B_55B_oscar_4ep"]).any()


def test_code_points_match_their_raw_rows(points):
    raw = pd.read_csv(raw_source(CODE))
    code = points[points["family_id"] == "muennighoff2023_code_mix"]
    assert len(code) == len(raw) == 296
    for point in code.itertuples():
        row = raw_line(raw, point.source_locator)
        assert point.run_id == f"4b284b84b{row['epochs']}c4py" and point.value == row["loss"]
        assert point.metric == {1: "muennighoff2023_val_loss_c4", 2: "muennighoff2023_val_loss_python"}[row["Seed"]]


# ---------------------------------------------------------------- invariants


def test_46_repetition_curves_and_9_code_runs(points):
    runs = points.groupby("family_id")["run_id"].nunique().to_dict()
    assert runs == {"muennighoff2023_repetition_c4": 24, "muennighoff2023_repetition_oscar": 22, "muennighoff2023_code_mix": 9}
    assert not points.duplicated(KEY).any()


def test_unique_tokens_are_total_over_epochs(points):
    repetition = points[points["family_id"] != "muennighoff2023_code_mix"]
    epochs = repetition["run_id"].str.extract(r"_(\d+)ep$")[0].astype(int)
    total = repetition["run_id"].str.extract(r"_(\d+)B_")[0].astype(float) * 1e9
    assert (repetition["unique_tokens"] - total / epochs).abs().max() < 1
    assert (repetition["tokens"] <= total).all()
    assert points.loc[points["family_id"] == "muennighoff2023_code_mix", "unique_tokens"].isna().all()


def test_c4_loss_falls_and_python_loss_rises_with_the_c4_share(points, run_inputs):
    code = points[points["family_id"] == "muennighoff2023_code_mix"]
    final = code.loc[code.groupby(["run_id", "metric"])["step"].idxmax()].pivot(index="run_id", columns="metric", values="value")
    share = run_inputs[run_inputs["input"] == "c4_share"].set_index("run_id")["value"]
    final = final.join(share.rename("c4_share")).sort_values("c4_share")
    assert final["muennighoff2023_val_loss_c4"].is_monotonic_decreasing
    assert final["muennighoff2023_val_loss_python"].is_monotonic_increasing
    both = run_inputs.pivot(index="run_id", columns="input", values="value")
    assert ((both["c4_share"] + both["python_code_share"]) - 1).abs().max() < 1e-12
    assert run_inputs[list(RUN_INPUTS.required)].notna().all().all()


def test_metrics_declared_here_leave_c4_to_the_final_losses_file(metrics):
    assert set(metrics["metric"]) == {"muennighoff2023_val_loss_oscar", "muennighoff2023_val_loss_python"}
    final = pd.read_csv(DATA_DIR / "metrics" / "datablations_final.csv")
    assert set(final["metric"]) == {"muennighoff2023_val_loss_c4"}


def test_provenance_and_families(points, families):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"muennighoff2023"} and set(points["source_id"]) == {"IBM+ColPret"}
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert (points["flops"] == 6 * points["params"] * points["tokens"]).all() and set(points["flops_method"]) == {"6ND"}
    assert families[list(FAMILIES.required)].notna().all().all()
    assert all("Hitchhiker" in text for text in families["description"])
