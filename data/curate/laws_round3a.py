"""Published scaling laws, round 3a (coefficients as the papers or the authors' releases print them).

Writes data/laws/laws_round3a.csv, data/coefficients/laws_round3a.csv and the paper rows
data/_staging/papers_laws_round3a.csv (only papers not already in data/papers.csv).

Every number below was read in the paper's own text (table named in `source_ref`, through a
full-text copy found with the search tool) or in the authors' own code release (file and commit
named in `source_ref`). Nothing is refitted. A law marked `partial` records only the coefficients
the source prints.
Run from the project root:  python -m data.curate.laws_round3a
"""

from __future__ import annotations

import math

import pandas as pd

from data.curate._common import law_tables, write_law_files
from lib.schema import DATA_DIR

NAME = "laws_round3a"

# ---------------------------------------------------------------------------------------------
# Papers (schema.PAPERS) not yet in data/papers.csv. gadre2024 is already there and is reused.
# ---------------------------------------------------------------------------------------------
PAPER_ROWS = [
    dict(
        paper_id="tao2024",
        title="Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies",
        authors="Chaofan Tao, Qian Liu, Longxu Dou, Niklas Muennighoff, Zhongwei Wan, Ping Luo, "
        "Min Lin, Ngai Wong",
        year=2024,
        arxiv_id="2407.13623",
        venue="NeurIPS 2024",
        url="https://arxiv.org/abs/2407.13623",
        covers="Models of 33M to 3B parameters trained on up to 500B characters with vocabularies of "
        "4K to 96K; three approaches (IsoFLOP envelope, derivative, parametric loss fit on the "
        "unigram-normalised loss) give the compute-optimal non-vocabulary parameters, vocabulary "
        "parameters and data.",
    ),
]

# ---------------------------------------------------------------------------------------------
# Shared descriptions
# ---------------------------------------------------------------------------------------------
GADRE_ROUTE = (
    "Read from a full-text (PDF-to-text) copy of the paper's NeurIPS 2024 submission version "
    "('Anonymous Author(s)'; search read_file id 58461762094, Table 6 at about character 133,000). "
    "The arXiv/ICLR 2025 version's table was not re-read; values may differ there."
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

TAO_RELEASE = "sail-sg/scaling-with-vocab, optimal_Nv_predict.py (commit 8a59af1acf097bade590811d3a77b92c8c54d670)"
TAO_ROUTE = (
    "Read from the authors' code release (search read_file id 10572329864: " + TAO_RELEASE + "); "
    "the release writes the prefactor as np.exp(<number>), so k below is exp() of the printed "
    "natural-log coefficient, evaluated in this script (math.exp) and not rounded. The paper's own "
    "equation with rounded prefactors was not opened in this session."
)
TAO_FLOPS = (
    "C = 6 (N_nv + N_v) D, with N_v = V d the vocabulary (embedding) parameters, as in the release's "
    "approach-3 code (tokens u = F / (6 (Nnv + V d)))"
)
TAO_LOSS = (
    "Unigram-normalised language-modelling loss L_u (release README), which makes losses comparable "
    "across vocabulary sizes"
)
TAO_FITTED_ON = (
    "Approach 1 (IsoFLOPs): models of 33M to 3B parameters on up to 500B characters, vocabulary "
    "4K to 96K with non-vocabulary parameters fixed per series; the optimal points (lowest loss at "
    "each FLOPs budget) of the training-curve envelope (release README; exp_data.csv)"
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
                "M*_RefinedWeb = 3.79). " + GADRE_ROUTE,
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
                notes=f"Runs of this training set are in {families}. " + GADRE_ROUTE,
                coefs=[
                    ("epsilon", epsilon, "top-1 error (fraction)", "epsilon", "Table 6"),
                    ("k", k, "top-1 error (fraction)", "k", "Table 6"),
                    ("gamma", gamma, "1/loss (nats)", "gamma", "Table 6"),
                ],
            )
        )
    return laws


LAWS_SPEC = _gadre_laws() + [
    # Tao et al. 2024, Approach 1: N_nv^opt = exp(-2.4846510161625193) C^0.5 (authors' release).
    dict(
        law_id="tao2024_approach1_N_nv_opt",
        paper_id="tao2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on=TAO_FITTED_ON,
        fit_method="Power-law fit of the optimal non-vocabulary parameters against FLOPs over the "
        "envelope's optimal points (release approach1_isoflops.py)",
        source_ref="Authors' release " + TAO_RELEASE + ", flops_to_Nnvopt: "
        "np.exp(-2.4846510161625193) * FLOPs ** 0.5",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=TAO_FLOPS,
        loss_definition=TAO_LOSS,
        notes="N_opt here is the optimal number of non-vocabulary parameters N_nv (vocabulary/"
        "embedding parameters excluded). The exponent 0.5 appears as printed in the release. "
        + TAO_ROUTE,
        coefs=[
            ("k", math.exp(-2.4846510161625193), "non-vocabulary parameters per FLOP^0.5",
             "exp(-2.4846510161625193)", "release prints ln k = -2.4846510161625193"),
            ("a", 0.5, "", "0.5", "as printed in the release"),
        ],
    ),
    # Tao et al. 2024, Approach 1: N_v^opt = exp(-1.589031299255507) C^0.4163622634135234.
    dict(
        law_id="tao2024_approach1_N_v_opt",
        paper_id="tao2024",
        family_id="",
        form="allocation",
        x_var="C",
        output="other",
        fitted_on=TAO_FITTED_ON,
        fit_method="Power-law fit of the optimal vocabulary parameters against FLOPs over the "
        "envelope's optimal points (release approach1_isoflops.py)",
        source_ref="Authors' release " + TAO_RELEASE + ", approach1_isoflops: "
        "Nv = np.exp(-1.589031299255507) * FLOPs ** 0.4163622634135234",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention=TAO_FLOPS,
        loss_definition=TAO_LOSS,
        notes="Output 'other': the compute-optimal number of vocabulary parameters N_v = V d "
        "(vocabulary size times model width), not N_opt or D_opt. " + TAO_ROUTE,
        coefs=[
            ("k", math.exp(-1.589031299255507), "vocabulary parameters per FLOP^a",
             "exp(-1.589031299255507)", "release prints ln k = -1.589031299255507"),
            ("a", 0.4163622634135234, "", "0.4163622634135234", "as printed in the release"),
        ],
    ),
]


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
