"""Long work says what it is doing: the bootstrap and the method sensitivity report each step to
a callback (lib stays free of Streamlit), the Fit and Compare pages show it as a progress bar,
and the Fit page draws its point fit before the bootstrap's refits run."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pandas as pd
import pytest
import streamlit as st

import lib.figures
from lib.fit import bootstrap, fit_law, method_sensitivity
from lib.fit.sensitivity import METHODS
from tests.pages import open_page
from ui import fits


@pytest.fixture(scope="module")
def runs() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n, d = np.geomspace(1e7, 1e9, 30), np.geomspace(2e8, 2e10, 30)
    rng.shuffle(d)
    loss = 1.7 + 400 / n**0.34 + 410 / d**0.28
    return pd.DataFrame({"N": n, "D": d, "value": loss * np.exp(rng.normal(0, 0.01, n.size))})


def test_the_bootstrap_reports_every_refit_and_its_numbers_do_not_change(runs):
    fit = fit_law("chinchilla", runs, "value")
    reported = []
    with_progress = bootstrap(fit, runs, n_boot=30, progress=lambda done, total: reported.append((done, total)))
    assert reported == [(i, 30) for i in range(1, 31)]
    pd.testing.assert_frame_equal(with_progress.samples, bootstrap(fit, runs, n_boot=30).samples)


def test_method_sensitivity_names_each_method_before_its_refit(runs):
    reported = []
    table = method_sensitivity("chinchilla", runs, exclude_top=3, progress=lambda *step: reported.append(step))
    assert [done for done, _, _ in reported] == list(range(2 * len(METHODS)))
    assert {total for _, total, _ in reported} == {2 * len(METHODS)} == {len(table)}
    assert [label for _, _, label in reported[::2]] == [method[0] for method in METHODS]


@pytest.fixture
def progress_bars(monkeypatch) -> dict[str, list[tuple]]:
    """Each progress bar the pages show (its task) with the steps reported to it, on cold caches."""
    st.cache_data.clear()
    shown: dict[str, list[tuple]] = {}
    original = fits.progress_bar

    @contextmanager
    def recording(task: str):
        steps = shown.setdefault(task, [])
        with original(task) as report:
            yield lambda *step: (steps.append(step), report(*step))

    monkeypatch.setattr(fits, "progress_bar", recording)
    return shown


def test_the_fit_pages_bootstrap_and_method_sensitivity_show_progress(progress_bars):
    app = open_page("fit_page", families="chinchilla_epoch", boot="50", sens="1")
    assert not app.exception
    [boot_task, sensitivity_task] = progress_bars
    assert boot_task.startswith("Bootstrap of chinchilla") and progress_bars[boot_task][-1] == (50, 50)
    assert sensitivity_task == "Refitting under the other methods"
    assert [step[0] for step in progress_bars[sensitivity_task]] == list(range(2 * len(METHODS)))


def test_compares_fits_with_bootstraps_show_progress(progress_bars):
    app = open_page("compare_page", boot="100")
    assert not app.exception
    [(task, steps)] = progress_bars.items()
    assert task.startswith("Bootstrap of chinchilla") and steps[-1] == (100, 100)


def test_the_benchmarks_pages_bootstrap_band_shows_progress(progress_bars):
    app = open_page("benchmarks_page")
    assert not app.exception
    [(task, steps)] = progress_bars.items()
    assert task == "Bootstrap band of the sigmoid, refits" and steps[-1] == (100, 100)


def test_the_fit_page_draws_its_point_fit_before_the_refits_and_then_its_band(monkeypatch):
    st.cache_data.clear()
    drawn = []
    original = lib.figures.fit_chart
    monkeypatch.setattr(lib.figures, "fit_chart", lambda table, kept, curve, *a, **k: (
        drawn.append(curve), original(table, kept, curve, *a, **k))[1])
    app = open_page("fit_page", families="chinchilla_epoch", boot="50")
    assert not app.exception
    first, last = drawn
    assert first["low"].isna().all() and last["low"].notna().all()
    assert len(app.get("plotly_chart")) == 2  # the fit (drawn twice in one place) and the residuals
    drawn.clear()
    app.run()  # the band is known now: drawn once, at once
    [again] = drawn
    assert again["low"].notna().all()


def test_compare_draws_its_fit_before_the_refits_and_then_its_band_in_the_same_colour(monkeypatch):
    st.cache_data.clear()
    drawn = []
    original = lib.figures.comparison_chart
    monkeypatch.setattr(lib.figures, "comparison_chart", lambda curves, *a, **k: (
        drawn.append(curves), original(curves, *a, **k))[1])
    app = open_page("compare_page", laws="", boot="100")
    assert not app.exception
    [point], [banded] = drawn
    assert point["frame"]["low"].isna().all() and banded["frame"]["low"].notna().all()
    assert point["colour"] == banded["colour"] and point["label"] == banded["label"]
    assert len(app.get("plotly_chart")) == 1
