"""Published coefficients transcribed by data/curate/laws_round3a.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import math

import pytest

from tests.law_files import coefficient_value, law_file_fixtures

_, coefs = law_file_fixtures("laws_round3a")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Gadre et al. 2024, Table 6, C4: 1.51 + (114 M^0.242 + 190 M^-0.242) C^-0.242
        ("gadre2024_overtraining_c4", "E", 1.51),
        ("gadre2024_overtraining_c4", "a", 114.0),
        ("gadre2024_overtraining_c4", "b", 190.0),
        ("gadre2024_overtraining_c4", "eta", 0.242),
        # RedPajama: 1.84 + (166 M^0.272 + 367 M^-0.272) C^-0.272
        ("gadre2024_overtraining_rpj", "b", 367.0),
        ("gadre2024_overtraining_rpj", "eta", 0.272),
        # RefinedWeb: 1.73 + (125 M^0.254 + 246 M^-0.254) C^-0.254
        ("gadre2024_overtraining_rw", "E", 1.73),
        # Table 6, Eq. (5): C4 0.850 - 2.08 exp(-0.756 L); RedPajama 0.857 - 2.21 exp(-0.715 L);
        # RefinedWeb 0.865 - 2.21 exp(-0.707 L)
        ("gadre2024_loss_to_error_c4", "epsilon", 0.850),
        ("gadre2024_loss_to_error_c4", "k", 2.08),
        ("gadre2024_loss_to_error_c4", "gamma", 0.756),
        ("gadre2024_loss_to_error_rpj", "gamma", 0.715),
        ("gadre2024_loss_to_error_rw", "epsilon", 0.865),
        # Tao et al. 2024, authors' release optimal_Nv_predict.py
        ("tao2024_approach1_N_nv_opt", "a", 0.5),
        ("tao2024_approach1_N_v_opt", "a", 0.4163622634135234),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_tao_prefactors_are_exp_of_the_printed_logs(coefs):
    assert math.log(coefficient_value(coefs, "tao2024_approach1_N_nv_opt", "k")) == pytest.approx(
        -2.4846510161625193, abs=1e-12
    )
    assert math.log(coefficient_value(coefs, "tao2024_approach1_N_v_opt", "k")) == pytest.approx(
        -1.589031299255507, abs=1e-12
    )
