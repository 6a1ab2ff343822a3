"""Published coefficients transcribed by data/curate/laws_round4a.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import pytest

from tests.law_files import coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_round4a")


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Bhagia et al. 2024, Table 5 step 1: MMLU L(N, D) = 38.07/N^0.23 + 100.09/D^0.24 + 0.45
        ("bhagia2024_mmlu_taskloss_ND", "A", 38.07),
        ("bhagia2024_mmlu_taskloss_ND", "alpha", 0.23),
        ("bhagia2024_mmlu_taskloss_ND", "B", 100.09),
        ("bhagia2024_mmlu_taskloss_ND", "beta", 0.24),
        ("bhagia2024_mmlu_taskloss_ND", "E", 0.45),
        # Table 5 step 1: ARC-Challenge 702974.93/N^0.79 + 38.45/D^0.20 + 0.65
        ("bhagia2024_arc_challenge_taskloss_ND", "A", 702974.93),
        ("bhagia2024_arc_challenge_taskloss_ND", "alpha", 0.79),
        # Table 5 step 1: CommonsenseQA ... + 0.00 (printed irreducible term of zero)
        ("bhagia2024_csqa_taskloss_ND", "E", 0.0),
        # Table 5 step 1: Social IQa 1200.94/N^0.45 + 7897.19/D^0.48 + 0.95
        ("bhagia2024_socialiqa_taskloss_ND", "B", 7897.19),
        # Table 5 step 2: HellaSwag Acc(L) = -0.73/(1 + exp(-12.74(L - 0.77))) + 0.99
        ("bhagia2024_hellaswag_acc_from_taskloss", "ceiling", 0.99),
        ("bhagia2024_hellaswag_acc_from_taskloss", "slope", 12.74),
        ("bhagia2024_hellaswag_acc_from_taskloss", "midpoint", 0.77),
        # Table 5 step 2: MMLU Acc(L) = -0.74/(1 + exp(-4.83(L - 0.62))) + 1.00
        ("bhagia2024_mmlu_acc_from_taskloss", "slope", 4.83),
        ("bhagia2024_mmlu_acc_from_taskloss", "midpoint", 0.62),
        # MiniMax-01, Table 2, Softmax Attention: L = 3.7087 C^-0.0798,
        # N_opt = (1.82 x 10^8) C^0.7118, D_opt = (2.56 x 10^10) C^0.5102
        ("li2025b_softmax_loss_C", "A", 3.7087),
        ("li2025b_softmax_loss_C", "alpha", 0.0798),
        ("li2025b_softmax_N_opt", "k", 1.82e8),
        ("li2025b_softmax_N_opt", "a", 0.7118),
        ("li2025b_softmax_D_opt", "k", 2.56e10),
        ("li2025b_softmax_D_opt", "a", 0.5102),
        # Table 2, Hybrid-lightning: L = 3.4797 C^-0.0763, N_opt exponent 0.6670, D_opt 3.70 x 10^10
        ("li2025b_hybrid_loss_C", "A", 3.4797),
        ("li2025b_hybrid_loss_C", "alpha", 0.0763),
        ("li2025b_hybrid_N_opt", "a", 0.6670),
        ("li2025b_hybrid_D_opt", "k", 3.70e10),
        # Table 2, Lightning Attention: N_opt = (2.74 x 10^8) C^0.6470
        ("li2025b_lightning_N_opt", "k", 2.74e8),
        ("li2025b_lightning_N_opt", "a", 0.6470),
        # Hunyuan-Large, Sec. 2.3.1: N_c = 5.9 x 10^-3, alpha = 0.5305; D_c = 3.2, beta = 0.50
        ("sun2024_N_opt", "k", 5.9e-3),
        ("sun2024_N_opt", "a", 0.5305),
        ("sun2024_D_opt", "k", 3.2),
        ("sun2024_D_opt", "a", 0.50),
        # Muon is Scalable, Table 3: Muon 2.506 x C^-0.052, AdamW 2.608 x C^-0.054
        ("liu2025_muon_loss_C", "A", 2.506),
        ("liu2025_muon_loss_C", "alpha", 0.052),
        ("liu2025_adamw_loss_C", "A", 2.608),
        ("liu2025_adamw_loss_C", "alpha", 0.054),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == expected


def test_expected_laws_per_paper(laws):
    counts = laws.groupby("paper_id")["law_id"].count().to_dict()
    assert counts == {"bhagia2024": 16, "li2025b": 9, "sun2024": 2, "liu2025": 2}


def test_partial_sigmoids_leave_out_the_floor(laws, coefs):
    # Table 5 prints Acc = a/(1 + e^(-k(L - L0))) + b; the registry floor would be a + b (arithmetic).
    partial = set(laws.loc[laws["completeness"] == "partial", "law_id"])
    assert partial == {law for law in laws["law_id"] if law.endswith("_acc_from_taskloss")}
    params = coefs.loc[coefs["law_id"].isin(partial), "param"]
    assert set(params) == {"ceiling", "slope", "midpoint"}
