"""Laws of further papers (catalogue modules fang2024, shen2024a, cuervo2024, gokce2025, edwards2024,
baniodeh2025, ji2024, khatri2025, merrill2026,
tian2025, castro2025, pourmirzaei2026): every
coefficient is the paper's printed digit (after the registry's renaming and sign convention), and
the laws reproduce what the papers themselves state about them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.laws import get_law
from tests.law_files import coefficient, coefficient_value, predict_law, read_law_files

PAPER_IDS = ("fang2024", "shen2024a", "cuervo2024", "gokce2025", "edwards2024", "baniodeh2025", "ji2024", "khatri2025", "merrill2026", "tian2025", "castro2025", "pourmirzaei2026")


def coefficients_of(law_id: str) -> pd.DataFrame:
    return read_law_files(law_id.split("_", 1)[0])[1]


def value(law_id: str, param: str) -> float:
    return coefficient_value(coefficients_of(law_id), law_id, param)


def predict(law_id: str, **inputs) -> float:
    """The law's prediction, its paper read from the law id."""
    return float(predict_law(law_id.split("_", 1)[0], law_id, **inputs))


# (law_id, param, value as printed, after the registry's renaming / sign convention)
TRANSCRIBED = [
    # Fang et al. 2024, Table 1: MSMARCO A 4.54e4, alpha 0.46, delta_N 0.02; T2Ranking 9.88e6, 0.53, 0.14
    ("fang2024_msmarco_L_N", "x_c", 4.54e4),
    ("fang2024_msmarco_L_N", "alpha", 0.46),
    ("fang2024_msmarco_L_N", "E", 0.02),
    ("fang2024_t2ranking_L_N", "x_c", 9.88e6),
    ("fang2024_t2ranking_L_N", "alpha", 0.53),
    ("fang2024_t2ranking_L_N", "E", 0.14),
    # Table 2: MSMARCO B 2.37e-2, beta 0.19, delta_D 0.01; T2Ranking 6.04e4, 0.50, 0.15
    ("fang2024_msmarco_L_D", "x_c", 2.37e-2),
    ("fang2024_msmarco_L_D", "alpha", 0.19),
    ("fang2024_msmarco_L_D", "E", 0.01),
    ("fang2024_t2ranking_L_D", "x_c", 6.04e4),
    ("fang2024_t2ranking_L_D", "alpha", 0.50),
    ("fang2024_t2ranking_L_D", "E", 0.15),
    # Eq. (10)-(11): A 8.2e5, B 5.2e3, alpha 0.57, beta 1.39 (delta 0.03 has no registry parameter)
    ("fang2024_msmarco_L_ND", "N_c", 8.2e5),
    ("fang2024_msmarco_L_ND", "alpha_N", 0.57),
    ("fang2024_msmarco_L_ND", "D_c", 5.2e3),
    ("fang2024_msmarco_L_ND", "alpha_D", 1.39),
    # Shen et al. 2024, Table 3: L(C), N_opt(C), D_opt(C) per architecture
    ("shen2024a_llama_loss_C", "A", 3.7087),
    ("shen2024a_llama_loss_C", "alpha", 0.0798),
    ("shen2024a_llama_N_opt", "k", 1.82e8),
    ("shen2024a_llama_N_opt", "a", 0.7118),
    ("shen2024a_llama_D_opt", "k", 2.56e10),
    ("shen2024a_llama_D_opt", "a", 0.5102),
    ("shen2024a_tnl_loss_C", "A", 3.5391),
    ("shen2024a_tnl_loss_C", "alpha", 0.0768),
    ("shen2024a_tnl_N_opt", "k", 2.74e8),
    ("shen2024a_tnl_N_opt", "a", 0.6470),
    ("shen2024a_tnl_D_opt", "k", 4.43e10),
    ("shen2024a_tnl_D_opt", "a", 0.4684),
    ("shen2024a_hgrn2_loss_C", "A", 3.4788),
    ("shen2024a_hgrn2_loss_C", "alpha", 0.0753),
    ("shen2024a_hgrn2_N_opt", "k", 2.66e8),
    ("shen2024a_hgrn2_N_opt", "a", 0.6427),
    ("shen2024a_hgrn2_D_opt", "k", 4.80e10),
    ("shen2024a_hgrn2_D_opt", "a", 0.4500),
    ("shen2024a_cosformer2_loss_C", "A", 3.5877),
    ("shen2024a_cosformer2_loss_C", "alpha", 0.0756),
    ("shen2024a_cosformer2_N_opt", "k", 2.65e8),
    ("shen2024a_cosformer2_N_opt", "a", 0.6516),
    ("shen2024a_cosformer2_D_opt", "k", 4.23e10),
    ("shen2024a_cosformer2_D_opt", "a", 0.4529),
    # Cuervo & Marxer 2024, Table 5 SPEECH: E 1.73, A 13.9, B 39.8, alpha 0.25, beta 0.24, RN 31.0, RD 25.0
    ("cuervo2024_speech_data_constrained", "E", 1.73),
    ("cuervo2024_speech_data_constrained", "A", 13.9),
    ("cuervo2024_speech_data_constrained", "B", 39.8),
    ("cuervo2024_speech_data_constrained", "alpha", 0.25),
    ("cuervo2024_speech_data_constrained", "beta", 0.24),
    ("cuervo2024_speech_data_constrained", "R_N_star", 31.0),
    ("cuervo2024_speech_data_constrained", "R_D_star", 25.0),
    # Table 4 gamma_q (alpha = -gamma_q): SPEECH 0.021, 0.025, 0.017; TEXT 0.066, 0.039, 0.046
    ("cuervo2024_speech_blimp_C", "alpha", -0.021),
    ("cuervo2024_speech_tstorycloze_C", "alpha", -0.025),
    ("cuervo2024_speech_sstorycloze_C", "alpha", -0.017),
    ("cuervo2024_text_blimp_C", "alpha", -0.066),
    ("cuervo2024_text_tstorycloze_C", "alpha", -0.039),
    ("cuervo2024_text_sstorycloze_C", "alpha", -0.046),
    # Gokce & Schrimpf 2025: S = 1 - 1.4 C^-0.06, S = 0.48 - 0.55 C^-0.16 (E = 1 - saturation); D ~ C^0.7, N ~ C^0.3
    ("gokce2025_behavior_misalignment_C", "E", 0.0),
    ("gokce2025_behavior_misalignment_C", "alpha", 0.06),
    ("gokce2025_neural_misalignment_C", "E", 0.52),
    ("gokce2025_neural_misalignment_C", "alpha", 0.16),
    ("gokce2025_N_opt", "a", 0.3),
    ("gokce2025_D_opt", "a", 0.7),
    # Edwards et al. 2024, table 'Power-law fits': B_0 per objective and quantity (x_c = 10**log10(A_0),
    # checked against the printed log10(A_0) in test_edwards_scales_are_ten_to_the_printed_logs)
    ("edwards2024_mse_N", "alpha", 0.042),
    ("edwards2024_crps_N", "alpha", 0.036),
    ("edwards2024_loglik_N", "alpha", 0.151),
    ("edwards2024_mse_C", "alpha", 0.031),
    ("edwards2024_crps_C", "alpha", 0.028),
    ("edwards2024_loglik_C", "alpha", 0.101),
    ("edwards2024_mse_D", "alpha", 0.062),
    ("edwards2024_crps_D", "alpha", 0.027),
    ("edwards2024_loglik_D", "alpha", 0.188),
    ("edwards2024_mse_N", "x_c", 10 ** -19.47),
    ("edwards2024_crps_N", "x_c", 10 ** -22.64),
    ("edwards2024_loglik_N", "x_c", 10 ** 4.33),
    ("edwards2024_mse_C", "x_c", 10 ** -38.88),
    ("edwards2024_crps_C", "x_c", 10 ** -43.03),
    ("edwards2024_loglik_C", "x_c", 10 ** -6.65),
    ("edwards2024_mse_D", "x_c", 10 ** -8.91),
    ("edwards2024_crps_D", "x_c", 10 ** -30.42),
    ("edwards2024_loglik_D", "x_c", 10 ** 7.00),
    # Baniodeh et al. 2025: N_opt ~ C^(0.63 +- 0.08), D_opt ~ C^(0.44 +- 0.06)
    ("baniodeh2025_N_opt", "a", 0.63),
    ("baniodeh2025_D_opt", "a", 0.44),
    # Ji et al. 2024 (Uni-Mol2), Eq. (11): 2.660 M^-1.137 + 1.848 S^-0.225 (+ 0.588 C^-1.479, not held)
    ("ji2024_unimol2_L_MS", "A", 2.660),
    ("ji2024_unimol2_L_MS", "alpha", 1.137),
    ("ji2024_unimol2_L_MS", "B", 1.848),
    ("ji2024_unimol2_L_MS", "beta", 0.225),
]

