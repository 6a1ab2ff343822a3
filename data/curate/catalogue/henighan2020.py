"""Henighan et al. 2020, Scaling Laws for Autoregressive Generative Modeling (arXiv 2010.14701).

Table 1 ("Summary of scaling laws") fits eq. (1.1) L(x) = L_inf + (x_0/x)^alpha_x, printed as
L_inf + (x / x_0)^(-alpha_x): exactly kaplan_single_offset y = E + (x_c / x)^alpha with
E = L_inf, x_c = x_0, alpha = alpha_x (a pure renaming; the printed minus sign is the
(x/x_0)^(-a) = (x_0/x)^a identity). Rows printed without a constant (the multimodal text losses)
are kaplan_single. Caption: loss in nats/token, compute in petaflop-days. Section 2.2: N is the
number of non-embedding parameters. Section 2.3: C = 6 N E (E = tokens processed), estimated,
not measured; no critical-batch-size adjustment.
Table 3 ("Per-image loss trends"): the same compute fits per image: reducible loss
(C / C_0)^(-alpha) and irreducible loss per image in nats, C in PF-days.
Table 1, column N_opt(C): (C / C_0)^beta. Registry allocation is y = k C^a with a = beta; k =
C_0^(-beta) would need arithmetic on the printed C_0, so these laws are partial (a only) and C_0
is kept in the notes. The Language row of Table 1 is taken from Kaplan et al. 2020 and is left out.
"""

FLOPS = "C = 6*N*E with N non-embedding parameters and E tokens processed (Section 2.3), in PF-days"
N_FIT = "loss at (or as close as feasible to) convergence on a large enough dataset (Section 2.2); the largest models are not fully converged"
C_FIT = "power-law plus constant fit forced to lie below the Pareto frontier of loss versus compute (Section 2.3, Figure 5)"

# domain key -> (description of the data, loss definition)
DOMAINS = {
    "image_8x8": ("YFCC100M images downsampled to 8x8 pixels, raster-order RGB tokens (3*64 tokens per image)",
                  "test cross-entropy per token (pixel colour value), nats/token"),
    "image_16x16": ("YFCC100M images downsampled to 16x16 pixels, raster-order RGB tokens",
                    "test cross-entropy per token (pixel colour value), nats/token"),
    "image_32x32": ("YFCC100M images downsampled to 32x32 pixels, raster-order RGB tokens",
                    "test cross-entropy per token (pixel colour value), nats/token"),
    "image_vq16x16": ("YFCC100M images at 64x64 encoded with a 16x16 VQ-VAE code pattern (codebook 4096; 256 tokens per image)",
                      "test cross-entropy per VQ token, nats/token"),
    "image_vq32x32": ("YFCC100M images at 64x64 encoded with a 32x32 VQ-VAE code pattern (codebook 1024; 1024 tokens per image)",
                      "test cross-entropy per VQ token, nats/token"),
    "text_to_image_text": ("text-to-image multimodal model: 128-token caption then 32x32 image (3200 tokens); loss on the caption text tokens",
                           "cross-entropy per text token (padding included, Section 4), nats/token"),
    "text_to_image_image": ("text-to-image multimodal model: 128-token caption then 32x32 image; loss on the image tokens",
                            "cross-entropy per image token, nats/token"),
    "image_to_text_text": ("image-to-text multimodal model: 32x32 image then 128-token caption; loss on the caption text tokens",
                           "cross-entropy per text token (padding included, Section 4), nats/token"),
    "image_to_text_image": ("image-to-text multimodal model: 32x32 image then 128-token caption; loss on the image tokens",
                            "cross-entropy per image token, nats/token"),
    "video_vq": ("web videos, 16 frames of 64x64 each encoded with the 16x16 VQ-VAE (4096 tokens per video)",
                 "test cross-entropy per VQ token, nats/token"),
    "math_extrapolate": ("procedurally generated math problems (Saxton et al. generator), character level, loss on answer tokens only",
                         "cross-entropy per answer character on the extrapolate test set, nats/token"),
}
ROW_LABEL = {
    "image_8x8": "Image 8x8",
    "image_16x16": "Image 16x16",
    "image_32x32": "Image 32x32",
    "image_vq16x16": "Image VQ 16x16",
    "image_vq32x32": "Image VQ 32x32",
    "text_to_image_text": "Text-to-Im (Text)",
    "text_to_image_image": "Text-to-Im (Image)",
    "image_to_text_text": "Im-to-Text (Text)",
    "image_to_text_image": "Im-to-Text (Image)",
    "video_vq": "Video VQ 16x16x16",
    "math_extrapolate": "Math (Extrapolate)",
}

