"""Curate Xie et al. 2025, *SANA 1.5: Efficient Scaling of Training-Time and Inference-Time Compute
in Linear Diffusion Transformer* (arXiv 2501.18427): its inference-time scaling result.

Source: the authors' release NVlabs/Sana, file `asset/inference_scaling/inference_scaling.md` at
commit d0c59d0286ce032fa5bfa66e2ec172943c509343 ("Inference Time Scaling for SANA-1.5"). Its first
paragraph states that a VLM verifier (VISA, an NVILA-2B model trained to score images) keeping the
top 4 images out of 2,048 candidates per prompt raises the GenEval score of SD1.5 from 42 to 87 and
of SANA-1.5-4.8B v2 from 81 to 96. Those four numbers are the points: GenEval with and without
best-of-2048 selection, for a small and a large generator.

The release is not staged in ../shared/sources, so the four numbers are transcribed below.

Traps:
  - The scores are GenEval overall scores printed as integers in percent (42, 87, 81, 96): stored as
    fractions with that two-digit precision.
  - The "without selection" score is the model's plain GenEval score; the file does not say how
    many images per prompt it was computed on, so only the selected runs carry a candidates count.
  - SANA-1.5-4.8B's parameter count is its name's label; SD1.5's size is not stated in the file,
    so its params stay empty. Inference compute in FLOPs is not given: flops stay empty.
  - The file also says 32 candidates already push SANA-1.5-4.8B v2 "over 90%" and shows a scaling
    curve as an image (scaling_curve.jpg); neither gives an exact number, so neither is curated.

Run: cd /work/main && python -m data.curate.sana_inference_scaling
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "sana_inference_scaling"
PAPER_ID = "xie2025"
SOURCE_ID = "NVlabs+Sana"
SOURCE_FILE = "asset/inference_scaling/inference_scaling.md"
PARAGRAPH = "paragraph 1 ('By selecting the top 4 images from 2,048 candidates ...')"
FAMILY_ID = "xie2025_sana15_best_of_n_geneval"
METRIC = "geneval_overall"
CANDIDATES = 2048
KEPT = 4

# generator as the file names it -> (run id stem, parameters from the name or None, GenEval before, after selection)
GENERATORS = {
    "SD1.5": ("sd15", None, "42", "87"),
    "SANA-1.5-4.8B v2": ("sana15-4.8b-v2", 4_800_000_000, "81", "96"),
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "SANA 1.5: Efficient Scaling of Training-Time and Inference-Time Compute in Linear Diffusion "
        "Transformer",
        "authors": "Enze Xie, Junsong Chen, Yuyang Zhao et al.",
        "year": 2025,
        "arxiv_id": "2501.18427",
        "venue": "arXiv preprint arXiv:2501.18427",
        "url": "https://arxiv.org/abs/2501.18427",
        "covers": "Training-time scaling of the linear diffusion transformer SANA (model growth from 1.6B to "
        "4.8B parameters) and inference-time scaling by sampling many candidates and keeping the best ones "
        "with a VLM verifier; the authors' release states GenEval before and after best-4-of-2048 selection "
        "for SD1.5 and SANA-1.5-4.8B.",
    }
]


def runs() -> pd.DataFrame:
    """Two runs per generator: plain, and best 4 of 2,048 candidates by the verifier."""
    rows = []
    for generator, (stem, params, before, after) in GENERATORS.items():
        for selected, score in ((0, before), (1, after)):
            rows.append(
                {
                    "run_id": f"{stem}-best{KEPT}of{CANDIDATES}" if selected else f"{stem}-plain",
                    "params": params,
                    "selected": selected,
                    "value": round(float(score) / 100, 2),
                    "locator": f"{PARAGRAPH}: {generator} {'after' if selected else 'before'} selection "
                    f"('from {before} to {after}')",
                }
            )
    return pd.DataFrame(rows)


def build_points(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": table["run_id"],
            "params": table["params"].astype("Int64"),
            "metric": METRIC,
            "value": table["value"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": table["locator"],
            "extraction": "released_data",
        }
    )


def build_run_inputs(table: pd.DataFrame) -> pd.DataFrame:
    flags = pd.DataFrame(
        {
            "run_id": table["run_id"],
            "input": "verifier_selection",
            "value": table["selected"],
            "unit": "flag",
            "description": f"1 = the {KEPT} images the VISA verifier (NVILA-2B) scores highest out of "
            f"{CANDIDATES} candidates per prompt are evaluated, 0 = the generator's plain GenEval score",
        }
    )
    selected = table[table["selected"] == 1]
    candidates = pd.DataFrame(
        {
            "run_id": selected["run_id"],
            "input": "candidates_per_prompt",
            "value": CANDIDATES,
            "unit": "images",
            "description": f"images generated per GenEval prompt before the verifier keeps the best {KEPT}",
        }
    )
    frame = pd.concat([flags, candidates], ignore_index=True)
    frame["family_id"] = FAMILY_ID
    frame["source_file"] = SOURCE_FILE
    frame["source_locator"] = PARAGRAPH
    return frame


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "Best-of-2048 verifier selection on GenEval, SD1.5 and SANA-1.5-4.8B (Xie 2025)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "image_generation",
                "architecture": "text-to-image generators SD1.5 (latent diffusion U-Net) and SANA-1.5-4.8B v2 "
                "(linear diffusion transformer), with the NVILA-2B verifier VISA for selection",
                "training_data": "not stated in the release file",
                "param_convention": "unknown",
                "flops_convention": "No compute in the release file: flops left empty (inference compute is "
                "described by the candidates_per_prompt run input instead).",
                "data_unit": "samples",
                "description": "Xie et al. 2025 (SANA 1.5), inference-time scaling: GenEval overall score of two "
                "generators before and after keeping the verifier's top 4 of 2,048 candidate images per prompt, "
                "as the authors' release file inference_scaling.md states it (integers in percent there, "
                "fractions here). SANA-1.5-4.8B's params are its name's label; SD1.5's size is not in the file "
                "(params empty). The file's scaling curve over candidate counts is an image and its 32-candidate "
                "remark gives no exact value, so neither is curated. Values transcribed from the release (not "
                "staged in ../shared).",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": METRIC,
                "name": "GenEval overall score",
                "kind": "score",
                "higher_is_better": True,
                "min_value": 0.0,
                "max_value": 1.0,
                "unit": "fraction",
                "description": "GenEval overall score of a text-to-image generator (the benchmark's overall "
                "prompt-alignment score), as the source reports it, converted from percent to a fraction.",
            }
        ]
    )


def main() -> None:
    table = runs()
    write_source_tables(
        NAME,
        build_families(),
        build_points(table),
        build_metrics(),
        run_inputs=build_run_inputs(table),
        paper_rows=PAPER_ROWS,
    )


if __name__ == "__main__":
    main()
