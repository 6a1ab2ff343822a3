"""fit_law: screen many starts, refine the best few jointly, keep the best, report status."""

from __future__ import annotations

import time
from typing import Mapping

import numpy as np
from scipy.optimize import least_squares

from lib.fit.diagnostics import at_bounds, coefficient_uncertainty, identifiability, share_at_best
from lib.fit.errors import FitInputError
from lib.fit.inputs import keep_below_top, prepare_inputs, resolve_law
from lib.fit.problem import Objective, Problem
from lib.fit.result import FitOptions, FitResult, FitStatus
from lib.fit.screen import screen_starts, screening_sample
from lib.laws import LawForm

TOLERANCE = 1e-12  # ftol, xtol and gtol: stopping early is how published fits went wrong
MAX_EVALUATIONS = 3000
# A bootstrap refit starts at the full fit's optimum; those that converge do so in tens of
# evaluations (99th percentile under 350 on Chinchilla and on the benchmark sigmoids). One still
# going after this many is wandering along a direction its resample leaves free: it is counted as
# failed (and reported), instead of spending seconds on each such refit.
BOOTSTRAP_MAX_EVALUATIONS = 500


def build_problem(law: LawForm | str, data: Mapping, y, options: FitOptions) -> tuple[Problem, np.ndarray]:
    """The checked problem and the indices of the rows it keeps (after top-K exclusion)."""
    law = resolve_law(law)
    objective = Objective(options.loss, options.delta, options.space)
    inputs, y = prepare_inputs(law, data, y, options.x, positive_y=objective.space == "log")
    kept = keep_below_top(y, options.exclude_top)
    inputs = {k: v[kept] for k, v in inputs.items()}
    problem = Problem(law, inputs, y[kept], objective, dict(options.fixed), dict(options.tied))
    return problem, kept


def refine(problem: Problem, theta0: np.ndarray, max_evaluations: int | None = None) -> tuple[np.ndarray, float, bool]:
    """Joint refinement of all free coefficients from one start: trust-region least squares
    with the exact Jacobian and SciPy's Huber loss (scaled by delta, it is exactly the Huber
    objective used here), stopping after `max_evaluations` (MAX_EVALUATIONS when None). Returns
    the end point, its objective and whether it converged."""
    cache: dict = {}

    def evaluate(theta):
        key = theta.tobytes()
        if key not in cache:
            cache.clear()
            cache[key] = problem.residuals_and_jacobian(theta)
        return cache[key]

    lower, upper = problem.bounds
    result = least_squares(
        lambda t: evaluate(t)[0],
        np.clip(theta0, lower, upper),
        jac=lambda t: evaluate(t)[1],
        bounds=(lower, upper),
        method="trf",
        loss="huber" if problem.objective.loss == "huber" else "linear",
        f_scale=problem.objective.delta,
        x_scale="jac",
        ftol=TOLERANCE,
        xtol=TOLERANCE,
        gtol=TOLERANCE,
        max_nfev=max_evaluations or MAX_EVALUATIONS,
    )
    objective = float(problem.objective.value(evaluate(result.x)[0]))
    return result.x, objective, result.status > 0


def _status_message(converged: bool, share: float, bounds: tuple, warnings: tuple) -> str:
    if not converged:
        head = "did not converge: the best point found is shown, but the optimiser stopped before meeting its tolerance"
    else:
        head = "converged"
    notes = [f"{share:.0%} of refined starts reached the best objective"]
    if bounds:
        notes.append(f"at a bound: {', '.join(bounds)}")
    return "; ".join([head, *notes, *warnings])


def fit_problem(problem: Problem, n_refine: int) -> tuple[np.ndarray, float, FitStatus]:
    """Screen starts, refine the best few, keep the best. On data larger than the screen's sample
    the starts are refined on that sample and only the best is refined again, on every point: the
    sample's optimum lies in the full data's basin, and a refinement of 100,000 points takes about
    a second (all eight there took 19 s)."""
    sample = screening_sample(problem)
    starts, n_screened = screen_starts(problem, sample, n_refine)
    if len(starts) == 0:
        raise FitInputError(
            f"'{problem.law.name}' gives no finite prediction on these points from any of {n_screened} starts; "
            "check that the inputs are in absolute units and match the law"
        )
    runs = [refine(sample, start) for start in starts]
    objectives = np.array([r[1] for r in runs])
    best = int(np.argmin(objectives))
    theta, objective, converged = runs[best]
    if sample is not problem:
        theta, objective, converged = refine(problem, theta)
    share = share_at_best(objectives)
    bounds = at_bounds(problem, theta)
    unidentifiable, warnings = identifiability(problem, theta)
    status = FitStatus(
        converged=bool(converged),
        message=_status_message(converged, share, bounds, warnings),
        share_at_best=share,
        n_screened=n_screened,
        n_refined=len(runs),
        at_bounds=bounds,
        warnings=warnings,
        unidentifiable=unidentifiable,
    )
    return theta, objective, status


def fit_law(
    law: LawForm | str,
    data: Mapping,
    y="value",
    *,
    x: str | None = None,
    loss: str = "huber",
    delta: float = 1e-3,
    space: str = "log",
    fixed: Mapping[str, float] | None = None,
    tied: Mapping[str, str] | None = None,
    exclude_top: int = 0,
    n_refine: int = 8,
) -> FitResult:
    """Fit `law` (a registry name or form) to the points of `data`.

    data: mapping or DataFrame with the law's inputs by role (N, D, C, U, M, L) or by the
    curated column names (params, tokens, flops, ...); y: outputs or the name of their column;
    x: which column is X for one-variable laws; loss/delta/space: Huber (default delta 1e-3) or
    mse on log or linear residuals; fixed: {name: value}; tied: {name: name it equals};
    exclude_top: leave out the K highest outputs. Bad input raises FitInputError; a fit that
    does not converge is returned with status.converged False and the best point found.
    """
    started = time.perf_counter()
    options = FitOptions(
        loss=loss,
        delta=delta,
        space=space,
        fixed=tuple((k, float(v)) for k, v in (fixed or {}).items()),
        tied=tuple((tied or {}).items()),
        exclude_top=exclude_top,
        x=x,
        n_refine=n_refine,
    )
    problem, kept = build_problem(law, data, y, options)
    theta, objective, status = fit_problem(problem, n_refine)
    residuals, jacobian = problem.residuals_and_jacobian(theta)
    errors, correlations = coefficient_uncertainty(problem, theta, residuals, jacobian)
    return FitResult(
        law=problem.law.name,
        params=problem.params(theta),
        objective=objective,
        n_points=int(problem.y.size),
        seconds=time.perf_counter() - started,
        options=options,
        status=status,
        residuals=residuals,
        kept=kept,
        theta=theta,
        standard_errors=errors,
        correlations=correlations,
    )
