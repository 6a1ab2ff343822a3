"""The fitting engine: honest, fast fits of the registry's law forms (lib.laws). No Streamlit.

    fit_law(law, data, y, ...)            -> FitResult (params, objective, status, ...)
    bootstrap(fit, data, y, n_boot, seed) -> BootstrapResult (intervals, predict_band; no_band says why none)
    method_sensitivity(law, data, y)      -> DataFrame, one row per fitting choice
    extrapolation(law, data, y, by, cutoff), compare_forms(laws, data, y),
    information_criteria(fit), leave_one_out_rmse(fit, data, y)
    chinchilla_allocation(params), isoflop_minima(data), envelope_minima(data), fit_allocation(minima)

Bad input raises FitInputError (a ValueError) with a message to show as is.
"""

from lib.fit.bootstrap import BootstrapResult, bootstrap
from lib.fit.compute_optimal import (
    Allocation,
    chinchilla_allocation,
    envelope_minima,
    fit_allocation,
    isoflop_minima,
    isoflop_parabolas,
    isoflop_runs,
)
from lib.fit.engine import fit_law
from lib.fit.errors import FitInputError
from lib.fit.result import FitOptions, FitResult, FitStatus
from lib.fit.sensitivity import method_sensitivity
from lib.fit.validation import Extrapolation, compare_forms, extrapolation, information_criteria, leave_one_out_rmse

__all__ = [
    "Allocation",
    "BootstrapResult",
    "Extrapolation",
    "FitInputError",
    "FitOptions",
    "FitResult",
    "FitStatus",
    "bootstrap",
    "chinchilla_allocation",
    "compare_forms",
    "envelope_minima",
    "extrapolation",
    "fit_allocation",
    "fit_law",
    "information_criteria",
    "isoflop_minima",
    "isoflop_parabolas",
    "isoflop_runs",
    "leave_one_out_rmse",
    "method_sensitivity",
]
