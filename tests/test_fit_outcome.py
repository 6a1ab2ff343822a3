"""The fit's outcome as data: one word for how it ended, and the coefficients' standard errors and
correlations beside the diagnostics (so pages and verdicts read them instead of parsing messages)."""

from __future__ import annotations

import numpy as np
import pytest

from lib.fit import bootstrap, fit_law
from lib.laws import get_law

TRUTH = {"E": 1.8, "A": 2.5e6, "alpha": 0.3}  # the power term runs from 4 to 0.25 over the runs


def power_runs(noise: float, n: int = 60, seed: int = 1):
    rng = np.random.default_rng(seed)
    x = np.logspace(18, 22, n)
    y = get_law("power_law_offset").predict(TRUTH, {"x": x}) * np.exp(rng.normal(0, noise, n))
    return {"C": x}, y


def test_standard_errors_agree_with_the_bootstrap_spread():
    data, y = power_runs(noise=0.01, n=200)
    fit = fit_law("power_law_offset", data, y, x="C", loss="mse")
    spread = bootstrap(fit, data, y, n_boot=300, seed=0).samples.std()
    for name in ("E", "alpha"):
        assert fit.standard_errors[name] == pytest.approx(spread[name], rel=0.35), name
    assert fit.outcome == "converged"


def test_correlations_are_a_symmetric_matrix_of_the_free_coefficients_with_unit_diagonal():
    data, y = power_runs(noise=0.01)
    fit = fit_law("power_law_offset", data, y, x="C", fixed={"E": 1.8})
    assert list(fit.correlations.columns) == ["A", "alpha"] and set(fit.standard_errors) == {"A", "alpha"}
    matrix = fit.correlations.to_numpy()
    assert np.allclose(np.diag(matrix), 1) and np.allclose(matrix, matrix.T)
    assert matrix[0, 1] > 0.9  # log A and alpha move together when C is far from 1


def test_a_coefficient_pushed_against_its_bound_is_reported_as_at_a_bound():
    data, y = power_runs(noise=0.0)
    falling = y[::-1].copy()  # rising outputs: the best offset E is 0, at its lower bound
    fit = fit_law("power_law_offset", data, falling, x="C")
    assert fit.outcome == "at a bound" and fit.status.at_bounds


def test_runs_at_one_tokens_per_parameter_ratio_are_not_identifiable():
    n = np.logspace(7, 10, 12)
    data = {"N": n, "D": 20 * n}
    y = get_law("chinchilla").predict({"E": 1.8, "A": 480, "B": 2100, "alpha": 0.35, "beta": 0.37}, data)
    fit = fit_law("chinchilla", data, y)
    assert fit.outcome == "not identifiable" and fit.to_dict()["outcome"] == "not identifiable"
