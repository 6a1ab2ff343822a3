"""A fit as the Fit page describes it: which runs, which law, which options. Text-encodable,
so a URL carries it and another page (Compare extrapolations, Compute-optimal) can redo it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from lib.fit import BootstrapResult, Extrapolation, FitInputError, FitResult, bootstrap, extrapolation, fit_law
from lib.fit.diagnostics import ONE_LINE_SPAN
from lib.ingest.quantities import parse_quantity
from lib.laws import LAWS, get_law
from lib.predict import ScalingModel, along, compute_at_ratio_path, data_extent, from_fit, one_ratio_verdict
from lib.predict.model import ROLE_NEEDS

# Loss laws the store's runs can be fitted with. A law of an input only some runs record (the unique
# tokens U of the data-constrained law, apart from the tokens seen; the experts E of the routing law)
# is offered only for points that carry it (loss_forms); LOSS_FORMS are the laws any family can be
# fitted with.
RECORDED_INPUTS = {"U": "unique tokens U", "E": "number of experts E"}  # role -> what a run records
FITTABLE_LOSS_FORMS = tuple(name for name, form in LAWS.items() if form.output == "loss" and "L" not in form.inputs)
UNIQUE_TOKEN_FORMS = tuple(name for name in FITTABLE_LOSS_FORMS if "U" in LAWS[name].inputs)
LOSS_FORMS = tuple(name for name in FITTABLE_LOSS_FORMS if not set(RECORDED_INPUTS) & set(LAWS[name].inputs))
LOSSES = ("huber", "mse")
SPACES = ("log", "linear")  # where residuals are taken (lib.fit.problem.Objective)
PARAMS_COLUMNS = ("N", "N_total", "N_non_embedding")
FLOPS_COLUMNS = ("C", "C_6ND")
# The most the Fit page's widgets allow; a link may ask no more (a bootstrap of 5,000 refits ran
# for most of a minute, and a link's fit keeps running after its tab closes).
MAX_BOOT = 1000
MAX_EXCLUDE_TOP = 1000
# The most families a view plots or a fit pools (the pickers' limit too): a link could list every
# family in the store, and a fit pooling them all would run on hundreds of thousands of points.
MAX_FAMILIES = 12
DELTA_RANGE = (1e-4, 1e-1)
# Family and metric ids of the store and of uploads; a link's other text (a URL, markup) would reach
# fit labels, which legends and captions show.
_ID = re.compile(r"[a-z0-9_-]{1,100}")
BOOT_SEED = 0
DEFAULT_METRIC = "train_loss"
# Runs whose tokens per parameter all lie within ONE_LINE_SPAN were trained at one ratio (e.g.
# Gadre et al.'s M = 20 families): a law of N and D fitted to them is drawn along that ratio, by
# the same factor the fit's identifiability verdict uses.


@dataclass(frozen=True)
class FitSpec:
    families: tuple[str, ...]
    law: str = "chinchilla"
    metric: str = DEFAULT_METRIC
    x: str = "C"  # X of a one-variable law
    params_column: str = "N"  # N, N_total or N_non_embedding
    flops_column: str = "C"  # C or C_6ND
    loss: str = "huber"
    delta: float = 1e-3
    space: str = "log"  # the Fit page fits log-loss residuals; lib.atlas may ask for linear ones
    exclude_top: int = 0
    n_boot: int = 0
    cutoff: float | None = None  # held-out check: fit below this compute, test at or above
    final_only: bool = False  # only each run's last checkpoint
    # Only the points (checkpoints) with D in [min_D, max_D]: the tokens range a paper fitted on
    # (e.g. Gemstones' checkpoints from 120B tokens on).
    min_D: float = 0.0
    max_D: float = math.inf
    fixed: tuple[tuple[str, float], ...] = field(default=())
    tied: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self):
        if self.law not in FITTABLE_LOSS_FORMS:
            raise FitInputError(f"unknown loss law '{self.law}'; known: {', '.join(FITTABLE_LOSS_FORMS)}")
        if self.loss not in LOSSES:
            raise FitInputError(f"unknown fitting loss '{self.loss}'; use huber or mse")
        if self.space not in SPACES:
            raise FitInputError(f"unknown residual space '{self.space}'; use log or linear")
        if not self.families:
            raise FitInputError("choose at least one family to fit")
        if len(self.families) > MAX_FAMILIES:
            raise FitInputError(f"a fit pools at most {MAX_FAMILIES} families, not {len(self.families):,}")
        if self.params_column not in PARAMS_COLUMNS or self.flops_column not in FLOPS_COLUMNS:
            raise FitInputError(f"unknown convention: parameters {self.params_column}, FLOPs {self.flops_column}; "
                                f"use one of {', '.join(PARAMS_COLUMNS)} and one of {', '.join(FLOPS_COLUMNS)}")
        if self.single_variable and self.x not in self.form.x_vars:
            raise FitInputError(f"unknown x '{self.x}' for {self.law}; use one of {', '.join(self.form.x_vars)}")
        if not 0 <= self.min_D < self.max_D:
            raise FitInputError(f"the tokens range kept, D from {self.min_D:g} to {self.max_D:g}, is empty")

    @property
    def form(self):
        return get_law(self.law)

    @property
    def single_variable(self) -> bool:
        return "x" in self.form.inputs

    @property
    def label(self) -> str:
        x = f" in {self.x}" if self.single_variable else ""
        metric = "" if self.metric == DEFAULT_METRIC else f" ({self.metric})"
        space = "" if self.space == "log" else f", {self.space} residuals"
        return f"{self.law}{x} fit to {'+'.join(self.families)}{metric}{self.tokens_range}{space}"

    @property
    def tokens_range(self) -> str:
        """' at D >= 1.2e+11' and the like: the points kept by tokens, or ''."""
        if self.max_D < math.inf:
            return f" at D {self.min_D:.3g} to {self.max_D:.3g}" if self.min_D > 0 else f" at D <= {self.max_D:.3g}"
        return f" at D >= {self.min_D:.3g}" if self.min_D > 0 else ""

    def to_token(self) -> str:
        """Compact text for URLs: key=value pairs joined by ';' (values never hold ';')."""
        parts = {
            "f": "+".join(self.families), "law": self.law, "m": self.metric, "x": self.x,
            "n": self.params_column, "c": self.flops_column, "loss": self.loss, "d": f"{self.delta:g}",
            "sp": "" if self.space == "log" else self.space,
            "top": str(self.exclude_top), "boot": str(self.n_boot),
            "cut": "" if self.cutoff is None else f"{self.cutoff:g}", "final": str(int(self.final_only)),
            "dmin": f"{self.min_D:g}" if self.min_D > 0 else "", "dmax": f"{self.max_D:g}" if self.max_D < math.inf else "",
            "fix": pairs_text(self.fixed), "tie": pairs_text(self.tied),
        }
        return ";".join(f"{k}={v}" for k, v in parts.items() if v not in ("", "0") or k in ("top",))

    @classmethod
    def from_token(cls, token: str) -> FitSpec:
        try:
            parts = dict(item.split("=", 1) for item in token.split(";") if item)
            return cls(
                families=tuple(_identifier(f) for f in parts["f"].split("+") if f),
                law=parts.get("law", "chinchilla"),
                metric=_identifier(parts.get("m", DEFAULT_METRIC)),
                x=parts.get("x", "C"),
                params_column=parts.get("n", "N"),
                flops_column=parts.get("c", "C"),
                loss=parts.get("loss", "huber"),
                delta=_within(float(parts.get("d", 1e-3)), *DELTA_RANGE, "Huber delta d"),
                space=parts.get("sp", "log"),
                exclude_top=_within(int(parts.get("top", 0)), 0, MAX_EXCLUDE_TOP, "highest-loss runs left out (top)"),
                n_boot=_within(int(parts.get("boot", 0)), 0, MAX_BOOT, "bootstrap refits (boot)"),
                cutoff=_within(float(parts["cut"]), 0, math.inf, "held-out cutoff") if parts.get("cut") else None,
                final_only=parts.get("final", "0") == "1",
                min_D=_within(float(parts.get("dmin", 0)), 0, math.inf, "smallest D kept (dmin)"),
                max_D=_within(float(parts["dmax"]), 0, math.inf, "largest D kept (dmax)") if parts.get("dmax") else math.inf,
                fixed=tuple((k, _within(float(v), -math.inf, math.inf, k)) for k, v in text_pairs(parts.get("fix", ""))),
                tied=text_pairs(parts.get("tie", "")),
            )
        except (KeyError, ValueError) as error:
            raise FitInputError(f"this link's fit description is damaged ({token[:60]}): {error}") from None

    def with_options(self, **changes) -> FitSpec:
        return replace(self, **changes)


def tokens_range(smallest: str, largest: str) -> tuple[float, float]:
    """The D range typed on the Fit page ("120B", "1.2e11"; empty for no bound) as (min_D, max_D);
    ValueError naming the box otherwise."""
    bounds = []
    for text, what, unbounded in ((smallest, "smallest D kept", 0.0), (largest, "largest D kept", math.inf)):
        try:
            value = parse_quantity(text) if text.strip() else unbounded
        except ValueError as problem:
            raise ValueError(f"{what}: {problem}") from None
        if value < 0:
            raise ValueError(f"{what} must be a positive token count")
        bounds.append(value)
    return bounds[0], bounds[1]


@lru_cache(maxsize=1024)
def parse_fit_token(token: str) -> FitSpec:
    """FitSpec.from_token, parsed once per token: a page asks for the same fit's spec many times
    in a run (its label, its runs, its bootstrap size, its band), and the spec never changes."""
    return FitSpec.from_token(token)


def pairs_text(pairs) -> str:
    """name:value pairs as a link writes them, in a fit token and in the Fit page's own `fix` key."""
    return "+".join(f"{name}:{value!r}" if isinstance(value, float) else f"{name}:{value}" for name, value in pairs)


