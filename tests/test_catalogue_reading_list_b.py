"""Laws of reading-list papers (list b) read from their abstracts (catalogue modules in PAPER_IDS):
every coefficient is the stated value, each law evaluated through its registry form scales as the
abstract says, and partial laws say what they leave out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.laws import get_law
from tests.law_files import coefficient_value, read_law_files

PAPER_IDS = ("filatov2024", "dollar2021")


def paper_of(law_id: str) -> str:
    return law_id.split("_", 1)[0]


def predict(law_id: str, x: float, missing: float = 1.0) -> float:
    """The law's prediction through its registry form at X = x; a coefficient the abstract does not
    give (a partial law) is set to `missing`, which a ratio of two predictions cancels."""
    laws, coefs = read_law_files(paper_of(law_id))
    form = get_law(laws.set_index("law_id").loc[law_id, "form"])
    written = set(coefs.loc[coefs["law_id"] == law_id, "param"])
    params = {p: coefficient_value(coefs, law_id, p) if p in written else missing for p in form.param_names}
    (role,) = form.inputs  # "x" for the one-variable forms, "C" for allocation
    return float(form.predict(params, {role: np.asarray(x, dtype=float)}))


# (law_id, param, value as stated, after the registry's renaming)
TRANSCRIBED = [
    # Filatov et al. 2024, abstract (v2): "B_crit ∝ T"
    ("filatov2024_critical_batch_T", "a", 1.0),
    # Dollár et al. 2021, abstract: "about O(s) increase in model activation w.r.t. scaling flops by a
    # factor of s" (popular strategies), "close to O(sqrt(s))" (fast compound scaling)
    ("dollar2021_popular_strategies_activations_C", "a", 1.0),
    ("dollar2021_fast_compound_activations_C", "a", 0.5),
]

# (law_id, inputs (small, large), ratio large / small the abstract implies, where)
STATED_RATIOS = [
    ("filatov2024_critical_batch_T", (1e10, 4e10), 4.0, "Abstract: B_crit ∝ T, four times the tokens, four times B_crit"),
    ("dollar2021_popular_strategies_activations_C", (4e9, 16e9), 4.0, "Abstract: O(s) activations for flops x s"),
    ("dollar2021_fast_compound_activations_C", (4e9, 16e9), 2.0, "Abstract: O(sqrt(s)) activations for flops x s"),
]


@pytest.mark.parametrize("law_id,param,value", TRANSCRIBED)
def test_coefficients_are_the_stated_values(law_id, param, value):
    _, coefs = read_law_files(paper_of(law_id))
    assert coefficient_value(coefs, law_id, param) == pytest.approx(value, rel=1e-12)


def test_every_coefficient_of_these_papers_is_asserted():
    written = pd.concat([read_law_files(paper_id)[1] for paper_id in PAPER_IDS])
    assert set(zip(written["law_id"], written["param"])) == {(law, param) for law, param, _ in TRANSCRIBED}


@pytest.mark.parametrize("law_id,inputs,ratio,where", STATED_RATIOS)
@pytest.mark.parametrize("missing", [1.0, 3.7e-4])  # whatever the unstated prefactor, the ratio holds
def test_law_scales_as_the_abstract_states(law_id, inputs, ratio, where, missing):
    small, large = (predict(law_id, x, missing) for x in inputs)
    assert large / small == pytest.approx(ratio, rel=1e-12), where


def test_critical_batch_grows_with_the_token_budget():
    """The output is a batch size that grows with data, not a loss that falls with it."""
    laws, _ = read_law_files("filatov2024")
    law = laws.set_index("law_id").loc["filatov2024_critical_batch_T"]
    assert (law["form"], law["x_var"], law["output"]) == ("hyperparameter_power", "D", "batch_size")
    batches = [predict("filatov2024_critical_batch_T", tokens) for tokens in (1e9, 1e10, 1e11)]
    assert batches == sorted(batches)


def test_fast_compound_scaling_grows_activations_slower_than_flops():
    """The point of the paper: at the same flops factor s > 1, fast compound scaling adds fewer activations."""
    def growth(law_id: str, s: float) -> float:
        return predict(law_id, 1e9 * s) / predict(law_id, 1e9)

    for s in (2.0, 4.0, 16.0):
        fast = growth("dollar2021_fast_compound_activations_C", s)
        usual = growth("dollar2021_popular_strategies_activations_C", s)
        assert fast == pytest.approx(s**0.5) and fast < usual == pytest.approx(s)


def test_partial_laws_say_what_they_leave_out():
    for paper_id in PAPER_IDS:
        laws, _ = read_law_files(paper_id)
        for law in laws.itertuples():
            assert law.completeness == "partial", law.law_id
            assert "partial" in law.notes.lower() and "left out" in law.notes, law.law_id
            assert "abstract" in law.source_ref.lower(), law.law_id
