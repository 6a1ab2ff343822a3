"""More published language-model scaling laws (coefficients as the papers print them).

Writes data/laws/laws_lm_more.csv, data/coefficients/laws_lm_more.csv and the paper rows
data/_staging/papers_laws_lm_more.csv (only papers not already in data/papers.csv).

Every number below was read in the paper's own text (equation / table named in `source_ref`),
through a full-text copy of the paper found with the search tool (the copy is named in `notes`).
Nothing is recomputed. A law marked `partial` records only the coefficients the paper prints.
Run from the project root:  python -m data.curate.laws_lm_more
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import law_tables, write_law_files
from lib.schema import DATA_DIR, PAPERS

NAME = "laws_lm_more"

# ---------------------------------------------------------------------------------------------
# Papers (schema.PAPERS) not yet in data/papers.csv. Authors: full list if at most 8, else the
# first three then "et al.". hoffmann2022 is already in data/papers.csv and is reused.
# ---------------------------------------------------------------------------------------------
PAPER_ROWS = [
    dict(
        paper_id="muennighoff2023",
        title="Scaling Data-Constrained Language Models",
        authors="Niklas Muennighoff, Alexander M. Rush, Boaz Barak, et al.",
        year=2023,
        arxiv_id="2305.16264",
        venue="NeurIPS 2023",
        url="https://arxiv.org/abs/2305.16264",
        covers="About 400 training runs (up to 9B parameters, 900B tokens, GPT-2 tokenizer) repeating C4/OSCAR "
        "data for many epochs; a data-constrained generalisation of the Chinchilla law in which "
        "repeated tokens and excess parameters decay in value (R_D^*, R_N^*).",
    ),
    dict(
        paper_id="hu2024",
        title="MiniCPM: Unveiling the Potential of Small Language Models with Scalable Training "
        "Strategies",
        authors="Shengding Hu, Yuge Tu, Xu Han, et al.",
        year=2024,
        arxiv_id="2404.06395",
        venue="COLM 2024",
        url="https://arxiv.org/abs/2404.06395",
        covers="MiniCPM small language models; the Warmup-Stable-Decay schedule, used to measure "
        "L(N, D) for 6 model sizes (0.04B-2B) x 6 data sizes (10N-60N) on five held-out corpora "
        "(Sec. 4.5, Fig. 10).",
    ),
]

# ---------------------------------------------------------------------------------------------
# Shared descriptions
# ---------------------------------------------------------------------------------------------
HOFFMANN_LOSS = "Final (smoothed) training loss on MassiveText (Sec. 3)"
HOFFMANN_FLOPS = (
    "FLOPs counted in full including embeddings (App. F); compute budgets as in Sec. 3"
)
HOFFMANN_CI = "10th-90th percentile from bootstrapping (80% of the dataset sampled 100 times), Table 2"
HOFFMANN_ROUTE = (
    "Read from a full-text (PDF-to-text) copy of the paper (search read_file id 56211177345; "
    "Table 2 caption and rows; also in id 34578852142)."
)

MINICPM_ROUTE = "Read from a full-text (PDF-to-markdown) copy of the paper (search read_file id 61337640224)."

# ---------------------------------------------------------------------------------------------
# Laws. Each entry: law row fields + "coefs": list of (param, value, unit, paper_symbol, note[,
# {"ci_low": .., "ci_high": ..}]). Values are exactly the printed digits.
# ---------------------------------------------------------------------------------------------
LAWS_SPEC = [
    # Besiroglu et al. 2024, Approach-3 refit on the Epoch extraction of Hoffmann's Figure 4.
    dict(
        law_id="besiroglu2024_approach3",
        paper_id="besiroglu2024",
        family_id="chinchilla_epoch",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="The Epoch extraction of Hoffmann et al.'s Figure 4 runs (family chinchilla_epoch), "
        "the 5 highest-loss runs left out",
        fit_method="Huber loss (delta 1e-3) on log-loss residuals, L-BFGS from a grid of "
        "initialisations; 4,000 bootstrap resamples for standard errors",
        source_ref="2404.10102, the paper's table of Approach-3 estimates (as quoted in the project's "
        "raw-source MANIFEST for epoch-research/analyzing-chinchilla)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention="C as read off Hoffmann et al.'s figure; D = C / (6N)",
        loss_definition="Final training loss on MassiveText (nats), as in Hoffmann et al.",
        notes="Values as quoted, with their paper reference, in the raw-source MANIFEST that ships "
        "with this project's sources; the paper's table itself could not be opened in this session, "
        "so its bootstrap standard errors are not recorded. Later notes quote E with more digits "
        "(1.8172); 1.82 is kept as quoted.",
        coefs=[
            ("E", 1.82, "loss (nats)", "E", "as quoted"),
            ("A", 482.01, "", "A", "as quoted"),
            ("B", 2085.43, "", "B", "as quoted"),
            ("alpha", 0.3478, "", "alpha", "as quoted"),
            ("beta", 0.3658, "", "beta", "as quoted"),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row "1. Minimum over training curves": N_opt ∝ C^a.
    dict(
        law_id="hoffmann2022_approach1_N_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on="Approach 1 (Sec. 3.1): for a range of fixed model sizes trained with several "
        "cosine-cycle horizons, the minimum loss over all training curves at each FLOP count gives "
        "the compute-optimal (N, D); runs on MassiveText",
        fit_method="power-law fit of the compute-optimal N over the envelope (Sec. 3.1)",
        source_ref="Table 2, row '1. Minimum over training curves', column a (N_opt ∝ C^a); Sec. 3.1",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Only the exponent a is printed; the prefactor k is not, so it is left out. "
        + HOFFMANN_ROUTE,
        coefs=[
            ("a", 0.50, "", "a", HOFFMANN_CI, {"ci_low": 0.488, "ci_high": 0.502}),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row 1: D_opt ∝ C^b.
    dict(
        law_id="hoffmann2022_approach1_D_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="Approach 1: envelope (minimum over training curves), as for N_opt (Sec. 3.1)",
        fit_method="power-law fit of the compute-optimal D over the envelope (Sec. 3.1)",
        source_ref="Table 2, row '1. Minimum over training curves', column b (D_opt ∝ C^b); Sec. 3.1",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Paper symbol b renamed to the registry's a (exponent of C); k not printed. "
        + HOFFMANN_ROUTE,
        coefs=[
            ("a", 0.50, "", "b", HOFFMANN_CI, {"ci_low": 0.501, "ci_high": 0.512}),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row "2. IsoFLOP profiles": N_opt ∝ C^a.
    dict(
        law_id="hoffmann2022_approach2_N_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="N_opt",
        fitted_on="Approach 2 (Sec. 3.2): IsoFLOP profiles, model size varied at a set of fixed "
        "FLOP budgets; the minimum of each profile gives the compute-optimal (N, D); runs on "
        "MassiveText",
        fit_method="parabola fit per IsoFLOP curve, then power-law fit of the minima (Sec. 3.2)",
        source_ref="Table 2, row '2. IsoFLOP profiles', column a (N_opt ∝ C^a); Sec. 3.2",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Only the exponent a is printed; k is not. " + HOFFMANN_ROUTE,
        coefs=[
            ("a", 0.49, "", "a", HOFFMANN_CI, {"ci_low": 0.462, "ci_high": 0.534}),
        ],
    ),
    # Hoffmann et al. 2022, Table 2 row 2: D_opt ∝ C^b.
    dict(
        law_id="hoffmann2022_approach2_D_opt",
        paper_id="hoffmann2022",
        family_id="",
        form="allocation",
        x_var="C",
        output="D_opt",
        fitted_on="Approach 2: IsoFLOP profiles, as for N_opt (Sec. 3.2)",
        fit_method="parabola fit per IsoFLOP curve, then power-law fit of the minima (Sec. 3.2)",
        source_ref="Table 2, row '2. IsoFLOP profiles', column b (D_opt ∝ C^b); Sec. 3.2",
        extraction="reported_fit",
        completeness="partial",
        param_convention="with_embeddings",
        flops_convention=HOFFMANN_FLOPS,
        loss_definition=HOFFMANN_LOSS,
        notes="Paper symbol b renamed to the registry's a (exponent of C); k not printed. "
        + HOFFMANN_ROUTE,
        coefs=[
            ("a", 0.51, "", "b", HOFFMANN_CI, {"ci_low": 0.483, "ci_high": 0.529}),
        ],
    ),
    # Muennighoff et al. 2023, Appendix A: data-constrained law with fitted values.
    dict(
        law_id="muennighoff2023_data_constrained",
        paper_id="muennighoff2023",
        family_id="",
        form="data_constrained",
        x_var="N,D,U",
        output="loss",
        fitted_on="E, A, B, alpha, beta: the paper's Chinchilla-form fit on C4 (its C4 scaling "
        "section); R_N^*, R_D^*: 182 runs on repeated data, 7M to 9B parameters, 1 to 500 epochs, "
        "outliers where excess parameters/epochs hurt removed (App. A)",
        fit_method="a, b, e, alpha, beta fixed to the C4 values; R_N^*, R_D^* by minimising the "
        "Huber loss of LSE(log terms) - log L with L-BFGS from a grid of initialisations "
        "R^* in {0, 4, ..., 20} (App. A)",
        source_ref="Appendix A: text giving R_N^*=5.309743, R_D^*=15.387756 and the final "
        "equation with fitted values L = 521/(U_N + 5.3 U_N(1-e^{-R_N/5.3}))^0.35 + "
        "1488/(U_D + 15.4 U_D(1-e^{-R_D/15.4}))^0.35 + 1.87, U_N = 0.051 U_D; Table 'Comparison "
        "of different versions of our parametric fit' (R_D^*=15.3878, R_N^*=5.3097)",
        extraction="reported_fit",
        completeness="complete",
        param_convention="unknown",
        flops_convention="",
        loss_definition="Final loss of each run as fitted in the paper (App. A); the evaluation "
        "split was not re-read for this entry",
        notes="Read from a full-text copy of the paper's Appendix A (LaTeX, bilingual; search "
        "read_file id 68464724859). The authors' release (huggingface/datablations README, "
        "'Parametric Fit') prints the same fit in log space: a, b, e, alpha, beta, rd_star, "
        "rn_star = 6.255414, 7.3049974, 0.6254804, 0.3526596, 0.3526596, 15.387756, 5.309743 "
        "(A = exp(a), B = exp(b), E = exp(e)). E, A, B, alpha, beta below are the rounded values "
        "of the printed final equation; the text also writes beta = 0.353. U_N = min(N_opt(U_D), N) "
        "with N_opt from the Chinchilla frontier (printed as U_N = U_D * 0.051).",
        coefs=[
            ("E", 1.87, "loss", "E", "printed in the final equation"),
            ("A", 521, "", "A", "printed in the final equation (release: exp(6.255414))"),
            ("B", 1488, "", "B", "printed in the final equation (release: exp(7.3049974))"),
            ("alpha", 0.35, "", "alpha", "printed 0.35 (release: 0.3526596)"),
            ("beta", 0.35, "", "beta", "printed 0.35; text writes beta = 0.353 (release: 0.3526596)"),
            ("R_D_star", 15.387756, "epochs (repetitions)", "R_D^*", "App. A text; 15.4 in the equation"),
            ("R_N_star", 5.309743, "repetitions of U_N", "R_N^*", "App. A text; 5.3 in the equation"),
        ],
    ),
    # Hu et al. 2024 (MiniCPM), Sec. 4.5, Eq. (2) with the 'Average' fit of Figure 10.
    dict(
        law_id="hu2024_L_ND_average",
        paper_id="hu2024",
        family_id="",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="6 model sizes (0.04B to 2B non-embedding parameters), each decayed (WSD) from "
        "stable-stage checkpoints at 10N to 60N tokens; loss averaged over five held-out corpora "
        "(Sec. 4.5, Fig. 9-10)",
        fit_method="scipy curve_fit of L(N, D) = C_N N^-alpha + C_D D^-beta + L_0 (Sec. 4.5, Eq. 2)",
        source_ref="Sec. 4.5, Eq. (2); Figure 10, panel 'Average' (fitted equation in its text box); "
        "text: 'on average, alpha = 0.29, beta = 0.23, K^2 = 0.01, eta = -0.10'",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="C = 6ND (Sec. 4.5); Figure 10 axes: non-embedding parameters in 1e9, "
        "compute in 1e18 FLOPs",
        loss_definition="Loss normalised by number of bytes (not tokens), averaged over the five "
        "held-out evaluation corpora (Code, English/Chinese Wikihow, Ultratext, Chinese Yayi) "
        "(Sec. 4.5)",
        notes="Figure 10's 'Average' box prints 7.15e-2/N^0.29 + 3.00e-1/D^0.23 + 0.31 with "
        "K^2 = 0.01, eta = -0.10, D_opt/N_opt(C=1e21) = 191.87; identified as the Average panel "
        "by matching the text's average alpha, beta, eta. N and D are in units of 1e9 (billions of "
        "non-embedding parameters / billions of tokens), as the figure axes state; multiply A by "
        "(1e9)^alpha and B by (1e9)^beta for raw counts (not done here). The other five per-corpus "
        "boxes were not recorded because the text extraction does not tie each box to its panel "
        "unambiguously. " + MINICPM_ROUTE,
        coefs=[
            ("E", 0.31, "loss per byte", "L_0", ""),
            ("A", 7.15e-2, "N in 1e9 non-embedding parameters", "C_N", "printed 7.15×10^-2"),
            ("B", 3.00e-1, "D in 1e9 tokens", "C_D", "printed 3.00×10^-1"),
            ("alpha", 0.29, "", "alpha", ""),
            ("beta", 0.23, "", "beta", ""),
        ],
    ),
]


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    laws, coefficients = law_tables(LAWS_SPEC)
    known = {row["paper_id"] for row in PAPER_ROWS} | set(pd.read_csv(DATA_DIR / "papers.csv")["paper_id"])
    missing = set(laws["paper_id"]) - known
    if missing:
        raise ValueError(f"laws without a paper row: {sorted(missing)}")
    return laws, coefficients


def main() -> None:
    write_law_files(NAME, *build(), PAPER_ROWS)


if __name__ == "__main__":
    main()
