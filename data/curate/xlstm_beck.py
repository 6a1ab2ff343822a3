"""Curate Beck et al. 2025 (xLSTM Scaling Laws, 2510.02228, ICLR 2026): the IsoFLOP runs of the release.

Source: NX-AI+xlstm_scaling_laws/data/wandb_runs_flattened.csv (DERIVED in the raw store: the
repo's data/*_wandb_data.pkl flattened to one row per W&B run). Columns used: source_file (one
pickle per IsoFLOP set), experiment_group (the IsoFLOP budget, e.g. sclaw_llama_iso4),
run_name, wandb_id, context_length, num_params, global_batch_size (sequences), num_train_steps,
last_logged_step, tokens_trained (= steps x batch x context), peak_lr, num_blocks,
embedding_dim, train_loss_mean_last, val_dclm_loss_last.

Traps:
- 29 rows carry no losses (runs logged without metrics, 13 of them duplicates by name of a run
  that has them): they give no point and are left out.
- `model_type` is empty for the mLSTM pickles; the model type is read from the set's file name.
- num_params counts the input embedding and the untied output head: for every Llama run it equals
  the blocks (4d^2 attention + 3 d f SwiGLU with f = 8d/3 rounded up to 64, two norms) + final norm
  + 2 x 50,304 x d exactly, so params_non_embedding = num_params - 2 x 50,304 x d is filled for Llama.
  For mLSTM the block formula is not reproduced here, so only num_params is kept.
- The budgets are defined with the paper's own FLOP count (Sec. 2.1 'Calculating compute costs',
  which counts attention / mLSTM terms that depend on the context length); that count is not
  reproduced, so flops stay empty and 6ND differs by up to ~15 % inside one budget group.
- One run with losses stopped before num_train_steps: it is kept and flagged by the run input
  reached_num_train_steps = 0.

Writes families/, points/, metrics/ and run_inputs/ xlstm_beck.csv.
Run: cd /work/main && python -m data.curate.xlstm_beck
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "xlstm_beck"
PAPER_ID = "beck2025"
SOURCE_ID = "NX-AI+xlstm_scaling_laws"
SOURCE_FILE = "data/wandb_runs_flattened.csv"
DIVERGED_LOSS = 6.0  # nats/token: far above every converged run of the release (2.7-3.6)
VOCAB_SIZE = 50304  # found by the exact Llama parameter count (see the module docstring)
METRIC_COLUMNS = {
    "train_loss_mean_last": "train_loss_dclm_beck2025",
    "val_dclm_loss_last": "val_loss_dclm_beck2025",
}
# One family per IsoFLOP set (= released pickle): model type x context length (+ variants).
SETS = {
    "data/isoflop_llama_ctx2048_wandb_data.pkl": ("llama_ctx2048", "Llama", 2048, ""),
    "data/isoflop_llama_ctx8192_wandb_data.pkl": ("llama_ctx8192", "Llama", 8192, ""),
    "data/isoflop_llama_ctx16384_wandb_data.pkl": ("llama_ctx16384", "Llama", 16384, ""),
    "data/isoflop_llama_ctx8192_flops_chinchilla_wandb_data.pkl": (
        "llama_ctx8192_flops_chinchilla",
        "Llama",
        8192,
        "The release names this set 'flops_chinchilla': its budgets are counted another way than the main "
        "ctx-8192 set (by the name, Chinchilla's FLOP count); the paper's text was not checked for it.",
    ),
    "data/isoflop_mlstm_ctx16384_wandb_data.pkl": ("mlstm_ctx16384", "xLSTM (mLSTM)", 16384, ""),
    "data/isoflop_mlstm_ctx8192_large_gbs256_wandb_data.pkl": (
        "mlstm_ctx8192_gbs256",
        "xLSTM (mLSTM)",
        8192,
        "The release names this set 'large_gbs256': a larger global batch (256 sequences) than the other sets.",
    ),
}
ARCHITECTURE = {
    "Llama": "decoder-only Transformer (Llama-2-style dense multi-head attention, SwiGLU MLP)",
    "xLSTM (mLSTM)": "xLSTM built from mLSTM blocks (mLSTMv1 in the run names), linear in context length",
}


def read_release() -> pd.DataFrame:
    frame = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    frame["line"] = frame.index + 2  # line 1 is the header
    unknown = set(frame["source_file"]) - set(SETS)
    if unknown:
        raise ValueError(f"IsoFLOP sets not described: {sorted(unknown)}")
    has_loss = frame[list(METRIC_COLUMNS)].notna().any(axis=1)
    return frame[has_loss].reset_index(drop=True)


def family_id(source_file: str) -> str:
    return f"beck2025_{SETS[source_file][0]}"


def budget_index(group: str) -> int:
    return int(re.search(r"iso(\d+)$", group).group(1))


def non_embedding_params(raw: pd.DataFrame) -> pd.Series:
    is_llama = raw["source_file"].map(lambda f: SETS[f][1] == "Llama")
    return (raw["num_params"] - 2 * VOCAB_SIZE * raw["embedding_dim"]).where(is_llama)


def curate_points(raw: pd.DataFrame) -> pd.DataFrame:
    base = pd.DataFrame(
        {
            "family_id": raw["source_file"].map(family_id),
            "run_id": raw["run_name"] + "-" + raw["wandb_id"],
            "params": raw["num_params"],
            "params_non_embedding": non_embedding_params(raw),
            "tokens": raw["tokens_trained"],
            "learning_rate": raw["peak_lr"],
            "batch_size_tokens": raw["global_batch_size"] * raw["context_length"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "extraction": "released_data",
        }
    )
    parts = []
    for column, metric in METRIC_COLUMNS.items():
        part = base.assign(
            metric=metric,
            value=raw[column],
            source_locator=[f"line {line} (wandb_id={w}, {column})" for line, w in zip(raw.line, raw.wandb_id)],
        )
        parts.append(part[raw[column].notna()])
    return pd.concat(parts, ignore_index=True)


def curate_run_inputs(raw: pd.DataFrame) -> pd.DataFrame:
    inputs = {
        "isoflop_budget": (
            raw["experiment_group"].map(budget_index),
            "index",
            "IsoFLOP budget group of the release (experiment_group sclaw_<model>_iso<k>); budgets grow with k",
            "experiment_group",
        ),
        "context_length": (raw["context_length"], "tokens", "training context length", "context_length"),
        "num_blocks": (raw["num_blocks"], "layers", "number of blocks", "num_blocks"),
        "embedding_dim": (raw["embedding_dim"], "dimensions", "model width d", "embedding_dim"),
        "reached_num_train_steps": (
            (raw["last_logged_step"] >= raw["num_train_steps"]).astype(int),
            "flag (1 = yes)",
            "1 if the last logged step reached num_train_steps, 0 if the run stopped early (kept)",
            "last_logged_step, num_train_steps",
        ),
    }
    parts = [
        pd.DataFrame(
            {
                "family_id": raw["source_file"].map(family_id),
                "run_id": raw["run_name"] + "-" + raw["wandb_id"],
                "input": name,
                "value": values,
                "unit": unit,
                "description": description,
                "source_file": SOURCE_FILE,
                "source_locator": [f"line {line} ({columns})" for line in raw.line],
            }
        )
        for name, (values, unit, description, columns) in inputs.items()
    ]
    return pd.concat(parts, ignore_index=True)


def family_row(source_file: str, group: pd.DataFrame) -> dict:
    slug, model, context, note = SETS[source_file]
    budgets = sorted(group["experiment_group"].map(budget_index).unique())
    c6nd = 6 * group["num_params"] * group["tokens_trained"]
    stopped = int((group["last_logged_step"] < group["num_train_steps"]).sum())
    diverged = int((group["train_loss_mean_last"] > DIVERGED_LOSS).sum())
    description = (
        f"IsoFLOP set {source_file} of the release: {len(group)} runs of {model} at context {context} in "
        f"{len(budgets)} budget groups (iso{budgets[0]}-iso{budgets[-1]}; group index = run input isoflop_budget), "
        f"6ND from {c6nd.min():.3g} to {c6nd.max():.3g} FLOPs. Trained on DCLM; value = training loss averaged over "
        "the last logged window (train_loss_mean_last) and DCLM validation loss at the last evaluation. "
        "params = num_params as logged (input embedding and untied output head included); "
        + (
            f"params_non_embedding = num_params - 2 x {VOCAB_SIZE} x d (exact Llama count). "
            if model == "Llama"
            else "params_non_embedding left empty (the mLSTM count was not reproduced). "
        )
        + "tokens = num_train_steps x global batch x context. learning_rate = peak LR, batch_size_tokens = "
        "global batch (sequences) x context. flops left empty: the budgets use the paper's own FLOP count "
        "(Sec. 2.1, attention / mLSTM terms included), not reproduced here, so 6ND varies by about 15 % inside "
        f"a group. Runs logged without losses are left out; {stopped} kept run(s) stopped before num_train_steps "
        "(run input reached_num_train_steps = 0). The paper's other sets (mLSTM IsoFLOPs at ctx 2048/8192, "
        "token/param sweeps) are absent from the released snapshot."
        + (f" {diverged} run(s) end with a training loss above {DIVERGED_LOSS} (diverged; kept as released)." if diverged else "")
    )
    return {
        "family_id": family_id(source_file),
        "name": f"xLSTM scaling IsoFLOP: {model}, ctx {context}" + (f" ({slug.split(str(context) + '_')[-1]})" if note else ""),
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": ARCHITECTURE[model],
        "training_data": "DCLM",
        "param_convention": "with_embeddings",
        "flops_convention": "Not filled: IsoFLOP budgets use the paper's own FLOP count (Sec. 2.1), not reproduced; "
        "the store's 6ND is only an approximation for these runs.",
        "data_unit": "tokens",
        "description": (description + " " + note).strip(),
    }


def curate_families(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([family_row(f, group) for f, group in raw.groupby("source_file")])


def curate_metrics() -> pd.DataFrame:
    common = dict(kind="loss", higher_is_better=False, min_value=0, max_value=20, unit="nats/token")
    return pd.DataFrame(
        [
            dict(
                metric="train_loss_dclm_beck2025",
                name="Training loss (DCLM), mean of the last logged values",
                description="Beck et al. 2025: cross-entropy training loss (nats/token) on DCLM, averaged over the "
                "last logged window of the run (release column train_loss_mean_last).",
                **common,
            ),
            dict(
                metric="val_loss_dclm_beck2025",
                name="Validation loss (DCLM), last evaluation",
                description="Beck et al. 2025: cross-entropy (nats/token) on the DCLM validation set at the run's "
                "last evaluation (release column val_dclm_loss_last), with the run's own tokenizer (GPT-NeoX-size "
                "vocabulary of 50,304 entries by the Llama parameter count).",
                **common,
            ),
        ]
    )


def paper_row() -> dict:
    return {
        "paper_id": PAPER_ID,
        "title": "xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity",
        "authors": "Maximilian Beck, Kajetan Schweighofer, Sebastian Böck, Sebastian Lehner, Sepp Hochreiter",
        "year": 2025,
        "arxiv_id": "2510.02228",
        "venue": "ICLR 2026",
        "url": "https://arxiv.org/abs/2510.02228",
        "covers": "Scaling laws of xLSTM (mLSTM) vs Llama-style Transformers: IsoFLOP and L(N, D) fits over 80M-7B "
        "parameters and 2B-2T tokens on DCLM, with context lengths 2K-16K; released IsoFLOP runs in families "
        "beck2025_*.",
    }


def main() -> None:
    raw = read_release()
    write_source_tables(NAME, curate_families(raw), curate_points(raw), curate_metrics(), curate_run_inputs(raw), [paper_row()])


if __name__ == "__main__":
    main()
