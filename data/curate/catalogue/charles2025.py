"""Charles et al. 2025, Communication-Efficient Language Model Training Scales Reliably and
Robustly: Scaling Laws for DiLoCo, arXiv 2503.09799v1.

Sec. 6.1, Tables 7-9: independent power laws in model size N for Data-Parallel training and for
DiLoCo with M = 1, 2, 4, 8 replicas (H = 30): evaluation loss L(N) = A N^alpha (Table 7), optimal
(inner) learning rate gamma(N) = A N^alpha (Table 8) and optimal (global) batch size
B(N) = A N^alpha (Table 9). The paper's alpha is signed; the registry's power_law writes
y = A N^-alpha, so its alpha is the paper's with the sign flipped.

Left out: the joint laws f(N, M) = A N^alpha M^beta of Table 10 (M there counts DiLoCo replicas,
an input the registry does not have; the registry's M is the token multiplier) and the
parametric forms of Table 13 (only their residuals are printed, not their coefficients).
"""

from __future__ import annotations

PAPER = dict(
    paper_id="charles2025",
    title="Communication-Efficient Language Model Training Scales Reliably and Robustly: Scaling Laws "
    "for DiLoCo",
    authors="Zachary Charles, Gabriel Teston, Lucio Dery, Keith Rush, Nova Fallen, Zachary Garrett, "
    "Arthur Szlam, Arthur Douillard",
    year=2025,
    arxiv_id="2503.09799",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2503.09799",
    covers="Data-parallel vs DiLoCo (M = 1-8 replicas, synchronisation every H = 30 steps) training "
    "of Chinchilla-style decoder-only transformers of 35M-2.4B parameters on C4 at 20 tokens per "
    "parameter, with learning-rate, batch-size and outer-learning-rate sweeps; power laws in N for "
    "the evaluation loss, the optimal learning rate and the optimal global batch size (Tables 7-10), "
    "checked at 4B and 10B.",
)

# Table 7 (loss), 8 (learning rate), 9 (batch size): (A, alpha) per algorithm, as printed.
ALGORITHMS = {
    "dp": "Data-Parallel",
    "diloco_m1": "DiLoCo, M = 1",
    "diloco_m2": "DiLoCo, M = 2",
    "diloco_m4": "DiLoCo, M = 4",
    "diloco_m8": "DiLoCo, M = 8",
}
TABLE7_LOSS = {
    "dp": (18.129, -0.0953),
    "diloco_m1": (18.363, -0.0961),
    "diloco_m2": (18.768, -0.0969),
    "diloco_m4": (19.762, -0.0992),
    "diloco_m8": (21.051, -0.1018),
}
TABLE8_LEARNING_RATE = {
    "dp": (16319.2, -0.819),
    "diloco_m1": (74620.6, -0.945),
    "diloco_m2": (3978.82, -0.780),
    "diloco_m4": (4512.99, -0.789),
    "diloco_m8": (618986.0, -1.102),
}
TABLE9_BATCH_SIZE = {
    "dp": (0.22592, 0.281),
    "diloco_m1": (0.01361, 0.435),
    "diloco_m2": (0.00769, 0.479),
    "diloco_m4": (0.00535, 0.510),
    "diloco_m8": (0.01859, 0.455),
}

FITTED_ON = (
    "{algorithm} runs of Chinchilla-style decoder-only transformers (QK-LayerNorm, z-loss, "
    "vocabulary 32,768, sequence length 2,048) of 35M, 90M, 180M, 335M, 550M, 1.3B and 2.4B "
    "parameters (Table 3) on C4 with D = 20 N tokens, AdamW (inner optimizer), 1,000 warm-up steps "
    "and cosine decay to 5 %; learning rate swept in powers of sqrt(2), global batch size in powers "
    "of 2{outer} (Sec. 3, 3.1)"
)
LOSS = "Evaluation loss on C4's held-out validation set after training (Sec. 3)"
PARAMS = (
    "N is the model size of Table 3 (35M-2.4B); the paper does not say whether it counts "
    "embeddings."
)


