"""Checking an uploaded table against its column mapping and turning it into points.

What is rejected, and at which level (the `scope` column of the report):
- a *row* is rejected when a value in a mapped role column (N, non-embedding N, D, C or step:
  every mapped one is required) is missing, not a number, or not positive (for step: negative);
  when none of its metric cells holds a value; or when an earlier kept row has the same run key
  (run name, step, N, non-embedding N, D and C all equal after parsing): the later row goes.
- a *cell* is rejected when one metric value is not a number (or, for a loss, not positive): the
  row keeps its other metrics and only that cell is dropped. An empty metric cell is no
  measurement, not an error, and is not reported.
Every rejection is listed with its line, column, raw text and reason. Nothing is changed
silently: values scaled by a unit suffix ("7B") or by a unit in the column name ("params (B)")
are counted in `notes`, as are the lines left out when reading and every convention applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.conventions import compute_6nd
from lib.ingest.columns import (
    COUNT_ROLES,
    ColumnMapping,
    format_multiplier,
    is_loss,
)
from lib.ingest.errors import (
    COLUMN_TWICE,
    MISSING_METRIC,
    MISSING_SCALE,
    NEEDS_TOTAL_PARAMS,
    PUBLISHED_METRIC_TWICE,
    SIX_ND_NEEDS_N_AND_D,
    UNKNOWN_COLUMN,
    MappingError,
)
from lib.ingest.quantities import parse_quantities
from lib.ingest.read import RawTable
from lib.schema import DOMAINS, PARAM_CONVENTIONS

# The curated store's points view, column for column, so pages can concatenate both.
POINT_COLUMNS = (
    "family_id",
    "run_id",
    "step",
    "metric",
    "value",
    "N_total",
    "N_non_embedding",
    "N",
    "D",
    "U",
    "E",
    "V",
    "learning_rate",
    "batch_size_tokens",
    "C_reported",
    "flops_method",
    "C_6ND",
    "C_6ND_non_embedding",
    "C",
    "D_over_N",
    "paper_id",
    "source_id",
    "source_file",
    "source_locator",
    "extraction",
    "family_name",
    "domain",
    "param_convention",
    "flops_convention",
    "data_unit",
)
NUMERIC_POINT_COLUMNS = frozenset(
    {"step", "value", "N_total", "N_non_embedding", "N", "D", "U", "E", "V", "learning_rate", "batch_size_tokens"}
    | {"C_reported"}
    | {"C_6ND", "C_6ND_non_embedding", "C", "D_over_N"}
)
# The accepted rows, wide: these columns, then one column per metric id.
RUN_COLUMNS = ("run_id", "source_locator", "step", "N_total", "N_non_embedding", "D", "C_reported")
REJECTION_COLUMNS = ("line", "scope", "column", "value", "reason")
FLOPS_METHOD_CHOICES = ("reported", "6ND")
UPLOAD_FAMILY = {
    "family_id": "my_runs",
    "family_name": "My runs",
    "paper_id": None,  # no paper: the uploader's own runs
    "source_id": "upload",
    "extraction": "user_upload",
    "data_unit": "tokens",
}
REPORTED_FLOPS = "FLOPs as reported in the uploaded file"
SIX_ND_FLOPS = "6 x N x D, computed by Scaling Atlas; N {n_kind}"
N_KINDS = {
    "with_embeddings": "includes embedding parameters",
    "non_embedding": "excludes embedding parameters",
    "unknown": "as uploaded (embedding parameters included or not: unknown)",
}

# Rejection reasons (the parse reasons of lib.ingest.quantities are used as they are).
MISSING_REQUIRED = "missing value in required column '{column}'"
NOT_POSITIVE = "zero or negative (a log-scale law needs positive values)"
NEGATIVE_STEP = "negative step"
UNIT_TWICE = "unit given twice: the column name already multiplies by {multiplier}; write a plain number"
AMBIGUOUS_COMMA = "not a number (a comma in a semicolon-separated file may be a decimal comma: write 1234 or 1.234)"
NO_METRIC = "no metric value (every metric cell of the row is empty or rejected)"
DUPLICATE = "duplicate of {locator} {line}"


@dataclass(frozen=True)
class Conventions:
    """How to read the uploaded counts.

    `param_convention`: what the N the user wants fitted counts. With "non_embedding" and only one
    parameter column, that column is taken as the non-embedding count. `flops_method`: "reported"
    uses the FLOPs column when there is one (C = 6ND when there is none); "6ND" always computes
    C = 6ND and keeps a FLOPs column as C_reported.
    """

    param_convention: str = "unknown"
    flops_method: str = "reported"
    domain: str = "language"

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("param_convention", self.param_convention, PARAM_CONVENTIONS),
            ("flops_method", self.flops_method, FLOPS_METHOD_CHOICES),
            ("domain", self.domain, DOMAINS),
        ):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, not '{value}'")


@dataclass
class Ingested:
    """The result of validation: points to plot, the accepted runs, and the full report."""

    points: pd.DataFrame
    runs: pd.DataFrame
    rejections: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    rows_read: int = 0
    rows_kept: int = 0
    rows_rejected: int = 0
    cells_rejected: int = 0


class _Report:
    """Collects rejections (vectorised: a mask and reasons per column) and notes."""

    def __init__(self, raw: RawTable):
        self.raw = raw
        self.parts: list[pd.DataFrame] = []
        self.notes: list[str] = []

    def reject(self, reasons: np.ndarray, scope: str, column: str = "") -> None:
        rejected = np.flatnonzero(pd.notna(reasons))
        if not len(rejected):
            return
        values = self.raw.cells[column].to_numpy()[rejected] if column else np.full(len(rejected), "")
        self.parts.append(
            pd.DataFrame(
                {
                    "line": self.raw.lines[rejected],
                    "scope": scope,
                    "column": column,
                    "value": values,
                    "reason": reasons[rejected],
                }
            )
        )

    def rejections(self) -> pd.DataFrame:
        if not self.parts:
            return typed_frame({}, REJECTION_COLUMNS, numeric={"line"})
        frame = pd.concat(self.parts, ignore_index=True).sort_values("line", kind="stable")
        return typed_frame(frame, REJECTION_COLUMNS, numeric={"line"}).astype({"line": "int64"})


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def typed_frame(columns, order, numeric) -> pd.DataFrame:
    """A frame in `order` with numbers as float64 and everything else as str, like the store's."""
    frame = pd.DataFrame(columns).reindex(columns=list(order))
    return frame.astype({name: "float64" if name in numeric else "str" for name in order})


