"""Extrapolation backtest: fit each law form with each method on a family's smaller runs and score
its predictions on the larger ones.

Protocol (written once, here): a family qualifies when its final checkpoints of one loss span at
least MIN_DECADES decades of compute (or of parameters, when compute is not recorded) over at least
MIN_RUNS runs. The runs in the top HELD_OUT_SHARE of that log range are held out; every form of
FORMS whose inputs the runs record is fitted with every method of METHODS on the rest, bootstrapped
(BAND_REFITS resamples) for a LEVEL band, and scored on the held-out runs: mean |predicted /
observed - 1| and the share of held-out runs whose loss falls inside the band. A fit that fails,
cannot be identified or leaves no band is counted as a failure, not scored.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Callable

import numpy as np
import pandas as pd

from lib.fit import FitInputError, bootstrap, fit_law
from lib.laws import get_law

MIN_DECADES = 1.5
MIN_RUNS = 10
MIN_HELD_OUT = 3
HELD_OUT_SHARE = 1 / 3
BAND_REFITS = 40
LEVEL = 0.95
# One-variable forms read compute (or parameters); the others read N and D, or C and M = D/N.
# (kaplan_single and kaplan_single_offset are power_law and power_law_offset reparametrised: the
# same fits, so they are not ranked twice; BNSL's five coefficients rarely converge on these runs.)
FORMS = ("power_law", "power_law_offset", "zhai", "chinchilla", "kaplan", "overtraining")
# (label, loss, delta, residual space): the robust default and the two least-squares conventions.
METHODS = (
    ("log-Huber delta=1e-3", "huber", 1e-3, "log"),
    ("least squares, log", "mse", 1e-3, "log"),
    ("least squares, linear", "mse", 1e-3, "linear"),
)


@dataclass(frozen=True)
class BacktestScore:
    family: str
    form: str
    method: str
    axis: str  # what the cutoff splits: C or N
    cutoff: float
    n_train: int
    n_test: int
    outcome: str  # the fit's outcome, or why it was not scored
    mean_abs_rel_error: float = float("nan")
    coverage: float = float("nan")
    params: str | None = None  # the fitted coefficients as JSON, to draw the fit without refitting


def final_runs(points: pd.DataFrame) -> pd.DataFrame:
    """One row per run: its last checkpoint (rows without a step are final already)."""
    ordered = points.assign(_step=points["step"].fillna(np.inf)).sort_values(["run_id", "_step"])
    return ordered.groupby("run_id", sort=False).tail(1).drop(columns="_step").reset_index(drop=True)


def split_axis(runs: pd.DataFrame) -> str | None:
    """The input the cutoff splits (C, else N) when it spans MIN_DECADES over MIN_RUNS runs."""
    for axis in ("C", "N"):
        values = runs[axis].to_numpy(float) if axis in runs else np.array([])
        values = values[np.isfinite(values) & (values > 0)]
        if len(values) >= MIN_RUNS and len(values) == len(runs) and np.log10(values.max() / values.min()) >= MIN_DECADES:
            return axis
    return None


def held_out_mask(values: np.ndarray) -> tuple[np.ndarray, float]:
    logs = np.log10(values)
    cutoff = logs.max() - HELD_OUT_SHARE * (logs.max() - logs.min())
    return logs >= cutoff, float(10**cutoff)


def applicable_forms(runs: pd.DataFrame, axis: str) -> list[str]:
    recorded = {role for role in ("N", "D", "C", "M") if role in runs and runs[role].notna().all() and (runs[role] > 0).all()}
    forms = []
    for name in FORMS:
        inputs = set(get_law(name).inputs)
        needs = {axis} if inputs == {"x"} else inputs
        if needs <= recorded:
            forms.append(name)
    return forms


def score_fit(family: str, form: str, method: tuple, runs: pd.DataFrame, axis: str) -> BacktestScore:
    label, loss, delta, space = method
    held_out, cutoff = held_out_mask(runs[axis].to_numpy(float))
    train, test = runs[~held_out], runs[held_out]
    base = dict(family=family, form=form, method=label, axis=axis, cutoff=cutoff, n_train=len(train), n_test=len(test))
    x = axis if "x" in get_law(form).inputs else None
    try:
        fit = fit_law(form, train, "value", x=x, loss=loss, delta=delta, space=space)
    except FitInputError as error:
        return BacktestScore(**base, outcome=f"refused: {error}")
    if fit.outcome in ("failed", "not identifiable"):
        return BacktestScore(**base, outcome=fit.outcome)
    observed = test["value"].to_numpy(float)
    with np.errstate(all="ignore"):
        error = float(np.mean(np.abs(fit.predict(test) / observed - 1)))
    band = bootstrap(fit, train, "value", n_boot=BAND_REFITS, seed=0, level=LEVEL)
    coverage = float("nan")
    if not band.no_band:
        bounds = band.predict_band(test)
        coverage = float(np.mean((bounds["low"].to_numpy() <= observed) & (observed <= bounds["high"].to_numpy())))
    return BacktestScore(**base, outcome=fit.outcome, mean_abs_rel_error=error, coverage=coverage,
                         params=json.dumps(fit.params))


def backtest_runs(points: pd.DataFrame) -> pd.DataFrame:
    """The runs a backtest reads: final checkpoints with a positive loss, and M = D/N."""
    runs = final_runs(points)
    runs = runs[np.isfinite(runs["value"]) & (runs["value"] > 0)]
    return runs.assign(M=runs["D"] / runs["N"]).reset_index(drop=True)


def backtest_family(family: str, points: pd.DataFrame,
                    progress: Callable[[int, int, str], None] | None = None) -> list[BacktestScore]:
    """Every applicable form x method on one family's final runs (empty when it does not qualify);
    `progress(done, total, what)` is told after each fit."""
    runs = backtest_runs(points)
    axis = split_axis(runs)
    if axis is None:
        return []
    held_out, _ = held_out_mask(runs[axis].to_numpy(float))
    if held_out.sum() < MIN_HELD_OUT:
        return []
    work = [(form, method) for form in applicable_forms(runs, axis) for method in METHODS]
    scores = []
    for done, (form, method) in enumerate(work, start=1):
        scores.append(score_fit(family, form, method, runs, axis))
        if progress:
            progress(done, len(work), f"{form}, {method[0]}")
    return scores


def backtest_predictions(runs: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Each scored fit's prediction at every run (from its stored coefficients): columns run_id,
    x (the split axis), observed, held_out, form, method, predicted."""
    frames = []
    for score in scores[scores["params"].fillna("") != ""].itertuples():
        form = get_law(score.form)
        inputs = {role: runs[score.axis if role == "x" else role].to_numpy(float) for role in form.inputs}
        with np.errstate(all="ignore"):
            predicted = np.asarray(form.predict(json.loads(score.params), inputs), dtype=float)
        frames.append(pd.DataFrame({
            "run_id": runs["run_id"], "x": runs[score.axis], "observed": runs["value"],
            "held_out": runs[score.axis] >= score.cutoff, "form": score.form, "method": score.method,
            "predicted": predicted,
        }))
    columns = ["run_id", "x", "observed", "held_out", "form", "method", "predicted"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def leaderboard(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per form x method across families: families scored, median of their mean |relative
    error|, mean band coverage, failures; best (lowest median error) first."""
    scored = scores.assign(failed=~scores["outcome"].isin(["converged", "at a bound"]))
    rows = []
    for (form, method), group in scored.groupby(["form", "method"]):
        ok = group[~group["failed"]]
        rows.append({
            "form": form,
            "method": method,
            "families": int(ok["family"].nunique()),
            "median_abs_rel_error": float(ok["mean_abs_rel_error"].median()) if len(ok) else float("nan"),
            "coverage": float(ok["coverage"].mean()) if ok["coverage"].notna().any() else float("nan"),
            "failures": int(group["failed"].sum()),
        })
    board = pd.DataFrame(rows, columns=["form", "method", "families", "median_abs_rel_error", "coverage", "failures"])
    return board.sort_values(["median_abs_rel_error", "form"], na_position="last").reset_index(drop=True)


def scores_frame(scores: list[BacktestScore]) -> pd.DataFrame:
    return pd.DataFrame([asdict(score) for score in scores], columns=list(BacktestScore.__dataclass_fields__))
