"""Scaling Atlas from Python: the curated store and the fitting engine the pages use, for notebooks.

    from lib import atlas
    store = atlas.open()                       # builds the store from data/ on first use
    store.families(domain="language")          # DataFrame: one row per family of runs
    store.laws(family="chinchilla_epoch")      # DataFrame: the published laws
    store.points("chinchilla_epoch")           # DataFrame: the runs, N / D / C in absolute units
    refit = store.fit("chinchilla", "chinchilla_epoch", exclude_top=5, n_boot=100)
    refit.fit.params, refit.boot.intervals     # FitResult and BootstrapResult
    store.predict(refit, N=70e9, D=1.4e12)     # a fit or a published law (by id) at N, D or C
    store.compare([refit, "hoffmann2022_approach3"], C=1e25)   # several laws at one target

Every answer comes from the same code as the pages (lib.store, lib.fitspec, lib.laws.published,
lib.predict), so a number here is the number the dashboard shows. Units are absolute throughout:
N in parameters, D in tokens (or the family's data unit), C in FLOPs; a published law printed in
PF-days or in billions of parameters is converted before it is evaluated. Bad input raises
ValueError (AtlasError for names, lib.fit.FitInputError for fits) with a message saying what to do.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from lib.conventions import compute_6nd
from lib.fitspec import FitSpec, SpecResult, as_model, run_fit
from lib.laws.published import PublishedLaw, published_laws
from lib.predict import ScalingModel, Target, from_published, predictions_at
from lib.store import Store

# Columns a notebook user reads first, in this order; every other column of the store's points
# follows (N_total, N_non_embedding, C_reported, C_6ND, U, E, learning_rate, ...).
LEADING_COLUMNS = (
    "family_id", "run_id", "step", "metric", "value", "metric_unit",
    "N", "param_convention", "D", "data_unit", "C", "C_basis", "flops_convention",
    "paper_id", "source_id", "source_file", "source_locator", "extraction",
)
# A fit, a published law's id, a PublishedLaw, or a ScalingModel made elsewhere.
LawLike = SpecResult | str | PublishedLaw | ScalingModel


class AtlasError(ValueError):
    """A name the store does not hold, or a question it cannot answer; the message says why."""


def open(path: str | Path | None = None) -> Atlas:
    """The curated store at `path` (a DuckDB file; default: the dashboard's own, `.atlas/store.duckdb`
    or $SCALING_ATLAS_DB), built from data/ first if it is missing, stale or damaged."""
    return Atlas(Store(Path(path) if path is not None else None))


def _names(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _unknown(kind: str, name: str, known: Sequence[str]) -> AtlasError:
    close = difflib.get_close_matches(name, known, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; list them with {kind}s()"
    return AtlasError(f"no {kind} '{name}' in the store{hint}")


class Atlas:
    """The curated store with the fitting and prediction engine. Make one with atlas.open()."""

    def __init__(self, store: Store):
        self.store = store
        self._published: dict[str, PublishedLaw] | None = None

    def close(self) -> None:
        self.store.close()

    # --- what the store holds -------------------------------------------------------------------

    def families(self, domain: str | None = None, paper: str | None = None) -> pd.DataFrame:
        """One row per family of runs: family_id, name, domain, paper_id, paper_title, year,
        architecture, training_data, param_convention (does N count embeddings), flops_convention
        (how the paper counted compute), data_unit (what D counts), description, and how many
        points, runs and metrics it holds. Filter by `domain` ("language", "vision", ...) or `paper`
        (a paper_id)."""
        return self.store.families(domain, paper)

    def laws(self, family: str | None = None, paper: str | None = None) -> pd.DataFrame:
        """One row per published law: law_id, paper_id, family_id (the runs it was fitted on, when
        the store holds them), form (its registry name, see lib.laws.LAWS), x_var, output,
        completeness, fitted_on, fit_method, conventions and notes; `predictable` says whether
        predict() can evaluate it (every coefficient published, every unit known)."""
        table = self.store.published_laws(family, paper)
        predictable = {law_id: self.law(law_id).drawable for law_id in table["law_id"]}
        return table.assign(predictable=table["law_id"].map(predictable))

    def law(self, law_id: str) -> PublishedLaw:
        """A published law: .params holds its coefficients as the paper printed them, .input_scales
        the factor from absolute units to the paper's own (e.g. {"C": 8.64e19} for PF-days), .form
        the registry form (.form.latex, .form.predict)."""
        if self._published is None:
            table = self.store.published_laws()
            coefficients = self.store.coefficients(table["law_id"].tolist())
            self._published = {law.law_id: law for law in published_laws(table, coefficients)}
        if law_id not in self._published:
            raise _unknown("law", law_id, list(self._published))
        return self._published[law_id]

    # --- points ---------------------------------------------------------------------------------

    def points(self, families: str | Sequence[str], metric: str | None = None) -> pd.DataFrame:
        """The runs of one family or several, for one metric: one row per run and checkpoint.

        Without `metric`, the loss the families report; when they report several losses (or none),
        ValueError lists the metrics to choose from. Columns, in absolute units:
          value, metric, metric_unit   what was measured, in the metric's unit
          N                            parameters in the family's param_convention (with or without
                                       embeddings); N_total and N_non_embedding are both kept
          D                            training tokens (or the family's data_unit)
          C                            training FLOPs: reported where the paper reports them, else 6ND;
                                       C_basis says which ("reported" or "6ND"); C_reported and C_6ND
                                       are both kept; flops_convention says how the paper counted
          step, run_id                 the checkpoint (NaN: the final one) and the run
          paper_id, source_id, source_file, source_locator, extraction   where each value comes from
        """
        families = self._known_families(families)
        metric = metric or self._loss_metric(families)
        self._refuse_unreported(families, metric)
        points = self.store.points(families, metric)
        units = self.store.metrics_of(families).set_index("metric")["unit"]
        points = points.assign(
            metric_unit=points["metric"].map(units),
            C_basis=np.where(points["C_reported"].notna(), "reported", "6ND"),
        )
        rest = [c for c in points.columns if c not in LEADING_COLUMNS]
        return points[list(LEADING_COLUMNS) + rest]

    def _known_families(self, families: str | Sequence[str]) -> tuple[str, ...]:
        families = _names(families)
        if not families:
            raise AtlasError("name at least one family (see families())")
        known = self.store.families()["family_id"].tolist()
        for family in families:
            if family not in known:
                raise _unknown("family", family, known)
        return families

    def _loss_metric(self, families: tuple[str, ...]) -> str:
        metrics = self.store.metrics_of(families)
        losses = metrics.loc[metrics["kind"] == "loss", "metric"].tolist()
        if len(losses) == 1:
            return losses[0]
        which = "report several losses" if losses else "report no loss"
        choices = losses or metrics["metric"].tolist()
        raise AtlasError(f"{' + '.join(families)} {which}; choose one with metric=: {', '.join(choices)}")

    def _refuse_unreported(self, families: tuple[str, ...], metric: str) -> None:
        for family in families:
            reported = self.store.metrics_of((family,))["metric"].tolist()
            if metric not in reported:
                raise AtlasError(f"{family} reports no '{metric}'; its metrics: {', '.join(reported)}")

    # --- fitting and prediction -----------------------------------------------------------------

    def fit(
        self,
        law: str,
        families: str | Sequence[str],
        metric: str | None = None,
        *,
        loss: str = "huber",
        delta: float = 1e-3,
        space: str = "log",
        exclude_top: int = 0,
        fixed: dict[str, float] | None = None,
        tied: dict[str, str] | None = None,
        n_boot: int = 0,
        x: str = "C",
        params_column: str = "N",
        flops_column: str = "C",
        final_only: bool = False,
        cutoff: float | None = None,
    ) -> SpecResult:
        """Fit the registry law `law` (a name in lib.laws.LAWS: "chinchilla", "kaplan_single", ...)
        to the points of `families` (pooled when several) for `metric` (see points()).

        loss "huber" (with `delta`) or "mse", on residuals in `space` "log" (of the loss) or
        "linear"; exclude_top leaves out that many highest-loss points; fixed pins coefficients
        ({"E": 1.69}) and tied makes one equal another ({"beta": "alpha"}); n_boot bootstrap refits
        give intervals and bands; x is the variable of a one-variable law (N, D or C);
        params_column "N", "N_total" or "N_non_embedding" and flops_column "C" or "C_6ND" choose
        the conventions; final_only keeps each run's last checkpoint; cutoff (FLOPs) adds a
        held-out check: fit below it, test at or above.

        Returns the pages' SpecResult: .fit (lib.fit.FitResult: .params, .status, .n_points),
        .boot (lib.fit.BootstrapResult, None without n_boot: .intervals, .samples), .held_out,
        .table (the rows offered to the fit) and .spec. Pass it to predict() or compare().
        """
        families = self._known_families(families)
        spec = FitSpec(
            families=families, law=law, metric=metric or self._loss_metric(families), x=x,
            params_column=params_column, flops_column=flops_column, loss=loss, delta=delta, space=space,
            exclude_top=exclude_top, n_boot=n_boot, cutoff=cutoff, final_only=final_only,
            fixed=tuple((fixed or {}).items()), tied=tuple((tied or {}).items()),
        )
        return run_fit(self.points(families, spec.metric), spec)

    def model(self, law: LawLike) -> ScalingModel:
        """A fit, a published law (its law_id or PublishedLaw) as the ScalingModel every page
        evaluates, with the range of the runs behind it. A published law the store cannot evaluate
        (coefficients missing or in an unknown unit) raises AtlasError."""
        if isinstance(law, ScalingModel):
            return law
        if isinstance(law, SpecResult):
            return as_model(law)
        published = self.law(law) if isinstance(law, str) else law
        if not published.drawable:
            missing = f"units not known: {', '.join(published.unknown_units)}" if published.unknown_units else (
                f"its coefficients are {published.completeness}")
            raise AtlasError(f"{published.law_id} cannot be evaluated ({missing})")
        family = published.family_id
        extent = self.store.extents((family,)).get(family) if family else None
        return from_published(published, extent)

    def predict(self, law: LawLike, *, N=None, D=None, C=None) -> np.ndarray:
        """The law's output (loss, for a loss law) at absolute N (parameters), D (tokens) and C
        (FLOPs): scalars or arrays. Give what the law reads (N and D for Chinchilla's law, C for
        Kaplan's L(C)); C defaults to 6ND when N and D are given. For the best loss at a compute
        budget under a law of N and D, use compare(..., C=budget)."""
        model = self.model(law)
        if C is None and N is not None and D is not None:
            C = compute_6nd(N, D)
        given = {name for name, value in (("N", N), ("D", D), ("C", C)) if value is not None}
        if not model.variables <= given:
            raise AtlasError(f"{model.label} is a law of {', '.join(sorted(model.variables))}: give "
                             f"{' and '.join(sorted(model.variables - given))}")
        return model.predict(N=N, D=D, C=C)

    def compare(self, laws: Sequence[LawLike], *, C: float | None = None, N: float | None = None,
                D: float | None = None) -> pd.DataFrame:
        """Several fits and published laws at one target, as the Compare extrapolations page tables
        them: a compute budget C (each law at its compute-optimal split; a fit whose runs share one
        D/N along that ratio), or a model of N parameters trained on D tokens. One row per law:
        loss with its bootstrap band (low, high), the N, D, C there, vs_median, times_beyond_data
        (the target over the largest value of the law's runs) and a note; a law that cannot answer
        the target gets only its note."""
        return predictions_at([self.model(law) for law in laws], Target(C=C, N=N, D=D))