def checked_roles(raw: RawTable, mapping: ColumnMapping, conventions: Conventions) -> dict[str, str]:
    """The mapped roles (role -> column); MappingError when the mapping cannot produce points."""
    roles = {role: column for role, column in mapping.roles().items() if column}
    chosen = [*roles.items(), *(("a metric", column) for column in mapping.metrics)]
    first_use: dict[str, str] = {}
    for role, column in chosen:
        if column not in raw.cells.columns:
            raise MappingError(UNKNOWN_COLUMN.format(column=column, role=role))
        if column in first_use:
            raise MappingError(COLUMN_TWICE.format(column=column, first=first_use[column], second=role))
        first_use[column] = role
    if not mapping.metrics:
        raise MappingError(MISSING_METRIC)
    same_metric: dict[str, str] = {}
    for column in mapping.metrics:
        metric = mapping.published_as.get(column)
        if metric in same_metric:
            raise MappingError(PUBLISHED_METRIC_TWICE.format(first=same_metric[metric], second=column, metric=metric))
        if metric:
            same_metric[metric] = column
    if not {"N", "N_non_embedding", "D", "C"} & roles.keys():
        raise MappingError(MISSING_SCALE)
    non_embedding = conventions.param_convention == "non_embedding"
    if not non_embedding and "N_non_embedding" in roles and "N" not in roles:
        raise MappingError(
            NEEDS_TOTAL_PARAMS.format(convention=conventions.param_convention, column=roles["N_non_embedding"])
        )
    if conventions.flops_method == "6ND" and not can_compute_6nd(roles, conventions):
        raise MappingError(SIX_ND_NEEDS_N_AND_D)
    return roles


def can_compute_6nd(roles: dict[str, str], conventions: Conventions) -> bool:
    """Whether the N of the convention and D are both mapped."""
    non_embedding = conventions.param_convention == "non_embedding"
    return "D" in roles and ("N" in roles or (non_embedding and "N_non_embedding" in roles))


