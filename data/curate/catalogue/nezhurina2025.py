"""Nezhurina et al. 2025, Scaling Laws for Robust Comparison of Open Foundation Language-Vision
Models and Datasets (arXiv 2506.04598, NeurIPS 2025): the released fits of zero-shot error against
compute for CLIP and MaMMUT trained on DataComp-1.4B.

Transcribed from the LaTeX tables the authors' release writes (LAION-AI/scaling-laws-for-comparison
at commit 53454c5d, scaling_laws/derived_scaling_laws/<figure>/tables/*.tex; not among the raw
sources in ../shared, so the printed digits are literals here). What the release's code says
about them (scaling_laws/functions.py, configs.py, main.py, saving_utils.py; scripts/fig1.sh and
scripts/fig10_extra_evals.sh):
- the form is `power_law_saturation_both`, y = a (x + b)^c + d, fitted with scipy curve_fit on the
  Pareto frontier of the cosine-schedule DataComp-1.4B runs (pareto_bin), up to 1e10 samples seen
  and 1e12 GFLOPs (the large_flops_mapping: larger runs are held out as predictions);
- x is `gflops_total`, total compute in GFLOPs, axis label "Compute C [GFLOPs]": samples seen x the
  architecture's forward GFLOPs per sample (main.py recomputes it so for non-cosine schedules), so
  FORWARD passes only, not training FLOPs;
- y is the zero-shot top-1 error as a fraction: main.py maps acc1 to 1 - acc1;
- TRAP: the printed `b` is ln of the offset: ScalingFunction.param_to_display_dict replaces b by
  np.log(b) before save_latex writes it, so the law is err(C) = a (C + e^b)^c + d.
In the registry's `zhai` form E = a (C + d)^(-b) + c this is: a = a, b = -c, c = d, d = e^b GFLOPs.
"""

import math

RELEASE = "LAION-AI/scaling-laws-for-comparison at commit 53454c5d"
TABLES = (
    "scaling_laws/derived_scaling_laws/{figure}/tables/{stem}_curve_fit_saturation_both_"
    "mammut:1.00e+12_coca:1.00e+11_clip:1.00e+12_siglip:1.00e+10_acc1_clip_mammut.tex"
)
FLOPS = (
    "C = total compute in GFLOPs (the release's gflops_total, axis 'Compute C [GFLOPs]') = samples seen x "
    "the architecture's forward GFLOPs per sample (model_profile.csv gflops): "
    "FORWARD passes only, roughly a third of training compute, not comparable with 6ND. The coefficient "
    "units say GFLOPs, so the law is drawn at absolute FLOPs = 1e9 x GFLOPs."
)
FIT = (
    "scipy curve_fit of y = a (x + b)^c + d (release: power_law_saturation_both, func_type saturation_both) "
    "on the Pareto frontier (pareto_bin, best run per compute bin) of the cosine-schedule DataComp-1.4B runs "
    "with at most 1e10 samples seen and at least 1e6 GFLOPs; runs above 1e12 GFLOPs held out as predictions "
    "(large_flops_mapping); one fit, no bootstrap (n_bootstraps 1)"
)
FAMILIES = {"clip": "nezhurina2025_clip_datacomp", "mammut": "nezhurina2025_mammut_datacomp"}
MODEL_NAMES = {"clip": "CLIP", "mammut": "MaMMUT"}
# benchmark key -> (figure folder of the release, table stem, where the paper shows it, what the error is)
BENCHMARKS = {
    "imagenet1k": (
        "fig1", "imagenet1k",
        "Figure 1 (ImageNet-1k zero-shot error vs compute; release scripts/fig1.sh)",
        "ImageNet-1k zero-shot top-1 classification error, as a fraction (1 - acc1; release main.py)",
    ),
    "imagenet_r": (
        "fig10_extra_evals", "imagenet-r_test",
        "the release's extra-evaluations figure (scripts/fig10_extra_evals.sh, y label 'ImageNet1k-Robustness "
        "[Error Rate]'; its figure number in the paper not checked here)",
        "ImageNet-R zero-shot top-1 classification error, as a fraction (1 - acc1; release main.py)",
    ),
}
# (benchmark, model) -> (a, b, c, d) as printed in the table (b = ln of the offset in GFLOPs).
PRINTED = {
    ("imagenet1k", "clip"): ("57.862083", "18.391321", "-0.226604", "0.111169"),
    ("imagenet1k", "mammut"): ("125.356572", "19.289384", "-0.255670", "0.101112"),
    ("imagenet_r", "clip"): ("68.058933", "18.540562", "-0.228449", "0.000000"),
    ("imagenet_r", "mammut"): ("76.142172", "18.500197", "-0.231235", "0.000291"),
}


def table_file(benchmark: str) -> str:
    figure, stem = BENCHMARKS[benchmark][:2]
    return TABLES.format(figure=figure, stem=stem)


def saturating_law(benchmark: str, model: str) -> dict:
    a, b, c, d = PRINTED[(benchmark, model)]
    _, _, where, error = BENCHMARKS[benchmark]
    name = MODEL_NAMES[model]
    row = f"row {name.upper()} of {table_file(benchmark)}"
    floor_note = (" Printed 0.000000 (six decimals): the fitted floor is below 5e-7 in size and the law has no "
                  "irreducible error within the table's precision." if float(d) == 0 else "")
    return dict(
        law_id=f"nezhurina2025_{model}_{benchmark}_C",
        paper_id="nezhurina2025",
        family_id=FAMILIES[model],
        form="zhai",
        x_var="C",
        output="error",
        fitted_on=(
            f"{name} models trained on DataComp-1.4B (cosine schedule, up to 1e10 samples seen and 1e12 GFLOPs), "
            f"the compute-Pareto frontier of their {error.split(',')[0]}; the store holds these runs (family "
            f"{FAMILIES[model]}) but not their zero-shot evaluations"
        ),
        fit_method=FIT,
        source_ref=f"{where}; {RELEASE}, {row}",
        extraction="reported_fit",
        param_convention="with_embeddings",
        flops_convention=FLOPS,
        loss_definition=error,
        notes=(
            f"Printed a = {a}, b = {b}, c = {c}, d = {d} for err(C) = a (C + e^b)^c + d (b is ln of the offset: "
            "the release prints np.log(b)). Registry zhai: a = a, b = -c, c = d, d = e^b GFLOPs."
            + floor_note
        ),
        coefs=[
            ("a", float(a), "top-1 error (fraction); C in GFLOPs", "a", f"printed a = {a}"),
            ("b", -float(c), "dimensionless", "c", f"printed c = {c}; registry b = -c"),
            ("c", float(d), "top-1 error (fraction)", "d", f"printed d = {d}; the error the law saturates at"),
            ("d", math.exp(float(b)), "GFLOPs", "e^b",
             f"printed b = {b} = ln of the offset (release prints np.log(b)); d = e^{b}"),
        ],
    )


LAWS = [saturating_law(benchmark, model) for benchmark, model in PRINTED]
