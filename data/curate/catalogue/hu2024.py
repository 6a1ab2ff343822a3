"""Hu et al. 2024, MiniCPM: Unveiling the Potential of Small Language Models with Scalable
Training Strategies (arXiv 2404.06395v3).

Sec. 4.5, Eq. (2), with the fitted 'Average' law printed in the text box of Figure 10.
"""

SOURCE = (
    "Transcribed from arXiv 2404.06395v3 (Sec. 4.5, Figure 10)."
)

LAWS = [
    # Hu et al. 2024 (MiniCPM), Sec. 4.5, Eq. (2) with the 'Average' fit of Figure 10.
    dict(
        law_id="hu2024_L_ND_average",
        paper_id="hu2024",
        family_id="",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="6 model sizes (0.04B to 2B non-embedding parameters), each decayed (WSD) from "
        "stable-stage checkpoints at 10N to 60N tokens; loss averaged over five held-out corpora "
        "(Sec. 4.5, Fig. 9-10)",
        fit_method="scipy curve_fit of L(N, D) = C_N N^-alpha + C_D D^-beta + L_0 (Sec. 4.5, Eq. 2)",
        source_ref="Sec. 4.5, Eq. (2); Figure 10, panel 'Average' (fitted equation in its text box); "
        "text: 'on average, alpha = 0.29, beta = 0.23, K^2 = 0.01, eta = -0.10'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="C = 6ND (Sec. 4.5); Figure 10 axes: non-embedding parameters in 1e9, "
        "compute in 1e18 FLOPs",
        loss_definition="Loss normalised by number of bytes (not tokens), averaged over the five "
        "held-out evaluation corpora (Code, English/Chinese Wikihow, Ultratext, Chinese Yayi) "
        "(Sec. 4.5)",
        notes="Figure 10's 'Average' box prints 7.15e-2/N^0.29 + 3.00e-1/D^0.23 + 0.31 with "
        "K^2 = 0.01, eta = -0.10, D_opt/N_opt(C=1e21) = 191.87; identified as the Average panel "
        "by matching the text's average alpha, beta, eta. N and D are in units of 1e9 (billions of "
        "non-embedding parameters / billions of tokens), as the figure axes state; multiply A by "
        "(1e9)^alpha and B by (1e9)^beta for raw counts (not done here). The other five per-corpus "
        "boxes were not recorded because the text extraction does not tie each box to its panel "
        "unambiguously. " + SOURCE,
        coefs=[
            ("E", 0.31, "loss per byte", "L_0", ""),
            ("A", 7.15e-2, "N in 1e9 non-embedding parameters", "C_N", "printed 7.15×10^-2"),
            ("B", 3.00e-1, "D in 1e9 tokens", "C_D", "printed 3.00×10^-1"),
            ("alpha", 0.29, "", "alpha", ""),
            ("beta", 0.23, "", "beta", ""),
        ],
    ),
]
