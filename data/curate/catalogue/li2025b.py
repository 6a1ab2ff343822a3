"""MiniMax (Li et al.) 2025, MiniMax-01: Scaling Foundation Models with Lightning Attention
(arXiv 2501.08313v1).

Sec. 2.2.2, Table 2 'Summary of Scaling Laws': loss, optimal model size and optimal tokens against
compute (PFLOP/s-days, the unit of the Figure 6 axes) for softmax, lightning and hybrid-lightning
attention.
"""

# ---------------------------------------------------------------------------------------------
# MiniMax-01 (Li et al. 2025): Table 2, three attention architectures.
# ---------------------------------------------------------------------------------------------
SOURCE = (
    "Transcribed from arXiv 2501.08313v1 (Sec. 2.2.2 and Table 2); compute unit from the three "
    "Figure 6 x-axes, labelled 'PFLOP/s-days'."
)
MINIMAX_FIT = (
    "Softmax (FlashAttention-2), lightning and hybrid-lightning attention models of 70M, 160M, "
    "410M, 1B, 3B and 7B parameters, each trained on up to 300B tokens, context 8192, batch 4M "
    "tokens, Adam lr 3e-4, weight decay 0.1, fixed learning-rate schedule (Sec. 2.2.2.1); "
    "training loss used as the estimator of test loss"
)
MINIMAX_METHOD = (
    "Power law between L and C following Chinchilla's methodology (envelope of the training "
    "curves, Fig. 6 left); N_opt and D_opt derived from the fitted curve for a given compute "
    "budget (Sec. 2.2.2.2, Fig. 6 centre/right)"
)
MINIMAX_FLOPS = (
    "C in PFLOP/s-days (Fig. 6 axes); FLOPs per Kaplan et al.'s method with the per-architecture "
    "counts of Table 1 (72 b n l d^2 (1 + ...)), embedding parameters and subleading terms "
    "excluded for the scaling-law calculations (Table 1 caption)"
)
MINIMAX_LOSS = "Training loss on MiniMax's pre-training data (context 8192), used as the estimator of test loss (Sec. 2.2.2.1-2.2.2.2)"
MINIMAX_ARCHS = {
    "softmax": ("Softmax Attention", "3.7087C^-0.0798", (3.7087, 0.0798),
                "(1.82 x 10^8)C^0.7118", (1.82e8, 0.7118), "(2.56 x 10^10)C^0.5102", (2.56e10, 0.5102)),
    "lightning": ("Lightning Attention", "3.5391C^-0.0768", (3.5391, 0.0768),
                  "(2.74 x 10^8)C^0.6470", (2.74e8, 0.6470), "(4.43 x 10^10)C^0.4684", (4.43e10, 0.4684)),
    "hybrid": ("Hybrid-lightning", "3.4797C^-0.0763", (3.4797, 0.0763),
               "(2.57 x 10^8)C^0.6670", (2.57e8, 0.6670), "(3.70 x 10^10)C^0.4707", (3.70e10, 0.4707)),
}


def _minimax(arch: str) -> list[dict]:
    name, l_txt, (l_a, l_alpha), n_txt, (n_k, n_a), d_txt, (d_k, d_a) = MINIMAX_ARCHS[arch]
    common = dict(
        paper_id="li2025b",
        family_id="",
        x_var="C",
        fitted_on=f"{MINIMAX_FIT}; architecture: {name}",
        fit_method=MINIMAX_METHOD,
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=MINIMAX_FLOPS,
        loss_definition=MINIMAX_LOSS,
    )
    ref = f"Table 2 'Summary of Scaling Laws', row {name}"
    return [
        dict(
            law_id=f"li2025b_{arch}_loss_C",
            form="power_law",
            output="loss",
            source_ref=f"{ref}, column L(C): {l_txt}",
            notes="The paper writes every law as L(X) = beta_X X^alpha_X with a negative alpha_X "
            "(Sec. 2.2.2.2); registry power_law y = A X^-alpha by renaming A = beta_X and the sign "
            "convention alpha = -alpha_X. No irreducible term is fitted. " + SOURCE,
            coefs=[
                ("A", l_a, "loss; C in PFLOP/s-days", "beta_C", f"Table 2, {name}"),
                ("alpha", l_alpha, "", "alpha_C", f"Table 2, {name}: printed exponent -{l_alpha}"),
            ],
            **common,
        ),
        dict(
            law_id=f"li2025b_{arch}_N_opt",
            form="allocation",
            output="N_opt",
            source_ref=f"{ref}, column N_opt(C): {n_txt}",
            notes="N_opt = k C^a with k the printed prefactor and a the printed exponent (the text "
            "writes N_opt ∝ C^a). N_opt is a non-embedding parameter count (Table 1 caption). The "
            "N_opt and D_opt exponents are fitted separately (they do not sum to 1). " + SOURCE,
            coefs=[
                ("k", n_k, "non-embedding parameters; C in PFLOP/s-days", "", f"Table 2, {name}"),
                ("a", n_a, "", "a", f"Table 2, {name}"),
            ],
            **common,
        ),
        dict(
            law_id=f"li2025b_{arch}_D_opt",
            form="allocation",
            output="D_opt",
            source_ref=f"{ref}, column D_opt(C): {d_txt}",
            notes="D_opt = k C^a with k the printed prefactor and a the printed exponent (the text "
            "writes D_opt ∝ C^b; renamed a = b). D_opt is a number of training tokens. "
            + SOURCE,
            coefs=[
                ("k", d_k, "tokens; C in PFLOP/s-days", "", f"Table 2, {name}"),
                ("a", d_a, "", "b", f"Table 2, {name}"),
            ],
            **common,
        ),
    ]

LAWS = [law for arch in MINIMAX_ARCHS for law in _minimax(arch)]
