"""Zheng et al. 2024, Breaking Language Barriers: Cross-Lingual Continual Pre-Training at Scale.

Chinese LLaMA2-architecture models (50M-5.5B) trained from scratch and continually pre-trained
(CPT) from English checkpoints; Sec. 3.1-3.3 Eq. (1)-(7), Table 2, Sec. 4.2.
"""

PAPER = dict(
    paper_id="zheng2024",
    title="Breaking Language Barriers: Cross-Lingual Continual Pre-Training at Scale",
    authors="Wenzhen Zheng, Wenbo Pan, Xu Xu, Libo Qin, Li Yue, Ming Zhou",
    year=2024,
    arxiv_id="2407.02118",
    venue="EMNLP 2024",
    url="https://arxiv.org/abs/2407.02118",
    covers="Cross-lingual continual pre-training: LLaMA2-architecture decoder-only models of 40 "
    "sizes (50M-5.5B) trained on Chinese web text from scratch or initialised from English "
    "RedPajama checkpoints, 20 tokens per parameter; a Chinchilla law for training from scratch, "
    "an extended law with a joint data-parameter term B' D^-beta' N^-gamma for CPT, "
    "compute-optimal allocation exponents and loss-compute power laws (Table 2, Sec. 4.2).",
)

FITTED_ON = (
    "Decoder-only LLaMA2-architecture models (architecture per size following Muennighoff et "
    "al.) trained on Chinese web text (filtered, deduplicated), context 2048, 20 tokens per "
    "parameter, cosine LR from 2e-4 with 5% warm-up; from-scratch set of the paper's 40 sizes "
    "(50M-5.5B, Table 1)"
)
CPT_FITTED_ON = (
    FITTED_ON.replace("from-scratch set", "continually pre-trained set (initialised from the "
    "paper's English RedPajama checkpoints of the same size)")
)
LOSS = "Cross-entropy on a held-out Chinese validation set of 1e6 tokens (Sec. 2.2-2.3)"
FIT = (
    "Huber loss (delta = 1e-3) between predicted and observed log loss, log-sum-exp "
    "parametrisation (Eq. 6), Optuna search plus L-BFGS (Sec. 3.3)"
)
PARAMS = "The paper counts parameters without saying whether embeddings are included."

