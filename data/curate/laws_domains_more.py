"""More published scaling-law coefficients outside the text-LM core (multimodal, image, video, math).

Every number below was read from the paper's own text (full-text copies of the arXiv papers found
with the `find_string` / `read_file` look-ups; the read_file id is named in each law's notes),
never recalled and never taken from a secondary source. Each law carries a citation comment and a
`source_ref` naming the table, section or equation. Where a paper prints only some of a form's
coefficients (often only the exponents), the law is kept as `partial` with the printed ones only;
the rest are not invented and not derived by arithmetic. Run from the project root:

    python -m data.curate.laws_domains_more

It writes data/laws/laws_domains_more.csv and data/coefficients/laws_domains_more.csv.
Paper rows for new papers live in data/_staging/papers_laws_domains_more.csv (cherti2023 and
henighan2020 already have rows in other staging files and are not repeated).
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_law_files
from lib.schema import LAW_FORMS


def _law(law_id, paper_id, form, x_var, output, fitted_on, fit_method, source_ref, loss_definition,
         notes, completeness, param_convention="unknown", flops_convention=None, family_id=None,
         extraction="reported_fit"):
    return {
        "law_id": law_id,
        "paper_id": paper_id,
        "family_id": family_id,
        "form": form,
        "x_var": x_var,
        "output": output,
        "fitted_on": fitted_on,
        "fit_method": fit_method,
        "source_ref": source_ref,
        "extraction": extraction,
        "completeness": completeness,
        "param_convention": param_convention,
        "flops_convention": flops_convention,
        "loss_definition": loss_definition,
        "notes": notes,
    }


def _coef(law_id, param, value, unit=None, paper_symbol=None, note=None, ci_low=None, ci_high=None):
    return {
        "law_id": law_id,
        "param": param,
        "value": value,
        "unit": unit,
        "paper_symbol": paper_symbol,
        "ci_low": ci_low,
        "ci_high": ci_high,
        "note": note,
    }


# ---------------------------------------------------------------------------------------------
# Cherti et al. 2023, "Reproducible scaling laws for contrastive language-image learning",
# arXiv:2212.07143 (CVPR 2023). Read from a full-text copy (search read_file id 23341707401).
#
# Section 4.1: "Fitting power-law (E = beta C^alpha) on the Pareto frontier of the available
# models, we measure scaling coefficients alpha_openCLIP = -0.11 and alpha_CLIP = -0.16 for
# zero-shot top-1 ImageNet and alpha_openCLIP = -0.13 and alpha_CLIP = -0.24 for ImageNet
# robustness datasets performance".
# Section 4.2: "We measure scaling coefficients alpha_openCLIP = -0.08 and alpha_CLIP = -0.05 for
# zero-shot retrieval on MS-COCO and alpha_openCLIP = -0.19 and alpha_CLIP = -0.10 for Flickr30K."
# Figure 1 caption: power law fitted on the Pareto frontier; compute is total compute in GMAC,
# binned, best model per bin. E is an error (top-1 error; 100 - Recall@5 for retrieval, per the
# authors' figures.ipynb, metrics 'err1%' and 'image_retrieval_1minusrecall@5%').
# Registry power_law is y = A x^(-alpha), so alpha = -(printed alpha); the prefactor beta is
# printed only in the figure legends (not in the text) and is left out: laws are `partial`.
# ---------------------------------------------------------------------------------------------

CHERTI_PAPER = "cherti2023"
CHERTI_FLOPS = (
    "total compute in GMAC = GMACs per sample (forward pass of one image through the image tower "
    "plus one caption through the text tower) x samples seen (Fig. 1; authors' arch_info.csv). "
    "Forward-pass multiply-accumulates, not training FLOPs and not 6ND."
)
CHERTI_FIT = (
    "power law E = beta C^alpha fitted on the Pareto frontier of the available models: the total "
    "compute range (GMAC) is divided into bins and the best model per bin is kept (Figure 1 caption)"
)
# task key -> (label, printed text, source_ref, loss_definition)
CHERTI_TASKS = {
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
# (task, model key) -> printed exponent alpha (negative), as the printed string.
# Cherti 2023, Sec. 4.1 and Sec. 4.2 text.
CHERTI_ALPHA_PRINTED = {
    ("imagenet_zeroshot", "openclip"): "-0.11",
    ("imagenet_zeroshot", "clip"): "-0.16",
    ("imagenet_robustness_zeroshot", "openclip"): "-0.13",
    ("imagenet_robustness_zeroshot", "clip"): "-0.24",
    ("mscoco_retrieval_zeroshot", "openclip"): "-0.08",
    ("mscoco_retrieval_zeroshot", "clip"): "-0.05",
    ("flickr30k_retrieval_zeroshot", "openclip"): "-0.19",
    ("flickr30k_retrieval_zeroshot", "clip"): "-0.10",
}
CHERTI_MODELS = {
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


def cherti2023() -> tuple[list[dict], list[dict]]:
    laws, coefs = [], []
    for (task, model), printed in CHERTI_ALPHA_PRINTED.items():
        label, source_ref, loss_def = CHERTI_TASKS[task]
        symbol, family_id, fitted_on = CHERTI_MODELS[model]
        law_id = f"cherti2023_{model}_{task}_C"
        laws.append(_law(
            law_id, CHERTI_PAPER, "power_law", "C", "error",
            fitted_on=fitted_on,
            fit_method=CHERTI_FIT,
            source_ref=f"{source_ref}: {symbol} for {label}",
            loss_definition=loss_def,
            notes=(f"Printed as {symbol} = {printed} in E = beta C^alpha with C in GMAC; registry alpha = "
                   f"-({printed}). The prefactor beta is not printed in the text (only in figure legends) "
                   "and is not recorded. Read from a full-text copy (search read_file id 23341707401)."),
            completeness="partial",
            param_convention="with_embeddings",
            flops_convention=CHERTI_FLOPS,
            family_id=family_id,
        ))
        coefs.append(_coef(law_id, "alpha", -float(printed), None, symbol,
                           f"printed {symbol} = {printed}; alpha = -({printed})"))
    return laws, coefs


# ---------------------------------------------------------------------------------------------
# Shukor et al. 2025, "Scaling Laws for Native Multimodal Models", arXiv:2504.07951 (v4),
# ICCV 2025. Read from a full-text copy (search read_file id 60891163732).
#
# Eq. (1): L = E + A/N^alpha + B/D^beta (chinchilla form, same names). N = parameters of the
# multimodal decoder (active parameters for MoEs), D = multimodal training tokens (Table 1).
# Table 2 ("Scaling laws for native multimodal models") prints, per model and target data,
# E, alpha, beta, a, b, c, d with N ∝ C^a, D ∝ C^b, L ∝ C^c, D ∝ N^d. A and B are NOT printed.
# Table 3 ("Scaling laws for different training mixtures", early fusion) prints the same
# columns (order E alpha beta a b d c) for four image-caption/interleaved/text mixtures.
# Mapping to registry forms:
#   E, alpha, beta -> chinchilla (partial: A, B missing)
#   a -> allocation output N_opt, param a (partial: k missing)
#   b -> allocation output D_opt, param a (partial: k missing)
#   c -> power_law L = A C^(-alpha), alpha = -c (partial: A missing; see notes)
#   d (D_opt ∝ N^d) has no registry form with x = C and is only noted.
# Text cross-checks: Sec. 3.1 "alpha = 0.301 and beta = 0.335", "N* ∝ C^0.526", "Dopt ∝ C^0.473,
# Dopt ∝ N^0.899", "interleaved ... (a = 0.532) ... image-caption (a = 0.520)", "c = -0.0494"
# (late) vs "c = -0.0492" (early); Sec. 4.2 MoE exponent -0.048 (Table 2: -0.047).
# ---------------------------------------------------------------------------------------------

SHUKOR_PAPER = "shukor2025"
SHUKOR_LOSS = {
    "text": "validation cross-entropy on held-out text-only data (DCLM)",
    "image_caption": "validation cross-entropy on held-out image-caption data (HQITP, private)",
    "interleaved": "validation cross-entropy on held-out interleaved image-text data (Obelics)",
    "avg": ("validation cross-entropy averaged over held-out interleaved (Obelics), image-caption (HQITP) "
            "and text-only (DCLM) data (Table 1, Figure 2 caption)"),
}
SHUKOR_LABEL = {"text": "Text", "image_caption": "Image-Caption", "interleaved": "Interleaved", "avg": "AVG"}
SHUKOR_ARCH = {
    "early": ("NMM (early-fusion)", "dense early-fusion native multimodal decoder (image patches linearly projected, no image encoder)",
              "C = 6ND (Table 1), N = decoder parameters"),
    "late": ("NMM (late-fusion)", "dense late-fusion native multimodal model (vision encoder + decoder, both trained from scratch)",
             "C = 6(Nv Dv + N D) (Table 1, Sec. 2.2), Nv = vision-encoder parameters, Dv = vision tokens"),
    "sparse": ("Sparse NMM (early-fusion)", "sparse early-fusion MoE (8 experts, top-1, modality-agnostic routing)",
               "C = 6ND with N the active parameters (Sec. 4.1)"),
}
SHUKOR_EQ1_FIT = ("Eq. (1) fitted with L-BFGS and Huber loss (delta = 1e-3), grid search over initialization "
                  "ranges (Sec. 2.3/3.1 Setup)")
SHUKOR_ALLOC_FIT = ("from the fitted Eq. (1): for each FLOPs value the loss is evaluated at log-spaced D, N_opt "
                    "(resp. D_opt) taken at the minimum, and a power law fitted to (C, N_opt) (resp. (C, D_opt)) "
                    "(Sec. 3.1, Appendix C)")
SHUKOR_LC_FIT = "power law fitted to the lowest-loss frontier of final validation loss versus FLOPs (Sec. 3.1, Fig. 2; Sec. 4.2, Fig. 9)"

# Shukor 2025, Table 2: (arch, target) -> (E, alpha, beta, a, b, c, d) exactly as printed.
SHUKOR_T2 = {
    ("early", "text"): (2.222, 0.3084, 0.3375, 0.5246, 0.4774, -0.0420, 0.9085),
    ("early", "image_caption"): (1.569, 0.3111, 0.3386, 0.5203, 0.4785, -0.0610, 0.9187),
    ("early", "interleaved"): (1.966, 0.2971, 0.338, 0.5315, 0.4680, -0.0459, 0.8791),
    ("early", "avg"): (1.904, 0.301, 0.335, 0.5262, 0.473, -0.0492, 0.8987),
    ("late", "avg"): (1.891, 0.2903, 0.3383, 0.6358, 0.4619, -0.0494, 0.6732),
    ("sparse", "avg"): (2.158, 0.710, 0.372, 0.361, 0.656, -0.047, 1.797),
}
# Shukor 2025, Table 3 (early fusion, AVG loss): mixture C-I-T % -> (I/T ratio, E, alpha, beta, a, b, d, c)
# exactly as printed (note the column order d before c in this table).
SHUKOR_T3 = {
    "45-45-10": (1, 1.19, 1.906, 0.301, 0.335, 0.527, 0.474, 0.901, -0.0492),
    "40-20-40": (2, 0.65, 1.965, 0.328, 0.348, 0.518, 0.486, 0.937, -0.0486),
    "30-30-40": (3, 0.59, 1.847, 0.253, 0.338, 0.572, 0.428, 0.748, -0.0463),
    "20-40-40": (4, 0.49, 1.836, 0.259, 0.354, 0.582, 0.423, 0.726, -0.0488),
}
SHUKOR_COPY = "Read from a full-text copy (search read_file id 60891163732; PDF-to-text of arXiv v4)."


def _shukor_group(prefix, arch, target, values, source_ref, fitted_on, extra_note=""):
    """Four partial laws from one printed row: Eq. (1) exponents, N_opt(C), D_opt(C), L(C)."""
    E, alpha, beta, a, b, c, d = values
    _, _, flops = SHUKOR_ARCH[arch]
    loss_def = SHUKOR_LOSS[target]
    laws, coefs = [], []
    common = dict(flops_convention=flops, param_convention="unknown", completeness="partial")
    pn = ("N = parameters of the multimodal decoder (active parameters for MoE; Table 1); whether "
          "embeddings are counted is not stated. ")

    law_id = f"{prefix}_L_ND"
    laws.append(_law(
        law_id, SHUKOR_PAPER, "chinchilla", "N,D", "loss", fitted_on, SHUKOR_EQ1_FIT, source_ref, loss_def,
        notes=(f"{pn}Printed E = {E}, alpha = {alpha}, beta = {beta} for Eq. (1) L = E + A/N^alpha + B/D^beta; "
               f"A and B are not printed and are not recorded. {extra_note}{SHUKOR_COPY}"),
        **common))
    coefs += [
        _coef(law_id, "E", E, None, "E", f"printed {E}"),
        _coef(law_id, "alpha", alpha, None, "alpha", f"printed {alpha}"),
        _coef(law_id, "beta", beta, None, "beta", f"printed {beta}"),
    ]

    law_id = f"{prefix}_N_opt"
    laws.append(_law(
        law_id, SHUKOR_PAPER, "allocation", "C", "N_opt", fitted_on, SHUKOR_ALLOC_FIT, source_ref, loss_def,
        notes=(f"{pn}Printed a = {a} in N ∝ C^a (column 'a'); the proportionality constant is not printed. "
               f"{extra_note}{SHUKOR_COPY}"),
        **common))
    coefs.append(_coef(law_id, "a", a, None, "a", f"printed {a} (N_opt ∝ C^a)"))

    law_id = f"{prefix}_D_opt"
    laws.append(_law(
        law_id, SHUKOR_PAPER, "allocation", "C", "D_opt", fitted_on, SHUKOR_ALLOC_FIT, source_ref, loss_def,
        notes=(f"D = multimodal training tokens. Printed b = {b} in D ∝ C^b (column 'b'), renamed to the "
               f"registry's a; constant not printed. The same row prints d = {d} for D_opt ∝ N^d (no registry "
               f"form, not recorded). {extra_note}{SHUKOR_COPY}"),
        **common))
    coefs.append(_coef(law_id, "a", b, None, "b", f"printed b = {b} (D_opt ∝ C^b); renamed a"))

    law_id = f"{prefix}_L_C"
    laws.append(_law(
        law_id, SHUKOR_PAPER, "power_law", "C", "loss", fitted_on, SHUKOR_LC_FIT, source_ref, loss_def,
        notes=(f"Printed c = {c} in L ∝ C^c; registry alpha = -({c}). The multiplicative constant is not in "
               "the table. (Sec. 4.2 text quotes constants 27.086 (MoE) and 29.574 (dense) with exponents "
               "-0.048 / -0.049, while the Figure 9 legend reads 26.287 for MoE; because these disagree and "
               "the figure legends of Fig. 2/5 are garbled in the copy, no prefactor is recorded.) "
               f"{extra_note}{SHUKOR_COPY}"),
        **common))
    coefs.append(_coef(law_id, "alpha", -c, None, "c", f"printed c = {c} (L ∝ C^c); alpha = -({c})"))
    return laws, coefs


def shukor2025() -> tuple[list[dict], list[dict]]:
    laws, coefs = [], []
    for (arch, target), values in SHUKOR_T2.items():
        model_label, arch_desc, _ = SHUKOR_ARCH[arch]
        fitted_on = (f"{arch_desc}; models of 0.3B-4B (dense) or 0.3B-3.4B active (MoE) parameters trained on "
                     "0.25B-400B (dense) / up to 600B (MoE) tokens of the default 45-45-10 image-caption/interleaved/"
                     "text mixture (DCLM, Obelics, DFN, COYO, HQITP), constant LR with cooldown (Sec. 2.3, 3.1, 4.2)")
        source_ref = f"Table 2, row '{model_label}', data '{SHUKOR_LABEL[target]}'"
        more_laws, more_coefs = _shukor_group(f"shukor2025_{arch}_{target}", arch, target, values, source_ref, fitted_on)
        laws += more_laws
        coefs += more_coefs
    for mixture, (row, ratio, E, alpha, beta, a, b, d, c) in SHUKOR_T3.items():
        fitted_on = (f"dense early-fusion models, separate scaling study of 76 models on the image-caption/"
                     f"interleaved/text mixture {mixture} (percent; image/text token ratio {ratio}) (Sec. 3.2)")
        source_ref = f"Table 3, row {row} (C-I-T {mixture})"
        key = mixture.replace("-", "_")
        more_laws, more_coefs = _shukor_group(
            f"shukor2025_early_mix{key}", "early", "avg", (E, alpha, beta, a, b, c, d), source_ref, fitted_on,
            extra_note="Table 3 prints the columns in the order E, alpha, beta, a, b, d, c. ")
        laws += more_laws
        coefs += more_coefs
    return laws, coefs


# ---------------------------------------------------------------------------------------------
# Henighan et al. 2020, "Scaling Laws for Autoregressive Generative Modeling", arXiv:2010.14701.
# Read from a full-text copy (search read_file id 63453444161).
#
# Table 1, column N_opt(C), printed as (C / C_0)^beta with C in PF-days and N the non-embedding
# parameters (Sec. 2.2). Sec. 2.3: points on the convex hull of the loss-versus-compute frontier,
# "N_opt(C) ∝ C^beta can be fit with a pure power-law"; no critical-batch-size adjustment.
# Registry allocation is y = k C^a: a = beta (printed exponent); k = C_0^(-beta) would need
# arithmetic on the printed C_0, which is not done here, so these laws are `partial` (a only);
# C_0 is kept in the notes. The Language row is taken from Kaplan et al. 2020 and is left out.
# The L(N) and L(C) columns and Table 3 are in data/curate/laws_domains.py.
# ---------------------------------------------------------------------------------------------

HENIGHAN_PAPER = "henighan2020"
HENIGHAN_FLOPS = "C = 6*N*E with N non-embedding parameters and E tokens processed (Section 2.3), in PF-days"
# key -> (row label, printed C_0 in PF-days, exponent, data description)
HENIGHAN_T1_NOPT = {
    "image_8x8": ("Image 8x8", "5.3 x 10^-14", 0.64, "YFCC100M images downsampled to 8x8 pixels, raster-order RGB tokens"),
    "image_16x16": ("Image 16x16", "4.8 x 10^-12", 0.75, "YFCC100M images downsampled to 16x16 pixels, raster-order RGB tokens"),
    "image_32x32": ("Image 32x32", "1.6 x 10^-13", 0.65, "YFCC100M images downsampled to 32x32 pixels, raster-order RGB tokens"),
    "image_vq16x16": ("Image VQ 16x16", "6.2 x 10^-14", 0.64, "YFCC100M images at 64x64 encoded with a 16x16 VQ-VAE code pattern"),
    "image_vq32x32": ("Image VQ 32x32", "9.4 x 10^-13", 0.7, "YFCC100M images at 64x64 encoded with a 32x32 VQ-VAE code pattern"),
    "text_to_image": ("Text-to-Im (Image)", "9.4 x 10^-13", 0.7, "text-to-image multimodal model: 128-token caption then 32x32 image"),
    "image_to_text": ("Im-to-Text (Image)", "3.3 x 10^-12", 0.72, "image-to-text multimodal model: 32x32 image then 128-token caption"),
    "video_vq": ("Video VQ 16x16x16", "1.13 x 10^-12", 0.71, "web videos, 16 frames of 64x64 each encoded with the 16x16 VQ-VAE"),
    "math_extrapolate": ("Math (Extrapolate)", "2.3 x 10^-12", 0.69, "procedurally generated math problems, character level"),
}


def henighan2020_nopt() -> tuple[list[dict], list[dict]]:
    laws, coefs = [], []
    for key, (label, c0, exponent, data) in HENIGHAN_T1_NOPT.items():
        law_id = f"henighan2020_{key}_N_opt"
        bracket = (" The cell is printed inside square brackets [ ... ] in the table; the caption does not say why."
                   if key == "image_to_text" else "")
        laws.append(_law(
            law_id, HENIGHAN_PAPER, "allocation", "C", "N_opt",
            fitted_on=f"convex hull of the loss-versus-compute frontier (Fig. 5 blue points) of decoder-only Transformers; {data}",
            fit_method="pure power law N_opt(C) ∝ C^beta fitted to the compute-optimal points on the convex hull (Sec. 2.3, Fig. 16); no critical-batch-size adjustment",
            source_ref=f"Table 1, row '{label}', column N_opt(C)",
            loss_definition="model size minimizing the test cross-entropy (nats/token) at fixed compute (Sec. 2.3)",
            notes=(f"Printed as (C / {c0})^{exponent} with C in PF-days and N non-embedding parameters. Registry "
                   f"allocation y = k C^a: a = {exponent}; k = C_0^(-a) is not computed here (partial).{bracket} "
                   "Read from a full-text copy (search read_file id 63453444161)."),
            completeness="partial",
            param_convention="non_embedding",
            flops_convention=HENIGHAN_FLOPS,
        ))
        coefs.append(_coef(law_id, "a", exponent, None, "beta (exponent of N_opt(C))",
                           f"printed exponent {exponent} on (C / {c0} PF-days)"))
    return laws, coefs


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    laws, coefs = [], []
    for builder in (cherti2023, shukor2025, henighan2020_nopt):
        more_laws, more_coefs = builder()
        laws.extend(more_laws)
        coefs.extend(more_coefs)
    law_frame = pd.DataFrame(laws)
    coef_frame = pd.DataFrame(coefs)
    for law in laws:
        params = set(coef_frame.loc[coef_frame["law_id"] == law["law_id"], "param"])
        expected = set(LAW_FORMS[law["form"]])
        if law["completeness"] == "complete" and params != expected:
            raise ValueError(f"{law['law_id']}: params {sorted(params)} != form {sorted(expected)}")
        if not params or not params <= expected:
            raise ValueError(f"{law['law_id']}: params {sorted(params)} not a subset of {sorted(expected)}")
        if law["completeness"] == "partial" and params == expected:
            raise ValueError(f"{law['law_id']}: marked partial but has every parameter")
    if law_frame["law_id"].duplicated().any():
        raise ValueError("duplicate law_id")
    if coef_frame.duplicated(["law_id", "param"]).any():
        raise ValueError("duplicate coefficient")
    return law_frame, coef_frame


def main() -> None:
    write_law_files("laws_domains_more", *build())


if __name__ == "__main__":
    main()