def text_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """The pairs of pairs_text; ',' or spaces also separate them (a '+' typed in an address reads as
    a space). A piece that is no name:value pair raises ValueError."""
    pieces = [piece for piece in re.split(r"[+,\s]+", text) if piece]
    if any(":" not in piece for piece in pieces):
        raise ValueError(f"'{text[:40]}' is not name:value pairs")
    return tuple(tuple(piece.split(":", 1)) for piece in pieces)


def _identifier(text: str) -> str:
    if not _ID.fullmatch(text):
        raise ValueError("a family or metric id is lowercase letters, digits, '_' and '-'")
    return text


def _within(value, low, high, what: str):
    """A number from a link, refused (ValueError naming it) outside [low, high] or not finite, as
    the Fit page's widgets refuse it."""
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"{what} = {value:g} is outside {low:g} to {high:g}")
    return value


def records(points: pd.DataFrame, role: str) -> bool:
    """Whether any of these points records `role` (the store's column of that name: U, E)."""
    return role in points and bool((points[role] > 0).any())


def recorded_inputs_needed(law: str) -> list[str]:
    """What a run must record for `law` beyond N, D and C ("unique tokens U"); [] for a law any
    family can be fitted with, or a name that is no fittable law."""
    inputs = LAWS[law].inputs if law in FITTABLE_LOSS_FORMS else ()
    return [named for role, named in RECORDED_INPUTS.items() if role in inputs]


