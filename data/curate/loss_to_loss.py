"""Curate Brandfonbrener et al. 2024 (Loss-to-Loss Prediction, 2411.12925, TMLR 2025): the model sweep.

Source: KempnerInstitute+loss-to-loss-notebooks/data/sweep.csv (529 finished runs over an IsoFLOP
grid of 8 budgets, 2e17-4.84e19 FLOPs) and data/extrapolation.csv (one 3.31B-parameter run per
corpus at 1e21 FLOPs, the paper's extrapolation target). OLMo-style decoders (d_model = 64 x
n_layers) trained on 6 corpora; one family per pretraining corpus.

Traps:
- `params` = N **with** embeddings: 12 L d^2 + 4 L d + 64,001 d exactly (checked here), of which
  64,000 x d is input/output embedding; params_non_embedding = params - 64,000 x d_model.
- `iso_flop` is the training compute C (= 6 x params x tokens on every row). The `flops` column is
  NOT the training compute (it is OLMo's forward FLOPs of one 512-token sequence): not used.
- `tokens` = iso_flop / (6 params), the planned count (non-integer).
- `val_loss` is the validation loss on the run's own corpus, i.e. the matching
  eval/<corpus>_val/CrossEntropyLoss column (the paper's "train loss"); both are kept, under
  their own metric ids.
- Downstream metrics come from OLMo's in-loop evaluator (not lm-eval-harness or LLM Foundry), so
  they get source-specific ids. `*_ctx_ce_loss` columns are undocumented and left out; perplexity
  columns (exp of the losses) and tracker metadata are left out.
- `opt_params_data.csv` holds fits, not runs: the Chinchilla-form val_loss fits are catalogued by
  data/curate/catalogue/brandfonbrener2024.py.

Writes families/, points/, metrics/ and run_inputs/ loss_to_loss.csv and the staged paper row.
Run: cd /work/main && python -m data.curate.loss_to_loss
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "loss_to_loss"
PAPER_ID = "brandfonbrener2024"
SOURCE_ID = "KempnerInstitute+loss-to-loss-notebooks"
RUN_FILES = {"sweep": "data/sweep.csv", "extrapolation": "data/extrapolation.csv"}
EMBEDDING_ROWS = 64_000  # params - 64,000 x d_model is the non-embedding count (see the docstring)
CORPORA = {
    "fineweb-100b": ("FineWeb (100B-token sample)", "fineweb_100b"),
    "fineweb-edu-100b": ("FineWeb-Edu (100B-token sample)", "fineweb_edu_100b"),
    "smollm-corpus": ("SmolLM Corpus", "smollm"),
    "proof-pile-2": ("Proof-Pile-2", "proof_pile_2"),
    "starcoder": ("StarCoder data", "starcoder"),
    "slimpajama-chunk1": ("SlimPajama (chunk 1)", "slimpajama"),
}
EVAL_CORPORA = {
    "c4": "C4",
    "fineweb_100b": "FineWeb (100B sample)",
    "fineweb_1T": "FineWeb (1T sample)",
    "fineweb_edu_100b": "FineWeb-Edu (100B sample)",
    "proof_pile_2": "Proof-Pile-2",
    "slimpajama": "SlimPajama",
    "smollm": "SmolLM Corpus",
    "starcoder": "StarCoder data",
}
LOSS_RANGE = dict(kind="loss", higher_is_better=False, min_value=0, max_value=20, unit="nats/token")
ACCURACY_RANGE = dict(kind="accuracy", higher_is_better=True, min_value=0, max_value=1, unit="fraction")
SUITES = {
    "olmo_suite_ce_loss": "mean of the correct-answer cross-entropies of ARC-Challenge, ARC-Easy, HellaSwag, "
    "OpenBookQA, PIQA, SciQ and Winogrande (BoolQ excluded)",
    "olmo_suite_acc": "mean accuracy over ARC-Challenge, ARC-Easy, HellaSwag, OpenBookQA, PIQA, SciQ and Winogrande "
    "(length-normalised for ARC-Challenge, HellaSwag, OpenBookQA and PIQA; plain for the others)",
    "mmlu_suite_ce_loss": "mean of the correct-answer cross-entropies of the four 0-shot MMLU categories",
    "mmlu_suite_acc": "mean length-normalised accuracy of the four 0-shot MMLU categories",
}


def read_runs() -> pd.DataFrame:
    parts = []
    for role, path in RUN_FILES.items():
        frame = pd.read_csv(sources_dir() / SOURCE_ID / path)
        frame["line"] = frame.index + 2  # line 1 is the header
        frame["role"], frame["source_file"] = role, path
        parts.append(frame)
    runs = pd.concat(parts, ignore_index=True)
    expected = 12 * runs.n_layers * runs.d_model**2 + 4 * runs.n_layers * runs.d_model + (EMBEDDING_ROWS + 1) * runs.d_model
    if not (runs["params"] == expected).all():
        raise ValueError("params no longer equal 12 L d^2 + 4 L d + 64,001 d")
    return runs


def metric_columns(runs: pd.DataFrame) -> dict[str, tuple[str, str, dict, str]]:
    """Release column -> (metric id, name, range, definition)."""
    columns = {
        "val_loss": (
            "val_loss_own_corpus_l2l",
            "Validation loss on the run's own pretraining corpus",
            LOSS_RANGE,
            "Brandfonbrener et al. 2024: cross-entropy (nats/token) on the held-out split of the corpus the model was "
            "trained on (release column val_loss = the matching eval/<corpus>_val/CrossEntropyLoss); the paper's "
            "'train loss'. OLMo tokenizer of the sweep, context 512.",
        )
    }
    for corpus, label in EVAL_CORPORA.items():
        columns[f"eval/{corpus}_val/CrossEntropyLoss"] = (
            f"val_loss_{corpus.lower()}_l2l",
            f"Validation loss on {label} (loss-to-loss sweep)",
            LOSS_RANGE,
            f"Brandfonbrener et al. 2024: cross-entropy (nats/token) of the model on the {label} validation split "
            f"(OLMo in-loop evaluation, release column eval/{corpus}_val/CrossEntropyLoss).",
        )
    for column in runs.columns:
        ce = re.fullmatch(r"eval/downstream_ce_loss/(\w+)_ce_loss", column)
        acc = re.fullmatch(r"eval/downstream/(\w+?)(?:_test)?_(acc|len_norm)", column)
        if ce:
            task = ce.group(1).removesuffix("_test")
            columns[column] = (
                f"ce_loss_{task}_l2l",
                f"{task}: correct-answer cross-entropy (OLMo in-loop)",
                LOSS_RANGE,
                f"Brandfonbrener et al. 2024: cross-entropy (nats) of the correct answer of {task} under the model "
                f"(OLMo in-loop downstream evaluation, release column {column}); the paper's 'test loss'.",
            )
        elif acc:
            task, kind = acc.groups()
            normalised = kind == "len_norm"
            columns[column] = (
                f"acc{'_len_norm' if normalised else ''}_{task}_l2l",
                f"{task}: accuracy{' (length-normalised)' if normalised else ''} (OLMo in-loop)",
                ACCURACY_RANGE,
                f"Brandfonbrener et al. 2024: multiple-choice accuracy{' with length-normalised scores' if normalised else ''} "
                f"on {task}, a fraction in [0, 1] as released (OLMo in-loop downstream evaluation, column {column}).",
            )
    for column, definition in SUITES.items():
        columns[column] = (
            f"{column}_l2l",
            column.replace("_", " "),
            LOSS_RANGE if column.endswith("ce_loss") else ACCURACY_RANGE,
            f"Brandfonbrener et al. 2024: {definition} (release column {column}, computed by the repository).",
        )
    return columns


def family_id(corpus: str) -> str:
    return f"brandfonbrener2024_{CORPORA[corpus][1]}"


def run_id(runs: pd.DataFrame) -> pd.Series:
    return runs["name"] + "-" + runs["id"]


def curate_points(runs: pd.DataFrame) -> pd.DataFrame:
    base = pd.DataFrame(
        {
            "family_id": runs["data"].map(family_id),
            "run_id": run_id(runs),
            "params": runs["params"],
            "params_non_embedding": runs["params"] - EMBEDDING_ROWS * runs["d_model"],
            "tokens": runs["tokens"],
            "flops": runs["iso_flop"],
            "flops_method": "reported",
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": runs["source_file"],
            "extraction": "released_data",
        }
    )
    parts = []
    for column, (metric, *_rest) in metric_columns(runs).items():
        locator = [f"line {line} (id={i}, {column})" for line, i in zip(runs.line, runs["id"])]
        parts.append(base.assign(metric=metric, value=runs[column], source_locator=locator)[runs[column].notna()])
    return pd.concat(parts, ignore_index=True)


def curate_run_inputs(runs: pd.DataFrame) -> pd.DataFrame:
    inputs = {
        "n_layers": (runs["n_layers"], "layers", "number of layers (d_model = 64 x n_layers)", "n_layers"),
        "d_model": (runs["d_model"], "dimensions", "model width", "d_model"),
        "extrapolation_run": (
            (runs["role"] == "extrapolation").astype(int),
            "flag (1 = yes)",
            "1 = the corpus's 1e21-FLOP extrapolation target (extrapolation.csv), 0 = a sweep run",
            "file",
        ),
    }
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "family_id": runs["data"].map(family_id),
                    "run_id": run_id(runs),
                    "input": name,
                    "value": values,
                    "unit": unit,
                    "description": description,
                    "source_file": runs["source_file"],
                    "source_locator": [f"line {line} (id={i}, {column})" for line, i in zip(runs.line, runs["id"])],
                }
            )
            for name, (values, unit, description, column) in inputs.items()
        ],
        ignore_index=True,
    )


def family_row(corpus: str, group: pd.DataFrame) -> dict:
    label = CORPORA[corpus][0]
    sweep = group[group.role == "sweep"]
    return {
        "family_id": family_id(corpus),
        "name": f"Loss-to-loss sweep: {label}",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "code" if corpus == "starcoder" else "language",
        "architecture": "decoder-only Transformer (OLMo code), d_model = 64 x n_layers, 4-32 layers, context 512",
        "training_data": label,
        "param_convention": "with_embeddings",
        "flops_convention": "Reported IsoFLOP budget iso_flop = 6 x params (with embeddings) x tokens; the release's "
        "'flops' column (forward FLOPs of one 512-token sequence) is not the training compute and is not used.",
        "data_unit": "tokens",
        "description": (
            f"{len(sweep)} finished IsoFLOP-sweep runs on {label} over {sweep.iso_flop.nunique()} budgets "
            f"({sweep.iso_flop.min():.3g}-{sweep.iso_flop.max():.3g} FLOPs; N = {sweep.params.min():.3g}-"
            f"{sweep.params.max():.3g}) plus its 1e21-FLOP extrapolation run ({int((group.role == 'extrapolation').sum())}; "
            "run input extrapolation_run = 1). params = N with embeddings (12 L d^2 + 4 L d + 64,001 d), "
            "params_non_embedding = params - 64,000 d; tokens = iso_flop / (6 params) as released. Metrics: loss on "
            "the own corpus, on 8 evaluation corpora, downstream correct-answer cross-entropies and accuracies "
            "(OLMo in-loop), and the repository's suite means. The release has 529 sweep runs where the paper states "
            "528 (88 per corpus): not reconciled. The authors' Chinchilla-form fit of val_loss is catalogued as "
            f"brandfonbrener2024_chinchilla_{CORPORA[corpus][1]}."
        ),
    }


def curate_families(runs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([family_row(corpus, group) for corpus, group in runs.groupby("data")])


def curate_metrics(runs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"metric": metric, "name": name, **limits, "description": definition}
            for metric, name, limits, definition in metric_columns(runs).values()
        ]
    )


def paper_row() -> dict:
    return {
        "paper_id": PAPER_ID,
        "title": "Loss-to-Loss Prediction: Scaling Laws for All Datasets",
        "authors": "David Brandfonbrener, Nikhil Anand, Nikhil Vyas, Eran Malach, Sham Kakade",
        "year": 2024,
        "arxiv_id": "2411.12925",
        "venue": "TMLR 2025",
        "url": "https://arxiv.org/abs/2411.12925",
        "covers": "Shifted power laws between the losses of models trained on different corpora; an IsoFLOP sweep of "
        "OLMo-style models (20M-1.7B params, 2e17-4.8e19 FLOPs) on 6 corpora with 1e21-FLOP extrapolation runs, "
        "validation and downstream losses (families brandfonbrener2024_*), and per-corpus L(N, D) fits.",
    }


def main() -> None:
    runs = read_runs()
    write_source_tables(
        NAME, curate_families(runs), curate_points(runs), curate_metrics(runs), curate_run_inputs(runs), [paper_row()]
    )


if __name__ == "__main__":
    main()
