"""Filatov et al. 2024, Time Transfer: On Optimal Learning Rate and Batch Size In The Infinite Data
Limit (arXiv 2410.05838).

Abstract (v2): the authors observe "an intricate dependence of optimal eta scaling on the
pretraining token budget T, B and its relation to the critical batch size B_crit, which we measure
to evolve as B_crit ∝ T". Only the proportionality is stated, so the law is a partial registry
hyperparameter_power y = k X^a in the token budget (X = D = T) with a = 1 and no prefactor.
The v1 abstract's three optimal-learning-rate regimes (eta ∝ sqrt(T), eta ∝ 1, eta ∝ 1/sqrt(T),
with transitions set by B relative to B_crit) are conditional on the batch size and are left out.
"""

PAPER = dict(
    paper_id="filatov2024",
    title="Time Transfer: On Optimal Learning Rate and Batch Size In The Infinite Data Limit",
    authors="Oleg Filatov, Jan Ebert, Jiangtao Wang, Stefan Kesselheim",
    year=2024,
    arxiv_id="2410.05838",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2410.05838",
    covers="Optimal learning rate and batch size of LLM pretraining as the token budget T grows (also under "
    "muP model scaling): the critical batch size grows in proportion to T, the optimal batch size is "
    "positively correlated with it, and the sensitivity of the loss to the learning rate falls with T.",
)

LAWS = [
    dict(
        law_id="filatov2024_critical_batch_T",
        paper_id="filatov2024",
        family_id=None,
        form="hyperparameter_power",
        x_var="D",
        output="batch_size",
        fitted_on="language models pretrained at growing token budgets T (the abstract: LLM pretraining; the "
        "dynamics also observed under muP model scaling)",
        fit_method="critical batch size measured at each token budget (stated in the abstract)",
        source_ref="Abstract (arXiv 2410.05838v2): 'the critical batch size B_crit, which we measure to "
        "evolve as B_crit ∝ T'",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="not applicable (x is the token budget T)",
        loss_definition="not applicable (the output is the critical batch size)",
        notes="Partial: only the exponent is stated; B_crit ∝ T is the registry's y = k D^a with D = T "
        "(pretraining tokens) and a = 1. The prefactor k (and the unit of B_crit, sequences or tokens) is "
        "not stated in the abstract and is left out. The optimal learning-rate regimes of the v1 abstract "
        "depend on the batch size and are left out.",
        coefs=[("a", 1.0, None, "exponent of T in B_crit", "abstract: B_crit ∝ T (a = 1)")],
    )
]
