"""Published coefficients transcribed by data/curate/laws_domains.py: a few exact values
(shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_domains")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Henighan et al. 2020, Table 1, Image 8x8: L(N) = 3.12 + (N/8.0e1)^-0.24, L(C) = 3.13 + (C/1.8e-8)^-0.19
        ("henighan2020_image_8x8_L_N", "E", 3.12),
        ("henighan2020_image_8x8_L_N", "x_c", 8.0e1),
        ("henighan2020_image_8x8_L_N", "alpha", 0.24),
        ("henighan2020_image_8x8_L_C", "x_c", 1.8e-8),
        ("henighan2020_image_8x8_L_C", "alpha", 0.19),
        # Table 1, Video VQ 16x16x16: L(C) = 0.95 + (C/2.2e-5)^-0.14
        ("henighan2020_video_vq_L_C", "E", 0.95),
        ("henighan2020_video_vq_L_C", "x_c", 2.2e-5),
        # Table 1, Text-to-Im (Text): L(N) = (N/5.6e8)^-0.037 (no constant)
        ("henighan2020_text_to_image_text_L_N", "x_c", 5.6e8),
        ("henighan2020_text_to_image_text_L_N", "alpha", 0.037),
        # Table 3, 32x32: reducible (C/2.7e26)^-0.1, irreducible 6806 nats/image
        ("henighan2020_image_32x32_L_C_per_image", "E", 6806),
        ("henighan2020_image_32x32_L_C_per_image", "x_c", 2.7e26),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == pytest.approx(expected, rel=1e-12)


def test_forms_of_henighan_laws(laws):
    forms = laws.set_index("law_id")["form"]
    assert forms["henighan2020_image_8x8_L_N"] == "kaplan_single_offset"
    assert forms["henighan2020_image_to_text_text_L_N"] == "kaplan_single"
