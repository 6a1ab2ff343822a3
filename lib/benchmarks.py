"""Downstream benchmarks against compute, parameters or loss: which metrics count as
downstream, pairing each run's score with its own loss, and a sigmoid fit with a bootstrap band
drawn beyond the data.

Scores are fractions in [0, 1] (lib.schema), often near zero (chance on generative tasks), so
fits use linear residuals: log residuals would be undefined at 0 and blow up near it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from lib.fit import FitInputError, FitResult, bootstrap, fit_law
from lib.laws import get_law

DOWNSTREAM_KINDS = ("accuracy", "error")
SIZE_AXES = ("C", "N")  # fitted with `sigmoid` in log10 X; anything else on x is a loss metric
LOSS_COLUMN = "L"  # the paired loss; the name lib.fit reads as the input L of `sigmoid_loss`
RUN_KEYS = ["family_id", "run_id", "step"]

# A four-coefficient sigmoid through four or five distinct x values fits them (nearly) exactly
# and says nothing; two spare values leave the bootstrap something to resample.
MIN_DISTINCT_X = 6
# Huber on linear residuals with delta one point of accuracy: quadratic for the usual
# benchmark noise, linear for the odd outlier model.
HUBER_DELTA = 0.01
N_BOOT = 100
SEED = 0
LEVEL = 0.95
GRID_POINTS = 120


def downstream_metrics(metrics: pd.DataFrame) -> pd.DataFrame:
    return metrics[metrics["kind"].isin(DOWNSTREAM_KINDS)].reset_index(drop=True)


def loss_metrics(metrics: pd.DataFrame) -> pd.DataFrame:
    return metrics[metrics["kind"] == "loss"].reset_index(drop=True)


def fit_column(x: str) -> str:
    """The points column a choice of x axis fits on: C or N themselves, L for a loss metric."""
    return x if x in SIZE_AXES else LOSS_COLUMN


def form_for(column: str) -> str:
    return "sigmoid_loss" if column == LOSS_COLUMN else "sigmoid"


def perfect_score(higher_is_better: bool) -> float:
    """The value the best possible model reaches: 1 for an accuracy, 0 for an error."""
    return 1.0 if higher_is_better else 0.0


def chance_level(metric: pd.Series) -> float | None:
    """The score of random guessing on a metric (a row of the store's metrics), where the source
    states one; None elsewhere (it is never derived from a task's number of choices)."""
    value = metric.get("chance")
    return None if value is None or pd.isna(value) else float(value)


def has_checkpoints(points: pd.DataFrame) -> bool:
    """Whether some run is recorded at more than one training step."""
    steps = points.dropna(subset=["step"]).groupby(["family_id", "run_id"])["step"].nunique()
    return bool((steps > 1).any())


def final_checkpoints(points: pd.DataFrame) -> pd.DataFrame:
    """Each run at its last recorded step; runs recorded without steps are kept as they are."""
    last = points.groupby(["family_id", "run_id"])["step"].transform("max")
    return points[points["step"].isna() | (points["step"] == last)].reset_index(drop=True)


def pair_with_loss(benchmark: pd.DataFrame, loss: pd.DataFrame) -> pd.DataFrame:
    """Each benchmark row with the loss of the same run at the same step, in column L. Rows
    with no such loss are dropped. Runs without steps pair on run alone: pandas' merge matches
    missing keys with each other, unlike SQL."""
    losses = loss[RUN_KEYS + ["value"]].rename(columns={"value": LOSS_COLUMN})
    return benchmark.merge(losses, on=RUN_KEYS, how="inner", validate="many_to_one")


def fittable(points: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows with a finite score and a finite, positive x (every form takes a log or a power)."""
    x, y = points[column].astype(float), points["value"].astype(float)
    return points[np.isfinite(x) & (x > 0) & np.isfinite(y)].reset_index(drop=True)


def extrapolation_grid(values, column: str, extend: float, count: int = GRID_POINTS) -> pd.DataFrame:
    """x values to draw a fit at, in column `column`, with `beyond` marking those past the data.

    Past the data means better models: `extend` decades of C or N above the largest, or `extend`
    nats of loss below the smallest (at most half-way to zero: a loss is positive). The point at
    the data's edge appears once on each side, so the two parts of the curve meet.
    """
    low, high = float(np.min(values)), float(np.max(values))
    if column == LOSS_COLUMN:
        inside = np.linspace(low, high, count)
        outside = np.linspace(max(low - extend, low / 2), low, count // 2) if extend > 0 else np.empty(0)
    else:
        inside = np.geomspace(low, high, count)
        outside = np.geomspace(high, high * 10.0**extend, count // 2) if extend > 0 else np.empty(0)
    return pd.DataFrame(
        {column: np.concatenate([inside, outside]), "beyond": np.r_[np.zeros(inside.size, bool), np.ones(outside.size, bool)]}
    ).sort_values(column, kind="stable", ignore_index=True)


@dataclass(frozen=True, eq=False)
class BenchmarkFit:
    form: str
    column: str  # the fitted x column: C, N or L
    params: dict[str, float]
    fixed: dict[str, float]
    n_points: int
    message: str  # the fit's status: convergence, coefficients at a bound, identifiability
    warnings: tuple[str, ...]  # coefficients the data cannot determine (from lib.fit)
    curve: pd.DataFrame  # column, beyond, fit, low, high (low and high NaN without a band)
    intervals: dict[str, tuple[float, float]]  # percentile intervals over the refits; empty without a band
    n_boot: int
    n_failed: int
    fitted: FitResult = field(repr=False)  # the fit the bootstrap's refits start from
    data: pd.DataFrame = field(repr=False)  # the rows fitted, which the bootstrap resamples
    no_band_reason: str = ""


def fit_sigmoid(
    points: pd.DataFrame,
    column: str,
    extend: float,
    *,
    ceiling: float | None = None,
    floor: float | None = None,
) -> BenchmarkFit:
    """Fit `sigmoid` (x = C or N) or `sigmoid_loss` (x = L) to the scores in `points`, drawn over
    the data and `extend` beyond it, without a band (sigmoid_band adds it: the point fit takes a
    fraction of the refits' time). `ceiling` fixes the score the best models approach (e.g. a
    perfect score) instead of fitting it; `floor` the score the smallest approach (e.g. the
    source's chance level).

    Too few points, or a fit that does not converge, raise FitInputError with a message to show.
    A fit whose coefficients the data cannot determine says so in no_band_reason and gets no
    band: its bootstrap refits would wander along the directions the data leave free (each
    taking seconds to give up), and their spread would be read as an uncertainty it is not.
    """
    data = fittable(points, column)
    distinct = data[column].nunique()
    if distinct < MIN_DISTINCT_X:
        raise FitInputError(
            f"{distinct} distinct value{'s' if distinct != 1 else ''} of {column} with a score cannot determine a "
            f"four-coefficient sigmoid (at least {MIN_DISTINCT_X} are needed): add families, or include all checkpoints."
        )
    form = form_for(column)
    fixed = {name: value for name, value in (("ceiling", ceiling), ("floor", floor)) if value is not None}
    fit = fit_law(
        form, data, "value", x=column if column in SIZE_AXES else None,
        loss="huber", delta=HUBER_DELTA, space="linear", fixed=fixed,
    )
    if not fit.status.converged:
        hint = "" if fixed else " Fixing the ceiling at a perfect score often helps when the scores do not saturate."
        raise FitInputError(f"The sigmoid fit failed: it {fit.status.message}.{hint}")
    grid = extrapolation_grid(data[column], column, extend)
    undetermined = "the data do not determine every coefficient" if fit.status.warnings else ""
    return BenchmarkFit(
        form=form, column=column, params=fit.params, fixed=fixed, n_points=fit.n_points,
        message=fit.status.message, warnings=fit.status.warnings,
        curve=grid.assign(fit=fit.predict(grid), low=np.nan, high=np.nan), intervals={}, n_boot=0, n_failed=0,
        fitted=fit, data=data, no_band_reason=undetermined,
    )


def sigmoid_band(
    fit: BenchmarkFit, *, n_boot: int = N_BOOT, seed: int = SEED, progress: Callable[[int, int], None] | None = None,
) -> BenchmarkFit:
    """`fit` (from fit_sigmoid) with a seeded bootstrap band over its curve and percentile
    intervals of its coefficients; `progress`, when given, is called after each refit with
    (refits done, n_boot). A fit that gets no band is returned with the reason in no_band_reason."""
    if fit.no_band_reason:
        return fit
    boot = bootstrap(fit.fitted, fit.data, "value", n_boot=n_boot, seed=seed, level=LEVEL, progress=progress)
    if boot.no_band:  # most of its first refits failed, so it stopped (lib.fit.bootstrap)
        return replace(fit, no_band_reason=f"{boot.n_failed} of {boot.n_attempted} bootstrap refits did not converge")
    band = boot.predict_band(fit.curve)
    return replace(fit, curve=fit.curve.assign(low=band["low"].to_numpy(), high=band["high"].to_numpy()),
                   intervals=boot.intervals, n_boot=n_boot, n_failed=boot.n_failed)


def fit_benchmark(
    points: pd.DataFrame,
    column: str,
    extend: float,
    *,
    ceiling: float | None = None,
    floor: float | None = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> BenchmarkFit:
    """fit_sigmoid and its sigmoid_band in one call."""
    return sigmoid_band(fit_sigmoid(points, column, extend, ceiling=ceiling, floor=floor), n_boot=n_boot, seed=seed)


def coefficient_table(fit: BenchmarkFit, x_name: str) -> pd.DataFrame:
    """One row per coefficient: value, bootstrap interval, and what it means on this chart."""
    on_loss = fit.column == LOSS_COLUMN
    meaning = {
        "floor": f"score approached at {'high loss' if on_loss else f'small {x_name}'}",
        "ceiling": f"score approached at {'low loss' if on_loss else f'large {x_name}'}",
        "slope": f"steepness, per {'nat of loss' if on_loss else f'decade of {x_name}'}",
        "midpoint": (
            "loss at which the score is half-way from floor to ceiling"
            if on_loss
            else f"log10 {x_name} at which the score is half-way ({x_name} = {10 ** fit.params['midpoint']:.3g})"
        ),
    }
    rows = []
    for name in get_law(fit.form).param_names:
        low, high = (np.nan, np.nan) if name in fit.fixed else fit.intervals.get(name, (np.nan, np.nan))
        rows.append(
            {
                "coefficient": name,
                "value": fit.params[name],
                f"{LEVEL:.0%} low": low,
                f"{LEVEL:.0%} high": high,
                "meaning": meaning[name] + (" (fixed, not fitted)" if name in fit.fixed else ""),
            }
        )
    return pd.DataFrame(rows)
