"""Published coefficients transcribed by data/curate/laws_round3b.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_round3b")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Alabdulmohsin et al. 2023, Sec. 4.1: s_depth ≈ 0.45, s_width ≈ 0.22, s_MLP ≈ 0.6
        ("alabdulmohsin2023_classification_depth_opt", "a", 0.45),
        ("alabdulmohsin2023_classification_width_opt", "a", 0.22),
        ("alabdulmohsin2023_classification_mlp_dim_opt", "a", 0.6),
        # Sec. 4.2: approximately 0.25, 0.49 and 0.62 for width, depth and MLP size
        ("alabdulmohsin2023_multitask_decoder_width_opt", "a", 0.25),
        ("alabdulmohsin2023_multitask_decoder_depth_opt", "a", 0.49),
        ("alabdulmohsin2023_multitask_decoder_mlp_dim_opt", "a", 0.62),
        # Fig. 5 caption: c ≈ 0.65
        ("alabdulmohsin2023_classification_error_t", "alpha", 0.65),
        # Krajewski et al. 2024, Table 1 'Dense': a 16.3, alpha 0.126, b 26.7, beta 0.127, c 0.47
        ("krajewski2024_dense_L_ND", "A", 16.3),
        ("krajewski2024_dense_L_ND", "alpha", 0.126),
        ("krajewski2024_dense_L_ND", "B", 26.7),
        ("krajewski2024_dense_L_ND", "beta", 0.127),
        ("krajewski2024_dense_L_ND", "E", 0.47),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_partial_laws_print_no_prefactor(laws, coefs):
    partial = set(laws.loc[laws["completeness"] == "partial", "law_id"])
    assert partial
    assert not coefs.loc[coefs["law_id"].isin(partial), "param"].isin(["k", "A", "E"]).any()
