"""Brandfonbrener et al. 2024, Loss-to-Loss Prediction: Scaling Laws for All Datasets (arXiv 2411.12925).

Read from the authors' release (`KempnerInstitute+loss-to-loss-notebooks`, commit 457ce81a), not
transcribed: `data/opt_params_data.csv` holds their single-dataset L(N, D) fits, one row per form
x corpus x loss column. Kept: the rows with loss_name = val_loss (the loss on the model's own
corpus) in the Chinchilla form (`kaplan` = False), L = E + A / N^alpha + B / D^beta, which is the
registry's `chinchilla` form term for term. N = params with embeddings, D = tokens, L in
nats/token; fitted by the repo's curve_fitting.py with a Huber loss (delta 1e-3) on log L,
L-BFGS, 200 steps from 16 starts.

Left out: their Kaplan-style form (`kaplan` = True) L = ((A/N)^(alpha/beta) + B/D)^beta + E. The
registry's `kaplan` form, [(N_c/N)^(alpha_N/alpha_D) + D_c/D]^alpha_D, has no additive E, so the
two do not match exactly and the release's coefficients cannot be drawn with it. The fits of the
other 22 loss columns (other corpora, downstream losses) are left out too.
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir
from data.curate.loss_to_loss import CORPORA, PAPER_ID, SOURCE_ID, family_id

FITS_FILE = "data/opt_params_data.csv"
LOSS_NAME = "val_loss"


def chinchilla_rows() -> pd.DataFrame:
    fits = pd.read_csv(sources_dir() / SOURCE_ID / FITS_FILE)
    fits["line"] = fits.index + 2  # line 1 is the header
    return fits[(fits["loss_name"] == LOSS_NAME) & ~fits["kaplan"]].sort_values("data")


def law(row: pd.Series) -> dict:
    label, slug = CORPORA[row["data"]]
    return dict(
        law_id=f"{PAPER_ID}_chinchilla_{slug}",
        paper_id=PAPER_ID,
        family_id=family_id(row["data"]),
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on=f"the {label} IsoFLOP sweep runs (data/sweep.csv rows with data = {row['data']}; budgets "
        "2e17-4.84e19 FLOPs); the 1e21-FLOP extrapolation run is not in the fit",
        fit_method="Huber loss (delta 1e-3) between log observed and log predicted loss, L-BFGS 200 steps from 16 "
        "starts on a grid over log A and log B, best objective kept (the release's curve_fitting.py)",
        fit_options="loss=huber; delta=1e-3; space=log",
        source_ref=f"{FITS_FILE} line {row['line']} (data={row['data']}, loss_name={LOSS_NAME}, kaplan=False) "
        "of KempnerInstitute/loss-to-loss-notebooks@457ce81a",
        extraction="reported_fit",
        param_convention="with_embeddings",
        flops_convention="N = params with embeddings, D = tokens; C = 6 N D",
        loss_definition=f"validation loss (nats/token) on held-out {label}, the corpus the models were trained on "
        "(metric val_loss_own_corpus_l2l)",
        notes=(
            f"Fit objective {row['loss']:.4g}, R^2 on L = {row['r_squared']:.4f}. At the corpus's 1e21-FLOP run the "
            f"law predicts {row['extrap_pred']:.4f} vs {row['extrap_loss']:.4f} observed (release columns "
            "extrap_pred, extrap_loss). The release's Kaplan-style fit (with an additive E) is not catalogued: no "
            "registry form matches it exactly."
        ),
        coefs=[
            ("E", row["E"], "nats/token", "E", "as released"),
            ("A", row["A"], "nats/token x params^alpha", "A", "as released"),
            ("B", row["B"], "nats/token x tokens^beta", "B", "as released"),
            ("alpha", row["alpha"], "dimensionless", "alpha", "as released"),
            ("beta", row["beta"], "dimensionless", "beta", "as released"),
        ],
    )


def laws() -> list[dict]:
    return [law(row) for _, row in chinchilla_rows().iterrows()]
