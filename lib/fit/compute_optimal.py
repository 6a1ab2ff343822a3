"""Compute-optimal allocation: N_opt(C), D_opt(C) from a fitted L(N, D) in closed form, and
from IsoFLOP profiles (Hoffmann et al.'s Approaches 1 and 2)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from lib.conventions import FLOPS_PER_PARAM_TOKEN
from lib.fit.engine import fit_law
from lib.fit.errors import FitInputError
from lib.fit.inputs import ROLE_ALIASES
from lib.fit.result import FitResult


@dataclass(frozen=True)
class Allocation:
    """N_opt = G (C/k)^a, D_opt = (C/k)^b / G under C = k N D (k = 6 by default)."""

    G: float
    a: float
    b: float
    flops_per_token: float = 6.0

    def n_opt(self, compute) -> np.ndarray:
        return self.G * (np.asarray(compute, dtype=float) / self.flops_per_token) ** self.a

    def d_opt(self, compute) -> np.ndarray:
        return (np.asarray(compute, dtype=float) / self.flops_per_token) ** self.b / self.G

    def as_laws(self) -> dict[str, dict[str, float]]:
        """N_opt and D_opt as the registry's `allocation` form, y = k C^a."""
        c = self.flops_per_token
        return {
            "N_opt": {"k": self.G * c ** (-self.a), "a": self.a},
            "D_opt": {"k": c ** (-self.b) / self.G, "a": self.b},
        }


def chinchilla_allocation(params: Mapping[str, float], flops_per_token: float = FLOPS_PER_PARAM_TOKEN) -> Allocation:
    """Closed form for L = E + A/N^alpha + B/D^beta minimised on C = k N D:
    G = (alpha A / (beta B))^(1/(alpha+beta)), a = beta/(alpha+beta), b = alpha/(alpha+beta)."""
    alpha, beta = params["alpha"], params["beta"]
    if not (alpha > 0 and beta > 0):
        raise FitInputError("a compute-optimal allocation needs positive exponents alpha and beta")
    g = (alpha * params["A"] / (beta * params["B"])) ** (1 / (alpha + beta))
    return Allocation(G=g, a=beta / (alpha + beta), b=alpha / (alpha + beta), flops_per_token=flops_per_token)


def _frame(data: Mapping, loss: str) -> pd.DataFrame:
    table = pd.DataFrame({k: np.asarray(v) for k, v in dict(data).items()})
    out = {}
    for role in ("N", "C"):
        key = role if role in table else ROLE_ALIASES[role]
        if key not in table:
            raise FitInputError(f"IsoFLOP analysis needs '{role}' (or '{ROLE_ALIASES[role]}')")
        out[role] = table[key].to_numpy(float)
    if loss not in table:
        raise FitInputError(f"the data has no loss column '{loss}'")
    out["L"] = table[loss].to_numpy(float)
    frame = pd.DataFrame(out)
    bad = ~np.isfinite(frame.to_numpy()).all(axis=1) | (frame[["N", "C"]] <= 0).any(axis=1).to_numpy()
    if bad.any():
        raise FitInputError(f"{int(bad.sum())} rows have missing, infinite or non-positive N, C or loss")
    return frame


def _budgets(compute: np.ndarray, decimals: int) -> np.ndarray:
    """Budget label of each run: log10 C rounded, because digitised or logged FLOPs scatter
    around the nominal IsoFLOP budget."""
    return np.round(np.log10(compute), decimals)


def _parabola(group: pd.DataFrame) -> np.ndarray | None:
    """Loss as a parabola in log10 N through one budget's runs; None with fewer than 3 runs."""
    if len(group) < 3:
        return None
    return np.polyfit(np.log10(group["N"].to_numpy()), group["L"].to_numpy(), 2)


