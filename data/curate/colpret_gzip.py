"""Curate the gzip data-complexity runs (Pandey 2024, gzip Predicts Data-dependent Scaling Laws,
2405.16684) as collected in ColPret.

Source: IBM+ColPret raw_data/gzip/results_new.jsonl (150 JSON lines, one run each): PCFG-generated
training sets of 5 complexity levels (`dataset_name` "/gzipscale-<ratio>-10M", `dataset_gzip` =
[mean, std] of the gzip compressed/raw size ratio) x 5 training-set sizes (`token_ct` tokens,
`num_epochs` 1) x 6 model sizes (`model_size`, `model_stats` = the architecture), with
`train_loss` and `valid_loss` lists logged over training (nats).

Traps:
- `model_size` counts all parameters, the input embedding and the untied output head included
  (32,001 x hidden each): param_convention with_embeddings.
- The loss lists have no step or token axis (13 to 1,160 training values, 2 or 4 validation values
  per run) and the logging interval is not in the file, so only the last value of each list (the
  run's final loss) is kept.
- One family per complexity level (the paper fits a law per data set); the gzip ratio is a run input.

Run: cd /work/main && python -m data.curate.colpret_gzip
"""

from __future__ import annotations

import json

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, raw_path, write_curated
from data.curate._common import train_loss_metric

NAME = "colpret_gzip"
PAPER_ID = "pandey2024"
SOURCE_FILE = "raw_data/gzip/results_new.jsonl"
METRIC_OF_LIST = {"train_loss": "train_loss", "valid_loss": "gzip_pcfg_valid_loss"}

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "gzip Predicts Data-dependent Scaling Laws",
        "authors": "Rohan Pandey",
        "year": 2024,
        "arxiv_id": "2405.16684",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2405.16684",
        "covers": "Language models (4M to 1.4B parameters) trained on PCFG-generated data of 5 gzip-compressibility "
        "levels and 5 data sizes: final training and validation losses of 150 runs, as collected in IBM/ColPret.",
    }
]


def load_runs() -> pd.DataFrame:
    """One row per JSON line (`line` 1-based) with the complexity level and the final losses."""
    lines = raw_path(SOURCE_FILE).read_text().splitlines()
    runs = pd.DataFrame([json.loads(text) for text in lines])
    runs["line"] = range(1, len(runs) + 1)
    runs["level"] = runs["dataset_name"].str.extract(r"gzipscale-([0-9.]+)-")[0]
    runs["gzip_mean"] = runs["dataset_gzip"].map(lambda pair: pair[0])
    runs["gzip_std"] = runs["dataset_gzip"].map(lambda pair: pair[1])
    runs["vocab_size"] = runs["model_stats"].map(lambda stats: stats["vocab_size"])
    runs["run_id"] = "N" + runs["model_size"].astype(str) + "-D" + runs["token_ct"].astype(str)
    return runs


def family_id(level: str) -> str:
    return f"pandey2024_gzip_{level.replace('.', 'p')}"


def build_points(runs: pd.DataFrame) -> pd.DataFrame:
    blocks = []
    for column, metric in METRIC_OF_LIST.items():
        blocks.append(
            pd.DataFrame(
                {
                    "family_id": runs["level"].map(family_id),
                    "run_id": runs["run_id"],
                    "params": runs["model_size"],
                    "tokens": runs["token_ct"],
                    "vocab_size": runs["vocab_size"],
                    "metric": metric,
                    "value": runs[column].map(lambda losses: losses[-1]),
                    "paper_id": PAPER_ID,
                    "source_id": SOURCE_ID,
                    "source_file": SOURCE_FILE,
                    "source_locator": [
                        f"line {line} (dataset_name={name}, model_size={n}, token_ct={d}), last value of {column}"
                        for line, name, n, d in zip(runs["line"], runs["dataset_name"], runs["model_size"],
                                                    runs["token_ct"])
                    ],
                    "extraction": "released_data",
                }
            )
        )
    return pd.concat(blocks, ignore_index=True)


def build_run_inputs(runs: pd.DataFrame) -> pd.DataFrame:
    blocks = []
    for column, name, meaning in (
        ("gzip_mean", "gzip_compressibility", "mean"),
        ("gzip_std", "gzip_compressibility_std", "standard deviation"),
    ):
        blocks.append(
            pd.DataFrame(
                {
                    "family_id": runs["level"].map(family_id),
                    "run_id": runs["run_id"],
                    "input": name,
                    "value": runs[column],
                    "unit": "ratio",
                    "description": f"{meaning} of the gzip compressed/raw size ratio of the run's training data "
                    "(`dataset_gzip`); lower = more compressible = simpler data.",
                    "source_file": SOURCE_FILE,
                    "source_locator": [f"line {line}, dataset_gzip" for line in runs["line"]],
                }
            )
        )
    return pd.concat(blocks, ignore_index=True)


def architecture_text(group: pd.DataFrame) -> str:
    """The range of the run shapes, as `model_stats` gives them."""
    layers = group["model_stats"].map(lambda stats: stats["num_hidden_layers"])
    hidden = group["model_stats"].map(lambda stats: stats["hidden_size"])
    return (f"decoder-only transformer, {group['model_size'].nunique()} sizes: {layers.min()} to {layers.max()} "
            f"layers, hidden size {hidden.min()} to {hidden.max()} (`model_stats`)")


def build_families(runs: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for level, group in runs.groupby("level"):
        rows.append(
            {
                "family_id": family_id(level),
                "name": f"gzip PCFG data, compressibility {level} (Pandey 2024)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": architecture_text(group),
                "training_data": f"PCFG-generated text, gzip compressibility {float(group['gzip_mean'].iloc[0])!r} "
                f"(dataset {group['dataset_name'].iloc[0]})",
                "param_convention": "with_embeddings",
                "flops_convention": "No FLOPs in the source; the store's 6ND uses N with embeddings.",
                "data_unit": "tokens",
                "description": f"{len(group)} runs of Pandey 2024 (2405.16684) on one synthetic PCFG data set of gzip "
                "compressibility ratio " + level + ": 6 model sizes (4.2M to 1.39B parameters counting the input "
                "embedding and the untied output head, vocabulary 32,001) x 5 training-set sizes (~1e5 to ~9.5e6 "
                "tokens, one epoch). " + COLLECTOR + " Only final losses are kept (last value of the logged "
                "train/valid lists: the logging interval is not in the file). The paper's data-dependent law "
                "uses the gzip ratio, stored as a run input.",
            }
        )
    return pd.DataFrame(rows)


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            train_loss_metric(
                "for Pandey 2024 the last logged training loss of the run.",
            ),
            {
                "metric": "gzip_pcfg_valid_loss",
                "name": "Validation loss on held-out PCFG data (Pandey 2024)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "nats/token",
                "description": "Cross-entropy loss (nats per token) on the validation split of the run's own PCFG data "
                "set, the last value of `valid_loss` in Pandey 2024's results (ColPret copy).",
            },
        ]
    )


def main() -> None:
    runs = load_runs()
    write_curated(NAME, build_families(runs), build_points(runs), build_metrics(), PAPERS, build_run_inputs(runs))


if __name__ == "__main__":
    main()
