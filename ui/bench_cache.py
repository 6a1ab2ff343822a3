"""The Benchmarks page's boundary to lib.benchmarks: which families have downstream scores, the
points of a view, and its sigmoid fit, each cached per arguments (a fit with its bootstrap
takes about a second; reruns of the same view take none)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.benchmarks import (
    DOWNSTREAM_KINDS,
    BenchmarkFit,
    SIZE_AXES,
    final_checkpoints,
    fit_benchmark,
    fit_column,
    pair_with_loss,
)
from ui import cache


@st.cache_data(show_spinner=False)
def downstream_family_ids() -> frozenset[str]:
    """Families with at least one accuracy or error metric."""
    return frozenset(cache.store().families_with(DOWNSTREAM_KINDS))


@st.cache_data(show_spinner=False)
def benchmark_points(family_ids: tuple[str, ...], metric: str, x: str, final_only: bool) -> pd.DataFrame:
    """The scores of `metric`; with x a loss metric, each paired with its run's loss in column L."""
    points = cache.points(family_ids, metric)
    if final_only:
        points = final_checkpoints(points)
    if x not in SIZE_AXES:
        points = pair_with_loss(points, cache.points(family_ids, x))
    return points


@st.cache_data(show_spinner="Fitting the sigmoid and its bootstrap band…")
def sigmoid_fit(
    family_ids: tuple[str, ...], metric: str, x: str, final_only: bool, extend: float, ceiling: float | None,
    floor: float | None,
) -> BenchmarkFit:
    return fit_benchmark(benchmark_points(family_ids, metric, x, final_only), fit_column(x), extend, ceiling=ceiling,
                         floor=floor)
