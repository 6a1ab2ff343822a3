"""Shukor et al. 2025, Scaling Laws for Native Multimodal Models (arXiv 2504.07951v4, ICCV 2025).

Eq. (1): L = E + A/N^alpha + B/D^beta (chinchilla form, same names). N = parameters of the
multimodal decoder (active parameters for MoEs), D = multimodal training tokens (Table 1).
Table 2 ("Scaling laws for native multimodal models") prints, per model and target data,
E, alpha, beta, a, b, c, d with N ∝ C^a, D ∝ C^b, L ∝ C^c, D ∝ N^d. A and B are NOT printed.
Table 3 ("Scaling laws for different training mixtures", early fusion) prints the same
columns (order E alpha beta a b d c) for four image-caption/interleaved/text mixtures.
Mapping to registry forms:
  E, alpha, beta -> chinchilla (partial: A, B missing)
  a -> allocation output N_opt, param a (partial: k missing)
  b -> allocation output D_opt, param a (partial: k missing)
  c -> power_law L = A C^(-alpha), alpha = -c (partial: A missing; see notes)
  d (D_opt ∝ N^d) has no registry form with x = C and is only noted.
Text cross-checks: Sec. 3.1 "alpha = 0.301 and beta = 0.335", "N* ∝ C^0.526", "Dopt ∝ C^0.473,
Dopt ∝ N^0.899", "interleaved ... (a = 0.532) ... image-caption (a = 0.520)", "c = -0.0494"
(late) vs "c = -0.0492" (early); Sec. 4.2 MoE exponent -0.048 (Table 2: -0.047).
"""

LOSS = {
    "text": "validation cross-entropy on held-out text-only data (DCLM)",
    "image_caption": "validation cross-entropy on held-out image-caption data (HQITP, private)",
    "interleaved": "validation cross-entropy on held-out interleaved image-text data (Obelics)",
    "avg": ("validation cross-entropy averaged over held-out interleaved (Obelics), image-caption (HQITP) "
            "and text-only (DCLM) data (Table 1, Figure 2 caption)"),
}
TARGET_LABEL = {"text": "Text", "image_caption": "Image-Caption", "interleaved": "Interleaved", "avg": "AVG"}
ARCH = {
    "early": ("NMM (early-fusion)", "dense early-fusion native multimodal decoder (image patches linearly projected, no image encoder)",
              "C = 6ND (Table 1), N = decoder parameters"),
    "late": ("NMM (late-fusion)", "dense late-fusion native multimodal model (vision encoder + decoder, both trained from scratch)",
             "C = 6(Nv Dv + N D) (Table 1, Sec. 2.2), Nv = vision-encoder parameters, Dv = vision tokens"),
    "sparse": ("Sparse NMM (early-fusion)", "sparse early-fusion MoE (8 experts, top-1, modality-agnostic routing)",
               "C = 6ND with N the active parameters (Sec. 4.1)"),
}
EQ1_FIT = ("Eq. (1) fitted with L-BFGS and Huber loss (delta = 1e-3), grid search over initialization "
           "ranges (Sec. 2.3/3.1 Setup)")
ALLOC_FIT = ("from the fitted Eq. (1): for each FLOPs value the loss is evaluated at log-spaced D, N_opt "
             "(resp. D_opt) taken at the minimum, and a power law fitted to (C, N_opt) (resp. (C, D_opt)) "
             "(Sec. 3.1, Appendix C)")
LC_FIT = "power law fitted to the lowest-loss frontier of final validation loss versus FLOPs (Sec. 3.1, Fig. 2; Sec. 4.2, Fig. 9)"
PARAMS = ("N = parameters of the multimodal decoder (active parameters for MoE; Table 1); whether "
          "embeddings are counted is not stated. ")
VERSION = "Transcribed from arXiv 2504.07951v4."

# Table 2: (arch, target) -> (E, alpha, beta, a, b, c, d) exactly as printed.
T2 = {
    ("early", "text"): (2.222, 0.3084, 0.3375, 0.5246, 0.4774, -0.0420, 0.9085),
    ("early", "image_caption"): (1.569, 0.3111, 0.3386, 0.5203, 0.4785, -0.0610, 0.9187),
    ("early", "interleaved"): (1.966, 0.2971, 0.338, 0.5315, 0.4680, -0.0459, 0.8791),
    ("early", "avg"): (1.904, 0.301, 0.335, 0.5262, 0.473, -0.0492, 0.8987),
    ("late", "avg"): (1.891, 0.2903, 0.3383, 0.6358, 0.4619, -0.0494, 0.6732),
    ("sparse", "avg"): (2.158, 0.710, 0.372, 0.361, 0.656, -0.047, 1.797),
}
# Table 3 (early fusion, AVG loss): mixture C-I-T % -> (row, I/T ratio, E, alpha, beta, a, b, d, c)
# exactly as printed (note the column order d before c in this table).
T3 = {
    "45-45-10": (1, 1.19, 1.906, 0.301, 0.335, 0.527, 0.474, 0.901, -0.0492),
    "40-20-40": (2, 0.65, 1.965, 0.328, 0.348, 0.518, 0.486, 0.937, -0.0486),
    "30-30-40": (3, 0.59, 1.847, 0.253, 0.338, 0.572, 0.428, 0.748, -0.0463),
    "20-40-40": (4, 0.49, 1.836, 0.259, 0.354, 0.582, 0.423, 0.726, -0.0488),
}


