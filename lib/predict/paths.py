"""Where a law is evaluated when laws of different inputs share one chart.

Two paths answer the two questions people ask of an extrapolation:
- compute-optimal: for each budget C, the best loss the law allows over all splits C = 6 N D
  (a law of C alone is read directly; a law of N or D alone cannot answer and is refused);
- fixed ratio: models of size N trained on D = r N tokens (e.g. 70B params on 1.4T tokens is
  r = 20), C = 6 N D; every law can answer this one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.conventions import ROLE_MEANINGS, compute_6nd, split_at_ratio
from lib.predict.model import ScalingModel

# Tokens per parameter screened for the compute-optimal split; the minimum is then refined by
# a parabola through its neighbours in log r.
RATIO_GRID = np.geomspace(1e-2, 1e5, 141)  # 0.05 decades a step; the parabola refines between
BAND_LEVEL = 0.95


class NotOnPath(ValueError):
    """The law cannot be evaluated on the requested path; the message says why."""


def refuse_inputs_off_path(model: ScalingModel) -> None:
    """Every path here fixes N, D and C only: a law that also reads another input (the experts E
    of a routed model) has no value on it, and is refused with the reason."""
    others = sorted(model.variables - {"N", "D", "C"})
    if others:
        named = ", ".join(f"{role} ({ROLE_MEANINGS.get(role, role)})" for role in others)
        raise NotOnPath(f"{model.label} depends on {named}, which a path in N, D and C does not fix")


def one_ratio_verdict(ratio: float) -> str:
    """Why a law fitted to runs all at one D/N is drawn along that ratio (Fit and Compare say the same)."""
    return (f"These runs were all trained at about {ratio:.3g} tokens per parameter, so the law is drawn along that "
            "ratio (C = 6ND), where the runs are; they cannot pin down its compute-optimal frontier.")


def one_ratio_refusal(model: ScalingModel) -> str:
    """Why such a fit has no compute-optimal split (Compute-optimal refuses it with this)."""
    return (f"{model.label} was fitted to runs all trained at about {model.one_ratio:.3g} tokens per parameter; "
            "they cannot pin down its compute-optimal split (Compare draws it along that ratio)")


def _min_over_ratio(losses: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row of `losses` (shape (..., len(RATIO_GRID))): minimum loss, the ratio there, and
    whether the minimum sits on the grid's edge (the optimum lies outside 1e-2..1e5 D/N)."""
    log_r = np.log(RATIO_GRID)
    filled = np.where(np.isfinite(losses), losses, np.inf)
    raw = np.argmin(filled, axis=-1)
    at_edge = (raw == 0) | (raw == len(RATIO_GRID) - 1)
    i = np.clip(raw, 1, len(RATIO_GRID) - 2)
    left, mid, right = (np.take_along_axis(filled, (i + k)[..., None], -1)[..., 0] for k in (-1, 0, 1))
    curvature = left - 2 * mid + right
    with np.errstate(all="ignore"):
        shift = np.where(curvature > 0, 0.5 * (left - right) / curvature, 0.0)
    shift = np.clip(np.nan_to_num(shift), -1, 1)
    step = log_r[1] - log_r[0]
    best_log_r = log_r[i] + shift * step
    best = mid - 0.25 * (left - right) * shift
    best = np.where(np.isfinite(mid), best, np.nan)
    return best, np.exp(best_log_r), at_edge


