"""Curated Gadre et al. 2024 OpenLM over-training runs: checked against the raw release and for invariants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR, FAMILIES, METRICS, PAPERS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "openlm_overtraining"
KEY = ["family_id", "run_id", "step", "metric"]


points, families, metrics = curated_fixtures(NAME)


def raw_exp_data() -> Path:
    """exp_data of the release."""
    return raw_source("mlfoundations+scaling/exp_data")


def one_point(points: pd.DataFrame, run_id: str, metric: str) -> pd.Series:
    rows = points[(points["run_id"] == run_id) & (points["metric"] == metric)]
    assert len(rows) == 1, (run_id, metric, len(rows))
    return rows.iloc[0]


# ---------------------------------------------------------------- against the raw release


def test_rpj_1b_overtrained_run_matches_raw_model_json(points):
    raw = json.loads((raw_exp_data() / "models" / "rpj-open_lm_1b-32.0.json").read_text())
    c4_eval = next(r for r in raw["results"] if "/c4_val/" in r["val_data"][0])
    point = one_point(points, "openlm-1.4b-rpj-m640", "val_loss_c4_eval")
    assert point["family_id"] == "openlm_rpj_m640"
    assert point["params"] == raw["hyperparameters"]["params"]
    assert point["params_non_embedding"] == raw["hyperparameters"]["params_no_embed"]
    assert point["tokens"] == raw["hyperparameters"]["tokens"]
    assert point["value"] == c4_eval["loss"]
    assert point["source_file"] == "exp_data/models/rpj-open_lm_1b-32.0.json"


def test_german_loss_of_small_c4_run_matches_raw(points):
    raw = json.loads((raw_exp_data() / "models" / "c4_original-d=96_l=8_h=4-16.0.json").read_text())
    german = next(r for r in raw["results"] if r["val_data"][0].endswith("val_de-en_100.tar"))
    assert one_point(points, "openlm-0.011b-c4-m320", "val_loss_c4_german")["value"] == german["loss"]


def test_downstream_accuracy_matches_raw_eval_json(points):
    path = raw_exp_data() / "evals" / "evaluation_rw_original-open_lm_7b-1.0_heavy.json"
    icl = json.loads(path.read_text())["eval_metrics"]["icl"]
    assert one_point(points, "openlm-6.9b-rw-m20", "acc_arc_easy_10shot_llmfoundry")["value"] == icl["arc_easy"]
    assert one_point(points, "openlm-6.9b-rw-m20", "acc_hellaswag_0shot_llmfoundry")["value"] == icl["hellaswag_zeroshot"]
    assert one_point(points, "openlm-6.9b-rw-m20", "acc_mmlu_5shot_llmfoundry")["value"] == icl["mmlu"]


def test_every_raw_run_and_task_is_curated(points):
    exp = raw_exp_data()
    model_files = sorted(p.name for p in (exp / "models").glob("*.json"))
    assert sorted(points["source_file"].str.extract(r"^exp_data/models/(.*)$")[0].dropna().unique()) == model_files
    for path in (exp / "evals").glob("*.json"):
        n_tasks = len(json.loads(path.read_text())["eval_metrics"]["icl"])
        assert (points["source_file"] == f"exp_data/evals/{path.name}").sum() == n_tasks


def test_shot_counts_agree_with_the_eval_config(metrics):
    """eval_metadata.csv (used for metric ids) and heavy.yaml (what was run) give the same shots."""
    config = (raw_exp_data() / "heavy.yaml").read_text()
    shots = dict(re.findall(r"label:\s*(\S+)\s*\n(?:.*\n)*?\s*num_fewshot:\s*\[(\d+)\]", config))
    assert len(shots) == 46
    declared = set(metrics["metric"])
    for task, k in shots.items():
        assert f"acc_{task.removesuffix('_zeroshot')}_{k}shot_llmfoundry" in declared, task


def test_chance_levels_are_the_releases_random_baselines(metrics):
    baselines = pd.read_csv(raw_exp_data() / "eval_metadata.csv").set_index("Eval Task")["Random baseline"]
    accuracies = metrics[metrics["kind"] == "accuracy"]
    assert accuracies["chance"].notna().all() and metrics.loc[metrics["kind"] == "loss", "chance"].isna().all()
    for row in accuracies.itertuples():
        task = next(t for t in baselines.index if row.metric.startswith(f"acc_{t.removesuffix('_zeroshot')}_"))
        assert row.chance == pytest.approx(baselines[task] / 100), row.metric
    assert accuracies.set_index("metric").loc["acc_hellaswag_0shot_llmfoundry", "chance"] == 0.25


# ---------------------------------------------------------------- invariants, no raw source needed


def test_counts(points, families, metrics):
    # The paper's testbed is 104 models (abstract); 8 losses + 46 tasks each.
    assert points["run_id"].nunique() == 104
    assert len(families) == 24  # 3 datasets x M in {5, 10, 20, 40, 80, 160, 320, 640}
    assert len(metrics) == 8 + 46
    assert len(points) == 104 * (8 + 46)


def test_keys_unique_and_columns_complete(points, families, metrics):
    assert list(points.columns) == list(POINTS.columns)
    assert list(families.columns) == list(FAMILIES.columns)
    assert list(metrics.columns) == list(METRICS.columns)
    assert not points.duplicated(KEY).any()
    for table, frame in ((POINTS, points), (FAMILIES, families), (METRICS, metrics)):
        assert frame[list(table.required)].notna().all().all(), table.name
    assert set(points["family_id"]) == set(families["family_id"])
    assert set(points["metric"]) == set(metrics["metric"])
    assert set(points["extraction"]) == {"released_data"}


def test_values_within_declared_ranges(points, metrics):
    bounds = points.merge(metrics[["metric", "min_value", "max_value", "kind"]], on="metric")
    assert ((bounds["value"] >= bounds["min_value"]) & (bounds["value"] <= bounds["max_value"])).all()
    accuracy = bounds[bounds["kind"] == "accuracy"]["value"]
    assert accuracy.between(0, 1).all() and accuracy.max() > 0.5  # fractions, not percent
    loss = bounds[bounds["kind"] == "loss"]["value"]
    assert loss.between(1.0, 10.0).all()  # nats per token for these models


def test_tokens_are_counts_and_follow_the_family_multiplier(points):
    runs = points.drop_duplicates("run_id")
    multiplier = runs["family_id"].str.extract(r"_m(\d+)$")[0].astype(int)
    assert (runs["tokens"] == multiplier * runs["params"]).all()  # D = M x N, N with embeddings
    assert runs["tokens"].min() > 5e7 and runs["params"].min() > 1e7
    assert (runs["params_non_embedding"] < runs["params"]).all()
    assert points["flops"].isna().all()  # the store derives the paper's C = 6ND itself


def test_headline_runs_transcribed_from_the_abstract(points):
    # Abstract of 2403.08540: "a 1.4B parameter, 900B token run" and "a 6.9B parameter, 138B token run".
    overtrained = one_point(points, "openlm-1.4b-rpj-m640", "val_loss_c4_eval")
    assert round(overtrained["params"] / 1e9, 1) == 1.4
    assert abs(overtrained["tokens"] / 900e9 - 1) < 0.03
    optimal = one_point(points, "openlm-6.9b-rpj-m20", "val_loss_c4_eval")
    assert round(optimal["params"] / 1e9, 1) == 6.9
    assert round(optimal["tokens"] / 1e9) == 138


def test_fitting_set_is_marked_in_family_descriptions(families):
    described = families.set_index("family_id")["description"]
    for dataset in ("c4", "rpj", "rw"):
        assert "FIT" in described[f"openlm_{dataset}_m20"] and "HELD-OUT" in described[f"openlm_{dataset}_m20"]
        assert "FIT" in described[f"openlm_{dataset}_m320"]
        assert "No run of this family" in described[f"openlm_{dataset}_m40"]
    assert "HELD-OUT" in described["openlm_rpj_m640"]


def test_paper_row():
    # dtype=str: read as a number, 2403.08540 would lose its trailing zero.
    paper = pd.read_csv(DATA_DIR / "papers.csv", dtype=str)
    assert list(paper.columns) == list(PAPERS.columns)
    row = paper.set_index("paper_id", drop=False).loc["gadre2024"]
    assert row["paper_id"] == "gadre2024" and row["arxiv_id"] == "2403.08540"
    assert row["url"] == "https://arxiv.org/abs/2403.08540"
    assert row["year"] == "2024"
    assert row["authors"] == "Samir Yitzhak Gadre, Georgios Smyrnis, Vaishaal Shankar, et al."
