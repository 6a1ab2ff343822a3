"""Published language-model scaling laws (coefficients as the papers print them).

Writes data/laws/laws_lm.csv, data/coefficients/laws_lm.csv and the paper rows
data/_staging/papers_laws_lm.csv. Every number below was read in the paper's own text
(equation / table named in `source_ref`); nothing is recomputed except where a note says so.
Run from the project root:  python -m data.curate.laws_lm
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import law_tables, write_law_files
from lib.schema import PAPERS

NAME = "laws_lm"

# ---------------------------------------------------------------------------------------------
# Papers (schema.PAPERS). Authors: full list if at most 8, else first three then "et al.".
# ---------------------------------------------------------------------------------------------
PAPER_ROWS = [
    dict(
        paper_id="kaplan2020",
        title="Scaling Laws for Neural Language Models",
        authors="Jared Kaplan, Sam McCandlish, Tom Henighan, et al.",
        year=2020,
        arxiv_id="2001.08361",
        venue="arXiv preprint",
        url="https://arxiv.org/abs/2001.08361",
        covers="Power laws of WebText2 test loss in non-embedding parameters, tokens and compute, "
        "the L(N, D) overfitting law and compute-efficient allocation (OpenAI, 2020).",
    ),
    dict(
        paper_id="hoffmann2022",
        title="Training Compute-Optimal Large Language Models",
        authors="Jordan Hoffmann, Sebastian Borgeaud, Arthur Mensch, et al.",
        year=2022,
        arxiv_id="2203.15556",
        venue="NeurIPS 2022",
        url="https://arxiv.org/abs/2203.15556",
        covers="Chinchilla: three estimates of the compute-optimal model size and token count from "
        "400+ runs on MassiveText, including the parametric loss L = E + A/N^alpha + B/D^beta.",
    ),
    dict(
        paper_id="bi2024",
        title="DeepSeek LLM: Scaling Open-Source Language Models with Longtermism",
        authors="Xiao Bi, Deli Chen, Guanting Chen, et al.",
        year=2024,
        arxiv_id="2401.02954",
        venue="arXiv preprint",
        url="https://arxiv.org/abs/2401.02954",
        covers="DeepSeek LLM 7B/67B; IsoFLOP scaling laws for the optimal model scale M "
        "(non-embedding FLOPs/token) and data D with C = M D, plus batch-size/learning-rate laws.",
    ),
    dict(
        paper_id="dubey2024",
        title="The Llama 3 Herd of Models",
        authors="Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey, et al.",
        year=2024,
        arxiv_id="2407.21783",
        venue="arXiv preprint",
        url="https://arxiv.org/abs/2407.21783",
        covers="Llama 3 (8B-405B); Section 3.2.1 fits IsoFLOP curves (6e18-1e22 FLOPs) and a power "
        "law for the compute-optimal number of training tokens used to size the 405B model.",
    ),
]

# ---------------------------------------------------------------------------------------------
# Shared descriptions
# ---------------------------------------------------------------------------------------------
KAPLAN_LOSS = (
    "Cross-entropy loss in nats per token, averaged over a 1024-token context, on the WebText2 "
    "test set (GPT-2 BPE, n_vocab = 50257) (Sec. 1.3, 2)"
)
KAPLAN_FLOPS = (
    "C = 6 N B S non-embedding training compute, quoted in PF-days (1 PF-day = 8.64e19 FLOPs) "
    "(Sec. 1.3, 2.1)"
)
KAPLAN_FLOPS_MIN = (
    KAPLAN_FLOPS + "; C_min = C / (1 + B / B_crit(L)) is the compute adjusted to training at "
    "B << B_crit (Eq. 5.5)"
)

# ---------------------------------------------------------------------------------------------
# Laws. Each entry: law row fields + "coefs": list of (param, value, unit, paper_symbol, note)
# and optionally ci_low / ci_high via a dict. Values are exactly the printed digits.
# ---------------------------------------------------------------------------------------------
LAWS_SPEC = [
    # Kaplan et al. 2020, Eq. (1.1) and Table 5 (Appendix A): L(N) = (N_c/N)^alpha_N.
    dict(
        law_id="kaplan2020_L_N",
        paper_id="kaplan2020",
        form="kaplan_single",
        x_var="N",
        output="loss",
        fitted_on="Transformers trained to near convergence on the full WebText2 (22B tokens), "
        "768 to 1.5B non-embedding parameters, no overfitting (Sec. 3.2, Fig. 1 right, Fig. 6)",
        fit_method="power-law fit of converged test loss vs N (as stated in Sec. 3.2)",
        source_ref="Eq. (1.1); Table 5 (Appendix A)",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention="",
        loss_definition=KAPLAN_LOSS,
        notes="Paper writes L(N) = (N_c/N)^alpha_N with alpha_N ~ 0.076, N_c ~ 8.8e13 "
        "(non-embedding parameters); pure renaming to kaplan_single.",
        coefs=[
            ("x_c", 8.8e13, "parameters (non-embedding)", "N_c", "printed 8.8 x 10^13"),
            ("alpha", 0.076, "", "alpha_N", ""),
        ],
    ),
    # Kaplan et al. 2020, Eq. (1.2) and Table 5: L(D) = (D_c/D)^alpha_D.
    dict(
        law_id="kaplan2020_L_D",
        paper_id="kaplan2020",
        form="kaplan_single",
        x_var="D",
        output="loss",
        fitted_on="A (n_layer, d_model) = (36, 1280) model trained on fixed subsets of WebText2, "
        "stopped once test loss ceased to decrease (Sec. 3.3, Fig. 1 centre)",
        fit_method="power-law fit of early-stopped test loss vs D (Sec. 3.3)",
        source_ref="Eq. (1.2); Eq. (3.2); Table 5 (Appendix A)",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention="",
        loss_definition=KAPLAN_LOSS,
        notes="Paper: alpha_D ~ 0.095, D_c ~ 5.4e13 (tokens); pure renaming to kaplan_single.",
        coefs=[
            ("x_c", 5.4e13, "tokens", "D_c", "printed 5.4 x 10^13"),
            ("alpha", 0.095, "", "alpha_D", ""),
        ],
    ),
    # Kaplan et al. 2020, Eq. (3.3) and Table 5: naive compute trend at fixed batch size.
    dict(
        law_id="kaplan2020_L_C",
        paper_id="kaplan2020",
        form="kaplan_single",
        x_var="C",
        output="loss",
        fitted_on="Compute frontier over all model sizes trained at fixed batch size 2^19 tokens "
        "(heavy black line of Fig. 1 left; Sec. 3.3)",
        fit_method="power-law fit of the empirical best loss at each compute (Sec. 3.3)",
        source_ref="Eq. (3.3); Table 5 (Appendix A), row alpha_C",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention=KAPLAN_FLOPS,
        loss_definition=KAPLAN_LOSS,
        notes="Table 4 labels this trend '(naive)': fixed batch size, not the batch-adjusted "
        "C_min; the paper says the C_min trend (kaplan2020_L_Cmin) should be used for predictions.",
        coefs=[
            ("x_c", 1.6e7, "PF-days (non-embedding compute)", "C_c", "printed 1.6 x 10^7 PF-days"),
            ("alpha", 0.057, "", "alpha_C", ""),
        ],
    ),
    # Kaplan et al. 2020, Eq. (1.3) and Table 5: L(C_min) = (C_c^min/C_min)^alpha_C^min.
    dict(
        law_id="kaplan2020_L_Cmin",
        paper_id="kaplan2020",
        form="kaplan_single",
        x_var="C",
        output="loss",
        fitted_on="Compute-efficient frontier with compute adjusted to B << B_crit, 1-layer "
        "networks excluded (Sec. 6.1, Fig. 13)",
        fit_method="power-law fit of L vs C_min (Sec. 6.1)",
        source_ref="Eq. (1.3); Eq. (6.3); Table 5 (Appendix A)",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention=KAPLAN_FLOPS_MIN,
        loss_definition=KAPLAN_LOSS,
        notes="x is C_min in PF-days, not FLOPs: multiply FLOPs by 1/8.64e19 before evaluating.",
        coefs=[
            ("x_c", 3.1e8, "PF-days (non-embedding compute, C_min)", "C_c^min",
             "printed 3.1 x 10^8 PF-days"),
            ("alpha", 0.050, "", "alpha_C^min", ""),
        ],
    ),
    # Kaplan et al. 2020, Eq. (1.5)/(4.1) with the Table 2 fit.
    dict(
        law_id="kaplan2020_L_ND",
        paper_id="kaplan2020",
        form="kaplan",
        x_var="N,D",
        output="loss",
        fitted_on="Early-stopped models with 10% dropout over a grid of N and WebText2 subsets D "
        "(Sec. 4.2, Fig. 9); runs with D reduced 1024x (~2e7 tokens) fit poorly",
        fit_method="joint fit of the four parameters of Eq. (1.5) (Sec. 4.2)",
        source_ref="Eq. (1.5) = Eq. (4.1); Table 2 'Fits to L(N, D)'",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention="",
        loss_definition=KAPLAN_LOSS,
        notes="L(N, D) = [(N_c/N)^(alpha_N/alpha_D) + D_c/D]^alpha_D with Table 2 values; these "
        "differ slightly from the single-variable fits (Eq. 1.1-1.2), as the paper notes.",
        coefs=[
            ("N_c", 6.4e13, "parameters (non-embedding)", "N_c", "printed 6.4 x 10^13"),
            ("alpha_N", 0.076, "", "alpha_N", ""),
            ("D_c", 1.8e13, "tokens", "D_c", "printed 1.8 x 10^13"),
            ("alpha_D", 0.103, "", "alpha_D", ""),
        ],
    ),
    # Kaplan et al. 2020, Table 6 (Appendix A): N_opt = N_e * C_min^p_N.
    dict(
        law_id="kaplan2020_N_opt",
        paper_id="kaplan2020",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on="Compute-optimal model sizes along the C_min frontier (Sec. 6.1, Fig. 14 left)",
        fit_method="power-law fit of optimal N vs C_min (Eq. 6.1)",
        source_ref="Table 6 (Appendix A); Eq. (6.1)",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention=KAPLAN_FLOPS_MIN,
        loss_definition=KAPLAN_LOSS,
        notes="N_opt = N_e * C_min^p_N with C_min in PF-days (Table 6 scale column); renamed "
        "k = N_e, a = p_N.",
        coefs=[
            ("k", 1.3e9, "parameters (non-embedding) at C_min = 1 PF-day", "N_e",
             "printed 1.3 * 10^9 params"),
            ("a", 0.73, "", "p_N", ""),
        ],
    ),
    # Kaplan et al. 2020, Table 6 (Appendix A): D_opt = D_e * C_min^p_D (1 epoch).
    dict(
        law_id="kaplan2020_D_opt",
        paper_id="kaplan2020",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="Data processed by compute-efficient training at the critical batch size, one "
        "epoch (Sec. 6, Table 6)",
        fit_method="as printed in Table 6 (derived from the N_opt and B_crit trends, Sec. 6.1-6.3)",
        source_ref="Table 6 (Appendix A), row D_opt '(1 epoch)'",
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention=KAPLAN_FLOPS_MIN,
        loss_definition=KAPLAN_LOSS,
        notes="D_opt = D_e * C_min^p_D with C_min in PF-days; renamed k = D_e, a = p_D. Eq. (6.7) "
        "gives a slightly different approximation, D(C_min) ~ (4e10 tokens)(C_min/PF-day)^0.26 "
        "at C = 2 C_min; the Table 6 entry is recorded here.",
        coefs=[
            ("k", 2e10, "tokens at C_min = 1 PF-day", "D_e", "printed 2 * 10^10 tokens"),
            ("a", 0.27, "", "p_D", ""),
        ],
    ),
    # Hoffmann et al. 2022, Appendix D.2, Eq. (10): Approach 3 parametric fit.
    dict(
        law_id="hoffmann2022_approach3",
        paper_id="hoffmann2022",
        family_id="chinchilla_epoch",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="All final losses of the Approach 1 and 2 runs (over 400 models, 70M to over 16B "
        "parameters, 5B to 500B tokens, MassiveText) (Sec. 3.3)",
        fit_method="Huber loss (delta = 1e-3) between predicted and observed log loss, minimised "
        "with L-BFGS from a grid of initialisations, LSE parametrisation (Eq. 3; App. D.2)",
        source_ref="Appendix D.2, Eq. (10) (form: Eq. (2), Sec. 3.3)",
        extraction="reported_fit",
        param_convention="with_embeddings",
        flops_convention="FLOPs counted in full including embeddings (App. F); the efficient "
        "frontier (Eq. 4) uses FLOPs(N, D) ~ 6ND",
        loss_definition="Final (smoothed) training loss of each run on MassiveText (Sec. 3.3, Fig. 4)",
        notes="Eq. (10) prints L(N, D) = E + A/N^0.34 + B/D^0.28 with E = 1.69, A = 406.4, "
        "B = 410.7 (rounded values; the implied Approach-3 exponents are a = 0.46, b = 0.54, "
        "Table 2).",
        coefs=[
            ("E", 1.69, "loss", "E", ""),
            ("A", 406.4, "", "A", "N in parameters (with embeddings)"),
            ("B", 410.7, "", "B", "D in tokens"),
            ("alpha", 0.34, "", "alpha", "printed as the exponent of N in Eq. (10)"),
            ("beta", 0.28, "", "beta", "printed as the exponent of D in Eq. (10)"),
        ],
    ),
    # Bi et al. 2024 (DeepSeek LLM), Sec. 3.2, Eq. (4): M_opt = M_base * C^a.
    dict(
        law_id="bi2024_M_opt",
        paper_id="bi2024",
        form="allocation",
        x_var="C",
        output="M_opt",
        fitted_on="IsoFLOP profiles: 8 compute budgets from 1e17 to 3e20 FLOPs, about 10 "
        "model/data allocations each, hyperparameters from their Eq. (1) (Sec. 3.2, Fig. 4)",
        fit_method="IsoFLOP profile method of Chinchilla (Approach 2), power-law fit of the "
        "optima (Sec. 3.2)",
        source_ref="Sec. 3.2, Eq. (4)",
        extraction="reported_fit",
        param_convention="unknown",
        flops_convention="C = M D, M = non-embedding FLOPs/token "
        "(72 n_layer d_model^2 + 12 n_layer d_model l_seq; includes attention, excludes vocabulary)",
        loss_definition="Generalization error (bits-per-byte) on an independent 100M-token "
        "validation set (Sec. 3.2)",
        notes="M_opt = M_base * C^a, M_base = 0.1715, a = 0.5243 on their current in-house data. "
        "Model scale is M (FLOPs/token), not a parameter count, so param_convention is 'unknown'.",
        coefs=[
            ("k", 0.1715, "non-embedding FLOPs/token at C = 1 FLOP", "M_base", ""),
            ("a", 0.5243, "", "a", ""),
        ],
    ),
    # Bi et al. 2024 (DeepSeek LLM), Sec. 3.2, Eq. (4): D_opt = D_base * C^b.
    dict(
        law_id="bi2024_D_opt",
        paper_id="bi2024",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="IsoFLOP profiles: 8 compute budgets from 1e17 to 3e20 FLOPs, about 10 "
        "model/data allocations each (Sec. 3.2, Fig. 4)",
        fit_method="IsoFLOP profile method of Chinchilla (Approach 2), power-law fit of the "
        "optima (Sec. 3.2)",
        source_ref="Sec. 3.2, Eq. (4)",
        extraction="reported_fit",
        param_convention="unknown",
        flops_convention="C = M D, M = non-embedding FLOPs/token",
        loss_definition="Generalization error (bits-per-byte) on an independent 100M-token "
        "validation set (Sec. 3.2)",
        notes="D_opt = D_base * C^b, D_base = 5.8316, b = 0.4757; renamed k = D_base, a = b.",
        coefs=[
            ("k", 5.8316, "tokens at C = 1 FLOP", "D_base", ""),
            ("a", 0.4757, "", "b", ""),
        ],
    ),
    # Dubey et al. 2024 (Llama 3), Sec. 3.2.1: N*(C) = A C^alpha, N* = optimal training tokens.
    dict(
        law_id="dubey2024_tokens_opt",
        paper_id="dubey2024",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="Compute-optimal models (parabola minima) of IsoFLOP runs between 6e18 and 1e22 "
        "FLOPs, models 40M to 16B parameters (Sec. 3.2.1, Figs. 2-3)",
        fit_method="second-degree polynomial per IsoFLOP curve, then power-law fit of the "
        "optimal token count vs compute (Sec. 3.2.1)",
        source_ref="Sec. 3.2.1 'Scaling Laws', N*(C) = A C^alpha, (alpha, A) = (0.53, 0.29); Fig. 3",
        extraction="reported_fit",
        param_convention="unknown",
        flops_convention="training FLOPs as the paper reports them (compute budget C)",
        loss_definition="Negative log-likelihood on a held-out validation set (Fig. 2 caption)",
        notes="N*(C) in the paper is the optimal number of TRAINING TOKENS (not parameters), "
        "hence output D_opt; renamed k = A, a = alpha. Extrapolated to 3.8e25 FLOPs it suggests "
        "402B parameters on 16.55T tokens.",
        coefs=[
            ("k", 0.29, "tokens at C = 1 FLOP", "A", ""),
            ("a", 0.53, "", "alpha", ""),
        ],
    ),
]


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    laws, coefficients = law_tables(LAWS_SPEC)
    missing = set(laws["paper_id"]) - {row["paper_id"] for row in PAPER_ROWS}
    if missing:
        raise ValueError(f"laws without a paper row: {sorted(missing)}")
    return laws, coefficients


def main() -> None:
    write_law_files(NAME, *build(), PAPER_ROWS)


if __name__ == "__main__":
    main()
