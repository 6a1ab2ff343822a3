"""Khatri et al. 2025, The Art of Scaling Reinforcement Learning Compute for LLMs (ScaleRL).

RL post-training of an 8B dense model (and a Llama-4 17Bx16 MoE, Scout) on verifiable math
(Polaris-53K) and code: the pass rate R_C (mean@16 on 1,000 held-out prompts) against RL training
compute C in GPU-hours follows Eq. (1), printed in full in App. A.4:
    R_C = R_0 + (A - R_0) / (1 + (C_mid / C)^B).
Since (C_mid/C)^B = exp(-B ln 10 (log10 C - log10 C_mid)), this is exactly the registry sigmoid
with floor = R_0, ceiling = A, slope = B ln 10 and midpoint = log10 C_mid (C in GPU-hours). App.
A.14 Table 1 prints C_mid, B and A for ten large runs; R_0 is not printed, so every law is partial
(ceiling, slope, midpoint). slope and midpoint are evaluated from the printed B and C_mid with
math.log(10) and math.log10 and not rounded (the tests check them against the printed values).
"""

import math

PAPER = dict(
    paper_id="khatri2025",
    title="The Art of Scaling Reinforcement Learning Compute for LLMs",
    authors="Devvrit Khatri, Lovish Madaan, Rishabh Tiwari, et al.",
    year=2025,
    arxiv_id="2510.13786",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2510.13786",
    covers="Reinforcement learning for LLM reasoning at scale (over 400,000 GB200 GPU-hours): "
    "sigmoidal fits of validation pass rate against RL compute (Eq. 1) for design ablations, "
    "the ScaleRL recipe (PipelineRL-8, CISPO loss, FP32 logits, prompt-level aggregation, "
    "batch-level advantage normalization, zero-variance filtering, no-positive-resampling) and "
    "its scaling along generation length, batch size, generations per prompt, model size (8B "
    "dense, 17Bx16 MoE) and math+code (App. A.14 Table 1).",
)

RECIPE = (
    "ScaleRL recipe (PipelineRL with 8 steps off-policy, forced-interruption length control, "
    "FP32 LM-head logits, CISPO loss, prompt-level loss aggregation, batch-level advantage "
    "normalization, zero-variance filtering, no-positive-resampling; Sec. 4) on Polaris-53K math "
    "prompts, AdamW lr 5e-7, 80 GB200 GPUs (64 generators, 16 trainers) per run (App. A.3)"
)
FIT = (
    "Eq. (1) fitted to the validation pass rate after the first ~1.5k GPU-hours: grid search over "
    "A in {0.450, ..., 0.800} and 100 values of C_mid in [100, 40000], B fitted for each, best sum "
    "of squared residuals (App. A.5); about +-0.02 error margin on A (App. A.5)"
)
METRIC = (
    "Mean pass rate (mean@16) on 1,000 prompts held out from Polaris-53K (fraction 0-1), evaluated "
    "every 100 steps (Sec. 2.1)"
)

# App. A.14 Table 1: key -> (row label, setting, C_mid [GPU-hours], B, A)
TABLE1 = {
    "scalerl": ("ScaleRL", "8B dense model, batch 768 (48 prompts x 16 generations), 14k generation budget", 2542, 1.92, 0.610),
    "scalerl_32k": ("ScaleRL-32k", "8B dense model, batch 768, 32,768-token generation length", 11272, 1.89, 0.645),
    "scalerl_8gen": ("ScaleRL-8gen", "8B dense model, 8 generations per prompt at fixed total batch", 2542, 2.44, 0.585),
    "scalerl_24gen": ("ScaleRL-24gen", "8B dense model, 24 generations per prompt at fixed total batch", 3054, 2.22, 0.590),
    "scalerl_32gen": ("ScaleRL-32gen", "8B dense model, 32 generations per prompt at fixed total batch", 2936, 2.07, 0.595),
    "scalerl_scout": ("ScaleRL-Scout", "Llama-4 17Bx16 MoE (Scout)", 4242, 1.65, 0.710),
    "scalerl_bs512": ("ScaleRL-bs512", "8B dense model, batch 512", 2818, 1.77, 0.605),
    "scalerl_bs2048": ("ScaleRL-bs2048", "8B dense model, batch 2048 (the 100,000 GPU-hour run of Figure 1)", 10909, 1.70, 0.645),
    "scalerl_mathcode_math": ("ScaleRL-math+code, math curve", "8B dense model trained on math and code (Deepcoder); math validation curve", 2896, 2.05, 0.595),
    "scalerl_mathcode_code": ("ScaleRL-math+code, code curve", "8B dense model trained on math and code (Deepcoder); code validation curve", 1675, 1.09, 0.615),
}


def sigmoid_law(key: str) -> dict:
    row, setting, c_mid, b, a = TABLE1[key]
    where = f"App. A.14 Table 1, row {row}"
    return dict(
        law_id=f"khatri2025_{key}_passrate_gpu_hours",
        paper_id="khatri2025",
        form="sigmoid",
        x_var="other",
        output="accuracy",
        fitted_on=f"{RECIPE}; {setting}",
        fit_method=FIT,
        source_ref=f"{where}: C_mid = {c_mid}, B = {b}, A = {a}; law Eq. (1) (Sec. 1, App. A.4)",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="RL training compute measured in GB200 GPU-hours, not FLOPs (App. A.3)",
        loss_definition=METRIC,
        notes="Eq. (1) R_C = R_0 + (A - R_0)/(1 + (C_mid/C)^B) is the registry sigmoid in log10 C "
        "with ceiling = A, slope = B ln 10 and midpoint = log10 C_mid; the floor R_0 (initial "
        "reward) is not printed, so the law is partial. x is RL training compute in GPU-hours "
        "(x_var 'other'): the midpoint is log10 of GPU-hours, not of FLOPs.",
        coefs=[
            ("ceiling", a, "accuracy (fraction)", "A", f"{where}"),
            ("slope", b * math.log(10), "", "B", f"{where}: printed B = {b}; slope = B ln 10"),
            ("midpoint", math.log10(c_mid), "", "C_mid", f"{where}: printed C_mid = {c_mid} GPU-hours; midpoint = log10 C_mid"),
        ],
    )


LAWS = [sigmoid_law(key) for key in TABLE1]
