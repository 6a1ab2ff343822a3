"""Bhagia et al. 2024, Establishing Task Scaling Laws via Compute-Efficient Model Ladders
(arXiv 2412.04403v2).

Appendix A Table 5, both steps for eight tasks: the task loss in (N, D) (Eq. 1) and the sigmoid
from task loss to accuracy (Eq. 2); fitting details in Sec. 3.1-3.2.
"""

# ---------------------------------------------------------------------------------------------
# Bhagia et al. 2024 (model ladders): Table 5, both steps, eight tasks.
# ---------------------------------------------------------------------------------------------
SOURCE = (
    "Transcribed from arXiv 2412.04403v2 (Appendix A Table 5; Eq. (1)-(2) and fitting details "
    "in Sec. 3.1-3.2)."
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
        "Values are the two-decimal digits of Table 5. " + SOURCE,
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
        "and the law is partial. " + SOURCE,
        coefs=[
            ("ceiling", b, "accuracy (fraction)", "b", f"Table 5, {name}: printed b = {b}"),
            ("slope", k, "per unit of task loss (bits per byte)", "k", f"Table 5, {name}"),
            ("midpoint", l0, "task loss (bits per byte)", "L0", f"Table 5, {name}"),
        ],
    )

LAWS = [_bhagia_step1(task) for task in BHAGIA_TASKS] + [_bhagia_step2(task) for task in BHAGIA_TASKS]
