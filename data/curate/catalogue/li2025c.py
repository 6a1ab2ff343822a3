"""Li et al. 2025, Predictable Scale: Part I (Step Law), arXiv 2503.04715.

Read from the authors' release (`step-law+steplaw`), not transcribed: the 1,000 bootstrap fits of
Step Law in `data/1004_fitted_lr_bs_scaling_model_parameters.csv`, one row per resample, each
holding ln lr_opt = lr_intercept + lr_coefN ln N + lr_coefD ln D and ln B_opt = bs_intercept +
bs_coefD ln D. Each coefficient here is the median of its 1,000 bootstrap values, with the
2.5 % and 97.5 % quantiles as its interval; prefactors are exp(intercept), taken per resample
before the quantiles. Traps (MANIFEST and the release's code/fit_tool.py): N counts non-embedding
parameters; B is in tokens (the fit multiplies the batch in sequences by 2,048); D in tokens.

The paper's own printed law is not transcribed: its equations could not be read in the paper's
text here, and a number not read in the paper stays out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.curate._common import sources_dir

SOURCE = "step-law+steplaw"
BOOTSTRAP_FILE = "data/1004_fitted_lr_bs_scaling_model_parameters.csv"

PAPER = dict(
    paper_id="li2025c",
    title="Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining",
    authors="Houyi Li, Wenzhen Zheng, Qiufeng Wang, et al.",
    year=2025,
    arxiv_id="2503.04715",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2503.04715",
    covers="Step Law: learning-rate x batch-size grid searches over dense and MoE LMs (reserved; being curated)",
)

FITTED_ON = (
    "The release's dense grid searches (dense_lr_bs_loss.csv): 5 model sizes N = 215M-1.07B "
    "non-embedding parameters x D = 4B-100B tokens, 17 (N, D) cells, each a grid of peak learning "
    "rates x batch sizes trained to the end with min LR 1e-5; the optimum of each cell is the "
    "grid point of lowest Gaussian-smoothed final training loss; 1,000 bootstrap resamples"
)
FIT_METHOD = (
    "Per bootstrap resample, least squares on log lr_opt against log N and log D, and on log "
    "B_opt against log D (the release's code/fit_tool.py); the median over the 1,000 resamples "
    "is recorded, the 2.5 and 97.5 percentiles as the interval"
)
SOURCE_NOTE = f"{SOURCE}, {BOOTSTRAP_FILE} (authors' release of the paper's bootstrap fits)"


def bootstrap_fits() -> pd.DataFrame:
    return pd.read_csv(sources_dir() / SOURCE / BOOTSTRAP_FILE)


def _summary(values: pd.Series) -> tuple[float, dict]:
    """Median and 2.5-97.5 % interval of one coefficient's bootstrap values (repr precision)."""
    low, median, high = np.quantile(values.to_numpy(dtype=float), [0.025, 0.5, 0.975])
    return float(median), {"ci_low": float(low), "ci_high": float(high)}


def _coef(param: str, values: pd.Series, unit: str, symbol: str, column: str) -> tuple:
    median, interval = _summary(values)
    note = f"median of the 1,000 bootstrap values of {column}; interval = 2.5-97.5 % quantiles"
    return (param, median, unit, symbol, note, interval)


def laws() -> list[dict]:
    fits = bootstrap_fits()
    common = dict(
        paper_id="li2025c",
        family_id="",
        fitted_on=FITTED_ON,
        fit_method=FIT_METHOD,
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="not used (the laws are in N and D)",
        loss_definition="Optimum located on the Gaussian-smoothed final training LM loss (nats) of "
        "each grid cell",
    )
    return [
        dict(
            common,
            law_id="li2025c_lr_opt_bootstrap_median",
            form="hyperparameter_power_nd",
            x_var="N,D",
            output="learning_rate",
            source_ref=f"Step Law lr_opt(N, D) as released: {SOURCE_NOTE}, columns lr_intercept, "
            "lr_coefN, lr_coefD",
            notes="Optimal peak learning rate (AdamW) lr_opt = k N^a D^b with k = exp(lr_intercept), "
            "a = lr_coefN, b = lr_coefD; N non-embedding parameters, D tokens. Medians of the "
            "authors' bootstrap fits, not the paper's printed equation (not transcribed: its text "
            "could not be read here).",
            coefs=[
                _coef("k", np.exp(fits["lr_intercept"]), "learning rate at N = D = 1", "exp(lr_intercept)",
                      "exp(lr_intercept)"),
                _coef("a", fits["lr_coefN"], "dimensionless", "lr_coefN", "lr_coefN"),
                _coef("b", fits["lr_coefD"], "dimensionless", "lr_coefD", "lr_coefD"),
            ],
        ),
        dict(
            common,
            law_id="li2025c_bs_opt_bootstrap_median",
            form="hyperparameter_power",
            x_var="D",
            output="batch_size",
            source_ref=f"Step Law B_opt(D) as released: {SOURCE_NOTE}, columns bs_intercept, bs_coefD",
            notes="Optimal batch size in tokens B_opt = k D^a with k = exp(bs_intercept), "
            "a = bs_coefD; D tokens (the release fits B in tokens, sequences x 2,048). Medians of "
            "the authors' bootstrap fits, not the paper's printed equation (not transcribed).",
            coefs=[
                _coef("k", np.exp(fits["bs_intercept"]), "tokens per batch at D = 1 token", "exp(bs_intercept)",
                      "exp(bs_intercept)"),
                _coef("a", fits["bs_coefD"], "dimensionless", "bs_coefD", "bs_coefD"),
            ],
        ),
    ]