# Khatri et al. 2025 (ScaleRL), App. A.14 Table 1: row -> (C_mid in GPU-hours, B, A) as printed
KHATRI_TABLE1 = {
    "scalerl": (2542, 1.92, 0.610),
    "scalerl_32k": (11272, 1.89, 0.645),
    "scalerl_8gen": (2542, 2.44, 0.585),
    "scalerl_24gen": (3054, 2.22, 0.590),
    "scalerl_32gen": (2936, 2.07, 0.595),
    "scalerl_scout": (4242, 1.65, 0.710),
    "scalerl_bs512": (2818, 1.77, 0.605),
    "scalerl_bs2048": (10909, 1.70, 0.645),
    "scalerl_mathcode_math": (2896, 2.05, 0.595),
    "scalerl_mathcode_code": (1675, 1.09, 0.615),
}
# Merrill et al. 2026 (Olmo Hybrid), Table 18: free fit E, A, B (exponents from the Figure 8 caption),
# fixed-exponent fit E, A, B (alpha = beta = 0.22), and the free fit's a_opt, b_opt
MERRILL_FREE = {
    "transformer": (1.65, 108.83, 0.252, 83.45, 0.213, 0.46, 0.54),
    "hybrid": (1.60, 71.14, 0.226, 81.72, 0.219, 0.49, 0.51),
    "pure_gdn": (1.46, 36.24, 0.183, 102.72, 0.227, 0.55, 0.45),
}
MERRILL_FIXED = {"transformer": (1.55, 66.63, 94.85), "hybrid": (1.58, 65.09, 83.65), "pure_gdn": (1.61, 62.38, 90.80)}
for arch, (e, a, alpha, b, beta, a_opt, b_opt) in MERRILL_FREE.items():
    TRANSCRIBED += [
        (f"merrill2026_{arch}_L_ND_free", "E", e), (f"merrill2026_{arch}_L_ND_free", "A", a),
        (f"merrill2026_{arch}_L_ND_free", "alpha", alpha), (f"merrill2026_{arch}_L_ND_free", "B", b),
        (f"merrill2026_{arch}_L_ND_free", "beta", beta),
        (f"merrill2026_{arch}_N_opt", "a", a_opt), (f"merrill2026_{arch}_D_opt", "a", b_opt),
    ]