def loss_forms(points: pd.DataFrame) -> tuple[str, ...]:
    """The loss laws these points can be fitted with: a law of U or E only when some carry it."""
    return tuple(
        name for name in FITTABLE_LOSS_FORMS
        if all(records(points, role) for role in set(RECORDED_INPUTS) & set(LAWS[name].inputs))
    )


def final_checkpoints(points: pd.DataFrame) -> pd.DataFrame:
    """Each run's last checkpoint (rows without a step are final by definition)."""
    if "step" not in points or points["step"].isna().all():
        return points
    last = points.groupby(["family_id", "run_id"])["step"].transform("max")
    return points[points["step"].isna() | (points["step"] == last)]


def default_loss_metric(metrics: pd.DataFrame) -> str | None:
    """The loss to fit for a family, given its metrics (lib.store metrics_of, most points first):
    its training loss when it reports one, else the loss it reports most, else None."""
    losses = metrics.loc[metrics["kind"] == "loss", "metric"].tolist()
    return DEFAULT_METRIC if DEFAULT_METRIC in losses else next(iter(losses), None)


def fit_table(points: pd.DataFrame, spec: FitSpec) -> tuple[pd.DataFrame, int]:
    """The rows to fit, with inputs named by role (N, D, C) under the spec's conventions, and
    how many rows were left out for lacking a positive input or output."""
    rows = final_checkpoints(points) if spec.final_only else points
    if spec.min_D > 0 or spec.max_D < math.inf:
        rows = rows[rows["D"].between(spec.min_D, spec.max_D)]
    table = pd.DataFrame(
        {
            "family_id": rows["family_id"].to_numpy(),
            "family_name": rows["family_name"].to_numpy(),
            "run_id": rows["run_id"].to_numpy(),
            "N": rows[spec.params_column].to_numpy(dtype=float),
            "D": rows["D"].to_numpy(dtype=float),
            "C": rows[spec.flops_column].to_numpy(dtype=float),
            # Unique tokens, for the data-constrained law; a session's own runs may not have the column.
            "U": rows["U"].to_numpy(dtype=float) if "U" in rows else np.nan,
            "E": rows["E"].to_numpy(dtype=float) if "E" in rows else np.nan,  # experts, for the routing law
            # How compute is counted, so the fit chart flags compute on another basis (lib.figures);
            # only when C is the reported compute, not 6ND.
            "flops_method": rows["flops_method"].to_numpy() if "flops_method" in rows else None,
            "C_reported": (rows["C_reported"].to_numpy(dtype=float)
                           if spec.flops_column == "C" and "C_reported" in rows else np.nan),
            "value": rows["value"].to_numpy(dtype=float),
            "source_file": rows["source_file"].to_numpy(),
            "source_locator": rows["source_locator"].to_numpy(),
            "extraction": rows["extraction"].to_numpy(),
        }
    )
    needed = sorted(_variables(spec)) + ["value"]
    usable = (table[needed] > 0).all(axis=1) & np.isfinite(table[needed]).all(axis=1)
    return table[usable].reset_index(drop=True), int((~usable).sum())


