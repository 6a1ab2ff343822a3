"""Shen et al. 2024, Power Scheduler: A Batch Size and Token Number Agnostic Learning Rate
Scheduler, arXiv 2408.13359v2.

Sec. 3.2: with the WSD scheduler and muP, the ratio gamma = eta_opt / beta of the optimal learning
rate to the batch size beta (in sequences of 4,096 tokens) follows a power law in the number of
training tokens T, gamma = a T^b: Eq. (5) aggregates the three proxy sizes, the legend of
Figure 4(d) prints the fit of each size. Registry form hyperparameter_power with X = D = T.

Left out: a = 4, b = -0.51 of the Power scheduler (Sec. 4) are settings chosen from a
hyperparameter search of the scheduler, not a fitted law; the per-panel fits of Figure 4(a)-(c)
(three best batch sizes pooled, not averaged) are the same data as Figure 4(d).
"""

from __future__ import annotations

PAPER = dict(
    paper_id="shen2024",
    title="Power Scheduler: A Batch Size and Token Number Agnostic Learning Rate Scheduler",
    authors="Yikang Shen, Matthew Stallone, Mayank Mishra, et al.",
    year=2024,
    arxiv_id="2408.13359",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2408.13359",
    covers="Learning-rate x batch-size x token-count grid searches (12M, 36M, 121M muP proxy "
    "models, WSD scheduler, RedPajama, 2B-256B tokens, batch 16-512 sequences): the optimal "
    "learning rate per unit batch size falls as a power of the training tokens (Eq. 5); the Power "
    "learning-rate scheduler built on it, used for 1B and 3B dense and MoE models.",
)

FITTED_ON = (
    "muP proxy models ({sizes}; 32 layers, Table 2) trained on RedPajama with the WSD scheduler "
    "(10 % of tokens in decay, 1B warm-up tokens, sequence length 4,096) for T = 2B-256B tokens, "
    "batch sizes 16-512 sequences and learning rates 0.0002-0.0256 (Table 2); for each T the mean "
    "of gamma = eta_opt / beta over the three best batch sizes"
)
LOSS = "Test perplexity on a held-out RedPajama set, used to pick the optimal learning rate (Sec. 3)"
FIT = "Power-law fit of the mean gamma against the number of training tokens (Sec. 3.2, Figure 4(d))"
NOTES = (
    "gamma = eta_opt / beta: the optimal WSD learning rate divided by the batch size beta counted "
    "in sequences of 4,096 tokens, so eta_opt = beta k T^a (Eq. 6). The law has no model-size "
    "term: the paper's point is that under muP the three proxy sizes share it."
)

# Figure 4(d) legend: per-size fits of the mean gamma against the number of tokens x.
FIGURE_4D = {"12m": ("12M", 4.34, -0.507), "36m": ("36M", 4.86, -0.513), "121m": ("121M", 4.46, -0.508)}


def _law(law_id: str, sizes: str, k: float, a: float, source_ref: str, where: str) -> dict:
    return dict(
        law_id=law_id,
        paper_id="shen2024",
        family_id="",
        form="hyperparameter_power",
        x_var="D",
        output="other",
        fitted_on=FITTED_ON.format(sizes=sizes),
        fit_method=FIT,
        source_ref=source_ref,
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention="not used (the law is in training tokens)",
        loss_definition=LOSS,
        notes=NOTES,
        coefs=[
            ("k", k, "learning rate per sequence of batch at T = 1 token", "a", where),
            ("a", a, "dimensionless", "b", where),
        ],
    )


LAWS = [
    _law(
        "shen2024_gamma_opt_T",
        "12M, 36M and 121M, aggregated",
        4.6,
        -0.51,
        "Sec. 3.2, Eq. (5) gamma = 4.6 T^-0.51, with gamma = eta_opt / beta (Eq. 3) (arXiv v2)",
        "Eq. (5)",
    ),
    *(
        _law(
            f"shen2024_gamma_opt_T_{key}",
            size,
            k,
            a,
            f"Sec. 3.2, Figure 4(d) legend, fit for the {size} model: {k}x^{a} (arXiv v2)",
            f"Figure 4(d) legend, {size}",
        )
        for key, (size, k, a) in FIGURE_4D.items()
    ),
]
