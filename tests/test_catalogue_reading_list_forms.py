"""Laws of reading-list papers that needed a form the registry lacked: each law, evaluated through
its registry form, gives a number its paper states, and a partial law keeps out what the paper
does not print."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lib.laws import get_law
from tests.law_files import coefficient_value, read_law_files

PAPER_IDS = ("xiao2024",)
DENSING_LAWS = (
    "xiao2024_densing_five_benchmarks",
    "xiao2024_densing_mmlu_before_chatgpt",
    "xiao2024_densing_mmlu_after_chatgpt",
)


def density_growth(law_id: str, days: float) -> float:
    """rho(T + days) / rho(T) through the exponential_trend form: the intercept B, which the paper
    does not print, cancels from the ratio (set to 0 here)."""
    laws, coefs = read_law_files("xiao2024")
    form = get_law(laws.set_index("law_id").loc[law_id, "form"])
    params = {"A": coefficient_value(coefs, law_id, "A"), "B": 0.0}
    later, now = form.predict(params, {"T": np.array([days, 0.0])})
    return float(later / now)


def test_the_densing_law_doubles_density_in_about_95_days():
    """Sec. 3.3: A ~ 0.0073, so the density doubles every ln(2) / A ~ 95 days."""
    assert density_growth("xiao2024_densing_five_benchmarks", 95) == pytest.approx(2.0, rel=0.01)


def test_density_grows_50_percent_faster_after_chatgpt():
    """Sec. 3.4: the slope rises from A ~ 0.0048 to A ~ 0.0073, a growth rate 50% higher."""
    _, coefs = read_law_files("xiao2024")
    before = coefficient_value(coefs, "xiao2024_densing_mmlu_before_chatgpt", "A")
    after = coefficient_value(coefs, "xiao2024_densing_mmlu_after_chatgpt", "A")
    assert after / before == pytest.approx(1.5, abs=0.03)
    assert math.log(density_growth("xiao2024_densing_mmlu_after_chatgpt", 1)) == pytest.approx(after)


def test_exponential_trend_is_log_linear_in_time():
    form = get_law("exponential_trend")
    t = np.array([0.0, 100.0, 400.0])
    assert np.allclose(np.log(form.predict({"A": 0.01, "B": -2.0}, {"T": t})), 0.01 * t - 2.0)


@pytest.mark.parametrize("law_id", DENSING_LAWS)
def test_densing_laws_are_partial_without_the_unprinted_intercept(law_id):
    laws, coefs = read_law_files("xiao2024")
    row = laws.set_index("law_id").loc[law_id]
    assert row["form"] == "exponential_trend" and row["completeness"] == "partial"
    assert set(coefs.loc[coefs["law_id"] == law_id, "param"]) == {"A"}
    assert "B is not printed" in row["notes"]


@pytest.mark.parametrize("paper_id", PAPER_IDS)
def test_every_law_names_where_the_paper_prints_it(paper_id):
    laws, coefs = read_law_files(paper_id)
    assert laws["source_ref"].str.contains(r"arXiv \d{4}\.\d{5}v\d").all()
    assert not laws["law_id"].duplicated().any()
    assert not coefs.duplicated(["law_id", "param"]).any()
    assert coefs["note"].str.startswith("printed as").all()
