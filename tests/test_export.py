"""CSV downloads cannot carry spreadsheet formulas."""

import io

import pandas as pd

from lib.export import csv_bytes, neutralise_formulas


def test_text_cells_that_start_a_formula_are_quoted_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "run_id": ["=HYPERLINK(\"https://evil.example\")", "+1", "-cmd", "@SUM(A1)", "\tx", "\ry", "ok-run", None],
            "value": [-1.5, 2.0, 3.0, -4.0, 5.0, 6.0, 7.0, 8.0],
        }
    )
    safe = neutralise_formulas(frame)
    assert safe["run_id"].tolist()[:7] == ["'=HYPERLINK(\"https://evil.example\")", "'+1", "'-cmd", "'@SUM(A1)", "'\tx", "'\ry", "ok-run"]
    assert pd.isna(safe["run_id"].iloc[7])
    assert safe["value"].tolist() == frame["value"].tolist()
    read_back = pd.read_csv(io.BytesIO(csv_bytes(frame)))
    assert read_back["value"].iloc[0] == -1.5
    assert not any(str(cell).startswith(("=", "+", "-", "@")) for cell in read_back["run_id"].dropna())


def test_a_column_name_cannot_start_a_formula_either():
    assert list(neutralise_formulas(pd.DataFrame({"=cmd": [1]})).columns) == ["'=cmd"]
