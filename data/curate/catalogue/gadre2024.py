"""Gadre et al. 2024, Language models scale reliably with over-training and on downstream tasks
(arXiv 2403.08540).

Table 6 'Scaling law fit parameters': the over-training law (Eq. 4) and the loss-to-error law
(Eq. 5) for the C4, RedPajama and RefinedWeb models. Transcribed from the paper's NeurIPS 2024
submission version; the arXiv/ICLR 2025 version's table was not compared.
"""

SOURCE = (
    "Transcribed from the paper's NeurIPS 2024 submission version (Table 6); the arXiv/ICLR "
    "2025 version's table was not compared, and its values may differ."
)
GADRE_FLOPS = "C = 6ND (Sec. 2.1); token multiplier M = D/N"
GADRE_LOSS = (
    "Validation loss as used in the paper's over-training fits; the paper's headline figures "
    "(Figs. 1-3) use the C4 eval split. Table 6's caption does not name the evaluation set again."
)
GADRE_ERR = (
    "Average top-1 error over the paper's 17-task split (tasks at least 10 points above chance for "
    "at least one 0.154B model, Fig. 3) as a function of C4 eval loss L"
)
GADRE_FIT_OT = (
    "Eq. (4) L(C, M) = E + (a M^eta + b M^-eta) C^-eta (Chinchilla form with alpha = beta, "
    "eta = alpha/2, a = A (1/6)^-eta, b = B (1/6)^-eta; App. A), fitted to the runs of the paper's "
    "Table 1 configurations (Table 6 caption)"
)
GADRE_FIT_ERR = (
    "Eq. (5) Err(L) = epsilon - k exp(-gamma L), fitted to the runs of the paper's Table 1 "
    "configurations (Table 6 caption)"
)

# ---------------------------------------------------------------------------------------------
# Laws. Each entry: law row fields + "coefs": list of (param, value, unit, paper_symbol, note[,
# {"ci_low": .., "ci_high": ..}]). Values are exactly the printed digits.
# ---------------------------------------------------------------------------------------------
GADRE_TABLE6 = {
    # dataset key: (training set label, family prefix, E, a, b, eta, epsilon, k, gamma)
    "c4": ("C4", "openlm_c4", 1.51, 114, 190, 0.242, 0.850, 2.08, 0.756),
    "rpj": ("RedPajama", "openlm_rpj", 1.84, 166, 367, 0.272, 0.857, 2.21, 0.715),
    "rw": ("RefinedWeb", "openlm_rw", 1.73, 125, 246, 0.254, 0.865, 2.21, 0.707),
}


def _gadre_laws() -> list[dict]:
    laws = []
    for key, (label, family, e, a, b, eta, epsilon, k, gamma) in GADRE_TABLE6.items():
        families = f"families {family}_m5 ... {family}_m640 (data/families/openlm_overtraining.csv)"
        laws.append(
            dict(
                law_id=f"gadre2024_overtraining_{key}",
                paper_id="gadre2024",
                family_id="",
                form="overtraining",
                x_var="C,M",
                output="loss",
                fitted_on=f"OpenLM models trained on {label}; " + GADRE_FIT_OT,
                fit_method="Least-squares fit of Eq. (4) on the Table 1 runs (Sec. 3-4 of the paper)",
                source_ref=f"Table 6 'Scaling law fit parameters', row {label}, column 'Fit for "
                f"Equation (4)': {e} + ({a} · M^{eta} + {b} · M^-{eta}) C^-{eta}",
                extraction="reported_fit",
                completeness="complete",
                param_convention="unknown",
                flops_convention=GADRE_FLOPS,
                loss_definition=GADRE_LOSS,
                notes=f"Runs of this training set are in {families}; family_id left empty because "
                "the law spans all token multipliers. The text extraction drops the minus sign in "
                "the table header's C^eta; Eq. (4) and the rows have C^-eta. The paper derives "
                f"M* = (b/a)^(1/(2 eta)) from these values (App., M*_C4 = 2.87, M*_RedPajama = 4.30, "
                "M*_RefinedWeb = 3.79). " + SOURCE,
                coefs=[
                    ("E", e, "loss (nats)", "E", "Table 6"),
                    ("a", a, "", "a", "Table 6"),
                    ("b", b, "", "b", "Table 6"),
                    ("eta", eta, "", "eta", "Table 6 (exponent of M and of C)"),
                ],
            )
        )
        laws.append(
            dict(
                law_id=f"gadre2024_loss_to_error_{key}",
                paper_id="gadre2024",
                family_id="",
                form="loss_to_error",
                x_var="L",
                output="error",
                fitted_on=f"OpenLM models trained on {label}; " + GADRE_FIT_ERR,
                fit_method="Least-squares fit of Eq. (5) on the Table 1 runs",
                source_ref=f"Table 6 'Scaling law fit parameters', row {label}, column 'Fit for "
                f"Equation (5)': {epsilon} - {k} · exp(-{gamma} · L)",
                extraction="reported_fit",
                completeness="complete",
                param_convention="unknown",
                flops_convention=GADRE_FLOPS,
                loss_definition=GADRE_ERR,
                notes=f"Runs of this training set are in {families}. " + SOURCE,
                coefs=[
                    ("epsilon", epsilon, "top-1 error (fraction)", "epsilon", "Table 6"),
                    ("k", k, "top-1 error (fraction)", "k", "Table 6"),
                    ("gamma", gamma, "1/loss (nats)", "gamma", "Table 6"),
                ],
            )
        )
    return laws

LAWS = _gadre_laws()
