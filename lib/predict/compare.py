"""Several laws side by side at one target: what each predicts and how far apart they are."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.conventions import compute_6nd
from lib.predict.model import ScalingModel
from lib.predict.paths import NotOnPath, compute_at_ratio_path, compute_optimal_path, fixed_ratio_path


@dataclass(frozen=True)
class Target:
    """A compute budget C, or a model of N parameters trained on D tokens."""

    C: float | None = None
    N: float | None = None
    D: float | None = None

    def __post_init__(self):
        given = [v for v in (self.C, self.N, self.D) if v is not None]
        if any(not np.isfinite(v) or v <= 0 for v in given):
            raise ValueError("a target must be positive")
        if (self.C is None) == (self.N is None or self.D is None):
            raise ValueError("give either a compute budget C, or both N and D")

    @property
    def by_compute(self) -> bool:
        return self.C is not None

    @property
    def x(self) -> str:
        """The chart's x variable for this target."""
        return "C" if self.by_compute else "N"

    @property
    def x_value(self) -> float:
        return self.C if self.by_compute else self.N

    @property
    def ratio(self) -> float:
        return self.D / self.N

    @property
    def compute(self) -> float:
        return self.C if self.by_compute else compute_6nd(self.N, self.D)


TARGET_FORMS = (
    "write a compute budget in FLOPs as a plain number (1e25 or 3.8e25), or a model as parameters / tokens "
    "(70B / 1.4T, or 70B, 1.4T)"
)
# "/" or a comma followed by a space separates parameters from tokens; a comma between digits
# groups them ("1,000,000"), so it never separates.
TARGET_SEPARATOR = re.compile(r"/|,\s+")


def _count(text: str, what: str) -> tuple[float, bool]:
    """`text` as a number and whether a count suffix (k, M, B, T) scaled it."""
    from lib.ingest.quantities import parse_quantities

    parsed = parse_quantities(pd.Series([text], dtype="str"))
    if parsed.reasons[0] is not None:
        raise ValueError(f"the {what} cannot be read ({parsed.reasons[0]}); {TARGET_FORMS}")
    return float(parsed.values[0]), bool(parsed.suffixed[0])


def parse_target(text: str) -> Target:
    """'1e25' is a compute budget in FLOPs; '70B / 1.4T' (or '70B, 1.4T') is N parameters on D
    tokens. Anything else is refused with the accepted forms, never guessed: '70B' alone is a
    count, not FLOPs, and '70B /' or '/ 1.4T' lacks half of a model."""
    parts = [part.strip() for part in TARGET_SEPARATOR.split(text.strip())]
    if len(parts) > 2:
        raise ValueError(f"it holds {len(parts)} values; {TARGET_FORMS}")
    if len(parts) == 2:
        if not all(parts):
            raise ValueError(f"a model needs both its parameters and its tokens; {TARGET_FORMS}")
        return Target(N=_count(parts[0], "parameter count")[0], D=_count(parts[1], "token count")[0])
    budget, suffixed = _count(parts[0], "compute budget")
    if suffixed:
        raise ValueError(f"a k, M, B or T suffix counts parameters or tokens, not FLOPs; {TARGET_FORMS}")
    return Target(C=budget)


def extrapolation_grid(models: list[ScalingModel], target: Target, points: int = 120) -> np.ndarray:
    """x values from the smallest value any model was fitted on (or 4 decades below the
    target) to twice the target."""
    starts = [m.extent[target.x][0] for m in models if target.x in m.extent]
    low = min(starts) if starts else target.x_value / 1e4
    low = min(low, target.x_value / 10)
    return np.geomspace(low, target.x_value * 2, points)


def path(model: ScalingModel, target: Target, xs) -> pd.DataFrame:
    """The model along the target's path: D = rN for N and D; for a budget, the compute-optimal
    split, or the ratio of its runs for a fit that cannot pin that split down (one_ratio)."""
    if not target.by_compute:
        return fixed_ratio_path(model, xs, target.ratio)
    if model.one_ratio is not None:
        return compute_at_ratio_path(model, xs, model.one_ratio)
    return compute_optimal_path(model, xs)


def _row(model: ScalingModel, target: Target) -> dict:
    row = {"law": model.label, "kind": model.kind, "family_id": model.family_id}
    try:
        at = path(model, target, [target.x_value]).iloc[0]
    except NotOnPath as reason:
        return row | {"note": str(reason)}
    data_max = model.extent.get(target.x, (np.nan, np.nan))[1]
    note = "optimum outside 0.01-1e5 tokens per parameter" if at["at_edge"] else ""
    if target.by_compute and model.one_ratio is not None:
        note = f"at its runs' D/N = {model.one_ratio:.3g}: they cannot pin down the compute-optimal split"
    return row | {
        "loss": at["loss"],
        "low": at["low"],
        "high": at["high"],
        "N": at["N"],
        "D": at["D"],
        "C": at["C"],
        "times_beyond_data": target.x_value / data_max if np.isfinite(data_max) else np.nan,
        "note": note,
    }


COLUMNS = ["law", "kind", "family_id", "loss", "low", "high", "vs_median", "N", "D", "C", "times_beyond_data", "note"]


def predictions_at(models: list[ScalingModel], target: Target) -> pd.DataFrame:
    """One row per model: loss at the target (with its band), N, D, C there, how far past its
    data the target lies (x its largest fitted value), and its gap to the median prediction."""
    table = pd.DataFrame([_row(m, target) for m in models]).reindex(columns=COLUMNS)
    losses = pd.to_numeric(table["loss"], errors="coerce")
    median = losses.median()
    table["vs_median"] = losses / median - 1 if np.isfinite(median) else np.nan
    return table


def spread(table: pd.DataFrame) -> float:
    """Largest over smallest predicted loss, minus one: how far apart the laws are."""
    losses = pd.to_numeric(table["loss"], errors="coerce").dropna()
    losses = losses[losses > 0]
    return float(losses.max() / losses.min() - 1) if len(losses) >= 2 else float("nan")
