"""Curate Zhang et al. 2024, *How Does Critical Batch Size Scale in Pre-training?* (2410.21676).

Source: the authors' release hlzhang109/critical-batch-size (the abstract names it as the paper's
code), notebook `plots/chinchilla.ipynb` at commit c5b509d8cf276bb40388172a08f9d6f644cf44dc. Its
code cells [10] and [11] (execution counts) query the authors' W&B project for the Chinchilla-scaled
runs (model sizes 85M to 1.2B, each trained on C4 towards its own target validation loss) and
print, for every model size and global batch size 2^6 ... 2^14 sequences, the smallest optimizer
step at which any run of that cell reached the target: the `results` dict printed by cell [11].
Those 45 numbers are the points here: how many steps each batch size needs, the quantity the
paper's critical batch size is read from (doubling the batch should halve the steps until the
critical batch size).

The release is not staged in ../shared/sources, so the printed values are transcribed below (one
literal per cell, in the notebook's order); tests/test_curated_critical_batch_size.py checks them
against the notebook when the release is staged at sources/hlzhang109+critical-batch-size.

Traps:
  - The notebook prints `run.name`, learning rate, beta2 and EWA decay of the *last* run its loop
    visited, not of the run that reached the target first (that one is `min_run_name` on the
    "Minimum goal step" line). So no learning rate is curated; the best run's name is the locator.
  - Sizes are the release's labels (85M, 151M, 302M, 604M, 1.2B; the 151M group is named
    '151M-ablation'); the notebook does not say whether they count embeddings.
  - The steps are the value (a data requirement), so the tokens column stays empty; the batch in
    tokens is batch sequences x 512, the context the notebook filters on
    (config.model.max_sequence_length == 512).
  - The target loss of each size is the notebook's `goal_losses` (C4 validation cross-entropy,
    W&B key eval/c4-validation/CrossEntropyLoss): a run input.

Run: cd /work/main && python -m data.curate.critical_batch_size
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "critical_batch_size"
PAPER_ID = "zhang2024b"
SOURCE_ID = "hlzhang109+critical-batch-size"
SOURCE_FILE = "plots/chinchilla.ipynb"
FAMILY_ID = "zhang2024b_cbs_chinchilla"
METRIC = "optimizer_steps_to_target_c4_loss"
SEQUENCE_LENGTH = 512  # the notebook keeps runs with config.model.max_sequence_length == 512
BATCH_SIZES = [2**i for i in range(6, 15)]  # cell [10]: batch_sizes, in sequences

# notebook group label -> (parameters as the label states them, target C4 validation loss = goal_losses)
MODEL_SIZES = {
    "85M": (85_000_000, 3.42),
    "151M-ablation": (151_000_000, 3.24),
    "302M": (302_000_000, 3.07),
    "604M": (604_000_000, 2.92),
    "1.2B": (1_200_000_000, 2.736),
}

# Cell [11]'s printed `results`: the smallest step reaching the target, per batch size in BATCH_SIZES order.
MIN_GOAL_STEPS = {
    "85M": [46000, 23000, 13282, 7000, 3840, 2500, 1800, 1600, 1600],
    "151M-ablation": [96000, 49000, 24000, 11951, 7128, 4200, 2760, 2400, 2300],
    "302M": [196000, 90000, 46000, 23400, 13300, 7224, 4980, 3400, 2879],
    "604M": [311000, 166000, 81000, 37440, 21320, 11400, 7199, 4700, 3800],
    "1.2B": [643000, 331000, 176000, 94000, 46500, 25000, 15360, 8900, 6500],
}

# Cell [10]'s printed "Minimum goal step" lines: the run that first reached the target, per batch size.
BEST_RUNS = {
    "85M": [
        "bs64-adamw_0.95-lr0.00316-ewa0.9995", "bs128-adamw_0.95-lr0.00316-ewa0.9995", "bs256-adamw_0.95-lr0.00316-ewa",
        "bs512-adamw_0.95-lr0.00316-ewa0.998", "bs1024-adamw_0.95-lr0.00316-ewa", "bs2048-adamw_0.95-lr0.00316-ewa0.99",
        "bs4096-adamw_0.95-lr0.00316-ewa0.99", "bs8192-adamw_0.95-lr0.00316-ewa0.98", "bs16384-adamw_0.95-lr0.00316-ewa0.99",
    ],
    "151M-ablation": [
        "bs64-adamw_0.95-lr0.00316-ewa0.999", "bs128-adamw_0.95-lr0.00316-ewa0.999", "bs256-adamw_0.95-lr0.00316-ewa0.999",
        "bs512-adamw_0.95-lr0.00316-ewa0.998", "bs1024-adamw_0.95-lr0.00316-ewa", "bs2048-adamw_0.95-lr0.00316-ewa0.99",
        "bs4096-adamw_0.95-lr0.00316-ewa0.99", "bs8192-adamw_0.95-lr0.00316-ewa0.99", "bs16384-adamw_0.95-lr0.00316-ewa0.99",
    ],
    "302M": [
        "bs64-adamw_0.95-lr0.00316-ewa0.9995", "bs128-adamw_0.95-lr0.00316-ewa0.9995", "bs256-adamw_0.95-lr0.00316-ewa0.9995",
        "bs512-adamw_0.95-lr0.00316-ewa0.9995", "bs1024-adamw_0.95-lr0.00316-ewa", "bs2048-adamw_0.95-lr0.00316-ewa",
        "bs4096-adamw_0.95-lr0.00316-ewa", "bs8192-adamw_0.95-lr0.00316-ewa0.99", "bs16384-adamw_0.95-lr0.00316-ewa0.99",
    ],
    "604M": [
        "bs64-adamw_0.95-lr0.00316-ewa0.9999", "bs128-adamw_0.95-lr0.00316-ewa0.9995", "bs256-adamw_0.95-lr0.00316-ewa0.9995",
        "bs512-adamw_0.95-lr0.00316-ewa0.9995", "bs1024-adamw_0.95-lr0.00316-ewa", "bs2048-adamw_0.95-lr0.00316-ewa",
        "bs4096-adamw_0.95-lr0.00316-ewa0.995", "bs8192-adamw_0.95-lr0.00316-ewa0.995", "bs16384-adamw_0.95-lr0.00316-ewa0.99",
    ],
    "1.2B": [
        "bs64-adamw_0.95-lr0.001-ewa0.99995", "bs128-adamw_0.95-lr0.001-ewa0.9999", "bs256-adamw_0.95-lr0.001-ewa0.9998",
        "bs512-adamw_0.95-lr0.001-ewa0.9999", "bs1024-adamw_0.9-lr0.00316-ewa0.999", "bs2048-adamw_0.95-lr0.00316-ewa0.9995",
        "bs4096-adamw_0.95-lr0.01-ewa0.99", "bs8192-adamw_0.95-lr0.01-ewa0.99", "bs16384-adamw_0.95-lr0.00316-ewa0.99",
    ],
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "How Does Critical Batch Size Scale in Pre-training?",
        "authors": "Hanlin Zhang, Depen Morwani, Nikhil Vyas, Jingfeng Wu, Difan Zou, Udaya Ghai, Dean Foster, Sham Kakade",
        "year": 2024,
        "arxiv_id": "2410.21676",
        "venue": "ICLR 2025",
        "url": "https://arxiv.org/abs/2410.21676",
        "covers": "Critical batch size of autoregressive LMs (85M to 1.2B parameters on C4, constant learning "
        "rate with exponential weight averaging): the optimizer steps each global batch size needs to reach "
        "a target validation loss, from which the critical batch size is read; it scales with data size "
        "rather than model size.",
    }
]


def size_label(group: str) -> str:
    return group.removesuffix("-ablation")


def cells() -> pd.DataFrame:
    """One row per (model size, batch size) cell of the notebook's printed results."""
    rows = []
    for group, steps in MIN_GOAL_STEPS.items():
        params, target = MODEL_SIZES[group]
        for batch, step, best_run in zip(BATCH_SIZES, steps, BEST_RUNS[group], strict=True):
            rows.append(
                {
                    "group": group,
                    "run_id": f"{size_label(group)}-bs{batch}",
                    "params": params,
                    "batch": batch,
                    "steps": step,
                    "target": target,
                    "locator": f"cell [11] output, results['{group}'][{BATCH_SIZES.index(batch)}] "
                    f"(batch size {batch}; best run {best_run})",
                }
            )
    return pd.DataFrame(rows)


