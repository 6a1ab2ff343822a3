"""Bi et al. 2024, DeepSeek LLM: Scaling Open-Source Language Models with Longtermism
(arXiv 2401.02954).

Sec. 3.2, Eq. (4): the IsoFLOP allocation laws for the optimal model scale M (non-embedding
FLOPs/token) and data D, with C = M D. Values are the printed digits.
"""

LAWS = [
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
]
