"""Laws of reading-list papers (catalogue modules zheng2024, allenzhu2024, zhang2024a, li2024):
every coefficient is the paper's printed digit, and each law, evaluated through its registry form,
reproduces a number the paper itself states."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR
from tests.law_files import coefficient_value, predict_law, read_law_files

PAPER_IDS = ("zheng2024", "allenzhu2024", "zhang2024a", "li2024")


def law_row(law_id: str) -> pd.Series:
    laws, _ = read_law_files(law_id.split("_", 1)[0])
    return laws.set_index("law_id").loc[law_id]


def predict(law_id: str, **inputs) -> float:
    """The law's prediction, its paper read from the law id."""
    return float(predict_law(law_id.split("_", 1)[0], law_id, **inputs))


# (law_id, param, value as printed, after the registry's renaming / sign convention)
TRANSCRIBED = [
    # Zheng et al. 2024, Table 2(a), Training from Scratch: E 1.55, A 420.0, B 719.5, alpha 0.40, beta 0.30
    ("zheng2024_scratch_L_ND", "E", 1.55),
    ("zheng2024_scratch_L_ND", "A", 420.0),
    ("zheng2024_scratch_L_ND", "B", 719.5),
    ("zheng2024_scratch_L_ND", "alpha", 0.40),
    ("zheng2024_scratch_L_ND", "beta", 0.30),
    # Table 2(a), Continual Pre-training: E, A, alpha fixed at the from-scratch values
    ("zheng2024_cpt_L_ND", "E", 1.55),
    ("zheng2024_cpt_L_ND", "A", 420.0),
    ("zheng2024_cpt_L_ND", "alpha", 0.40),
    # Table 2(b): a = 0.429 / 0.385, b = 0.571 / 0.615
    ("zheng2024_scratch_N_opt", "a", 0.429),
    ("zheng2024_scratch_D_opt", "a", 0.571),
    ("zheng2024_cpt_N_opt", "a", 0.385),
    ("zheng2024_cpt_D_opt", "a", 0.615),
    # Sec. 4.2: L = 33.69907 x C^-0.0579 (scratch), L = 31.9594 x C^-0.0575 (CPT)
    ("zheng2024_scratch_L_C", "A", 33.69907),
    ("zheng2024_scratch_L_C", "alpha", 0.0579),
    ("zheng2024_cpt_L_C", "A", 31.9594),
    ("zheng2024_cpt_L_C", "alpha", 0.0575),
    # Allen-Zhu & Li 2024, Sec. 1: 2 bit/param (1000 exposures), 1 bit/param (100), 0.7 (int4)
    ("allenzhu2024_bits_N_1000_exposures", "A", 2.0),
    ("allenzhu2024_bits_N_1000_exposures", "alpha", -1.0),
    ("allenzhu2024_bits_N_100_exposures", "A", 1.0),
    ("allenzhu2024_bits_N_100_exposures", "alpha", -1.0),
    ("allenzhu2024_bits_N_int4", "A", 0.7),
    ("allenzhu2024_bits_N_int4", "alpha", -1.0),
    # Wukong (Zhang et al. 2024), Sec. 7.2: y = -100 + 99.56 x^0.00071
    ("zhang2024a_wukong_relative_logloss_gflop_per_example", "E", -100.0),
    ("zhang2024a_wukong_relative_logloss_gflop_per_example", "A", 99.56),
    ("zhang2024a_wukong_relative_logloss_gflop_per_example", "alpha", -0.00071),
    # Li et al. 2024, Sec. 5: S = 0.47 C^0.02, S = 0.64 D^0.03
    ("li2024_tifa_C", "A", 0.47),
    ("li2024_tifa_C", "alpha", -0.02),
    ("li2024_tifa_D", "A", 0.64),
    ("li2024_tifa_D", "alpha", -0.03),
]

# (law_id, inputs, what the paper states the law gives, relative tolerance, where it says so)
STATED = [
    ("allenzhu2024_bits_N_1000_exposures", {"N": 7e9}, 14e9, 1e-12,
     "Abstract and Remark 1.1: a sufficiently trained 7B model can store 14B bits of knowledge"),
]


@pytest.mark.parametrize("law_id,param,value", TRANSCRIBED)
def test_coefficients_are_the_printed_values(law_id, param, value):
    _, coefs = read_law_files(law_id.split("_", 1)[0])
    assert coefficient_value(coefs, law_id, param) == pytest.approx(value, rel=1e-12)


