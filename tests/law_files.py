"""Reading one transcribed law file (data/laws/<name>.csv and data/coefficients/<name>.csv) in the
per-file value tests."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR


def law_file_fixtures(name: str):
    """Module-scoped `laws` and `coefs` fixtures for one law file: assign them to those names."""

    @pytest.fixture(scope="module")
    def laws() -> pd.DataFrame:
        return pd.read_csv(DATA_DIR / "laws" / f"{name}.csv")

    @pytest.fixture(scope="module")
    def coefs() -> pd.DataFrame:
        return pd.read_csv(DATA_DIR / "coefficients" / f"{name}.csv")

    return laws, coefs


def coefficient(coefs: pd.DataFrame, law_id: str, param: str) -> pd.Series:
    """The one coefficient row of `law_id` named `param`."""
    match = coefs.loc[(coefs["law_id"] == law_id) & (coefs["param"] == param)]
    assert len(match) == 1, (law_id, param)
    return match.iloc[0]


def coefficient_value(coefs: pd.DataFrame, law_id: str, param: str) -> float:
    return float(coefficient(coefs, law_id, param)["value"])
