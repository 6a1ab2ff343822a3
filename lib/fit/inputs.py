"""Turning a caller's table into the named, checked arrays a law reads.

Callers pass a mapping or DataFrame keyed by input roles (N, D, C, U, E, M, L) or by the curated
points' column names (params, tokens, flops, ...). Every check here ends in a FitInputError
whose message says what is wrong and where.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np

from lib.conventions import ROLE_COLUMNS
from lib.fit.errors import FitInputError
from lib.laws import LawForm, get_law

# Column names of lib.schema.POINTS (and the CLI's CSV) for each input role, declared once.
ROLE_ALIASES = ROLE_COLUMNS


def resolve_law(law: LawForm | str) -> LawForm:
    if isinstance(law, LawForm):
        return law
    try:
        return get_law(law)
    except KeyError as exc:
        raise FitInputError(exc.args[0]) from None


def _column(data: Mapping, role: str) -> np.ndarray | None:
    for key in (role, ROLE_ALIASES.get(role)):
        if key is not None and key in data:
            return np.asarray(data[key], dtype=float)
    return None


def _role_column(law: LawForm, data: Mapping, role: str, x: str | None) -> np.ndarray:
    if role == "x":
        if x is None:
            present = [v for v in law.x_vars if _column(data, v) is not None]
            if len(present) != 1:
                raise FitInputError(
                    f"law '{law.name}' has one input X; say which column it is (one of {', '.join(law.x_vars)})"
                )
            x = present[0]
        if x not in law.x_vars:
            raise FitInputError(f"law '{law.name}' takes X from one of {', '.join(law.x_vars)}, not '{x}'")
        role = x
    values = _column(data, role)
    if values is None and role == "M":
        n, d = _column(data, "N"), _column(data, "D")
        if n is not None and d is not None:
            return d / n  # the token multiplier is tokens per parameter by definition
    if values is None:
        alias = ROLE_ALIASES.get(role)
        named = f"'{role}'" + (f" (or '{alias}')" if alias else "")
        raise FitInputError(f"law '{law.name}' needs the input {named}, which the data does not have")
    return values


def _rows(mask: np.ndarray) -> str:
    rows = np.flatnonzero(mask)
    shown = ", ".join(str(r) for r in rows[:5])
    return f"{len(rows)} row{'s' if len(rows) > 1 else ''} ({shown}{', ...' if len(rows) > 5 else ''})"


def _check(name: str, values: np.ndarray, n: int, positive: bool) -> None:
    if values.shape != (n,):
        raise FitInputError(f"'{name}' has {values.size} values but the outputs have {n}")
    bad = ~np.isfinite(values)
    if bad.any():
        raise FitInputError(f"'{name}' is missing, NaN or infinite in {_rows(bad)}; drop or fix those rows")
    if positive and (values <= 0).any():
        raise FitInputError(
            f"'{name}' must be positive (the law takes its logarithm or a power of it) "
            f"but is zero or negative in {_rows(values <= 0)}"
        )


def n_rows(data: Mapping) -> int:
    """Rows of a DataFrame or of a mapping of equal-length columns."""
    if hasattr(data, "columns"):
        return len(data)
    return int(np.size(next(iter(data.values())))) if len(data) else 0


def law_inputs(law: LawForm, data: Mapping, x: str | None = None) -> dict[str, np.ndarray]:
    """The law's inputs keyed by role, checked (finite, positive, one per row)."""
    n = n_rows(data)
    inputs = {role: _role_column(law, data, role, x) for role in law.inputs}
    for role, values in inputs.items():
        _check(x if role == "x" and x else role, values, n, positive=True)
    return inputs


def prepare_inputs(
    law: LawForm, data: Mapping, y, x: str | None = None, positive_y: bool = True
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The law's inputs as float arrays keyed by role, and the outputs; refuses bad values.

    `y` is an array or the name of a column of `data`. Every input is required to be positive
    because every registered form takes its logarithm or a power; outputs must be positive
    when residuals are taken in log space (`positive_y`).
    """
    if isinstance(y, str):
        if y not in data:
            raise FitInputError(f"the data has no output column '{y}'")
        y = data[y]
    y = np.asarray(y, dtype=float).ravel()
    _check("output", y, y.size, positive_y)
    if n_rows(data) != y.size:
        raise FitInputError(f"the data has {n_rows(data)} rows but {y.size} outputs")
    return law_inputs(law, data, x), y


def keep_below_top(y: np.ndarray, k: int) -> np.ndarray:
    """Indices of the points kept when the k highest outputs are left out.

    As Besiroglu et al. do: keep y < the k-th highest value, so points tied with it go too.
    """
    if k <= 0:
        return np.arange(y.size)
    if k >= y.size:
        raise FitInputError(f"cannot leave out the {k} highest-loss runs of only {y.size}")
    threshold = np.sort(y)[-k]
    return np.flatnonzero(y < threshold)
