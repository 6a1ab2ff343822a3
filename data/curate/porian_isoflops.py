"""Curate Porian et al. 2024 (Resolving Discrepancies in Compute-Optimal Scaling, 2406.19146).

Reads the flattened release in formll+resolving-scaling-law-discrepancies/ and writes:
  families/porian_isoflops.csv, points/porian_isoflops.csv, metrics/porian_isoflops.csv.
The release's allocation fits (fit_results.csv) are laws: data/curate/catalogue/porian2024.py.

One family per experimental configuration (dataset x hparams x warmup x decay x param_count x loss).
Each IsoFLOP point is one (model, FLOP budget) pair with the loss interpolated at that budget.

Run: cd /work/main && python -m data.curate.porian_isoflops
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_table
from lib.schema import FAMILIES, METRICS, POINTS

NAME = "porian_isoflops"
PAPER_ID = "porian2024"
SOURCE_ID = "formll+resolving-scaling-law-discrepancies"
POINTS_FILE = "isoflop_points.csv"
CONFIG_COLUMNS = ["dataset", "hparams", "warmup", "decay", "param_count", "val"]

# OpenLM setup of the paper (GPT-NeoX tokenizer vocabulary, context length). Used only to
# *check* that the three parameter conventions of one architecture line up exactly
# (standard - kaplan = vocab x width; attention - standard = seq_len x width x depth).
VOCAB_SIZE = 50432
SEQ_LEN = 2048

DATASET_NAMES = {"rw": "RefinedWeb", "owt2": "OpenWebText2"}
VAL_METRIC = {"rw": "val_loss_refinedweb", "owt2": "val_loss_openwebtext2"}
HPARAM_TEXT = {
    "base": "base hyperparameters (one setting for all sizes)",
    "tuned": "tuned hyperparameters (learning rate, batch size and AdamW beta2 tuned per model size)",
}
DECAY_SHORT = {
    "kaplan": "Kaplan (long cosine) decay",
    "chinchilla": "cosine (Chinchilla) decay",
    "const": "constant LR (no decay)",
}
WARMUP_TEXT = {"long": "long (Kaplan-style) warmup", "short": "short warmup"}
DECAY_TEXT = {
    "kaplan": "cosine decay over a long fixed horizon (Kaplan-style; runs stop before the schedule ends)",
    "chinchilla": "cosine decay matched to each run's budget (Chinchilla-style)",
    "const": "constant learning rate (no decay)",
}
PARAM_COUNT_TEXT = {
    "kaplan": "Kaplan count: non-embedding parameters, head excluded; C = 6 N D",
    "standard": "standard count: non-embedding parameters plus the output head (vocab x width); C = 6 N D",
    "attention": "attention-inclusive count: effective N = N_standard + seq_len x width x depth "
    "(attention FLOPs folded in); C = 6 N_eff D",
}
# The paper's own label for each step of its Kaplan -> Chinchilla walk (repo configs.py).
PAPER_STEP = {
    ("base", "long", "kaplan", "kaplan", "train"): "Reproducing Kaplan et al.",
    ("base", "long", "kaplan", "standard", "val"): "Counting last layer FLOPs",
    ("base", "short", "kaplan", "standard", "val"): "Correcting warmup",
    ("base", "short", "chinchilla", "standard", "val"): "Cosine decay",
    ("tuned", "short", "const", "standard", "val"): "Optimizer tuning (no decay)",
    ("tuned", "long", "const", "kaplan", "train"): "Kaplan setup with tuned hyperparameters",
    ("base", "long", "kaplan", "attention", "train"): "Reproducing Kaplan et al. (attention FLOPs counted)",
    ("base", "short", "kaplan", "attention", "train"): "Correcting warmup (attention FLOPs counted)",
    ("base", "short", "chinchilla", "attention", "train"): "Cosine decay (attention FLOPs counted)",
    ("tuned", "short", "const", "attention", "train"): "Optimizer tuning (attention FLOPs counted)",
}


def config_slug(config: pd.Series) -> str:
    return "_".join(str(config[c]) for c in CONFIG_COLUMNS)


def family_id(config: pd.Series) -> str:
    return "porian2024_" + config_slug(config)


def loss_metric(config: pd.Series) -> str:
    return "train_loss" if config["val"] == "train" else VAL_METRIC[config["dataset"]]


def read_points() -> pd.DataFrame:
    frame = pd.read_csv(sources_dir() / SOURCE_ID / POINTS_FILE)
    frame["source_line"] = frame.index + 2  # line 1 is the header
    return frame


def architecture_table(points: pd.DataFrame) -> pd.DataFrame:
    """Width, depth and all three parameter counts of the 16 OpenLM models, matched by size rank.

    The release stores only the count of each configuration's convention. The same 16
    architectures underlie every configuration, so ranking each convention's sizes lines them
    up; the match is accepted only if it is exact: width = (N_std - N_kaplan) / vocab and
    depth = (N_att - N_std) / (seq_len x width) must both be whole numbers.
    """
    sizes = {
        convention: sorted(points.loc[points.param_count == convention, "params"].unique())
        for convention in ("kaplan", "standard", "attention")
    }
    if not len(sizes["kaplan"]) == len(sizes["standard"]) == len(sizes["attention"]):
        raise ValueError(f"unequal model counts per convention: { {k: len(v) for k, v in sizes.items()} }")
    rows = []
    for n_kaplan, n_standard, n_attention in zip(sizes["kaplan"], sizes["standard"], sizes["attention"]):
        width = (n_standard - n_kaplan) / VOCAB_SIZE
        depth = (n_attention - n_standard) / (SEQ_LEN * width)
        if width != int(width) or depth != int(depth):
            raise ValueError(f"architecture match failed for N={n_standard}: width={width}, depth={depth}")
        rows.append(
            dict(width=int(width), depth=int(depth), n_kaplan=n_kaplan, n_standard=n_standard, n_attention=n_attention)
        )
    return pd.DataFrame(rows)


def attach_architecture(points: pd.DataFrame, archs: pd.DataFrame) -> pd.DataFrame:
    key_column = {"kaplan": "n_kaplan", "standard": "n_standard", "attention": "n_attention"}
    parts = []
    for convention, group in points.groupby("param_count"):
        merged = group.merge(archs, left_on="params", right_on=key_column[convention], how="left")
        if merged["width"].isna().any():
            raise ValueError(f"{convention}: sizes without an architecture")
        parts.append(merged)
    return pd.concat(parts, ignore_index=True)


def curate_points(points: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "family_id": points.apply(family_id, axis=1),
            "run_id": [
                f"w{w}-d{d}-C{c:.3g}" for w, d, c in zip(points.width, points.depth, points.flops_budget)
            ],
            # params = the paper's N (with head); params_non_embedding = Kaplan's N. The one the
            # configuration used is in the raw row; the other comes from the exact architecture match.
            "params": points["n_standard"],
            "params_non_embedding": points["n_kaplan"],
            "tokens": points["tokens"],
            "flops": points["flops_budget"],
            # An attention-inclusive budget counts attention FLOPs in an effective N: not the
            # 6ND of the other configurations, and a chart must be able to say so.
            "flops_method": points["param_count"].map(lambda count: "attention_inclusive" if count == "attention" else "reported"),
            "step": pd.NA,
            "metric": points.apply(loss_metric, axis=1),
            "value": points["loss"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": POINTS_FILE,
            "source_locator": [
                f"line {line} (file={f}, params={p:.0f}, flops_budget={c:g})"
                for line, f, p, c in zip(points.source_line, points.file, points.params, points.flops_budget)
            ],
            "extraction": "released_data",
        }
    )
    return frame


def family_row(config: pd.Series, group: pd.DataFrame) -> dict:
    n_models, n_points = group["params"].nunique(), len(group)
    smallest, largest = group.loc[group.params.idxmin()], group.loc[group.params.idxmax()]
    sizes = f"width x depth {smallest.width}x{smallest.depth} to {largest.width}x{largest.depth}"
    budgets = f"{group.flops_budget.min():.3g}..{group.flops_budget.max():.3g} FLOPs"
    dataset = DATASET_NAMES[config["dataset"]]
    loss_text = (
        "smoothed training loss" if config["val"] == "train" else f"validation loss on held-out {dataset}"
    )
    step = PAPER_STEP[tuple(config[c] for c in CONFIG_COLUMNS[1:])]
    name = (
        f"Porian IsoFLOP: {dataset}, {config['hparams']} hparams, {config['warmup']} warmup, "
        f"{DECAY_SHORT[config['decay']]}, "
        f"{config['param_count']} params, {'train' if config['val'] == 'train' else 'val'} loss"
    )
    convention = {"kaplan": "non_embedding", "standard": "with_embeddings", "attention": "with_embeddings"}
    description = (
        f"Paper step: '{step}'. OpenLM decoder-only Transformers ({n_models} sizes, {sizes}) "
        f"trained on {dataset} with {HPARAM_TEXT[config['hparams']]}, {WARMUP_TEXT[config['warmup']]} and "
        f"{DECAY_TEXT[config['decay']]}. {n_points} IsoFLOP points at budgets {budgets} (factor-2 grid); "
        f"value = {loss_text} interpolated (log-log) at the exact budget from the logged curve. "
        f"FLOPs use the {PARAM_COUNT_TEXT[config['param_count']]}; tokens = budget / (6 N) in that count, so "
        f"6 x N x tokens equals the budget exactly for the configuration's own N. "
        "params = the paper's N (non-embedding + output head; the input embedding table is not counted), "
        "params_non_embedding = Kaplan's N; both are filled for every point from the exact width/depth match "
        "across the release's conventions. Watch out: different conventions place the same runs at different "
        "budgets, so compare IsoFLOP minima only within one family."
    )
    if config["param_count"] == "attention":
        description += (
            " In this family the budget also counts attention FLOPs, so 6 x params x tokens is below flops."
        )
    return {
        "family_id": family_id(config),
        "name": name,
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": "decoder-only Transformer (OpenLM, Llama-style)",
        "training_data": dataset,
        "param_convention": convention[config["param_count"]],
        "flops_convention": f"Reported IsoFLOP budget; {PARAM_COUNT_TEXT[config['param_count']]}.",
        "data_unit": "tokens",
        "description": description,
    }


def curate_families(points: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, group in points.groupby(CONFIG_COLUMNS):
        config = group.iloc[0]
        rows.append(family_row(config, group))
    return pd.DataFrame(rows)


def curate_metrics() -> pd.DataFrame:
    common = dict(kind="loss", higher_is_better=False, min_value=0, max_value=20, unit="nats/token")
    return pd.DataFrame(
        [
            dict(
                metric="train_loss",
                name="Training loss",
                description="Cross-entropy training loss (nats per token) on the training corpus of the family; "
                "for Porian et al. the smoothed training-loss curve interpolated at the FLOP budget.",
                **common,
            ),
            dict(
                metric="val_loss_refinedweb",
                name="Validation loss (RefinedWeb)",
                description="Cross-entropy loss (nats per token) on held-out RefinedWeb text.",
                **common,
            ),
            dict(
                metric="val_loss_openwebtext2",
                name="Validation loss (OpenWebText2)",
                description="Cross-entropy loss (nats per token) on held-out OpenWebText2 text.",
                **common,
            ),
        ]
    )


def main() -> None:
    raw = read_points()
    archs = architecture_table(raw)
    points = attach_architecture(raw, archs)
    write_table(curate_families(points), FAMILIES, NAME)
    write_table(curate_points(points), POINTS, NAME)
    write_table(curate_metrics(), METRICS, NAME)


if __name__ == "__main__":
    main()