def read_numbers(raw: RawTable, column: str, multiplier: float, report: _Report) -> tuple[np.ndarray, ...]:
    """(values, reasons, empty) of one column, with the column-level checks and scaling notes."""
    cells = raw.cells[column]
    parsed = parse_quantities(cells, multiplier)
    reasons = parsed.reasons.copy()
    if multiplier != 1.0:
        reasons[parsed.suffixed] = UNIT_TWICE.format(multiplier=format_multiplier(multiplier))
    if raw.delimiter == ";":
        # "1,234" means 1234 in a comma file but may mean 1.234 in a European semicolon file.
        reasons[(cells.str.contains(",", regex=False)).to_numpy(dtype=bool)] = AMBIGUOUS_COMMA
    readable = pd.isna(reasons)
    if multiplier != 1.0 and readable.any():
        report.notes.append(
            f"'{column}': {counted(readable.sum(), 'value')} multiplied by {format_multiplier(multiplier)} "
            "for the unit in the column name"
        )
    suffixed = int((parsed.suffixed & readable).sum())
    if suffixed:
        report.notes.append(
            f"'{column}': {counted(suffixed, 'value')} written with a unit suffix (e.g. '7B') scaled by it "
            "(k = 1e3, M = 1e6, B = 1e9, T = 1e12)"
        )
    values = np.where(readable, parsed.values, np.nan)
    return values, reasons, parsed.empty


def read_quantity_roles(raw, mapping, roles, report) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Each quantity role's values (NaN where absent) and which rows they all allow to be kept."""
    keep = np.ones(len(raw.cells), dtype=bool)
    quantities = {}
    for role in COUNT_ROLES:
        column = roles.get(role)
        if column is None:
            quantities[role] = np.full(len(raw.cells), np.nan)
            continue
        values, reasons, empty = read_numbers(raw, column, mapping.multipliers.get(column, 1.0), report)
        reasons[empty] = MISSING_REQUIRED.format(column=column)
        if role == "step":
            reasons[values < 0] = NEGATIVE_STEP
        else:
            reasons[values <= 0] = NOT_POSITIVE
        report.reject(reasons, "row", column)
        keep &= pd.isna(reasons)
        quantities[role] = np.where(pd.isna(reasons), values, np.nan)
    return quantities, keep


def unique_metric_ids(mapping: ColumnMapping, report: _Report) -> list[str]:
    """A safe id per metric column (the published metric it is, else its own); a clash (with
    another metric or a run column) gets _2, _3..."""
    taken, ids = set(RUN_COLUMNS), []
    for column in mapping.metrics:
        base = candidate = mapping.metric_name(column)
        number = 1
        while candidate in taken:
            number += 1
            candidate = f"{base}_{number}"
        taken.add(candidate)
        ids.append(candidate)
        if candidate != column:
            report.notes.append(f"column '{column}' is the metric '{candidate}'")
    return ids


def read_metrics(raw, mapping, keep, report) -> dict[str, np.ndarray]:
    """Metric id -> values; bad cells of rows still kept are rejected one by one."""
    metrics = {}
    for column, identifier in zip(mapping.metrics, unique_metric_ids(mapping, report)):
        values, reasons, empty = read_numbers(raw, column, 1.0, report)
        reasons[empty] = None
        if is_loss(identifier):
            reasons[values <= 0] = NOT_POSITIVE
        reasons[~keep] = None  # a rejected row's other problems are not piled onto it
        report.reject(reasons, "cell", column)
        metrics[identifier] = np.where(pd.isna(reasons), values, np.nan)
    return metrics


def duplicate_reasons(raw: RawTable, names: np.ndarray, quantities: dict, keep: np.ndarray) -> np.ndarray:
    """DUPLICATE for each kept row whose run key an earlier kept row already has, else None."""
    key = pd.DataFrame({"run": names, **quantities})[keep]
    lines = raw.lines[keep]
    groups = key.assign(_line=lines).groupby(list(key.columns), dropna=False, sort=False)
    first_lines = groups["_line"].transform("first")
    reasons = np.full(len(keep), None, dtype=object)
    reasons[np.flatnonzero(keep)] = [
        DUPLICATE.format(locator=raw.locator, line=first) if first != line else None
        for first, line in zip(first_lines.to_numpy(), lines)
    ]
    return reasons


