"""Evaluating fitted and published laws at absolute N, D, C: extrapolation paths, comparisons
at a target, and compute-optimal allocation. No Streamlit."""

from lib.predict.allocation import (
    ALLOCATION_MODES,
    ALLOCATION_OUTPUTS,
    allocate,
    allocation_lines,
    allocation_table,
    budget_for,
    parse_allocation_value,
)
from lib.predict.compare import Target, extrapolation_grid, parse_target, path, predictions_at, spread
from lib.predict.model import ScalingModel, data_extent, from_fit, from_published
from lib.predict.paths import (
    NotOnPath,
    along,
    beyond_data,
    compute_at_ratio_path,
    compute_optimal_path,
    fixed_ratio_path,
    one_ratio_refusal,
    one_ratio_verdict,
)

__all__ = [
    "ALLOCATION_MODES",
    "ALLOCATION_OUTPUTS",
    "NotOnPath",
    "ScalingModel",
    "Target",
    "allocate",
    "allocation_lines",
    "allocation_table",
    "along",
    "beyond_data",
    "budget_for",
    "compute_at_ratio_path",
    "compute_optimal_path",
    "data_extent",
    "extrapolation_grid",
    "fixed_ratio_path",
    "from_fit",
    "from_published",
    "one_ratio_refusal",
    "one_ratio_verdict",
    "parse_allocation_value",
    "parse_target",
    "path",
    "predictions_at",
    "spread",
]
