"""One evaluable scaling model, whether fitted in this session or published in a paper.

Every page that draws or tabulates a law (Fit, Compare extrapolations, Compute-optimal) goes
through ScalingModel.predict at absolute N (parameters), D (tokens) and C (FLOPs), so a
published law in PF-days and a fresh fit in FLOPs land on the same axes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.fit import BootstrapResult, FitResult
from lib.laws import LawForm, get_law
from lib.laws.published import PublishedLaw

# Inputs a form may read, by the absolute quantities needed to compute them.
ROLE_NEEDS = {"N": {"N"}, "D": {"D"}, "C": {"C"}, "M": {"N", "D"}, "U": {"D"}}


@dataclass(frozen=True, eq=False)
class ScalingModel:
    key: str  # "law:<law_id>" or "fit:<family ids>:<law>"
    label: str
    kind: str  # "published" or "fit"
    form: LawForm
    params: dict[str, float]
    x_var: str | None = None  # the variable X of a one-input form
    input_scales: dict[str, float] = field(default_factory=dict)
    family_id: str | None = None
    samples: pd.DataFrame | None = None  # bootstrap coefficient draws, for bands
    extent: dict[str, tuple[float, float]] = field(default_factory=dict)  # data range per N, D, C
    output: str = "loss"
    # A fit whose runs were all trained at one tokens-per-parameter ratio (lib.fitspec.shared_ratio):
    # they cannot pin down its compute-optimal split, so it is drawn along this ratio instead.
    one_ratio: float | None = None

    @property
    def variables(self) -> frozenset[str]:
        """The absolute quantities (N, D, C) the law needs."""
        roles = [self.x_var if role == "x" else role for role in self.form.inputs]
        return frozenset().union(*(ROLE_NEEDS.get(role, {role}) for role in roles))

    def roles(self, N=None, D=None, C=None) -> dict[str, np.ndarray]:
        """The law's inputs at absolute N, D, C, in the law's own units."""
        absolute = {"N": N, "D": D, "C": C}
        values = {}
        for role in self.form.inputs:
            source = self.x_var if role == "x" else role
            if source == "M":
                values[role] = np.asarray(D, dtype=float) / np.asarray(N, dtype=float)
            elif source == "U":
                values[role] = np.asarray(D, dtype=float)  # no repetition: unique tokens = tokens
            else:
                values[role] = np.asarray(absolute[source], dtype=float) / self.input_scales.get(source, 1.0)
        return values

    def predict(self, N=None, D=None, C=None, params=None) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self.form.predict(params or self.params, self.roles(N, D, C)), dtype=float)

    def sample_params(self) -> dict[str, np.ndarray] | None:
        """Bootstrap draws as arrays of shape (k, 1), ready to broadcast against inputs."""
        if self.samples is None or self.samples.empty:
            return None
        return {name: self.samples[name].to_numpy()[:, None] for name in self.samples.columns}


def from_published(law: PublishedLaw, extent: dict[str, tuple[float, float]] | None = None) -> ScalingModel:
    single = "x" in law.form.inputs
    return ScalingModel(
        key=f"law:{law.law_id}",
        label=law.law_id,
        kind="published",
        form=law.form,
        params=law.params,
        x_var=law.x_var if single else None,
        input_scales=law.input_scales,
        family_id=law.family_id,
        extent=extent or {},
        output=law.output,
    )


def from_fit(
    fit: FitResult,
    *,
    key: str,
    label: str,
    family_id: str | None,
    extent: dict[str, tuple[float, float]],
    boot: BootstrapResult | None = None,
    one_ratio: float | None = None,
) -> ScalingModel:
    return ScalingModel(
        key=key,
        label=label,
        kind="fit",
        form=get_law(fit.law),
        params=fit.params,
        x_var=fit.options.x,
        family_id=family_id,
        samples=boot.samples if boot is not None else None,
        extent=extent,
        output=get_law(fit.law).output,
        one_ratio=one_ratio,
    )


def data_extent(points: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The range of N, D and C a set of runs covers (positive values only)."""
    extent = {}
    for column in ("N", "D", "C"):
        values = pd.to_numeric(points[column], errors="coerce") if column in points else pd.Series(dtype=float)
        values = values[values > 0]
        if not values.empty:
            extent[column] = (float(values.min()), float(values.max()))
    return extent
