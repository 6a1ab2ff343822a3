"""lib.fitspec: the Fit page's description of a fit, its URL token, the rows it fits and the
comparison with the paper's own coefficients."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from lib.fit import FitInputError
from lib.fitspec import (
    FitSpec,
    as_model,
    coefficient_table,
    curve_description,
    default_loss_metric,
    final_checkpoints,
    fit_curve,
    fit_table,
    recorded_inputs_needed,
    run_fit,
    shared_ratio,
    tokens_range,
)
from lib.laws import get_law
from lib.laws.published import PublishedLaw
from lib.predict import NotOnPath, along

TRUE = {"E": 1.8, "A": 400.0, "B": 1800.0, "alpha": 0.34, "beta": 0.36}


def synthetic_points(n_runs: int = 60, seed: int = 1, ratio: float | None = None) -> pd.DataFrame:
    """Runs generated from the Chinchilla form itself, with 0.5% multiplicative noise; all at
    D = ratio x N when a ratio is given."""
    rng = np.random.default_rng(seed)
    n = 10 ** rng.uniform(7, 10, n_runs)
    d = n * ratio if ratio else 10 ** rng.uniform(9, 12, n_runs)
    loss = get_law("chinchilla").predict(TRUE, {"N": n, "D": d}) * np.exp(rng.normal(0, 0.005, n_runs))
    return pd.DataFrame({
        "family_id": "synthetic", "family_name": "Synthetic", "run_id": [f"r{i}" for i in range(n_runs)],
        "step": np.nan, "N": n, "N_total": n, "N_non_embedding": np.nan, "D": d, "C": 6 * n * d,
        "C_6ND": 6 * n * d, "value": loss, "source_file": "generated", "source_locator": "-", "extraction": "synthetic",
    })


def test_a_spec_survives_its_url_token():
    spec = FitSpec(families=("a", "b"), law="power_law_offset", x="N", exclude_top=3, n_boot=200, cutoff=1e21,
                   final_only=True, fixed=(("alpha", 0.076),), tied=())
    assert FitSpec.from_token(spec.to_token()) == spec


def test_a_tokens_range_keeps_only_the_points_inside_it_and_travels_in_the_token():
    points = synthetic_points()
    spec = FitSpec(families=("synthetic",), min_D=1e10, max_D=1e11)
    table, _ = fit_table(points, spec)
    assert len(table) == points["D"].between(1e10, 1e11).sum() > 0 and table["D"].between(1e10, 1e11).all()
    assert FitSpec.from_token(spec.to_token()) == spec and "dmin=1e+10;dmax=1e+11" in spec.to_token()
    assert spec.label == "chinchilla fit to synthetic at D 1e+10 to 1e+11"
    assert tokens_range("120B", "") == (1.2e11, math.inf) and tokens_range("", "") == (0.0, math.inf)
    with pytest.raises(ValueError, match="smallest D kept: not a number"):
        tokens_range("many", "")
    with pytest.raises(FitInputError, match="the tokens range kept, D from 1e\\+11 to 1e\\+10, is empty"):
        FitSpec(families=("synthetic",), min_D=1e11, max_D=1e10)


def test_a_damaged_token_gets_a_message_not_a_traceback():
    with pytest.raises(FitInputError, match="damaged"):
        FitSpec.from_token("law=chinchilla;boot=many")


def test_unknown_law_and_empty_families_are_refused():
    with pytest.raises(FitInputError, match="unknown loss law 'sigmoid'"):
        FitSpec(families=("a",), law="sigmoid")
    with pytest.raises(FitInputError, match="at least one family"):
        FitSpec(families=())


def test_final_checkpoints_keep_each_runs_last_step():
    points = pd.DataFrame({"family_id": "p", "run_id": ["a", "a", "b", "b", "c"], "step": [1, 9, 5, 7, np.nan]})
    assert final_checkpoints(points)[["run_id", "step"]].fillna(0).values.tolist() == [["a", 9], ["b", 7], ["c", 0]]


def test_fit_table_drops_rows_without_positive_inputs_and_counts_them():
    points = synthetic_points(10)
    points.loc[0, "N"] = np.nan
    points.loc[1, "value"] = 0.0
    table, dropped = fit_table(points, FitSpec(families=("synthetic",)))
    assert dropped == 2 and len(table) == 8


def test_run_fit_recovers_the_generating_coefficients_and_holds_out_the_largest_budgets():
    points = synthetic_points(120)
    cutoff = float(np.quantile(points["C"], 0.85))
    result = run_fit(points, FitSpec(families=("synthetic",), n_boot=30, cutoff=cutoff))
    assert result.fit.params["alpha"] == pytest.approx(0.34, abs=0.03)
    assert result.fit.params["beta"] == pytest.approx(0.36, abs=0.03)
    low, high = result.boot.intervals["alpha"]
    assert low < result.fit.params["alpha"] < high
    assert result.held_out.n_test == int((points["C"] >= cutoff).sum())
    assert result.held_out.mean_abs_rel_error < 0.02
    curve = fit_curve(result)
    assert curve["C"].max() == pytest.approx(points["C"].max() * 10)
    assert (curve["low"] <= curve["loss"] + 1e-12).all()


def test_the_loss_fitted_by_default_is_the_training_loss_else_the_most_reported_loss():
    metrics = pd.DataFrame({"metric": ["acc_mmlu", "val_loss_c4", "val_loss_pile", "train_loss"],
                            "kind": ["accuracy", "loss", "loss", "loss"]})
    assert default_loss_metric(metrics) == "train_loss"
    assert default_loss_metric(metrics.iloc[:3]) == "val_loss_c4"
    assert default_loss_metric(metrics.iloc[:1]) is None


def test_families_without_the_metric_are_named():
    with pytest.raises(FitInputError, match="^a \\+ b report no 'train_loss'; choose a metric they report$"):
        run_fit(synthetic_points(0), FitSpec(families=("a", "b")))


def test_runs_of_many_ratios_are_drawn_along_the_compute_optimal_frontier():
    result = run_fit(synthetic_points(60), FitSpec(families=("synthetic",)))
    assert shared_ratio(result) is None
    assert curve_description(result)[0] == "fit (compute-optimal frontier)"


def test_runs_at_one_ratio_are_drawn_along_it_through_the_points():
    points = synthetic_points(12, ratio=20.0)
    result = run_fit(points, FitSpec(families=("synthetic",)))
    assert shared_ratio(result) == pytest.approx(20.0)
    assert curve_description(result)[0] == "fit at D/N = 20"
    curve = fit_curve(result)
    on_curve = np.interp(np.log(points["C"]), np.log(curve["C"]), curve["loss"])
    assert np.abs(on_curve / points["value"] - 1).max() < 0.02
    frontier = along(replace(as_model(result), one_ratio=None), "C", curve["C"])
    assert (frontier["loss"] <= curve["loss"] + 1e-9).all()  # the frontier is the lower envelope


def test_a_fit_of_one_ratio_carries_its_verdict_to_the_other_pages():
    """Compare and Compute-optimal read the fit as a model: it keeps the ratio its runs share, and
    refuses the compute-optimal frontier its runs cannot pin down."""
    model = as_model(run_fit(synthetic_points(12, ratio=20.0), FitSpec(families=("synthetic",))))
    assert model.one_ratio == pytest.approx(20.0)
    with pytest.raises(NotOnPath, match="all trained at about 20 tokens per parameter; they cannot pin down"):
        along(model, "C", [1e22])
    assert as_model(run_fit(synthetic_points(60), FitSpec(families=("synthetic",)))).one_ratio is None


def test_coefficient_table_sets_the_fit_beside_the_papers_values():
    result = run_fit(synthetic_points(60), FitSpec(families=("synthetic",)))
    paper = PublishedLaw(law_id="paper2024", paper_id="paper2024", family_id="synthetic", form=get_law("chinchilla"),
                         x_var="N,D", output="loss", completeness="complete", params=TRUE)
    table = coefficient_table(result, [paper]).set_index("coefficient")
    assert table.loc["alpha", "paper2024"] == 0.34
    assert table.loc["alpha", "Δ vs paper2024"] == pytest.approx(result.fit.params["alpha"] / 0.34 - 1)


def test_the_inputs_a_run_must_record_are_named_per_law():
    assert recorded_inputs_needed("data_constrained") == ["unique tokens U"]
    assert recorded_inputs_needed("routing") == ["number of experts E"]
    assert recorded_inputs_needed("chinchilla") == [] and recorded_inputs_needed("no_such_law") == []
