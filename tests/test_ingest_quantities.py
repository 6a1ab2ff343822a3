"""parse_quantity: every accepted spelling, and a precise reason for every refused one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.ingest import parse_quantity
from lib.ingest.quantities import (
    BAD_GROUPING,
    EMPTY_VALUE,
    MISSING_MARKER,
    NOT_A_NUMBER,
    NOT_FINITE,
    UNKNOWN_SUFFIX,
    parse_quantities,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7B", 7e9),
        ("1.4T", 1.4e12),
        ("350M", 350e6),
        ("125k", 125e3),
        ("125K", 125e3),
        ("3e21", 3e21),
        ("3E+21", 3e21),
        ("1,000,000", 1e6),
        ("1_000_000", 1e6),
        (" 7 B ", 7e9),
        ("7b", 7e9),
        ("350m", 350e6),  # m is million, never milli
        ("2.5e9", 2.5e9),
        ("1.2 billion", 1.2e9),
        ("70 million", 70e6),
        ("3 thousand", 3e3),
        ("2 Trillion", 2e12),
        ("42", 42.0),
        ("0.5", 0.5),
        ("-3.5", -3.5),  # a number; the sign is validation's business
        (".5", 0.5),
        ("1,234.5", 1234.5),
        ("1.5e3M", 1.5e9),
    ],
)
def test_accepted_spellings(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", EMPTY_VALUE),
        ("   ", EMPTY_VALUE),
        ("NaN", MISSING_MARKER),
        ("N/A", MISSING_MARKER),
        ("inf", NOT_FINITE),
        ("-Infinity", NOT_FINITE),
        ("1e400", NOT_FINITE),
        ("abc", NOT_A_NUMBER),
        ("1.2.3", NOT_A_NUMBER),
        ("12%", NOT_A_NUMBER),
        ("7BB", UNKNOWN_SUFFIX.format(suffix="BB")),
        ("7 GB", UNKNOWN_SUFFIX.format(suffix="GB")),
        ("1,00,0", BAD_GROUPING),
        ("1,00,000", BAD_GROUPING),  # lakh grouping is ambiguous here
        ("1,000_000", BAD_GROUPING),
    ],
)
def test_refused_spellings_say_why(text, reason):
    with pytest.raises(ValueError) as error:
        parse_quantity(text)
    assert str(error.value) == reason


def test_the_reasons_read_as_written():
    assert UNKNOWN_SUFFIX.format(suffix="BB") == "not a number (unknown unit suffix 'BB'; use k, M, B or T)"
    assert NOT_A_NUMBER == "not a number"


def test_suffixes_shift_the_decimal_exponent_so_values_are_exact():
    # 8.377 * 1e6 is 8377000.000000001 in floating point; the text 8.377M means exactly 8377000.
    assert 8.377 * 1e6 != 8377000.0
    assert parse_quantity("8.377M") == 8377000.0
    assert parse_quantity("4.243B") == 4243000000.0


def test_plain_numbers_keep_every_digit():
    generator = np.random.default_rng(0)
    values = generator.uniform(1, 10, 1000) * 10.0 ** generator.integers(-5, 25, 1000)
    parsed = parse_quantities(pd.Series([repr(float(value)) for value in values], dtype="str"))
    assert np.array_equal(parsed.values, values)


def test_a_column_multiplier_is_applied_exactly_and_suffixed_cells_are_flagged():
    parsed = parse_quantities(pd.Series(["6.8", "0.07", "7B", "1,000"], dtype="str"), multiplier=1e9)
    assert parsed.values.tolist() == [6.8e9, 7e7, 7e18, 1e12]
    assert parsed.suffixed.tolist() == [False, False, True, False]


def test_a_multiplier_that_is_not_a_power_of_ten_multiplies():
    parsed = parse_quantities(pd.Series(["1", "2.5"], dtype="str"), multiplier=8.64e19)
    assert parsed.values.tolist() == [8.64e19, 2.5 * 8.64e19]


def test_the_vector_parser_aligns_values_and_reasons_with_the_input():
    parsed = parse_quantities(pd.Series(["7B", "", "abc", "1e3"], index=[10, 11, 12, 13], dtype="str"))
    assert np.isnan(parsed.values[[1, 2]]).all()
    assert parsed.values[[0, 3]].tolist() == [7e9, 1e3]
    assert parsed.reasons.tolist() == [None, EMPTY_VALUE, NOT_A_NUMBER, None]
    assert parsed.empty.tolist() == [False, True, False, False]
