"""Bootstrap intervals cover the true coefficients on synthetic data; bands are ordered."""

import importlib

import numpy as np
import pytest

from lib.fit import fit_law
from lib.fit.bootstrap import bootstrap

TRUE = dict(E=1.82, A=482.0, B=2085.0, alpha=0.348, beta=0.366)


def points(seed):
    n, d = (m.ravel() for m in np.meshgrid(np.geomspace(1e7, 1e10, 7), np.geomspace(1e9, 1e12, 7), indexing="ij"))
    loss = TRUE["E"] + TRUE["A"] / n ** TRUE["alpha"] + TRUE["B"] / d ** TRUE["beta"]
    return {"N": n, "D": d}, loss * np.exp(np.random.default_rng(seed).normal(0, 0.01, n.size))


def test_intervals_cover_true_values_in_most_repetitions():
    """95 % intervals, 8 independent noise draws: each coefficient is covered in at least 6
    (a binomial(8, 0.95) variable falls below 6 with probability under 1 %)."""
    covered = {k: 0 for k in TRUE}
    for seed in range(8):
        data, y = points(seed)
        result = bootstrap(fit_law("chinchilla", data, y, loss="mse"), data, y, n_boot=150, seed=seed)
        assert result.n_failed == 0
        for name, (low, high) in result.intervals.items():
            covered[name] += low <= TRUE[name] <= high
    assert all(count >= 6 for count in covered.values()), covered


def test_band_is_ordered_and_contains_the_fit():
    data, y = points(0)
    fit = fit_law("chinchilla", data, y)
    result = bootstrap(fit, data, y, n_boot=100, seed=0)
    query = {"N": np.array([1e8, 7e10]), "D": np.array([1e10, 1.4e12])}
    band = result.predict_band(query)
    assert (band["low"] <= band["median"]).all() and (band["median"] <= band["high"]).all()
    assert ((band["low"] <= fit.predict(query)) & (fit.predict(query) <= band["high"])).all()
    # Extrapolating 7x beyond the largest model widens the band.
    width = band["high"] - band["low"]
    assert width[1] > width[0]


def test_bootstrap_is_seeded():
    data, y = points(0)
    fit = fit_law("chinchilla", data, y)
    a, b = (bootstrap(fit, data, y, n_boot=20, seed=3) for _ in range(2))
    assert a.intervals == b.intervals
    assert bootstrap(fit, data, y, n_boot=20, seed=4).intervals != a.intervals


def test_bootstrap_keeps_constraints():
    data, y = points(0)
    fit = fit_law("chinchilla", data, y, fixed={"E": 1.82}, tied={"beta": "alpha"})
    result = bootstrap(fit, data, y, n_boot=20)
    assert (result.samples["E"] == 1.82).all()
    assert (result.samples["beta"] == result.samples["alpha"]).all()
    assert result.intervals["alpha"][0] == pytest.approx(0.35, abs=0.05)


def test_a_refit_still_going_at_the_evaluation_cap_counts_as_failed(monkeypatch):
    data, y = points(0)
    fit = fit_law("chinchilla", data, y)
    monkeypatch.setattr(importlib.import_module("lib.fit.bootstrap"), "BOOTSTRAP_MAX_EVALUATIONS", 1)
    result = bootstrap(fit, data, y, n_boot=5, seed=0)
    assert result.n_failed == 5 and result.samples.empty
    assert all(np.isnan(low) and np.isnan(high) for low, high in result.intervals.values())