# Table 1, column L(N): (L_inf or None, N_0, alpha_N) and the same three as printed.
T1_LN = {
    "image_8x8": (3.12, 8.0e1, 0.24),
    "image_16x16": (2.64, 2.8e2, 0.22),
    "image_32x32": (2.20, 6.3e1, 0.13),
    "image_vq16x16": (3.99, 2.7e4, 0.13),
    "image_vq32x32": (3.07, 1.9e4, 0.14),
    "text_to_image_text": (None, 5.6e8, 0.037),
    "text_to_image_image": (2.0, 5.1e3, 0.16),
    "image_to_text_text": (None, 7.0e8, 0.039),
    "image_to_text_image": (2.0, 5.5e3, 0.15),
    "video_vq": (1.01, 3.7e4, 0.24),
    "math_extrapolate": (0.28, 1.1e4, 0.16),
}
T1_LN_PRINTED = {
    "image_8x8": ("3.12", "8.0 x 10^1", "-0.24"),
    "image_16x16": ("2.64", "2.8 x 10^2", "-0.22"),
    "image_32x32": ("2.20", "6.3 x 10^1", "-0.13"),
    "image_vq16x16": ("3.99", "2.7 x 10^4", "-0.13"),
    "image_vq32x32": ("3.07", "1.9 x 10^4", "-0.14"),
    "text_to_image_text": (None, "5.6 x 10^8", "-0.037"),
    "text_to_image_image": ("2.0", "5.1 x 10^3", "-0.16"),
    "image_to_text_text": (None, "7.0 x 10^8", "-0.039"),
    "image_to_text_image": ("2.0", "5.5 x 10^3", "-0.15"),
    "video_vq": ("1.01", "3.7 x 10^4", "-0.24"),
    "math_extrapolate": ("0.28", "1.1 x 10^4", "-0.16"),
}

# Table 1, column L(C): (L_inf, C_0 in PF-days, alpha_C) and as printed. The two multimodal rows
# are left out on purpose: their L(C) cells are marked "(combined text/image loss)" and it is not
# clear which loss the printed fit describes.
T1_LC = {
    "image_8x8": (3.13, 1.8e-8, 0.19),
    "image_16x16": (2.64, 1.6e-8, 0.16),
    "image_32x32": (2.21, 3.6e-9, 0.1),
    "image_vq16x16": (4.09, 6.1e-7, 0.11),
    "image_vq32x32": (3.17, 2.6e-6, 0.12),
    "video_vq": (0.95, 2.2e-5, 0.14),
    "math_extrapolate": (0.14, 1.4e-5, 0.17),
}
T1_LC_PRINTED = {
    "image_8x8": ("3.13", "1.8 x 10^-8", "-0.19"),
    "image_16x16": ("2.64", "1.6 x 10^-8", "-0.16"),
    "image_32x32": ("2.21", "3.6 x 10^-9", "-0.1"),
    "image_vq16x16": ("4.09", "6.1 x 10^-7", "-0.11"),
    "image_vq32x32": ("3.17", "2.6 x 10^-6", "-0.12"),
    "video_vq": ("0.95", "2.2 x 10^-5", "-0.14"),
    "math_extrapolate": ("0.14", "1.4 x 10^-5", "-0.17"),
}

# Table 3, per image: (irreducible loss [nats/image], C_0 [PF-days], alpha, C_0 as printed, row label).
T3 = {
    "image_8x8": (602, 1.9e3, 0.19, "1.9 x 10^3", "8x8"),
    "image_16x16": (2026, 1.7e10, 0.16, "1.7 x 10^10", "16x16"),
    "image_32x32": (6806, 2.7e26, 0.1, "2.7 x 10^26", "32x32"),
    "image_vq16x16": (1047, 4.7e15, 0.11, "4.7 x 10^15", "64x64 (16x16 VQ)"),
    "image_vq32x32": (3246, 3.1e19, 0.12, "3.1 x 10^19", "64x64 (32x32 VQ)"),
}

