"""Published coefficients transcribed by data/curate/laws_round4c.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient, coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_round4c")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Alabdulmohsin, Neyshabur & Zhai 2022, Sec. 4: "a more accurate estimate of the scaling
        # exponent is c = -0.40" (M2, ViT/B/16 on JFT-300M, ImageNet 10-shot error); alpha = -c
        ("alabdulmohsin2022_vit_b16_imagenet10shot_error_D", "alpha", 0.40),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_sign_convention_is_stated(coefs):
    # The paper prints the exponent as negative (c < 0); the registry's power law has X^-alpha.
    row = coefficient(coefs, "alabdulmohsin2022_vit_b16_imagenet10shot_error_D", "alpha")
    assert row["paper_symbol"] == "c"
    assert "alpha = -c" in row["note"]


def test_partial_laws_print_no_prefactor(laws, coefs):
    partial = set(laws.loc[laws["completeness"] == "partial", "law_id"])
    assert partial
    assert not coefs.loc[coefs["law_id"].isin(partial), "param"].isin(["k", "A", "E"]).any()


def test_every_law_names_how_it_was_read(laws):
    assert laws["notes"].str.contains("read_file id").all()
