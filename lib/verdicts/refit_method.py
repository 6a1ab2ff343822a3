"""A paper's fitting method as its law row records it (the `fit_options` column), read into the
fitter's options.

The column holds `key=value` pairs separated by semicolons, e.g.
`loss=huber; delta=1e-3; space=log; exclude_top=5; fixed=E,A,B,alpha,beta`, where `fixed` names
coefficients the paper held at its printed values, `min_D` / `max_D` keep the runs (checkpoints)
with D inside that range, `subset` describes a choice of runs no such filter makes, and `params`
a parameter count the store's runs do not record (the verdict then cannot check the law). An empty column means the paper's method is not recorded,
and the verdict tries each of lib.fit's METHODS.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.fit.sensitivity import METHODS

LOSSES = ("huber", "mse")
SPACES = ("log", "linear")


@dataclass(frozen=True)
class RefitMethod:
    label: str
    loss: str = "huber"
    delta: float = 1e-3
    space: str = "log"
    exclude_top: int = 0
    fixed: tuple[str, ...] = ()  # coefficients held at the published values
    min_D: float = 0.0
    max_D: float = float("inf")
    subset: str = ""  # runs chosen in a way min_D / max_D cannot express
    params: str = ""  # a parameter count no column of the store's runs holds

    def select(self, runs: pd.DataFrame) -> pd.DataFrame:
        """The runs the paper fitted on, by the D range it records."""
        if self.min_D <= 0 and self.max_D == float("inf"):
            return runs
        return runs[runs["D"].between(self.min_D, self.max_D)]

    def fit_kwargs(self, published: dict[str, float]) -> dict:
        return {
            "loss": self.loss,
            "delta": self.delta,
            "space": self.space,
            "exclude_top": self.exclude_top,
            "fixed": {name: published[name] for name in self.fixed},
        }


def parse_fit_options(text: str) -> RefitMethod:
    """The method of a law row's fit_options; a malformed value raises ValueError naming it."""
    fields = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        key, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"fit_options: '{part}' is not key=value")
        fields[key.strip()] = value.strip()
    unknown = set(fields) - {"loss", "delta", "space", "exclude_top", "fixed", "min_D", "max_D", "subset", "params"}
    if unknown:
        raise ValueError(f"fit_options: unknown key(s) {sorted(unknown)}")
    method = RefitMethod(
        label=f"as the paper: {text.strip()}",
        loss=fields.get("loss", "huber"),
        delta=float(fields.get("delta", 1e-3)),
        space=fields.get("space", "log"),
        exclude_top=int(fields.get("exclude_top", 0)),
        fixed=tuple(name.strip() for name in fields.get("fixed", "").split(",") if name.strip()),
        min_D=float(fields.get("min_D", 0.0)),
        max_D=float(fields.get("max_D", "inf")),
        subset=fields.get("subset", ""),
        params=fields.get("params", ""),
    )
    if method.loss not in LOSSES or method.space not in SPACES:
        raise ValueError(f"fit_options: loss must be one of {LOSSES} and space one of {SPACES}")
    return method


def candidate_methods(fit_options: str) -> tuple[RefitMethod, ...]:
    """The paper's method when recorded; otherwise every method of lib.fit's sensitivity table."""
    if fit_options.strip():
        return (parse_fit_options(fit_options),)
    return tuple(RefitMethod(label=label, loss=loss, delta=delta, space=space) for label, loss, delta, space in METHODS)
