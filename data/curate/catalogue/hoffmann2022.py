"""Hoffmann et al. 2022, Training Compute-Optimal Large Language Models (arXiv 2203.15556v1).

Appendix D.2 Eq. (10): the Approach 3 parametric fit; Table 2: the allocation exponents a and b
of Approaches 1 and 2 with their bootstrap ranges (the prefactors are not printed: partial laws).
"""

HOFFMANN_LOSS = "Final (smoothed) training loss on MassiveText (Sec. 3)"
HOFFMANN_FLOPS = (
    "FLOPs counted in full including embeddings (App. F); compute budgets as in Sec. 3"
)
HOFFMANN_CI = "10th-90th percentile from bootstrapping (80% of the dataset sampled 100 times), Table 2"
SOURCE = (
    "Transcribed from arXiv 2203.15556v1 (Table 2 caption and rows)."
)

LAWS = [
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
        fit_options="loss=huber; delta=1e-3; space=log",
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
    # Hoffmann et al. 2022, Table 2 row "1. Minimum over training curves": N_opt ∝ C^a.
    dict(
        law_id="hoffmann2022_approach1_N_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on="Approach 1 (Sec. 3.1): for a range of fixed model sizes trained with several "
        "cosine-cycle horizons, the minimum loss over all training curves at each FLOP count gives "
        "the compute-optimal (N, D); runs on MassiveText",
        fit_method="power-law fit of the compute-optimal N over the envelope (Sec. 3.1)",
        source_ref="Table 2, row '1. Minimum over training curves', column a (N_opt ∝ C^a); Sec. 3.1",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Only the exponent a is printed; the prefactor k is not, so it is left out. "
        + SOURCE,
        coefs=[
            ("a", 0.50, "", "a", HOFFMANN_CI, {"ci_low": 0.488, "ci_high": 0.502}),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row 1: D_opt ∝ C^b.
    dict(
        law_id="hoffmann2022_approach1_D_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="Approach 1: envelope (minimum over training curves), as for N_opt (Sec. 3.1)",
        fit_method="power-law fit of the compute-optimal D over the envelope (Sec. 3.1)",
        source_ref="Table 2, row '1. Minimum over training curves', column b (D_opt ∝ C^b); Sec. 3.1",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Paper symbol b renamed to the registry's a (exponent of C); k not printed. "
        + SOURCE,
        coefs=[
            ("a", 0.50, "", "b", HOFFMANN_CI, {"ci_low": 0.501, "ci_high": 0.512}),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row "2. IsoFLOP profiles": N_opt ∝ C^a.
    dict(
        law_id="hoffmann2022_approach2_N_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on="Approach 2 (Sec. 3.2): IsoFLOP profiles, model size varied at a set of fixed "
        "FLOP budgets; the minimum of each profile gives the compute-optimal (N, D); runs on "
        "MassiveText",
        fit_method="parabola fit per IsoFLOP curve, then power-law fit of the minima (Sec. 3.2)",
        source_ref="Table 2, row '2. IsoFLOP profiles', column a (N_opt ∝ C^a); Sec. 3.2",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Only the exponent a is printed; k is not. " + SOURCE,
        coefs=[
            ("a", 0.49, "", "a", HOFFMANN_CI, {"ci_low": 0.462, "ci_high": 0.534}),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row 2: D_opt ∝ C^b.
    dict(
        law_id="hoffmann2022_approach2_D_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="Approach 2: IsoFLOP profiles, as for N_opt (Sec. 3.2)",
        fit_method="parabola fit per IsoFLOP curve, then power-law fit of the minima (Sec. 3.2)",
        source_ref="Table 2, row '2. IsoFLOP profiles', column b (D_opt ∝ C^b); Sec. 3.2",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Paper symbol b renamed to the registry's a (exponent of C); k not printed. "
        + SOURCE,
        coefs=[
            ("a", 0.51, "", "b", HOFFMANN_CI, {"ci_low": 0.483, "ci_high": 0.529}),
        ],
    ),
]
