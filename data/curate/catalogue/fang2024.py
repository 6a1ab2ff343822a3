"""Fang et al. 2024, Scaling Laws For Dense Retrieval (arXiv 2403.18684v1, SIGIR 2024).

BERT (MS MARCO) and ERNIE (T2Ranking) bi-encoders fine-tuned for 10,000 steps with random and
in-batch negatives; the metric is the contrastive perplexity of Eq. (6): -log of the softmax
score of the annotated passage against 256 random unlabeled passages (nats).
Eq. (7) L(N) = (A/N)^alpha + delta_N (Table 1) and Eq. (8) L(D) = (B/D)^beta + delta_D
(Table 2) are exactly kaplan_single_offset with x_c = A or B, alpha = alpha or beta,
E = delta. Eq. (9)-(11), the joint law [(A/N)^(alpha/beta) + B/D]^beta + delta on MS MARCO, is
the registry kaplan law plus an offset delta the form lacks: partial.
"""

PAPER = dict(
    paper_id="fang2024",
    title="Scaling Laws For Dense Retrieval",
    authors="Yan Fang, Jingtao Zhan, Qingyao Ai, Jiaxin Mao, Weihang Su, Jia Chen, Yiqun Liu",
    year=2024,
    arxiv_id="2403.18684",
    venue="SIGIR 2024",
    url="https://arxiv.org/abs/2403.18684",
    covers="Dense retrieval bi-encoders (24 BERT checkpoints of 0.6M-87M non-embedding "
    "parameters on MS MARCO Passage Ranking; the ERNIE series on T2Ranking) fine-tuned on "
    "annotated query-passage pairs: contrastive perplexity against model size (Table 1), number "
    "of annotations (Table 2) and both jointly (Eq. 9-11), plus annotation quality (ICT, "
    "docT5query, ChatGLM3) and budget allocation.",
)

LOSS = (
    "Contrastive perplexity (Eq. 6): -log of the softmax probability of the annotated positive "
    "passage against 256 randomly sampled unlabeled passages, on the test (dev) queries"
)
TRAINING = (
    "fine-tuned from pre-trained checkpoints with a 768-d projection head, contrastive ranking "
    "loss with random negatives and in-batch negatives, 10,000 steps, 256 sampled negatives per "
    "step (Sec. 3.4)"
)
DATASETS = {
    "msmarco": ("MSMARCO", "MS MARCO Passage Ranking (8.8M passages, 0.5M training queries; English)",
                "24 Google BERT checkpoints (BERT-Tiny 0.6M to BERT-Base 87M non-embedding parameters)"),
    "t2ranking": ("T2Ranking", "T2Ranking (over 300k queries, over 2M passages; Chinese)",
                  "ERNIE checkpoints of several sizes"),
}
# Table 1: dataset -> (A, alpha, delta_N, R^2); Table 2: dataset -> (B, beta, delta_D, R^2)
TABLE1 = {"msmarco": (4.54e4, 0.46, 0.02, 0.990), "t2ranking": (9.88e6, 0.53, 0.14, 0.999)}
TABLE2 = {"msmarco": (2.37e-2, 0.19, 0.01, 0.971), "t2ranking": (6.04e4, 0.50, 0.15, 0.991)}


def model_size_law(key: str) -> dict:
    row, data, models = DATASETS[key]
    a, alpha, delta, r2 = TABLE1[key]
    return dict(
        law_id=f"fang2024_{key}_L_N",
        paper_id="fang2024",
        form="kaplan_single_offset",
        x_var="N",
        output="loss",
        fitted_on=f"{models} {TRAINING} on the full {data} training set (best test value per "
        "model over training, Sec. 4.1)",
        fit_method=f"Least squares (Sec. 4.1); R^2 = {r2}",
        source_ref=f"Table 1 'Fitting parameters for model size scaling', row {row}; law Eq. (7) "
        "(arXiv 2403.18684v1)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="",
        loss_definition=LOSS,
        notes="Eq. (7) L(N) = (A/N)^alpha + delta_N is kaplan_single_offset with x_c = A, "
        "E = delta_N (a renaming). N counts non-embedding parameters (Sec. 3.2, 4.1).",
        coefs=[
            ("E", delta, "loss", "delta_N", f"Table 1, {row}"),
            ("x_c", a, "non-embedding parameters", "A", f"Table 1, {row}"),
            ("alpha", alpha, "", "alpha", f"Table 1, {row}"),
        ],
    )


def data_size_law(key: str) -> dict:
    row, data, _ = DATASETS[key]
    b, beta, delta, r2 = TABLE2[key]
    return dict(
        law_id=f"fang2024_{key}_L_D",
        paper_id="fang2024",
        form="kaplan_single_offset",
        x_var="D",
        output="loss",
        fitted_on=f"The largest model of the series (BERT-Base on MS MARCO) {TRAINING} on subsets of the {data} "
        "annotated query-passage pairs, up to all available annotations (Sec. 4.2)",
        fit_method=f"Log-linear least-squares fit (Sec. 4.2); R^2 = {r2}",
        source_ref=f"Table 2 'Fitting parameters for data size scaling', row {row}; law Eq. (8) "
        "(arXiv 2403.18684v1)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="",
        loss_definition=LOSS,
        notes="Eq. (8) L(D) = (B/D)^beta + delta_D is kaplan_single_offset with x_c = B, "
        "alpha = beta, E = delta_D. D counts annotated query-passage pairs (Sec. 3.1, 4.2), not "
        "tokens: the law is not comparable with token-count laws.",
        coefs=[
            ("E", delta, "loss", "delta_D", f"Table 2, {row}"),
            ("x_c", b, "", "B", f"Table 2, {row}; D in annotated query-passage pairs"),
            ("alpha", beta, "", "beta", f"Table 2, {row}"),
        ],
    )


JOINT = dict(
    law_id="fang2024_msmarco_L_ND",
    paper_id="fang2024",
    form="kaplan",
    x_var="N,D",
    output="loss",
    fitted_on="BERT checkpoints of several sizes fine-tuned on several numbers of MS MARCO "
    f"annotated query-passage pairs, {TRAINING}; some (N, D) points held out to test "
    "predictions (Sec. 6, Figure 6)",
    fit_method="Fit on part of the (N, D) grid (method not stated) (Sec. 6)",
    source_ref="Sec. 6 Eq. (9)-(11): L(N, D) = [(A/N)^(alpha/beta) + B/D]^beta + delta, "
    "A = 8.2e5, B = 5.2e3, alpha = 0.57, beta = 1.39, delta = 0.03 (arXiv 2403.18684v1)",
    extraction="reported_fit",
    completeness="partial",
    param_convention="non_embedding",
    flops_convention="",
    loss_definition=LOSS,
    notes="The bracket is the registry kaplan law with N_c = A, alpha_N = alpha, D_c = B, "
    "alpha_D = beta; the paper adds a constant delta = 0.03 that the form has no parameter for, "
    "so the law is partial. D counts annotated query-passage pairs. The printed values are "
    "marked approximate (Eq. 10-11).",
    coefs=[
        ("N_c", 8.2e5, "non-embedding parameters", "A", "Eq. (10), printed 8.2 x 10^5"),
        ("alpha_N", 0.57, "", "alpha", "Eq. (11)"),
        ("D_c", 5.2e3, "", "B", "Eq. (10), printed 5.2 x 10^3; D in annotated query-passage pairs"),
        ("alpha_D", 1.39, "", "beta", "Eq. (11)"),
    ],
)

LAWS = [*(model_size_law(key) for key in DATASETS), *(data_size_law(key) for key in DATASETS), JOINT]
