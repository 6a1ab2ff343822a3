"""Curated routed and dense LMs of Clark et al. 2022 (google-deepmind/scaling_laws_for_routing):
against the raw curves file, and invariants that need no raw source."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, EXTRACTIONS, FAMILIES, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "routing_clark"
KEY = ["family_id", "run_id", "step", "metric"]
RAW_FILE = Path("google-deepmind+scaling_laws_for_routing") / "data" / "curves.csv.gz"
RUNS_PER_FAMILY = {
    "clark2022_routing_dense": 13,
    "clark2022_routing_hash": 69,
    "clark2022_routing_rl_r": 54,
    "clark2022_routing_s_base": 87,
}
LOSS_COLUMNS = ("loss_validation", "loss_c4", "loss_curation_corpus", "loss_lambada", "loss_pile", "loss_wikitext103")

points, families, metrics = curated_fixtures(NAME)


@pytest.fixture(scope="module")
def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def raw_curves() -> pd.DataFrame:
    return pd.read_csv(raw_source(RAW_FILE))


def line_of(locator: str) -> int:
    return int(locator.split(" ")[1])


# ---------------------------------------------------------------- against the raw file


def test_every_loss_cell_of_the_release_is_a_point(points):
    raw = raw_curves()
    expected = sum(raw[column].notna().sum() for column in LOSS_COLUMNS)
    assert len(points) == expected == 6 * len(raw) - 63


def test_sampled_points_match_their_raw_cells(points):
    raw = raw_curves()
    sample = points.sample(300, random_state=7)
    for point in sample.itertuples():
        row = raw.iloc[line_of(point.source_locator) - 2]
        column = point.source_locator.rsplit("column ", 1)[1].rstrip(")")
        assert point.value == row[column]
        assert point.step == row["step"]
        assert point.params_non_embedding == row["dense_parameter_count"]
        assert point.experts == row["num_experts"]
        assert point.metric == f"clark2022_{column}"


def test_final_validation_loss_of_the_largest_dense_model(points):
    raw = raw_curves()
    dense = raw[(raw["router_type"] == "Dense") & (raw["model_size_label"] == "1.3B")]
    last = dense.sort_values("step").iloc[-1]
    point = points[(points["run_id"] == "dense_1.3B_E1_k1_rf0.5_s42_h005") & (points["metric"] == "clark2022_loss_validation")]
    assert point["step"].max() == last["step"] == 249000
    assert point.loc[point["step"].idxmax(), "value"] == last["loss_validation"]


def test_total_parameters_and_routing_inputs_match_the_release(run_inputs):
    raw = raw_curves().drop_duplicates("hyper_id").set_index("hyper_id")
    wide = run_inputs.pivot(index="run_id", columns="input", values="value")
    for run_id, row in wide.iterrows():
        source = raw.loc[int(run_id.rsplit("_h", 1)[1])]
        assert row["total_parameter_count"] == source["total_parameter_count"]
        assert row["k"] == source["k"] and row["routing_frequency"] == source["routing_frequency"]
        assert row["flops_per_step"] == source["flops_per_step"]


# ---------------------------------------------------------------- invariants


def test_runs_per_router_family(points):
    assert points.groupby("family_id")["run_id"].nunique().to_dict() == RUNS_PER_FAMILY
    assert not points.duplicated(KEY).any()


def test_six_losses_every_ten_thousand_steps(points, metrics):
    assert set(points["metric"]) == set(metrics["metric"]) and len(metrics) == 6
    steps = set(points["step"])
    assert set(range(0, 250_000, 10_000)) <= steps <= set(range(0, 250_001, 1_000))
    assert (metrics["unit"] == "nats/token").all() and (metrics["kind"] == "loss").all()
    assert points["value"].between(0.5, 12).all()


def test_n_is_the_non_embedding_count_and_d_c_stay_empty(points, families):
    assert set(families["param_convention"]) == {"non_embedding"}
    assert points["params"].isna().all() and points["params_non_embedding"].notna().all()
    assert points[["tokens", "flops", "flops_method"]].isna().all().all()
    assert points["params_non_embedding"].between(1.5e7, 1.4e9).all()
    assert all("Tokens (D) left empty" in text for text in families["description"])


def test_dense_runs_have_one_expert_and_routed_runs_more(points):
    dense = points["family_id"] == "clark2022_routing_dense"
    assert (points.loc[dense, "experts"] == 1).all()
    assert points.loc[~dense, "experts"].between(2, 512).all()


def test_total_parameters_never_below_n(points, run_inputs):
    total = run_inputs[run_inputs["input"] == "total_parameter_count"].set_index("run_id")["value"]
    n = points.drop_duplicates("run_id").set_index("run_id")["params_non_embedding"]
    assert (total.loc[n.index] >= n).all()
    assert set(run_inputs["input"]) == {"total_parameter_count", "k", "routing_frequency", "flop_increase", "flops_per_step", "seed"}
    assert run_inputs[list(RUN_INPUTS.required)].notna().all().all()


def test_provenance_on_every_row(points, families):
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"clark2022"}
    assert set(points["source_id"]) == {"google-deepmind+scaling_laws_for_routing"}
    assert set(points["extraction"]) == {"released_data"} <= set(EXTRACTIONS)
    assert families[list(FAMILIES.required)].notna().all().all()


def test_the_paper_row_is_staged():
    staged = pd.read_csv(DATA_DIR / "papers.csv", dtype={"arxiv_id": str})
    row = staged.set_index("paper_id").loc["clark2022"]
    assert row["title"] == "Unified Scaling Laws for Routed Language Models"
    assert row["arxiv_id"] == "2202.01169" and row["url"] == "https://arxiv.org/abs/2202.01169"
