"""Published coefficients transcribed by data/curate/laws_round4b.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient, coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_round4b")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Kumar et al. 2024, App. K Table 2: A 4.299e3, alpha 0.4965, B 1.806e4, E 2.7648
        ("kumar2024_L_NDP", "A", 4299.0),
        ("kumar2024_L_NDP", "alpha", 0.4965),
        ("kumar2024_L_NDP", "B", 18060.0),
        ("kumar2024_L_NDP", "E", 2.7648),
        # Zhang et al. 2024, App. A Table 4, WMT14 En-De / FMT: alpha_m 0.52, E 0.75, beta 0.15
        ("zhang2024_wmt14_en_de_fmt_L_N", "alpha", 0.52),
        ("zhang2024_wmt14_en_de_fmt_L_N", "E", 0.75),
        ("zhang2024_wmt14_en_de_fmt_L_Df", "alpha", 0.15),
        # Table 4, MLSum / Prompt: alpha_m 0.1, E 0.00051, beta 0.025
        ("zhang2024_mlsum_prompt_L_N", "alpha", 0.1),
        ("zhang2024_mlsum_prompt_L_N", "E", 0.00051),
        ("zhang2024_mlsum_prompt_L_Df", "alpha", 0.025),
        # Table 4, WMT19 En-Zh / LoRA: alpha_m 0.31, beta 0.025
        ("zhang2024_wmt19_en_zh_lora_L_N", "alpha", 0.31),
        ("zhang2024_wmt19_en_zh_lora_L_Df", "alpha", 0.025),
        # Ludziejewski et al. 2025, App. B Table 4 row E = 1: m 30.3640, mu -0.1817,
        # n 53.9838, nu -0.1965, c 1.3637 (alpha = -mu, beta = -nu)
        ("ludziejewski2025_dense_L_ND", "A", 30.364),
        ("ludziejewski2025_dense_L_ND", "alpha", 0.1817),
        ("ludziejewski2025_dense_L_ND", "B", 53.9838),
        ("ludziejewski2025_dense_L_ND", "beta", 0.1965),
        ("ludziejewski2025_dense_L_ND", "E", 1.3637),
        # Table 4 row E = 32: m 16.5424, mu -0.1557, n 234.6726, nu -0.2652
        ("ludziejewski2025_moe_e32_L_ND", "A", 16.5424),
        ("ludziejewski2025_moe_e32_L_ND", "alpha", 0.1557),
        ("ludziejewski2025_moe_e32_L_ND", "B", 234.6726),
        ("ludziejewski2025_moe_e32_L_ND", "beta", 0.2652),
        # Busbridge et al. 2025, App. F.3 Table 6 (Supervised): a 0.513, b 0.486, E 1.220
        ("busbridge2025_supervised_N_opt", "a", 0.513),
        ("busbridge2025_supervised_D_opt", "a", 0.486),
        ("busbridge2025_supervised_L_ND", "E", 1.22),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_busbridge_bootstrap_interval(coefs):
    # Table 6: E 1.220 (1.190, 1.247)
    row = coefficient(coefs, "busbridge2025_supervised_L_ND", "E")
    assert (float(row["ci_low"]), float(row["ci_high"])) == (1.19, 1.247)


def test_ludziejewski_irreducible_loss_shared_across_experts(laws, coefs):
    moe = laws.loc[laws["paper_id"] == "ludziejewski2025", "law_id"]
    assert len(moe) == 6
    e_values = coefs.loc[coefs["law_id"].isin(moe) & (coefs["param"] == "E"), "value"]
    assert set(e_values) == {1.3637}
    assert set(laws.loc[laws["paper_id"] == "ludziejewski2025", "completeness"]) == {"complete"}


def test_partial_laws_carry_no_dependent_prefactor(laws, coefs):
    # Zhang's prefactor depends on the other variable and Busbridge prints no k: neither is recorded.
    partial = laws.loc[
        (laws["completeness"] == "partial") & laws["paper_id"].isin(["zhang2024", "busbridge2025"]),
        "law_id",
    ]
    assert len(partial) == 21
    assert not coefs.loc[coefs["law_id"].isin(partial), "param"].isin(["A", "k"]).any()
