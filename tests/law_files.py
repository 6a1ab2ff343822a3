"""Reading the law catalogue (data/laws/<paper_id>.csv and data/coefficients/<paper_id>.csv) in
the law tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.laws import get_law
from lib.schema import DATA_DIR


def catalogue_paper_ids() -> list[str]:
    """Every paper with a law file, by file name."""
    return sorted(path.stem for path in (DATA_DIR / "laws").glob("*.csv"))


def read_law_files(paper_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One paper's laws and coefficients."""
    return (
        pd.read_csv(DATA_DIR / "laws" / f"{paper_id}.csv"),
        pd.read_csv(DATA_DIR / "coefficients" / f"{paper_id}.csv"),
    )


def coefficient(coefs: pd.DataFrame, law_id: str, param: str) -> pd.Series:
    """The one coefficient row of `law_id` named `param`."""
    match = coefs.loc[(coefs["law_id"] == law_id) & (coefs["param"] == param)]
    assert len(match) == 1, (law_id, param)
    return match.iloc[0]


def coefficient_value(coefs: pd.DataFrame, law_id: str, param: str) -> float:
    return float(coefficient(coefs, law_id, param)["value"])


def predict_law(paper_id: str, law_id: str, **inputs) -> np.ndarray:
    """The law's prediction through its registry form, with the coefficients as written."""
    laws, coefs = read_law_files(paper_id)
    form = get_law(laws.set_index("law_id").loc[law_id, "form"])
    params = {p: coefficient_value(coefs, law_id, p) for p in form.param_names}
    if "x" in form.inputs:  # a one-variable form reads its single input as X
        (value,) = inputs.values()
        inputs = {"x": value}
    return form.predict(params, {k: np.asarray(v, dtype=float) for k, v in inputs.items()})