# Table 1, column N_opt(C): key -> (row label, printed C_0 in PF-days, exponent, data description).
T1_NOPT = {
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


def _law(law_id, form, x_var, output, coefs, **fields) -> dict:
    return dict(
        law_id=law_id,
        paper_id="henighan2020",
        form=form,
        x_var=x_var,
        output=output,
        extraction="reported_fit",
        param_convention="non_embedding",
        flops_convention=FLOPS,
        coefs=coefs,
        **fields,
    )


def loss_vs_params(key: str) -> dict:
    l_inf, n0, alpha = T1_LN[key]
    p_inf, p_n0, p_alpha = T1_LN_PRINTED[key]
    data, loss_def = DOMAINS[key]
    irreducible = [] if l_inf is None else [("E", l_inf, "nats/token", "L_inf", f"irreducible loss, printed {p_inf}")]
    return _law(
        f"henighan2020_{key}_L_N",
        "kaplan_single" if l_inf is None else "kaplan_single_offset",
        "N",
        "loss",
        irreducible
        + [
            ("x_c", n0, "non-embedding parameters", "N_0 (x_0 in eq. 1.1)", f"printed {p_n0}"),
            ("alpha", alpha, None, "alpha_N", f"printed as exponent {p_alpha} on (N/N_0); alpha = -({p_alpha})"),
        ],
        fitted_on=f"decoder-only Transformers of various sizes trained to (near) convergence; {data}",
        fit_method=f"fit to eq. (1.1); {N_FIT}",
        source_ref=f"Table 1, row '{ROW_LABEL[key]}', column L(N) (model size)",
        loss_definition=loss_def,
        notes=f"Printed as {'' if l_inf is None else p_inf + ' + '}(N / {p_n0})^({p_alpha}); eq. (1.1) L = L_inf + (x_0/x)^alpha_x, a pure renaming to this form.",
    )


def loss_vs_compute(key: str) -> dict:
    l_inf, c0, alpha = T1_LC[key]
    p_inf, p_c0, p_alpha = T1_LC_PRINTED[key]
    data, loss_def = DOMAINS[key]
    return _law(
        f"henighan2020_{key}_L_C",
        "kaplan_single_offset",
        "C",
        "loss",
        [
            ("E", l_inf, "nats/token", "L_inf", f"irreducible loss, printed {p_inf}"),
            ("x_c", c0, "PF-days", "C_0 (x_0 in eq. 1.1)", f"printed {p_c0} PF-days"),
            ("alpha", alpha, None, "alpha_C", f"printed as exponent {p_alpha} on (C/C_0); alpha = -({p_alpha})"),
        ],
        fitted_on=f"compute frontier of decoder-only Transformers of many sizes and training lengths; {data}",
        fit_method=C_FIT,
        source_ref=f"Table 1, row '{ROW_LABEL[key]}', column L(C) (compute)",
        loss_definition=loss_def,
        notes=f"Printed as {p_inf} + (C / {p_c0})^({p_alpha}) with C in PF-days; eq. (1.1), pure renaming to this form. x_c is in PF-days, not FLOPs.",
    )


def loss_per_image_vs_compute(key: str) -> dict:
    s_inf, c0, alpha, p_c0, label = T3[key]
    data, _ = DOMAINS[key]
    return _law(
        f"henighan2020_{key}_L_C_per_image",
        "kaplan_single_offset",
        "C",
        "loss",
        [
            ("E", s_inf, "nats/image", "irreducible loss per image", f"printed {s_inf} (column 'Irreducible Loss per Image (nats)')"),
            ("x_c", c0, "PF-days", "C_0", f"printed {p_c0} PF-days"),
            ("alpha", alpha, None, "alpha_C", f"printed as exponent -{alpha} on (C/C_0)"),
        ],
        fitted_on=f"compute frontier, loss summed over the whole image; {data}",
        fit_method="fits for the reducible and irreducible loss as a function of compute (Table 3; same fits as Table 1 expressed per image)",
        source_ref=f"Table 3, row '{label}'",
        loss_definition="test cross-entropy per image (sum over the image's tokens), nats/image",
        notes=(f"Table 3 prints the reducible loss per image (C / {p_c0})^(-{alpha}) and the irreducible loss "
               f"{s_inf} nats/image separately; combined here as E + (x_c/C)^alpha. C in PF-days; x_c estimates the "
               "compute for a reducible loss of 1 nat/image."),
    )


def optimal_params_vs_compute(key: str) -> dict:
    label, c0, exponent, data = T1_NOPT[key]
    bracket = (" The cell is printed inside square brackets [ ... ] in the table; the caption does not say why."
               if key == "image_to_text" else "")
    return _law(
        f"henighan2020_{key}_N_opt",
        "allocation",
        "C",
        "N_opt",
        [("a", exponent, None, "beta (exponent of N_opt(C))", f"printed exponent {exponent} on (C / {c0} PF-days)")],
        completeness="partial",
        fitted_on=f"convex hull of the loss-versus-compute frontier (Fig. 5 blue points) of decoder-only Transformers; {data}",
        fit_method="pure power law N_opt(C) ∝ C^beta fitted to the compute-optimal points on the convex hull (Sec. 2.3, Fig. 16); no critical-batch-size adjustment",
        source_ref=f"Table 1, row '{label}', column N_opt(C)",
        loss_definition="model size minimizing the test cross-entropy (nats/token) at fixed compute (Sec. 2.3)",
        notes=(f"Printed as (C / {c0})^{exponent} with C in PF-days and N non-embedding parameters. Registry "
               f"allocation y = k C^a: a = {exponent}; k = C_0^(-a) is not computed here (partial).{bracket}"),
    )


LAWS = (
    [loss_vs_params(key) for key in T1_LN]
    + [loss_vs_compute(key) for key in T1_LC]
    + [loss_per_image_vs_compute(key) for key in T3]
    + [optimal_params_vs_compute(key) for key in T1_NOPT]
)
