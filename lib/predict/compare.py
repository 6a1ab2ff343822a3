"""Several laws side by side at one target: what each predicts and how far apart they are."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.predict.model import ScalingModel
from lib.conventions import compute_6nd
from lib.predict.paths import NotOnPath, compute_optimal_path, fixed_ratio_path


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


def parse_target(text: str) -> Target:
    """'1e25' is a compute budget; '70B / 1.4T' (or '70B, 1.4T') is N parameters on D tokens."""
    from lib.ingest.quantities import parse_quantity

    parts = [p for p in text.replace(",", "/").split("/") if p.strip()] if "/" in text or ", " in text else [text]
    if len(parts) == 1:
        return Target(C=parse_quantity(parts[0]))
    if len(parts) == 2:
        return Target(N=parse_quantity(parts[0]), D=parse_quantity(parts[1]))
    raise ValueError("write one budget (1e25) or parameters / tokens (70B / 1.4T)")


def extrapolation_grid(models: list[ScalingModel], target: Target, points: int = 120) -> np.ndarray:
    """x values from the smallest value any model was fitted on (or 4 decades below the
    target) to twice the target."""
    starts = [m.extent[target.x][0] for m in models if target.x in m.extent]
    low = min(starts) if starts else target.x_value / 1e4
    low = min(low, target.x_value / 10)
    return np.geomspace(low, target.x_value * 2, points)


def path(model: ScalingModel, target: Target, xs) -> pd.DataFrame:
    """The model along the target's path (compute-optimal for a budget, D = rN for N and D)."""
    if target.by_compute:
        return compute_optimal_path(model, xs)
    return fixed_ratio_path(model, xs, target.ratio)


def _row(model: ScalingModel, target: Target) -> dict:
    row = {"law": model.label, "kind": model.kind, "family_id": model.family_id}
    try:
        at = path(model, target, [target.x_value]).iloc[0]
    except NotOnPath as reason:
        return row | {"note": str(reason)}
    data_max = model.extent.get(target.x, (np.nan, np.nan))[1]
    note = "optimum outside 0.01-1e5 tokens per parameter" if at["at_edge"] else ""
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
