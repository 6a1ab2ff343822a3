"""Cherti et al. 2023, Reproducible scaling laws for contrastive language-image learning
(arXiv 2212.07143, CVPR 2023).

Section 4.1: "Fitting power-law (E = beta C^alpha) on the Pareto frontier of the available
models, we measure scaling coefficients alpha_openCLIP = -0.11 and alpha_CLIP = -0.16 for
zero-shot top-1 ImageNet and alpha_openCLIP = -0.13 and alpha_CLIP = -0.24 for ImageNet
robustness datasets performance". Section 4.2: "We measure scaling coefficients
alpha_openCLIP = -0.08 and alpha_CLIP = -0.05 for zero-shot retrieval on MS-COCO and
alpha_openCLIP = -0.19 and alpha_CLIP = -0.10 for Flickr30K."
Figure 1 caption: power law fitted on the Pareto frontier; compute is total compute in GMAC,
binned, best model per bin. E is an error (top-1 error; 100 - Recall@5 for retrieval, per the
authors' figures.ipynb, metrics 'err1%' and 'image_retrieval_1minusrecall@5%').
Registry power_law is y = A x^(-alpha), so alpha = -(printed alpha); the prefactor beta is
printed only in the figure legends (not in the text) and is left out: the laws are partial.
"""

FLOPS = (
    "total compute in GMAC = GMACs per sample (forward pass of one image through the image tower "
    "plus one caption through the text tower) x samples seen (Fig. 1; authors' arch_info.csv). "
    "Forward-pass multiply-accumulates, not training FLOPs and not 6ND."
)
FIT = (
    "power law E = beta C^alpha fitted on the Pareto frontier of the available models: the total "
    "compute range (GMAC) is divided into bins and the best model per bin is kept (Figure 1 caption)"
)
# task key -> (label, where printed, loss_definition)
TASKS = {
    "imagenet_zeroshot": (
        "zero-shot top-1 ImageNet",
        "Section 4.1 (text), Figure 1a left",
        "zero-shot top-1 classification error on ImageNet (validation set), plotted in percent "
        "(authors' figures.ipynb metric 'err1%'); the exponent does not depend on the unit",
    ),
    "imagenet_robustness_zeroshot": (
        "ImageNet robustness datasets",
        "Section 4.1 (text), Figure 1a right",
        "zero-shot top-1 error averaged over ImageNet distribution-shift datasets (Fig. 1a caption: "
        "ImageNet-V2, ImageNet-R, ImageNet-Sketch, ObjectNet, ImageNet-A), in percent",
    ),
    "mscoco_retrieval_zeroshot": (
        "zero-shot retrieval on MS-COCO",
        "Section 4.2 (text), Figure 1b left",
        "zero-shot image retrieval error 100 - Recall@5 (percent) on MS-COCO (test split of "
        "Karpathy & Fei-Fei), per the authors' figures.ipynb metric 'image_retrieval_1minusrecall@5%'",
    ),
    "flickr30k_retrieval_zeroshot": (
        "zero-shot retrieval on Flickr30K",
        "Section 4.2 (text), Figure 1b right",
        "zero-shot image retrieval error 100 - Recall@5 (percent) on Flickr30K (test split of "
        "Karpathy & Fei-Fei), per the authors' figures.ipynb metric 'image_retrieval_1minusrecall@5%'",
    ),
}
# (task, model key) -> printed exponent alpha (negative), as printed in Sec. 4.1 and Sec. 4.2.
ALPHA_PRINTED = {
    ("imagenet_zeroshot", "openclip"): "-0.11",
    ("imagenet_zeroshot", "clip"): "-0.16",
    ("imagenet_robustness_zeroshot", "openclip"): "-0.13",
    ("imagenet_robustness_zeroshot", "clip"): "-0.24",
    ("mscoco_retrieval_zeroshot", "openclip"): "-0.08",
    ("mscoco_retrieval_zeroshot", "clip"): "-0.05",
    ("flickr30k_retrieval_zeroshot", "openclip"): "-0.19",
    ("flickr30k_retrieval_zeroshot", "clip"): "-0.10",
}
MODELS = {
    # model key -> (paper symbol, family_id, fitted_on)
    "openclip": (
        "alpha_openCLIP",
        None,  # the frontier spans the LAION-80M, LAION-400M and LAION-2B families
        "OpenCLIP models (ViT-B/32 to ViT-g/14) trained by the authors on LAION-80M, LAION-400M and "
        "LAION-2B for 3B, 13B or 34B samples seen; one frontier over all of them",
    ),
    "clip": (
        "alpha_CLIP",
        "clip_wit_openai",
        "OpenAI CLIP models (ViT-B/32, ViT-B/16, ViT-L/14) trained on the private WIT-400M, "
        "evaluated by the authors",
    ),
}


def error_vs_compute(task: str, model: str) -> dict:
    printed = ALPHA_PRINTED[(task, model)]
    label, where, loss_def = TASKS[task]
    symbol, family_id, fitted_on = MODELS[model]
    return dict(
        law_id=f"cherti2023_{model}_{task}_C",
        paper_id="cherti2023",
        family_id=family_id,
        form="power_law",
        x_var="C",
        output="error",
        fitted_on=fitted_on,
        fit_method=FIT,
        source_ref=f"{where}: {symbol} for {label}",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=FLOPS,
        loss_definition=loss_def,
        notes=(f"Printed as {symbol} = {printed} in E = beta C^alpha with C in GMAC; registry alpha = "
               f"-({printed}). The prefactor beta is not printed in the text (only in figure legends) "
               "and is not recorded. Transcribed from arXiv 2212.07143 (version not recorded)."),
        coefs=[("alpha", -float(printed), None, symbol, f"printed {symbol} = {printed}; alpha = -({printed})")],
    )


LAWS = [error_vs_compute(task, model) for task, model in ALPHA_PRINTED]
