"""Curate Shi et al. 2024, *When Do We Not Need Larger Vision Models?* (arXiv 2403.13043).

Source: the authors' release bfshi/scaling_on_scales (its README names the paper, its authors and
arXiv id), file `README.md` at commit 00ac6802df2381bd65d8425f8c2aefee56245d65, section "Example:
LLaVA with S2-Wrapper". Its table lists LLaVA-1.5 at two sizes (7B and 13B) with and without
S2 (Scaling on Scales: the same vision encoder run on several image scales, here
s2_scales="336,672,1008" per the README's training note) on eight multimodal benchmarks. That is
the paper's question at small scale: does the multi-scale model beat the plain one, and how does
that compare with the gain from the larger model?

The release is not staged in ../shared/sources, so the table is transcribed below (one literal per
cell, as printed, in percent).

Traps:
  - "Size" is the README's label of the LLaVA-1.5 model (its language model, 7B or 13B); the vision
    encoder's parameters are not added and the label is not an exact count (param_convention
    unknown).
  - The LLaVA-1.5 rows (full_ft-1e and lora-1e) are the LLaVA authors' checkpoints
    (liuhaotian/...), listed by the README as baselines; the LLaVA-1.5-S2 rows are the S2 authors'
    own LoRA checkpoints (bfshi/...). Both kinds are kept, with run inputs s2 and lora telling them
    apart; "-" cells (not evaluated) are left out.
  - Scores are printed in percent; stored as fractions. MM-Vet is a graded score (0-100) rather
    than an accuracy; it is stored on the same 0-1 scale.
  - The README does not name the evaluation split of each benchmark (beyond MMMU-val), nor the
    training data or compute: tokens and flops stay empty.
  - The VILA1.5-3B table of the same README is left out: one model size only, and it is not
    presented as the paper's experiment.

Run: cd /work/main && python -m data.curate.scaling_on_scales
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "scaling_on_scales"
PAPER_ID = "shi2024a"
SOURCE_ID = "bfshi+scaling_on_scales"
SOURCE_FILE = "README.md"
TABLE = "section 'Example: LLaVA with S2-Wrapper', table"
FAMILY_ID = "shi2024a_llava15_s2"

# README column -> (metric id, benchmark name as printed)
BENCHMARKS = [
    ("shi2024a_vqav2", "VQAv2"),
    ("shi2024a_vizwiz", "VizWiz"),
    ("shi2024a_textvqa", "TextVQA"),
    ("shi2024a_mmmu_val", "MMMU-val"),
    ("shi2024a_mathvista", "MathVista"),
    ("shi2024a_mmbench", "MM-Bench"),
    ("shi2024a_seed", "SEED"),
    ("shi2024a_mmvet", "MM-Vet"),
]

# README rows in order: (run id, model, size label, schedule, s2, lora, scores in BENCHMARKS order; None = "-")
ROWS = [
    ("llava15-7b-fullft", "LLaVA-1.5", "7B", "full_ft-1e", 0, 0,
     ["78.5", "50.0", "58.2", "36.2", "25.2", "64.3", "65.7", "31.1"]),
    ("llava15-7b-lora", "LLaVA-1.5", "7B", "lora-1e", 0, 1,
     ["79.1", "47.8", "58.2", None, None, "66.1", None, "30.2"]),
    ("llava15-s2-7b-lora", "LLaVA-1.5-S2", "7B", "lora-1e", 1, 1,
     ["80.0", "50.1", "61.0", "37.7", "25.3", "66.2", "67.9", "32.4"]),
    ("llava15-13b-fullft", "LLaVA-1.5", "13B", "full_ft-1e", 0, 0,
     ["80.0", "53.6", "61.3", "36.4", "27.6", "67.7", "68.2", "36.1"]),
    ("llava15-13b-lora", "LLaVA-1.5", "13B", "lora-1e", 0, 1,
     ["80.0", "58.9", "60.2", None, None, "68.5", None, "38.3"]),
    ("llava15-s2-13b-lora", "LLaVA-1.5-S2", "13B", "lora-1e", 1, 1,
     ["80.9", "56.0", "63.1", "37.4", "27.8", "67.9", "68.9", "36.4"]),
]
SIZE_LABELS = {"7B": 7_000_000_000, "13B": 13_000_000_000}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "When Do We Not Need Larger Vision Models?",
        "authors": "Baifeng Shi, Ziyang Wu, Maolin Mao, Xin Wang, Trevor Darrell",
        "year": 2024,
        "arxiv_id": "2403.13043",
        "venue": "arXiv preprint arXiv:2403.13043",
        "url": "https://arxiv.org/abs/2403.13043",
        "covers": "Scaling on image scales (S2) versus scaling model size: a smaller pre-trained vision model "
        "run on several image scales can match or beat a larger one; the authors' release lists LLaVA-1.5 "
        "7B and 13B with and without S2 on eight multimodal benchmarks.",
    }
]


def cells() -> pd.DataFrame:
    """One row per filled cell of the README table."""
    rows = []
    for row_index, (run_id, model, size, schedule, s2, lora, scores) in enumerate(ROWS):
        for (metric, column), score in zip(BENCHMARKS, scores, strict=True):
            if score is None:
                continue
            rows.append(
                {
                    "run_id": run_id,
                    "params": SIZE_LABELS[size],
                    "metric": metric,
                    "value": round(float(score) / 100, 6),
                    "locator": f"{TABLE} row {row_index + 1} ({model} {size} {schedule}), column {column}",
                }
            )
    return pd.DataFrame(rows)


def build_points(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": table["run_id"],
            "params": table["params"],
            "metric": table["metric"],
            "value": table["value"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": table["locator"],
            "extraction": "released_data",
        }
    )


def build_run_inputs() -> pd.DataFrame:
    rows = []
    for row_index, (run_id, model, size, schedule, s2, lora, _) in enumerate(ROWS):
        locator = f"{TABLE} row {row_index + 1}: Model '{model}', Schedule '{schedule}'"
        rows.append(
            {
                "run_id": run_id,
                "input": "s2",
                "value": s2,
                "unit": "flag",
                "description": "1 = LLaVA-1.5-S2 (vision features extracted on image scales 336, 672 and 1008 "
                "by the S2 wrapper), 0 = plain LLaVA-1.5",
                "source_locator": locator,
            }
        )
        rows.append(
            {
                "run_id": run_id,
                "input": "lora",
                "value": lora,
                "unit": "flag",
                "description": "1 = LoRA fine-tuning for one epoch (schedule lora-1e), 0 = full fine-tuning for "
                "one epoch (full_ft-1e)",
                "source_locator": locator,
            }
        )
    frame = pd.DataFrame(rows)
    frame["family_id"] = FAMILY_ID
    frame["source_file"] = SOURCE_FILE
    return frame


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "LLaVA-1.5 with and without S2 multi-scale features, 7B and 13B (Shi 2024)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "multimodal",
                "architecture": "LLaVA-1.5 multimodal LLM; S2 runs use the S2 wrapper on the vision encoder with "
                "image scales 336, 672 and 1008",
                "training_data": "LLaVA-1.5 fine-tuning recipe (not detailed in the release README)",
                "param_convention": "unknown",
                "flops_convention": "No compute in the release: flops left empty.",
                "data_unit": "samples",
                "description": "Shi et al. 2024: LLaVA-1.5 at the README's size labels 7B and 13B, plain "
                "(full fine-tuning and LoRA, the LLaVA authors' checkpoints) and with S2 multi-scale vision "
                "features (LoRA, the S2 authors' checkpoints), on VQAv2, VizWiz, TextVQA, MMMU-val, MathVista, "
                "MM-Bench, SEED and MM-Vet, as the authors' release README tabulates them (percent there, "
                "fractions here; cells marked '-' left out). Params are the size labels, not exact counts, and "
                "do not add the vision encoder. Tokens and flops left empty: training data and compute are not "
                "in the README. Values transcribed from the release (not staged in ../shared).",
            }
        ]
    )


def benchmark_metric(metric: str, column: str) -> dict:
    graded = column == "MM-Vet"
    return {
        "metric": metric,
        "name": f"{column} {'score' if graded else 'accuracy'} (LLaVA-1.5 / S2 release)",
        "kind": "score" if graded else "accuracy",
        "higher_is_better": True,
        "min_value": 0.0,
        "max_value": 1.0,
        "unit": "fraction",
        "description": f"{column} {'score (graded 0-100 in the source)' if graded else 'accuracy'} of a LLaVA-1.5 "
        "model as the bfshi/scaling_on_scales README table reports it, converted from percent to a fraction; "
        "the README does not state the evaluation split or protocol beyond the benchmark name.",
    }


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame([benchmark_metric(metric, column) for metric, column in BENCHMARKS])


def main() -> None:
    write_source_tables(
        NAME,
        build_families(),
        build_points(cells()),
        build_metrics(),
        run_inputs=build_run_inputs(),
        paper_rows=PAPER_ROWS,
    )


if __name__ == "__main__":
    main()
