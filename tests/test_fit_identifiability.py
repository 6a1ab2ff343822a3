"""A fit the data cannot pin down is not bootstrapped, and a bootstrap whose refits fail en masse
stops early: both say "No band" and why, instead of spending minutes on refits that wander."""

import importlib

import numpy as np
import pandas as pd
import pytest

from lib.benchmarks import fit_benchmark
from lib.fit import bootstrap, fit_law
from lib.laws import get_law

TRUE = dict(E=1.82, A=482.0, B=2085.0, alpha=0.348, beta=0.366)
BOOTSTRAP = importlib.import_module("lib.fit.bootstrap")


def chinchilla_points(n, d, seed=0):
    loss = TRUE["E"] + TRUE["A"] / n ** TRUE["alpha"] + TRUE["B"] / d ** TRUE["beta"]
    return {"N": n, "D": d}, loss * np.exp(np.random.default_rng(seed).normal(0, 0.01, n.size))


def one_ratio_points():
    """Twelve models trained at 20 tokens per parameter, as Gadre et al.'s M = 20 families."""
    n = np.geomspace(1e7, 1e10, 12)
    return chinchilla_points(n, 20 * n)


def grid_points():
    n, d = (m.ravel() for m in np.meshgrid(np.geomspace(1e7, 1e10, 7), np.geomspace(1e9, 1e12, 7), indexing="ij"))
    return chinchilla_points(n, d)


@pytest.fixture
def refits(monkeypatch):
    """Counts the bootstrap's refits."""
    calls = []

    def counted(*args, **kwargs):
        calls.append(1)
        return refine(*args, **kwargs)

    refine = BOOTSTRAP.refine
    monkeypatch.setattr(BOOTSTRAP, "refine", counted)
    return calls


def test_a_one_ratio_design_is_flagged_by_the_fit():
    data, y = one_ratio_points()
    status = fit_law("chinchilla", data, y).status
    assert status.unidentifiable.startswith("the fit is not identifiable: every point has the same D/N")
    assert "fix or tie coefficients" in status.unidentifiable
    assert status.warnings == (status.unidentifiable,)


def test_a_one_ratio_design_skips_the_bootstrap_and_says_why(refits):
    data, y = one_ratio_points()
    result = bootstrap(fit_law("chinchilla", data, y), data, y, n_boot=200)
    assert refits == [] and result.n_attempted == 0 and result.seconds < 1
    assert result.no_band.startswith("No band: the bootstrap was not run, as the fit is not identifiable: "
                                     "every point has the same D/N")
    assert result.samples.empty and all(np.isnan(v).all() for v in result.intervals.values())


def test_a_design_at_one_token_count_is_flagged():
    n = np.geomspace(1e7, 1e10, 12)
    data, y = chinchilla_points(n, np.full(12, 3e11) * np.linspace(1, 1.2, 12))
    assert fit_law("chinchilla", data, y).status.unidentifiable.startswith(
        "the fit is not identifiable: every point has about the same D (within a factor 1.2), so the data cannot "
        "show the effect of D")


def test_fixing_what_the_verdict_asks_lets_a_one_ratio_design_be_bootstrapped():
    data, y = one_ratio_points()
    tied = fit_law("chinchilla", data, y, tied={"beta": "alpha"})
    assert tied.status.unidentifiable.startswith("the fit is not identifiable: A and B can move together")
    fit = fit_law("chinchilla", data, y, tied={"beta": "alpha"}, fixed={"B": TRUE["B"]})
    assert fit.status.unidentifiable == ""
    result = bootstrap(fit, data, y, n_boot=40)
    assert result.no_band == "" and result.n_attempted == 40 and len(result.samples) >= 30


def test_a_bootstrap_whose_refits_fail_en_masse_stops_after_twenty(monkeypatch, refits):
    data, y = grid_points()
    fit = fit_law("chinchilla", data, y)
    assert fit.status.unidentifiable == ""
    monkeypatch.setattr(BOOTSTRAP, "BOOTSTRAP_MAX_EVALUATIONS", 1)  # every refit stops short
    result = bootstrap(fit, data, y, n_boot=200)
    assert len(refits) == 20 and result.n_attempted == 20 and result.n_failed == 20 and result.n_boot == 200
    assert result.no_band == ("No band: 20 of the first 20 bootstrap refits did not converge, so the other refits "
                              "were not run; resamples of these points do not pin the coefficients down: fix or tie "
                              "coefficients, or add points.")
    assert result.samples.empty


def test_a_bootstrap_with_few_failures_runs_every_refit(refits):
    data, y = grid_points()
    result = bootstrap(fit_law("chinchilla", data, y), data, y, n_boot=60)
    assert len(refits) == 60 and result.n_attempted == 60 and result.no_band == ""
    assert len(result.samples) == 60 - result.n_failed > 50


def test_a_benchmark_fit_whose_bootstrap_stops_early_is_drawn_without_a_band(monkeypatch):
    """The sigmoid fits of the Benchmarks page read the early stop instead of failing on a band
    of no refits."""
    x = np.geomspace(1e19, 1e25, 40)
    scores = get_law("sigmoid").predict(dict(floor=0.25, ceiling=0.85, slope=1.8, midpoint=22.0), {"x": x})
    points = pd.DataFrame({"C": x, "value": scores + np.random.default_rng(0).normal(0, 0.005, x.size)})
    monkeypatch.setattr(BOOTSTRAP, "BOOTSTRAP_MAX_EVALUATIONS", 1)
    fit = fit_benchmark(points, "C", extend=1.0, n_boot=200)
    assert fit.no_band_reason == "20 of 20 bootstrap refits did not converge"
    assert fit.curve["low"].isna().all() and fit.curve["fit"].notna().all()
