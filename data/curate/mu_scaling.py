"""Curate Yao & Wang 2023, *Research without Re-search: Maximal Update Parametrization Yields
Accurate Loss Prediction across Scales* (arXiv 2304.06875).

Source: the authors' release cofe-ai/Mu-scaling (its README names the paper and its authors),
file `fit_scale_loss_prediction.py` at commit 8bf728456f9a1aaf55eea4fb0fc60f1377ab75c8. The script
holds the run table behind the paper's loss-prediction fit: ten muP GPT-2 models of widths 128 to
3072 (`shapes`), their parameter counts in millions (`x`) and their training loss at step 20k
(`train_loss`; the plot's y label is "train_loss @ 20k"). It fits y = a x^b + c on the first seven
widths and predicts the last three (`num_pred = 3`): that split is a run input here. The fitted
coefficients are printed only when the script runs, so no law is curated from it.

The release is not staged in ../shared/sources, so the three lists are transcribed below (one
literal per value, in the script's order).

Traps:
  - `x` is in millions of parameters (the script's comment and x label "model size / M"); the
    release does not say whether embeddings are counted (param_convention unknown).
  - Tokens are left empty: the release gives the step (20k) but not the batch size of these runs
    (its only launch script, run_grid_search_pair_wise_mup.sh, is the width-256/512 learning-rate
    search with 6 sequences per device on 8 devices, not necessarily the scaling runs).
  - The training corpus is not named in the release (the training script takes a data path).

Run: cd /work/main && python -m data.curate.mu_scaling
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import train_loss_metric, write_source_tables

NAME = "mu_scaling"
PAPER_ID = "yao2023"
SOURCE_ID = "cofe-ai+Mu-scaling"
SOURCE_FILE = "fit_scale_loss_prediction.py"
FAMILY_ID = "yao2023_mup_gpt2_widths"
STEP = 20_000  # "train_loss @ 20k": every loss is read at the same optimizer step
PREDICTED = 3  # num_pred: the last three widths are prediction targets, not fitted

WIDTHS = [128, 256, 384, 512, 640, 768, 896, 1024, 2048, 3072]  # `shapes`
PARAMS_MILLIONS = ["8.53", "21.56", "39.09", "61.12", "87.65", "118.68", "154.21", "194.24", "676.48", "1446.72"]  # `x`
TRAIN_LOSS = ["3.9181", "3.6054", "3.4431", "3.3542", "3.2902", "3.2478", "3.224", "3.1797", "3.0854", "3.0425"]  # `train_loss`

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Research without Re-search: Maximal Update Parametrization Yields Accurate Loss Prediction "
        "across Scales",
        "authors": "Yiqun Yao, Yequan Wang",
        "year": 2023,
        "arxiv_id": "2304.06875",
        "venue": "arXiv preprint (CoRR abs/2304.06875)",
        "url": "https://arxiv.org/abs/2304.06875",
        "covers": "Loss prediction across scales under Maximal Update Parametrization (muP): scaling laws fitted "
        "on small models, with hyperparameters near the common loss basin and no search on the large ones, "
        "predict the loss of larger models before training; the authors' release lists muP GPT-2 models of "
        "widths 128 to 3072 with their training loss at step 20k.",
    }
]


def runs() -> pd.DataFrame:
    """One row per width of the release's run table, in the script's order."""
    rows = []
    for index, (width, millions, loss) in enumerate(zip(WIDTHS, PARAMS_MILLIONS, TRAIN_LOSS, strict=True)):
        rows.append(
            {
                "run_id": f"width{width}",
                "params": round(float(millions) * 1_000_000),
                "value": float(loss),
                "used_for_fit": int(index < len(WIDTHS) - PREDICTED),
                "locator": f"lists shapes / x / train_loss, entry {index} (width {width})",
            }
        )
    return pd.DataFrame(rows)


def build_points(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": table["run_id"],
            "params": table["params"],
            "step": STEP,
            "metric": "train_loss",
            "value": table["value"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": table["locator"],
            "extraction": "released_data",
        }
    )


def build_run_inputs(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": table["run_id"],
            "input": "used_for_fit",
            "value": table["used_for_fit"],
            "unit": "flag",
            "description": "1 = one of the seven smallest widths the release's power law y = a x^b + c is fitted "
            "on, 0 = one of the three largest widths it predicts (num_pred = 3)",
            "source_file": SOURCE_FILE,
            "source_locator": "num_pred = 3; curve_fit on x[:10-num_pred]",
        }
    )


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "muP GPT-2 width sweep, loss prediction (Yao 2023)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "GPT-2 decoder with Maximal Update Parametrization (the release's modeling_gpt2_mup.py), "
                "widths 128 to 3072",
                "training_data": "not named in the release",
                "param_convention": "unknown",
                "flops_convention": "No compute in the release: flops left empty.",
                "data_unit": "tokens",
                "description": "Yao & Wang 2023: ten muP GPT-2 models of widths 128 to 3072 (muP lets the small models' "
                "hyperparameters carry over to the large ones), training loss at step 20k, as the authors' "
                "release lists them in fit_scale_loss_prediction.py (parameters in millions there, counts here). "
                "The release fits y = a x^b + c on the seven smallest and predicts the three largest (run input "
                "used_for_fit). Tokens left empty: the batch size of these runs is not in the release; the "
                "training corpus is not named; whether parameter counts include embeddings is not stated. "
                "Values transcribed from the release (not staged in ../shared).",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            train_loss_metric(
                "for Yao & Wang 2023 the training loss at optimizer step 20k of each width, as the release's "
                "fit_scale_loss_prediction.py lists it (train_loss @ 20k)."
            )
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
