"""Curate Lepikhin et al. 2020, *GShard: Scaling Giant Models with Conditional Computation and
Automatic Sharding* (arXiv 2006.16668v1): the MoE Transformer family of its massively multilingual
translation experiments (100 languages to English).

Transcribed from the paper (no release holds these numbers):
  - Table 1: the six MoE Transformers MoE(E, L) with E = 128, 512 or 2048 experts per MoE layer and
    L = 12 or 36 encoder+decoder layers, and their weights (12.5B to 600B);
  - Table 3: average BLEU over the 100 languages of each model, with its TPU v3 cores, TPU core
    years and training days;
  - Table 2: billions of training tokens each model needed to reach a training cross-entropy of
    0.7, 0.6 and 0.5 ("-" = not reached).
Section 4.4: every model is trained until it has seen 1 trillion (10^12) tokens and evaluated at
that checkpoint, so the BLEU points carry tokens = 1e12.

Traps:
  - Weights are Table 1's labels (total parameters; one MoE layer in every other Transformer
    layer, top-2 gating), not exact counts; the experts column is experts per MoE layer. Table 1's
    "Experts total" for MoE(2048E, 36L) is printed as 36684 (2048 x 18 would be 36864): not used.
  - The tokens-to-loss metrics are a data requirement: their value is the token count, and the
    tokens column stays empty on those rows.
  - Compute is reported as TPU v3 core years, not FLOPs: a run input, flops left empty. Table 3's
    batch sizes ("4M", "1M" tokens) are not curated: the unit prefix (10^6 or 2^20) is not stated.
  - The dense T(96L) GPipe baseline (Table 3, one model, 2.3B) and the untrained-to-completion
    MoE(2048E, 60L) (no results) are left out; per-language Delta-BLEU is only in Figure 6.

Run: cd /work/main && python -m data.curate.gshard_moe
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "gshard_moe"
PAPER_ID = "lepikhin2020"
SOURCE_FILE = "arXiv 2006.16668v1"
FAMILY_ID = "lepikhin2020_gshard_m4_moe"
TOKENS_AT_EVALUATION = 1_000_000_000_000  # Section 4.4: trained until it has seen 10^12 tokens
BLEU = "gshard_m4_bleu_avg"
LOSS_TARGETS = {"0.7": "gshard_tokens_to_train_ce_0p7", "0.6": "gshard_tokens_to_train_ce_0p6",
                "0.5": "gshard_tokens_to_train_ce_0p5"}

# Table id -> (experts per layer, layers, weights label in parameters)
MODELS = {
    "(1)": (2048, 36, 600_000_000_000),
    "(2)": (2048, 12, 200_000_000_000),
    "(3)": (512, 36, 150_000_000_000),
    "(4)": (512, 12, 50_000_000_000),
    "(5)": (128, 36, 37_000_000_000),
    "(6)": (128, 12, 12_500_000_000),
}

# Table 3: id -> (TPU v3 cores, TPU core years, training days, BLEU avg.), as printed
TABLE3 = {
    "(1)": ("2048", "22.4", "4.0", "44.3"),
    "(2)": ("2048", "7.5", "1.4", "41.3"),
    "(3)": ("512", "15.5", "11.0", "43.7"),
    "(4)": ("512", "4.9", "3.5", "40.0"),
    "(5)": ("128", "6.1", "17.3", "39.0"),
    "(6)": ("128", "1.9", "5.4", "36.7"),
}

# Table 2: id -> billion tokens to reach training cross-entropy 0.7 / 0.6 / 0.5 (None = "-")
TABLE2 = {
    "(1)": ("82", "175", "542"),
    "(2)": ("176", "484", "1780"),
    "(3)": ("66", "170", "567"),
    "(4)": ("141", "486", None),
    "(5)": ("321", "1074", None),
    "(6)": ("995", None, None),
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding",
        "authors": "Dmitry Lepikhin, HyoukJoong Lee, Yuanzhong Xu et al.",
        "year": 2020,
        "arxiv_id": "2006.16668",
        "venue": "arXiv preprint arXiv:2006.16668",
        "url": "https://arxiv.org/abs/2006.16668",
        "covers": "GShard, annotation APIs plus an XLA SPMD partitioner, used to scale sparsely-gated "
        "Mixture-of-Experts Transformers for 100-language-to-English translation from 12.5B to 600B weights "
        "(128 to 2048 experts per layer, 12 or 36 layers): average BLEU, tokens to reach a training loss and "
        "TPU cost per model; translation quality grows with size while training cost grows sublinearly.",
    }
]


def run_id(table_id: str) -> str:
    experts, layers, _ = MODELS[table_id]
    return f"moe-{experts}e-{layers}l"


def model_label(table_id: str) -> str:
    experts, layers, _ = MODELS[table_id]
    return f"{table_id} MoE({experts}E, {layers}L)"


def bleu_points() -> list[dict]:
    return [
        {
            "run_id": run_id(table_id),
            "tokens": TOKENS_AT_EVALUATION,
            "metric": BLEU,
            "value": float(row[3]),
            "source_locator": f"Table 3, row {model_label(table_id)}, column BLEU avg.",
        }
        for table_id, row in TABLE3.items()
    ]


def tokens_to_loss_points() -> list[dict]:
    rows = []
    for table_id, billions in TABLE2.items():
        for (target, metric), value in zip(LOSS_TARGETS.items(), billions, strict=True):
            if value is None:
                continue
            rows.append(
                {
                    "run_id": run_id(table_id),
                    "metric": metric,
                    "value": float(int(value) * 1_000_000_000),
                    "source_locator": f"Table 2, row {model_label(table_id)}, column 'Billion tokens to "
                    f"cross-entropy of' {target}",
                }
            )
    return rows


def build_points() -> pd.DataFrame:
    frame = pd.DataFrame(bleu_points() + tokens_to_loss_points())
    sizes = {run_id(table_id): (experts, weights) for table_id, (experts, _, weights) in MODELS.items()}
    frame["experts"] = frame["run_id"].map(lambda run: sizes[run][0])
    frame["params"] = frame["run_id"].map(lambda run: sizes[run][1])
    frame["tokens"] = frame["tokens"].astype("Int64")
    frame["family_id"] = FAMILY_ID
    frame["paper_id"] = PAPER_ID
    frame["source_file"] = SOURCE_FILE
    frame["extraction"] = "table_transcription"
    return frame


def build_run_inputs() -> pd.DataFrame:
    rows = []
    for table_id, (cores, core_years, days, _) in TABLE3.items():
        locator = f"Table 3, row {model_label(table_id)}"
        rows += [
            {"run_id": run_id(table_id), "input": "layers", "value": MODELS[table_id][1], "unit": "layers",
             "description": "Transformer encoder + decoder layers (Table 1, Enc+Dec layers); every other one "
             "has an MoE feed-forward layer", "source_locator": f"Table 1, row {model_label(table_id)}"},
            {"run_id": run_id(table_id), "input": "tpu_v3_cores", "value": int(cores), "unit": "cores",
             "description": "TPU v3 cores used for training (equal to the experts per layer)",
             "source_locator": locator},
            {"run_id": run_id(table_id), "input": "tpu_v3_core_years", "value": float(core_years),
             "unit": "core years", "description": "training cost in TPU v3 core years", "source_locator": locator},
            {"run_id": run_id(table_id), "input": "training_days", "value": float(days), "unit": "days",
             "description": "wall-clock training time", "source_locator": locator},
        ]
    frame = pd.DataFrame(rows)
    frame["family_id"] = FAMILY_ID
    frame["source_file"] = SOURCE_FILE
    return frame


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "GShard MoE Transformers for 100-language translation, 12.5B-600B (Lepikhin 2020)",
                "paper_id": PAPER_ID,
                "domain": "language",
                "architecture": "encoder-decoder Transformer with a sparsely-gated MoE feed-forward layer (top-2 "
                "gating) in every other layer; 128, 512 or 2048 experts per MoE layer, 12 or 36 layers",
                "training_data": "in-house web-mined parallel corpus, 100 languages to English (about 13 billion "
                "training examples of its 25 billion)",
                "param_convention": "unknown",
                "flops_convention": "No FLOPs in the paper: flops left empty; training cost is the run input "
                "tpu_v3_core_years (Table 3).",
                "data_unit": "tokens",
                "description": "Lepikhin et al. 2020 (GShard): six MoE Transformers, each trained until it has "
                "seen 10^12 tokens and evaluated there (Section 4.4): average BLEU over 100 languages to English "
                "(Table 3) and the billions of tokens each needed to reach training cross-entropy 0.7 / 0.6 / 0.5 "
                "(Table 2; cells marked '-' left out). Params are Table 1's weight labels (whether embeddings "
                "count is not stated); experts = experts per MoE layer. Per-language Delta-BLEU (Figure 6), the "
                "dense T(96L) baseline and the 60-layer 1T model are not curated.",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    tokens_to_loss = [
        {
            "metric": metric,
            "name": f"Training tokens to reach training cross-entropy {target} (GShard M4)",
            "kind": "other",
            "higher_is_better": False,
            "min_value": 0.0,
            "max_value": 1e13,
            "unit": "tokens",
            "description": f"Tokens a GShard M4 translation model processed before its training cross-entropy "
            f"first reached {target} (Lepikhin et al. 2020, Table 2, printed in billions); a sample-efficiency "
            "measure, lower is better.",
        }
        for target, metric in LOSS_TARGETS.items()
    ]
    bleu = {
        "metric": BLEU,
        "name": "Average BLEU, 100 languages to English (GShard M4)",
        "kind": "score",
        "higher_is_better": True,
        "min_value": 0.0,
        "max_value": 100.0,
        "unit": "BLEU",
        "description": "BLEU averaged over the 100 language pairs into English on the held-out test sets of "
        "GShard's in-house M4 corpus (Lepikhin et al. 2020, Table 3, BLEU avg.).",
    }
    return pd.DataFrame([bleu, *tokens_to_loss])


def main() -> None:
    write_source_tables(
        NAME, build_families(), build_points(), build_metrics(), run_inputs=build_run_inputs(), paper_rows=PAPER_ROWS
    )


if __name__ == "__main__":
    main()