def build_points(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": table["run_id"],
            "params": table["params"],
            "batch_size_tokens": table["batch"] * SEQUENCE_LENGTH,
            "metric": METRIC,
            "value": table["steps"],
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
            "input": "target_loss",
            "value": table["target"],
            "unit": "nats/token",
            "description": "the C4 validation cross-entropy the run must first reach (the notebook's goal_losses)",
            "source_file": SOURCE_FILE,
            "source_locator": [f"cell [10] source, goal_losses['{group}']" for group in table["group"]],
        }
    )


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "Critical batch size, Chinchilla-scaled LMs on C4 (Zhang 2024)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only transformer (the release's OLMo code), context 512",
                "training_data": "C4",
                "param_convention": "unknown",
                "flops_convention": "No compute in the release: flops left empty.",
                "data_unit": "tokens",
                "description": "Zhang et al. 2024, the Chinchilla-scaled runs of the critical-batch-size study: for "
                "each model size (85M, 151M, 302M, 604M, 1.2B, as the release labels them; whether the labels "
                "count embeddings is not stated) and global batch size 2^6 to 2^14 sequences of 512 tokens, the "
                f"smallest optimizer step at which a run reached the size's target C4 validation loss (metric {METRIC}, "
                "lower is better), as printed by the authors' notebook plots/chinchilla.ipynb (cell [11], `results`) "
                "from their W&B sweep (constant learning rate with warmup, exponential weight averaging). The "
                "steps are the value, so the tokens column is empty; batch_size_tokens = sequences x 512. The "
                "target loss of each size is a run input. Learning rates are not curated: the notebook prints "
                "those of the last run it visited, not of the best run (whose name is in the locator). Values "
                "transcribed from the notebook's printed output (the release is not staged in ../shared).",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": METRIC,
                "name": "Optimizer steps to reach the target C4 loss",
                "kind": "other",
                "higher_is_better": False,
                "min_value": 1,
                "max_value": 1e8,
                "unit": "optimizer steps",
                "description": "The smallest optimizer step at which the C4 validation cross-entropy (W&B key "
                "eval/c4-validation/CrossEntropyLoss) of any run of a (model size, global batch size) cell falls "
                "below the model size's target loss, over the authors' sweep, as Zhang et al. 2024's release "
                "notebook computes it. A data requirement in steps: lower is better; with perfect data "
                "parallelism doubling the batch halves it.",
            }
        ]
    )


def main() -> None:
    table = cells()
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
