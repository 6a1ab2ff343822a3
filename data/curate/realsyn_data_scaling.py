"""Curate Gu et al. 2025, *RealSyn: An Effective and Scalable Multimodal Interleaved Document
Transformation Paradigm* (arXiv 2502.12513v3, ACM MM 2025): CLIP ViT-B/32 pre-trained on 15M, 30M
and 100M image-text pairs of RealSyn, and on LAION subsets of the same sizes.

Transcribed from the paper (the authors' release deepglint/RealSyn shows these tables only as
images, Figure/linearprobe.jpg, transfer.jpg, retrieval.jpg):
  - Table 1, linear probe on 20 datasets: the Average column;
  - Table 2, zero-shot transfer on 20 datasets: the Average column;
  - Table 3, zero-shot image-text retrieval: Recall@1 of text and image retrieval on Flickr30k and
    MSCOCO;
  - Table 4, zero-shot robustness on ImageNet variants: the Average column.
Each table has one row per (data scale, dataset): YFCC (15M only), LAION and RealSyn at 15M, 30M
and 100M. Table 5 repeats the 15M averages of Tables 1, 2 and 4 (a check, used in the tests).

Traps:
  - The text-extracted tables list the 20 per-dataset column names out of order, so only the
    Average column (each row's last value) of Tables 1 and 2 is kept; Table 3's and Table 4's
    headers come through in order.
  - Values are percent; stored as fractions.
  - Section 4.2's text says RealSyn100M improves Flickr30k text-retrieval Recall@1 over LAION100M by
    14.6 points; Table 3's cells (81.6 and 67.5) differ by 14.1. The table's cells are kept (the
    text's other differences all match the table).
  - Samples seen: Section 4.1 trains "32 epochs with 4096 batch sizes" for the CLIP pre-training
    that validates the datasets, so tokens (samples seen) = 32 x the data scale and unique_tokens =
    the data scale. The model size is not given as a count (ViT-B/32): params stay empty.
  - The YFCC15M rows are left out: one data scale only. The data-scaling law of Eq. 3 (an inverse
    logarithm of the sample count) is not a form the atlas's registry has, so it is not curated.

Run: cd /work/main && python -m data.curate.realsyn_data_scaling
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "realsyn_data_scaling"
PAPER_ID = "gu2025"
SOURCE_FILE = "arXiv 2502.12513v3"
EPOCHS = 32  # Section 4.1: "We train 32 epochs with 4096 batch sizes"
SCALES = {"15M": 15_000_000, "30M": 30_000_000, "100M": 100_000_000}
FAMILIES = {"RealSyn": "gu2025_realsyn_clip_b32", "LAION": "gu2025_laion_clip_b32"}

# metric id -> (table, column as printed, name, description of the quantity)
METRICS = {
    "realsyn_linear_probe_avg20": (
        "Table 1", "Average", "Linear-probe accuracy, mean of 20 datasets (RealSyn benchmark set)",
        "linear-probe top-1 accuracy of the image encoder, averaged over the 20 downstream datasets of "
        "RealSyn's Table 1 (CIFAR10/100, ImageNet, Food101, Cars, Pets, Flowers and others)",
    ),
    "realsyn_zeroshot_avg20": (
        "Table 2", "Average", "Zero-shot classification accuracy, mean of 20 datasets (RealSyn benchmark set)",
        "zero-shot classification top-1 accuracy with SLIP's prompt templates, averaged over the same 20 "
        "datasets (RealSyn's Table 2)",
    ),
    "realsyn_robustness_avg5": (
        "Table 4", "Average", "Zero-shot accuracy, mean of 5 ImageNet variants (RealSyn)",
        "zero-shot top-1 accuracy averaged over IN-V2, IN-A, IN-R, ObjectNet and IN-Sketch (RealSyn's Table 4)",
    ),
    "realsyn_flickr30k_text_r1": (
        "Table 3", "Text Retrieval Flickr30k R@1", "Flickr30k zero-shot text retrieval Recall@1",
        "zero-shot image-to-text retrieval Recall@1 on Flickr30k (RealSyn's Table 3)",
    ),
    "realsyn_mscoco_text_r1": (
        "Table 3", "Text Retrieval MSCOCO R@1", "MSCOCO zero-shot text retrieval Recall@1",
        "zero-shot image-to-text retrieval Recall@1 on MSCOCO (RealSyn's Table 3)",
    ),
    "realsyn_flickr30k_image_r1": (
        "Table 3", "Image Retrieval Flickr30k R@1", "Flickr30k zero-shot image retrieval Recall@1",
        "zero-shot text-to-image retrieval Recall@1 on Flickr30k (RealSyn's Table 3)",
    ),
    "realsyn_mscoco_image_r1": (
        "Table 3", "Image Retrieval MSCOCO R@1", "MSCOCO zero-shot image retrieval Recall@1",
        "zero-shot text-to-image retrieval Recall@1 on MSCOCO (RealSyn's Table 3)",
    ),
}

# (dataset, scale) -> values in METRICS order, as printed (percent)
VALUES = {
    ("LAION", "15M"): ["69.8", "42.7", "27.2", "49.1", "28.4", "33.3", "17.4"],
    ("RealSyn", "15M"): ["71.4", "47.9", "31.5", "72.9", "43.8", "49.5", "25.8"],
    ("LAION", "30M"): ["72.6", "48.6", "33.6", "59.6", "35.9", "42.4", "22.1"],
    ("RealSyn", "30M"): ["73.9", "52.1", "37.8", "76.0", "48.2", "54.0", "29.5"],
    ("LAION", "100M"): ["74.4", "53.9", "39.9", "67.5", "43.3", "50.4", "27.1"],
    ("RealSyn", "100M"): ["75.8", "56.2", "42.7", "81.6", "52.3", "58.8", "32.5"],
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "RealSyn: An Effective and Scalable Multimodal Interleaved Document Transformation Paradigm",
        "authors": "Tiancheng Gu, Kaicheng Yang, Chaoyi Zhang et al.",
        "year": 2025,
        "arxiv_id": "2502.12513",
        "venue": "ACM MM 2025",
        "url": "https://arxiv.org/abs/2502.12513",
        "covers": "RealSyn, image-text pairs built from interleaved web documents by retrieving realistic texts "
        "and generating synthetic ones, in 15M, 30M and 100M sizes: CLIP ViT-B/32 downstream performance "
        "(linear probe, zero-shot transfer, retrieval, robustness) versus data scale, against LAION subsets "
        "of the same sizes, and a fitted data-scaling law.",
    }
]


def cells() -> pd.DataFrame:
    rows = []
    for (dataset, scale), values in VALUES.items():
        for (metric, (table, column, _, _)), value in zip(METRICS.items(), values, strict=True):
            rows.append(
                {
                    "family_id": FAMILIES[dataset],
                    "run_id": f"{dataset.lower()}{scale.lower()}",
                    "unique_tokens": SCALES[scale],
                    "tokens": EPOCHS * SCALES[scale],
                    "metric": metric,
                    "value": round(float(value) / 100, 6),
                    "locator": f"{table}, row Data Scale {scale} / Dataset {dataset}, column {column}",
                }
            )
    return pd.DataFrame(rows)


def build_points(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": table["family_id"],
            "run_id": table["run_id"],
            "tokens": table["tokens"],
            "unique_tokens": table["unique_tokens"],
            "metric": table["metric"],
            "value": table["value"],
            "paper_id": PAPER_ID,
            "source_file": SOURCE_FILE,
            "source_locator": table["locator"],
            "extraction": "table_transcription",
        }
    )


def family_row(dataset: str, training_data: str) -> dict:
    return {
        "family_id": FAMILIES[dataset],
        "name": f"CLIP ViT-B/32 on {dataset} 15M / 30M / 100M (Gu 2025, RealSyn)",
        "paper_id": PAPER_ID,
        "domain": "multimodal",
        "architecture": "CLIP, ViT-B/32 image encoder, 224x224 inputs, text length 77",
        "training_data": training_data,
        "param_convention": "unknown",
        "flops_convention": "No compute in the paper's tables: flops left empty.",
        "data_unit": "samples",
        "description": f"Gu et al. 2025 (RealSyn), CLIP ViT-B/32 pre-trained on {dataset} at three data scales: "
        "linear-probe and zero-shot averages over 20 datasets (Tables 1-2), zero-shot retrieval Recall@1 on "
        "Flickr30k and MSCOCO (Table 3) and zero-shot robustness over 5 ImageNet variants (Table 4), percent "
        "there, fractions here. unique_tokens = the data scale in image-text pairs; tokens = samples seen = "
        "32 epochs x the data scale (Section 4.1: 32 epochs, batch 4096). Params left empty: the model is "
        "named (ViT-B/32), not counted. Per-dataset columns of Tables 1-2 are not curated (their headers "
        "are out of order in the text).",
    }


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            family_row(
                "RealSyn",
                "RealSyn15M / 30M / 100M: images from 118M OBELICS interleaved documents, each paired with "
                "retrieved realistic texts and a generated synthetic text (one sampled per step)",
            ),
            family_row("LAION", "LAION15M / 30M / 100M, subsets randomly selected from LAION400M"),
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": metric,
                "name": name,
                "kind": "accuracy",
                "higher_is_better": True,
                "min_value": 0.0,
                "max_value": 1.0,
                "unit": "fraction",
                "description": f"CLIP {detail}, as Gu et al. 2025 (RealSyn) report it, converted from percent to "
                "a fraction.",
            }
            for metric, (_, _, name, detail) in METRICS.items()
        ]
    )


def main() -> None:
    write_source_tables(NAME, build_families(), build_points(cells()), build_metrics(), paper_rows=PAPER_ROWS)


if __name__ == "__main__":
    main()