def _fitted_on(key: str) -> str:
    outer = (
        ", DiLoCo outer learning rate swept over {0.2, 0.4, 0.6, 0.8, 1.0}, Nesterov SGD outer "
        "optimizer, H = 30"
        if key != "dp"
        else ""
    )
    return FITTED_ON.format(algorithm=ALGORITHMS[key], outer=outer)


def _common(key: str) -> dict:
    return dict(
        paper_id="charles2025",
        family_id="",
        x_var="N",
        fitted_on=_fitted_on(key),
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention="not used (the laws are in N at D = 20 N)",
        loss_definition=LOSS,
    )


def _loss_law(key: str) -> dict:
    a, alpha = TABLE7_LOSS[key]
    return dict(
        _common(key),
        law_id=f"charles2025_{key}_L_N",
        form="power_law",
        output="loss",
        fit_method="For each N the lowest evaluation loss over all hyperparameters; a power law "
        "fitted by linear regression on log L against log N (Sec. 6.1)",
        source_ref=f"Sec. 6.1, Table 7 'Power law approximations for loss L(N) ~ A N^alpha', row "
        f"{ALGORITHMS[key]} (arXiv v1)",
        notes="Registry power_law y = A N^-alpha: A as printed, alpha = minus the printed alpha "
        f"({alpha}). Fitted at the Chinchilla token budget D = 20 N only, so it describes loss along "
        "that ratio. " + PARAMS,
        coefs=[
            ("A", a, "loss", "A", f"Table 7, {ALGORITHMS[key]}"),
            ("alpha", -alpha, "dimensionless", "-alpha", f"Table 7, {ALGORITHMS[key]}: printed alpha = {alpha}"),
        ],
    )


def _learning_rate_law(key: str) -> dict:
    k, a = TABLE8_LEARNING_RATE[key]
    return dict(
        _common(key),
        law_id=f"charles2025_{key}_lr_opt_N",
        form="hyperparameter_power",
        output="learning_rate",
        fit_method="For each N the (inner) learning rate of the lowest evaluation loss; a power law "
        "fitted on log scales (Sec. 6.1)",
        source_ref=f"Sec. 6.1, Table 8 'Power law approximations for (inner) learning rate "
        f"gamma(N) ~ A N^alpha', row {ALGORITHMS[key]} (arXiv v1)",
        notes="Optimal peak AdamW learning rate (the inner learning rate for DiLoCo) = k N^a with "
        "k = the printed A and a = the printed alpha. " + PARAMS,
        coefs=[
            ("k", k, "learning rate at N = 1", "A", f"Table 8, {ALGORITHMS[key]}"),
            ("a", a, "dimensionless", "alpha", f"Table 8, {ALGORITHMS[key]}"),
        ],
    )


def _batch_size_law(key: str) -> dict:
    k, a = TABLE9_BATCH_SIZE[key]
    return dict(
        _common(key),
        law_id=f"charles2025_{key}_batch_opt_N",
        form="hyperparameter_power",
        output="batch_size",
        fit_method="For each N a quadratic in log2(B) fitted to the loss at the best learning rate "
        "of each batch size, its minimum taken as the optimal batch size; a power law fitted to "
        "those minima (Sec. 6.1)",
        source_ref=f"Sec. 6.1, Table 9 'Power law approximations for (global) batch size "
        f"B(N) ~ A N^alpha', row {ALGORITHMS[key]} (arXiv v1)",
        notes="Optimal global batch size = k N^a with k = the printed A and a = the printed "
        "alpha. Unit not stated with Table 9: Sec. 2.2 says batch sizes count tokens, but the "
        "laws give 26-50 at N = 35M and 98-345 at N = 2.4B, far below the swept global batch sizes "
        "of Figures 3-4 (2^15-2^21 tokens); sequences of 2,048 tokens would fit, but the paper does "
        "not say so, so the unit is left as printed. " + PARAMS,
        coefs=[
            ("k", k, "batch size at N = 1 (unit not stated; see notes)", "A", f"Table 9, {ALGORITHMS[key]}"),
            ("a", a, "dimensionless", "alpha", f"Table 9, {ALGORITHMS[key]}"),
        ],
    )


LAWS = [law(key) for law in (_loss_law, _learning_rate_law, _batch_size_law) for key in ALGORITHMS]
