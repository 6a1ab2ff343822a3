"""Goyal et al. 2024, Scaling Laws for Data Filtering -- Data Curation cannot be Compute Agnostic
(arXiv 2404.07177, CVPR 2024).

The paper's fitted per-pool parameters are released by the authors (the abstract names the code at
github.com/locuslab/scaling_laws_data_filtering): `results/parameter_values.jsonl`, key
`tmars_imagenet1k_utility`, the paper's effective-utility law fitted to ImageNet-1k zero-shot
error of CLIP models trained on five T-MARS-ranked buckets of a 128M-sample DataComp pool.

The law as the release evaluates it (`objective.py`, `func_effective_utility`): within the first
epoch of a pool (n <= 12.8M samples seen, `all_paths_128.py`), error = d + (a n / 1e5)^b with b < 0,
the normaliser 1e5 fixed in code; in later epochs the exponent decays as b 0.5^(k / tau) (tau the
utility half-life in epochs, `c_values`). The first-epoch part is the registry's
kaplan_single_offset y = E + (X_c / X)^alpha with E = d, X_c = 1e5 / a and alpha = -b. The decay
with repetitions has no registry form, so each law is partial.

Traps: `a` in the release scales samples (it is not a prefactor); y is the error 1 - accuracy
(`process_128_grid.py`), a fraction; n counts image-text samples seen, not tokens.
"""

PAPER = dict(
    paper_id="goyal2024",
    title="Scaling Laws for Data Filtering -- Data Curation cannot be Compute Agnostic",
    authors="Sachin Goyal, Pratyush Maini, Zachary C. Lipton, Aditi Raghunathan, J. Zico Kolter",
    year=2024,
    arxiv_id="2404.07177",
    venue="CVPR 2024",
    url="https://arxiv.org/abs/2404.07177",
    covers="Compute-aware data filtering for CLIP on DataComp: scaling laws whose per-pool utility "
    "(power-law exponent) decays with each repetition of the data (half-life tau), fitted per "
    "quality bucket and combined to predict mixtures of pools without training on them.",
)

RELEASE = "results/parameter_values.jsonl (key tmars_imagenet1k_utility)"
A_SAMPLE_SCALE = 0.025  # released `a_values` (shared by all pools)
NORMALISER = 100_000  # `normalizer` in objective.py
D_FLOOR = 0.1  # released `d_value`
X_C = NORMALISER / A_SAMPLE_SCALE  # 4e6 samples: (a n / 1e5)^b = (X_c / n)^-b

# bucket key -> (label in all_paths_128.py, released b, released tau = c); the file prints the last
# b as -0.12000000000000001 (float noise of its grid), kept here as -0.12
POOLS = {
    "tmars_top0to10p": ("Top 10%", "-0.16", "6.7272727272727275"),
    "tmars_top10to20p": ("Top 10%-20%", "-0.125", "8.545454545454547"),
    "tmars_top20to30p": ("Top 20%-30%", "-0.1", "5.2727272727272725"),
    "tmars_top30to40p": ("Top 30%-40%", "-0.085", "2.2727272727272725"),
    "tmars_top0to40p_random25p": ("Top 0%-40% Random 25% Data", "-0.12", "6.0"),
}


def first_epoch_error(key: str) -> dict:
    label, b, tau = POOLS[key]
    return dict(
        law_id=f"goyal2024_{key}_D",
        paper_id="goyal2024",
        family_id=None,
        form="kaplan_single_offset",
        x_var="D",
        output="error",
        fitted_on=(f"CLIP models trained on the T-MARS bucket '{label}' (12.8M samples per epoch) of a "
                   "128M-sample DataComp pool, evaluated after 2, 4, 6, 8 and 10 epochs"),
        fit_method=("grid search of the effective-utility law (a shared by all buckets, d fixed at 0.1) "
                    "minimising the error of the fit (release grid_search.py, objective.py)"),
        source_ref=f"paper's effective-utility scaling law; fitted values in {RELEASE}",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="not applicable (x is samples seen)",
        loss_definition="ImageNet-1k zero-shot top-1 error (1 - accuracy, fraction) of the CLIP model",
        notes=(f"Partial: only the first-epoch part of the law maps to the registry. Release values "
               f"(authors' {RELEASE}): a = {A_SAMPLE_SCALE}, b = {b}, d = {D_FLOOR}, tau (c) = {tau} epochs; "
               f"in objective.py the error is d + (a n / {NORMALISER})^b for n samples seen within the "
               "first epoch, so E = d, X_c = 1e5 / a = 4e6 samples and alpha = -b. After the first epoch "
               "the exponent decays as b 0.5^(k / tau) per repetition k; that decay (and tau) is left out "
               "because the registry has no form for it. The release fits evaluations after 2, 4, 6, 8 "
               "and 10 epochs (process_128_grid.py), so the first-epoch segment recorded here is not "
               "itself observed: for the weakest bucket (top 30%-40%) it exceeds an error of 1 near the end of the "
               "first epoch. The paper's text was not available to cross-check these released values."),
        coefs=[
            ("E", D_FLOOR, "top-1 error (fraction)", "d", "released d_value = 0.1 (irreducible error)"),
            ("x_c", X_C, None, "1e5 / a", f"X_c = normalizer / a = {NORMALISER} / {A_SAMPLE_SCALE} samples seen"),
            ("alpha", -float(b), None, "-b", f"released b = {b} for '{label}'; alpha = -b"),
        ],
    )


LAWS = [first_epoch_error(key) for key in POOLS]
