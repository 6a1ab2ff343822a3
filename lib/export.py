"""Tables as CSV files a user can open safely in a spreadsheet.

A text cell beginning with =, +, -, @, a tab or a carriage return is read by spreadsheet
programs as a formula (CSV injection): a shared link or an uploaded file could plant
=HYPERLINK(...) in a colleague's sheet. Following the OWASP guidance, such text cells are
prefixed with a single quote; numeric columns stay numbers.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells cannot start a formula."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_bool_dtype(out[column]):
            continue
        out[column] = out[column].map(_neutralised)
    out.columns = [_neutralised(str(name)) for name in out.columns]
    return out


def _neutralised(cell):
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return neutralise_formulas(frame).to_csv(index=False).encode()