def isoflop_minima(data: Mapping, loss: str = "value", *, decimals: int = 1, flops_per_token: float = 6.0) -> pd.DataFrame:
    """Approach 2: per FLOP budget, a parabola in log10 N through the final losses; its vertex
    is the optimal size. Budgets with fewer than 3 runs, no curvature (an open-upward
    parabola is required) or a vertex outside the runs' sizes are marked not usable."""
    frame = _frame(data, loss)
    rows = []
    for budget, group in frame.groupby(_budgets(frame["C"].to_numpy(), decimals)):
        compute = float(np.exp(np.mean(np.log(group["C"]))))
        row = {"budget": compute, "n_runs": len(group), "N_opt": np.nan, "D_opt": np.nan, "L_opt": np.nan, "usable": False}
        coefficients = _parabola(group)
        if coefficients is not None:
            log_n = np.log10(group["N"].to_numpy())
            curvature, slope, _ = coefficients
            vertex = -slope / (2 * curvature) if curvature > 0 else np.nan
            if curvature > 0 and log_n.min() <= vertex <= log_n.max():
                n_opt = 10**vertex
                row.update(
                    N_opt=n_opt,
                    D_opt=compute / (flops_per_token * n_opt),
                    L_opt=float(np.polyval(coefficients, vertex)),
                    usable=True,
                )
        rows.append(row)
    return pd.DataFrame(rows)


def isoflop_runs(data: Mapping, loss: str = "value", *, decimals: int = 1) -> pd.DataFrame:
    """Each run with its budget (the geometric mean compute of its IsoFLOP group): N, value, budget."""
    frame = _frame(data, loss)
    labels = _budgets(frame["C"].to_numpy(), decimals)
    budget = np.exp(frame.groupby(labels)["C"].transform(lambda c: np.mean(np.log(c))).to_numpy())
    return pd.DataFrame({"N": frame["N"], "value": frame["L"], "budget": budget})


def isoflop_parabolas(data: Mapping, loss: str = "value", *, decimals: int = 1, points: int = 60) -> pd.DataFrame:
    """The fitted parabola of each budget over its runs' size range, for drawing: columns
    budget, N, L."""
    frame = _frame(data, loss)
    curves = []
    for _, group in frame.groupby(_budgets(frame["C"].to_numpy(), decimals)):
        coefficients = _parabola(group)
        if coefficients is None:
            continue
        log_n = np.linspace(np.log10(group["N"].min()), np.log10(group["N"].max()), points)
        budget = float(np.exp(np.mean(np.log(group["C"]))))
        curves.append(pd.DataFrame({"budget": budget, "N": 10**log_n, "L": np.polyval(coefficients, log_n)}))
    return pd.concat(curves, ignore_index=True) if curves else pd.DataFrame(columns=["budget", "N", "L"])


def envelope_minima(data: Mapping, loss: str = "value", *, decimals: int = 1, flops_per_token: float = 6.0) -> pd.DataFrame:
    """Approach 1 on final losses: per FLOP budget, the run with the lowest loss (the lower
    envelope of loss against compute) and its size."""
    frame = _frame(data, loss)
    best = frame.loc[frame.groupby(_budgets(frame["C"].to_numpy(), decimals))["L"].idxmin()]
    return pd.DataFrame(
        {
            "budget": best["C"].to_numpy(),
            "N_opt": best["N"].to_numpy(),
            "D_opt": best["C"].to_numpy() / (flops_per_token * best["N"].to_numpy()),
            "L_opt": best["L"].to_numpy(),
            "usable": True,
        }
    )


def fit_allocation(minima: pd.DataFrame, target: str = "N_opt") -> FitResult:
    """The power law target = k C^a through the usable minima (least squares in log space)."""
    usable = minima[minima["usable"]]
    if len(usable) < 2:
        raise FitInputError(f"only {len(usable)} usable FLOP budgets; an allocation law needs at least 2")
    return fit_law("allocation", {"C": usable["budget"].to_numpy()}, usable[target].to_numpy(), loss="mse")
