"""Reading counts the way people write them in spreadsheets: "7B", "1.4T", "1,000,000", "3e21".

A unit suffix is a decimal multiplier, case-insensitive, with or without a space before it:
k / thousand = 1e3, M / million = 1e6, B / billion = 1e9, T / trillion = 1e12. "m" is million,
never milli, and "B" is billion, never bytes. Digits may be grouped in threes by commas or by
underscores ("1,000,000", "1_000_000"), one kind per number; the decimal separator is always ".".

Suffixes are applied by shifting the decimal exponent of the text ("1.4T" is read as "1.4e12"),
not by multiplying floats, so a value is the float nearest to what was written ("8.377M" is
exactly 8377000, where 8.377 * 1e6 is 8377000.000000001).

The fast path is vectorised: plain numbers go straight to a float cast, the suffix regex runs
only on the rest, and only cells that fail both are examined one by one to say why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.conventions import SUFFIX_EXPONENTS


# Why a cell is not a number. Each starts "not a ..." so a report can be grouped by its first words.
NOT_A_NUMBER = "not a number"
MISSING_MARKER = "not a number (a missing-value marker such as NaN or N/A)"
NOT_FINITE = "not a finite number (infinite, or too large for a 64-bit float)"
UNKNOWN_SUFFIX = "not a number (unknown unit suffix '{suffix}'; use k, M, B or T)"
BAD_GROUPING = "not a number (malformed digit grouping; group digits in threes, e.g. 1,000,000, or write 1000000)"
EMPTY_VALUE = "empty value"

MISSING_MARKERS = frozenset({"nan", "na", "n/a", "null", "none", "-", "--", "?"})
INFINITY_WORDS = frozenset({"inf", "infinity"})

_SUFFIX_ALTERNATIVES = "|".join(sorted(SUFFIX_EXPONENTS, key=len, reverse=True))  # longest first
PLAIN_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
# The exponent is capped at 4 digits so that adding the suffix's exponent cannot overflow an int.
QUANTITY = (
    r"(?i)^(?P<sign>[+-]?)"
    r"(?P<mantissa>(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(?:\.\d*)?|\.\d+)"
    r"(?:e(?P<exponent>[+-]?\d{1,4}))?"
    rf"\s*(?P<suffix>{_SUFFIX_ALTERNATIVES})?$"
)
# Anything shaped like "number then letters", to tell a bad suffix or bad grouping from plain junk.
_NUMBER_THEN_LETTERS = re.compile(r"(?P<number>[+-]?[\d.,_]*\d[\d.,_]*(?:[eE][+-]?\d+)?)\s*(?P<suffix>[A-Za-z]*)")


@dataclass(frozen=True)
class ParsedQuantities:
    """A column of cells read as numbers, aligned with the input.

    `values` is NaN wherever `reasons` holds why the cell is not a number (None where it is).
    `suffixed` marks cells written with a unit suffix ("7B"), so that a caller can report every
    value a suffix scaled.
    """

    values: np.ndarray
    reasons: np.ndarray
    empty: np.ndarray
    suffixed: np.ndarray


def exponent_shift(multiplier: float) -> int | None:
    """The power of ten `multiplier` is, or None (e.g. PF-days), so exact powers are applied exactly."""
    if multiplier <= 0:
        return None
    power = round(math.log10(multiplier))
    return power if 10.0**power == multiplier else None


def parse_quantities(cells: pd.Series, multiplier: float = 1.0) -> ParsedQuantities:
    """Read every cell of `cells` (text) as a number, times `multiplier` (a column's unit)."""
    text = cells.astype("str").fillna("").str.strip().reset_index(drop=True)
    size = len(text)
    values = np.full(size, np.nan)
    reasons = np.full(size, None, dtype=object)
    suffixed = np.zeros(size, dtype=bool)
    empty = (text == "").to_numpy(dtype=bool)

    shift = exponent_shift(multiplier)
    decimal_shift = shift if shift is not None else 0
    # With a decimal shift, plain numbers also take the exact path (their text gets the exponent).
    plain = text.str.fullmatch(PLAIN_NUMBER).to_numpy(dtype=bool) & (decimal_shift == 0)
    values[plain] = text[plain].astype("float64").to_numpy()

    rest = ~(plain | empty)
    parts = text[rest].str.extract(QUANTITY)
    matched = parts["mantissa"].notna()
    parts = parts[matched]
    if len(parts):
        suffix = parts["suffix"].fillna("").str.lower()
        exponent = (
            parts["exponent"].fillna("0").astype("int64")
            + suffix.map(SUFFIX_EXPONENTS).fillna(0).astype("int64")
            + decimal_shift
        )
        digits = parts["mantissa"].str.replace(r"[,_]", "", regex=True)
        exact_text = parts["sign"] + digits + "e" + exponent.astype("str")
        index = parts.index.to_numpy()
        values[index] = exact_text.astype("float64").to_numpy()
        suffixed[index] = (suffix != "").to_numpy(dtype=bool)

    if shift is None and multiplier != 1.0:
        values *= multiplier  # not a power of ten (PF-days): no exact decimal shift exists

    unread = rest.copy()
    unread[parts.index.to_numpy()] = False
    reasons[empty] = EMPTY_VALUE
    for position in np.flatnonzero(unread):
        reasons[position] = failure_reason(text.iat[position])
    overflowed = ~(np.isfinite(values) | empty | unread)
    reasons[overflowed] = NOT_FINITE
    values[overflowed] = np.nan
    return ParsedQuantities(values, reasons, empty, suffixed)


def failure_reason(text: str) -> str:
    """Why stripped, non-empty `text` is not a quantity: the most specific reason that applies."""
    lowered = text.lower()
    if lowered in MISSING_MARKERS:
        return MISSING_MARKER
    if lowered.lstrip("+-") in INFINITY_WORDS:
        return NOT_FINITE
    shape = _NUMBER_THEN_LETTERS.fullmatch(text)
    if shape:
        suffix = shape["suffix"]
        if suffix and suffix.lower() not in SUFFIX_EXPONENTS:
            return UNKNOWN_SUFFIX.format(suffix=suffix)
        if re.search(r"[,_]", shape["number"]):
            return BAD_GROUPING
    return NOT_A_NUMBER


def parse_quantity(text: str) -> float:
    """One cell as a number ("7B" -> 7e9); ValueError whose message is the precise reason otherwise."""
    parsed = parse_quantities(pd.Series([text], dtype="str"))
    if parsed.reasons[0] is not None:
        raise ValueError(parsed.reasons[0])
    return float(parsed.values[0])