def _variables(spec: FitSpec) -> set[str]:
    roles = [spec.x if role == "x" else role for role in spec.form.inputs]
    # A fit reads U from the points; ROLE_NEEDS maps U to D only for drawing a law without repetition.
    return set().union(*({role} if role == "U" else ROLE_NEEDS.get(role, {role}) for role in roles))


@dataclass(frozen=True, eq=False)
class SpecResult:
    spec: FitSpec
    table: pd.DataFrame  # the rows offered to the fit (see fit_table)
    dropped: int
    fit: FitResult
    boot: BootstrapResult | None
    held_out: Extrapolation | None


def fit_options(spec: FitSpec) -> dict:
    return {
        "x": spec.x if spec.single_variable else None,
        "loss": spec.loss,
        "delta": spec.delta,
        "space": spec.space,
        "fixed": dict(spec.fixed),
        "tied": dict(spec.tied),
        "exclude_top": spec.exclude_top,
    }


# The options method_sensitivity varies itself (the loss, its delta, the residual space and the exclusions).
METHOD_OPTIONS = ("loss", "delta", "space", "exclude_top")


def sensitivity_options(spec: FitSpec) -> dict:
    """The fit's options other than the method, which the sensitivity analysis varies."""
    return {k: v for k, v in fit_options(spec).items() if k not in METHOD_OPTIONS}


def run_fit(points: pd.DataFrame, spec: FitSpec) -> SpecResult:
    """Fit, then bootstrap and the held-out check when the spec asks for them."""
    if points.empty:
        raise FitInputError(f"{' + '.join(spec.families)} report no '{spec.metric}'; choose a metric they report")
    table, dropped = fit_table(points, spec)
    if table.empty:
        raise FitInputError(
            f"none of the {len(points):,} points has positive {', '.join(sorted(_variables(spec)))} and value; "
            "try another parameter or FLOPs convention"
        )
    fit = fit_law(spec.law, table, "value", **fit_options(spec))
    held_out = None
    if spec.cutoff is not None:
        held_out = extrapolation(spec.law, table, "value", by="C", cutoff=spec.cutoff, **fit_options(spec))
    point = SpecResult(spec=spec, table=table, dropped=dropped, fit=fit, boot=None, held_out=held_out)
    return with_bootstrap(point, spec)


def with_bootstrap(point: SpecResult, spec: FitSpec, progress=None) -> SpecResult:
    """`point`, the fit of `spec` without bootstrap, with the bootstrap `spec` asks for (`progress`
    as lib.fit.bootstrap takes it): a page can draw the point fit while the refits run."""
    if not spec.n_boot:
        return replace(point, spec=spec)
    boot = bootstrap(point.fit, point.table, "value", n_boot=spec.n_boot, seed=BOOT_SEED, progress=progress)
    return replace(point, spec=spec, boot=boot)


def chart_variable(spec: FitSpec) -> str:
    """The x axis a fit is drawn against: its own variable, compute for laws of N and D, and N for
    a law of N and experts E (it has no compute)."""
    if spec.single_variable:
        return spec.x
    return "N" if "E" in spec.form.inputs else "C"


def as_model(result: SpecResult) -> ScalingModel:
    return from_fit(
        result.fit,
        key=f"fit:{result.spec.to_token()}",
        label=result.spec.label,
        family_id=result.spec.families[0] if len(result.spec.families) == 1 else None,
        extent=data_extent(result.table),
        boot=result.boot,
        one_ratio=shared_ratio(result),
    )