for arch, (e, a, b) in MERRILL_FIXED.items():
    law = f"merrill2026_{arch}_L_ND_fixed_exponents"
    TRANSCRIBED += [(law, "E", e), (law, "A", a), (law, "B", b), (law, "alpha", 0.22), (law, "beta", 0.22)]

# Tian et al. 2025, Eq. (3) and Table 1 (printed coefficient, exponent)
TRANSCRIBED += [
    ("tian2025_moe_learning_rate_opt_C", "k", 1.1576), ("tian2025_moe_learning_rate_opt_C", "a", -0.1529),
    ("tian2025_moe_batch_size_opt_C", "k", 0.0694), ("tian2025_moe_batch_size_opt_C", "a", 0.3644),
    ("tian2025_dense_M_opt", "k", 0.0655), ("tian2025_dense_M_opt", "a", 0.5422),
    ("tian2025_moe_M_opt", "k", 0.1915), ("tian2025_moe_M_opt", "a", 0.5095),
    ("tian2025_dense_D_opt", "k", 15.2582), ("tian2025_dense_D_opt", "a", 0.4578),
    ("tian2025_moe_D_opt", "k", 5.2232), ("tian2025_moe_D_opt", "a", 0.4905),
]

# registry sigmoid: ceiling = A, slope = B ln 10, midpoint = log10 C_mid
TRANSCRIBED += [
    (f"khatri2025_{key}_passrate_gpu_hours", param, value_)
    for key, (c_mid, b, a) in KHATRI_TABLE1.items()
    for param, value_ in (("ceiling", a), ("slope", b * np.log(10)), ("midpoint", np.log10(c_mid)))
]

