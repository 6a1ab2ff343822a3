"""The curated tables of one curation script (data/<table>/<name>.csv), as module-scoped
fixtures for its tests."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR


def curated_fixtures(name: str):
    """`points`, `families` and `metrics` fixtures for one script's files: assign them to those
    names (or to `_` for a table the tests do not read)."""

    def table_fixture(table: str):
        @pytest.fixture(scope="module", name=table)
        def read() -> pd.DataFrame:
            return pd.read_csv(DATA_DIR / table / f"{name}.csv")

        return read

    return table_fixture("points"), table_fixture("families"), table_fixture("metrics")
