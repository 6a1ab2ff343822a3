"""The fitter on many points: the start screen runs on a bounded sample in bounded batches, so
memory stays flat as the data grows, and the fit still reaches the optimum of all the points.
bench/bench_fit_scale.py times it up to 100,000 points."""

import importlib
import tracemalloc

import numpy as np
import pytest

from lib.fit import fit_law
from lib.fit.engine import build_problem
from lib.fit.result import FitOptions

SCREEN = importlib.import_module("lib.fit.screen")
TRUE = dict(E=1.82, A=482.0, B=2085.0, alpha=0.348, beta=0.366)


def chinchilla_points(size, seed=0):
    """Runs log-uniform over 1e7-1e11 parameters and 1e9-1e13 tokens, 1 % noise on the loss."""
    generator = np.random.default_rng(seed)
    n, d = 10 ** generator.uniform(7, 11, size), 10 ** generator.uniform(9, 13, size)
    loss = TRUE["E"] + TRUE["A"] / n ** TRUE["alpha"] + TRUE["B"] / d ** TRUE["beta"]
    return {"N": n, "D": d}, loss * np.exp(generator.normal(0, 0.01, size))


def test_a_fit_of_many_points_keeps_its_memory_bounded():
    """The screen once held grid x points x 3 floats at once: 5,000 points took over 2 GB."""
    data, y = chinchilla_points(5_000)
    tracemalloc.start()
    try:
        fit = fit_law("chinchilla", data, y)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 2**20, f"{peak / 2**20:.0f} MB"
    assert fit.status.converged and fit.n_points == 5_000
    assert fit.params["alpha"] == pytest.approx(TRUE["alpha"], abs=0.01)
    assert fit.params["beta"] == pytest.approx(TRUE["beta"], abs=0.01)


def test_the_screen_ranks_starts_on_a_seeded_sample_of_large_data():
    problem, _ = build_problem("chinchilla", *chinchilla_points(5_000), FitOptions())
    sample = SCREEN.screening_sample(problem)
    assert sample.y.size == SCREEN.SCREEN_POINTS
    assert np.array_equal(sample.y, SCREEN.screening_sample(problem).y)
    small, _ = build_problem("chinchilla", *chinchilla_points(SCREEN.SCREEN_POINTS), FitOptions())
    assert SCREEN.screening_sample(small) is small


def test_a_fit_screened_on_a_sample_reaches_the_optimum_screened_on_all_points(monkeypatch):
    data, y = chinchilla_points(3_000)
    sampled = fit_law("chinchilla", data, y)
    monkeypatch.setattr(SCREEN, "SCREEN_POINTS", 10**9)
    whole = fit_law("chinchilla", data, y)
    assert sampled.objective == pytest.approx(whole.objective, rel=1e-9)
    for name, value in whole.params.items():
        assert sampled.params[name] == pytest.approx(value, rel=1e-5), name


def test_batches_do_not_change_the_screen(monkeypatch):
    """Data within the sample size is screened whole, and the batches give the very starts one
    batch of the whole grid gives: fits of such data are exactly as before batching."""
    problem, _ = build_problem("chinchilla", *chinchilla_points(500), FitOptions())
    batched, screened = SCREEN.screen_starts(problem, problem, 8)
    monkeypatch.setattr(SCREEN, "CHUNK_ELEMENTS", 10**12)
    whole, _ = SCREEN.screen_starts(problem, problem, 8)
    assert screened == 3_844 and len(batched) == 8
    assert np.array_equal(batched, whole)
