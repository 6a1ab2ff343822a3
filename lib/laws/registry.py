"""The law-form declarations: what a law is, independent of how it is fitted.

A form is declared once (name, formula as code and LaTeX, parameters with bounds and start
grids, the inputs it reads, the paper it comes from); lib.fit, the pages and lib.schema all
read these declarations. Importing this module does no numerical work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence, Union

import numpy as np

# Input roles a form may read (lib.conventions.ROLE_MEANINGS says what each is). Single-variable
# forms read the role "x", which a caller maps to one of N (parameters), D (tokens), C (FLOPs) or
# L (loss) when fitting.
INPUT_NAMES = ("N", "D", "C", "U", "E", "M", "L", "T")

Arrays = Mapping[str, np.ndarray]
# A start grid is either fixed values or a function of the inputs and the observed outputs,
# for scale parameters whose sensible range depends on the data's units.
StartGrid = Union[Sequence[float], Callable[[Arrays, np.ndarray], np.ndarray]]


@dataclass(frozen=True)
class Param:
    """One coefficient of a law.

    `log_scale` parameters are optimised as log(value): they are positive and may span
    many orders of magnitude. `linear` marks a coefficient the prediction is linear in, for
    given values of the others; the fitter solves those exactly (variable projection).
    """

    name: str
    lower: float
    upper: float
    starts: StartGrid
    log_scale: bool = False
    linear: bool = False
    symbol: str = ""

    def start_values(self, inputs: Arrays, y: np.ndarray) -> np.ndarray:
        values = self.starts(inputs, y) if callable(self.starts) else self.starts
        return np.asarray(values, dtype=float)


@dataclass(frozen=True)
class LawForm:
    """A law form: y = f(inputs; params).

    Forms with `linear` parameters give `columns`, the basis those multiply (in the order of
    their linear parameters); the prediction is their sum unless a `formula` is also given
    (a law with a part outside every linear term), which is then the prediction. Forms with
    no linear parameter give only `formula`. Both must broadcast (parameters may be arrays of
    shape (k, 1)) and accept complex parameters: the fitter differentiates by complex step.
    `log_jacobian`, optional, gives log-prediction and its exact gradient in fitting space.
    """

    name: str
    title: str
    inputs: tuple[str, ...]
    params: tuple[Param, ...]
    latex: str
    citation: str
    output: str
    description: str
    formula: Callable[[Mapping, Arrays], np.ndarray] | None = None
    columns: Callable[[Mapping, Arrays], tuple] | None = None
    x_vars: tuple[str, ...] = ()
    log_jacobian: Callable | None = field(default=None, repr=False)

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    @property
    def linear_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.linear)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"law '{self.name}' has no parameter '{name}' (it has {', '.join(self.param_names)})")

    def predict(self, params: Mapping, inputs: Arrays) -> np.ndarray:
        """The law's prediction for named inputs (see `inputs`; role "x" for one variable)."""
        if self.formula is not None:
            return self.formula(params, inputs)
        cols = self.columns(params, inputs)
        return sum(params[name] * col for name, col in zip(self.linear_names, cols))
