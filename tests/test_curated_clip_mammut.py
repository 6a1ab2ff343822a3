"""Curated CLIP / MaMMUT runs on DataComp-1.4B (Nezhurina et al. 2025): raw table and invariants."""

from __future__ import annotations

import pandas as pd

from lib.schema import DATA_DIR, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "clip_mammut"
RAW_FILE = "LAION-AI+scaling-laws-for-comparison/scaling_laws/data/segmentation_results.parquet"

points, families, metrics = curated_fixtures(NAME)


def test_sample_run_matches_raw_row(points):
    raw = pd.read_parquet(raw_source(RAW_FILE)).set_index("name")
    for name in points["run_id"].drop_duplicates().sort_values().iloc[::97]:
        row = raw.loc[name]
        run = points[points["run_id"] == name].set_index("metric")
        assert run.loc["miou_ade20k", "value"] == row["miou"]
        assert run.loc["acc1_ade20k_segmentation", "value"] == row["acc1"]
        assert run.loc["train_contrastive_loss_imagetext", "value"] == row["train_contrastive_loss"]
        assert run["params"].iloc[0] == round(row["model_mparams"] * 1e6)
        assert run["tokens"].iloc[0] == row["samples_seen"]
        assert run["flops"].iloc[0] == row["gflops"] * 1e9
        assert run["learning_rate"].iloc[0] == row["lr"]


def test_forward_compute_is_samples_times_per_sample_flops(points):
    profile = pd.read_csv(raw_source("LAION-AI+scaling-laws-for-comparison/model_profile.csv"))
    raw = pd.read_parquet(raw_source(RAW_FILE))[["name", "model_simple_namespace"]]
    runs = points.drop_duplicates("run_id").merge(raw, left_on="run_id", right_on="name")
    runs = runs.merge(profile, on="model_simple_namespace")
    expected = runs["tokens"] * runs["gflops"] * 1e9
    assert ((runs["flops"] / expected - 1).abs() < 1e-9).all()
    # Forward FLOPs per image-text pair ~ 2 x params x (patches + text tokens): tens to hundreds.
    assert (runs["flops"] / (2 * runs["params"] * runs["tokens"])).between(10, 500).all()
    assert set(points["flops_method"]) == {"forward_only"}


def test_counts_per_family_and_metric(points):
    counts = points.groupby(["family_id", "metric"]).size().to_dict()
    assert counts[("nezhurina2025_clip_datacomp", "miou_ade20k")] == 581
    assert counts[("nezhurina2025_mammut_datacomp", "train_caption_loss_mammut")] == 850
    assert ("nezhurina2025_clip_datacomp", "train_caption_loss_mammut") not in counts
    assert len(points) == 581 * 3 + 850 * 4 and not points.duplicated(list(POINTS.key)).any()


def test_conventions_and_metric_ranges(points, families, metrics):
    assert set(families["domain"]) == {"multimodal"} and set(families["data_unit"]) == {"samples"}
    assert families["flops_convention"].str.contains("FORWARD passes only").all()
    bounds = metrics.set_index("metric")
    for metric, group in points.groupby("metric"):
        assert group["value"].between(bounds.loc[metric, "min_value"], bounds.loc[metric, "max_value"]).all()
    assert points["params"].between(1e7, 2e9).all()


def test_provenance_and_run_inputs(points):
    assert points[list(POINTS.required)].notna().all().all()
    inputs = pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    assert inputs.groupby("input").size().to_dict() == {"global_batch_size": 1431, "warmup": 1431}
