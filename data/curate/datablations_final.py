"""Curate the final validation losses of Muennighoff et al. 2023 (Scaling Data-Constrained Language
Models, arXiv 2305.16264, NeurIPS 2023): parameters N, tokens D and unique tokens U of every run.

Source: huggingface+datablations, utils/parametric_fit_runs.csv (317 rows), DERIVED in the raw
sources from the authors' notebook utils/parametric_fit.ipynb (its literal run -> final C4
validation loss dict joined to its printed N, D, U; recipe in the sources MANIFEST). One point per
run: the final validation loss on C4 with N, D and U (`unique_tokens`), the inputs of the paper's
data-constrained law.

Kept and left out (MANIFEST note on the file):
- kept: the 296 rows with a loss and N, D, U - the notebook's fit candidates - including the four
  seeds of the repeated 2.8B and 4.2B IsoFLOP settings (one run each, run_id = the run name) and the
  run `8b7178b25bopt` (same N, D, U as 8b7178b25b; its suffix is not explained in the file);
- left out: the 9 rows whose loss is 0 in the notebook (runs not finished; no loss to keep) and the
  12 `*dedup` rows: trained on a deduplicated corpus, not C4 as the others, excluded from the fit
  input by the authors, and given without N, D, U in the file.

Compute: C = 6 N D, the rule of the paper's own compute-optimal allocation (its appendix 'C4 Scaling
Coefficients': N_opt(C) = G (C/6)^a), written as flops with flops_method 6ND.

Run: cd /work/main && python -m data.curate.datablations_final
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "datablations_final"
PAPER_ID = "muennighoff2023"
SOURCE_ID = "huggingface+datablations"
SOURCE_FILE = "utils/parametric_fit_runs.csv"
FAMILY_ID = "muennighoff2023_final_c4"
C4_METRIC = "muennighoff2023_val_loss_c4"


def loss_metric_rows() -> list[dict]:
    """The validation losses of Muennighoff et al.'s runs: the C4 one is written here, the others by datablations_curves."""
    common = dict(kind="loss", higher_is_better=False, min_value=0.0, max_value=20.0, unit="nats/token")
    tokenizer = "GPT-2 tokenizer (release README 'Repeating'), so values compare across these families only"
    return [
        dict(
            metric=C4_METRIC,
            name="Validation loss: C4 (Muennighoff 2023)",
            description="Muennighoff et al. 2023: mean next-token cross-entropy in nats on the C4 validation "
            "split (Hugging Face c4/en 'validation', which the release README says is used for evaluation "
            f"during and after training), from the runs' TensorBoard logs; {tokenizer}.",
            **common,
        ),
        dict(
            metric="muennighoff2023_val_loss_oscar",
            name="Validation loss: OSCAR (Muennighoff 2023)",
            description="Muennighoff et al. 2023: mean next-token cross-entropy in nats on their OSCAR (English, "
            "not deduplicated) validation set, the last 364,608 documents of the training file held out (release "
            f"README 'Repeating', as OSCAR has no official validation set), from the TensorBoard logs; {tokenizer}.",
            **common,
        ),
        dict(
            metric="muennighoff2023_val_loss_python",
            name="Validation loss: Python code (Muennighoff 2023)",
            description="Muennighoff et al. 2023 code-mixture runs: mean next-token cross-entropy in nats on "
            "held-out Python code (the Python split of The Stack (deduplicated) is the code they mix in, release "
            "README 'Code'); ColPret's datablations_code_losses.csv rows with Seed = 2, which its reader and the "
            f"authors' notebook read from each run's '<run>_python.csv'; {tokenizer}.",
            **common,
        ),
    ]


def read_runs() -> pd.DataFrame:
    """The derived file's rows; `line` is the file line (header = 1)."""
    raw = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    raw["line"] = raw.index + 2
    return raw


def kept_runs(raw: pd.DataFrame) -> pd.DataFrame:
    """Rows with a finished loss and N, D, U: exactly the notebook's fit candidates."""
    complete = raw[["params_N", "tokens_D", "unique_tokens_U", "final_val_loss_c4"]].notna().all(axis=1)
    return raw[complete & (raw["in_notebook_fit_candidates"] == 1)]


def curate_points(runs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": runs["run_name"],
            "params": runs["params_N"],
            "tokens": runs["tokens_D"],
            "unique_tokens": runs["unique_tokens_U"],
            "flops": 6 * runs["params_N"] * runs["tokens_D"],
            "flops_method": "6ND",
            "metric": C4_METRIC,
            "value": runs["final_val_loss_c4"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": "line " + runs["line"].astype(str) + " (run_name " + runs["run_name"] + ")",
            "extraction": "released_data",
        }
    )


def curate_family(runs: pd.DataFrame) -> pd.DataFrame:
    epochs = runs["tokens_D"] / runs["unique_tokens_U"]
    description = (
        f"Final C4 validation loss of {len(runs)} decoder-only language-model runs of Muennighoff et al. (2023) trained "
        f"on C4 subsets repeated for {epochs.min():g} to {epochs.max():,.0f} epochs: N = {runs.params_N.min():.3g} to "
        f"{runs.params_N.max():.3g} parameters, D = {runs.tokens_D.min():.3g} to {runs.tokens_D.max():.3g} tokens, "
        f"U (unique_tokens) = {runs.unique_tokens_U.min():.3g} to {runs.unique_tokens_U.max():.3g}. These are the "
        "fit candidates of the authors' notebook utils/parametric_fit.ipynb (their own fits use subsets of them), so "
        "the family is what the data-constrained law (inputs N, D, U) is fitted on; the paper fits R_N^*, R_D^* on "
        "182 of its runs with outliers removed and takes E, A, B, alpha, beta from a refit of Chinchilla's C4 "
        "IsoFLOP points, so a fit to all of these runs is not expected to reproduce its coefficients. Seeds of the "
        "2.8B/55B and 4.2B/84B repetition settings are separate runs (run names ending seed1-4). Left out: 9 runs "
        "with loss 0 in the notebook (unfinished) and 12 runs on deduplicated data (a different corpus, excluded by "
        "the authors, and without N, D, U in the file). Which parameters N counts (embeddings or not) could not be "
        "verified in the paper here: param_convention unknown. C = 6ND by the paper's allocation rule."
    )
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "Data-constrained runs: final C4 loss (Muennighoff 2023)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only Transformer trained with Megatron-DeepSpeed, GPT-2 tokenizer (release README)",
                "training_data": "C4 (English) subsets of U unique tokens, repeated D/U times",
                "param_convention": "unknown",
                "flops_convention": "C = 6 N D (flops_method 6ND), the compute rule of the paper's allocation "
                "N_opt(C) = G (C/6)^a (appendix 'C4 Scaling Coefficients'); not reported per run.",
                "data_unit": "tokens",
                "description": description,
            }
        ]
    )


def main() -> None:
    runs = kept_runs(read_runs())
    metrics = pd.DataFrame([row for row in loss_metric_rows() if row["metric"] == C4_METRIC])
    write_source_tables(NAME, curate_family(runs), curate_points(runs), metrics)


if __name__ == "__main__":
    main()
