"""Gokce & Schrimpf 2025, Scaling Laws for Task-Optimized Models of the Primate Visual Ventral
Stream (arXiv 2411.05712; ICML 2025, PMLR 267).

Over 600 image classifiers (ResNets, EfficientNets, ViTs, ConvNeXts, CORnet-S, AlexNet and width/
depth variants) trained from scratch on subsets of ImageNet and EcoSet and scored on Brain-Score
V1, V2, V4, IT and behavioural benchmarks. Alignment S; misalignment L = 1 - S is fitted with
Eq. (1) L = E + A X^-alpha, i.e. the registry power_law_offset.
Sec. 'Scaling drives behavioral alignment...' prints S = 1 - 1.4 C^-0.06 (behaviour) and
S = 0.48 - 0.55 C^-0.16 (neural alignment). Methods rescale compute to C/10^13 before fitting, and
the text does not say whether the printed prefactors refer to that rescaled C: the prefactors are
left out and the laws are partial (E and alpha only; E = 1 - the printed saturation value).
Sec. 'More Data Is Better Than More Parameters': D about C^0.7 and N about C^0.3 (allocation
exponents only).
"""

PAPER = dict(
    paper_id="gokce2025",
    title="Scaling Laws for Task-Optimized Models of the Primate Visual Ventral Stream",
    authors="Abdulkadir Gokce, Martin Schrimpf",
    year=2025,
    arxiv_id="2411.05712",
    venue="ICML 2025",
    url="https://arxiv.org/abs/2411.05712",
    covers="Over 600 vision models (ResNet, EfficientNet, ViT, ConvNeXt, CORnet-S, AlexNet and "
    "width/depth variants) trained from scratch on 1 to 300 images per class or the full "
    "ImageNet / EcoSet, scored on Brain-Score V1, V2, V4, IT and behavioural benchmarks: power "
    "laws of brain and behavioural misalignment against compute, parameters and samples, and "
    "the compute-optimal split between model and data size.",
)

FITTED_ON = (
    "Over 600 classifiers from several families (ResNet18-152, EfficientNet-B0-B2, ViT-T/S/B/L, "
    "ConvNeXt-T/S/B/L, CORnet-S, AlexNet, 33 ResNet18 width/depth variants) trained on ImageNet "
    "or EcoSet subsets of 1, 3, 10, 30, 100, 300 images per class and the full sets (Methods)"
)
FIT = (
    "Huber loss (delta = 1e-3) on log misalignment with the log-sum-exp parametrisation, BFGS from "
    "a grid of initialisations (Eq. 1-2); compute rescaled as C/10^13 before fitting (Methods)"
)
ALIGNMENT = (
    "Misalignment L = 1 - S, S the alignment score normalised to the benchmark ceiling (Methods)"
)


def misalignment_law(key: str, what: str, saturation: float, printed: str, alpha: float) -> dict:
    return dict(
        law_id=f"gokce2025_{key}_misalignment_C",
        paper_id="gokce2025",
        form="power_law_offset",
        x_var="C",
        output="error",
        fitted_on=FITTED_ON,
        fit_method=FIT,
        source_ref=f"Results, Sec. 'Scaling drives behavioral alignment, but saturates for neural "
        f"alignment' (Figure 1b): {printed}; form Eq. (1)",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="Training FLOPs; rescaled to C/10^13 for fitting (Methods)",
        loss_definition=f"{ALIGNMENT}; here {what}",
        notes=f"Printed as alignment S = {saturation:g} - A C^-alpha, i.e. misalignment "
        f"L = 1 - S = E + A C^-alpha with E = 1 - {saturation:g}. The prefactor A is left out: "
        "the paper fits on C/10^13 and does not say whether the printed A refers to that rescaled "
        "compute.",
        coefs=[
            ("E", round(1 - saturation, 10), "dimensionless", "1 - saturation of S",
             f"printed saturation of S at {saturation:g}; E = 1 - {saturation:g}"),
            ("alpha", alpha, "", "alpha", f"printed exponent -{alpha:g} on C"),
        ],
    )


def allocation_law(output: str, exponent: float, printed: str) -> dict:
    return dict(
        law_id=f"gokce2025_{output}",
        paper_id="gokce2025",
        form="allocation",
        x_var="C",
        output=output,
        fitted_on=FITTED_ON,
        fit_method="Eq. (5) L(N, D) = E + A/N^alpha + B/D^beta fitted as Eq. (6), with compute "
        "C(N, D) = m (N D)^n fitted per family (Eq. 8) and optima from Eq. (9)",
        source_ref=f"Results, Sec. 'More Data Is Better Than More Parameters' (Figure 4a): {printed}",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="C(N, D) = m (N D)^n fitted by log-log regression instead of 6 N D (Eq. 8)",
        loss_definition=ALIGNMENT,
        notes="Only the rounded exponent is printed ('approximately'); the prefactor is not, and "
        "the fitted E, A, B, alpha, beta of Eq. (5) are not printed in the text. D counts samples "
        "seen (images), not tokens.",
        coefs=[("a", exponent, "", "exponent of C", f"printed {printed}")],
    )


LAWS = [
    misalignment_law("behavior", "alignment with primate behaviour (Rajalingham et al. 2018 benchmark)",
                     1.0, "S = 1 - 1.4 C^-0.06", 0.06),
    misalignment_law("neural", "alignment with neural recordings (V1, V2, V4, IT)",
                     0.48, "S = 0.48 - 0.55 C^-0.16", 0.16),
    allocation_law("N_opt", 0.3, "N ≈ C^0.3"),
    allocation_law("D_opt", 0.7, "D ≈ C^0.7"),
]
