"""Sun et al. 2024, Hunyuan-Large: An Open-Source MoE Model with 52 Billion Activated Parameters
by Tencent (arXiv 2411.02265v3).

Sec. 2.3.1: the IsoFLOP power laws for the optimal activated parameters and training tokens against
the minimal compute budget C_min.
"""

# ---------------------------------------------------------------------------------------------
# Hunyuan-Large (Sun et al. 2024): Sec. 2.3.1, optimal activated parameters and tokens.
# ---------------------------------------------------------------------------------------------
SOURCE = (
    "Transcribed from arXiv 2411.02265v3 (Sec. 2.3.1)."
)
HUNYUAN_FIT = (
    "IsoFLOP curves of MoE models from 10M to 1B activated parameters trained on 10B-100B tokens "
    "of pre-training data, optimal allocation per compute budget adjusted to the actual "
    "training batch size (Sec. 2.3.1, Figs. 3-4)"
)
HUNYUAN_FLOPS = (
    "C_min in FLOPs: C = 9.59 N D + 2.3 x 10^8 D with N the activated parameters (Eq. 2), "
    "converted to the minimal budget C_min = C / (1 + B / B_crit(L)) with the critical batch "
    "size B_crit(L) (Eq. 3)"
)
HUNYUAN_LOSS = "Loss of the MoE models on their pre-training data (not further specified in the text read)"
HUNYUAN_METHOD = (
    "IsoFLOP curves (Hoffmann et al.) with quadratic polynomial fitting (Fig. 3 caption), then "
    "the power laws N_opt = N_c C_min^alpha and D_opt = D_c C_min^beta fitted to the optima "
    "(Sec. 2.3.1, Figs. 3-4)"
)

LAWS = [
    dict(
        law_id="sun2024_N_opt",
        paper_id="sun2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on=HUNYUAN_FIT,
        fit_method=HUNYUAN_METHOD,
        source_ref="Sec. 2.3.1: 'By fitting the formula N_opt = N_c C_min^alpha in Figure 3, we "
        "obtain N_c = 5.9 x 10^-3 and alpha = 0.5305'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention=HUNYUAN_FLOPS,
        loss_definition=HUNYUAN_LOSS,
        notes="N_opt is the number of ACTIVATED parameters of the MoE (whether embeddings are "
        "counted is not stated, hence 'unknown'). Renamed k = N_c, a = alpha, with C = C_min. The "
        "paper reads the law as about 58.1B activated parameters at its budget and chose 52B. "
        + SOURCE,
        coefs=[
            ("k", 5.9e-3, "activated parameters; C_min in FLOPs", "N_c", "printed 5.9 x 10^-3"),
            ("a", 0.5305, "", "alpha", "printed 0.5305"),
        ],
    ),
    dict(
        law_id="sun2024_D_opt",
        paper_id="sun2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on=HUNYUAN_FIT,
        fit_method=HUNYUAN_METHOD,
        source_ref="Sec. 2.3.1: 'by fitting the formula D_opt = D_c C_min^beta in Figure 4, we "
        "obtain D_c = 3.2 and beta = 0.50'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention=HUNYUAN_FLOPS,
        loss_definition=HUNYUAN_LOSS,
        notes="D_opt is a number of training tokens. Renamed k = D_c, a = beta, with C = C_min. The "
        "paper reads the law as about 5.6T tokens at its budget and trained on about 7T. "
        + SOURCE,
        coefs=[
            ("k", 3.2, "tokens; C_min in FLOPs", "D_c", "printed 3.2"),
            ("a", 0.50, "", "beta", "printed 0.50"),
        ],
    ),
]
