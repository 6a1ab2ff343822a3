"""Curate Wang et al. 2024, *TokenFormer: Rethinking Transformer Scaling with Tokenized Model
Parameters* (arXiv 2410.23168; the version whose appendix holds Tables 6 to 10 and the
HyperCloning comparison of Table 8).

Transcribed from the paper's tables (no data release holds these numbers; the authors' repository
Haiyang-W/TokenFormer gives code, configs and checkpoints only):
  - Table 1 (repeated in Appendix F, Table 10): four TokenFormer language models (150M, 450M, 900M,
    1.5B) trained on the Pile, with Pile perplexity and zero-shot LAMBADA perplexity / accuracy,
    HellaSwag, PIQA, ARC-Easy, ARC-Challenge and WinoGrande accuracy (percent in the table,
    fractions here). The other rows of the table (Pythia, Mamba, OPT, ...) quote other papers and
    are left out; so is the "Average" column (a mean of the six accuracies).
  - Appendix C, Tables 6 and 7 (the numbers behind Figures 3 and 4): OpenWebText validation
    perplexity of Transformers trained from scratch (124M to 1.4B, 6x10^4 or 6x10^5 steps of 512 x
    1024 tokens) and of TokenFormers grown progressively from a smaller pre-trained TokenFormer
    (parameter reuse), with the tokens of each scaling stage.

Traps:
  - Sizes are the paper's labels (150M, 1.4B, ...): parameters as the label states them; the paper
    does not say whether they count embeddings.
  - Table 1's caption says "trained for up to 300B tokens", but Appendix F gives 14,300 steps of
    1024 x 2048 tokens (about 30B): the tokens of the Pile models are left empty.
  - The from-scratch Transformers' tokens are the paper's rule, steps x 512 sequences x 1024 tokens
    (Section 4.1, "approximately 300B" / "30B" tokens).
  - A progressively grown TokenFormer starts from the weights of a smaller one, so the tokens of its
    stage are not the tokens the model has seen: they are a run input, the tokens column stays empty.
    For the 124M source model Table 7 gives 60B tokens while Section 4.1 says about 300B.
  - The 757M Transformer trained from scratch on 300B tokens has perplexity 11.99 in Table 6 and
    11.93 in Table 7; Table 6 is kept (both budgets come from it), the 124M row from Table 7.

Run: cd /work/main && python -m data.curate.tokenformer
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "tokenformer"
PAPER_ID = "wang2024"
SOURCE_FILE = "arXiv 2410.23168 (version with appendix Tables 6-10)"
PILE_FAMILY = "wang2024_tokenformer_pile"
SCRATCH_FAMILY = "wang2024_transformer_owt_scratch"
GROWN_FAMILY = "wang2024_tokenformer_owt_progressive"
SEQUENCES, CONTEXT = 512, 1024  # Section 4.1 / Appendix D: 512 sequences of 1024 tokens per step

SIZE_LABELS = {"124M": 124_000_000, "150M": 150_000_000, "354M": 354_000_000, "450M": 450_000_000,
               "757M": 757_000_000, "900M": 900_000_000, "1.4B": 1_400_000_000, "1.5B": 1_500_000_000}

# Table 1 columns (metric ids of this file), in the table's order.
PILE_COLUMNS = [
    "pile_ppl_tokenformer", "lambada_ppl_tokenformer", "lambada_acc_tokenformer", "hellaswag_acc_tokenformer",
    "piqa_acc_tokenformer", "arc_e_acc_tokenformer", "arc_c_acc_tokenformer", "winogrande_acc_tokenformer",
]
# Table 1, rows "Ours (TokenFormer-...)": Pile ppl, LAMBADA ppl, then accuracies in percent.
PILE_TABLE = {
    "150M": ["10.45", "16.38", "45.0", "35.5", "64.9", "47.3", "24.9", "50.4"],
    "450M": ["8.28", "7.69", "57.3", "47.5", "69.5", "56.2", "26.7", "54.6"],
    "900M": ["7.38", "5.46", "64.0", "55.3", "72.4", "59.9", "30.6", "56.4"],
    "1.5B": ["6.91", "5.24", "64.7", "60.0", "74.8", "64.8", "32.0", "59.7"],
}

# Transformers trained from scratch: (size, optimizer steps) -> (perplexity, where).
SCRATCH_TABLE = {
    ("124M", 600_000): ("17.06", "Table 7, row 124M, Transformer 300B"),
    ("354M", 600_000): ("13.02", "Table 6, row 'Transformer Train from scratch 300B', column 354M"),
    ("757M", 600_000): ("11.99", "Table 6, row 'Transformer Train from scratch 300B', column 757M"),
    ("1.4B", 600_000): ("11.63", "Table 6, row 'Transformer Train from scratch 300B', column 1.4B"),
    ("354M", 60_000): ("15.97", "Table 6, row 'Transformer Train from scratch 30B', column 354M"),
    ("757M", 60_000): ("13.78", "Table 6, row 'Transformer Train from scratch 30B', column 757M"),
    ("1.4B", 60_000): ("13.34", "Table 6, row 'Transformer Train from scratch 30B', column 1.4B"),
}

# Table 7, Tokenformer columns: (size, tokens of the stage as the table prints them) -> perplexity.
GROWN_TABLE = {
    ("124M", "60B"): "16.41",
    ("354M", "15B"): "14.58", ("354M", "30B"): "14.02", ("354M", "60B"): "13.59",
    ("757M", "15B"): "13.08", ("757M", "30B"): "12.59", ("757M", "60B"): "12.28",
    ("1.4B", "15B"): "12.14", ("1.4B", "30B"): "11.77", ("1.4B", "60B"): "11.60",
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "TokenFormer: Rethinking Transformer Scaling with Tokenized Model Parameters",
        "authors": "Haiyang Wang, Yue Fan, Muhammad Ferjad Naeem, Yongqin Xian, Jan Eric Lenssen, Liwei Wang, "
        "Federico Tombari, Bernt Schiele",
        "year": 2024,
        "arxiv_id": "2410.23168",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2410.23168",
        "covers": "TokenFormer, a Transformer whose linear projections are replaced by attention between input "
        "tokens and learnable parameter tokens, so a model grows from 124M to 1.4B parameters by adding "
        "key-value parameter pairs and reusing the smaller model: OpenWebText perplexity against training "
        "tokens for progressive growth and for Transformers trained from scratch, and zero-shot results of "
        "150M to 1.5B models trained on the Pile.",
    }
]


def percent_to_fraction(text: str) -> float:
    return round(float(text) / 100, 4)


def pile_points() -> pd.DataFrame:
    rows = []
    for size, values in PILE_TABLE.items():
        for column, (metric, text) in enumerate(zip(PILE_COLUMNS, values, strict=True)):
            rows.append(
                {
                    "family_id": PILE_FAMILY,
                    "run_id": f"tokenformer-{size}",
                    "params": SIZE_LABELS[size],
                    "metric": metric,
                    "value": float(text) if metric.endswith("_ppl_tokenformer") else percent_to_fraction(text),
                    "source_locator": f"Table 1 (= Table 10), row 'Ours (TokenFormer-{size})', column {column + 2}",
                }
            )
    return pd.DataFrame(rows)


def scratch_points() -> pd.DataFrame:
    rows = []
    for (size, steps), (text, where) in SCRATCH_TABLE.items():
        rows.append(
            {
                "family_id": SCRATCH_FAMILY,
                "run_id": f"transformer-{size}-{steps // 1000}k-steps",
                "params": SIZE_LABELS[size],
                "tokens": steps * SEQUENCES * CONTEXT,
                "metric": "owt_val_ppl_tokenformer",
                "value": float(text),
                "source_locator": where,
            }
        )
    return pd.DataFrame(rows)


def grown_runs() -> pd.DataFrame:
    rows = []
    for (size, stage_tokens), text in GROWN_TABLE.items():
        rows.append(
            {
                "family_id": GROWN_FAMILY,
                "run_id": f"tokenformer-{size}-stage-{stage_tokens}",
                "params": SIZE_LABELS[size],
                "stage_tokens": int(stage_tokens.removesuffix("B")) * 1_000_000_000,
                "metric": "owt_val_ppl_tokenformer",
                "value": float(text),
                "source_locator": f"Table 7, row {size} / {stage_tokens}, Tokenformer perplexity",
            }
        )
    return pd.DataFrame(rows)


def build_points() -> pd.DataFrame:
    points = pd.concat([pile_points(), scratch_points(), grown_runs().drop(columns="stage_tokens")], ignore_index=True)
    return points.assign(paper_id=PAPER_ID, source_file=SOURCE_FILE, extraction="table_transcription")


def build_run_inputs(grown: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": GROWN_FAMILY,
            "run_id": grown["run_id"],
            "input": "stage_tokens",
            "value": grown["stage_tokens"],
            "unit": "tokens",
            "description": "Table 7's Tokens column: the tokens of this scaling stage, trained after initialising "
            "from the next smaller pre-trained TokenFormer (for the 124M source model, trained from scratch, the "
            "table says 60B while Section 4.1 says about 300B)",
            "source_file": SOURCE_FILE,
            "source_locator": grown["source_locator"].str.replace("Tokenformer perplexity", "Tokens"),
        }
    )


def family(family_id: str, name: str, architecture: str, training_data: str, description: str) -> dict:
    return {
        "family_id": family_id,
        "name": name,
        "paper_id": PAPER_ID,
        "domain": "language",
        "architecture": architecture,
        "training_data": training_data,
        "param_convention": "unknown",
        "flops_convention": "No compute reported per run: flops left empty.",
        "data_unit": "tokens",
        "description": description,
    }


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            family(
                PILE_FAMILY,
                "TokenFormer on the Pile, zero-shot (Wang 2024)",
                "TokenFormer (Pattention layers instead of linear projections), 12 to 40 layers (Table 9)",
                "The Pile",
                "Wang et al. 2024, Table 1 (= Table 10): TokenFormer-150M, 450M, 900M and 1.5B trained on the Pile "
                "(GPT-NeoX tokenizer), Pile perplexity and zero-shot LAMBADA perplexity / accuracy, HellaSwag, "
                "PIQA, ARC-E, ARC-C and WinoGrande accuracy (percent in the paper, fractions here). Parameters "
                "are the size labels; whether they count embeddings is not stated. Tokens left empty: the "
                "caption says up to 300B tokens, Appendix F 14,300 steps of 1024 x 2048 tokens (about 30B). "
                "Other models' rows of the table and its Average column are left out.",
            ),
            family(
                SCRATCH_FAMILY,
                "Transformers from scratch on OpenWebText (TokenFormer baselines, Wang 2024)",
                "decoder-only Transformer (the paper's baseline; 124M to 1.4B)",
                "OpenWebText",
                "Wang et al. 2024, Appendix C Tables 6 and 7: OpenWebText validation perplexity of Transformers "
                "trained from scratch for 6x10^5 steps (the paper's 'approximately 300B tokens') or 6x10^4 steps "
                "('30B'), 512 sequences of 1024 tokens per step, so tokens = steps x 512 x 1024. Parameters are "
                "the size labels (124M, 354M, 757M, 1.4B). The 757M / 300B perplexity is 11.99 in Table 6 and "
                "11.93 in Table 7; Table 6's value is kept.",
            ),
            family(
                GROWN_FAMILY,
                "TokenFormer grown progressively on OpenWebText (Wang 2024)",
                "TokenFormer (12 layers, width 768) grown by adding key-value parameter tokens (Table 9)",
                "OpenWebText",
                "Wang et al. 2024, Appendix C Table 7 (Figure 3): OpenWebText validation perplexity of TokenFormers "
                "grown from 124M to 354M, 757M and 1.4B parameters, each stage initialised from the next smaller "
                "pre-trained model and trained on 15B, 30B or 60B further tokens. Because each model starts from "
                "a trained one, the tokens column is empty and the stage's tokens are a run input "
                "(stage_tokens); the 124M source model is trained from scratch (60B in Table 7, about 300B in "
                "Section 4.1). Parameters are the size labels.",
            ),
        ]
    )


def accuracy_metric(metric: str, task: str) -> dict:
    return {
        "metric": metric,
        "name": f"{task} zero-shot accuracy (TokenFormer)",
        "kind": "accuracy",
        "higher_is_better": True,
        "min_value": 0.0,
        "max_value": 1.0,
        "unit": "fraction",
        "description": f"Zero-shot {task} accuracy as Wang et al. 2024's Table 1 reports it ('acc', percent in the "
        "paper, converted to a fraction here); the paper does not say whether a length-normalised accuracy is "
        "used for any task.",
    }


def perplexity_metric(metric: str, name: str, description: str) -> dict:
    return {
        "metric": metric,
        "name": name,
        "kind": "perplexity",
        "higher_is_better": False,
        "min_value": 1.0,
        "max_value": 1e6,
        "unit": "perplexity",
        "description": description,
    }


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            perplexity_metric(
                "owt_val_ppl_tokenformer",
                "OpenWebText validation perplexity (TokenFormer)",
                "Perplexity on Wang et al. 2024's OpenWebText validation set (a random 5% of the 8,013,769 "
                "documents, Appendix D), GPT-NeoX-20B tokenizer, 1024-token context, as Tables 6 and 7 report it.",
            ),
            perplexity_metric(
                "pile_ppl_tokenformer",
                "Pile perplexity (TokenFormer)",
                "Pre-training perplexity on the Pile as Wang et al. 2024's Table 1 reports it ('Pile ppl'); the "
                "paper does not name the split.",
            ),
            perplexity_metric(
                "lambada_ppl_tokenformer",
                "LAMBADA zero-shot perplexity (TokenFormer)",
                "Zero-shot LAMBADA perplexity as Wang et al. 2024's Table 1 reports it ('LAMBADA ppl').",
            ),
            accuracy_metric("lambada_acc_tokenformer", "LAMBADA"),
            accuracy_metric("hellaswag_acc_tokenformer", "HellaSwag"),
            accuracy_metric("piqa_acc_tokenformer", "PIQA"),
            accuracy_metric("arc_e_acc_tokenformer", "ARC-Easy"),
            accuracy_metric("arc_c_acc_tokenformer", "ARC-Challenge"),
            accuracy_metric("winogrande_acc_tokenformer", "WinoGrande"),
        ]
    )


def main() -> None:
    write_source_tables(
        NAME,
        build_families(),
        build_points(),
        build_metrics(),
        run_inputs=build_run_inputs(grown_runs()),
        paper_rows=PAPER_ROWS,
    )


if __name__ == "__main__":
    main()
