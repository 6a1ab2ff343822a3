"""Curate Li et al. 2025 (Predictable Scale: Part I -- Step Law, 2503.04715): the LR x batch-size grids.

Source: step-law+steplaw/data/dense_lr_bs_loss.csv (1,911 runs) and data/moe_lr_bs_loss.csv (708
runs). Each run is one (learning rate, batch size) point of a grid at fixed model size N and data
size D; `loss` = training LM loss at the last iteration, `smooth loss` = the same after a Gaussian
filter (the value the paper fits).

Families: one per (N, D) cell (17 dense, 16 MoE), so a cell's family is its LR x batch-size
landscape and the optimum can be compared across cells (vs N at fixed D and vs D at fixed N).

Traps:
- N excludes embeddings: dense N = numl (4 h^2 + 3 h ffnh) exactly; MoE `N` is the total
  non-embedding count (all experts) and `Na` the activated count. The MoE family's N is the total N
  (held fixed at ~2.15B while the sparsity varies across cells); Na is kept as a run input.
- `bs` is in sequences of 2,048 tokens: batch_size_tokens = bs x 2048.
- Compute is not a column for dense runs: the repo's fit_tool.py counts M = 6 (4h + 3 ffnh + 2 x
  2048) numl h FLOPs per token (non-embedding, attention sequence term included) and C = M x D;
  the MoE file gives M = 6 (Na + 2 x 2048 x numl h) as a column. flops = M x D (derived).
- The third file (1,000 bootstrap fits of the Step Law) holds fitted coefficients, not runs: left out.

Writes families/, points/, metrics/ and run_inputs/ steplaw_grids.csv, and the staged paper row.
Run: cd /work/main && python -m data.curate.steplaw_grids
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "steplaw_grids"
PAPER_ID = "li2025c"
SOURCE_ID = "step-law+steplaw"
SEQ_LEN = 2048
FILES = {"dense": "data/dense_lr_bs_loss.csv", "moe": "data/moe_lr_bs_loss.csv"}
METRIC_COLUMNS = {"loss": "train_loss_final_steplaw", "smooth loss": "train_loss_smoothed_steplaw"}
FLOPS_RULE = (
    "C = M x D with M the FLOPs per token of the release's code/fit_tool.py: dense M = 6 (4h + 3 ffnh + "
    "2 x 2048) numl h (non-embedding matrices plus the attention sequence term); MoE M = the file's column "
    "M = 6 (Na + 2 x 2048 x numl h) with Na the activated non-embedding parameters."
)


def read_grid(kind: str) -> pd.DataFrame:
    frame = pd.read_csv(sources_dir() / SOURCE_ID / FILES[kind])
    frame["line"] = frame.index + 2  # line 1 is the header
    frame["kind"] = kind
    if kind == "dense":
        if not (frame["N"] == frame["numl"] * (4 * frame["h"] ** 2 + 3 * frame["h"] * frame["ffnh"])).all():
            raise ValueError("dense N is not numl (4h^2 + 3 h ffnh)")
        frame["M"] = 6 * (4 * frame["h"] + 3 * frame["ffnh"] + 2 * SEQ_LEN) * frame["numl"] * frame["h"]
    return frame


def read_grids() -> pd.DataFrame:
    return pd.concat([read_grid(kind) for kind in FILES], ignore_index=True)


def count_label(count: float) -> str:
    return f"{count / 1e9:.3g}B" if count >= 1e9 else f"{count / 1e6:.0f}M"


def family_id(row: pd.Series) -> str:
    shape = f"n{count_label(row.N)}" if row.kind == "dense" else f"na{count_label(row.Na)}_e{int(row.nume)}_top{int(row.topk)}"
    return f"li2025c_{row.kind}_{shape}_d{count_label(row.D)}".lower().replace(".", "p")


def curate_points(grids: pd.DataFrame) -> pd.DataFrame:
    base = pd.DataFrame(
        {
            "family_id": grids.apply(family_id, axis=1),
            "run_id": grids["exp_name"],
            "params_non_embedding": grids["N"],
            "tokens": grids["D"],
            "flops": grids["M"].astype(float) * grids["D"].astype(float),  # int64 would overflow
            "flops_method": "derived",
            "experts": grids["nume"].astype("Int64"),
            "learning_rate": grids["lr"],
            "batch_size_tokens": grids["bs"] * SEQ_LEN,
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": grids["kind"].map(FILES),
            "extraction": "released_data",
        }
    )
    parts = []
    for column, metric in METRIC_COLUMNS.items():
        locator = [f"line {line} (exp_name={name}, {column})" for line, name in zip(grids.line, grids.exp_name)]
        parts.append(base.assign(metric=metric, value=grids[column], source_locator=locator))
    return pd.concat(parts, ignore_index=True)


def curate_run_inputs(grids: pd.DataFrame) -> pd.DataFrame:
    inputs = {
        "d_model": ("h", "dimensions", "hidden size h"),
        "ffn_hidden": ("ffnh", "dimensions", "FFN hidden size (dense layers)"),
        "heads": ("numh", "heads", "attention heads"),
        "layers": ("numl", "layers", "number of layers"),
        "iterations": ("ti", "steps", "training iterations ti (bs x ti x 2048 = D within 0.2 %)"),
        "active_params_non_embedding": ("Na", "parameters", "MoE activated non-embedding parameters Na"),
        "experts_per_token": ("topk", "experts", "MoE experts activated per token (top-k)"),
    }
    parts = []
    for name, (column, unit, description) in inputs.items():
        rows = grids[grids[column].notna()]
        parts.append(
            pd.DataFrame(
                {
                    "family_id": rows.apply(family_id, axis=1),
                    "run_id": rows["exp_name"],
                    "input": name,
                    "value": rows[column],
                    "unit": unit,
                    "description": description,
                    "source_file": rows["kind"].map(FILES),
                    "source_locator": [f"line {line} ({column})" for line in rows.line],
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def family_row(fid: str, cell: pd.DataFrame) -> dict:
    first = cell.iloc[0]
    lrs, batches = cell["lr"], cell["bs"] * SEQ_LEN
    grid = (
        f"{len(cell)} runs: {lrs.nunique()} peak learning rates ({lrs.min():.3g}-{lrs.max():.3g}) x "
        f"{batches.nunique()} batch sizes ({batches.min():.3g}-{batches.max():.3g} tokens)"
    )
    if first.kind == "dense":
        shape = f"dense, N = {first.N:.0f} non-embedding (h {first.h}, ffnh {first.ffnh}, {first.numl} layers)"
        architecture = "decoder-only Transformer (dense)"
        n_text = "params_non_embedding = N = numl (4h^2 + 3 h ffnh)."
    else:
        shape = (
            f"MoE, N = {first.N:.0f} total non-embedding, Na = {first.Na:.0f} activated "
            f"({int(first.nume)} experts, top-{int(first.topk)})"
        )
        architecture = (
            f"decoder-only Transformer, Mixture-of-Experts ({int(first.nume)} experts, top-{int(first.topk)}, 1 dense layer)"
        )
        n_text = (
            "params_non_embedding = the release's N, total non-embedding parameters (all experts): the MoE cells hold "
            "it fixed while the sparsity Na/N varies; Na is the run input active_params_non_embedding, experts = nume."
        )
    return {
        "family_id": fid,
        "name": f"Step Law grid: {shape.split(' (')[0]}, D = {count_label(first.D)}",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": architecture,
        "training_data": "the authors' pre-training corpus (not named in the released files)",
        "param_convention": "non_embedding",
        "flops_convention": FLOPS_RULE,
        "data_unit": "tokens",
        "description": (
            f"One (N, D) cell of the Step Law hyperparameter search: {shape}, D = {first.D:.3g} tokens; {grid}. "
            "Each run = one (learning rate, batch size) pair trained to D, minimum LR 1e-5 (exp_name suffix mlr). Values: final training loss and its Gaussian-smoothed value (the paper fits the smoothed "
            f"one). learning_rate = peak LR; batch_size_tokens = bs x {SEQ_LEN}. {n_text} params with embeddings "
            "is not given (vocabulary size not in the release). The optimum of the cell is the run with the lowest "
            "smoothed loss; the 1,000 bootstrap Step Law fits of the release are not points."
        ),
    }


def curate_families(grids: pd.DataFrame) -> pd.DataFrame:
    ids = grids.apply(family_id, axis=1)
    return pd.DataFrame([family_row(fid, cell) for fid, cell in grids.groupby(ids)])


def curate_metrics() -> pd.DataFrame:
    common = dict(kind="loss", higher_is_better=False, min_value=0, max_value=20, unit="nats/token")
    return pd.DataFrame(
        [
            dict(
                metric="train_loss_final_steplaw",
                name="Final training loss (Step Law grids)",
                description="Li et al. 2025 (Step Law): training language-modelling cross-entropy (nats/token) at "
                "the last iteration of the run, unsmoothed (release column 'loss').",
                **common,
            ),
            dict(
                metric="train_loss_smoothed_steplaw",
                name="Final smoothed training loss (Step Law grids)",
                description="Li et al. 2025 (Step Law): training loss at the last iteration after a 1-D Gaussian "
                "filter over the logged loss curve (sigma = min(100, 1 % of the logged points) in log intervals; "
                "release column 'smooth loss', code/log_analysis.py); the value the paper's fits use.",
                **common,
            ),
        ]
    )


def paper_row() -> dict:
    return {
        "paper_id": PAPER_ID,
        "title": "Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining",
        "authors": "Houyi Li, Wenzhen Zheng, Qiufeng Wang, et al.",
        "year": 2025,
        "arxiv_id": "2503.04715",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2503.04715",
        "covers": "Step Law: optimal peak learning rate and batch size as power laws of non-embedding parameters N and "
        "tokens D, from grid searches over 3,700 dense and MoE LLMs; the released LR x batch-size grids of 17 dense "
        "and 16 MoE (N, D) cells are families li2025c_*.",
    }


def main() -> None:
    grids = read_grids()
    write_source_tables(
        NAME, curate_families(grids), curate_points(grids), curate_metrics(), curate_run_inputs(grids), [paper_row()]
    )


if __name__ == "__main__":
    main()
