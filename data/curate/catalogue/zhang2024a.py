"""Zhang et al. 2024, Wukong: Towards a Scaling Law for Large-Scale Recommendation.

Stacked-factorization-machine recommendation models on Meta's internal 146B-example dataset:
the quality-vs-compute fit of Sec. 7.2 (Fig. 1), y = -100 + 99.56 x^0.00071 with x in
GFLOP/example.
"""

PAPER = dict(
    paper_id="zhang2024a",
    title="Wukong: Towards a Scaling Law for Large-Scale Recommendation",
    authors="Buyun Zhang, Liang Luo, Yuxin Chen, et al.",
    year=2024,
    arxiv_id="2403.02545",
    venue="ICML 2024",
    url="https://arxiv.org/abs/2403.02545",
    covers="Wukong, a recommendation architecture of stacked factorization machines, scaled "
    "across two orders of magnitude of training compute per example (about 1 to over 100 "
    "GFLOP/example, up to 637B parameters) on an internal 146B-example, 720-feature dataset: "
    "relative LogLoss against compute per example (Fig. 1, Sec. 7.2) and parameters (Fig. 3), "
    "against six baselines that plateau.",
)

LAWS = [
    dict(
        law_id="zhang2024a_wukong_relative_logloss_gflop_per_example",
        paper_id="zhang2024a",
        form="power_law_offset",
        x_var="other",
        output="other",
        fitted_on="Wukong models scaled by layers, FMB/LCB output embeddings, FM rank and MLP "
        "size (Sec. 3.8, App. C), online training on Meta's internal dataset (146B "
        "entries, 720 features; Task 1, click-type interest), global batch 262,144, sparse "
        "embedding tables fixed at 627B parameters (Sec. 7.1)",
        fit_method="Empirical fit of relative LogLoss against GFLOP/example (method not stated)",
        source_ref="Sec. 7.2 'Quality vs. Compute Complexity' (arXiv 2403.02545v4): 'In Fig. "
        "1, we depict the relationship between quality and compute complexity (empirically, "
        "y = -100 + 99.56x^0.00071)'",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="x = training GFLOP per example (Sec. 7.1.2 'GFLOP/example'), not "
        "total training compute",
        loss_definition="Relative LogLoss (%): LogLoss improvement relative to a fixed baseline "
        "(DLRM with its basic config), on the last 1B-example window of online training (Sec. "
        "7.1.2); 0.02% is called significant",
        notes="Registry power_law_offset y = E + A X^-alpha holds the printed formula exactly "
        "with E = -100, A = 99.56 and alpha = -0.00071 (the printed exponent is +0.00071). The "
        "law is partial because its input is compute per example in GFLOP, which is none of "
        "the registry's N, D or C; the output is a percentage. The paper summarises the fit as "
        "'approximately translating to a 0.1% improvement for every quadrupling of "
        "complexity', which the printed formula reproduces in size (y changes by 0.098 per "
        "quadrupling); as printed, y grows with x while Fig. 1 plots Wukong's relative "
        "LogLoss falling with GFLOP/example, and the paper does not state the sign convention "
        "of y in the fit.",
        coefs=[
            ("E", -100.0, "", "-100", "Sec. 7.2, printed constant -100 (relative LogLoss, %)"),
            ("A", 99.56, "", "99.56", "Sec. 7.2; x in GFLOP/example"),
            ("alpha", -0.00071, "", "0.00071", "Sec. 7.2, printed exponent +0.00071; alpha = -0.00071"),
        ],
    ),
]