TRANSCRIBED += [
    ("castro2025_bf16_L_ND", "E", 1.35),
    ("pourmirzaei2026_pllm_loss_C", "alpha", 0.038),
    ("pourmirzaei2026_plm_loss_C", "alpha", 0.020),
    ("pourmirzaei2026_sllm_loss_C", "alpha", 0.049),
]

# (law_id, inputs, what the paper states the law gives, relative tolerance, where it says so)
STATED = [
    # Figure 1 legends print the Table 3 laws rounded: L = 3.71 C^-0.0798 (LLaMA), 3.54 C^-0.0768
    # (TNL), 3.48 C^-0.0753 (HGRN2), 3.59 C^-0.0756 (cosFormer2); at C = 1 PFLOP/s-day L is the prefactor
    ("shen2024a_llama_loss_C", {"C": 1.0}, 3.71, 2e-3, "Figure 1 legend, LLaMA: L = 3.71C^-0.0798"),
    ("shen2024a_tnl_loss_C", {"C": 1.0}, 3.54, 2e-3, "Figure 1 legend, TNL: L = 3.54C^-0.0768"),
    ("shen2024a_hgrn2_loss_C", {"C": 1.0}, 3.48, 2e-3, "Figure 1 legend, HGRN2: L = 3.48C^-0.0753"),
    ("shen2024a_cosformer2_loss_C", {"C": 1.0}, 3.59, 2e-3, "Figure 1 legend, cosFormer2: L = 3.59C^-0.0756"),
    # Sec. 4.1: as N grows without bound the contrastive perplexity approaches delta_N, not zero
    ("fang2024_msmarco_L_N", {"N": 1e40}, 0.02, 1e-6, "Sec. 4.1: L(N) approaches delta_N as N goes to infinity"),
    ("fang2024_t2ranking_L_N", {"N": 1e40}, 0.14, 1e-6, "Sec. 4.1: L(N) approaches delta_N as N goes to infinity"),
    # Merrill et al. 2026, Table 4 (free fit on the final models; nominal sizes used as N)
    ("merrill2026_hybrid_L_ND_free", {"N": 7e9, "D": 5.5e12}, 2.142, 0.01, "Table 4 / Sec. 4.1: Olmo Hybrid 7B, 5.5T tokens, predicted 2.142"),
    ("merrill2026_transformer_L_ND_free", {"N": 7e9, "D": 5.93e12}, 2.16, 0.01, "Table 4: Olmo 3 7B, 5.93T tokens, predicted 2.16"),
    ("merrill2026_transformer_L_ND_free", {"N": 32e9, "D": 5.5e12}, 2.05, 0.01, "Table 4: Olmo 3 32B, 5.5T tokens, predicted 2.05"),
    # Table 19: predicted loss at the printed compute-optimal (N*, D*)
    ("merrill2026_transformer_L_ND_free", {"N": 13.5e9, "D": 123.6e9}, 2.31, 0.005, "Table 19, 1e22 FLOPs, Transformer"),
    ("merrill2026_hybrid_L_ND_free", {"N": 21.6e9, "D": 77.2e9}, 2.27, 0.005, "Table 19, 1e22 FLOPs, Hybrid GDN"),
    ("merrill2026_pure_gdn_L_ND_free", {"N": 26.0e9, "D": 64.1e9}, 2.27, 0.005, "Table 19, 1e22 FLOPs, Pure GDN"),
    ("merrill2026_transformer_L_ND_free", {"N": 4.7e9, "D": 35.5e9}, 2.51, 0.005, "Table 19, 1e21 FLOPs, Transformer"),
    ("merrill2026_hybrid_L_ND_free", {"N": 7.0e9, "D": 24.0e9}, 2.46, 0.005, "Table 19, 1e21 FLOPs, Hybrid GDN"),
    ("merrill2026_pure_gdn_L_ND_free", {"N": 7.3e9, "D": 22.9e9}, 2.49, 0.005, "Table 19, 1e21 FLOPs, Pure GDN"),
]


