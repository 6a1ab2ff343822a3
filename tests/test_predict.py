"""lib.predict: published laws in absolute units, extrapolation paths, comparisons at a target,
and compute-optimal allocation, against closed forms and hand computations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.fit import chinchilla_allocation
from lib.laws import get_law
from lib.laws.published import PF_DAY_FLOPS, published_laws
from lib.predict import (
    NotOnPath,
    ScalingModel,
    Target,
    allocate,
    allocation_table,
    along,
    budget_for,
    compute_optimal_path,
    fixed_ratio_path,
    from_published,
    parse_target,
    path,
    predictions_at,
    spread,
)
from lib.store import Store

BESIROGLU = {"E": 1.82, "A": 482.01, "B": 2085.43, "alpha": 0.3478, "beta": 0.3658}


def chinchilla(params=BESIROGLU, **kwargs) -> ScalingModel:
    return ScalingModel("law:test", "test", "published", get_law("chinchilla"), params, **kwargs)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("store") / "store.duckdb")
    laws = store.published_laws()
    result = {law.law_id: law for law in published_laws(laws, store.coefficients(laws["law_id"].tolist()))}
    store.close()
    return result


def test_the_compute_optimal_path_matches_the_closed_form_allocation():
    compute = np.array([1e19, 1e21, 1e24])
    path = compute_optimal_path(chinchilla(), compute)
    closed = chinchilla_allocation(BESIROGLU)
    np.testing.assert_allclose(path["N"], closed.n_opt(compute), rtol=2e-3)
    np.testing.assert_allclose(path["D"], closed.d_opt(compute), rtol=2e-3)
    expected_loss = chinchilla().predict(N=closed.n_opt(compute), D=closed.d_opt(compute))
    np.testing.assert_allclose(path["loss"], expected_loss, rtol=1e-6)
    assert not path["at_edge"].any()


def test_a_bootstrap_band_brackets_the_point_estimate():
    draws = pd.DataFrame([{**BESIROGLU, "alpha": a, "beta": b} for a in (0.33, 0.35, 0.37) for b in (0.35, 0.37, 0.38)])
    path = compute_optimal_path(chinchilla(samples=draws), [1e21, 1e25])
    assert (path["low"] <= path["loss"]).all() and (path["loss"] <= path["high"]).all()
    assert (path["high"] - path["low"] > 0.01).all()


def test_fixed_ratio_path_is_n_params_on_r_times_n_tokens():
    path = fixed_ratio_path(chinchilla(), [70e9], ratio=20)
    row = path.iloc[0]
    assert row["D"] == pytest.approx(1.4e12) and row["C"] == pytest.approx(6 * 70e9 * 1.4e12)
    assert row["loss"] == pytest.approx(1.82 + 482.01 / 70e9**0.3478 + 2085.43 / 1.4e12**0.3658)


def test_a_law_of_n_alone_cannot_answer_a_compute_budget():
    model = ScalingModel("law:n", "L(N)", "published", get_law("kaplan_single"), {"x_c": 8.8e13, "alpha": 0.076}, x_var="N")
    with pytest.raises(NotOnPath, match="law of N alone"):
        compute_optimal_path(model, [1e21])
    assert along(model, "N", [1e9])["loss"].iloc[0] == pytest.approx((8.8e13 / 1e9) ** 0.076)


def test_kaplan_compute_law_is_evaluated_in_pf_days(published):
    law = published["kaplan2020_L_C"]
    assert law.input_scales == {"C": PF_DAY_FLOPS}
    model = from_published(law)
    one_pf_day = along(model, "C", [PF_DAY_FLOPS])["loss"].iloc[0]
    assert one_pf_day == pytest.approx(1.6e7**0.057)  # (C_c / 1 PF-day)^alpha_C


def test_minicpm_counts_n_and_d_in_billions(published):
    law = published["hu2024_L_ND_average"]
    assert law.input_scales == {"N": 1e9, "D": 1e9}
    p = law.params
    expected = p["E"] + p["A"] / 7.0 ** p["alpha"] + p["B"] / 1400.0 ** p["beta"]
    assert from_published(law).predict(N=7e9, D=1.4e12) == pytest.approx(expected)


def test_every_complete_curated_law_is_in_known_units(published):
    # A unit the paper itself leaves unstated is declared so ("unit not stated"): the law is kept, never drawn.
    unknown = {
        law_id: law.unknown_units
        for law_id, law in published.items()
        if any("unit not stated" not in unit for unit in law.unknown_units)
    }
    assert not unknown, f"add these units to lib/laws/published.py INPUT_UNITS or ABSOLUTE_UNITS: {unknown}"


def test_allocation_laws_give_the_other_quantity_from_6nd(published):
    llama = from_published(published["dubey2024_tokens_opt"])
    row = allocate(llama, 3.8e25).iloc[0]
    assert row["D_opt"] == pytest.approx(0.29 * 3.8e25**0.53)
    assert row["N_opt"] == pytest.approx(3.8e25 / (6 * row["D_opt"]))
    assert np.isnan(row["loss"])


def test_budget_for_inverts_the_allocation():
    model = chinchilla()
    budget = budget_for(model, "N_opt", 70e9)
    assert allocate(model, budget)["N_opt"].iloc[0] == pytest.approx(70e9, rel=1e-3)
    assert np.isnan(budget_for(model, "N_opt", 1e30))  # no budget up to 1e30 FLOPs reaches it


def test_allocation_table_explains_laws_that_cannot_allocate():
    only_n = ScalingModel("law:n", "L(N)", "published", get_law("kaplan_single"), {"x_c": 8.8e13, "alpha": 0.076}, x_var="N")
    table = allocation_table([chinchilla(), only_n], "C", 1e24)
    assert table.loc[0, "N_opt"] == pytest.approx(chinchilla_allocation(BESIROGLU).n_opt(1e24), rel=2e-3)
    assert "law of N alone" in table.loc[1, "note"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1e25", Target(C=1e25)),
        (" 3.8e25 ", Target(C=3.8e25)),
        ("1,000,000,000,000,000,000,000,000", Target(C=1e24)),  # commas between digits group them
        ("70B / 1.4T", Target(N=70e9, D=1.4e12)),
        ("70B/1.4T", Target(N=70e9, D=1.4e12)),
        ("7B, 140B", Target(N=7e9, D=140e9)),
        ("7,000,000,000 / 140,000,000,000", Target(N=7e9, D=140e9)),
        ("7e9 / 1.4e11", Target(N=7e9, D=1.4e11)),
    ],
)
def test_targets_are_read_as_people_write_them(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    "text, reason",
    [
        ("70B", "suffix counts parameters or tokens, not FLOPs"),  # once read as C = 7e10 FLOPs
        ("1.4T", "suffix counts parameters or tokens, not FLOPs"),
        ("70B/", "needs both its parameters and its tokens"),  # once read as C = 7e10 FLOPs
        ("70B / ", "needs both its parameters and its tokens"),
        ("/1.4T", "needs both its parameters and its tokens"),  # once read as C = 1.4e12 FLOPs
        ("7B,140B", "compute budget cannot be read"),  # a comma without a space groups digits
        ("1e25 / 2 / 3", "holds 3 values"),
        ("", "compute budget cannot be read (empty value)"),
        ("abc", "compute budget cannot be read (not a number)"),
        ("70 bn / 1.4T", "parameter count cannot be read (not a number (unknown unit suffix 'bn'"),
        ("70B / lots", "token count cannot be read"),
    ],
)
def test_ambiguous_or_unreadable_targets_are_refused_with_each_accepted_form(text, reason):
    with pytest.raises(ValueError) as refused:
        parse_target(text)
    assert reason in str(refused.value)
    assert "plain number (1e25 or 3.8e25)" in str(refused.value) and "(70B / 1.4T, or 70B, 1.4T)" in str(refused.value)


@pytest.mark.parametrize("text", ["-5", "0", "70B / 0"])
def test_targets_that_are_not_positive_are_refused(text):
    with pytest.raises(ValueError, match="must be positive"):
        parse_target(text)


def test_a_fit_of_one_ratio_is_drawn_along_that_ratio_toward_a_budget_not_along_the_frontier():
    """All runs at D = 20 N cannot pin down the compute-optimal split: the fit once went along that
    split anyway, 83,000x past its data, without a word."""
    model = chinchilla(one_ratio=20.0, extent={"C": (1e17, 1e20)})
    frame = path(model, Target(C=1e25), [1e21, 1e25])
    np.testing.assert_allclose(frame["D"] / frame["N"], 20.0)
    np.testing.assert_allclose(frame["loss"], model.predict(N=frame["N"], D=frame["D"]))
    assert not np.allclose(frame["loss"], compute_optimal_path(chinchilla(), [1e21, 1e25])["loss"])
    [row] = predictions_at([model], Target(C=1e25)).to_dict("records")
    assert row["D"] / row["N"] == pytest.approx(20.0)
    assert row["note"] == "at its runs' D/N = 20: they cannot pin down the compute-optimal split"
    # a model N on D tokens is a path every law answers, whatever its runs
    assert path(model, Target(N=7e9, D=1.4e12), [7e9])["D"].iloc[0] == pytest.approx(1.4e12)


def test_a_fit_of_one_ratio_has_no_compute_optimal_allocation_and_says_why():
    model = chinchilla(one_ratio=20.0)
    with pytest.raises(NotOnPath, match="test was fitted to runs all trained at about 20 tokens per parameter"):
        allocate(model, [1e24])
    table = allocation_table([model, chinchilla()], "C", 1e24)
    assert "cannot pin down its compute-optimal split" in table.loc[0, "note"] and np.isnan(table.loc[0, "N_opt"])
    assert table.loc[1, "N_opt"] > 0


def test_predictions_at_a_target_name_the_gap_and_the_distance_past_the_data():
    near = chinchilla(extent={"C": (1e18, 1e22)})
    far = chinchilla({**BESIROGLU, "E": 1.6})
    table = predictions_at([near, far], Target(C=1e25))
    assert table.loc[0, "times_beyond_data"] == pytest.approx(1000)
    assert np.isnan(table.loc[1, "times_beyond_data"])  # range unknown: not claimed
    losses = table["loss"].to_numpy()
    assert spread(table) == pytest.approx(losses.max() / losses.min() - 1)
    assert table["vs_median"].to_numpy() == pytest.approx(losses / np.median(losses) - 1)


def test_a_law_whose_paper_leaves_a_unit_unstated_is_never_drawn(published):
    law = published["charles2025_dp_batch_opt_N"]
    assert law.completeness == "complete" and not law.drawable
