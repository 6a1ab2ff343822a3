"""Reproduction verdicts: refit each published law's form on its own runs with the paper's method
and judge the printed coefficients by the rule of lib.verdicts.rule."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from lib.fit import FitInputError, bootstrap, fit_law, isoflop_minima
from lib.laws.published import PublishedLaw
from lib.verdicts.law_runs import (
    ALLOCATION_COLUMNS,
    law_families,
    law_inputs,
    law_metric,
    named_metric,
    params_column,
)
from lib.verdicts.refit_method import RefitMethod, candidate_methods
from lib.verdicts.rule import (
    BOOTSTRAP_REFITS,
    LEVEL,
    PAST_THE_DATA,
    RANK,
    complete_verdict,
    partial_verdict,
)

# How each input moves when the compute of the largest run is multiplied by PAST_THE_DATA: sizes
# and data grow by its square root (C = 6ND), ratios and counts of experts stay.
_PAST_SCALE = {"C": PAST_THE_DATA, "x": PAST_THE_DATA, "N": PAST_THE_DATA**0.5, "D": PAST_THE_DATA**0.5,
               "U": PAST_THE_DATA**0.5}


@dataclass(frozen=True)
class CoefficientCheck:
    param: str
    published: float
    refit: float
    low: float
    high: float
    fixed: bool = False  # held at the printed value by the paper's method, so not judged

    @property
    def inside(self) -> bool:
        return bool(self.low <= self.published <= self.high)

    @property
    def relative_difference(self) -> float:
        return float(self.published / self.refit - 1) if self.refit else float("inf")


@dataclass(frozen=True)
class LawVerdict:
    law_id: str
    paper_id: str
    form: str
    completeness: str
    verdict: str
    reason: str
    families: tuple[str, ...] = ()
    metric: str = ""
    n_points: int = 0
    method: str = ""
    coefficients: tuple[CoefficientCheck, ...] = ()
    prediction_gap: float | None = None  # median |printed / refit - 1| over the runs
    gap_past_data: float | None = None  # |printed / refit - 1| at PAST_THE_DATA x the largest run
    variants: tuple[tuple[str, str], ...] = field(default=())  # (method, verdict) when several were tried

    def to_dict(self) -> dict:
        record = asdict(self)
        record["coefficients"] = [
            {**asdict(check), "inside": check.inside} for check in self.coefficients
        ]
        record["variants"] = [{"method": m, "verdict": v} for m, v in self.variants]
        return record


@dataclass(frozen=True)
class RefitSample:
    """The points a law is refitted on, in the law's own units."""

    frame: pd.DataFrame  # one column per input (the x_var for one-variable forms)
    y: np.ndarray
    x: str | None
    note: str = ""  # how the points were derived from the runs, when they were

    def past_the_data(self) -> pd.DataFrame:
        column = "C" if "C" in self.frame else self.frame.columns[0]
        row = self.frame.loc[[self.frame[column].idxmax()]]
        return row.assign(**{c: row[c] * _PAST_SCALE.get("x" if c == self.x else c, 1.0) for c in row.columns})


def _not_checked(law: PublishedLaw, verdict: str, reason: str, **extra) -> LawVerdict:
    return LawVerdict(law.law_id, law.paper_id, law.form.name, law.completeness, verdict, reason, **extra)


def _loss_sample(law: PublishedLaw, runs: pd.DataFrame) -> RefitSample:
    inputs = law_inputs(law, runs)
    columns = {(law.x_var if role == "x" else role): values for role, values in inputs.items()}
    x = law.x_var if "x" in law.form.inputs else None
    return RefitSample(pd.DataFrame(columns), runs["value"].to_numpy(float), x)


def _allocation_sample(law: PublishedLaw, runs: pd.DataFrame) -> RefitSample:
    params = params_column(law, runs)
    minima = isoflop_minima(runs[[params, "C", "value"]].rename(columns={params: "N"}))
    minima = minima[minima["usable"]]
    values = {"N_opt": minima["N_opt"], "D_opt": minima["D_opt"], "tokens_per_param": minima["D_opt"] / minima["N_opt"]}
    frame = pd.DataFrame({"C": minima["budget"].to_numpy(float) / law.input_scales.get("C", 1.0)})
    note = (f"{len(minima)} IsoFLOP minima, each the vertex of a parabola in log N through one budget's runs "
            "(Approach 2)")
    return RefitSample(frame, values[law.output].to_numpy(float), None, note)


def refit_sample(law: PublishedLaw, runs: pd.DataFrame) -> RefitSample:
    return _allocation_sample(law, runs) if law.output in ALLOCATION_COLUMNS else _loss_sample(law, runs)


def _describe_outside(checks: list[CoefficientCheck]) -> str:
    return ", ".join(
        f"{c.param} printed {c.published:.4g} vs refit {c.refit:.4g} ({c.relative_difference:+.0%}; interval "
        f"{c.low:.4g} to {c.high:.4g})"
        for c in checks
    )