@pytest.mark.parametrize("law_id,param,expected", TRANSCRIBED)
def test_coefficients_are_the_printed_values(law_id, param, expected):
    assert value(law_id, param) == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_every_coefficient_of_these_papers_is_asserted():
    written = pd.concat([read_law_files(paper_id)[1] for paper_id in PAPER_IDS])
    assert set(zip(written["law_id"], written["param"])) == {(law, param) for law, param, _ in TRANSCRIBED}


@pytest.mark.parametrize("law_id,inputs,expected,rel,where", STATED)
def test_law_gives_what_the_paper_states(law_id, inputs, expected, rel, where):
    assert predict(law_id, **inputs) == pytest.approx(expected, rel=rel), where


@pytest.mark.parametrize(
    "metric,ratio",
    # Sec. 4.3.1: ratios of the text to the speech exponent, 0.066/0.021 = 3.14, then 1.56 and 2.7
    [("blimp", 3.14), ("tstorycloze", 1.56), ("sstorycloze", 2.7)],
)
def test_cuervo_relative_efficiency_ratios(metric, ratio):
    text, speech = value(f"cuervo2024_text_{metric}_C", "alpha"), value(f"cuervo2024_speech_{metric}_C", "alpha")
    assert text / speech == pytest.approx(ratio, abs=0.01)


def test_cuervo_allocation_exponents_are_about_one_half():
    """Sec. 4.3.2: from Eq. (6), a = beta/(alpha + beta) and b = alpha/(alpha + beta) are both about 0.5."""
    alpha, beta = (value("cuervo2024_speech_data_constrained", p) for p in ("alpha", "beta"))
    assert beta / (alpha + beta) == pytest.approx(0.5, abs=0.02)
    assert alpha / (alpha + beta) == pytest.approx(0.5, abs=0.02)


def test_cuervo_excess_parameters_decay_slower_than_repeated_tokens():
    """Sec. 4.3.2: contrary to text, R_N^* > R_D^* for speech."""
    assert value("cuervo2024_speech_data_constrained", "R_N_star") > value("cuervo2024_speech_data_constrained", "R_D_star")


def test_cuervo_single_epoch_reduces_to_chinchilla():
    """With D = U (one epoch) and N within the optimum for U, the law is E + A/N^alpha + B/D^beta."""
    n, d = 1e7, 1e10
    expected = 1.73 + 13.9 / n**0.25 + 39.8 / d**0.24
    assert predict("cuervo2024_speech_data_constrained", N=n, D=d, U=d) == pytest.approx(expected, rel=1e-12)


def test_linear_models_reach_lower_loss_than_llama_at_large_compute():
    """Table 3 caption: under the same budget linear-complexity models obtain lower loss."""
    for compute in (1e2, 1e3):  # PFLOP/s-days
        llama = value("shen2024a_llama_loss_C", "A") * compute ** -value("shen2024a_llama_loss_C", "alpha")
        for arch in ("tnl", "hgrn2", "cosformer2"):
            law = f"shen2024a_{arch}_loss_C"
            assert value(law, "A") * compute ** -value(law, "alpha") < llama


