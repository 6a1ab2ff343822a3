"""Tao et al. 2024, Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies
(arXiv 2407.13623).

Approach 1 (IsoFLOPs) allocation laws for the optimal non-vocabulary and vocabulary parameters,
as the authors' code release prints them (sail-sg/scaling-with-vocab, optimal_Nv_predict.py,
commit named in source_ref). The release writes the prefactor as np.exp(<number>), so k is exp()
of the printed natural-log coefficient, evaluated here with math.exp and not rounded.
"""

import math

TAO_RELEASE = "sail-sg/scaling-with-vocab, optimal_Nv_predict.py (commit 8a59af1acf097bade590811d3a77b92c8c54d670)"
SOURCE = (
    "Read from the authors' code release (" + TAO_RELEASE + "); the release writes the prefactor "
    "as np.exp(<number>), so k below is exp() of the printed natural-log coefficient, evaluated "
    "with math.exp and not rounded. The paper's own equation with rounded prefactors was not "
    "transcribed."
)
TAO_FLOPS = (
    "C = 6 (N_nv + N_v) D, with N_v = V d the vocabulary (embedding) parameters, as in the release's "
    "approach-3 code (tokens u = F / (6 (Nnv + V d)))"
)
TAO_LOSS = (
    "Unigram-normalised language-modelling loss L_u (release README), which makes losses comparable "
    "across vocabulary sizes"
)
TAO_FITTED_ON = (
    "Approach 1 (IsoFLOPs): models of 33M to 3B parameters on up to 500B characters, vocabulary "
    "4K to 96K with non-vocabulary parameters fixed per series; the optimal points (lowest loss at "
    "each FLOPs budget) of the training-curve envelope (release README; exp_data.csv)"
)

LAWS = [
    # Tao et al. 2024, Approach 1: N_nv^opt = exp(-2.4846510161625193) C^0.5 (authors' release).
    dict(
        law_id="tao2024_approach1_N_nv_opt",
        paper_id="tao2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on=TAO_FITTED_ON,
        fit_method="Power-law fit of the optimal non-vocabulary parameters against FLOPs over the "
        "envelope's optimal points (release approach1_isoflops.py)",
        source_ref="Authors' release " + TAO_RELEASE + ", flops_to_Nnvopt: "
        "np.exp(-2.4846510161625193) * FLOPs ** 0.5",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=TAO_FLOPS,
        loss_definition=TAO_LOSS,
        notes="N_opt here is the optimal number of non-vocabulary parameters N_nv (vocabulary/"
        "embedding parameters excluded). The exponent 0.5 appears as printed in the release. "
        + SOURCE,
        coefs=[
            ("k", math.exp(-2.4846510161625193), "non-vocabulary parameters per FLOP^0.5",
             "exp(-2.4846510161625193)", "release prints ln k = -2.4846510161625193"),
            ("a", 0.5, "", "0.5", "as printed in the release"),
        ],
    ),
    # Tao et al. 2024, Approach 1: N_v^opt = exp(-1.589031299255507) C^0.4163622634135234.
    dict(
        law_id="tao2024_approach1_N_v_opt",
        paper_id="tao2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="other",
        fitted_on=TAO_FITTED_ON,
        fit_method="Power-law fit of the optimal vocabulary parameters against FLOPs over the "
        "envelope's optimal points (release approach1_isoflops.py)",
        source_ref="Authors' release " + TAO_RELEASE + ", approach1_isoflops: "
        "Nv = np.exp(-1.589031299255507) * FLOPs ** 0.4163622634135234",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=TAO_FLOPS,
        loss_definition=TAO_LOSS,
        notes="Output 'other': the compute-optimal number of vocabulary parameters N_v = V d "
        "(vocabulary size times model width), not N_opt or D_opt. " + SOURCE,
        coefs=[
            ("k", math.exp(-1.589031299255507), "vocabulary parameters per FLOP^a",
             "exp(-1.589031299255507)", "release prints ln k = -1.589031299255507"),
            ("a", 0.4163622634135234, "", "0.4163622634135234", "as printed in the release"),
        ],
    ),
]
