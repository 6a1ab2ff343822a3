"""Curate the Gemstones suite (McLeish et al. 2025, arXiv 2502.06857) into the atlas schema.

Raw release: mcleish7/gemstone-scaling-laws (commit 5f420478), read from `sources_dir()`.

What becomes what
-----------------
* Points, three families (the paper's main suite and its two ablations):
  - `gemstones_hot`: the 22 width x depth models trained at a constant learning rate to 350B
    tokens. Dolma loss curves (subsampled), loss on FineWeb / FineWeb-Edu / DCLM samples, and
    lighteval benchmark accuracies of the released checkpoints.
  - `gemstones_cool`: the cooldown ablation, one point per cooldown branch (loss at its end).
  - `gemstones_lr_ablation`: the same shapes trained with half the learning rate to 100B tokens.
* Laws: the release's Approach-1/Approach-3 fits are in data/curate/catalogue/mcleish2025.py.

Run: cd /work/main && python -m data.curate.gemstones
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from data.curate._common import sources_dir, write_table
from lib import schema
from lib.schema import DATA_DIR

NAME = "gemstones"
PAPER_ID = "mcleish2025"
SOURCE_ID = "mcleish7+gemstone-scaling-laws"

# The authors' fitting code (depth_width.py, plotters/plotting_utils.py) uses a 50,304-token
# vocabulary and untied input embedding and LM head, each VOCAB_SIZE x width parameters.
VOCAB_SIZE = 50_304
# Global batch of 2048 sequences of 2048 tokens (model cards); every released file has
# tokens / step == 4,194,304, and the authors' own scripts convert steps the same way.
TOKENS_PER_STEP = 2048 * 2048
# The released final checkpoint ("main") is step 83,475 = 350B tokens (authors' scripts map
# "main" to this step; it is also the last step of the constant-LR loss file).
FINAL_STEP = 83_475
# Loss-curve points kept per hot run, spaced logarithmically in step, on top of every 10B-token
# checkpoint (every 5th file row), which are the points the Approach-3 fits use.
LOG_SPACED_POINTS = 80
TEN_B_TOKEN_STRIDE = 5
HOT_ROWS_PER_RUN = 175  # rows per run in HOT_CURVES (83,475 / 477); checked in hot_loss_points

HOT_CURVES = "wandb_dfs/wandb_df_for_fitting_hot_100b+_477.jsonl"
COOL_END = "wandb_dfs/wandb_df_for_fitting_cool_end.jsonl"
LR_ABLATION_CURVES = "wandb_dfs/wandb_df_for_fitting_lr_ablation_hot_477.jsonl"
BENCHMARKS = "benchmarks/light_eval_df.parquet"
OTHER_VAL_LOSS_DIRS = {
    "val_loss_fineweb": "other_validation_losses/fineweb_losses",
    "val_loss_fineweb_edu": "other_validation_losses/fineweb_edu_losses",
    "val_loss_dclm": "other_validation_losses/dclm_losses",
}
# lighteval task column -> metric id suffix
BENCHMARK_TASKS = {
    "arc:challenge": ("arc_challenge", "ARC-Challenge"),
    "arc:easy": ("arc_easy", "ARC-Easy"),
    "commonsense_qa": ("commonsense_qa", "CommonsenseQA"),
    "hellaswag": ("hellaswag", "HellaSwag"),
    "mmlu": ("mmlu", "MMLU (57 subjects, aggregate as released)"),
    "openbookqa": ("openbookqa", "OpenBookQA"),
    "piqa": ("piqa", "PIQA"),
    "siqa": ("siqa", "Social IQa"),
    "winogrande": ("winogrande", "WinoGrande"),
}
TRAIN_LOSS = "train_loss_dolma"


# ----------------------------------------------------------------------------- raw readers


def source_root() -> Path:
    return sources_dir() / SOURCE_ID


def read_jsonl_with_lines(relative: str) -> pd.DataFrame:
    """A jsonl file as a frame, with `line` = 1-based line number (the provenance locator)."""
    frame = pd.read_json(source_root() / relative, lines=True)
    frame["line"] = np.arange(1, len(frame) + 1)
    return frame


def shape_of(run_name: str) -> tuple[int, int]:
    """(width, depth) from a run/model name; only used to join files, never as a value."""
    match = re.search(r"(\d+)x(\d+)", run_name)
    if match is None:
        raise ValueError(f"no width x depth in {run_name!r}")
    return int(match.group(1)), int(match.group(2))


def model_id(width: int, depth: int) -> str:
    return f"gemstone-{width}x{depth}"


def non_embedding_params(params: pd.Series | int, width: pd.Series | int):
    """Parameters without the input embedding and the (untied) LM head, as the authors'
    Approach-1 `no_embeds` fits count them (param_counter with vocab_size=0)."""
    return params - 2 * VOCAB_SIZE * width


def model_sizes() -> pd.DataFrame:
    """Per model: width, depth and the exact parameter count the authors fit on
    (`params_active_precise`, with embeddings), read from the constant-LR loss file."""
    curves = read_jsonl_with_lines(HOT_CURVES)
    sizes = curves.groupby(["width", "depth"], as_index=False)["params_active_precise"].agg(["min", "max"])
    if (sizes["min"] != sizes["max"]).any():
        raise ValueError("a model's parameter count varies across rows")
    sizes = sizes.rename(columns={"min": "params"}).drop(columns="max")
    sizes["params_non_embedding"] = non_embedding_params(sizes["params"], sizes["width"])
    return sizes


# ----------------------------------------------------------------------------- points


def log_spaced_keep(n_rows: int) -> np.ndarray:
    """Row positions (0-based) kept from an evenly stepped curve of n_rows checkpoints:
    ~LOG_SPACED_POINTS log-spaced ones plus every 10B-token checkpoint and the last."""
    log_spaced = np.unique(np.round(np.geomspace(1, n_rows, LOG_SPACED_POINTS)).astype(int)) - 1
    every_10b = np.arange(TEN_B_TOKEN_STRIDE - 1, n_rows, TEN_B_TOKEN_STRIDE)
    return np.union1d(np.union1d(log_spaced, every_10b), [n_rows - 1])


def curve_points(frame: pd.DataFrame, family_id: str, run_suffix: str, source_file: str) -> pd.DataFrame:
    """Loss rows of a wandb export -> points (one per row given)."""
    return pd.DataFrame(
        {
            "family_id": family_id,
            "run_id": [model_id(w, d) + run_suffix for w, d in zip(frame["width"], frame["depth"])],
            "params": frame["params_active_precise"].astype("int64"),
            "params_non_embedding": non_embedding_params(frame["params_active_precise"], frame["width"]).astype("int64"),
            "tokens": frame["tokens"].astype("int64"),
            "step": frame["step"].astype("int64"),
            "metric": TRAIN_LOSS,
            "value": frame["final_loss"],
            "source_file": source_file,
            "source_locator": [f"line {n} (final_loss)" for n in frame["line"]],
        }
    )


def hot_loss_points() -> pd.DataFrame:
    """Constant-LR curves every 477 steps to 350B tokens, subsampled per run."""
    curves = read_jsonl_with_lines(HOT_CURVES).sort_values(["run_name", "step"])
    if (curves.groupby("run_name").size() != HOT_ROWS_PER_RUN).any():
        raise ValueError(f"expected {HOT_ROWS_PER_RUN} rows per run in {HOT_CURVES}")
    kept = [run.iloc[log_spaced_keep(len(run))] for _, run in curves.groupby("run_name")]
    return curve_points(pd.concat(kept), "gemstones_hot", "", HOT_CURVES)


def cooldown_points() -> pd.DataFrame:
    """End of each cooldown branch: the file holds exactly one row per branch."""
    return curve_points(read_jsonl_with_lines(COOL_END), "gemstones_cool", "-cooldown", COOL_END)


def lr_ablation_points() -> pd.DataFrame:
    """Half-LR runs: all 50 checkpoints per run (every 2B tokens to 100B) are kept."""
    return curve_points(read_jsonl_with_lines(LR_ABLATION_CURVES), "gemstones_lr_ablation", "-lr-ablation", LR_ABLATION_CURVES)


def checkpoint_step(revision: str) -> int:
    """A Hugging Face revision name ('step_00047700' or 'main') -> training step."""
    if revision == "main":
        return FINAL_STEP
    match = re.fullmatch(r"step_(\d+)", revision)
    if match is None:
        raise ValueError(f"unexpected revision {revision!r}")
    return int(match.group(1))


def with_sizes(rows: pd.DataFrame, sizes: pd.DataFrame) -> pd.DataFrame:
    """Attach params (from the loss file) to evaluation rows keyed by width and depth."""
    merged = rows.merge(sizes, on=["width", "depth"], how="left", validate="many_to_one")
    if merged["params"].isna().any():
        raise ValueError("evaluation rows for a model without a parameter count")
    merged["run_id"] = [model_id(w, d) for w, d in zip(merged["width"], merged["depth"])]
    merged["tokens"] = merged["step"] * TOKENS_PER_STEP
    merged["family_id"] = "gemstones_hot"
    return merged.drop(columns=["width", "depth"])


def other_validation_loss_points(sizes: pd.DataFrame) -> pd.DataFrame:
    """Loss on ~10M tokens of FineWeb / FineWeb-Edu / DCLM of the released hot checkpoints."""
    rows = []
    for metric, directory in OTHER_VAL_LOSS_DIRS.items():
        for path in sorted((source_root() / directory).glob("*.json")):
            width, depth = shape_of(path.stem)
            for revision, loss in json.loads(path.read_text()).items():
                rows.append(
                    {
                        "width": width,
                        "depth": depth,
                        "step": checkpoint_step(revision),
                        "metric": metric,
                        "value": loss,
                        "source_file": f"{directory}/{path.name}",
                        "source_locator": f"key {revision}",
                    }
                )
    return with_sizes(pd.DataFrame(rows), sizes)


def benchmark_points(sizes: pd.DataFrame) -> pd.DataFrame:
    """lighteval 0-shot accuracies (fractions already) of the released hot checkpoints."""
    table = pd.read_parquet(source_root() / BENCHMARKS)
    rows = []
    for index, scores in table.iterrows():
        match = re.fullmatch(r"Gemstone-(\d+)x(\d+)-(main|step_\d+)", index)
        if match is None:
            raise ValueError(f"unexpected benchmark row {index!r}")
        for task, value in scores.items():
            rows.append(
                {
                    "width": int(match.group(1)),
                    "depth": int(match.group(2)),
                    "step": checkpoint_step(match.group(3)),
                    "metric": benchmark_metric(task),
                    "value": value,
                    "source_file": BENCHMARKS,
                    "source_locator": f"row {index}, column {task}",
                }
            )
    return with_sizes(pd.DataFrame(rows), sizes)


def benchmark_metric(task: str) -> str:
    return f"acc_norm_{BENCHMARK_TASKS[task][0]}_0shot_lighteval"


def all_points() -> pd.DataFrame:
    sizes = model_sizes()
    points = pd.concat(
        [
            hot_loss_points(),
            cooldown_points(),
            lr_ablation_points(),
            other_validation_loss_points(sizes),
            benchmark_points(sizes),
        ],
        ignore_index=True,
    )
    points["paper_id"] = PAPER_ID
    points["source_id"] = SOURCE_ID
    points["extraction"] = "released_data"
    duplicated = points.duplicated(list(schema.POINTS.key)).sum()
    if duplicated:
        raise ValueError(f"{duplicated} duplicate point keys")
    return points


# ----------------------------------------------------------------------------- families

ARCHITECTURE = (
    "Decoder-only transformer after Gemma-2B (run with HF modeling_gemma): head size 128, grouped-query "
    "attention with 2 query heads per KV head, GEGLU MLP of 4x width, RMSNorm, untied input embedding "
    "and LM head (vocabulary 50,304). 22 shapes, width 256-3072 x depth 3-80, 48M-2.0B parameters."
)
TRAINING_DATA = "Dolma (allenai/dolma), single pass, context 2048, global batch 2048 sequences = 4,194,304 tokens per step"
FLOPS_CONVENTION = (
    "The authors count FLOPs with their own per-token formula for this architecture (QKV/output projections, "
    "RoPE, causal attention scores at context 2048, GEGLU MLP, RMSNorm, final logits; backward = 2x forward "
    "except flash-attention terms) times tokens; their note puts it at 1.08-1.81x 6N depending on shape. "
    "Their Approach-1 C is this count. It is not filled here (flops empty): the store's 6ND is an "
    "approximation that can be off from the paper's C by that factor."
)


def families() -> pd.DataFrame:
    common = {
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": ARCHITECTURE,
        "training_data": TRAINING_DATA,
        "param_convention": "with_embeddings",
        "flops_convention": FLOPS_CONVENTION,
        "data_unit": "tokens",
    }
    rows = [
        {
            "family_id": "gemstones_hot",
            "name": "Gemstones, constant LR (main suite)",
            "description": (
                "The 22 Gemstone width x depth models at a constant learning rate after warmup ('hot'), trained to "
                "350B tokens. train_loss_dolma comes from wandb_df_for_fitting_hot_100b+_477.jsonl (one row every "
                f"477 steps = 2B tokens, {HOT_ROWS_PER_RUN} per run), subsampled per run to {LOG_SPACED_POINTS} "
                "log-spaced positions (fewer once rounded to whole rows) plus every 10B-token checkpoint (the ones "
                f"the authors' Approach-3 fits use) and the last step: {len(log_spaced_keep(HOT_ROWS_PER_RUN))} "
                "points per run. "
                "Loss on FineWeb / FineWeb-Edu / DCLM samples and lighteval 0-shot benchmarks are of the released "
                "checkpoints every 10B tokens (FineWeb only at 200/250/300/350B); 'main' = step 83475. params = "
                "params_active_precise from the files (input embedding + untied LM head included); "
                "params_non_embedding subtracts both 50,304 x width matrices. Loss curves of a constant-LR run are "
                "not compute-optimal endpoints: every checkpoint is mid-training."
            ),
        },
        {
            "family_id": "gemstones_cool",
            "name": "Gemstones, cooldown ablation",
            "description": (
                "Cooldown branches of the main suite: from the constant-LR checkpoint at 10, 20, ..., 100B tokens the "
                "learning rate is decayed linearly to 0 over a further 10% of tokens. One point per branch: the loss at "
                "its end (wandb_df_for_fitting_cool_end.jsonl); step/tokens are the branch's end, so each point is a "
                "separate run sharing a prefix with gemstones_hot. 20 models (512x11 and 512x14 have no cooldowns; "
                "3072x12 has 9). The loss where each cooldown starts (cool_begin file) is the hot checkpoint and is "
                "not repeated here."
            ),
        },
        {
            "family_id": "gemstones_lr_ablation",
            "name": "Gemstones, half learning rate ablation",
            "description": (
                "The same shapes trained at a constant learning rate half of the main suite's, to 100B tokens "
                "(run names 'cooler_PyGemma-...'; released as Gemstone-<w>x<d>_lr_ablation). All 50 rows per run "
                "of wandb_df_for_fitting_lr_ablation_hot_477.jsonl (every 477 steps = 2B tokens) are kept. "
                "20 models (no 512x11, 512x14)."
            ),
        },
    ]
    return pd.DataFrame([{**common, **row} for row in rows])


# ----------------------------------------------------------------------------- metrics

TRAIN_LOSS_DESCRIPTION = (
    "Gemstones: the Dolma language-modelling loss (nats/token, Gemstone tokenizer) the authors exported from "
    "their wandb training logs as `final_loss` and fit their scaling laws on. The release does not say "
    "whether it is the running training-batch loss or a held-out Dolma evaluation (train and validation "
    "are disjoint Dolma subsets; training is a single pass, so the two track each other); named train_loss_dolma."
)


def metrics() -> pd.DataFrame:
    rows = [
        {
            "metric": TRAIN_LOSS,
            "name": "Dolma loss (training log)",
            "kind": "loss",
            "higher_is_better": False,
            "min_value": 0,
            "max_value": 20,
            "unit": "nats/token",
            "description": TRAIN_LOSS_DESCRIPTION,
        }
    ]
    corpora = {
        "val_loss_fineweb": ("FineWeb", "the FineWeb 10B-token sample"),
        "val_loss_fineweb_edu": ("FineWeb-Edu", "FineWeb-Edu"),
        "val_loss_dclm": ("DCLM", "one DCLM shard"),
    }
    for metric, (label, corpus) in corpora.items():
        rows.append(
            {
                "metric": metric,
                "name": f"{label} loss",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0,
                "max_value": 20,
                "unit": "nats/token",
                "description": (
                    f"Gemstones: mean next-token loss (nats/token, Gemstone tokenizer) over ~10M tokens of {corpus}, "
                    "cut into documents' first 2049 tokens (documents shorter than that skipped) and averaged over "
                    "chunks; computed by the authors with benchmarks/fineweb_loss_plot.py on released checkpoints."
                ),
            }
        )
    for task, (suffix, label) in BENCHMARK_TASKS.items():
        rows.append(
            {
                "metric": benchmark_metric(task),
                "name": f"{label} 0-shot acc_norm (lighteval)",
                "kind": "accuracy",
                "higher_is_better": True,
                "min_value": 0,
                "max_value": 1,
                "unit": "fraction",
                "description": (
                    f"Gemstones: {label}, 0-shot, HuggingFace lighteval with the FineWeb 'early signal' custom task "
                    "definitions (MMLU scored on full answer text, not letters), max_samples=1000 per task; the "
                    "authors' plots label the released value acc_norm (length-normalised log-likelihood "
                    "accuracy). Stored as a fraction, as released."
                ),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- paper row


def paper_row() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "paper_id": PAPER_ID,
                "title": "Gemstones: A Model Suite for Multi-Faceted Scaling Laws",
                "authors": (
                    "Sean McLeish, John Kirchenbauer, David Yu Miller, Siddharth Singh, Abhinav Bhatele, "
                    "Micah Goldblum, Ashwinee Panda, Tom Goldstein"
                ),
                "year": 2025,
                "arxiv_id": "2502.06857",
                "venue": "NeurIPS 2025",
                "url": "https://arxiv.org/abs/2502.06857",
                "covers": (
                    "22 transformers of varied width and depth (48M-2B parameters) trained on Dolma to 350B tokens, "
                    "with cooldown and half-learning-rate ablations: loss curves, held-out losses, benchmarks, and "
                    "Approach-1/Approach-3 scaling-law fits for several data selections."
                ),
            }
        ],
        columns=list(schema.PAPERS.columns),
    )


def write_staging_paper(frame: pd.DataFrame) -> Path:
    # The papers table is assembled by the lead from data/_staging/papers_<name>.csv.
    path = DATA_DIR / "_staging" / f"papers_{NAME}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def main() -> None:
    written = [
        write_table(families(), schema.FAMILIES, NAME),
        write_table(all_points(), schema.POINTS, NAME),
        write_table(metrics(), schema.METRICS, NAME),
        write_staging_paper(paper_row()),
    ]
    for path in written:
        print(f"wrote {path.relative_to(DATA_DIR.parent)} ({sum(1 for _ in path.open()) - 1} rows)")


if __name__ == "__main__":
    main()
