"""Edwards et al. 2024, Scaling-laws for Large Time-series Models (arXiv 2405.13867).

Decoder-only transformers with a Student's-t distribution head, trained on about 8.13B data
points from 38 univariate time-series sources (Monash, climate, energy, traffic, finance,
audio). Sec. 4 fits L(A) = (A/A_0)^(-B_0) to the minimum in-sequence test loss against the
number of parameters N_p, training compute C (PF-days) and dataset size D (data points), for
three objectives: MSE, CRPS and the log-likelihood loss (shifted by +2 to keep it positive).
That is exactly kaplan_single y = (x_c/x)^alpha with alpha = B_0 and x_c = A_0; the paper's
table 'Power-law fits' prints log10(A_0), so x_c = 10**log10(A_0), evaluated here with ** and
not rounded (the test checks log10 of every x_c against the printed value).
"""

PAPER = dict(
    paper_id="edwards2024",
    title="Scaling-laws for Large Time-series Models",
    authors="Thomas D. P. Edwards, James Alvey, Justin Alsing, Nam H. Nguyen, Benjamin D. Wandelt",
    year=2024,
    arxiv_id="2405.13867",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2405.13867",
    covers="Decoder-only time-series transformers (about 1e3 to 1e8 parameters, Student's-t "
    "distribution head, context 256) trained on about 8.13B points of 30M univariate series "
    "from 38 sources: power laws of test MSE, CRPS and log-likelihood loss against parameters, "
    "compute and dataset size over up to five orders of magnitude (table 'Power-law fits'), and "
    "the weak effect of aspect ratio and number of heads.",
)

TRAINING = (
    "decoder-only transformers with learned positional encoding and a Student's-t head (separate "
    "4-layer MLPs for mean, variance, degrees of freedom), context 256, 4 heads, aspect ratio "
    "below 70, AdamW, batch 512, 3000 warm-up steps then cosine decay, 1e5 steps, max learning "
    "rate tuned per size (Sec. 3.1-3.2); data: about 8.13B points from 38 sources, 95/5 train/"
    "test split of series, each series normalised (Sec. 2)"
)
# scaled quantity -> (x_var, what was varied, unit of x_c, flops convention)
QUANTITIES = {
    "N": ("N", "Models of about 1e3 to 1e8 trainable parameters; minimum test loss per size; fit "
          "only to models above 1e5 parameters (Sec. 4.1)", "", ""),
    "C": ("C", "All training curves of the parameter-scaling runs; minimum test loss at each "
          "compute; fit only above 1e-7 PF-days (Sec. 4.3)", "PF-days",
          "C = 6 B N_p L_seq per step (batch 512, context 256), in PF-days (Sec. 4.3)"),
    "D": ("D", "A model of about 20M parameters trained with early stopping on fractions of the "
          "dataset that keep each source's share fixed (Sec. 4.2)", "", ""),
}
ROW = {"N": "Number of Parameters, N_p", "C": "Training Compute, C", "D": "Dataset Size, D"}
OBJECTIVES = {
    "mse": ("MSE", "Mean-square error of the point (posterior-mean) forecast, in-sequence, on "
            "the test series"),
    "crps": ("CRPS", "Continuous Ranked Probability Score of the probabilistic forecast, "
             "in-sequence, on the test series"),
    "loglik": ("Log-Likelihood", "Negative log-likelihood of the Student's-t forecast (the "
               "training loss), in-sequence, on the test series, plus 2 to keep it positive "
               "(Sec. 4.1 and its footnote)"),
}
# Table 'Power-law fits': (quantity, objective) -> (printed log10(A_0), B_0)
FITS = {
    ("N", "mse"): (-19.47, 0.042), ("N", "crps"): (-22.64, 0.036), ("N", "loglik"): (4.33, 0.151),
    ("C", "mse"): (-38.88, 0.031), ("C", "crps"): (-43.03, 0.028), ("C", "loglik"): (-6.65, 0.101),
    ("D", "mse"): (-8.91, 0.062), ("D", "crps"): (-30.42, 0.027), ("D", "loglik"): (7.00, 0.188),
}


def fit_law(quantity: str, objective: str) -> dict:
    x_var, fitted_on, unit, flops = QUANTITIES[quantity]
    column, definition = OBJECTIVES[objective]
    log_a0, b0 = FITS[(quantity, objective)]
    place = f"Table 'Power-law fits' (Sec. 4), row {ROW[quantity]}, column {column}"
    d_note = " D counts time-series data points, not tokens." if quantity == "D" else ""
    return dict(
        law_id=f"edwards2024_{objective}_{quantity}",
        paper_id="edwards2024",
        form="kaplan_single",
        x_var=x_var,
        output="loss",
        fitted_on=f"{fitted_on}; {TRAINING}",
        fit_method="Power law L(A) = (A/A_0)^(-B_0) fitted to the minimum test loss; where the "
        "curve shows a broken power law only the part after the break is fitted (Sec. 4)",
        source_ref=f"{place}: log10(A_0) = {log_a0:.2f}, B_0 = {b0}; law Eq. (1) of Sec. 4",
        extraction="reported_fit",
        completeness="complete",
        param_convention="with_embeddings",
        flops_convention=flops,
        loss_definition=definition,
        notes="L(A) = (A/A_0)^(-B_0) is kaplan_single with x_c = A_0 and alpha = B_0; the "
        "table prints log10(A_0), so x_c = 10**log10(A_0). Parameter counts include all "
        "weights and biases (Sec. 3.1)." + d_note,
        coefs=[
            ("x_c", 10 ** log_a0, unit, "A_0", f"{place}: printed log10(A_0) = {log_a0:.2f}"),
            ("alpha", b0, "", "B_0", f"{place}"),
        ],
    )


LAWS = [fit_law(quantity, objective) for quantity, objective in FITS]
