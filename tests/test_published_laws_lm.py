"""Published LM scaling laws transcribed by data/curate/laws_lm.py: a few exact values and
file-specific checks (shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_lm")


def test_allocation_laws_have_allocation_outputs(laws):
    allocation = laws[laws["form"] == "allocation"]
    assert set(allocation["output"]) <= {"N_opt", "D_opt", "M_opt", "tokens_per_param"}
    assert (allocation["x_var"] == "C").all()


def test_family_ids(laws):
    family = dict(zip(laws["law_id"], laws["family_id"]))
    assert family["hoffmann2022_approach3"] == "chinchilla_epoch"
    others = laws[laws["law_id"] != "hoffmann2022_approach3"]
    assert others["family_id"].isna().all()


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Kaplan et al. 2020, Eq. (1.1)-(1.3), Table 2, Table 6
        ("kaplan2020_L_N", "x_c", 8.8e13),
        ("kaplan2020_L_N", "alpha", 0.076),
        ("kaplan2020_L_D", "x_c", 5.4e13),
        ("kaplan2020_L_D", "alpha", 0.095),
        ("kaplan2020_L_Cmin", "x_c", 3.1e8),
        ("kaplan2020_L_Cmin", "alpha", 0.050),
        ("kaplan2020_L_ND", "alpha_D", 0.103),
        ("kaplan2020_L_ND", "N_c", 6.4e13),
        ("kaplan2020_N_opt", "k", 1.3e9),
        ("kaplan2020_N_opt", "a", 0.73),
        # Hoffmann et al. 2022, App. D.2 Eq. (10)
        ("hoffmann2022_approach3", "E", 1.69),
        ("hoffmann2022_approach3", "A", 406.4),
        ("hoffmann2022_approach3", "B", 410.7),
        ("hoffmann2022_approach3", "alpha", 0.34),
        ("hoffmann2022_approach3", "beta", 0.28),
        # DeepSeek LLM, Eq. (4)
        ("bi2024_M_opt", "k", 0.1715),
        ("bi2024_M_opt", "a", 0.5243),
        ("bi2024_D_opt", "k", 5.8316),
        ("bi2024_D_opt", "a", 0.4757),
        # Llama 3, Sec. 3.2.1
        ("dubey2024_tokens_opt", "k", 0.29),
        ("dubey2024_tokens_opt", "a", 0.53),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_deepseek_exponents_sum_to_one(coefs):
    # C = M D, so the two printed exponents must add to 1.
    total = coefficient_value(coefs, "bi2024_M_opt", "a") + coefficient_value(coefs, "bi2024_D_opt", "a")
    assert total == pytest.approx(1.0, abs=1e-9)
