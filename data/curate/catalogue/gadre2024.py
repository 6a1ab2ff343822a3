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
    "eta = alpha/2, a = A 6^eta, b = B 6^eta; App. A), fitted to the runs of the paper's "
    "Table 1 configurations (Table 6 caption)"
)
GADRE_FIT_ERR = (
    "Eq. (5) Err(L) = epsilon - k exp(-gamma L), fitted to the runs of the paper's Table 1 "
    "configurations (Table 6 caption)"
)

# ---------------------------------------------------------------------------------------------
# Laws. Each entry: law row fields + "coefs": list of (param, value, unit, paper_symbol, note[,
# {"ci_low": .., "ci_high": ..}]). Table 6's digits are kept below as printed; the over-training
# coefficients are stored converted to Eq. (4)'s form (see printed_to_eq4), the printed digits
# quoted in each coefficient's note.
# ---------------------------------------------------------------------------------------------
GADRE_TABLE6 = {
    # dataset key: (training set label, family prefix, E, a', b', 2 eta as printed, epsilon, k, gamma)
    "c4": ("C4", "openlm_c4", 1.51, 114, 190, 0.242, 0.850, 2.08, 0.756),
    "rpj": ("RedPajama", "openlm_rpj", 1.84, 166, 367, 0.272, 0.857, 2.21, 0.715),
    "rw": ("RefinedWeb", "openlm_rw", 1.73, 125, 246, 0.254, 0.865, 2.21, 0.707),
}


def printed_to_eq4(a_printed: float, b_printed: float, exponent_printed: float) -> tuple[float, float, float]:
    """Table 6's over-training columns -> Eq. (4)'s (a, b, eta).

    The table's rows are the fit in N and M (equivalently N and D = M N), not in C and M:
    L = E + a' N^-eta' + b' (M N)^-eta'. Eq. (4) turns into that form with C = 6 N D = 6 M N^2:
        C^-eta = 6^-eta M^-eta N^-2 eta, so
        a M^eta C^-eta  = a 6^-eta N^-2 eta             -> a' = a 6^-eta, eta' = 2 eta
        b M^-eta C^-eta = b 6^-eta M^-2 eta N^-2 eta     = b 6^-eta (M N)^-2 eta -> b' = b 6^-eta.
    Inverted: eta = eta'/2, a = a' 6^eta, b = b' 6^eta. The released runs decide between the two
    readings: on the 34 C4 runs (C4 eval loss) the printed digits read as Eq. (4)'s miss by a median
    56 %, converted by 5.6 %. A least-squares fit of Eq. (4) to those runs with eta held at 0.121
    gives a 6^-eta = 98, b 6^-eta = 191 and E = 1.53 (printed 114, 190, 1.51); with eta held at the
    printed 0.242 it needs a = 6,000 and b = 19,000, nowhere near the printed digits.
    """
    eta = exponent_printed / 2
    return a_printed * 6**eta, b_printed * 6**eta, eta


def _gadre_laws() -> list[dict]:
    laws = []
    for key, (label, family, e, a_printed, b_printed, eta_printed, epsilon, k, gamma) in GADRE_TABLE6.items():
        a, b, eta = printed_to_eq4(a_printed, b_printed, eta_printed)
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
                fit_options="loss=mse; space=linear",
                source_ref=f"Table 6 'Scaling law fit parameters', row {label}, column 'Fit for "
                f"Equation (4)': {e} + ({a_printed} · M^{eta_printed} + {b_printed} · M^-{eta_printed}) C^-{eta_printed}",
                extraction="reported_fit",
                completeness="complete",
                param_convention="unknown",
                flops_convention=GADRE_FLOPS,
                loss_definition=GADRE_LOSS,
                notes=f"Runs of this training set are in {families}; family_id left empty because "
                "the law spans all token multipliers. Converted: Table 6 prints the fit in N and M "
                "(E + a' N^-eta' + b' (M N)^-eta'), so with C = 6 M N^2 the printed exponent is "
                "2 eta and the printed scales are a 6^-eta and b 6^-eta; stored here are eta = "
                f"{eta_printed}/2 = {eta:g}, a = {a_printed} · 6^eta = {a:.4g}, b = {b_printed} · "
                f"6^eta = {b:.4g} (printed digits in each coefficient's note). Read unconverted, the "
                "printed digits miss the released runs by about half. The text extraction drops "
                "the minus sign in the table header's C^eta; Eq. (4) and the rows have C^-eta. The "
                "paper's M* = (b/a)^(1/(2 eta)) values (App., M*_C4 = 2.87, M*_RedPajama = 4.30, "
                "M*_RefinedWeb = 3.79) follow from the printed digits; the converted coefficients "
                f"give (b/a)^(1/(2 eta)) = {(b / a) ** (1 / (2 * eta)):.3g}. " + SOURCE,
                coefs=[
                    ("E", e, "loss (nats)", "E", "Table 6"),
                    ("a", a, "", "a", f"Table 6 prints a' = a 6^-eta = {a_printed}"),
                    ("b", b, "", "b", f"Table 6 prints b' = b 6^-eta = {b_printed}"),
                    ("eta", eta, "", "eta", f"Table 6 prints the exponent of N and of D = M N, 2 eta = {eta_printed}"),
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
