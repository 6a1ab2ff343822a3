"""Guessing what each uploaded column is: parameters, tokens, FLOPs, step, run name or a metric.

Names are compared case-, space-, underscore-, hyphen-, slash- and dot-insensitively ("Train
Tokens", "train-tokens" and "eval/loss" all match). A unit in the name of a count column
("params (B)", "tokens_billions", "flops_pf_days") becomes a multiplier on that column. The
result is a plain, editable ColumnMapping: the page shows `explain()` and lets the user change
any role before validation. Detection is deterministic: columns are considered left to right and
the first column matching a role takes it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from lib.conventions import SUFFIX_EXPONENTS
from lib.ingest.quantities import EMPTY_VALUE, MISSING_MARKER, exponent_shift, parse_quantities

ROLE_LABELS = {
    "N": "parameters",
    "N_non_embedding": "non-embedding parameters",
    "D": "training tokens",
    "C": "training FLOPs",
    "step": "training step",
    "run": "run name",
}
ROLE_ALIASES = {
    "N": ("params", "n_params", "num_params", "parameters", "model_size", "N", "params_total", "total_params"),
    "N_non_embedding": ("non_embedding_params", "non_embed_params", "params_non_embedding", "nonembedding_params"),
    "D": (
        "tokens",
        "D",
        "train_tokens",
        "n_tokens",
        "num_tokens",
        "tokens_seen",
        "training_tokens",
        "data",
        "dataset_size",
    ),
    "C": ("flops", "compute", "C", "train_flops", "training_flops", "total_flops"),
    "step": ("step", "steps", "iteration", "iter", "checkpoint", "global_step"),
    "run": ("run", "run_id", "name", "model", "model_name", "id"),
}
LOSS_ALIASES = ("loss", "val_loss", "train_loss", "eval_loss", "validation_loss", "test_loss")
# Names of a run's training loss with no dataset in them: the published metric they most likely are.
TRAIN_LOSS_NAMES = ("loss", "train_loss", "training_loss", "final_loss", "train/loss", "loss/train")
TRAIN_LOSS_METRIC = "train_loss"
# Roles whose values are counts: validation reads them as numbers, and a unit in the column name
# scales them. The run name is the only role kept as text.
COUNT_ROLES = ("N", "N_non_embedding", "D", "C", "step")

PF_DAY = 1e15 * 24 * 3600  # one petaFLOP/s for a day, Kaplan et al.'s compute unit, in FLOPs
UNIT_MULTIPLIERS = {
    **{word: 10.0**power for word, power in SUFFIX_EXPONENTS.items()},
    **{f"{word}s": 10.0**power for word, power in SUFFIX_EXPONENTS.items() if len(word) > 1},
    "pfdays": PF_DAY,
    "petaflopdays": PF_DAY,
}
# A unit at the end of a name: in brackets ("params (B)", "tokens [M]") or after a separator
# ("tokens_billions", "params-M", "flops_pf_days").
_BRACKETED_UNIT = re.compile(r"(?P<base>.+?)\s*[(\[]\s*(?P<unit>[^)\]]+?)\s*[)\]]")
_SUFFIXED_UNIT = re.compile(r"(?P<base>.+?)[\s_\-]+(?P<unit>(?:pf|petaflop)[\s_\-]?days|[a-z]+)", re.IGNORECASE)
NUMERIC_SAMPLE_ROWS = 1000


def normalise_name(name: str) -> str:
    """The form names are compared in: lower case, without spaces, _, -, / or ."""
    return re.sub(r"[\s_\-/.]+", "", name.lower())


def metric_id(column: str) -> str:
    """A column name as a safe metric id ("Val Loss (nats)" -> "val_loss_nats")."""
    return re.sub(r"[^a-z0-9]+", "_", column.lower()).strip("_") or "metric"


def is_loss(column: str) -> bool:
    """A loss column: one of LOSS_ALIASES or any name containing "loss" (e.g. "loss_wikitext")."""
    return "loss" in normalise_name(column)


def suggest_metric(column: str, published: Collection[str]) -> str | None:
    """The published metric a metric column most likely is, or None (a new metric): the published
    metric of the same id ("val_loss_c4"), else train_loss for a training loss named without its
    dataset ("loss", "Train Loss"). Only a suggestion: the user confirms or changes it."""
    own = metric_id(column)
    if own in published:
        return own
    generic = normalise_name(column) in {normalise_name(name) for name in TRAIN_LOSS_NAMES}
    return TRAIN_LOSS_METRIC if generic and TRAIN_LOSS_METRIC in published else None


_ALIAS_TO_ROLE = {normalise_name(alias): role for role, aliases in ROLE_ALIASES.items() for alias in aliases}


def match_role(column: str) -> tuple[str | None, float | None, str | None]:
    """(role, unit multiplier, unit as written) for one column name; (None, None, None) if unknown."""
    role = _ALIAS_TO_ROLE.get(normalise_name(column))
    if role:
        return role, None, None
    for pattern in (_BRACKETED_UNIT, _SUFFIXED_UNIT):
        found = pattern.fullmatch(column.strip())
        if not found:
            continue
        role = _ALIAS_TO_ROLE.get(normalise_name(found["base"]))
        multiplier = UNIT_MULTIPLIERS.get(normalise_name(found["unit"]))
        if role in COUNT_ROLES and multiplier:
            return role, multiplier, found["unit"]
    return None, None, None


def format_multiplier(multiplier: float) -> str:
    """1e9 as "1e9" (not "1e+09"); other factors (PF-days) as Python's shortest form."""
    power = exponent_shift(multiplier)
    return f"1e{power}" if power is not None else f"{multiplier:g}"


