"""Kaplan et al. 2020, Scaling Laws for Neural Language Models (arXiv 2001.08361).

Eq. (1.1)-(1.3), (1.5)/(4.1), Table 2, Table 5 and Table 6 (Appendix A): the single-variable power
laws of WebText2 test loss in non-embedding parameters, tokens and compute, the joint L(N, D) fit
and the compute-efficient allocation. Values are the printed digits; compute is in PF-days.
"""

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

LAWS = [
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
]
