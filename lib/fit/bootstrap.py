"""Bootstrap over points: percentile intervals for every coefficient and prediction bands."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from lib.fit.engine import BOOTSTRAP_MAX_EVALUATIONS, build_problem, refine
from lib.fit.inputs import law_inputs, n_rows, resolve_law
from lib.fit.result import FitResult


@dataclass(frozen=True, eq=False)
class BootstrapResult:
    law: str
    samples: pd.DataFrame  # one row per successful refit, one column per coefficient
    intervals: dict[str, tuple[float, float]]  # name -> (low, high) percentile interval
    level: float
    n_boot: int
    n_failed: int  # refits that did not converge (left out of the intervals)
    seed: int
    seconds: float
    x: str | None = None

    def predict_band(self, data: Mapping, level: float | None = None) -> pd.DataFrame:
        """Columns low, median, high: the percentile band of the law's prediction at the
        inputs of `data` over the bootstrap refits."""
        law = resolve_law(self.law)
        inputs = law_inputs(law, data, self.x)
        n = n_rows(data)
        params = {k: self.samples[k].to_numpy()[:, None] for k in self.samples.columns}
        with np.errstate(all="ignore"):
            predictions = np.broadcast_to(law.predict(params, inputs), (len(self.samples), n))
        tail = 50 * (1 - (level or self.level))
        low, median, high = np.nanpercentile(predictions, [tail, 50, 100 - tail], axis=0)
        return pd.DataFrame({"low": low, "median": median, "high": high})


def bootstrap(fit: FitResult, data: Mapping, y="value", *, n_boot: int = 1000, seed: int = 0,
              level: float = 0.95) -> BootstrapResult:
    """Refit `fit`'s law, options and constraints on `n_boot` resamples (with replacement) of
    the points it used, each refit warm-started from the full fit.

    The warm start is what makes a thousand refits take seconds; it is sound because a
    resample's optimum lies near the full data's (the full fit's multi-start screen already
    chose the basin).
    """
    started = time.perf_counter()
    problem, _ = build_problem(fit.law, data, y, fit.options)
    rng = np.random.default_rng(seed)
    n = problem.y.size
    rows, failed = [], 0
    for _ in range(n_boot):
        theta, _, converged = refine(problem.take(rng.integers(0, n, n)), fit.theta, BOOTSTRAP_MAX_EVALUATIONS)
        if converged:
            rows.append(problem.params(theta))
        else:
            failed += 1
    samples = pd.DataFrame(rows, columns=list(fit.params))
    tail = 50 * (1 - level)
    intervals = {
        name: tuple(float(v) for v in np.percentile(samples[name], [tail, 100 - tail])) if len(samples) else (np.nan, np.nan)
        for name in samples.columns
    }
    return BootstrapResult(
        law=fit.law,
        samples=samples,
        intervals=intervals,
        level=level,
        n_boot=n_boot,
        n_failed=failed,
        seed=seed,
        seconds=time.perf_counter() - started,
        x=fit.options.x,
    )
