"""Round 4a of published scaling laws (coefficients exactly as the papers print them).

Writes data/laws/laws_round4a.csv, data/coefficients/laws_round4a.csv and the paper rows
data/_staging/papers_laws_round4a.csv (only papers not already in data/papers.csv).

Every number below was read in the paper's own text (equation / table named in `source_ref`),
through a full-text copy of the paper found with the search tool (the copy is named in `notes`).
Nothing is recomputed or refitted. A law marked `partial` records only the coefficients that map
onto the registry form by renaming or sign convention; the others are named in `notes`, not
derived by arithmetic.
Run from the project root:  python -m data.curate.laws_round4a
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import law_tables, write_law_files
from lib.schema import DATA_DIR

NAME = "laws_round4a"

# ---------------------------------------------------------------------------------------------
# Papers (schema.PAPERS) not yet in data/papers.csv. Authors: full list if at most 8, else the
# first three then "et al.".
# ---------------------------------------------------------------------------------------------
PAPER_ROWS = [
    dict(
        paper_id="bhagia2024",
        title="Establishing Task Scaling Laws via Compute-Efficient Model Ladders",
        authors="Akshita Bhagia, Jiacheng Liu, Alexander Wettig, et al.",
        year=2024,
        arxiv_id="2412.04403",
        venue="COLM 2025",
        url="https://arxiv.org/abs/2412.04403",
        covers="A 'ladder' of 16 OLMo-2-style models (190M-1.3B non-embedding parameters, 1x-10x "
        "Chinchilla data with D = 20N at 1x) used to predict the ranked-classification accuracy of "
        "OLMo 2 7B-4T and 13B-5T on 8 OLMES tasks in two steps: a Chinchilla-form task loss "
        "(bits per byte of the correct answer) in (N, D), then a sigmoid from task loss to "
        "accuracy; per-task fitted functions in Table 5.",
    ),
    dict(
        paper_id="li2025b",
        title="MiniMax-01: Scaling Foundation Models with Lightning Attention",
        authors="MiniMax, Aonian Li, Bangwei Gong, Bo Yang, et al.",
        year=2025,
        arxiv_id="2501.08313",
        venue="arXiv preprint (technical report)",
        url="https://arxiv.org/abs/2501.08313",
        covers="MiniMax-Text-01 / MiniMax-VL-01 technical report; Sec. 2.2.2 fits compute scaling "
        "laws (loss, optimal model size, optimal tokens vs compute in PFLOP/s-days) for softmax, "
        "lightning and hybrid-lightning attention from models of 70M to 7B parameters trained on "
        "up to 300B tokens (Table 2).",
    ),
    dict(
        paper_id="sun2024",
        title="Hunyuan-Large: An Open-Source MoE Model with 52 Billion Activated Parameters by "
        "Tencent",
        authors="Xingwu Sun, Yanfeng Chen, Yiqing Huang, et al.",
        year=2024,
        arxiv_id="2411.02265",
        venue="arXiv preprint (technical report)",
        url="https://arxiv.org/abs/2411.02265",
        covers="Hunyuan-Large (389B total / 52B activated MoE) technical report; Sec. 2.3.1 fits "
        "IsoFLOP-based power laws for the optimal activated parameters and training tokens vs the "
        "minimal compute budget C_min, from MoE models of 10M to 1B activated parameters on "
        "10B-100B tokens.",
    ),
    dict(
        paper_id="liu2025",
        title="Muon is Scalable for LLM Training",
        authors="Jingyuan Liu, Jianlin Su, Xingcheng Yao, et al.",
        year=2025,
        arxiv_id="2502.16982",
        venue="arXiv preprint (technical report)",
        url="https://arxiv.org/abs/2502.16982",
        covers="Moonshot AI technical report scaling the Muon optimizer (Moonlight, 3B/16B MoE on "
        "5.7T tokens); Sec. 3.2 compares compute-optimal scaling laws of Muon and AdamW on dense "
        "Llama-architecture models of 399M-1.5B non-embedding parameters (Table 2), fitted "
        "loss-vs-compute laws in Table 3.",
    ),
]

# ---------------------------------------------------------------------------------------------
# Bhagia et al. 2024 (model ladders): Table 5, both steps, eight tasks.
# ---------------------------------------------------------------------------------------------
BHAGIA_ROUTE = (
    "Read from a full-text copy of the paper (PyMuPDF page text of arXiv 2412.04403v2 with a "
    "Chinese translation interleaved; search read_file id 70949447739, Appendix A Table 5 at about "
    "character 56,000; Eq. (1)-(2) and fitting details in Sec. 3.1-3.2)."
)
BHAGIA_LADDER = (
    "16 ladder models: N in {190M, 370M, 760M, 1.3B} non-embedding parameters x D in {1, 2, 5, "
    "10} x Chinchilla-optimal (D = 20N at 1xC), OLMo 2 architecture and data mix, cosine LR "
    "schedule decaying to 10% over each run (Sec. 2.1, Table 1); targets OLMo 2 7B-4T and 13B-5T"
)
BHAGIA_TASK_LOSS = (
    "Task loss: negative log-likelihood of the correct answer continuation divided by its length "
    "in bytes (bits per byte), 5-shot OLMES ranked-classification format (Sec. 2.2)"
)
BHAGIA_TASKS = {
    # key: (paper's task name, split and size as in Fig. 2's table)
    "mmlu": ("MMLU", "test, 14,042 examples"),
    "hellaswag": ("HellaSwag", "val, 10,042 examples"),
    "arc_challenge": ("ARC-Challenge", "test, 1,172 examples"),
    "arc_easy": ("ARC-Easy", "test, 2,376 examples"),
    "piqa": ("PIQA", "val, 1,838 examples"),
    "csqa": ("CommonsenseQA", "val, 1,221 examples"),
    "socialiqa": ("Social IQa", "val, 1,954 examples"),
    "openbookqa": ("OpenBookQA", "test, 500 examples"),
}
# Table 5, 'Step 1 Fitted Function': L(N, D) = A/N^alpha + B/D^beta + E, as printed.
BHAGIA_STEP1 = {
    "mmlu": "L(N, D) = 38.07/N^0.23 + 100.09/D^0.24 + 0.45",
    "hellaswag": "L(N, D) = 11.23/N^0.20 + 60.37/D^0.26 + 0.50",
    "arc_challenge": "L(N, D) = 702974.93/N^0.79 + 38.45/D^0.20 + 0.65",
    "arc_easy": "L(N, D) = 79412.07/N^0.66 + 3957.51/D^0.42 + 0.56",
    "piqa": "L(N, D) = 405.66/N^0.40 + 10.16/D^0.15 + 0.72",
    "csqa": "L(N, D) = 56.86/N^0.23 + 10.91/D^0.11 + 0.00",
    "socialiqa": "L(N, D) = 1200.94/N^0.45 + 7897.19/D^0.48 + 0.95",
    "openbookqa": "L(N, D) = 86346.32/N^0.69 + 137.35/D^0.26 + 1.20",
}
BHAGIA_STEP1_VALUES = {  # (A, alpha, B, beta, E), the same printed digits
    "mmlu": (38.07, 0.23, 100.09, 0.24, 0.45),
    "hellaswag": (11.23, 0.20, 60.37, 0.26, 0.50),
    "arc_challenge": (702974.93, 0.79, 38.45, 0.20, 0.65),
    "arc_easy": (79412.07, 0.66, 3957.51, 0.42, 0.56),
    "piqa": (405.66, 0.40, 10.16, 0.15, 0.72),
    "csqa": (56.86, 0.23, 10.91, 0.11, 0.00),
    "socialiqa": (1200.94, 0.45, 7897.19, 0.48, 0.95),
    "openbookqa": (86346.32, 0.69, 137.35, 0.26, 1.20),
}
# Table 5, 'Step 2 Fitted Function': Acc(L) = a/(1 + exp(-k(L - L0))) + b, as printed.
BHAGIA_STEP2 = {
    "mmlu": "Acc(L) = -0.74/(1 + exp(-4.83(L - 0.62))) + 1.00",
    "hellaswag": "Acc(L) = -0.73/(1 + exp(-12.74(L - 0.77))) + 0.99",
    "arc_challenge": "Acc(L) = -0.78/(1 + exp(-5.91(L - 0.71))) + 1.00",
    "arc_easy": "Acc(L) = -0.65/(1 + exp(-4.13(L - 0.74))) + 1.00",
    "piqa": "Acc(L) = -0.46/(1 + exp(-5.03(L - 0.96))) + 1.00",
    "csqa": "Acc(L) = -0.86/(1 + exp(-2.21(L - 1.13))) + 1.00",
    "socialiqa": "Acc(L) = -0.60/(1 + exp(-7.16(L - 0.89))) + 1.00",
    "openbookqa": "Acc(L) = -0.79/(1 + exp(-4.31(L - 1.08))) + 1.00",
}
BHAGIA_STEP2_VALUES = {  # (a, k, L0, b), the same printed digits
    "mmlu": (-0.74, 4.83, 0.62, 1.00),
    "hellaswag": (-0.73, 12.74, 0.77, 0.99),
    "arc_challenge": (-0.78, 5.91, 0.71, 1.00),
    "arc_easy": (-0.65, 4.13, 0.74, 1.00),
    "piqa": (-0.46, 5.03, 0.96, 1.00),
    "csqa": (-0.86, 2.21, 1.13, 1.00),
    "socialiqa": (-0.60, 7.16, 0.89, 1.00),
    "openbookqa": (-0.79, 4.31, 1.08, 1.00),
}


def _bhagia_step1(task: str) -> dict:
    name, split = BHAGIA_TASKS[task]
    a, alpha, b, beta, e = BHAGIA_STEP1_VALUES[task]
    ref = f"Appendix A, Table 5 'Step 1 Fitted Function', row {name}: {BHAGIA_STEP1[task]}"
    return dict(
        law_id=f"bhagia2024_{task}_taskloss_ND",
        paper_id="bhagia2024",
        family_id="",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on=f"{BHAGIA_LADDER}. Final task loss of each ladder model (average of its last 5 "
        f"checkpoints), n = 16 points; task {name} ({split})",
        fit_method="Huber loss (delta = 1e-3) between log predicted and log actual loss, L-BFGS-B "
        "(scipy.minimize) over (log A, log B, alpha, beta, E) with all parameters >= 0; one fit "
        "per task (Sec. 3.1)",
        source_ref=ref + "; law Eq. (1) L(N, D) = A/N^alpha + B/D^beta + E (Sec. 3.1)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="not used by the fit; the paper estimates compute as C = 6ND (Sec. 2.1)",
        loss_definition=f"{BHAGIA_TASK_LOSS}; task {name}",
        notes="Eq. (1) is the registry chinchilla form under a pure renaming. N counts non-embedding "
        "parameters as printed in Table 1 (e.g. 190,354,176 for '190M'), D counts training tokens. "
        "Values are the two-decimal digits of Table 5. " + BHAGIA_ROUTE,
        coefs=[
            ("E", e, "task loss (bits per byte)", "E", f"Table 5, {name}"),
            ("A", a, "N in non-embedding parameters (count)", "A", f"Table 5, {name}"),
            ("B", b, "D in training tokens (count)", "B", f"Table 5, {name}"),
            ("alpha", alpha, "", "alpha", f"Table 5, {name}"),
            ("beta", beta, "", "beta", f"Table 5, {name}"),
        ],
    )


def _bhagia_step2(task: str) -> dict:
    name, split = BHAGIA_TASKS[task]
    a, k, l0, b = BHAGIA_STEP2_VALUES[task]
    ref = f"Appendix A, Table 5 'Step 2 Fitted Function', row {name}: {BHAGIA_STEP2[task]}"
    return dict(
        law_id=f"bhagia2024_{task}_acc_from_taskloss",
        paper_id="bhagia2024",
        family_id="",
        form="sigmoid_loss",
        x_var="L",
        output="accuracy",
        fitted_on=f"{BHAGIA_LADDER}. (task loss, accuracy) pairs from final and intermediate "
        "checkpoints of the ladder models (m ~ 1400), moving average over 5 checkpoints, first 10% "
        f"of each run dropped, plus an added point (L = 0.0, Acc = 1.0); task {name} ({split})",
        fit_method="Non-linear least squares (L2 loss on accuracy) with scipy.optimize.curve_fit, "
        "one fit per task (Sec. 3.2)",
        source_ref=ref + "; law Eq. (2) Acc(L) = a/(1 + e^(-k(L - L0))) + b (Sec. 3.2)",
        extraction="reported_fit",
        completeness="partial",
        param_convention="non_embedding",
        flops_convention="not used by the fit",
        loss_definition=f"Input L: {BHAGIA_TASK_LOSS}. Output: ranked-classification (RC) "
        f"accuracy as a fraction; task {name}",
        notes="Eq. (2) with a < 0 and k > 0 equals the registry sigmoid_loss "
        "y = floor + (ceiling - floor)/(1 + e^(s(L - m))) through 1/(1 + e^(-z)) = "
        "1 - 1/(1 + e^(z)): ceiling = b (the accuracy as L -> -inf), slope s = k, midpoint m = L0. "
        f"The floor would be a + b (printed a = {a}); that needs arithmetic, so it is not recorded "
        "and the law is partial. " + BHAGIA_ROUTE,
        coefs=[
            ("ceiling", b, "accuracy (fraction)", "b", f"Table 5, {name}: printed b = {b}"),
            ("slope", k, "per unit of task loss (bits per byte)", "k", f"Table 5, {name}"),
            ("midpoint", l0, "task loss (bits per byte)", "L0", f"Table 5, {name}"),
        ],
    )


# ---------------------------------------------------------------------------------------------
# MiniMax-01 (Li et al. 2025): Table 2, three attention architectures.
# ---------------------------------------------------------------------------------------------
MINIMAX_ROUTE = (
    "Read from two full-text copies of the report (PDF-to-markdown of arXiv 2501.08313v1, search "
    "read_file id 55344652288, Sec. 2.2.2 and Table 2 at about character 26,000; and a bilingual "
    "page-by-page copy, id 70901544179, about character 38,500); both print the same Table 2. "
    "Compute unit from the three Figure 6 x-axes, labelled 'PFLOP/s-days'."
)
MINIMAX_FIT = (
    "Softmax (FlashAttention-2), lightning and hybrid-lightning attention models of 70M, 160M, "
    "410M, 1B, 3B and 7B parameters, each trained on up to 300B tokens, context 8192, batch 4M "
    "tokens, Adam lr 3e-4, weight decay 0.1, fixed learning-rate schedule (Sec. 2.2.2.1); "
    "training loss used as the estimator of test loss"
)
MINIMAX_METHOD = (
    "Power law between L and C following Chinchilla's methodology (envelope of the training "
    "curves, Fig. 6 left); N_opt and D_opt derived from the fitted curve for a given compute "
    "budget (Sec. 2.2.2.2, Fig. 6 centre/right)"
)
MINIMAX_FLOPS = (
    "C in PFLOP/s-days (Fig. 6 axes); FLOPs per Kaplan et al.'s method with the per-architecture "
    "counts of Table 1 (72 b n l d^2 (1 + ...)), embedding parameters and subleading terms "
    "excluded for the scaling-law calculations (Table 1 caption)"
)
MINIMAX_LOSS = "Training loss on MiniMax's pre-training data (context 8192), used as the estimator of test loss (Sec. 2.2.2.1-2.2.2.2)"
MINIMAX_ARCHS = {
    "softmax": ("Softmax Attention", "3.7087C^-0.0798", (3.7087, 0.0798),
                "(1.82 x 10^8)C^0.7118", (1.82e8, 0.7118), "(2.56 x 10^10)C^0.5102", (2.56e10, 0.5102)),
    "lightning": ("Lightning Attention", "3.5391C^-0.0768", (3.5391, 0.0768),
                  "(2.74 x 10^8)C^0.6470", (2.74e8, 0.6470), "(4.43 x 10^10)C^0.4684", (4.43e10, 0.4684)),
    "hybrid": ("Hybrid-lightning", "3.4797C^-0.0763", (3.4797, 0.0763),
               "(2.57 x 10^8)C^0.6670", (2.57e8, 0.6670), "(3.70 x 10^10)C^0.4707", (3.70e10, 0.4707)),
}


def _minimax(arch: str) -> list[dict]:
    name, l_txt, (l_a, l_alpha), n_txt, (n_k, n_a), d_txt, (d_k, d_a) = MINIMAX_ARCHS[arch]
    common = dict(
        paper_id="li2025b",
        family_id="",
        x_var="C",
        fitted_on=f"{MINIMAX_FIT}; architecture: {name}",
        fit_method=MINIMAX_METHOD,
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=MINIMAX_FLOPS,
        loss_definition=MINIMAX_LOSS,
    )
    ref = f"Table 2 'Summary of Scaling Laws', row {name}"
    return [
        dict(
            law_id=f"li2025b_{arch}_loss_C",
            form="power_law",
            output="loss",
            source_ref=f"{ref}, column L(C): {l_txt}",
            notes="The paper writes every law as L(X) = beta_X X^alpha_X with a negative alpha_X "
            "(Sec. 2.2.2.2); registry power_law y = A X^-alpha by renaming A = beta_X and the sign "
            "convention alpha = -alpha_X. No irreducible term is fitted. " + MINIMAX_ROUTE,
            coefs=[
                ("A", l_a, "loss; C in PFLOP/s-days", "beta_C", f"Table 2, {name}"),
                ("alpha", l_alpha, "", "alpha_C", f"Table 2, {name}: printed exponent -{l_alpha}"),
            ],
            **common,
        ),
        dict(
            law_id=f"li2025b_{arch}_N_opt",
            form="allocation",
            output="N_opt",
            source_ref=f"{ref}, column N_opt(C): {n_txt}",
            notes="N_opt = k C^a with k the printed prefactor and a the printed exponent (the text "
            "writes N_opt ∝ C^a). N_opt is a non-embedding parameter count (Table 1 caption). The "
            "N_opt and D_opt exponents are fitted separately (they do not sum to 1). " + MINIMAX_ROUTE,
            coefs=[
                ("k", n_k, "non-embedding parameters; C in PFLOP/s-days", "", f"Table 2, {name}"),
                ("a", n_a, "", "a", f"Table 2, {name}"),
            ],
            **common,
        ),
        dict(
            law_id=f"li2025b_{arch}_D_opt",
            form="allocation",
            output="D_opt",
            source_ref=f"{ref}, column D_opt(C): {d_txt}",
            notes="D_opt = k C^a with k the printed prefactor and a the printed exponent (the text "
            "writes D_opt ∝ C^b; renamed a = b). D_opt is a number of training tokens. "
            + MINIMAX_ROUTE,
            coefs=[
                ("k", d_k, "tokens; C in PFLOP/s-days", "", f"Table 2, {name}"),
                ("a", d_a, "", "b", f"Table 2, {name}"),
            ],
            **common,
        ),
    ]


# ---------------------------------------------------------------------------------------------
# Hunyuan-Large (Sun et al. 2024): Sec. 2.3.1, optimal activated parameters and tokens.
# ---------------------------------------------------------------------------------------------
HUNYUAN_ROUTE = (
    "Read from a full-text bilingual (English / Chinese) page-by-page copy of arXiv 2411.02265v3 "
    "(search read_file id 70871838027, Sec. 2.3.1 at about character 33,000-38,000)."
)
HUNYUAN_FIT = (
    "IsoFLOP curves of MoE models from 10M to 1B activated parameters trained on 10B-100B tokens "
    "of pre-training data, optimal allocation per compute budget adjusted to the actual "
    "training batch size (Sec. 2.3.1, Figs. 3-4)"
)
HUNYUAN_FLOPS = (
    "C_min in FLOPs: C = 9.59 N D + 2.3 x 10^8 D with N the activated parameters (Eq. 2), "
    "converted to the minimal budget C_min = C / (1 + B / B_crit(L)) with the critical batch "
    "size B_crit(L) (Eq. 3)"
)
HUNYUAN_LOSS = "Loss of the MoE models on their pre-training data (not further specified in the text read)"
HUNYUAN_METHOD = (
    "IsoFLOP curves (Hoffmann et al.) with quadratic polynomial fitting (Fig. 3 caption), then "
    "the power laws N_opt = N_c C_min^alpha and D_opt = D_c C_min^beta fitted to the optima "
    "(Sec. 2.3.1, Figs. 3-4)"
)

HUNYUAN_LAWS = [
    dict(
        law_id="sun2024_N_opt",
        paper_id="sun2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on=HUNYUAN_FIT,
        fit_method=HUNYUAN_METHOD,
        source_ref="Sec. 2.3.1: 'By fitting the formula N_opt = N_c C_min^alpha in Figure 3, we "
        "obtain N_c = 5.9 x 10^-3 and alpha = 0.5305'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention=HUNYUAN_FLOPS,
        loss_definition=HUNYUAN_LOSS,
        notes="N_opt is the number of ACTIVATED parameters of the MoE (whether embeddings are "
        "counted is not stated, hence 'unknown'). Renamed k = N_c, a = alpha, with C = C_min. The "
        "paper reads the law as about 58.1B activated parameters at its budget and chose 52B. "
        + HUNYUAN_ROUTE,
        coefs=[
            ("k", 5.9e-3, "activated parameters; C_min in FLOPs", "N_c", "printed 5.9 x 10^-3"),
            ("a", 0.5305, "", "alpha", "printed 0.5305"),
        ],
    ),
    dict(
        law_id="sun2024_D_opt",
        paper_id="sun2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on=HUNYUAN_FIT,
        fit_method=HUNYUAN_METHOD,
        source_ref="Sec. 2.3.1: 'by fitting the formula D_opt = D_c C_min^beta in Figure 4, we "
        "obtain D_c = 3.2 and beta = 0.50'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention=HUNYUAN_FLOPS,
        loss_definition=HUNYUAN_LOSS,
        notes="D_opt is a number of training tokens. Renamed k = D_c, a = beta, with C = C_min. The "
        "paper reads the law as about 5.6T tokens at its budget and trained on about 7T. "
        + HUNYUAN_ROUTE,
        coefs=[
            ("k", 3.2, "tokens; C_min in FLOPs", "D_c", "printed 3.2"),
            ("a", 0.50, "", "beta", "printed 0.50"),
        ],
    ),
]

# ---------------------------------------------------------------------------------------------
# Muon is Scalable (Liu et al. 2025): Table 3, Muon vs AdamW.
# ---------------------------------------------------------------------------------------------
MUON_ROUTE = (
    "Read from a full-text (PDF-to-text) copy of arXiv 2502.16982v1 (search read_file id "
    "2777170164, Sec. 3.2, Table 2 and Table 3 at about character 22,000-25,000); compute unit "
    "from the Figure 3 x-axis, labelled 'PFLOP/s-days'."
)
MUON_FIT = (
    "Dense Llama-architecture models of 399M, 545M, 822M, 1.1B and 1.5B parameters without "
    "embeddings trained compute-optimally on 8.92B-38.91B tokens at 8K context (Table 2); AdamW "
    "hyper-parameters from a grid search (App. B), reused for Muon with matched update RMS"
)


def _muon(opt: str, name: str, a: float, alpha: float) -> dict:
    return dict(
        law_id=f"liu2025_{opt}_loss_C",
        paper_id="liu2025",
        family_id="",
        form="power_law",
        x_var="C",
        output="loss",
        fitted_on=f"{MUON_FIT}; optimizer: {name}",
        fit_method="Compute-optimal scaling-law fit of LM loss against training compute "
        "(Sec. 3.2, Fig. 3); fitting procedure not detailed further in the text read",
        source_ref=f"Table 3 'Fitted parameters of the scaling law curves', column {name}, row "
        f"'LM loss (seqlen=8K)': {a} x C^-{alpha}",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="C in PFLOP/s-days (Fig. 3 axis); how FLOPs were counted is not stated "
        "in the text read",
        loss_definition="LM loss at sequence length 8K (Table 3 row and Fig. 3 y-axis label)",
        notes="Printed as a x C^(-alpha); registry power_law y = A X^-alpha by pure renaming "
        "(A = the printed prefactor). Model sizes are counted without embeddings (Table 2); the "
        "law itself is in compute only. The paper reads the two laws as Muon needing about 52% of "
        "AdamW's training FLOPs. " + MUON_ROUTE,
        coefs=[
            ("A", a, "LM loss; C in PFLOP/s-days", "", f"Table 3, {name}"),
            ("alpha", alpha, "", "", f"Table 3, {name}: printed exponent -{alpha}"),
        ],
    )


TASKS = list(BHAGIA_TASKS)
LAWS_SPEC = (
    [_bhagia_step1(task) for task in TASKS]
    + [_bhagia_step2(task) for task in TASKS]
    + [law for arch in MINIMAX_ARCHS for law in _minimax(arch)]
    + HUNYUAN_LAWS
    + [_muon("muon", "Muon", 2.506, 0.052), _muon("adamw", "AdamW", 2.608, 0.054)]
)


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    laws, coefficients = law_tables(LAWS_SPEC)
    known = {row["paper_id"] for row in PAPER_ROWS} | set(
        pd.read_csv(DATA_DIR / "papers.csv", dtype=str)["paper_id"]
    )
    missing = set(laws["paper_id"]) - known
    if missing:
        raise ValueError(f"laws without a paper row: {sorted(missing)}")
    return laws, coefficients


def main() -> None:
    write_law_files(NAME, *build(), PAPER_ROWS)


if __name__ == "__main__":
    main()
