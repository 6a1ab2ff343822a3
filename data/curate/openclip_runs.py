"""Curate the OpenCLIP scaling runs of Cherti et al. 2023 (LAION-AI/scaling-laws-openclip, 4 csv).

- zeroshot_results.csv: one row per (model, downstream dataset) with zero-shot classification
  (acc1, acc5, mean_per_class_recall, mean_average_precision) or retrieval (recall@5) results.
- arch_info.csv: per architecture, parameters (millions) and forward GMACs per sample.
- trained_models_info.csv: per trained model, epochs and samples per epoch.
- imagenet_zeroshot_learning_curves.csv: ImageNet zero-shot top-1/top-5 after each epoch.

Compute: the paper's x-axis is "Total compute (GMAC per sample x samples seen)" (Fig. 1), i.e. the
`gmacs_total` column. We store flops = 2 x GMACs x 1e9 (one multiply-accumulate = 2 FLOPs) with
flops_method `forward_only`: forward-pass compute of both towers, not training compute (~3x more).

Run: cd /work/main && python -m data.curate.openclip_runs
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from data.curate._common import sources_dir, write_table
from lib.schema import DATA_DIR, FAMILIES, METRICS, PAPERS, POINTS

NAME = "openclip_runs"
PAPER_ID = "cherti2023"
SOURCE_ID = "LAION-AI+scaling-laws-openclip"
PAPERS_STAGING = "_staging/papers_openclip_pythia"

RESULTS_FILE = "zeroshot_results.csv"
ARCH_FILE = "arch_info.csv"
MODELS_FILE = "trained_models_info.csv"
CURVES_FILE = "imagenet_zeroshot_learning_curves.csv"

FLOPS_PER_MAC = 2
FAMILY_BY_UPSTREAM = {
    "LAION-80M": "openclip_laion80m",
    "LAION-400M": "openclip_laion400m",
    "LAION-2B": "openclip_laion2b",
    "CLIP-WIT": "clip_wit_openai",
}
UPSTREAM_OF_DATA_LABEL = {"80M": "LAION-80M", "400M": "LAION-400M", "2B": "LAION-2B"}

# Rows the authors computed as averages over other rows of the same file (checked in tests).
AGGREGATES = {
    "imagenet_robustness": ("imagenet_robustness_avg", "the mean of the five ImageNet distribution-shift sets "
                            "(ImageNet-V2, ImageNet-R, ImageNet-Sketch, ObjectNet, ImageNet-A)"),
    "vtab": ("vtab_avg", "the mean over the 19 VTAB tasks (the vtab/* rows except vtab/cifar10, plus sun397)"),
    "vtab+": ("vtab_plus_avg", "the mean over all 35 single-label zero-shot classification datasets of the file (the paper's 'VTAB+')"),
}
DATASET_SLUGS = {"mscoco_captions": "mscoco"}

# (source column, metric prefix, kind, words for the description)
CLASSIFICATION_FIELDS = (
    ("acc1", "acc1_zeroshot", "accuracy", "zero-shot top-1 accuracy"),
    ("acc5", "acc5_zeroshot", "accuracy", "zero-shot top-5 accuracy"),
    ("mean_per_class_recall", "mean_per_class_recall_zeroshot", "accuracy",
     "zero-shot mean per-class recall (balanced top-1 accuracy)"),
    ("mean_average_precision", "map_zeroshot", "score", "zero-shot mean average precision (multi-label)"),
)
RETRIEVAL_FIELDS = (
    ("image_retrieval_recall@5", "recall5_image_retrieval", "score",
     "zero-shot text-to-image retrieval Recall@5 (share of captions whose image is in the top 5)"),
    ("text_retrieval_recall@5", "recall5_text_retrieval", "score",
     "zero-shot image-to-text retrieval Recall@5 (share of images with a matching caption in the top 5)"),
)
CURVE_FIELDS = (
    ("imagenet-zeroshot-val-top1", "acc1_zeroshot_imagenet1k_during_training", "top-1"),
    ("imagenet-zeroshot-val-top5", "acc5_zeroshot_imagenet1k_during_training", "top-5"),
)


def dataset_slug(dataset: str) -> str:
    """'vtab/dtd' -> 'vtab_dtd', 'imagenet-r' -> 'imagenet_r', aggregates -> '<name>_avg'."""
    if dataset in AGGREGATES:
        return AGGREGATES[dataset][0]
    dataset = DATASET_SLUGS.get(dataset, dataset)
    return re.sub(r"[^a-z0-9]+", "_", dataset.lower()).strip("_")


def run_id_of(name: str, arch: str) -> str:
    """The released checkpoint name without '.pt'; OpenAI's three models all share name 'openai'."""
    return f"openai-{arch}" if name == "openai" else name.removesuffix(".pt")