PREFACTOR_FREE = ("cuervo2024", "gokce2025", "baniodeh2025", "castro2025", "pourmirzaei2026")


def test_partial_laws_invent_no_prefactor():
    laws = pd.concat([read_law_files(paper_id)[0] for paper_id in PREFACTOR_FREE])
    coefs = pd.concat([read_law_files(paper_id)[1] for paper_id in PREFACTOR_FREE])
    partial = set(laws.loc[laws["completeness"] == "partial", "law_id"])
    assert partial
    assert not coefs.loc[coefs["law_id"].isin(partial), "param"].isin(["A", "k"]).any()


def test_fang_joint_law_is_partial_for_its_offset():
    laws = read_law_files("fang2024")[0].set_index("law_id")
    assert laws.loc["fang2024_msmarco_L_ND", "completeness"] == "partial"
    assert "delta = 0.03" in laws.loc["fang2024_msmarco_L_ND", "notes"]


# Edwards et al. 2024, table 'Power-law fits': the printed log10(A_0) of every fit
EDWARDS_LOG10_A0 = {
    "mse_N": -19.47, "crps_N": -22.64, "loglik_N": 4.33,
    "mse_C": -38.88, "crps_C": -43.03, "loglik_C": -6.65,
    "mse_D": -8.91, "crps_D": -30.42, "loglik_D": 7.00,
}


@pytest.mark.parametrize("fit,log10_a0", sorted(EDWARDS_LOG10_A0.items()))
def test_edwards_scales_are_ten_to_the_printed_logs(fit, log10_a0):
    assert np.log10(value(f"edwards2024_{fit}", "x_c")) == pytest.approx(log10_a0, abs=1e-12)


def test_edwards_loglik_falls_fastest_with_every_resource():
    """Sec. 4.1: the log-likelihood follows the power law most cleanly and steepest (largest B_0)."""
    for quantity in ("N", "C", "D"):
        slopes = {objective: value(f"edwards2024_{objective}_{quantity}", "alpha") for objective in ("mse", "crps", "loglik")}
        assert max(slopes, key=slopes.get) == "loglik"


def test_baniodeh_model_grows_about_one_and_a_half_times_as_fast_as_data():
    """Sec. 'Scaling Laws': the optimal model size should grow about 1.5 times as fast as the data."""
    assert value("baniodeh2025_N_opt", "a") / value("baniodeh2025_D_opt", "a") == pytest.approx(1.5, abs=0.1)


@pytest.mark.parametrize(
    "millions_of_parameters,stated",
    # Sec. 4: at 810,000 steps the law predicts 0.088 for the 570M model and 0.0871 for the 1.1B one
    [(570, 0.088), (1100, 0.0871)],
)
def test_ji_eq11_gives_the_stated_predictions_with_m_in_millions(millions_of_parameters, stated):
    """Eq. (11) from the stored terms plus the compute term 0.588 (M S)^-1.479 the form cannot hold."""
    law = "ji2024_unimol2_L_MS"
    m, s = millions_of_parameters, 810_000
    loss = value(law, "A") * m ** -value(law, "alpha") + value(law, "B") * s ** -value(law, "beta") + 0.588 * (m * s) ** -1.479
    assert loss == pytest.approx(stated, rel=0.01)


@pytest.mark.parametrize("key,printed", sorted(KHATRI_TABLE1.items()))
def test_khatri_sigmoid_gives_back_the_printed_b_and_c_mid(key, printed):
    c_mid, b, _ = printed
    law = f"khatri2025_{key}_passrate_gpu_hours"
    assert value(law, "slope") / np.log(10) == pytest.approx(b, rel=1e-12)
    assert 10 ** value(law, "midpoint") == pytest.approx(c_mid, rel=1e-12)


