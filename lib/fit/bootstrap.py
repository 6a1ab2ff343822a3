"""Bootstrap over points: percentile intervals for every coefficient and prediction bands."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from lib.fit.engine import BOOTSTRAP_MAX_EVALUATIONS, build_problem, refine
from lib.fit.inputs import law_inputs, n_rows, resolve_law
from lib.fit.result import FitResult

# After this many refits (all of them, if fewer are asked for) a bootstrap counts its failures:
# when more than half did not converge, resamples of these points do not pin the coefficients
# down and most of the rest would fail too, each after BOOTSTRAP_MAX_EVALUATIONS, so it stops.
EARLY_LOOK = 20


@dataclass(frozen=True, eq=False)
class BootstrapResult:
    law: str
    samples: pd.DataFrame  # one row per successful refit, one column per coefficient
    intervals: dict[str, tuple[float, float]]  # name -> (low, high) percentile interval
    level: float
    n_boot: int  # refits asked for
    n_attempted: int  # refits run: n_boot, unless the bootstrap stopped early or never started
    n_failed: int  # refits that did not converge (left out of the intervals)
    seed: int
    seconds: float
    x: str | None = None
    no_band: str = ""  # why there are no samples, intervals or band ("" when there are)

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
              level: float = 0.95, progress: Callable[[int, int], None] | None = None) -> BootstrapResult:
    """Refit `fit`'s law, options and constraints on `n_boot` resamples (with replacement) of
    the points it used, each refit warm-started from the full fit.

    The warm start is what makes a thousand refits take seconds; it is sound because a
    resample's optimum lies near the full data's (the full fit's multi-start screen already
    chose the basin). A fit the data cannot pin down (fit.status.unidentifiable) is not
    bootstrapped, and a bootstrap whose first EARLY_LOOK refits mostly fail stops: both return
    no samples and say why in no_band. `progress`, when given, is called after each refit with
    (refits done, n_boot).
    """
    started = time.perf_counter()
    result = partial(_result, fit, n_boot=n_boot, seed=seed, level=level, started=started)
    if fit.status.unidentifiable:
        return result([], n_attempted=0, n_failed=0,
                      no_band=f"No band: the bootstrap was not run, as {fit.status.unidentifiable}.")
    problem, _ = build_problem(fit.law, data, y, fit.options)
    rng = np.random.default_rng(seed)
    n = problem.y.size
    rows, failed = [], 0
    for attempt in range(1, n_boot + 1):
        theta, _, converged = refine(problem.take(rng.integers(0, n, n)), fit.theta, BOOTSTRAP_MAX_EVALUATIONS)
        if converged:
            rows.append(problem.params(theta))
        else:
            failed += 1
        if attempt == min(EARLY_LOOK, n_boot) and failed > attempt / 2:
            return result([], n_attempted=attempt, n_failed=failed, no_band=_mass_failure(failed, attempt, n_boot))
        if progress is not None:
            progress(attempt, n_boot)
    return result(rows, n_attempted=n_boot, n_failed=failed)


def _mass_failure(failed: int, attempted: int, n_boot: int) -> str:
    first, rest = ("first ", ", so the other refits were not run") if attempted < n_boot else ("", "")
    return (f"No band: {failed} of the {first}{attempted} bootstrap refits did not converge{rest}; resamples of "
            "these points do not pin the coefficients down: fix or tie coefficients, or add points.")


def _result(fit: FitResult, rows: list[dict], *, n_boot: int, n_attempted: int, n_failed: int, seed: int,
            level: float, started: float, no_band: str = "") -> BootstrapResult:
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
        n_attempted=n_attempted,
        n_failed=n_failed,
        seed=seed,
        seconds=time.perf_counter() - started,
        x=fit.options.x,
        no_band=no_band,
    )
