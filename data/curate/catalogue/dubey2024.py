"""Dubey et al. 2024, The Llama 3 Herd of Models (arXiv 2407.21783).

Sec. 3.2.1 'Scaling Laws': the power law N*(C) = A C^alpha for the compute-optimal number of
training tokens, (alpha, A) = (0.53, 0.29), fitted to IsoFLOP minima between 6e18 and 1e22 FLOPs.
"""

LAWS = [
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
        "hence output D_opt; renamed k = A, a = alpha. The paper states that extrapolating its "
        "law to 3.8e25 FLOPs suggests 402B parameters on 16.55T tokens; the printed coefficients "
        "do not give that: 0.29 x (3.8e25)^0.53 = 1.05e13 tokens (about 10.5T, i.e. about 605B "
        "parameters by C = 6ND), and even the extremes of their rounding (A = 0.295, alpha = "
        "0.535) give at most 1.43e13 (14.3T). The 16.55T figure is the paper's, not a value of "
        "this law as printed.",
        coefs=[
            ("k", 0.29, "tokens at C = 1 FLOP", "A", ""),
            ("a", 0.53, "", "alpha", ""),
        ],
    ),
]
