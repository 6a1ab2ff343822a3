"""Published coefficients transcribed by data/curate/laws_lm_more.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient, coefficient_value, law_file_fixtures

_, coefs = law_file_fixtures("laws_lm_more")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Hoffmann et al. 2022, Table 2: Approach 1 a = 0.50, b = 0.50; Approach 2 a = 0.49, b = 0.51
        ("hoffmann2022_approach1_N_opt", "a", 0.50),
        ("hoffmann2022_approach1_D_opt", "a", 0.50),
        ("hoffmann2022_approach2_N_opt", "a", 0.49),
        ("hoffmann2022_approach2_D_opt", "a", 0.51),
        # Muennighoff et al. 2023, App. A: R_N^* = 5.309743, R_D^* = 15.387756; A = 521, B = 1488, E = 1.87
        ("muennighoff2023_data_constrained", "R_N_star", 5.309743),
        ("muennighoff2023_data_constrained", "R_D_star", 15.387756),
        ("muennighoff2023_data_constrained", "A", 521.0),
        ("muennighoff2023_data_constrained", "B", 1488.0),
        ("muennighoff2023_data_constrained", "E", 1.87),
        # MiniCPM (Hu et al. 2024), Fig. 10 'Average': 7.15e-2/N^0.29 + 3.00e-1/D^0.23 + 0.31
        ("hu2024_L_ND_average", "A", 7.15e-2),
        ("hu2024_L_ND_average", "alpha", 0.29),
        ("hu2024_L_ND_average", "beta", 0.23),
        ("hu2024_L_ND_average", "E", 0.31),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_hoffmann_bootstrap_ranges(coefs):
    row = coefficient(coefs, "hoffmann2022_approach2_N_opt", "a")
    assert (row["ci_low"], row["ci_high"]) == (0.462, 0.534)
    row = coefficient(coefs, "hoffmann2022_approach1_D_opt", "a")
    assert (row["ci_low"], row["ci_high"]) == (0.501, 0.512)
