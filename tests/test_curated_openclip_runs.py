"""Checks of the curated OpenCLIP runs (data/*/openclip_runs.csv) against the raw release and the paper."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.schema import DATA_DIR
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "openclip_runs"
SOURCE = "LAION-AI+scaling-laws-openclip"
H14 = "Model-H-14_Data-2B_Samples-34B_lr-5e-4_bs-79k"


points, _, metrics = curated_fixtures(NAME)


def raw_root() -> Path:
    return raw_source(SOURCE)


def final(points: pd.DataFrame, run: str, metric: str) -> pd.Series:
    match = points[(points.run_id == run) & points.step.isna() & (points.metric == metric)]
    assert len(match) == 1, (run, metric, len(match))
    return match.iloc[0]


# --- (a) against the raw release -------------------------------------------------------------


def test_h14_imagenet_point_matches_raw_n_d_c_and_accuracy(points):
    root = raw_root()
    results = pd.read_csv(root / "zeroshot_results.csv")
    raw = results[(results.name == f"{H14}.pt") & (results.downstream_dataset == "imagenet1k")].iloc[0]
    arch = pd.read_csv(root / "arch_info.csv").set_index("model").loc["ViT-H-14"]
    row = final(points, H14, "acc1_zeroshot_imagenet1k")
    assert row.value == raw.acc1
    assert row.tokens == raw.samples_seen
    assert row.params == round(arch.mparams * 1e6)
    assert row.flops == 2 * raw.gmacs_total * 1e9
    assert row.family_id == "openclip_laion2b"


def test_retrieval_point_matches_raw(points):
    results = pd.read_csv(raw_root() / "zeroshot_results.csv")
    raw = results[(results.name == "openai") & (results.arch == "ViT-L-14") & (results.downstream_dataset == "flickr30k")].iloc[0]
    row = final(points, "openai-ViT-L-14", "recall5_text_retrieval_flickr30k")
    assert row.value == raw["text_retrieval_recall@5"]
    assert row.family_id == "clip_wit_openai"


def test_learning_curve_samples_are_epoch_times_samples_per_epoch(points):
    root = raw_root()
    run = "Model-B-32_Data-80M_Samples-34B_lr-1e-3_bs-88k"
    info = pd.read_csv(root / "trained_models_info.csv").set_index("name").loc[f"{run}.pt"]
    curves = pd.read_csv(root / "imagenet_zeroshot_learning_curves.csv")
    raw = curves[(curves.name == f"{run}.pt") & (curves.epoch == 100)].iloc[0]
    row = points[(points.run_id == run) & (points.step == 100) & (points.metric == "acc1_zeroshot_imagenet1k_during_training")].iloc[0]
    assert row.value == raw["imagenet-zeroshot-val-top1"]
    assert row.tokens == 100 * info.samples_per_epoch


def test_every_raw_metric_cell_is_curated(points):
    root = raw_root()
    results = pd.read_csv(root / "zeroshot_results.csv")
    value_columns = ["acc1", "acc5", "mean_per_class_recall", "mean_average_precision",
                     "image_retrieval_recall@5", "text_retrieval_recall@5"]
    curves = pd.read_csv(root / "imagenet_zeroshot_learning_curves.csv")
    curve_columns = ["imagenet-zeroshot-val-top1", "imagenet-zeroshot-val-top5"]
    expected = results[value_columns].notna().sum().sum() + curves[curve_columns].notna().sum().sum()
    assert len(points) == expected


# --- (b) invariants of the curated output ----------------------------------------------------


def test_keys_are_unique_and_counts(points):
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()
    assert len(points) == 9672
    assert points.groupby("family_id").run_id.nunique().to_dict() == {
        "clip_wit_openai": 3, "openclip_laion2b": 11, "openclip_laion400m": 9, "openclip_laion80m": 9,
    }


def test_values_inside_declared_ranges(points, metrics):
    bounds = metrics.set_index("metric")
    assert set(points.metric) == set(bounds.index)
    assert points.value.between(0, 1).all()
    assert (points.value >= points.metric.map(bounds.min_value)).all()
    assert (points.value <= points.metric.map(bounds.max_value)).all()


def test_units_are_absolute(points):
    assert points.params.between(1e8, 2e9).all()  # B/32 ~151M ... g/14 ~1.37B parameters
    assert points.tokens.between(5e7, 4e10).all()  # samples seen (epoch 1 of LAION-80M = 80M), not billions
    assert (points.flops_method == "forward_only").all()  # 2 x GMACs: forward passes only
    # forward GMACs per sample x 2 x samples: between 7.4 and 290.74 GMACs per sample in this release
    per_sample_gmacs = points.flops / points.tokens / 2e9
    assert per_sample_gmacs.between(7.39, 290.75).all()


def test_steps_only_on_learning_curve_metrics(points):
    curve = points.metric.str.endswith("_during_training")
    assert points.loc[curve, "step"].notna().all()
    assert points.loc[~curve, "step"].isna().all()


def test_vtab_plus_is_the_mean_of_the_35_classification_sets(points):
    final_acc1 = points[points.step.isna() & points.metric.str.startswith("acc1_zeroshot_")]
    for run, group in final_acc1.groupby("run_id"):
        values = group.set_index("metric").value
        singles = values.drop(index=[m for m in values.index if m.endswith("_avg")])
        assert len(singles) == 35, run
        assert values["acc1_zeroshot_vtab_plus_avg"] == pytest.approx(singles.mean(), abs=1e-12)


def test_values_transcribed_from_the_papers_table_1(points):
    # Paper Table 1 (percent, one decimal): ImageNet / VTAB+ / COCO image retrieval recall@5.
    table_1 = {
        "openai-ViT-L-14": (75.5, 55.8, 61.1),
        "Model-L-14_Data-2B_Samples-34B_lr-1e-3_bs-86k": (75.2, 54.6, 71.1),
        H14: (78.0, 56.4, 73.4),
    }
    for run, (imagenet, vtab_plus, coco) in table_1.items():
        assert round(100 * final(points, run, "acc1_zeroshot_imagenet1k").value, 1) == imagenet
        assert round(100 * final(points, run, "acc1_zeroshot_vtab_plus_avg").value, 1) == vtab_plus
        assert round(100 * final(points, run, "recall5_image_retrieval_mscoco").value, 1) == coco


def test_points_file_is_small_enough():
    assert (DATA_DIR / "points" / f"{NAME}.csv").stat().st_size < 8_000_000


def test_paper_row_is_staged():
    papers = pd.read_csv(DATA_DIR / "papers.csv")
    row = papers.set_index("paper_id").loc["cherti2023"]
    assert str(row.arxiv_id) == "2212.07143"