def validate(raw: RawTable, mapping: ColumnMapping, conventions: Conventions | None = None) -> Ingested:
    """Check `raw` against `mapping`; keep what is valid, report every rejected row and cell."""
    conventions = conventions or Conventions()
    roles = checked_roles(raw, mapping, conventions)
    report = _Report(raw)
    if raw.skipped_lines:
        shown = ", ".join(map(str, raw.skipped_lines[:10])) + (", ..." if len(raw.skipped_lines) > 10 else "")
        report.notes.append(f"{counted(len(raw.skipped_lines), 'blank or comment line')} left out: {shown}")

    quantities, keep = read_quantity_roles(raw, mapping, roles, report)
    metrics = read_metrics(raw, mapping, keep, report)
    no_metric = keep & np.isnan(np.column_stack(list(metrics.values()))).all(axis=1)
    report.reject(np.where(no_metric, NO_METRIC, None), "row")
    keep &= ~no_metric

    names = (raw.cells[roles["run"]].str.strip() if "run" in roles else pd.Series("", index=raw.cells.index)).to_numpy()
    duplicate = duplicate_reasons(raw, names, quantities, keep)
    report.reject(duplicate, "row")
    keep &= pd.isna(duplicate)

    n_total, n_non_embedding = quantities["N"], quantities["N_non_embedding"]
    if conventions.param_convention == "non_embedding" and "N_non_embedding" not in roles and "N" in roles:
        n_total, n_non_embedding = np.full(len(keep), np.nan), n_total
        report.notes.append(f"'{roles['N']}' is taken as the non-embedding parameter count (convention non_embedding)")
    locators = [f"{raw.locator} {line}" for line in raw.lines]
    runs = pd.DataFrame(
        {
            "run_id": np.where(names != "", names, locators),
            "source_locator": locators,
            "step": quantities["step"],
            "N_total": n_total,
            "N_non_embedding": n_non_embedding,
            "D": quantities["D"],
            "C_reported": quantities["C"],
            **metrics,
        }
    )[keep].reset_index(drop=True)
    runs = typed_frame(runs, runs.columns, numeric=set(runs.columns) - {"run_id", "source_locator"})
    report.notes.extend(convention_notes(roles, conventions))
    if "run" in roles and runs.duplicated(["run_id", "step"]).any():
        report.notes.append(
            f"run names in '{roles['run']}' repeat without a step telling the rows apart: each row is kept "
            "as its own point; choose a step column if they are checkpoints of one run"
        )

    rejections = report.rejections()
    return Ingested(
        points=runs_to_points(runs, conventions, raw.filename),
        runs=runs,
        rejections=rejections,
        notes=report.notes,
        rows_read=len(raw.cells),
        rows_kept=len(runs),
        rows_rejected=len(raw.cells) - len(runs),
        cells_rejected=int((rejections["scope"] == "cell").sum()),
    )


def convention_notes(roles: dict[str, str], conventions: Conventions) -> list[str]:
    if "C" not in roles:
        if can_compute_6nd(roles, conventions):
            return ["no FLOPs column: C = 6ND"]
        return ["no FLOPs column, and no parameter and token columns to compute 6ND from: C is left empty"]
    if conventions.flops_method == "6ND":
        return [f"C = 6ND as chosen; the reported FLOPs in '{roles['C']}' are kept as C_reported"]
    return []


def runs_to_points(runs: pd.DataFrame, conventions: Conventions, source_file: str) -> pd.DataFrame:
    """The accepted runs (wide) as long points, one per run and metric value, with N and C
    derived by the conventions exactly as the store's points view derives them."""
    non_embedding = conventions.param_convention == "non_embedding"
    n = runs["N_non_embedding"] if non_embedding else runs["N_total"]
    use_reported = runs["C_reported"].notna() & (conventions.flops_method == "reported")
    six_nd_method = "6ND_non_embedding" if non_embedding else "6ND"
    six_nd_convention = SIX_ND_FLOPS.format(n_kind=N_KINDS[conventions.param_convention])
    per_run = pd.DataFrame(
        {
            "run_id": runs["run_id"],
            "step": runs["step"],
            "N_total": runs["N_total"],
            "N_non_embedding": runs["N_non_embedding"],
            "N": n,
            "D": runs["D"],
            "C_reported": runs["C_reported"],
            "flops_method": np.where(use_reported, "reported", six_nd_method),
            "C_6ND": compute_6nd(runs["N_total"], runs["D"]),
            "C_6ND_non_embedding": compute_6nd(runs["N_non_embedding"], runs["D"]),
            "C": np.where(use_reported, runs["C_reported"], compute_6nd(n, runs["D"])),
            "D_over_N": runs["D"] / n,
            "source_locator": runs["source_locator"],
            "flops_convention": np.where(use_reported, REPORTED_FLOPS, six_nd_convention),
        }
    )
    metric_ids = [column for column in runs.columns if column not in RUN_COLUMNS]
    values = runs[metric_ids].to_numpy(dtype="float64")
    run_index, metric_index = np.nonzero(~np.isnan(values))  # row-major: runs in order, metrics within
    points = per_run.iloc[run_index].reset_index(drop=True)
    points["metric"] = np.asarray(metric_ids, dtype=object)[metric_index]
    points["value"] = values[run_index, metric_index]
    points = points.assign(
        **UPLOAD_FAMILY,
        source_file=source_file,
        domain=conventions.domain,
        param_convention=conventions.param_convention,
    )
    return typed_frame(points, POINT_COLUMNS, numeric=NUMERIC_POINT_COLUMNS)
