"""The Benchmarks page's boundary to lib.benchmarks: which families have downstream scores, the
points of a view, and its sigmoid fit, each cached per arguments. The point fit is cached on its
own and drawn first; its bootstrap band takes about a second more (reruns of the same view take
none)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from lib.benchmarks import (
    DOWNSTREAM_KINDS,
    BenchmarkFit,
    SIZE_AXES,
    final_checkpoints,
    fit_column,
    fit_sigmoid,
    pair_with_loss,
    sigmoid_band,
)
from ui import cache, fits


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


@st.cache_data(show_spinner="Fitting the sigmoid…")
def point_sigmoid_fit(
    family_ids: tuple[str, ...], metric: str, x: str, final_only: bool, extend: float, ceiling: float | None,
    floor: float | None,
) -> BenchmarkFit:
    """The view's sigmoid fit without its band."""
    return fit_sigmoid(benchmark_points(family_ids, metric, x, final_only), fit_column(x), extend, ceiling=ceiling,
                       floor=floor)


# The progress bar is made inside the cached function, so a rerun's replay of it (moves, then
# gone) refers to nothing outside the function (as in ui.fits).
@st.cache_data(show_spinner=False)
def sigmoid_fit(
    family_ids: tuple[str, ...], metric: str, x: str, final_only: bool, extend: float, ceiling: float | None,
    floor: float | None,
) -> BenchmarkFit:
    """The view's sigmoid fit with its bootstrap band, where it gets one."""
    point = point_sigmoid_fit(family_ids, metric, x, final_only, extend, ceiling, floor)
    if point.no_band_reason:
        return point
    with fits.progress_bar("Bootstrap band of the sigmoid, refits") as report:
        return sigmoid_band(point, progress=report)


def drawn_sigmoid_fit(
    draw: Callable[[BenchmarkFit], None], family_ids: tuple[str, ...], metric: str, x: str, final_only: bool,
    extend: float, ceiling: float | None, floor: float | None,
) -> BenchmarkFit:
    """sigmoid_fit of the view, drawn by `draw(fit)`. A view whose band this session has not seen
    done is drawn first with its point fit, and redrawn in the same place with the band once the
    refits (shown by a progress bar) are done (ui.fits.drawn_point_first)."""
    view = (family_ids, metric, x, final_only, extend, ceiling, floor)
    key = f"benchmarks:{view!r}"
    result = fits.drawn_point_first(fits.band_recorded(key), lambda: draw(point_sigmoid_fit(*view)),
                                    lambda: sigmoid_fit(*view), draw, lambda fit: fit.n_boot > 0)
    fits.saw_band(key)
    return result
