"""How much a fit's conclusions depend on the fitting choices (Li et al.'s (Mis)Fitting)."""

from __future__ import annotations

from typing import Callable, Mapping

import pandas as pd

from lib.fit.compute_optimal import chinchilla_allocation
from lib.fit.engine import fit_law

# (label, loss, delta, residual space)
METHODS = (
    ("log-Huber delta=1e-3", "huber", 1e-3, "log"),
    ("log-Huber delta=1e-2", "huber", 1e-2, "log"),
    ("log-Huber delta=1e-1", "huber", 1e-1, "log"),
    ("least squares, log", "mse", 1e-3, "log"),
    ("least squares, linear", "mse", 1e-3, "linear"),
)
# Forms whose A, B, alpha, beta define a compute-optimal allocation under C = 6ND.
ALLOCATING_FORMS = ("chinchilla", "data_constrained")


def method_sensitivity(law: str, data: Mapping, y="value", *, exclude_top: int = 5,
                       progress: Callable[[int, int, str], None] | None = None, **fit_options) -> pd.DataFrame:
    """One row per (method, with or without the top-K exclusion): coefficients, objective,
    convergence and, for Chinchilla-type forms, the compute-optimal exponents a and b.
    `progress`, when given, is called before each refit with (refits done, refits in all, method)."""
    runs = [(method, excluded) for method in METHODS for excluded in sorted({0, exclude_top})]
    rows = []
    for done, ((label, loss, delta, space), excluded) in enumerate(runs):
        if progress is not None:
            progress(done, len(runs), label)
        fit = fit_law(law, data, y, loss=loss, delta=delta, space=space, exclude_top=excluded, **fit_options)
        row = {"method": label, "excluded_top": excluded, "n_points": fit.n_points, **fit.params}
        if law in ALLOCATING_FORMS:
            allocation = chinchilla_allocation(fit.params)
            row.update(a_N_opt=allocation.a, b_D_opt=allocation.b)
        row.update(objective=fit.objective, converged=fit.status.converged, warnings="; ".join(fit.status.warnings))
        rows.append(row)
    return pd.DataFrame(rows)
