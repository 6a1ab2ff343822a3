"""Liu & Tegmark 2023, A Neural Scaling Law from Lottery Ticket Ensembling (arXiv 2310.02258).

Abstract: Sharma & Kaplan predict that "MSE losses decay as N^-alpha, alpha = 4/d"; the authors
"find that a simple 1D problem y = x^2 manifests a different scaling law (alpha = 1)" and
"attribute the N^-1 scaling law to the 'central limit theorem' of lottery tickets". Only the
exponent is stated (no prefactor), so the law is a partial registry power_law.
"""

PAPER = dict(
    paper_id="liu2023",
    title="A Neural Scaling Law from Lottery Ticket Ensembling",
    authors="Ziming Liu, Max Tegmark",
    year=2023,
    arxiv_id="2310.02258",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2310.02258",
    covers="Theory/toy experiments: two-layer networks fitting y = x^2 show an MSE loss decaying as "
    "N^-1 (not the approximation-theory N^-4/d); attributed to ensembling of 'lottery tickets' "
    "whose number grows with width (a central-limit-theorem variance reduction).",
)

LAWS = [
    dict(
        law_id="liu2023_mse_N",
        paper_id="liu2023",
        family_id=None,
        form="power_law",
        x_var="N",
        output="loss",
        fitted_on="two-layer networks (ReLU and SiLU) of growing width fitted to y = x^2 on a 1D input",
        fit_method="scaling exponent of the MSE loss in N read off the experiments (stated in the abstract)",
        source_ref="Abstract (arXiv 2310.02258): 'a simple 1D problem y = x^2 manifests a different scaling law (alpha = 1)'",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="not applicable (no compute axis)",
        loss_definition="test mean squared error of the network output against y = x^2",
        notes=("Partial: only the exponent is stated; the law MSE ~ N^-alpha with alpha = 1 is written "
               "in the abstract as 'the N^-1 scaling law', where N is the number of model parameters. "
               "The prefactor A is not stated and is left out. The paper contrasts it with "
               "alpha = 4/d = 4 predicted by approximation theory for d = 1."),
        coefs=[("alpha", 1.0, None, "alpha", "stated alpha = 1 (the N^-1 law)")],
    )
]
