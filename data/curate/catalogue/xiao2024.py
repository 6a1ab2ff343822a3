"""Xiao et al. 2024, Densing Law of LLMs (arXiv 2412.04315v2).

The Densing Law (Sec. 3.3, Eq. 5): the maximum capability density rho_max of open pre-trained base
LLMs grows exponentially in time, ln(rho_max) = A t + B, with t the days since the release of
Llama-1. Density is the ratio of a model's effective parameter size (the size a reference model
trained on D_0 = 1T tokens would need to match its downstream score, Eqs. 1-4) to its actual size.

The paper prints the slope A only: A ~ 0.0073 per day for the envelope over five benchmarks (MMLU,
BBH, MATH, HumanEval, MBPP; density doubling every ln 2 / A ~ 95 days, R^2 = 0.912), and, on MMLU
alone (Sec. 3.4, Fig. 4), A ~ 0.0048 before ChatGPT's release and A ~ 0.0073 after it. The
intercept B is not printed, so every law here is partial (registry form exponential_trend).

Traps: the Fig. 1 caption and the highlights print a rounded A ~ 0.007 with R^2 ~ 0.93 for the same
envelope (the Sec. 3.3 text gives 0.0073 and R^2 0.912): the text's value is kept. The reference
models' loss law (Eq. 2, L = a N^-alpha + b D^-beta, a conditional loss on the benchmark answers) and
the loss-to-score sigmoid (Eq. 3) are printed without fitted values, so they are left out.
"""

PAPER = dict(
    paper_id="xiao2024",
    title="Densing Law of LLMs",
    authors="Chaojun Xiao, Jie Cai, Weilin Zhao, et al.",
    year=2024,
    arxiv_id="2412.04315",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2412.04315",
    covers="Capability density (effective over actual parameter size, measured against reference models "
    "through a loss scaling law and a loss-to-score sigmoid) of 29 open base LLMs released since Llama-1; "
    "the maximum density grows exponentially in time, doubling about every three months.",
)

VERSION = "arXiv 2412.04315v2"
DENSITY = (
    "capability density rho (dimensionless): effective parameter size (Eq. 4, reference models trained on "
    "D_0 = 1T tokens) over actual parameter size; the trend follows the highest density released by each date"
)
UNPRINTED_B = "The intercept B is not printed, so the law is partial and cannot be drawn."


def density_trend(key: str, rate: float, benchmarks: str, models: str, where: str, fit: str, extra: str) -> dict:
    return dict(
        law_id=f"xiao2024_densing_{key}",
        paper_id="xiao2024",
        family_id=None,
        form="exponential_trend",
        x_var="other",
        output="other",
        fitted_on=f"Capability densities of {models}, measured on {benchmarks}",
        fit_method=fit,
        source_ref=f"{VERSION}, {where}",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="not applicable (input is time)",
        loss_definition=DENSITY,
        notes=f"y doubles every ln 2 / A days. {extra} " + UNPRINTED_B,
        coefs=[("A", rate, None, "A", f"printed as A ~ {rate} (per day of release date), {where}")],
    )


LAWS = [
    density_trend(
        "five_benchmarks",
        0.0073,
        "MMLU (5-shot), BBH (3-shot, CoT), MATH (4-shot, CoT), HumanEval (0-shot) and MBPP (3-shot, CoT)",
        "29 open pre-trained base LLMs released since Llama-1 (Llama, Falcon, MPT, Phi, Mistral, StableLM, "
        "TinyLlama, MiniCPM series)",
        "Sec. 3.3, Eq. (5)",
        "Linear fit of ln(rho_max) against t over the envelope of the highest densities in Fig. 1",
        "T is t, the days since the release of Llama-1 (Sec. 3.3). The text gives R^2 = 0.912 and a doubling "
        "time of ln 2 / A ~ 95 days; the Fig. 1 caption rounds A to 0.007 (R^2 ~ 0.93).",
    ),
    density_trend(
        "mmlu_before_chatgpt",
        0.0048,
        "MMLU",
        "typical LLMs released since GPT-3, before ChatGPT's release",
        "Sec. 3.4 ('Density Growth Accelerated after ChatGPT's Release'), Fig. 4",
        "Trend line of the MMLU-based density against release date before ChatGPT's release (Fig. 4)",
        "The slope of the trend line before ChatGPT; the reference date of T for this fit is not stated "
        "(the slope A does not depend on it).",
    ),
    density_trend(
        "mmlu_after_chatgpt",
        0.0073,
        "MMLU",
        "typical LLMs released after ChatGPT's release",
        "Sec. 3.4 ('Density Growth Accelerated after ChatGPT's Release'), Fig. 4",
        "Trend line of the MMLU-based density against release date after ChatGPT's release (Fig. 4)",
        "The slope after ChatGPT, 50% above the slope before it (0.0048) as the paper states; the reference "
        "date of T for this fit is not stated (the slope A does not depend on it).",
    ),
]
