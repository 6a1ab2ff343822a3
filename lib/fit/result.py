"""The small frozen records a fit returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from lib.fit.inputs import law_inputs, resolve_law


@dataclass(frozen=True)
class FitOptions:
    loss: str = "huber"
    delta: float = 1e-3
    space: str = "log"
    fixed: tuple[tuple[str, float], ...] = ()
    tied: tuple[tuple[str, str], ...] = ()
    exclude_top: int = 0
    x: str | None = None
    n_refine: int = 8


@dataclass(frozen=True)
class FitStatus:
    converged: bool
    message: str
    share_at_best: float  # of the refined starts, the share that reached the best objective
    n_screened: int  # grid points screened (each with its exact linear coefficients)
    n_refined: int
    at_bounds: tuple[str, ...]
    warnings: tuple[str, ...]
    # Why the data cannot pin the coefficients down at all ("" when they can): a bootstrap would
    # only wander, so none is run.
    unidentifiable: str = ""


@dataclass(frozen=True, eq=False)
class FitResult:
    law: str
    params: dict[str, float]
    objective: float
    n_points: int
    seconds: float
    options: FitOptions
    status: FitStatus
    residuals: np.ndarray  # target - prediction on the points used, in the fit's space
    kept: np.ndarray  # row indices of the caller's data that were fitted
    theta: np.ndarray  # free coefficients in fitting space, to warm-start refits
    # Asymptotic (Gauss-Newton) standard errors of the free coefficients in natural units, and their
    # correlations; NaN where the data leave a direction flat. A bootstrap is the honest interval.
    standard_errors: dict[str, float] = field(default_factory=dict)
    correlations: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def outcome(self) -> str:
        """One word for how the fit ended, most telling first: not identifiable (the data cannot pin
        the coefficients down, whatever the optimiser did), failed (did not converge), at a bound,
        converged."""
        if self.status.unidentifiable:
            return "not identifiable"
        if not self.status.converged:
            return "failed"
        return "at a bound" if self.status.at_bounds else "converged"

    @property
    def free(self) -> tuple[str, ...]:
        fixed, tied = dict(self.options.fixed), dict(self.options.tied)
        return tuple(n for n in self.params if n not in fixed and n not in tied)

    def predict(self, data: Mapping) -> np.ndarray:
        """The fitted law at the inputs of `data` (same column names as for fitting)."""
        law = resolve_law(self.law)
        return law.predict(self.params, law_inputs(law, data, self.options.x))

    def to_dict(self) -> dict:
        """JSON-ready: params, objective, n_points, seconds, options and status."""
        return {
            "law": self.law,
            "params": self.params,
            "objective": self.objective,
            "n_points": self.n_points,
            "seconds": self.seconds,
            "options": asdict(self.options),
            "status": asdict(self.status),
            "outcome": self.outcome,
            "standard_errors": self.standard_errors,
            "correlations": self.correlations.to_dict(),
        }