def shared_ratio(result: SpecResult) -> float | None:
    """For a law of N and D, the tokens per parameter its runs were all trained at (their
    geometric mean) when they lie within ONE_LINE_SPAN of each other; else None."""
    if result.spec.single_variable or result.table.empty:
        return None
    log_ratios = np.log((result.table["D"] / result.table["N"]).to_numpy(dtype=float))
    if log_ratios.max() - log_ratios.min() > np.log(ONE_LINE_SPAN):
        return None
    return float(np.exp(log_ratios.mean()))


def fit_curve(result: SpecResult, decades_beyond: float = 1.0, points: int = 120) -> pd.DataFrame:
    """The fitted law from the smallest fitted x to `decades_beyond` decades past the largest;
    a law of N and D against C, along its runs' one D/N ratio or else its compute-optimal frontier."""
    x = chart_variable(result.spec)
    values = result.table[x].to_numpy()
    grid = np.geomspace(values.min(), values.max() * 10**decades_beyond, points)
    if "E" in result.spec.form.inputs:
        return _curve_at_fewest_experts(result, grid)
    ratio = shared_ratio(result)
    if ratio is None:
        return along(as_model(result), x, grid)
    return compute_at_ratio_path(as_model(result), grid, ratio)[["C", "loss", "low", "high"]]


def _fewest_experts(result: SpecResult) -> float:
    return float(result.table["E"].min())


def _curve_at_fewest_experts(result: SpecResult, sizes: np.ndarray) -> pd.DataFrame:
    """A law of N and experts E against N, at the fewest experts among its runs (E = 1: dense);
    drawn without a bootstrap band."""
    experts = np.full_like(sizes, _fewest_experts(result))
    loss = result.spec.form.predict(result.fit.params, {"N": sizes, "E": experts})
    return pd.DataFrame({"N": sizes, "loss": loss, "low": np.nan, "high": np.nan})


def curve_description(result: SpecResult) -> tuple[str, str]:
    """The fitted curve's legend label, and a sentence on the path it is drawn along ("" for a
    law of one variable)."""
    if result.spec.single_variable:
        return "fit", ""
    if "E" in result.spec.form.inputs:
        experts = _fewest_experts(result)
        return f"fit at E = {experts:g}", (
            f"A law of N and experts E is drawn against N at E = {experts:g}, the fewest experts among these runs"
            f"{' (dense models)' if experts == 1 else ''}; runs with more experts lie below it, and the residuals "
            "show the fit at every run. It has no compute, so Compare and Compute-optimal cannot draw it.")
    ratio = shared_ratio(result)
    unrepeated = (" It is drawn without repetition (unique tokens U = tokens D), so runs on repeated data lie "
                  "above it.") if "U" in result.spec.form.inputs else ""
    if ratio is None:
        return "fit (compute-optimal frontier)", (
            "A law of N and D is drawn along its compute-optimal frontier: the lowest loss it predicts for each "
            "budget." + unrepeated)
    return f"fit at D/N = {ratio:.3g}", one_ratio_verdict(ratio) + unrepeated


def coefficient_table(result: SpecResult, published: list) -> pd.DataFrame:
    """Fitted coefficients with their bootstrap interval beside each published law of the same
    form for these runs, and the relative difference."""
    rows = []
    for name, value in result.fit.params.items():
        row = {"coefficient": name, "fitted": value}
        if result.boot is not None and not result.boot.no_band:
            row["low"], row["high"] = result.boot.intervals[name]
        for law in published:
            if name in law.params:
                row[law.law_id] = law.params[name]
                row[f"Δ vs {law.law_id}"] = value / law.params[name] - 1 if law.params[name] else np.nan
        rows.append(row)
    return pd.DataFrame(rows)


def values_latex(spec: FitSpec, params: dict[str, float]) -> str:
    """The fitted coefficients as one LaTeX line, in the form's own symbols."""
    symbols = {p.name: p.symbol or p.name for p in spec.form.params}
    terms = [rf"\hat{{{symbols[name]}}} = {value:.4g}" for name, value in params.items()]
    rows = [r",\quad ".join(terms[i : i + 3]) for i in range(0, len(terms), 3)]
    return r"\begin{gathered}" + r" \\ ".join(rows) + r"\end{gathered}"


def status_summary(result: SpecResult) -> str:
    status, fit = result.fit.status, result.fit
    share = f"{status.share_at_best:.0%} of {status.n_refined} refined starts reached the best"
    state = "Converged" if status.converged else "Did not converge (best point found shown)"
    return f"{state} · {share} · {fit.n_points:,} points · {status.n_screened:,} starts screened · {fit.seconds:.2f} s"
