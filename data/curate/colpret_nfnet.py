"""Curate the NFNet compute-vs-ImageNet-error points (Smith et al. 2023, ConvNets Match Vision
Transformers at Scale, 2310.16764, Figure 1) as digitised in ColPret.

Source: IBM+ColPret aggregated_eval/graph_extracted/2310.16764_ConvNets_match.csv (26 rows):
`x`, `y`, `model` (F1, F3, F3_wide, F7, F7_wide). Figure 1 of the paper plots ImageNet top-1
error (%) after fine-tuning pre-trained NFNets for 50 epochs against the compute used during
pre-training on JFT-4B, in TPU-v4 core hours, one curve per model (F1, F3, F3+, F7, F7+), each
point a different pre-training epoch budget.

Traps:
- x is compute in TPU-v4 core hours, not FLOPs (the paper estimates it "by eye from the typical
  steps per second", footnote 2): it is stored as a run input, and `flops` stays empty.
- y is in percent: stored as a fraction.
- The `F7_wide` rows repeat the `F7` rows value for value (the F7+ curve was not read): dropped,
  so F7+ is absent. `F3_wide` is F3+ (same depth as F3, wider).
- The epoch budget of each point is not in the file: run ids number the points of a curve in
  file order (increasing compute).

Run: cd /work/main && python -m data.curate.colpret_nfnet
"""

from __future__ import annotations

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, percent_to_fraction, raw_path, write_curated

NAME = "colpret_nfnet"
PAPER_ID = "smith2023"
FAMILY_ID = "smith2023_nfnet_imagenet"
SOURCE_FILE = "aggregated_eval/graph_extracted/2310.16764_ConvNets_match.csv"
METRIC = "nfnet_imagenet_top1_error_finetuned"
COMPUTE_INPUT = "pretrain_compute_tpu_v4_core_hours"
DUPLICATE_SERIES = "F7_wide"  # value-identical to F7
MODEL_NAMES = {"F1": "F1", "F3": "F3", "F3_wide": "F3+", "F7": "F7"}

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "ConvNets Match Vision Transformers at Scale",
        "authors": "Samuel L. Smith, Andrew Brock, Leonard Berrada, Soham De",
        "year": 2023,
        "arxiv_id": "2310.16764",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2310.16764",
        "covers": "NFNets pre-trained on JFT-4B with compute budgets up to 110k TPU-v4 core hours; ImageNet top-1 "
        "error after fine-tuning against pre-training compute (Figure 1), as digitised in IBM/ColPret.",
    }
]


def load_points() -> pd.DataFrame:
    """The digitised points in file order with their 1-based data row, the duplicate series checked and dropped."""
    raw = pd.read_csv(raw_path(SOURCE_FILE), encoding="utf-8-sig")
    raw["row"] = range(1, len(raw) + 1)
    duplicate = raw[raw["model"] == DUPLICATE_SERIES][["x", "y"]].reset_index(drop=True)
    original = raw[raw["model"] == "F7"][["x", "y"]].reset_index(drop=True)
    if not duplicate.equals(original):
        raise ValueError("F7_wide no longer repeats F7: curate it")
    kept = raw[raw["model"] != DUPLICATE_SERIES].copy()
    kept["index_in_curve"] = kept.groupby("model").cumcount() + 1
    kept["run_id"] = "nfnet-" + kept["model"].map(MODEL_NAMES) + "-" + kept["index_in_curve"].astype(str)
    return kept


def build_points(kept: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": kept["run_id"],
            "metric": METRIC,
            "value": kept["y"].map(percent_to_fraction),
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": [f"row {r} (model={m}), column y" for r, m in zip(kept["row"], kept["model"])],
            "extraction": "digitized_figure",
        }
    )


def build_run_inputs(kept: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": kept["run_id"],
            "input": COMPUTE_INPUT,
            "value": kept["x"],
            "unit": "TPU-v4 core hours",
            "description": "Pre-training compute on JFT-4B as the x position of Smith et al.'s Figure 1 (the authors "
            "estimate it from typical steps per second, footnote 2); digitised in ColPret.",
            "source_file": SOURCE_FILE,
            "source_locator": [f"row {r} (model={m}), column x" for r, m in zip(kept["row"], kept["model"])],
        }
    )


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "NFNet pre-training compute vs ImageNet error (Smith 2023, Fig. 1)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "vision",
                "architecture": "NFNet (normalizer-free ResNet) F1, F3, F3+, F7",
                "training_data": "JFT-4B pre-training (~4B labelled images, 30k classes), ImageNet fine-tuning",
                "param_convention": "unknown",
                "flops_convention": "No FLOPs: the paper measures compute in TPU-v4 core hours, stored as the run input "
                f"{COMPUTE_INPUT}.",
                "data_unit": "samples",
                "description": "ImageNet top-1 error after fine-tuning (50 epochs, SAM) of NFNets pre-trained on JFT-4B "
                "for a range of epoch budgets, against pre-training compute in TPU-v4 core hours: points of "
                "Figure 1 of Smith et al. 2023 (2310.16764), digitised. " + COLLECTOR + " Each point is one "
                "pre-trained model; its epoch budget, parameter count and images seen are not in the file (left "
                "empty). The extraction's F7_wide series repeats F7 exactly and is dropped, so the F7+ curve (and "
                "the F7+ with repeated augmentation point and the ViT references of the figure) are absent.",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": METRIC,
                "name": "ImageNet top-1 error after fine-tuning (NFNet, Smith 2023)",
                "kind": "error",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 1.0,
                "unit": "fraction",
                "description": "ImageNet top-1 error of a JFT-4B pre-trained NFNet fine-tuned on ImageNet for 50 epochs "
                "(Smith et al. 2023, Figure 1), read off the figure in percent and converted to a fraction.",
            }
        ]
    )


def main() -> None:
    kept = load_points()
    write_curated(NAME, build_family(), build_points(kept), build_metrics(), PAPERS, build_run_inputs(kept))


if __name__ == "__main__":
    main()
