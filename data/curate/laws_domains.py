"""Published scaling-law coefficients outside the LLM core list (image, video, multimodal, math).

Every number below was read from the paper's own text (a full-text copy of the arXiv paper),
never recalled or taken from a secondary source. Each law carries its citation comment and a
`source_ref` naming the table. Run from the project root:

    python -m data.curate.laws_domains

It writes data/laws/laws_domains.csv and data/coefficients/laws_domains.csv.
Paper rows live in data/_staging/papers_laws_domains.csv (hand-written, verified against the
arXiv abstract page).
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_law_files
from lib.schema import LAW_FORMS

# ---------------------------------------------------------------------------------------------
# Henighan et al. 2020, "Scaling Laws for Autoregressive Generative Modeling", arXiv:2010.14701.
#
# Table 1 ("Summary of scaling laws"): fits to eq. (1.1) L(x) = L_inf + (x_0/x)^alpha_x, printed
# as  L_inf + (x / x_0)^(-alpha_x).  That is exactly kaplan_single_offset
#     y = E + (x_c / x)^alpha   with  E = L_inf, x_c = x_0, alpha = alpha_x
# (a pure renaming; the printed exponent's minus sign is the (x/x_0)^(-a) = (x_0/x)^a identity).
# Rows printed without a constant (the multimodal text losses) are kaplan_single.
# Caption: loss in nats/token, compute in petaflop-days. Section 2.2: N is the number of
# non-embedding parameters. Section 2.3: C = 6 N E (E = tokens processed), estimated, not
# measured; no critical-batch-size adjustment.
# Table 3 ("Per-image loss trends"): the same compute fits per image rather than per token:
# reducible loss (C / C_0)^(-alpha) and irreducible loss per image in nats, C in PF-days.
# ---------------------------------------------------------------------------------------------

HENIGHAN_PAPER = "henighan2020"
HENIGHAN_FLOPS = "C = 6*N*E with N non-embedding parameters and E tokens processed (Section 2.3), in PF-days"
HENIGHAN_N_FIT = "loss at (or as close as feasible to) convergence on a large enough dataset (Section 2.2); the largest models are not fully converged"
HENIGHAN_C_FIT = "power-law plus constant fit forced to lie below the Pareto frontier of loss versus compute (Section 2.3, Figure 5)"

# domain key -> (description of the data, loss definition, tokens per example note)
HENIGHAN_DOMAINS = {
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
HENIGHAN_DOMAIN_LABEL = {
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

# Table 1, column L(N): (L_inf or None, N_0, alpha_N) exactly as printed.
# Henighan 2020, Table 1, L(N) column.
HENIGHAN_T1_LN = {
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
HENIGHAN_T1_LN_PRINTED = {
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

# Table 1, column L(C): (L_inf, C_0 in PF-days, alpha_C) exactly as printed.
# Henighan 2020, Table 1, L(C) column. The two multimodal rows are left out on purpose: their
# L(C) cells are marked "(combined text/image loss)" and it is not clear which loss the
# printed fit describes.
HENIGHAN_T1_LC = {
    "image_8x8": (3.13, 1.8e-8, 0.19),
    "image_16x16": (2.64, 1.6e-8, 0.16),
    "image_32x32": (2.21, 3.6e-9, 0.1),
    "image_vq16x16": (4.09, 6.1e-7, 0.11),
    "image_vq32x32": (3.17, 2.6e-6, 0.12),
    "video_vq": (0.95, 2.2e-5, 0.14),
    "math_extrapolate": (0.14, 1.4e-5, 0.17),
}
HENIGHAN_T1_LC_PRINTED = {
    "image_8x8": ("3.13", "1.8 x 10^-8", "-0.19"),
    "image_16x16": ("2.64", "1.6 x 10^-8", "-0.16"),
    "image_32x32": ("2.21", "3.6 x 10^-9", "-0.1"),
    "image_vq16x16": ("4.09", "6.1 x 10^-7", "-0.11"),
    "image_vq32x32": ("3.17", "2.6 x 10^-6", "-0.12"),
    "video_vq": ("0.95", "2.2 x 10^-5", "-0.14"),
    "math_extrapolate": ("0.14", "1.4 x 10^-5", "-0.17"),
}

# Table 3, per-image loss: reducible (C / C_0)^(-alpha) [nats/image], irreducible [nats/image].
# Henighan 2020, Table 3 ("Per-image loss trends"); C in PF-days.
HENIGHAN_T3 = {
    "image_8x8": (602, 1.9e3, 0.19, "1.9 x 10^3", "8x8"),
    "image_16x16": (2026, 1.7e10, 0.16, "1.7 x 10^10", "16x16"),
    "image_32x32": (6806, 2.7e26, 0.1, "2.7 x 10^26", "32x32"),
    "image_vq16x16": (1047, 4.7e15, 0.11, "4.7 x 10^15", "64x64 (16x16 VQ)"),
    "image_vq32x32": (3246, 3.1e19, 0.12, "3.1 x 10^19", "64x64 (32x32 VQ)"),
}


def _law(law_id, form, x_var, output, fitted_on, fit_method, source_ref, loss_definition, notes,
         param_convention="non_embedding", flops_convention=HENIGHAN_FLOPS, extraction="reported_fit",
         paper_id=HENIGHAN_PAPER):
    return {
        "law_id": law_id,
        "paper_id": paper_id,
        "family_id": None,
        "form": form,
        "x_var": x_var,
        "output": output,
        "fitted_on": fitted_on,
        "fit_method": fit_method,
        "source_ref": source_ref,
        "extraction": extraction,
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


def henighan2020() -> tuple[list[dict], list[dict]]:
    laws, coefs = [], []

    for key, (l_inf, n0, alpha) in HENIGHAN_T1_LN.items():
        data, loss_def = HENIGHAN_DOMAINS[key]
        label = HENIGHAN_DOMAIN_LABEL[key]
        p_inf, p_n0, p_alpha = HENIGHAN_T1_LN_PRINTED[key]
        law_id = f"henighan2020_{key}_L_N"
        form = "kaplan_single" if l_inf is None else "kaplan_single_offset"
        laws.append(_law(
            law_id, form, "N", "loss",
            fitted_on=f"decoder-only Transformers of various sizes trained to (near) convergence; {data}",
            fit_method=f"fit to eq. (1.1); {HENIGHAN_N_FIT}",
            source_ref=f"Table 1, row '{label}', column L(N) (model size)",
            loss_definition=loss_def,
            notes=f"Printed as {'' if l_inf is None else p_inf + ' + '}(N / {p_n0})^({p_alpha}); eq. (1.1) L = L_inf + (x_0/x)^alpha_x, a pure renaming to this form.",
        ))
        if l_inf is not None:
            coefs.append(_coef(law_id, "E", l_inf, "nats/token", "L_inf",
                               f"irreducible loss, printed {p_inf}"))
        coefs.append(_coef(law_id, "x_c", n0, "non-embedding parameters", "N_0 (x_0 in eq. 1.1)",
                           f"printed {p_n0}"))
        coefs.append(_coef(law_id, "alpha", alpha, None, "alpha_N",
                           f"printed as exponent {p_alpha} on (N/N_0); alpha = -({p_alpha})"))

    for key, (l_inf, c0, alpha) in HENIGHAN_T1_LC.items():
        data, loss_def = HENIGHAN_DOMAINS[key]
        label = HENIGHAN_DOMAIN_LABEL[key]
        p_inf, p_c0, p_alpha = HENIGHAN_T1_LC_PRINTED[key]
        law_id = f"henighan2020_{key}_L_C"
        laws.append(_law(
            law_id, "kaplan_single_offset", "C", "loss",
            fitted_on=f"compute frontier of decoder-only Transformers of many sizes and training lengths; {data}",
            fit_method=HENIGHAN_C_FIT,
            source_ref=f"Table 1, row '{label}', column L(C) (compute)",
            loss_definition=loss_def,
            notes=f"Printed as {p_inf} + (C / {p_c0})^({p_alpha}) with C in PF-days; eq. (1.1), pure renaming to this form. x_c is in PF-days, not FLOPs.",
        ))
        coefs.append(_coef(law_id, "E", l_inf, "nats/token", "L_inf", f"irreducible loss, printed {p_inf}"))
        coefs.append(_coef(law_id, "x_c", c0, "PF-days", "C_0 (x_0 in eq. 1.1)", f"printed {p_c0} PF-days"))
        coefs.append(_coef(law_id, "alpha", alpha, None, "alpha_C",
                           f"printed as exponent {p_alpha} on (C/C_0); alpha = -({p_alpha})"))

    for key, (s_inf, c0, alpha, p_c0, label) in HENIGHAN_T3.items():
        data, _ = HENIGHAN_DOMAINS[key]
        law_id = f"henighan2020_{key}_L_C_per_image"
        laws.append(_law(
            law_id, "kaplan_single_offset", "C", "loss",
            fitted_on=f"compute frontier, loss summed over the whole image; {data}",
            fit_method="fits for the reducible and irreducible loss as a function of compute (Table 3; same fits as Table 1 expressed per image)",
            source_ref=f"Table 3, row '{label}'",
            loss_definition="test cross-entropy per image (sum over the image's tokens), nats/image",
            notes=(f"Table 3 prints the reducible loss per image (C / {p_c0})^(-{alpha}) and the irreducible loss "
                   f"{s_inf} nats/image separately; combined here as E + (x_c/C)^alpha. C in PF-days; x_c estimates the "
                   "compute for a reducible loss of 1 nat/image."),
        ))
        coefs.append(_coef(law_id, "E", s_inf, "nats/image", "irreducible loss per image",
                           f"printed {s_inf} (column 'Irreducible Loss per Image (nats)')"))
        coefs.append(_coef(law_id, "x_c", c0, "PF-days", "C_0", f"printed {p_c0} PF-days"))
        coefs.append(_coef(law_id, "alpha", alpha, None, "alpha_C",
                           f"printed as exponent -{alpha} on (C/C_0)"))

    return laws, coefs


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    laws, coefs = [], []
    for builder in (henighan2020,):
        more_laws, more_coefs = builder()
        laws.extend(more_laws)
        coefs.extend(more_coefs)
    law_frame = pd.DataFrame(laws).assign(completeness="complete")
    coef_frame = pd.DataFrame(coefs)
    # Every law's coefficients must be exactly its form's parameters.
    for law in laws:
        params = set(coef_frame.loc[coef_frame["law_id"] == law["law_id"], "param"])
        expected = set(LAW_FORMS[law["form"]])
        if params != expected:
            raise ValueError(f"{law['law_id']}: params {sorted(params)} != form {sorted(expected)}")
    if law_frame["law_id"].duplicated().any():
        raise ValueError("duplicate law_id")
    return law_frame, coef_frame


def main() -> None:
    write_law_files("laws_domains", *build())


if __name__ == "__main__":
    main()