def test_every_coefficient_of_these_papers_is_asserted():
    written = pd.concat([read_law_files(paper_id)[1] for paper_id in PAPER_IDS])
    assert set(zip(written["law_id"], written["param"])) == {(law, param) for law, param, _ in TRANSCRIBED}


@pytest.mark.parametrize("law_id,inputs,expected,rel,where", STATED)
def test_law_gives_what_the_paper_states(law_id, inputs, expected, rel, where):
    assert predict(law_id, **inputs) == pytest.approx(expected, rel=rel), where


def test_zheng_allocation_exponents_follow_from_the_scratch_law():
    """Table 2(b) prints a = beta/(alpha + beta) and b = alpha/(alpha + beta) of Table 2(a) (Eq. 2)."""
    _, coefs = read_law_files("zheng2024")
    alpha, beta = (coefficient_value(coefs, "zheng2024_scratch_L_ND", p) for p in ("alpha", "beta"))
    assert coefficient_value(coefs, "zheng2024_scratch_N_opt", "a") == pytest.approx(beta / (alpha + beta), abs=5e-4)
    assert coefficient_value(coefs, "zheng2024_scratch_D_opt", "a") == pytest.approx(alpha / (alpha + beta), abs=5e-4)


def test_zheng_cpt_reaches_lower_loss_at_every_compute():
    """Sec. 4.2: the CPT frontier lies below the from-scratch one over the studied budgets."""
    for flops in (1e18, 1e20, 1e22):
        assert predict("zheng2024_cpt_L_C", C=flops) < predict("zheng2024_scratch_L_C", C=flops)


def test_zheng_scratch_law_prefers_fewer_tokens_per_parameter_than_cpt():
    """Table 2(b): CPT's N_opt exponent (0.385) is below scratch's (0.429), i.e. D_opt grows faster."""
    _, coefs = read_law_files("zheng2024")
    assert coefficient_value(coefs, "zheng2024_cpt_N_opt", "a") < coefficient_value(coefs, "zheng2024_scratch_N_opt", "a")
    for setting in ("scratch", "cpt"):
        n_exp = coefficient_value(coefs, f"zheng2024_{setting}_N_opt", "a")
        d_exp = coefficient_value(coefs, f"zheng2024_{setting}_D_opt", "a")
        assert n_exp + d_exp == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("gflop_per_example", [1.0, 10.0, 25.0])
def test_wukong_fit_moves_about_a_tenth_of_a_percent_per_quadrupling(gflop_per_example):
    """Sec. 7.2: 'approximately translating to a 0.1% improvement for every quadrupling of complexity'."""
    law = "zhang2024a_wukong_relative_logloss_gflop_per_example"
    step = predict(law, x=4 * gflop_per_example) - predict(law, x=gflop_per_example)
    assert abs(step) == pytest.approx(0.1, abs=0.005)


@pytest.mark.parametrize(
    "law_id,low,high,score_range",
    [
        # Fig. 11(a): SDXL variants over about 1e11-1e12 total training GFLOPs, TIFA 0.76-0.84
        ("li2024_tifa_C", 1e11, 1e12, (0.76, 0.84)),
        # Fig. 11(c): about 2e3-6e3 million image-noun pairs, TIFA 0.81-0.85
        ("li2024_tifa_D", 2e3, 6e3, (0.80, 0.85)),
    ],
)
def test_li_laws_stay_on_the_plotted_tifa_range(law_id, low, high, score_range):
    """In the paper's own units the printed power laws give scores on the axes of Fig. 11."""
    for x in (low, high):
        assert score_range[0] <= predict(law_id, x=x) <= score_range[1]


def test_partial_laws_say_why_and_complete_laws_are_in_absolute_units():
    for paper_id in PAPER_IDS:
        laws, coefs = read_law_files(paper_id)
        for law in laws.itertuples():
            units = set(coefs.loc[coefs["law_id"] == law.law_id, "unit"].dropna())
            if law.completeness == "partial":
                assert "partial" in law.notes.lower() or "left out" in law.notes, law.law_id
            else:
                assert units <= {"loss (validation cross-entropy)"}, (law.law_id, units)


def test_paper_rows_name_the_arxiv_page():
    for paper_id in PAPER_IDS:
        papers = pd.read_csv(DATA_DIR / "papers.csv", dtype=str)
        staged = papers[papers["paper_id"] == paper_id]
        assert len(staged) == 1
        row = staged.iloc[0]
        assert row["url"] == f"https://arxiv.org/abs/{row['arxiv_id']}"
        assert row["title"] and row["authors"] and row["covers"]