def test_khatri_sigmoid_is_eq1():
    """Eq. (1) R_C = R_0 + (A - R_0)/(1 + (C_mid/C)^B) through the registry sigmoid, for an assumed R_0."""
    law = "khatri2025_scalerl_passrate_gpu_hours"
    form = get_law("sigmoid")
    params = {p: value(law, p) for p in ("ceiling", "slope", "midpoint")} | {"floor": 0.3}
    for gpu_hours in (1500.0, 2542.0, 16000.0):
        eq1 = 0.3 + (0.610 - 0.3) / (1 + (2542 / gpu_hours) ** 1.92)
        assert float(form.predict(params, {"x": np.asarray(gpu_hours)})) == pytest.approx(eq1, rel=1e-12)


def test_khatri_100k_run_fit_matches_table1():
    """App. A.7: the 100k GPU-hour 8B run fitted over (1.5k, 50k) gives B = 1.70, A = 0.645 (row bs2048)."""
    law = "khatri2025_scalerl_bs2048_passrate_gpu_hours"
    assert value(law, "ceiling") == 0.645
    assert value(law, "slope") / np.log(10) == pytest.approx(1.70, rel=1e-12)


@pytest.mark.parametrize("arch", sorted(MERRILL_FREE))
def test_merrill_allocation_exponents_follow_from_the_free_fit(arch):
    """Table 18: a_opt = beta/(alpha + beta) and b_opt = alpha/(alpha + beta), printed to two decimals."""
    law = f"merrill2026_{arch}_L_ND_free"
    alpha, beta = value(law, "alpha"), value(law, "beta")
    assert value(f"merrill2026_{arch}_N_opt", "a") == pytest.approx(beta / (alpha + beta), abs=0.006)
    assert value(f"merrill2026_{arch}_D_opt", "a") == pytest.approx(alpha / (alpha + beta), abs=0.006)


def test_merrill_fixed_fit_hybrid_has_the_lower_data_coefficient():
    """Sec. 4.1: with alpha = beta = 0.22 the hybrid's B is robustly below the transformer's (non-overlapping CIs)."""
    coefs = coefficients_of("merrill2026_hybrid_L_ND_fixed_exponents")
    hybrid = coefficient(coefs, "merrill2026_hybrid_L_ND_fixed_exponents", "B")
    transformer = coefficient(coefs, "merrill2026_transformer_L_ND_fixed_exponents", "B")
    assert float(hybrid["ci_high"]) < float(transformer["ci_low"])


@pytest.mark.parametrize("arch", ["dense", "moe"])
def test_tian_model_times_data_is_compute(arch):
    """Eq. (2) C = M D: each row of Table 1 has exponents adding to 1 and coefficients multiplying to ~1."""
    m_law, d_law = f"tian2025_{arch}_M_opt", f"tian2025_{arch}_D_opt"
    assert value(m_law, "a") + value(d_law, "a") == pytest.approx(1.0, abs=1e-9)
    assert value(m_law, "k") * value(d_law, "k") == pytest.approx(1.0, abs=1e-3)


@pytest.mark.parametrize("compute", [3e17, 3e20, 1e22])
def test_tian_optimal_moe_is_smaller_and_sees_more_data(compute):
    """Sec. 2.3: at any budget the optimal MoE has a smaller M_opt and a larger D_opt than the dense model."""
    def at(law):
        return value(law, "k") * compute ** value(law, "a")
    assert at("tian2025_moe_M_opt") < at("tian2025_dense_M_opt")
    assert at("tian2025_moe_D_opt") > at("tian2025_dense_D_opt")


def test_castro_keeps_only_the_irreducible_term_of_its_gamma_law():
    laws, coefs = read_law_files("castro2025")
    assert set(laws["completeness"]) == {"partial"}
    assert set(coefs["param"]) == {"E"}
    assert "gamma = 0.274" in laws.loc[0, "notes"]


def test_pourmirzaei_latent_language_is_about_1_9_times_steeper():
    # abstract: "a roughly 1.9x steeper slope"
    ratio = value("pourmirzaei2026_pllm_loss_C", "alpha") / value("pourmirzaei2026_plm_loss_C", "alpha")
    assert ratio == pytest.approx(1.9, abs=0.05)
