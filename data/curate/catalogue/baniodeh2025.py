"""Baniodeh et al. 2025, Scaling Laws of Motion Forecasting and Planning - A Technical Report
(arXiv 2506.08228).

Encoder-decoder autoregressive transformers (MotionLM-style, symmetric encoder/decoder) for joint
motion forecasting of 8 agents on about 500k hours of Waymo driving logs. Sec. 'Scaling Laws' and
'Estimating Optimal Model and Data Scaling': from Chinchilla-style IsoFLOP parabola fits over 84
models (900K-118M parameters, seven budgets), N_opt grows as C^(0.63 +- 0.08) and D_opt as
C^(0.44 +- 0.06) (3 standard deviations). Only the exponents are printed in the text (the
prefactors of the a x^b fits are in the figures), so both allocation laws are partial.
"""

PAPER = dict(
    paper_id="baniodeh2025",
    title="Scaling Laws of Motion Forecasting and Planning - A Technical Report",
    authors="Mustafa Baniodeh, Kratarth Goel, Scott Ettinger, et al.",
    year=2025,
    arxiv_id="2506.08228",
    venue="arXiv preprint (technical report)",
    url="https://arxiv.org/abs/2506.08228",
    covers="Autonomous driving: encoder-decoder autoregressive transformers (900K-118M "
    "parameters) for joint multi-agent motion forecasting and planning, trained on about 500k "
    "hours of driving logs; IsoFLOP compute-optimal allocation (N_opt ~ C^0.63, D_opt ~ C^0.44), "
    "loss, open-loop (minADE, wADE) and closed-loop metrics against compute, inference-time "
    "sampling and cross-agent transfer.",
)

FITTED_ON = (
    "84 encoder-decoder transformers of 900K to 118M parameters (equal encoder and decoder "
    "depth, width-to-depth ratio 8 or 16) across seven compute budgets spanning more than two "
    "orders of magnitude; batch 512 examples (673 context and 176 action tokens each), AdamW, "
    "cosine schedule 2e-4 to 2e-5 with 3000 warm-up steps; joint 8-agent prediction, 5 s history "
    "and 11 s future, from 30 s segments of nearly 6 million safety-driver runs"
)
FIT = (
    "IsoFLOP analysis (Hoffmann et al. approach 2): a parabola per compute budget over final "
    "validation losses gives N_opt(C) and D_opt(C), then a power-law fit a x^b across budgets; "
    "uncertainties are 3 standard deviations from the fit parameter variances"
)
LOSS = "Cross-entropy of the discrete motion tokens on a validation set (teacher forcing)"
PLACE = "Sec. 'Estimating Optimal Model and Data Scaling' (and Sec. 'Scaling Laws')"


def allocation_law(output: str, exponent: float, spread: float, what: str) -> dict:
    return dict(
        law_id=f"baniodeh2025_{output}",
        paper_id="baniodeh2025",
        form="allocation",
        x_var="C",
        output=output,
        fitted_on=FITTED_ON,
        fit_method=FIT,
        source_ref=f"{PLACE}: {output} proportional to C^({exponent} +- {spread})",
        extraction="reported_fit",
        completeness="partial",
        param_convention="non_embedding",
        flops_convention="Training FLOPs(N, D) of the encoder-decoder model (the text does not print the formula)",
        loss_definition=LOSS,
        notes=f"Only the exponent is printed; the prefactor of the fit is shown in a figure only. "
        f"{what} The printed uncertainty is +- {spread} at 3 standard deviations. Sec. 'Scaling "
        "Laws': the optimal model size should grow about 1.5 times as fast as the number of "
        "training examples.",
        coefs=[("a", exponent, "", "exponent of C", f"printed C^({exponent} +- {spread})")],
    )


LAWS = [
    allocation_law("N_opt", 0.63, 0.08, "N counts transformer parameters excluding embedding layers."),
    allocation_law("D_opt", 0.44, 0.06, "D counts training examples (scenes), not tokens."),
]