def read_sources(root: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for key, file in (("results", RESULTS_FILE), ("arch", ARCH_FILE), ("models", MODELS_FILE), ("curves", CURVES_FILE)):
        frame = pd.read_csv(root / file)
        frame["_row"] = np.arange(len(frame)) + 2  # 1-based line number in the csv, header = line 1
        frames[key] = frame
    return frames


def params_by_arch(arch: pd.DataFrame) -> pd.Series:
    # mparams is the whole two-tower model in millions, rounded to 0.01M; round to a whole count.
    return (arch.set_index("model")["mparams"] * 1e6).round()


def result_points(results: pd.DataFrame, arch: pd.DataFrame) -> pd.DataFrame:
    """One point per non-empty metric cell of zeroshot_results.csv."""
    params = params_by_arch(arch)
    rows = []
    for _, row in results.iterrows():
        fields = RETRIEVAL_FIELDS if row["task"] == "zeroshot_retrieval" else CLASSIFICATION_FIELDS
        for column, prefix, _, _ in fields:
            if pd.isna(row[column]):
                continue
            rows.append({
                "family_id": FAMILY_BY_UPSTREAM[row["upstream_dataset"]],
                "run_id": run_id_of(row["name"], row["arch"]),
                "params": params[row["arch"]],
                "tokens": row["samples_seen"],
                "flops": FLOPS_PER_MAC * row["gmacs_total"] * 1e9,
                "flops_method": "forward_only",
                "metric": f"{prefix}_{dataset_slug(row['downstream_dataset'])}",
                "value": row[column],
                "source_file": RESULTS_FILE,
                "source_locator": f"line {row['_row']} ({row['name']}, {row['arch']}, {row['downstream_dataset']}), column {column}",
            })
    return pd.DataFrame(rows)


def curve_points(curves: pd.DataFrame, models: pd.DataFrame, arch: pd.DataFrame) -> pd.DataFrame:
    """Per-epoch ImageNet zero-shot accuracy; samples seen = epoch x samples_per_epoch."""
    info = models.set_index("name")
    params = params_by_arch(arch)
    gmacs = arch.set_index("model")["gmacs"]
    rows = []
    for _, row in curves.iterrows():
        model = info.loc[row["name"]]
        samples = int(row["epoch"]) * int(model["samples_per_epoch"])
        for column, metric, _ in CURVE_FIELDS:
            if pd.isna(row[column]):
                continue
            rows.append({
                "family_id": FAMILY_BY_UPSTREAM[UPSTREAM_OF_DATA_LABEL[model["data"]]],
                "run_id": run_id_of(row["name"], model["arch"]),
                "params": params[model["arch"]],
                "tokens": samples,
                "flops": FLOPS_PER_MAC * gmacs[model["arch"]] * 1e9 * samples,
                "flops_method": "forward_only",
                "step": int(row["epoch"]),
                "metric": metric,
                "value": row[column],
                "source_file": f"{CURVES_FILE}; {MODELS_FILE}",
                "source_locator": f"{CURVES_FILE} line {row['_row']} column {column}; samples_per_epoch from "
                f"{MODELS_FILE} line {model['_row']}",
            })
    return pd.DataFrame(rows)


def curate_points(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    points = pd.concat(
        [result_points(frames["results"], frames["arch"]), curve_points(frames["curves"], frames["models"], frames["arch"])],
        ignore_index=True,
    )
    points = points.assign(paper_id=PAPER_ID, source_id=SOURCE_ID, extraction="released_data")
    points["step"] = points["step"].astype("Int64")
    points["params"] = points["params"].astype("int64")
    points["tokens"] = points["tokens"].astype("int64")
    duplicated = points.duplicated(list(POINTS.key), keep=False)
    if duplicated.any():
        raise ValueError(f"duplicate point keys:\n{points[duplicated].head(20)}")
    return points


def metric_rows(results: pd.DataFrame) -> pd.DataFrame:
    """Declare every metric the points use, named after its downstream dataset and field."""
    rows = {}
    for _, row in results.iterrows():
        dataset = row["downstream_dataset"]
        fields = RETRIEVAL_FIELDS if row["task"] == "zeroshot_retrieval" else CLASSIFICATION_FIELDS
        for column, prefix, kind, words in fields:
            if pd.isna(row[column]):
                continue
            metric = f"{prefix}_{dataset_slug(dataset)}"
            where = (f"the authors' aggregate row '{dataset}', {AGGREGATES[dataset][1]}, taken over the member "
                     "datasets that have a value in this column" if dataset in AGGREGATES
                     else f"downstream dataset '{dataset}'")
            how = ("text-image retrieval on the MS-COCO / Flickr30K test splits the paper uses"
                   if row["task"] == "zeroshot_retrieval" else "class-name prompts averaged per class, as in CLIP")
            rows[metric] = {
                "metric": metric, "name": f"{words.split(' (')[0]}, {dataset}", "kind": kind,
                "higher_is_better": True, "min_value": 0.0, "max_value": 1.0, "unit": "fraction",
                "description": f"Cherti et al. 2023 release (zeroshot_results.csv, column '{column}'): {words} on {where}, "
                f"evaluated with the authors' zero-shot evaluation workflow ({how}). Stored as a fraction in [0, 1], as released.",
            }
    for column, metric, top in CURVE_FIELDS:
        rows[metric] = {
            "metric": metric, "name": f"ImageNet-1k zero-shot {top} accuracy (per-epoch training log)", "kind": "accuracy",
            "higher_is_better": True, "min_value": 0.0, "max_value": 1.0, "unit": "fraction",
            "description": f"Cherti et al. 2023 release (imagenet_zeroshot_learning_curves.csv, column '{column}'): zero-shot "
            f"{top} accuracy on the ImageNet-1k validation set logged after each training epoch. A separate evaluation "
            "from acc1/acc5_zeroshot_imagenet1k of the final models (values differ in the 3rd-4th decimal). Fraction in [0, 1].",
        }
    return pd.DataFrame(sorted(rows.values(), key=lambda r: r["metric"]))


FLOPS_CONVENTION = (
    "The paper measures compute as 'GMAC per sample x samples seen' (Fig. 1; column gmacs_total), where GMACs per "
    "sample is the forward pass of one image through the image tower plus one caption through the text tower "
    "(arch_info.csv: gmacs = image_gmacs + text_gmacs). flops = 2 x gmacs_total x 1e9 (derived; 1 MAC = 2 FLOPs). "
    "This is forward-pass compute only, NOT training compute (backward pass ~2x more), and not 6ND."
)
PARAMS_NOTE = (
    "params = arch_info.csv mparams x 1e6: all parameters of both towers (image + text, including patch, token and "
    "position embeddings), rounded in the source to 0.01M. tokens holds samples seen (image-text pairs)."
)


def family_rows() -> pd.DataFrame:
    common = {"paper_id": PAPER_ID, "source_id": SOURCE_ID, "domain": "multimodal",
              "param_convention": "with_embeddings", "flops_convention": FLOPS_CONVENTION, "data_unit": "samples"}
    curve_note = ("Per-epoch points (step = epoch) come from imagenet_zeroshot_learning_curves.csv with samples seen = "
                  "epoch x samples_per_epoch (trained_models_info.csv); final-model points (step empty) come from "
                  "zeroshot_results.csv.")
    families = [
        {"family_id": "openclip_laion80m", "name": "OpenCLIP on LAION-80M", "training_data": "LAION-80M (80M subset of LAION-400M)",
         "architecture": "CLIP two-tower contrastive (ViT-B/32, ViT-B/16, ViT-L/14 image encoders)",
         "description": f"OpenCLIP models trained by Cherti et al. on LAION-80M for 3B, 13B or 34B samples seen, each with "
         f"its own cosine schedule (run id = released checkpoint name, which carries lr and global batch size). {PARAMS_NOTE} "
         f"{curve_note}"},
        {"family_id": "openclip_laion400m", "name": "OpenCLIP on LAION-400M", "training_data": "LAION-400M",
         "architecture": "CLIP two-tower contrastive (ViT-B/32, ViT-B/16, ViT-L/14 image encoders)",
         "description": f"OpenCLIP models trained by Cherti et al. on LAION-400M for 3B, 13B or 34B samples seen. {PARAMS_NOTE} "
         f"{curve_note} For Model-L-14_Data-400M_Samples-34B, trained_models_info gives 413,000,000 samples per epoch "
         "(84 epochs = 34.69B) while zeroshot_results gives 34.22B samples seen; each point keeps its own file's number."},
        {"family_id": "openclip_laion2b", "name": "OpenCLIP on LAION-2B", "training_data": "LAION-2B (English subset of LAION-5B)",
         "architecture": "CLIP two-tower contrastive (ViT-B/32, ViT-B/16, ViT-L/14, ViT-H/14, ViT-g/14 image encoders)",
         "description": f"OpenCLIP models trained by Cherti et al. on LAION-2B for 3B, 13B or 34B samples seen (ViT-H/14 only "
         f"at 34B, ViT-g/14 only at 13B). {PARAMS_NOTE} {curve_note}"},
        {"family_id": "clip_wit_openai", "name": "OpenAI CLIP (WIT-400M), evaluated by Cherti et al.",
         "training_data": "OpenAI WebImageText (WIT-400M, private)",
         "architecture": "CLIP two-tower contrastive (ViT-B/32, ViT-B/16, ViT-L/14 image encoders)",
         "description": "OpenAI's released CLIP models (Radford et al. 2021), used by Cherti et al. as the reference curve; "
         "the values are Cherti et al.'s own evaluations in zeroshot_results.csv (paper_id cherti2023), with samples seen "
         f"12.8B as given there. No learning curves. {PARAMS_NOTE}"},
    ]
    return pd.DataFrame([common | family for family in families])


PAPER_ROW = {
    "paper_id": PAPER_ID,
    "title": "Reproducible scaling laws for contrastive language-image learning",
    "authors": "Mehdi Cherti, Romain Beaumont, Ross Wightman, et al.",
    "year": 2023,
    "arxiv_id": "2212.07143",
    "venue": "CVPR 2023",
    "url": "https://arxiv.org/abs/2212.07143",
    "covers": "OpenCLIP ViT-B/32 to ViT-g/14 models trained on LAION-80M/400M/2B for 3B-34B samples seen, with "
    "zero-shot classification and retrieval results, per-epoch ImageNet curves, and OpenAI CLIP as reference.",
}


def upsert_paper_row(row: dict) -> None:
    """The staging papers file is shared by this helper's two scripts: replace only our row."""
    path = DATA_DIR / f"{PAPERS_STAGING}.csv"
    existing = pd.read_csv(path, dtype=str) if path.exists() else pd.DataFrame(columns=list(PAPERS.columns))
    others = existing[existing["paper_id"] != row["paper_id"]]
    write_table(pd.concat([others, pd.DataFrame([row])], ignore_index=True), PAPERS, PAPERS_STAGING)


def main() -> None:
    frames = read_sources(sources_dir() / SOURCE_ID)
    points = curate_points(frames)
    print(write_table(points, POINTS, NAME), len(points), "points")
    print(write_table(metric_rows(frames["results"]), METRICS, NAME))
    print(write_table(family_rows(), FAMILIES, NAME))
    upsert_paper_row(PAPER_ROW)


if __name__ == "__main__":
    main()
