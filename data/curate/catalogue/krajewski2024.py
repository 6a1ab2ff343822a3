"""Krajewski et al. 2024, Scaling Laws for Fine-Grained Mixture of Experts (arXiv 2402.07871v1).

Table 1 'Values of the fitted coefficients', row 'Dense': the Chinchilla-form law Eq. (1).
"""

SOURCE = (
    "Transcribed from arXiv 2402.07871v1 (Sec. 3.2 Eq. (1), Sec. 5.3-5.4 and Table 1, App. A)."
)

LAWS = [
    # Krajewski et al. 2024, Table 1 row 'Dense': Chinchilla form L = c + a/N^alpha + b/D^beta.
    dict(
        law_id="krajewski2024_dense_L_ND",
        paper_id="krajewski2024",
        family_id="",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="Dense decoder-only Transformers on C4 (GPT-2 tokenizer): 3M-85M non-embedding "
        "parameters, 16B-66B tokens (App. A, Table 4)",
        fit_method="Huber loss (delta = 0.1) minimised with BFGS, weight decay 5e-4 on the "
        "parameters; c shared with the MoE fit, whose Eq. (9) is fitted first, then the "
        "architecture-dependent alpha, beta, A, B of Eq. (1) (Sec. 5.3)",
        source_ref="Table 1 'Values of the fitted coefficients', row 'Dense' (columns a, alpha, b, "
        "beta, c; g and gamma '-'), law Eq. (1) L(N, D) = c + a/N^alpha + b/D^beta (Sec. 3.2)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="not used by the fit; Sec. 6 counts FLOPs excluding embedding and "
        "unembedding (following Hoffmann et al.)",
        loss_definition="Smoothed training loss on C4 (nats/token, GPT-2 tokenizer), following "
        "Hoffmann et al. (App. A)",
        notes="The MoE row of Table 1 (a = 18.1, alpha = 0.115, b = 30.8, beta = 0.147, g = 2.1, "
        "gamma = 0.58, c = 0.47, law L = c + (g/G^gamma + a)/N^alpha + b/D^beta, Eq. 9) has a "
        "granularity term that no registry form holds, so it is not recorded as a law. The "
        "validation refit (Table 5, App. B) was not transcribed. The text also quotes the dense "
        "data term as 26.7 D^-0.127. " + SOURCE,
        coefs=[
            ("E", 0.47, "loss (nats)", "c", "Table 1, Dense"),
            ("A", 16.3, "", "a", "Table 1, Dense"),
            ("B", 26.7, "", "b", "Table 1, Dense"),
            ("alpha", 0.126, "", "alpha", "Table 1, Dense; the text writes 'alpha = -0.126'"),
            ("beta", 0.127, "", "beta", "Table 1, Dense"),
        ],
    ),
]
