"""Tian et al. 2025, Towards Greater Leverage: Scaling Laws for Efficient Mixture-of-Experts
Language Models (Ling Team, Ant Group; arXiv 2507.17702).

Over 300 dense and MoE models up to 28B parameters. Model scale is M, non-embedding FLOPs per token
(exact count, App. C), and compute C = M D (Eq. 2), as in DeepSeek LLM.
- Sec. 2.2 Eq. (3): optimal learning rate and batch size of the baseline MoE (64 experts, 4
  active plus 1 shared, A = 7.8%, G = 2) against C: eta_opt = 1.1576 C^-0.1529,
  B_opt = 0.0694 C^0.3644 (registry hyperparameter_power y = k X^a).
- Sec. 2.3 Table 1: compute-optimal M_opt and D_opt for the dense and the MoE models (registry
  allocation y = k C^a). The table prints each law as a coefficient and an exponent.
The unified efficiency-leverage law, Eq. (13) EL = A_hat^(alpha + gamma (log G)^2 + beta log G)
with alpha = a + d log C (Table 2), has no registry form and is left out.
"""

PAPER = dict(
    paper_id="tian2025",
    title="Towards Greater Leverage: Scaling Laws for Efficient Mixture-of-Experts Language Models",
    authors="Changxin Tian, Kunlong Chen, Jia Liu, Ziqi Liu, Zhiqiang Zhang, Jun Zhou",
    year=2025,
    arxiv_id="2507.17702",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2507.17702",
    covers="Efficiency leverage of Mixture-of-Experts language models (Ling Team): over 300 dense "
    "and MoE models up to 28B parameters; optimal learning rate and batch size against compute "
    "(Eq. 3), compute-optimal model scale (non-embedding FLOPs per token) and data for dense and "
    "MoE models (Table 1), the effect of activation ratio, expert granularity and shared experts, "
    "and a joint efficiency-leverage law (Eq. 13, Table 2) checked with the 17.5B-total Ling-mini-beta.",
)

MOE = "MoE baseline with 64 routed experts, 4 activated plus 1 shared (activation ratio A = 7.8%, granularity G = 2)"
SETUP = (
    "trained with a warmup-stable-decay schedule over compute budgets from 3e17 to 3e20 FLOPs on "
    "the Ling Team's multilingual corpus (Sec. 2.2, App. B)"
)
FLOPS = "C = M D with M the exact non-embedding FLOPs per token of a forward pass (Eq. 2, App. C)"
LOSS = "Training/validation loss on the Ling Team corpus (the paper does not separate them in Sec. 2)"


def hyperparameter_law(output: str, symbol: str, k: float, a: float, printed: str, completeness: str, note: str) -> dict:
    return dict(
        law_id=f"tian2025_moe_{output}_opt_C",
        paper_id="tian2025",
        form="hyperparameter_power",
        x_var="C",
        output=output,
        fitted_on=f"{MOE}, {SETUP}; learning rates 2^-11 to 2^-9 and batch sizes 2^18 to 2^21 on a log-2 grid",
        fit_method="Near-optimal configurations (loss within 0.25% of the minimum at each budget), "
        "outliers removed, power law fitted against C (Sec. 2.2, Figure 2); validated at 3e20 FLOPs "
        "after fitting up to 1e20 for activation ratios 4.7%-10.9% (Figure 3)",
        source_ref=f"Sec. 2.2 Eq. (3): {printed}",
        extraction="reported_fit",
        completeness=completeness,
        param_convention="non_embedding",
        flops_convention=FLOPS,
        loss_definition=LOSS,
        notes=f"Registry hyperparameter_power y = k C^a with the printed coefficient and exponent. {note}",
        coefs=[
            ("k", k, "", symbol, f"Eq. (3): printed {printed}"),
            ("a", a, "", f"exponent of C in {symbol}", f"Eq. (3): printed {printed}"),
        ],
    )


def allocation_law(arch: str, output: str, k: float, a: float, unit: str) -> dict:
    row = "Dense" if arch == "dense" else "MoE"
    column = "Optimal Model Scale (Mopt)" if output == "M_opt" else "Optimal Data Size (Dopt)"
    symbol = "Mopt" if output == "M_opt" else "Dopt"
    fitted = "Dense transformers" if arch == "dense" else MOE
    return dict(
        law_id=f"tian2025_{arch}_{output}",
        paper_id="tian2025",
        form="allocation",
        x_var="C",
        output=output,
        fitted_on=f"{fitted}, {SETUP}; loss trajectories of the hyperparameter-scaling runs",
        fit_method="(M, D) with the minimum loss at each compute budget, then a power law in C "
        "(Sec. 2.3, Figure 4)",
        source_ref=f"Table 1 'Scaling law parameters for compute-optimal allocation', row {row}, "
        f"column {column}: {symbol} = {k} C^{a}",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=FLOPS,
        loss_definition=LOSS,
        notes="Registry allocation with the paper's coefficient and exponent. M is model scale in "
        "non-embedding FLOPs per token, not parameters (Sec. 2.1); M_opt D_opt = C, so the two "
        "exponents of a row add to 1 and the coefficients multiply to about 1.",
        coefs=[
            ("k", k, unit, f"coefficient of {symbol}", f"Table 1, {row}"),
            ("a", a, "", f"exponent of C in {symbol}", f"Table 1, {row}"),
        ],
    )


LAWS = [
    hyperparameter_law("learning_rate", "eta_opt", 1.1576, -0.1529, "eta_opt = 1.1576 C^-0.1529", "complete",
                       "Peak learning rate of AdamW with a warmup-stable-decay schedule."),
    hyperparameter_law("batch_size", "B_opt", 0.0694, 0.3644, "B_opt = 0.0694 C^0.3644", "partial",
                       "The text does not state the unit of the batch size (the search grid is 2^18 to "
                       "2^21, and the final models use batch sizes of 1792 and 2048 sequences), so the law "
                       "is kept partial and not drawn."),
    allocation_law("dense", "M_opt", 0.0655, 0.5422, "non-embedding FLOPs/token at C = 1 FLOP"),
    allocation_law("moe", "M_opt", 0.1915, 0.5095, "non-embedding FLOPs/token at C = 1 FLOP"),
    allocation_law("dense", "D_opt", 15.2582, 0.4578, "tokens at C = 1 FLOP"),
    allocation_law("moe", "D_opt", 5.2232, 0.4905, "tokens at C = 1 FLOP"),
]