def _reason(verdict: str, checks: list[CoefficientCheck], gap: float | None, past: float | None, n: int) -> str:
    judged = [c for c in checks if not c.fixed]
    outside = [c for c in judged if not c.inside]
    level = f"{LEVEL:.0%}"
    parts = []
    if outside:
        parts.append(f"outside the refit's {level} interval: {_describe_outside(outside)}")
    else:
        parts.append(f"all {len(judged)} printed coefficients inside the refit's {level} intervals")
    if gap is not None:
        parts.append(f"the printed law and the refit differ by a median {gap:.1%} over the {n} points "
                     f"and by {past:.1%} at {PAST_THE_DATA:g}x the largest run's compute")
    return f"{verdict}: " + "; ".join(parts)


def judge(law: PublishedLaw, sample: RefitSample, method: RefitMethod, n_boot: int = BOOTSTRAP_REFITS) -> LawVerdict:
    """Refit the law's form on the sample with one method and judge the printed coefficients."""
    extra = dict(n_points=len(sample.y), method=method.label + (f"; {sample.note}" if sample.note else ""))
    try:
        fit = fit_law(law.form, sample.frame, sample.y, x=sample.x, **method.fit_kwargs(law.params))
    except FitInputError as error:
        return _not_checked(law, "cannot check", f"the refit was refused: {error}", **extra)
    if fit.status.unidentifiable:
        return _not_checked(law, "cannot check", f"the runs cannot pin the form down: {fit.status.unidentifiable}", **extra)
    if not fit.status.converged:
        return _not_checked(law, "cannot check", "the refit did not converge", **extra)
    band = bootstrap(fit, sample.frame, sample.y, n_boot=n_boot, seed=0, level=LEVEL)
    if band.no_band:
        return _not_checked(law, "cannot check", band.no_band, **extra)
    checks = [
        CoefficientCheck(p, value, fit.params[p], *band.intervals[p], fixed=p in method.fixed)
        for p, value in law.params.items()
    ]
    judged = [c for c in checks if not c.fixed]
    inside = all(c.inside for c in judged)
    gap = past = None
    if law.completeness == "complete":
        with np.errstate(all="ignore"):
            gap = float(np.median(np.abs(_printed(law, sample.frame, sample.x) / fit.predict(sample.frame) - 1)))
            ahead = sample.past_the_data()
            past = float(np.abs(_printed(law, ahead, sample.x) / fit.predict(ahead) - 1)[0])
        verdict = complete_verdict(inside, gap)
    else:
        verdict = partial_verdict(inside, max((abs(c.relative_difference) for c in judged), default=0.0))
    return _not_checked(law, verdict, _reason(verdict, checks, gap, past, len(sample.y)),
                        coefficients=tuple(checks), prediction_gap=gap, gap_past_data=past, **extra)


def _printed(law: PublishedLaw, frame: pd.DataFrame, x: str | None) -> np.ndarray:
    inputs = {role: frame[x if role == "x" else role].to_numpy(float) for role in law.form.inputs}
    return np.asarray(law.form.predict(law.params, inputs), dtype=float)


def _metric_problem(law: PublishedLaw, metric: str | None) -> str:
    if law.output not in ("loss", *ALLOCATION_COLUMNS) and not named_metric(law):
        return f"the law predicts {law.output}, which its families do not record"
    if metric is None:
        return "its families hold several losses (or none) and the one the law was fitted on is not named"
    return ""


def _judge_on(law: PublishedLaw, runs: pd.DataFrame, method: RefitMethod) -> LawVerdict:
    sample = refit_sample(law, runs)
    if len(sample.y) < len(law.form.params) + 2:
        return _not_checked(law, "cannot check", f"only {len(sample.y)} points to refit "
                            f"{len(law.form.params)} coefficients on", n_points=len(sample.y), method=method.label)
    return judge(law, sample, method)


def law_verdict(law: PublishedLaw, store, family_ids: set[str]) -> LawVerdict:
    """The verdict on one published law, against the runs of the store it was fitted on."""
    families = law_families(law, family_ids)
    if not families:
        return _not_checked(law, "no data", "the runs it was fitted on are not in the store")
    if law.unknown_units:
        return _not_checked(law, "cannot check", f"its units are not known: {', '.join(law.unknown_units)}",
                            families=tuple(families))
    metric = law_metric(law, store.metrics_of(families))
    problem = _metric_problem(law, metric)
    if problem:
        return _not_checked(law, "cannot check", problem, families=tuple(families))
    context = dict(families=tuple(families), metric=metric)
    methods = candidate_methods(law.fit_options)
    if methods[0].subset:
        return _not_checked(law, "cannot check", f"it was fitted on a subset of its family's runs that the store "
                            f"cannot select: {methods[0].subset}", **context)
    if methods[0].params:
        return _not_checked(law, "cannot check", f"it counts parameters in a way the store's runs do not record: "
                            f"{methods[0].params}", **context)
    runs = store.points(families, metric)
    outcomes = [_judge_on(law, method.select(runs), method) for method in methods]
    best = min(outcomes, key=lambda outcome: RANK[outcome.verdict])
    variants = tuple((o.method, o.verdict) for o in outcomes) if len(outcomes) > 1 else ()
    reason = best.reason
    if variants:
        matching = sum(o.verdict == best.verdict for o in outcomes)
        reason = (f"the paper's method is not recorded, so {len(outcomes)} methods were tried; "
                  f"{matching} give this verdict (best: {best.method}). " + reason)
    return LawVerdict(**{**asdict(best), "coefficients": best.coefficients, "reason": reason,
                         "variants": variants, **context})