def optimal_losses(model: ScalingModel, compute, params=None) -> dict[str, np.ndarray]:
    """N, D, loss and an edge flag at the compute-optimal split of each budget, for one set of
    coefficients (floats) or many (arrays of shape (k, 1): the result rows are per draw)."""
    refuse_inputs_off_path(model)
    if model.one_ratio is not None:
        raise NotOnPath(one_ratio_refusal(model))
    compute = np.asarray(compute, dtype=float)
    variables = model.variables
    if variables == {"C"}:
        loss = model.predict(C=compute, params=params)
        nan = np.full(compute.shape, np.nan)
        return {"N": nan, "D": nan, "loss": loss, "at_edge": np.zeros(compute.shape, bool)}
    if not {"N", "D"} <= variables and variables != {"C", "N", "D"}:
        only = ", ".join(sorted(variables))
        raise NotOnPath(f"{model.label} is a law of {only} alone; it cannot say how a compute budget is best split")
    grid_c = np.repeat(compute, len(RATIO_GRID))
    grid_r = np.tile(RATIO_GRID, compute.size)
    n, d = split_at_ratio(grid_c, grid_r)
    losses = model.predict(N=n, D=d, C=grid_c, params=params)
    losses = losses.reshape(losses.shape[:-1] + (compute.size, len(RATIO_GRID)))
    best, ratio, at_edge = _min_over_ratio(losses)
    n_opt, d_opt = split_at_ratio(compute, ratio)
    return {"N": n_opt, "D": d_opt, "loss": best, "at_edge": at_edge}


def _band(draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    tail = 50 * (1 - BAND_LEVEL)
    with np.errstate(all="ignore"):
        low, high = np.nanpercentile(draws, [tail, 100 - tail], axis=0)
    return low, high


def compute_optimal_path(model: ScalingModel, compute) -> pd.DataFrame:
    """Columns C, N, D, loss, low, high (the bootstrap band, NaN without draws), at_edge."""
    compute = np.asarray(compute, dtype=float)
    best = optimal_losses(model, compute)
    frame = pd.DataFrame({"C": compute, "N": best["N"], "D": best["D"], "loss": best["loss"], "at_edge": best["at_edge"]})
    draws = model.sample_params()
    low = high = np.full(compute.shape, np.nan)
    if draws is not None:
        low, high = _band(optimal_losses(model, compute, draws)["loss"])
    return frame.assign(low=low, high=high)


def compute_at_ratio_path(model: ScalingModel, compute, ratio: float) -> pd.DataFrame:
    """fixed_ratio_path indexed by compute: each budget C split as N, D = ratio x N with C = 6ND."""
    sizes, _ = split_at_ratio(np.asarray(compute, dtype=float), ratio)
    return fixed_ratio_path(model, sizes, ratio)


def fixed_ratio_path(model: ScalingModel, sizes, ratio: float) -> pd.DataFrame:
    """Columns N, D, C, loss, low, high: models of size N trained on D = ratio x N tokens."""
    refuse_inputs_off_path(model)
    n = np.asarray(sizes, dtype=float)
    d = n * ratio
    c = compute_6nd(n, d)
    frame = pd.DataFrame({"N": n, "D": d, "C": c, "loss": model.predict(N=n, D=d, C=c)})
    draws = model.sample_params()
    low = high = np.full(n.shape, np.nan)
    if draws is not None:
        low, high = _band(model.predict(N=n, D=d, C=c, params=draws))
    return frame.assign(low=low, high=high, at_edge=False)


def beyond_data(model: ScalingModel, frame: pd.DataFrame, x: str) -> pd.Series:
    """True where the path goes past the largest value of `x` the model was fitted on.
    A model whose data range is unknown (a published law without runs in the store) is never
    marked: the table says so instead."""
    if x not in model.extent:
        return pd.Series(False, index=frame.index)
    return frame[x] > model.extent[x][1]


def along(model: ScalingModel, x: str, values) -> pd.DataFrame:
    """The model's curve against one variable: directly for a law of `x` alone, on the
    compute-optimal path for a law of N and D drawn against C. Columns x, loss, low, high."""
    refuse_inputs_off_path(model)
    values = np.asarray(values, dtype=float)
    if model.variables == {x}:
        loss = model.predict(**{x: values})
        draws = model.sample_params()
        low, high = _band(model.predict(**{x: values}, params=draws)) if draws is not None else (np.nan, np.nan)
        return pd.DataFrame({x: values, "loss": loss, "low": low, "high": high})
    if x == "C":
        frame = compute_optimal_path(model, values)
        return frame[["C", "loss", "low", "high"]]
    raise NotOnPath(f"{model.label} depends on {', '.join(sorted(model.variables))}; draw it against compute C")
