"""Checks of the curated Porian et al. 2024 IsoFLOP data (data/curate/porian_isoflops.py), pandas only.

Part (a) compares curated values with the raw release and skips when the raw sources are absent;
part (b) checks invariants of the curated CSVs alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from lib import schema
from lib.schema import DATA_DIR
from tests.raw_sources import raw_source

POINTS = DATA_DIR / "points" / "porian_isoflops.csv"
FAMILIES = DATA_DIR / "families" / "porian_isoflops.csv"
METRICS = DATA_DIR / "metrics" / "porian_isoflops.csv"
LAWS = DATA_DIR / "laws" / "porian2024.csv"
COEFFICIENTS = DATA_DIR / "coefficients" / "porian2024.csv"
KAPLAN_FAMILY = "porian2024_rw_base_long_kaplan_kaplan_train"
CORRECTED_FAMILY = "porian2024_rw_tuned_short_const_standard_val"


def raw_release() -> Path:
    return raw_source("formll+resolving-scaling-law-discrepancies")


@pytest.fixture(scope="module")
def points() -> pd.DataFrame:
    return pd.read_csv(POINTS)


@pytest.fixture(scope="module")
def coefficients() -> pd.DataFrame:
    return pd.read_csv(COEFFICIENTS)


# (a) against the raw release -------------------------------------------------------------


def test_first_raw_row_is_curated_exactly(points):
    raw = pd.read_csv(raw_release() / "isoflop_points.csv")
    row = raw.iloc[0]  # rw/base/long/kaplan/kaplan/train, 1.25e16 FLOPs, 331,776 non-embedding params
    curated = points[points.source_locator.str.startswith("line 2 ")]
    assert len(curated) == 1
    point = curated.iloc[0]
    assert point.family_id == KAPLAN_FAMILY
    assert point.params_non_embedding == row.params  # kaplan convention -> non-embedding column
    assert point.tokens == row.tokens
    assert point.flops == row.flops_budget
    assert point.value == row.loss
    assert point.metric == "train_loss"


def test_every_raw_row_once_with_its_loss(points):
    raw = pd.read_csv(raw_release() / "isoflop_points.csv")
    assert len(points) == len(raw)
    lines = points.source_locator.str.extract(r"^line (\d+) ")[0].astype(int)
    aligned = raw.loc[lines - 2].reset_index(drop=True)
    assert (aligned.loss.values == points.value.values).all()
    assert (aligned.flops_budget.values == points.flops.values).all()
    own = points.params.where(aligned.param_count.values == "standard", points.params_non_embedding)
    standard_or_kaplan = aligned.param_count.isin(["standard", "kaplan"]).values
    assert (own[standard_or_kaplan].values == aligned.params[standard_or_kaplan].values).all()


def test_validation_config_uses_dataset_val_metric(points):
    raw = pd.read_csv(raw_release() / "isoflop_points.csv")
    owt2_val = raw[(raw.dataset == "owt2") & (raw.val == "val")]
    family_ids = points[points.metric == "val_loss_openwebtext2"].family_id.unique()
    assert len(points[points.metric == "val_loss_openwebtext2"]) == len(owt2_val)
    assert all(f.startswith("porian2024_owt2_") and f.endswith("_val") for f in family_ids)


def test_headline_law_matches_fit_results(coefficients):
    fits = pd.read_csv(raw_release() / "fit_results.csv")
    row = fits[
        (fits.dataset == "rw") & (fits.hparams == "base") & (fits.warmup == "long") & (fits.decay == "kaplan")
        & (fits.param_count == "kaplan") & (fits.val == "train") & (fits.fit == "bs_median_weighted")
    ].iloc[0]
    result = json.loads(row.result)
    law = coefficients[coefficients.law_id == f"{KAPLAN_FAMILY}_N_opt"].set_index("param").value
    assert law["a"] == result["n_exponent"]
    assert law["k"] == result["n_coef"]


# (b) invariants of the curated output -------------------------------------------------------


def test_counts_and_unique_keys(points):
    families = pd.read_csv(FAMILIES)
    assert len(points) == 1745
    assert len(families) == 15
    assert set(points.family_id) == set(families.family_id)
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()


def test_budget_equals_6nd_in_the_configurations_own_count(points):
    kaplan = points.family_id.str.contains("_kaplan_train$|_const_kaplan_train$")
    standard = points.family_id.str.contains("_standard_")
    attention = points.family_id.str.contains("_attention_")
    ratio_kaplan = points.flops[kaplan] / (6 * points.params_non_embedding[kaplan] * points.tokens[kaplan])
    ratio_standard = points.flops[standard] / (6 * points.params[standard] * points.tokens[standard])
    assert ((ratio_kaplan - 1).abs() < 1e-9).all()
    assert ((ratio_standard - 1).abs() < 1e-9).all()
    # Attention FLOPs are extra, so the budget exceeds 6 N D of the real parameter count.
    assert (points.flops[attention] > 6 * points.params[attention] * points.tokens[attention]).all()


def test_units_and_ranges(points):
    assert points.params.between(5e6, 1e9).all()  # the paper's 5M..901M grid, as a count
    assert (points.params_non_embedding < points.params).all()
    assert points.flops.between(1.25e16, 2.56e19).all()
    assert points.value.between(0, 20).all()
    attention = points.family_id.str.contains("_attention_")
    assert set(points.flops_method[attention]) == {"attention_inclusive"}  # 6 N_eff D, flagged for charts
    assert set(points.flops_method[~attention]) == {"reported"}
    assert set(points.extraction) <= set(schema.EXTRACTIONS)


def test_families_fill_every_column():
    families = pd.read_csv(FAMILIES)
    assert families[list(schema.FAMILIES.columns)].notna().all().all()
    assert set(families.param_convention) <= set(schema.PARAM_CONVENTIONS)


def test_metrics_declared(points):
    metrics = pd.read_csv(METRICS)
    assert set(points.metric) <= set(metrics.metric)


def test_laws_are_allocation_with_registry_params(coefficients):
    laws = pd.read_csv(LAWS)
    assert len(laws) == 45
    assert set(laws.form) == {"allocation"}
    assert set(laws.output) == {"N_opt", "D_opt", "tokens_per_param"}
    assert set(coefficients.param) == set(schema.LAW_FORMS["allocation"])
    assert set(coefficients.law_id) == set(laws.law_id)


def test_corrections_move_exponent_toward_chinchilla(coefficients):
    exponent = coefficients[coefficients.param == "a"].set_index("law_id").value
    # N_opt and D_opt exponents of one fit sum to about one (D = C / 6N; N* and D* are interpolated separately).
    assert abs(exponent[f"{KAPLAN_FAMILY}_N_opt"] + exponent[f"{KAPLAN_FAMILY}_D_opt"] - 1) < 0.01
    assert exponent[f"{KAPLAN_FAMILY}_N_opt"] > 0.8
    assert abs(exponent[f"{CORRECTED_FAMILY}_N_opt"] - 0.5) < 0.05