def looks_numeric(cells: pd.Series) -> bool:
    """More than half of the first filled cells read as numbers: a metric, whose bad cells validation
    reports. Empty cells and missing-value markers ("NaN", "N/A") are not counted either way."""
    reasons = parse_quantities(cells.head(NUMERIC_SAMPLE_ROWS)).reasons
    filled = reasons[(reasons != EMPTY_VALUE) & (reasons != MISSING_MARKER)]
    return len(filled) > 0 and pd.isna(filled).mean() > 0.5


@dataclass
class ColumnMapping:
    """Which column plays which role. Every field is editable; None means "no such column".

    `metrics` are the columns read as metric values (losses first); `published_as` names, for a
    metric column, the published metric it is the same as ("loss" -> "train_loss"), so the runs
    sit beside the published families' on that metric. `multipliers` scales a count column by the
    unit in its name (1e9 for "params (B)"). `reasons` says, for the columns detection decided on,
    why; `columns` is every column of the file, for `explain()`.
    """

    N: str | None = None
    N_non_embedding: str | None = None
    D: str | None = None
    C: str | None = None
    step: str | None = None
    run: str | None = None
    metrics: list[str] = field(default_factory=list)
    published_as: dict[str, str] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)

    def roles(self) -> dict[str, str | None]:
        """Role -> column (or None), in ROLE_LABELS order."""
        return {role: getattr(self, role) for role in ROLE_LABELS}

    def choose(self, role: str, column: str | None) -> None:
        """The user's choice of column for a role; a column taken for a role stops being a metric
        (detection reads every numeric column as one, so the user need not undo that by hand)."""
        setattr(self, role, column)
        self.metrics = [metric for metric in self.metrics if metric != column]

    def metric_name(self, column: str) -> str:
        """The metric id a metric column's values get: the published one it is the same as, else its own."""
        return self.published_as.get(column) or metric_id(column)

    def explain(self) -> list[str]:
        """One line per column, in file order, saying what it is used as and why."""
        used = {column: role for role, column in self.roles().items() if column}
        lines = []
        for column in self.columns or [*used, *self.metrics]:
            why = self.reasons.get(column)
            if column in used:
                role = used[column]
                line = f"{column} -> {role} ({ROLE_LABELS[role]})"
                if column in self.multipliers:
                    line += f", values x {format_multiplier(self.multipliers[column])}"
                    line += f" from the unit '{why}' in its name" if why else ""
            elif column in self.metrics:
                kind = "a loss" if is_loss(column) else "another numeric column"
                kind += ", as the published metric" if column in self.published_as else ""
                line = f"{column} -> metric {self.metric_name(column)} ({kind})"
            else:
                line = f"{column} -> not used" + (f" ({why})" if why else "")
            lines.append(line)
        return lines


def detect_columns(
    columns: list[str], cells: pd.DataFrame | None = None, published: Collection[str] = ()
) -> ColumnMapping:
    """Map `columns` to roles by name. With `cells` (the RawTable's), any other column whose
    values look numeric becomes an extra metric; without them only loss-named columns do. Each
    metric is suggested as the `published` metric it most likely is (suggest_metric)."""
    mapping = ColumnMapping(columns=list(columns))
    losses, others = [], []
    for column in columns:
        role, multiplier, unit = match_role(column)
        if role and getattr(mapping, role) is None:
            setattr(mapping, role, column)
            if multiplier:
                mapping.multipliers[column] = multiplier
                mapping.reasons[column] = unit
        elif role:
            mapping.reasons[column] = f"{role} is already '{getattr(mapping, role)}'"
        elif is_loss(column):
            losses.append(column)
        elif cells is not None and looks_numeric(cells[column]):
            others.append(column)
        else:
            mapping.reasons[column] = "not numeric" if cells is not None else "not a known name"
    mapping.metrics = losses + others
    suggestions = {column: suggest_metric(column, published) for column in mapping.metrics}
    mapping.published_as = {column: metric for column, metric in suggestions.items() if metric}
    return mapping