def row_laws(prefix, arch, target, values, source_ref, fitted_on, extra_note=""):
    """Four partial laws from one printed row: Eq. (1) exponents, N_opt(C), D_opt(C), L(C)."""
    E, alpha, beta, a, b, c, d = values
    common = dict(
        paper_id="shukor2025",
        fitted_on=fitted_on,
        source_ref=source_ref,
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention=ARCH[arch][2],
        loss_definition=LOSS[target],
    )
    return [
        dict(
            common,
            law_id=f"{prefix}_L_ND",
            form="chinchilla",
            x_var="N,D",
            output="loss",
            fit_method=EQ1_FIT,
            notes=(f"{PARAMS}Printed E = {E}, alpha = {alpha}, beta = {beta} for Eq. (1) L = E + A/N^alpha + B/D^beta; "
                   f"A and B are not printed and are not recorded. {extra_note}{VERSION}"),
            coefs=[
                ("E", E, None, "E", f"printed {E}"),
                ("alpha", alpha, None, "alpha", f"printed {alpha}"),
                ("beta", beta, None, "beta", f"printed {beta}"),
            ],
        ),
        dict(
            common,
            law_id=f"{prefix}_N_opt",
            form="allocation",
            x_var="C",
            output="N_opt",
            fit_method=ALLOC_FIT,
            notes=(f"{PARAMS}Printed a = {a} in N ∝ C^a (column 'a'); the proportionality constant is not printed. "
                   f"{extra_note}{VERSION}"),
            coefs=[("a", a, None, "a", f"printed {a} (N_opt ∝ C^a)")],
        ),
        dict(
            common,
            law_id=f"{prefix}_D_opt",
            form="allocation",
            x_var="C",
            output="D_opt",
            fit_method=ALLOC_FIT,
            notes=(f"D = multimodal training tokens. Printed b = {b} in D ∝ C^b (column 'b'), renamed to the "
                   f"registry's a; constant not printed. The same row prints d = {d} for D_opt ∝ N^d (no registry "
                   f"form, not recorded). {extra_note}{VERSION}"),
            coefs=[("a", b, None, "b", f"printed b = {b} (D_opt ∝ C^b); renamed a")],
        ),
        dict(
            common,
            law_id=f"{prefix}_L_C",
            form="power_law",
            x_var="C",
            output="loss",
            fit_method=LC_FIT,
            notes=(f"Printed c = {c} in L ∝ C^c; registry alpha = -({c}). The multiplicative constant is not in "
                   "the table. (Sec. 4.2 text quotes constants 27.086 (MoE) and 29.574 (dense) with exponents "
                   "-0.048 / -0.049, while the Figure 9 legend reads 26.287 for MoE; because these disagree and "
                   "the legends of Fig. 2/5 are not legible in the text version, no prefactor is recorded.) "
                   f"{extra_note}{VERSION}"),
            coefs=[("alpha", -c, None, "c", f"printed c = {c} (L ∝ C^c); alpha = -({c})")],
        ),
    ]


def table2_laws() -> list[dict]:
    laws = []
    for (arch, target), values in T2.items():
        model_label, arch_desc, _ = ARCH[arch]
        fitted_on = (f"{arch_desc}; models of 0.3B-4B (dense) or 0.3B-3.4B active (MoE) parameters trained on "
                     "0.25B-400B (dense) / up to 600B (MoE) tokens of the default 45-45-10 image-caption/interleaved/"
                     "text mixture (DCLM, Obelics, DFN, COYO, HQITP), constant LR with cooldown (Sec. 2.3, 3.1, 4.2)")
        source_ref = f"Table 2, row '{model_label}', data '{TARGET_LABEL[target]}'"
        laws += row_laws(f"shukor2025_{arch}_{target}", arch, target, values, source_ref, fitted_on)
    return laws


def table3_laws() -> list[dict]:
    laws = []
    for mixture, (row, ratio, E, alpha, beta, a, b, d, c) in T3.items():
        fitted_on = (f"dense early-fusion models, separate scaling study of 76 models on the image-caption/"
                     f"interleaved/text mixture {mixture} (percent; image/text token ratio {ratio}) (Sec. 3.2)")
        source_ref = f"Table 3, row {row} (C-I-T {mixture})"
        laws += row_laws(
            f"shukor2025_early_mix{mixture.replace('-', '_')}", "early", "avg", (E, alpha, beta, a, b, c, d),
            source_ref, fitted_on, extra_note="Table 3 prints the columns in the order E, alpha, beta, a, b, d, c. ")
    return laws


LAWS = table2_laws() + table3_laws()
