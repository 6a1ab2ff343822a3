"""Porian et al. 2024, Resolving Discrepancies in Compute-Optimal Scaling of Language Models
(arXiv 2406.19146): the compute-optimal allocation fits of the authors' own release.

Read from formll+resolving-scaling-law-discrepancies/fit_results.csv (needs the raw sources, see
data/curate/_common.sources_dir). One law per IsoFLOP configuration and output (N_opt, D_opt and
the release's multiplier C / (6 N*^2)), from the bootstrap-median weighted fit that the release's
paper_tables.py reports as the paper's exponent a. The configurations and their point families
are curated by data/curate/porian_isoflops.py, whose family ids and conventions are reused here.
"""

import json

import pandas as pd

from data.curate._common import sources_dir
from data.curate.porian_isoflops import DATASET_NAMES, PARAM_COUNT_TEXT, SOURCE_ID, config_slug, family_id

FITS_FILE = "fit_results.csv"
# Fit outputs of the release (`<key>_coef`, `<key>_exponent`) -> registry output of `allocation`.
FIT_OUTPUTS = {"n": "N_opt", "t": "D_opt", "multiplier": "tokens_per_param"}
OUTPUT_UNIT = {"N_opt": "parameters", "D_opt": "tokens", "tokens_per_param": "tokens per parameter"}
PARAM_CONVENTION = {"kaplan": "non_embedding", "standard": "with_embeddings", "attention": "with_embeddings"}
# The paper's headline estimate (its results table) uses the bootstrap-median, weighted fit.
HEADLINE_FIT = "bs_median_weighted"


def read_headline_fits() -> pd.DataFrame:
    fits = pd.read_csv(sources_dir() / SOURCE_ID / FITS_FILE)
    fits["source_line"] = fits.index + 2  # line 1 is the header
    headline = fits[fits["fit"] == HEADLINE_FIT].copy()
    headline["result"] = headline["result"].map(json.loads)
    return headline


def headline_note(fits: pd.DataFrame) -> str:
    """The paper's walk from Kaplan to Chinchilla on RefinedWeb, as N_opt exponents of this release."""
    exponent = {config_slug(fit): fit["result"]["n_exponent"] for _, fit in fits.iterrows()}
    first, last = "rw_base_long_kaplan_kaplan_train", "rw_tuned_short_const_standard_val"
    return (
        f"Headline laws: porian2024_{first}_N_opt (reproducing Kaplan et al., a = {exponent[first]:.3f}) vs "
        f"porian2024_{last}_N_opt (all corrections, a = {exponent[last]:.3f}, Chinchilla-like)."
    )


def allocation_law(fit: pd.Series, key: str, headline: str) -> dict:
    slug, output, result = config_slug(fit), FIT_OUTPUTS[key], fit["result"]
    return dict(
        law_id=f"porian2024_{slug}_{output}",
        paper_id="porian2024",
        family_id=family_id(fit),
        form="allocation",
        x_var="C",
        output=output,
        fitted_on=f"Porian et al. IsoFLOP configuration {slug} (family {family_id(fit)}); "
        "per-budget compute-optimal points (budgets with an interior IsoFLOP minimum)",
        fit_method="Least squares of log(y*) on log(C) over per-budget optima; y* = median of "
        "seed-noise bootstrap Akima-interpolated IsoFLOP minima, weighted by 1/std^2 of log y* "
        + (" (no weight for the multiplier: the release has no multiplier std for this fit)" if key == "multiplier" else ""),
        fit_options="loss=mse; space=log",
        source_ref=f"{FITS_FILE} line {fit['source_line']} (fit={HEADLINE_FIT}, keys {key}_coef/{key}_exponent); "
        "the fit the release's paper_tables.py reports as the paper's exponent a in its results table",
        extraction="released_data",
        param_convention=PARAM_CONVENTION[fit["param_count"]],
        flops_convention=PARAM_COUNT_TEXT[fit["param_count"]],
        loss_definition="train loss (smoothed)" if fit["val"] == "train" else f"validation loss on {DATASET_NAMES[fit['dataset']]}",
        notes=f"R^2 of the log-log fit = {result[f'{key}_r2']:.4f}. "
        + ("tokens_per_param here is the release's multiplier C / (6 N*^2). " if key == "multiplier" else "")
        + "Bootstrap CIs cannot be recovered from the flattened release (bootstrap lists are truncated "
        "and start with loss fits), so ci_low/ci_high are empty. " + headline,
        coefs=[
            ("k", result[f"{key}_coef"], f"{OUTPUT_UNIT[output]} / FLOP^a",
             f"{key}_coef (release); prefactor of {output} = k C^a", "C in FLOPs under the configuration's convention"),
            ("a", result[f"{key}_exponent"], "dimensionless", "a" if key == "n" else f"{key}_exponent (release)", "exponent of C"),
        ],
    )


def laws() -> list[dict]:
    fits = read_headline_fits()
    headline = headline_note(fits)
    return [allocation_law(fit, key, headline) for _, fit in fits.iterrows() for key in FIT_OUTPUTS]
