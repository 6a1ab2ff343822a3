"""Alabdulmohsin et al. 2023, Getting ViT in Shape: Scaling Laws for Compute-Optimal Model
Design (arXiv 2305.13035).

Sec. 3 Eq. (2)-(4), Sec. 4.1 and 4.2 text: the compute-optimal shape exponents s_k of width, depth
and MLP size for ImageNet 10-shot classification and for an image-to-text multitask decoder;
Figure 5 caption: the data scaling exponent c.
"""

SOURCE = (
    "Transcribed from arXiv 2305.13035 (Sec. 3 Eq. (2)-(4), Sec. 4.1 and 4.2 text; version not "
    "recorded)."
)
SOVIT_FLOPS = "t = pre-training compute in GFLOPs (the paper uses GFLOPs as the compute proxy, Sec. 2)"
SOVIT_NOTE = (
    "Registry form allocation y = k C^a with y = the shape dimension and a = the paper's scaling "
    "exponent s_k (x_k* = O(t^s_k), Eq. 4). The paper absorbs the prefactor into a small "
    "compute-optimal grid-sweep architecture x^(0) = (608, 10, 928) rather than printing k, so k "
    "is left out. The printed value is approximate ('≈'). "
)
SOVIT_CLS_FIT = (
    "Star sweep around x^(c) = (width 1968, depth 40, MLP 6144), one dimension varied at a time "
    "(width 608-1648, depth 8-24, MLP 1088-3072), ViT pre-trained on JFT-3B; metric ImageNet "
    "(ILSRCV2012) linear 10-shot error (Sec. 4.1)"
)
SOVIT_MT_FIT = (
    "Same star-sweep analysis repeated for the image encoder of an image-to-text LiT-decoder "
    "(2-layer decoder); metric the average of four log-perplexities (COCO captioning, OCR, "
    "VQAv2, GQA) (Sec. 4.2, App. C)"
)
SOVIT_METHOD = (
    "f_k(x_k, t) = alpha_k x_k^-a_k + (beta_k x_k^b_k + xi_k) t^-c + eps_k (Eq. 2) fitted per "
    "dimension by minimising relative error; s_k = c / (b_k + a_k) (Eq. 4)"
)

def _sovit(task: str, dim: str, value: float, fitted_on: str, source_ref: str, symbol: str) -> dict:
    return dict(
        law_id=f"alabdulmohsin2023_{task}_{dim}_opt",
        paper_id="alabdulmohsin2023",
        family_id="",
        form="allocation",
        x_var="C",
        output="other",
        fitted_on=fitted_on,
        fit_method=SOVIT_METHOD,
        source_ref=source_ref,
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention=SOVIT_FLOPS,
        loss_definition=(
            "ImageNet linear 10-shot error rate" if task == "classification"
            else "average of four log-perplexity scores (COCO, OCR, VQAv2, GQA)"
        ),
        notes=f"Output is the compute-optimal ViT {dim.replace('_', ' ')} (not in the output "
        "vocabulary, hence 'other'). " + SOVIT_NOTE + SOURCE,
        coefs=[("a", value, "", symbol, "printed approximate value")],
    )


CLS_REF = "Sec. 4.1 text: 's_depth ≈ 0.45, s_width ≈ 0.22, and s_MLP ≈ 0.6' (exponents of Eq. 4)"
MT_REF = (
    "Sec. 4.2 text: 'the derived scaling exponents are approximately 0.25, 0.49 and 0.62 for "
    "width, depth and MLP size, respectively'"
)

LAWS = [
    # Alabdulmohsin et al. 2023 (SoViT), Sec. 4.1: image classification exponents.
    _sovit("classification", "width", 0.22, SOVIT_CLS_FIT, CLS_REF, "s_width"),
    _sovit("classification", "depth", 0.45, SOVIT_CLS_FIT, CLS_REF, "s_depth"),
    _sovit("classification", "mlp_dim", 0.6, SOVIT_CLS_FIT, CLS_REF, "s_MLP"),
    # Alabdulmohsin et al. 2023 (SoViT), Sec. 4.2: multitask (image-to-text) decoder exponents.
    _sovit("multitask_decoder", "width", 0.25, SOVIT_MT_FIT, MT_REF, "s_width"),
    _sovit("multitask_decoder", "depth", 0.49, SOVIT_MT_FIT, MT_REF, "s_depth"),
    _sovit("multitask_decoder", "mlp_dim", 0.62, SOVIT_MT_FIT, MT_REF, "s_MLP"),
    # Alabdulmohsin et al. 2023 (SoViT), Fig. 5 caption: data scaling exponent c of Eq. (2).
    dict(
        law_id="alabdulmohsin2023_classification_error_t",
        paper_id="alabdulmohsin2023",
        family_id="",
        form="power_law_offset",
        x_var="C",
        output="error",
        fitted_on=SOVIT_CLS_FIT + "; c estimated separately for each shape dimension's star sweep",
        fit_method=SOVIT_METHOD,
        source_ref="Figure 5 caption: 'the data scaling exponent c is approximately c ≈ 0.65 ± .06, "
        "independently of the choice of the shape dimension'; Sec. 3 item II: for a fixed model "
        "size Eq. (2) reduces to f_k(t) ~ A t^-c + B",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention=SOVIT_FLOPS,
        loss_definition="ImageNet linear 10-shot error rate (and the 5-/25-shot variants of Fig. 5)",
        notes="Registry power_law_offset f = E + A t^-alpha at fixed model shape, with alpha = the "
        "paper's c. A (= beta_k x_k^b_k + xi_k) and E (= alpha_k x_k^-a_k + eps_k) depend on the "
        "shape and are not printed. The '± .06' is the spread across shape dimensions and metrics "
        "in Fig. 5, not a confidence interval, so no ci is recorded. " + SOURCE,
        coefs=[("alpha", 0.65, "", "c", "printed 'c ≈ 0.65 ± .06' (spread across Fig. 5 fits)")],
    ),
]
