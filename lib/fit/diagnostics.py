"""What a fit's user must know besides the numbers: did it converge, did the starts agree,
is any coefficient pinned at a bound, can the data tell the coefficients apart."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.fit.problem import Problem

AT_BOUND_FRACTION = 0.01
NEGLIGIBLE = 1e-3
AGREEMENT = 1e-5  # relative objective difference within which two starts "reached the best"
# Points whose inputs keep one product of powers (e.g. D/N) within this factor lie on one line of
# the inputs' space (Gadre et al.'s M = 20 runs): a law of several inputs seen along one line
# cannot tell their effects apart. lib.fitspec draws such fits along their one ratio by this factor.
ONE_LINE_SPAN = 1.5


def share_at_best(objectives: np.ndarray) -> float:
    best = objectives.min()
    return float(np.mean(objectives <= best + AGREEMENT * max(abs(best), 1e-12)))


def at_bounds(problem: Problem, theta: np.ndarray) -> tuple[str, ...]:
    """Free coefficients at (or heading into) a bound: within a factor e of it for scale
    coefficients, within 1% of it (at least 0.01) for the others. An optimiser creeping
    towards a bound stops when the gradient there is negligible, so "exactly at" is too strict."""
    lower, upper = problem.bounds
    hits = []
    for i, name in enumerate(problem.free):
        for bound in (lower[i], upper[i]):
            if not np.isfinite(bound):
                continue
            tolerance = 1.0 if problem.law.param(name).log_scale else AT_BOUND_FRACTION * max(1.0, abs(bound))
            if abs(theta[i] - bound) <= tolerance:
                hits.append(name)
                break
    return tuple(hits) + tuple(n for n in _negligible_terms(problem, theta) if n not in hits)


def _negligible_terms(problem: Problem, theta: np.ndarray) -> tuple[str, ...]:
    """Linear coefficients whose term is under NEGLIGIBLE of the prediction at every point:
    in effect at their lower bound of zero, however far the optimiser's log value is from it
    (the gradient vanishes long before)."""
    law = problem.law
    if law.columns is None:
        return ()
    values = problem.values(problem.full(theta))
    with np.errstate(all="ignore"):
        prediction = np.abs(law.predict(values, problem.inputs))
        columns = law.columns(values, problem.inputs)
    return tuple(
        name
        for name, column in zip(law.linear_names, columns)
        if name in problem.free and np.all(np.abs(values[name] * column) < NEGLIGIBLE * prediction)
    )


def _poorly_determined(problem: Problem, theta: np.ndarray, se: np.ndarray) -> list[int]:
    """Free coefficients whose standard error is large on their own scale: more than a factor
    of 10 for scale coefficients (fitted as logs), more than half their size (at least 0.05)
    for exponents and offsets."""
    bad = []
    for i, name in enumerate(problem.free):
        if problem.law.param(name).log_scale:
            limit = np.log(10)
        else:
            limit = max(0.5 * abs(theta[i]), 0.05)
        if not se[i] <= limit:
            bad.append(i)
    return bad


def _one_line_design(problem: Problem) -> str:
    """Why the points cannot separate the effects of the law's inputs, or "" when they can: with
    two or more inputs, some of them about constant, or a product of their powers about constant
    (every run at one D/N)."""
    names = list(problem.inputs)
    if len(names) < 2:
        return ""
    limit = np.log(ONE_LINE_SPAN)
    logs = np.log(np.column_stack([problem.inputs[name] for name in names]))
    spans = np.ptp(logs, axis=0)
    if np.any(spans < limit):
        constant = " and ".join(name for name, span in zip(names, spans) if span < limit)
        return _not_identifiable(_same(constant, spans[spans < limit].max()), f"show the effect of {constant}")
    weights, spread = _least_varying_product(logs)
    if spread >= limit:
        return ""
    involved = [(name, w) for name, w in zip(names, weights) if w]
    if len(involved) == 2 and abs(involved[0][1] + involved[1][1]) < 0.05:
        design = _same(f"{involved[1][0]}/{involved[0][0]}", spread)
    else:
        design = _same(f"product of powers of {', '.join(name for name, _ in involved)}", spread)
    return _not_identifiable(design, f"separate the effects of {' and '.join(name for name, _ in involved)}")


def _least_varying_product(logs: np.ndarray) -> tuple[np.ndarray, float]:
    """The weights of the log-inputs' least-varying combination (the log of a product of their
    powers), scaled to a largest weight of 1 with inputs that barely take part left out, and the
    spread of that combination over the points: how far they stray from one line."""
    centred = logs - logs.mean(axis=0)
    least_varying = np.linalg.eigh(centred.T @ centred)[1][:, 0]  # eigenvalues ascending
    weights = least_varying / np.abs(least_varying).max()
    weights[np.abs(weights) < 0.05] = 0
    return weights, float(np.ptp(logs @ weights))


def _same(quantity: str, spread: float) -> str:
    """"every point has the same D/N", or about the same within the factor exp(spread)."""
    if spread < 0.01:
        return f"every point has the same {quantity}"
    return f"every point has about the same {quantity} (within a factor {np.exp(spread):.3g})"


def _not_identifiable(design: str, effect: str) -> str:
    return (f"the fit is not identifiable: {design}, so the data cannot {effect}; fix or tie coefficients "
            "(e.g. an exponent at a published value), or add points off that line")


def _covariance(residuals: np.ndarray, s: np.ndarray, vt: np.ndarray, norms: np.ndarray) -> np.ndarray:
    """Gauss-Newton covariance s^2 (J^T J)^-1 of the free coefficients in fitting space, from the SVD
    of the column-normalised Jacobian."""
    dof = max(residuals.size - len(norms), 1)
    return (vt.T / s**2) @ vt / np.outer(norms, norms) * (residuals @ residuals / dof)


def coefficient_uncertainty(problem: Problem, theta: np.ndarray, residuals: np.ndarray,
                            jac: np.ndarray) -> tuple[dict[str, float], pd.DataFrame]:
    """Standard errors of the free coefficients in natural units (a scale coefficient fitted as
    log c has se(c) = c se(log c)) and their correlations; NaN where the Jacobian is singular."""
    names = problem.free
    norms = np.linalg.norm(jac, axis=0)
    nan = np.full((len(names), len(names)), np.nan)
    if np.any(norms == 0) or not np.all(np.isfinite(jac)):
        cov = nan
    else:
        _, s, vt = np.linalg.svd(jac / norms, full_matrices=False)
        cov = nan if s[-1] < 1e-10 * s[0] else _covariance(residuals, s, vt, norms)
    se_theta = np.sqrt(np.diag(cov))
    values = problem.params(theta)
    errors = {
        name: float(se_theta[i] * values[name] if problem.law.param(name).log_scale else se_theta[i])
        for i, name in enumerate(names)
    }
    with np.errstate(all="ignore"):
        correlations = pd.DataFrame(cov / np.outer(se_theta, se_theta), index=list(names), columns=list(names))
    return errors, correlations


def identifiability(problem: Problem, theta: np.ndarray) -> tuple[str, tuple[str, ...]]:
    """(verdict, warnings). The verdict says why the data cannot pin the coefficients down at all
    ("" when they can; then it is the only warning); the warnings name coefficients the data
    separate poorly.

    The design comes first: points along one line of the inputs' space, unless coefficients are
    fixed or tied (what its verdict asks for; the geometry below then judges whether that was
    enough). Then least-squares geometry at the optimum: covariance s^2 (J^T J)^-1 with s^2 the
    residual variance. A correlation alone is no alarm (log A and alpha are always strongly
    correlated when N is far from 1); it is when a coefficient's standard error is also large on
    its own scale that the data cannot tell it from its most correlated partner.
    """
    design = "" if problem.fixed or problem.tied else _one_line_design(problem)
    if design:
        return design, (design,)
    residuals, jac = problem.residuals_and_jacobian(theta)
    names = problem.free
    norms = np.linalg.norm(jac, axis=0)
    if np.any(norms == 0):
        unconstrained = tuple(f"the data do not constrain {n} at all; fix it" for n, v in zip(names, norms) if v == 0)
        return unconstrained[0], unconstrained
    _, s, vt = np.linalg.svd(jac / norms, full_matrices=False)
    if s[-1] < 1e-10 * s[0]:
        involved = [names[i] for i in np.argsort(-np.abs(vt[-1]))[:2]]
        verdict = f"the fit is not identifiable: {' and '.join(involved)} can move together without changing it; fix or tie one"
        return verdict, (verdict,)
    cov = _covariance(residuals, s, vt, norms)
    se = np.sqrt(np.diag(cov))
    corr = cov / np.outer(se, se)
    warnings, reported = [], set()
    for i in _poorly_determined(problem, theta, se):
        others = np.abs(corr[i]).copy()
        others[i] = 0
        j = int(np.argmax(others))
        pair = frozenset((i, j))
        if pair in reported:
            continue
        reported.add(pair)
        warnings.append(
            f"the data cannot separate {names[i]} and {names[j]} (estimates correlated at {corr[i, j]:+.3f}, "
            f"{names[i]} uncertain by ±{se[i]:.2g}{' in log' if problem.law.param(names[i]).log_scale else ''}); "
            "fix or tie one"
        )
    return "", tuple(warnings)
