"""Shen et al. 2024, Scaling Laws for Linear Complexity Language Models (arXiv 2406.16690v1).

LLaMA (softmax attention) against three linear-complexity architectures, TNL, HGRN2 and
cosFormer2, each at 70M-7B parameters on up to 300B tokens. Table 3 'Summary of Scaling Laws'
prints L(C) = beta_C C^alpha_C (Sec. 4: L(X) = beta_X X^alpha_X) and N_opt, D_opt as powers of
C; C is in PFLOP/s-days, the unit of the Figure 1 x-axes. L(C) is the registry power_law with
A = beta_C and alpha = minus the printed exponent; N_opt, D_opt are allocation laws y = k C^a.
The LLaMA and TNL rows print the same numbers as MiniMax-01's softmax and lightning rows
(li2025b), a separate paper.
"""

PAPER = dict(
    paper_id="shen2024a",
    title="Scaling Laws for Linear Complexity Language Models",
    authors="Xuyang Shen, Dong Li, Ruitao Leng, Zhen Qin, Weigao Sun, Yiran Zhong",
    year=2024,
    arxiv_id="2406.16690",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2406.16690",
    covers="Scaling laws of linear-complexity language models (TNL, HGRN2, cosFormer2) against "
    "LLaMA, six sizes from 70M to 7B parameters trained on up to 300B tokens of a bilingual "
    "corpus: training loss, optimal parameters and optimal tokens against compute (Table 3), "
    "downstream commonsense reasoning, validation perplexity, NIAH and SCROLLS, aspect ratio "
    "and context length.",
)

FITTED_ON = (
    "{arch} models of 70M, 160M, 410M, 1B, 3B and 7B parameters (Table 2) trained on up to 300B "
    "tokens of a self-collected English/Chinese corpus (2:1), context 8192, global batch 4M "
    "tokens, Adam lr 3e-4, weight decay 0.1, fixed learning-rate schedule, tiktoken vocabulary "
    "100,280 (Sec. 3.1-3.3)"
)
METHOD = (
    "Power law fitted to training loss against FLOPs (training loss as the estimate of test "
    "loss); N_opt and D_opt from the minimal loss for each FLOP count (the envelope of the "
    "training curves), Sec. 4.1-4.2, Figure 1"
)
FLOPS = (
    "C in PFLOP/s-days (Figure 1 axes); FLOPs from the per-architecture counts of Table 1 "
    "(72 b n l d^2 (1 + ...)), embedding parameters and subleading terms excluded"
)
LOSS = "Training cross-entropy on the pre-training corpus, used as the estimate of test loss (Sec. 4, 4.1)"
PARAMS = "Non-embedding parameters (Sec. 4.2; Table 1 parameter counts exclude embeddings)."

# Table 3: key -> (row label, (A, printed exponent of C), (k N_opt, a), (k D_opt, b), as printed)
TABLE3 = {
    "llama": ("LLaMA", (3.7087, -0.0798), (1.82e8, 0.7118), (2.56e10, 0.5102),
              ("3.7087C^-0.0798", "(1.82 x 10^8)C^0.7118", "(2.56 x 10^10)C^0.5102")),
    "tnl": ("TNL", (3.5391, -0.0768), (2.74e8, 0.6470), (4.43e10, 0.4684),
            ("3.5391C^-0.0768", "(2.74 x 10^8)C^0.6470", "(4.43 x 10^10)C^0.4684")),
    "hgrn2": ("HGRN2", (3.4788, -0.0753), (2.66e8, 0.6427), (4.80e10, 0.4500),
              ("3.4788C^-0.0753", "(2.66 x 10^8)C^0.6427", "(4.80 x 10^10)C^0.4500")),
    "cosformer2": ("cosFormer2", (3.5877, -0.0756), (2.65e8, 0.6516), (4.23e10, 0.4529),
                   ("3.5877C^-0.0756", "(2.65 x 10^8)C^0.6516", "(4.23 x 10^10)C^0.4529")),
}


def _law(key: str, suffix: str, form: str, output: str, coefs: list, printed: str) -> dict:
    row = TABLE3[key][0]
    return dict(
        law_id=f"shen2024a_{key}_{suffix}",
        paper_id="shen2024a",
        form=form,
        x_var="C",
        output=output,
        fitted_on=FITTED_ON.format(arch=row),
        fit_method=METHOD,
        source_ref=f"Table 3 'Summary of Scaling Laws', row {row}: {printed} (arXiv 2406.16690v1)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=FLOPS,
        loss_definition=LOSS if output == "loss" else "",
        notes=PARAMS,
        coefs=coefs,
    )


def laws_of(key: str) -> list[dict]:
    row, (a_loss, exponent), (k_n, a_n), (k_d, a_d), printed = TABLE3[key]
    where = f"Table 3, {row}"
    return [
        _law(key, "loss_C", "power_law", "loss", [
            ("A", a_loss, "loss; C in PFLOP/s-days", "beta_C", where),
            ("alpha", -exponent, "", "alpha_C", f"{where}: printed exponent {exponent}; alpha = -alpha_C"),
        ], printed[0]),
        _law(key, "N_opt", "allocation", "N_opt", [
            ("k", k_n, "non-embedding parameters; C in PFLOP/s-days", "", where),
            ("a", a_n, "", "a", where),
        ], printed[1]),
        _law(key, "D_opt", "allocation", "D_opt", [
            ("k", k_d, "tokens; C in PFLOP/s-days", "", where),
            ("a", a_d, "", "b", where),
        ], printed[2]),
    ]


LAWS = [law for key in TABLE3 for law in laws_of(key)]
