"""Compute-optimal allocation under every kind of law: what N and D a budget buys.

Allocation laws (N_opt, D_opt, tokens per parameter, DeepSeek's M_opt as a power of C) give
one of the two directly; the other follows from C = 6 N D (DeepSeek: C = M D). Loss laws give
both by minimising the loss over the split (lib.predict.paths).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.conventions import FLOPS_PER_PARAM_TOKEN, split_at_ratio
from lib.predict.model import ScalingModel
from lib.predict.paths import NotOnPath, optimal_losses

# Budgets over which N_opt(C) is tabulated to answer "a fixed N (or D): which budget?".
BUDGET_GRID = np.geomspace(1e15, 1e30, 301)
ALLOCATION_OUTPUTS = ("N_opt", "D_opt", "tokens_per_param", "M_opt")


def _from_allocation_law(model: ScalingModel, compute: np.ndarray) -> dict[str, np.ndarray]:
    value = model.predict(C=compute)
    nan = np.full(compute.shape, np.nan)
    if model.output == "N_opt":
        n, d = value, compute / (FLOPS_PER_PARAM_TOKEN * value)
    elif model.output == "D_opt":
        n, d = compute / (FLOPS_PER_PARAM_TOKEN * value), value
    elif model.output == "tokens_per_param":
        n, d = split_at_ratio(compute, value)
    else:  # M_opt: non-embedding FLOPs per token; C = M D, and M is about 6 N
        n, d = value / FLOPS_PER_PARAM_TOKEN, compute / value
    return {"N": n, "D": d, "loss": nan}


def allocate(model: ScalingModel, compute) -> pd.DataFrame:
    """Columns C, N_opt, D_opt, tokens_per_param, loss (NaN for allocation laws)."""
    compute = np.atleast_1d(np.asarray(compute, dtype=float))
    if model.output in ALLOCATION_OUTPUTS:
        best = _from_allocation_law(model, compute)
    elif model.output == "loss":
        best = optimal_losses(model, compute)
        if np.isnan(best["N"]).all():
            raise NotOnPath(f"{model.label} is a law of compute alone; it gives the loss a budget buys, not its split")
    else:
        raise NotOnPath(f"{model.label} predicts {model.output}, not a loss or an allocation")
    return pd.DataFrame(
        {
            "C": compute,
            "N_opt": best["N"],
            "D_opt": best["D"],
            "tokens_per_param": best["D"] / best["N"],
            "loss": best["loss"],
        }
    )


def budget_for(model: ScalingModel, quantity: str, value: float) -> float:
    """The budget C at which `quantity` ("N_opt" or "D_opt") reaches `value` under the model
    (log-interpolated over BUDGET_GRID); NaN when the value lies outside 1e15..1e30 FLOPs."""
    table = allocate(model, BUDGET_GRID)
    known = table[np.isfinite(table[quantity]) & (table[quantity] > 0)]
    log_q, log_c = np.log(known[quantity].to_numpy()), np.log(known["C"].to_numpy())
    order = np.argsort(log_q)
    if len(order) < 2 or not np.all(np.diff(log_q[order]) > 0) or not log_q.min() <= np.log(value) <= log_q.max():
        return float("nan")
    return float(np.exp(np.interp(np.log(value), log_q[order], log_c[order])))


ALLOCATION_MODES = {"C": "a compute budget C", "N": "a model size N", "D": "a token budget D"}


def _row(model: ScalingModel, mode: str, value: float) -> dict:
    row = {"law": model.label, "kind": model.kind}
    try:
        budget = value if mode == "C" else budget_for(model, f"{mode}_opt", value)
        if not np.isfinite(budget):
            return row | {"note": f"no budget between 1e15 and 1e30 FLOPs makes {mode} = {value:.3g} optimal"}
        return row | allocate(model, budget).iloc[0].to_dict() | {"note": ""}
    except NotOnPath as reason:
        return row | {"note": str(reason)}


def parse_allocation_value(text: str, mode: str) -> float:
    """The budget, model size or token count typed for `mode` ("1e24", "70B", "1.4T"); a value
    that is not a positive number raises ValueError with the reason."""
    from lib.ingest.quantities import parse_quantity

    value = parse_quantity(text)
    if not value > 0:
        raise ValueError(f"{ALLOCATION_MODES[mode]} must be positive")
    return value


def allocation_table(models: list[ScalingModel], mode: str, value: float) -> pd.DataFrame:
    """Per law: the budget (given, or the one at which N or D is compute-optimal), N_opt, D_opt,
    tokens per parameter and the predicted loss there (loss laws only)."""
    if mode not in ALLOCATION_MODES:
        raise ValueError(f"unknown allocation mode '{mode}'")
    columns = ["law", "kind", "C", "N_opt", "D_opt", "tokens_per_param", "loss", "note"]
    return pd.DataFrame([_row(m, mode, value) for m in models]).reindex(columns=columns)


def allocation_lines(models: list[ScalingModel], compute) -> dict[str, pd.DataFrame]:
    """N_opt(C) and D_opt(C) over `compute` for every model that has an allocation."""
    lines = {}
    for model in models:
        try:
            lines[model.key] = allocate(model, compute)
        except NotOnPath:
            continue
    return lines
