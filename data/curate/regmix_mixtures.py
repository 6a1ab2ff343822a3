"""Curate Liu et al. 2024 (RegMix: Data Mixture as Regression, 2407.01492): the data-mixture runs.

Source: sail-sg+regmix/data/, four pairs of files: `<split>_mixture_<size>.csv` (index + 17 Pile
domain sampling weights `train_the_pile_<domain>`) and `<split>_pile_loss_<size>.csv` (index + 13
domain validation losses `metric/the_pile_<domain>_val_loss`, nats/token). Row i of a mixture file
is row i of its loss file (same `index`, checked here). Splits: 512 training mixtures (the
regression's fitting set) and 256 held-out test mixtures for the "1M" proxy models, the same 256
test mixtures for "60M" models, and 64 other mixtures for "1B" models.

Families: one per model size; the split is the run input in_regression_fit_set (1 = one of the
512 mixtures the regression was fitted on, 0 = held out). Mixture weights go to
run_inputs/regmix_mixtures.csv, one row per run and domain.

Traps:
- The size names are nominal ("1M" counts non-embedding weights; the 50,432-token vocabulary
  embedding is extra). Exact parameter counts are not in the released files: params stay empty.
- Tokens: 1M proxies 512,000 sequences x 2,048 = 1,048,576,000 (comment in the repo's
  mixture_config/synthesize_mixture.py); 60M models "1B tokens" (as the paper states it, rounded); 1B models 25,000 steps x 512 x 2,048 = 26,214,400,000 (model_training/pretrain/
  tinyllama.py defaults; the paper says 25B).
- The mixture weights of a row sum to 1 +- 0.004 (rounded to 3 decimals in the release).

Writes families/, points/, metrics/ and run_inputs/ regmix_mixtures.csv and the staged paper row.
Run: cd /work/main && python -m data.curate.regmix_mixtures
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "regmix_mixtures"
PAPER_ID = "liu2024"
SOURCE_ID = "sail-sg+regmix"
MIXTURE_PREFIX = "train_the_pile_"
LOSS_PREFIX, LOSS_SUFFIX = "metric/the_pile_", "_val_loss"
# (size label, split, file stem suffix)
RUN_SETS = [("1M", "train", "1m"), ("1M", "test", "1m"), ("60M", "test", "60m"), ("1B", "test", "1B")]
SIZES = {
    "1M": dict(
        tokens=512_000 * 2048,
        tokens_source="512,000 sequences x 2,048 tokens per proxy run (repo mixture_config/synthesize_mixture.py; "
        "the paper's '1B tokens')",
        architecture="2 layers, d_model 256 (repo model_training/lit_gpt/config.py)",
    ),
    "60M": dict(
        tokens=1e9,
        tokens_source="1B tokens as the paper states for its 60M models ('1M, 60M models (each trained with 1B "
        "tokens)', in its evaluation of the regression); the exact count is not in the repo",
        architecture="10 layers, d_model 768 (repo model_training/lit_gpt/config.py)",
    ),
    "1B": dict(
        tokens=25_000 * 512 * 2048,
        tokens_source="25,000 steps x 512 sequences x 2,048 tokens (repo model_training/pretrain/tinyllama.py "
        "defaults; the paper says 25B tokens)",
        architecture="TinyLlama-1.1B configuration (repo model_training/lit_gpt/config.py)",
    ),
}


def file_pair(split: str, stem: str) -> tuple[str, str]:
    return f"data/{split}_mixture_{stem}.csv", f"data/{split}_pile_loss_{stem}.csv"


def read_run_set(size: str, split: str, stem: str) -> pd.DataFrame:
    """One mixture file joined with its loss file, row by row (their `index` columns must agree)."""
    mixture_file, loss_file = file_pair(split, stem)
    mixtures = pd.read_csv(sources_dir() / SOURCE_ID / mixture_file)
    losses = pd.read_csv(sources_dir() / SOURCE_ID / loss_file)
    if not mixtures["index"].equals(losses["index"]):
        raise ValueError(f"{mixture_file} and {loss_file} rows do not line up")
    frame = mixtures.join(losses.drop(columns="index"))
    frame["line"] = frame.index + 2  # line 1 is the header
    frame["size"], frame["split"] = size, split
    frame["mixture_file"], frame["loss_file"] = mixture_file, loss_file
    frame["run_id"] = [f"{split}-{index:03d}" for index in frame["index"]]
    return frame


def read_runs() -> pd.DataFrame:
    return pd.concat([read_run_set(*run_set) for run_set in RUN_SETS], ignore_index=True)


def domains(frame: pd.DataFrame, prefix: str, suffix: str = "") -> list[str]:
    return [c.removeprefix(prefix).removesuffix(suffix) for c in frame.columns if c.startswith(prefix) and c.endswith(suffix)]


def family_id(size: str) -> str:
    return f"liu2024_regmix_{size.lower()}"


def loss_metric(domain: str) -> str:
    return f"val_loss_pile_{domain}_regmix"


def curate_points(runs: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for domain in domains(runs, LOSS_PREFIX, LOSS_SUFFIX):
        column = f"{LOSS_PREFIX}{domain}{LOSS_SUFFIX}"
        parts.append(
            pd.DataFrame(
                {
                    "family_id": runs["size"].map(family_id),
                    "run_id": runs["run_id"],
                    "tokens": runs["size"].map(lambda s: SIZES[s]["tokens"]),
                    "metric": loss_metric(domain),
                    "value": runs[column],
                    "paper_id": PAPER_ID,
                    "source_id": SOURCE_ID,
                    "source_file": runs["loss_file"],
                    "source_locator": [f"line {line} (index={i}, {column})" for line, i in zip(runs.line, runs["index"])],
                    "extraction": "released_data",
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def curate_run_inputs(runs: pd.DataFrame) -> pd.DataFrame:
    def rows(values, name, unit, description, file_column, column) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "family_id": runs["size"].map(family_id),
                "run_id": runs["run_id"],
                "input": name,
                "value": values,
                "unit": unit,
                "description": description,
                "source_file": runs[file_column],
                "source_locator": [f"line {line} (index={i}, {column})" for line, i in zip(runs.line, runs["index"])],
            }
        )

    parts = [
        rows(
            runs[f"{MIXTURE_PREFIX}{domain}"],
            domain,
            "fraction of sampled tokens",
            f"sampling weight of the Pile domain '{domain}' in the training mixture",
            "mixture_file",
            f"{MIXTURE_PREFIX}{domain}",
        )
        for domain in domains(runs, MIXTURE_PREFIX)
    ]
    parts.append(
        rows(
            (runs["split"] == "train").astype(int),
            "in_regression_fit_set",
            "flag (1 = yes)",
            "1 = one of the 512 mixtures the RegMix regression was fitted on; 0 = a held-out test mixture",
            "mixture_file",
            "file split (train_/test_)",
        )
    )
    return pd.concat(parts, ignore_index=True)


def family_row(size: str, group: pd.DataFrame) -> dict:
    spec = SIZES[size]
    splits = ", ".join(f"{n} {split}" for split, n in group["split"].value_counts().sort_index(ascending=False).items())
    return {
        "family_id": family_id(size),
        "name": f"RegMix data mixtures: {size} models",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": f"decoder-only Transformer (lit-gpt / TinyLlama code), '{size}' model: {spec['architecture']}",
        "training_data": "The Pile (17 domains available on Hugging Face), mixed by per-run sampling weights",
        "param_convention": "unknown",
        "flops_convention": "Not reported; the store's 6ND cannot be formed (params unknown).",
        "data_unit": "tokens",
        "description": (
            f"{len(group)} runs ({splits} mixtures) of one nominal '{size}' model size, each trained on a different "
            "mixture of 17 Pile domains (weights = run inputs named by domain, fraction of sampled tokens; "
            "in_regression_fit_set marks the regression's 512 fitting mixtures). Values: validation loss "
            "(nats/token) on 13 Pile domains; the paper's regression target is pile_cc. "
            f"tokens = {spec['tokens_source']}. params left empty: the size names are nominal (the 1M name counts "
            "non-embedding weights; the 50,432-entry vocabulary embedding is extra) and exact counts are not in "
            "the released files. run_id test-<index> is the same mixture across the 1M and 60M families."
        ),
    }


def curate_families(runs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([family_row(size, group) for size, group in runs.groupby("size", sort=False)])


def curate_metrics(runs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": loss_metric(domain),
                "name": f"Pile {domain} validation loss (RegMix)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0,
                "max_value": 20,
                "unit": "nats/token",
                "description": f"Liu et al. 2024 (RegMix): cross-entropy (nats/token) on the validation split of "
                f"the Pile domain '{domain}', with the RegMix models' tokenizer (50,432-entry vocabulary); release "
                f"column metric/the_pile_{domain}_val_loss.",
            }
            for domain in domains(runs, LOSS_PREFIX, LOSS_SUFFIX)
        ]
    )


def paper_row() -> dict:
    return {
        "paper_id": PAPER_ID,
        "title": "RegMix: Data Mixture as Regression for Language Model Pre-training",
        "authors": "Qian Liu, Xiaosen Zheng, Niklas Muennighoff, Guangtao Zeng, Longxu Dou, Tianyu Pang, Jing Jiang, Min Lin",
        "year": 2024,
        "arxiv_id": "2407.01492",
        "venue": "ICLR 2025",
        "url": "https://arxiv.org/abs/2407.01492",
        "covers": "Data-mixture selection by regression: 512 + 256 proxy runs of 1M-parameter models, 256 of 60M and 64 "
        "of 1B models, each on a different mixture of 17 Pile domains, with validation losses on 13 domains "
        "(families liu2024_regmix_*).",
    }


def main() -> None:
    runs = read_runs()
    write_source_tables(
        NAME, curate_families(runs), curate_points(runs), curate_metrics(runs), curate_run_inputs(runs), [paper_row()]
    )


if __name__ == "__main__":
    main()
