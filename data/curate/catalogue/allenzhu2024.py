"""Allen-Zhu & Li 2024, Physics of Language Models: Part 3.3, Knowledge Capacity Scaling Laws.

Language models pretrained on synthetic biography data store knowledge (bits of (name,
attribute, value) tuples) in proportion to their parameter count: 2 bits per parameter after
1000 exposures, 1 bit after 100, 0.7 after int4 quantization (Sec. 1 'Our results').
"""

PAPER = dict(
    paper_id="allenzhu2024",
    title="Physics of Language Models: Part 3.3, Knowledge Capacity Scaling Laws",
    authors="Zeyuan Allen-Zhu, Yuanzhi Li",
    year=2024,
    arxiv_id="2404.05405",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2404.05405",
    covers="Knowledge capacity scaling laws: GPT-2 (rotary), LLaMA and Mistral architectures "
    "pretrained from scratch on synthetic and LLaMA2-generated biographies store a number of "
    "knowledge bits proportional to their parameter count (2 bits/parameter after 1000 "
    "exposures, 1 after 100); effects of training time, architecture, quantization, MoE and junk "
    "data on the capacity ratio.",
)

FITTED_ON = (
    "Language models (GPT-2 with rotary embedding and no dropout, unless stated) pretrained from "
    "random initialisation with AdamW on knowledge-only data: synthetically generated biographies "
    "(from sentence templates, or LLaMA2-generated for realism) of varying numbers of people, "
    "with varying model sizes, depths and widths (Sec. 1-5)"
)
LINEAR = (
    "The paper's law is a capacity ratio: stored knowledge bits = R x (trainable parameters). "
    "Registry power_law y = A N^-alpha holds it exactly with A = R bits per parameter and "
    "alpha = -1 (y grows linearly in N); the output is knowledge bits, not a loss. Knowledge "
    "bits are the paper's bit-complexity lower bound of what the model stores (Theorem 3.2). "
    "The paper compares 'trainable parameters' with the bits and does not say here whether "
    "embeddings are counted."
)


def _capacity(law_id: str, ratio: float, condition: str, ref: str, quote: str) -> dict:
    return dict(
        law_id=law_id,
        paper_id="allenzhu2024",
        form="power_law",
        x_var="N",
        output="other",
        fitted_on=f"{FITTED_ON}; {condition}",
        fit_method="Capacity ratio read off the envelope of knowledge bits versus parameters "
        "across model sizes and data settings (the paper's scaling-law plots), not a "
        "regression with printed uncertainty",
        source_ref=f"Sec. 1 'Our results', {ref}: '{quote}'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention="not used (capacity is a function of parameters at a fixed number of "
        "exposures)",
        loss_definition="Not a loss: knowledge bits stored (bit-complexity lower bound computed "
        "from the model's accuracy on the knowledge tuples, Theorem 3.2)",
        notes=LINEAR,
        coefs=[
            ("A", ratio, "", "capacity ratio (bit/param)", f"{ref}: {ratio} bits per parameter"),
            ("alpha", -1.0, "", "", "capacity linear in parameters (y = A N), alpha = -1"),
        ],
    )


LAWS = [
    _capacity(
        "allenzhu2024_bits_N_1000_exposures",
        2.0,
        "each knowledge piece exposed 1000 times in training",
        "Results 1-3 (Sec. 5) and Result 5 (Sec. 7)",
        "GPT2, trained with standard AdamW, consistently achieves a 2bit/param capacity ratio "
        "across all data settings after sufficient training",
    ),
    _capacity(
        "allenzhu2024_bits_N_100_exposures",
        1.0,
        "each knowledge piece exposed 100 times in training (undertrained)",
        "Result 4 (Sec. 6)",
        "With 100 exposures, an undertrained GPT2's capacity ratio falls to 1bit/param",
    ),
    _capacity(
        "allenzhu2024_bits_N_int4",
        0.7,
        "models of the base scaling law (1000 exposures) quantized to int4 with GPTQ",
        "Result 8 (Sec. 8)",
        "Quantizing to int8 does not compromise model capacity ...; however, quantizing to int4 "
        "reduces capacity to 0.7bit/param",
    ),
]
