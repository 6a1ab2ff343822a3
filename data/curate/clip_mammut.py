"""Curate Nezhurina et al. 2025, *Scaling Laws for Robust Comparison of Open Foundation
Language-Vision Models and Datasets* (2506.04598, NeurIPS 2025): CLIP vs MaMMUT on DataComp-1.4B.

Source: LAION-AI+scaling-laws-for-comparison,
  - `scaling_laws/data/segmentation_results.parquet` (1,431 rows, 51 columns): one row per trained
    model (581 CLIP, 850 MaMMUT; all at their final epoch, cosine schedule, DataComp-1.4B) with
    its ADE20K semantic-segmentation evaluation and its final training losses;
  - `model_profile.csv` (56): per architecture `mparams` (total parameters, millions) and
    `gflops` (forward GFLOPs per sample). The parquet repeats them as `model_mparams` /
    `model_gflops`; the script checks they agree before using them.

Traps:
  - `gflops` in the parquet is the run's TOTAL compute in GFLOPs = samples_seen x forward GFLOPs
    per sample (checked on every row): forward passes only, no backward. flops = gflops x 1e9,
    flops_method = forward_only (the family's flops_convention says so). The repo's own fits use this
    quantity as their x axis ("Compute C [GFLOPs]").
  - params = model_mparams x 1e6: image + text towers together.
  - data_unit = samples (image-text pairs seen); `tokens` holds samples seen.
  - `acc1` is not documented by the release; the repo's ADE20K fits use `miou` (constants.py).
  - The main zero-shot table (`all_results.csv.gz`) is not in the snapshot: no ImageNet points.

Run: cd /work/main && python -m data.curate.clip_mammut
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "clip_mammut"
PAPER_ID = "nezhurina2025"
SOURCE_ID = "LAION-AI+scaling-laws-for-comparison"
RESULTS_FILE = "scaling_laws/data/segmentation_results.parquet"
PROFILE_FILE = "model_profile.csv"
MODEL_NAMES = {"clip": "CLIP", "mammut": "MaMMUT"}
METRIC_COLUMNS = {
    "train_contrastive_loss": "train_contrastive_loss_imagetext",
    "train_caption_loss": "train_caption_loss_mammut",
    "miou": "miou_ade20k",
    "acc1": "acc1_ade20k_segmentation",
}
RUN_INPUT_COLUMNS = {
    "global_batch_size": ("samples", "global batch size (image-text pairs per optimizer step)"),
    "warmup": ("steps", "learning-rate warmup steps (cosine schedule after warmup)"),
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Scaling Laws for Robust Comparison of Open Foundation Language-Vision Models and Datasets",
        "authors": "Marianna Nezhurina, Tomer Porian, Giovanni Puccetti, Tommie Kerssies, Romain Beaumont, "
        "Mehdi Cherti, Jenia Jitsev",
        "year": 2025,
        "arxiv_id": "2506.04598",
        "venue": "NeurIPS 2025",
        "url": "https://arxiv.org/abs/2506.04598",
        "covers": "Scaling-law comparison of CLIP and MaMMUT (and datasets Re-LAION, DataComp, DFN at 1.4B); "
        "here the 1,431 DataComp-1.4B CLIP and MaMMUT models of the release's ADE20K segmentation table, "
        "with samples seen, parameters, forward compute, hyperparameters, training losses and mIoU.",
    }
]


def family_id(namespace: str) -> str:
    return f"nezhurina2025_{namespace}_datacomp"


def load_results() -> pd.DataFrame:
    """The segmentation table in file order, with the model profile checked against it."""
    root = sources_dir() / SOURCE_ID
    results = pd.read_parquet(root / RESULTS_FILE)
    results["row"] = range(len(results))
    profile = pd.read_csv(root / PROFILE_FILE)
    merged = results.merge(profile, on="model_simple_namespace", how="left", suffixes=("", "_profile"))
    if not ((merged["mparams"] == merged["model_mparams"]).all() and (merged["gflops_profile"] == merged["model_gflops"]).all()):
        raise ValueError("model_profile.csv disagrees with the parquet's model_mparams / model_gflops")
    per_sample = merged["gflops"] / (merged["samples_seen"] * merged["model_gflops"])
    if not ((per_sample - 1).abs() < 1e-9).all():
        raise ValueError("gflops is not samples_seen x per-sample forward GFLOPs on every row")
    return merged


def locator(results: pd.DataFrame, column: str) -> list[str]:
    return [f"parquet row {row} (0-based; name={name}), column {column}" for row, name in zip(results["row"], results["name"])]


def build_points(results: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for column, metric in METRIC_COLUMNS.items():
        present = results[results[column].notna()]
        frames.append(
            pd.DataFrame(
                {
                    "family_id": present["namespace"].map(family_id),
                    "run_id": present["name"],
                    "params": (present["model_mparams"] * 1e6).round().astype("Int64"),
                    "tokens": present["samples_seen"],
                    "flops": present["gflops"] * 1e9,
                    "flops_method": "forward_only",
                    "learning_rate": present["lr"],
                    "metric": metric,
                    "value": present[column],
                    "paper_id": PAPER_ID,
                    "source_id": SOURCE_ID,
                    "source_file": RESULTS_FILE,
                    "source_locator": locator(present, column),
                    "extraction": "released_data",
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def build_run_inputs(results: pd.DataFrame) -> pd.DataFrame:
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "family_id": results["namespace"].map(family_id),
                    "run_id": results["name"],
                    "input": column,
                    "value": results[column],
                    "unit": unit,
                    "description": description,
                    "source_file": RESULTS_FILE,
                    "source_locator": locator(results, column),
                }
            )
            for column, (unit, description) in RUN_INPUT_COLUMNS.items()
        ],
        ignore_index=True,
    )


def family_row(namespace: str, group: pd.DataFrame) -> dict:
    model = MODEL_NAMES[namespace]
    objective = "contrastive loss" if namespace == "clip" else "contrastive + captioning (text generative) loss"
    return {
        "family_id": family_id(namespace),
        "name": f"{model} on DataComp-1.4B (Nezhurina 2025)",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "multimodal",
        "architecture": f"{model}: ViT image encoder + text transformer, trained with {objective}",
        "training_data": "DataComp-1.4B (image-text pairs)",
        "param_convention": "with_embeddings",
        "flops_convention": "Derived by the release: flops = samples seen x forward GFLOPs per sample of the "
        "architecture (model_profile.csv gflops) x 1e9. FORWARD passes only (no backward, so roughly a third "
        "of training compute): not comparable with 6ND. This is the compute axis of the paper's fits.",
        "data_unit": "samples",
        "description": f"{len(group)} {model} models of Nezhurina et al. 2025 trained on DataComp-1.4B with a "
        f"cosine schedule over a grid of architectures, samples seen "
        f"({group['samples_seen'].min():.3g} to {group['samples_seen'].max():.3g}) and hyperparameters, each "
        "at its final epoch, from the release's ADE20K segmentation table. run_id = the run name (it spells "
        "samples seen, batch size, architecture, epochs, lr, AdamW betas, weight decay, warmup). params = "
        "total parameters of both towers (model_mparams x 1e6); tokens = image-text pairs seen; "
        "learning_rate = peak lr; global batch size and warmup steps are run inputs. Metrics: final "
        "training losses as logged"
        + (" (contrastive and captioning)" if namespace == "mammut" else " (contrastive)")
        + ", ADE20K mIoU (the quantity the paper's segmentation fits use, as 1 - mIoU) and the table's "
        "acc1. Zero-shot ImageNet results are not in the snapshot (all_results.csv.gz was not obtainable).",
    }


def build_families(results: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([family_row(namespace, group) for namespace, group in results.groupby("namespace")])


def build_metrics() -> pd.DataFrame:
    release = "Nezhurina et al. 2025 release (segmentation_results.parquet, column '{}')"
    return pd.DataFrame(
        [
            {
                "metric": "train_contrastive_loss_imagetext",
                "name": "Training contrastive loss (image-text)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "nats (cross-entropy over the batch)",
                "description": release.format("train_contrastive_loss")
                + ": the symmetric image-text InfoNCE training loss as logged at the end of training. It "
                "depends on the global batch size (the number of negatives), so compare runs at equal batch.",
            },
            {
                "metric": "train_caption_loss_mammut",
                "name": "Training captioning loss (MaMMUT)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "nats/token",
                "description": release.format("train_caption_loss")
                + ": MaMMUT's text-generative (captioning) cross-entropy training loss as logged at the "
                "end of training; CLIP has none.",
            },
            {
                "metric": "miou_ade20k",
                "name": "ADE20K semantic segmentation mIoU",
                "kind": "score",
                "higher_is_better": True,
                "min_value": 0.0,
                "max_value": 1.0,
                "unit": "fraction",
                "description": release.format("miou")
                + ": mean intersection-over-union over ADE20K classes of the release's segmentation "
                "evaluation (eval_type 'similarity'), as a fraction. The paper's ADE20K fits use 1 - mIoU "
                "('error rate').",
            },
            {
                "metric": "acc1_ade20k_segmentation",
                "name": "ADE20K segmentation top-1 accuracy (as released)",
                "kind": "accuracy",
                "higher_is_better": True,
                "min_value": 0.0,
                "max_value": 1.0,
                "unit": "fraction",
                "description": release.format("acc1")
                + " (the table's main_metric), a fraction, from the same ADE20K segmentation evaluation "
                "as miou_ade20k. The release does not document it further (presumably per-pixel top-1 "
                "accuracy; its mean_per_class_recall column is nearly equal).",
            },
        ]
    )


def main() -> None:
    results = load_results()
    write_source_tables(
        NAME, build_families(results), build_points(results), build_metrics(), build_run_inputs(results), PAPER_ROWS
    )


if __name__ == "__main__":
    main()