LAWS = [
    dict(
        law_id="zheng2024_scratch_L_ND",
        paper_id="zheng2024",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on=FITTED_ON,
        fit_method=FIT,
        source_ref="Table 2(a) 'Estimations for Equation 4', row Training from Scratch; law "
        "Eq. (1) L(N, D) = E + A/N^alpha + B/D^beta",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention="C = 6 N D (Eq. 2 writes N_opt = G (C/6)^a)",
        loss_definition=LOSS,
        notes="Registry chinchilla with the paper's names. The exponents are printed to two "
        "decimals; Table 2(b) gives the allocation exponents a = 0.429 and b = 0.571 that "
        "follow from them (a = beta/(alpha + beta)). " + PARAMS,
        coefs=[
            ("E", 1.55, "loss (validation cross-entropy)", "E", "Table 2(a), Training from Scratch"),
            ("A", 420.0, "", "A", "Table 2(a), Training from Scratch; N in parameters"),
            ("B", 719.5, "", "B", "Table 2(a), Training from Scratch; D in tokens"),
            ("alpha", 0.40, "", "alpha", "Table 2(a), Training from Scratch"),
            ("beta", 0.30, "", "beta", "Table 2(a), Training from Scratch"),
        ],
    ),
    dict(
        law_id="zheng2024_cpt_L_ND",
        paper_id="zheng2024",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on=CPT_FITTED_ON,
        fit_method=FIT + "; E, A and alpha fixed at the from-scratch values, only B', beta' "
        "and gamma fitted (Eq. 7)",
        source_ref="Table 2(a) 'Estimations for Equation 4', row Continual Pre-training; law "
        "Eq. (4) L(N, D) = E + A/N^alpha + B'/(D^beta' N^gamma)",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="C = 6 N D (Eq. 2 and 5)",
        loss_definition=LOSS,
        notes="Eq. (4) multiplies the data term by N^-gamma (gamma = 0.08), which no registry "
        "form holds, so only E, A and alpha (shared with the from-scratch law by construction) "
        "are recorded. The data term's coefficients B' = 433.3 and beta' = 0.20 are not "
        "Chinchilla's B and beta and are left out. " + PARAMS,
        coefs=[
            ("E", 1.55, "loss (validation cross-entropy)", "E", "Table 2(a), Continual Pre-training (fixed)"),
            ("A", 420.0, "", "A", "Table 2(a), Continual Pre-training (fixed); N in parameters"),
            ("alpha", 0.40, "", "alpha", "Table 2(a), Continual Pre-training (fixed)"),
        ],
    ),
    *[
        dict(
            law_id=f"zheng2024_{setting}_{output}",
            paper_id="zheng2024",
            form="allocation",
            x_var="C",
            output=output,
            fitted_on=on,
            fit_method="Derived analytically from the fitted law (Eq. 2 for scratch, Eq. 5 for CPT)",
            source_ref=f"Table 2(b) 'Approximated optimization coefficients for Equation 2', "
            f"row {row}, column {column}",
            extraction="reported_fit",
            completeness="partial",
            param_convention="unknown",
            flops_convention="C = 6 N D (Eq. 2)",
            loss_definition=LOSS,
            notes="Registry allocation y = k C^a with the printed exponent; the prefactor (G or "
            "1/G of Eq. 2 and 5, with C/6) is not printed, so the law is partial. " + PARAMS,
            coefs=[("a", exponent, "", symbol, f"Table 2(b), {row}")],
        )
        for setting, row, on in (
            ("scratch", "Training from Scratch", FITTED_ON),
            ("cpt", "Continual Pre-training", CPT_FITTED_ON),
        )
        for output, column, symbol, exponent in (
            ("N_opt", "a where N_opt ∝ C^a", "a", {"scratch": 0.429, "cpt": 0.385}[setting]),
            ("D_opt", "b where D_opt ∝ C^b", "b", {"scratch": 0.571, "cpt": 0.615}[setting]),
        )
    ],
    *[
        dict(
            law_id=f"zheng2024_{setting}_L_C",
            paper_id="zheng2024",
            form="power_law",
            x_var="C",
            output="loss",
            fitted_on=on + "; the lowest loss at each compute level along all training curves",
            fit_method="Parametric fit of Eq. (3) on the lowest loss at each compute level (Sec. 4.2)",
            source_ref=f"Sec. 4.2 'CPT Preserves Loss-Compute Scaling Relationship': {printed}; "
            "dotted lines of Figure 1",
            extraction="reported_fit",
            completeness="complete",
            param_convention="unknown",
            flops_convention="C in FLOPs (6 N D)",
            loss_definition=LOSS,
            notes="The paper introduces Eq. (3) L_opt(C) = E' + A'/C^gamma but prints the fit "
            "without an offset, L = A C^-alpha: registry power_law with A and alpha = -(printed "
            "exponent). The text does not name the compute unit; FLOPs is implied by Eq. (2) "
            "(C = 6 N D) and Figure 1's FLOPs axis. " + PARAMS,
            coefs=[
                ("A", prefactor, "", "A'", f"Sec. 4.2, printed {prefactor}"),
                ("alpha", exponent, "", "gamma", f"Sec. 4.2, printed exponent -{exponent}"),
            ],
        )
        for setting, on, prefactor, exponent, printed in (
            ("scratch", FITTED_ON, 33.69907, 0.0579, "'L = 33.69907 × C^-0.0579'"),
            ("cpt", CPT_FITTED_ON, 31.9594, 0.0575, "'L = 31.9594 × C^-0.0575'"),
        )
    ],
]
