"""lib.benchmarks: pairing scores with losses, checkpoints, the sigmoid fit and its grid."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.benchmarks import (
    LOSS_COLUMN,
    MIN_DISTINCT_X,
    chance_level,
    coefficient_table,
    extrapolation_grid,
    final_checkpoints,
    fit_benchmark,
    fit_sigmoid,
    has_checkpoints,
    pair_with_loss,
    sigmoid_band,
)
from lib.fit import FitInputError
from lib.laws import get_law


def frame(rows, columns=("family_id", "run_id", "step", "value")) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def test_pairing_takes_the_loss_of_the_same_run_at_the_same_step():
    scores = frame([("a", "r1", 100.0, 0.30), ("a", "r1", 200.0, 0.40), ("a", "r2", 200.0, 0.50), ("b", "r1", 200.0, 0.60)])
    losses = frame([("a", "r1", 200.0, 3.1), ("a", "r1", 100.0, 3.5), ("a", "r2", 200.0, 2.9), ("b", "r1", 200.0, 2.5)])
    paired = pair_with_loss(scores, losses).sort_values(["family_id", "run_id", "step"])
    assert paired[["value", LOSS_COLUMN]].values.tolist() == [[0.30, 3.5], [0.40, 3.1], [0.50, 2.9], [0.60, 2.5]]


def test_pairing_drops_scores_without_a_loss_and_matches_runs_recorded_without_steps():
    scores = frame([("a", "r1", np.nan, 0.3), ("a", "r2", np.nan, 0.4), ("a", "r3", 10.0, 0.5)])
    losses = frame([("a", "r1", np.nan, 3.0), ("a", "r3", 20.0, 2.0)])
    paired = pair_with_loss(scores, losses)
    assert paired[["run_id", LOSS_COLUMN]].values.tolist() == [["r1", 3.0]]


def test_final_checkpoints_keep_each_runs_last_step_and_runs_without_steps():
    points = frame([("a", "r1", 0.0, 0.1), ("a", "r1", 500.0, 0.2), ("a", "r2", 300.0, 0.3), ("b", "r1", np.nan, 0.4)])
    assert has_checkpoints(points)
    final = final_checkpoints(points)
    assert final["value"].tolist() == [0.2, 0.3, 0.4]
    assert not has_checkpoints(final)


TRUE_C = dict(floor=0.25, ceiling=0.85, slope=1.8, midpoint=22.0)
TRUE_L = dict(floor=0.25, ceiling=0.9, slope=4.0, midpoint=2.6)


def synthetic(column: str, true: dict, x: np.ndarray, noise: float = 0.005) -> pd.DataFrame:
    form = get_law("sigmoid" if column != LOSS_COLUMN else "sigmoid_loss")
    inputs = {"x": x} if column != LOSS_COLUMN else {"L": x}
    y = form.predict(true, inputs) + np.random.default_rng(0).normal(0, noise, x.size)
    return pd.DataFrame({column: x, "value": y})


@pytest.mark.parametrize(
    ("column", "true", "x"),
    [
        ("C", TRUE_C, np.geomspace(1e19, 1e25, 40)),
        ("N", TRUE_C | {"midpoint": 9.5}, np.geomspace(1e7, 1e12, 40)),
        (LOSS_COLUMN, TRUE_L, np.linspace(1.8, 3.6, 40)),
    ],
)
def test_the_sigmoid_fit_recovers_the_coefficients_it_was_generated_from(column, true, x):
    fit = fit_benchmark(synthetic(column, true, x), column, extend=1.0, n_boot=30)
    for name, value in true.items():
        assert fit.params[name] == pytest.approx(value, rel=0.05, abs=0.02), name
        low, high = fit.intervals[name]
        assert low <= fit.params[name] <= high
    assert fit.n_points == x.size


def test_the_band_contains_the_fit_and_widens_beyond_the_data():
    data = synthetic("C", TRUE_C, np.geomspace(1e19, 1e23, 30), noise=0.02)
    curve = fit_benchmark(data, "C", extend=2.0, n_boot=60).curve
    assert ((curve["low"] <= curve["fit"] + 1e-9) & (curve["fit"] <= curve["high"] + 1e-9)).all()
    width = curve["high"] - curve["low"]
    assert width[curve["beyond"]].iloc[-1] > width[~curve["beyond"]].median()


# What fit_benchmark gave when it fitted the sigmoid and its band in one function, on the data of
# the test below (seeded bootstrap, 60 refits): the split into a point fit and a band keeps them.
COMBINED_PARAMS = dict(floor=0.25344125791194183, ceiling=0.7851167644102137, slope=2.1695347895220003,
                       midpoint=21.85868467041212)
COMBINED_INTERVALS = dict(
    floor=(0.24145144242609276, 0.2620035146343058), ceiling=(0.7364519505902508, 0.8413577956260317),
    slope=(1.8372917898196828, 2.544476434684855), midpoint=(21.726386944405952, 22.007592293168877),
)
COMBINED_BAND = {0: (0.2432090037611365, 0.2630521134384451), 60: (0.31717063028611986, 0.3338617465942673),
                 119: (0.7159797548295255, 0.7671461265081607), 179: (0.7363186077588119, 0.83929205956343)}


def test_the_point_fit_then_its_band_give_the_combined_fits_coefficients_and_band():
    data = synthetic("C", TRUE_C, np.geomspace(1e19, 1e23, 30), noise=0.02)
    point = fit_sigmoid(data, "C", extend=2.0)
    assert point.params == pytest.approx(COMBINED_PARAMS, rel=1e-9)
    assert point.curve[["low", "high"]].isna().all().all() and point.n_boot == 0 and not point.intervals
    reported = []
    banded = sigmoid_band(point, n_boot=60, progress=lambda done, total: reported.append((done, total)))
    assert reported == [(i, 60) for i in range(1, 61)]
    assert banded.params == point.params and banded.n_boot == 60 and banded.n_failed == 0
    for name, (low, high) in COMBINED_INTERVALS.items():
        assert banded.intervals[name] == pytest.approx((low, high), rel=1e-9), name
    for row, (low, high) in COMBINED_BAND.items():
        assert tuple(banded.curve.loc[row, ["low", "high"]]) == pytest.approx((low, high), rel=1e-9), row
    pd.testing.assert_frame_equal(banded.curve.drop(columns=["low", "high"]), point.curve.drop(columns=["low", "high"]))
    assert fit_benchmark(data, "C", extend=2.0, n_boot=60).intervals == banded.intervals


def test_a_point_fit_the_data_do_not_determine_gets_no_band_and_no_refits():
    # Six noisy sizes, all on the lower part of the curve: nothing says where the ceiling is.
    point = fit_sigmoid(synthetic("C", TRUE_C, np.geomspace(1e19, 1e21, 6)), "C", extend=1.0)
    assert point.warnings and point.no_band_reason == "the data do not determine every coefficient"
    reported = []
    assert sigmoid_band(point, progress=lambda *step: reported.append(step)) is point and reported == []


def test_a_fixed_ceiling_is_kept_and_has_no_interval():
    fit = fit_benchmark(synthetic("C", TRUE_C | {"ceiling": 1.0}, np.geomspace(1e19, 1e23, 30)), "C", 1.0,
                        ceiling=1.0, n_boot=20)
    assert fit.params["ceiling"] == 1.0
    table = coefficient_table(fit, "C").set_index("coefficient")
    assert np.isnan(table.loc["ceiling", "95% low"]) and "fixed" in table.loc["ceiling", "meaning"]
    assert f"C = {10 ** fit.params['midpoint']:.3g}" in table.loc["midpoint", "meaning"]


def test_a_floor_fixed_at_chance_is_kept_with_a_fixed_ceiling():
    data = synthetic("C", TRUE_C | {"floor": 0.25, "ceiling": 1.0}, np.geomspace(1e19, 1e23, 30))
    fit = fit_benchmark(data, "C", 1.0, ceiling=1.0, floor=0.25, n_boot=20)
    assert (fit.params["floor"], fit.params["ceiling"]) == (0.25, 1.0)
    assert fit.fixed == {"ceiling": 1.0, "floor": 0.25}
    assert fit.params["midpoint"] == pytest.approx(TRUE_C["midpoint"], abs=0.05)
    table = coefficient_table(fit, "C").set_index("coefficient")
    assert "fixed" in table.loc["floor", "meaning"] and not np.isnan(table.loc["slope", "95% low"])


def test_no_bootstrap_refit_puts_a_score_ceiling_above_one():
    data = synthetic("C", TRUE_C | {"ceiling": 0.97}, np.geomspace(1e19, 1e24, 20), noise=0.04)
    fit = fit_benchmark(data, "C", 1.0, n_boot=40)
    assert fit.params["ceiling"] <= 1.0 and fit.intervals["ceiling"][1] <= 1.0
    assert "at a bound: ceiling" in fit.message  # the noisy scores would put it above 1
    assert fit.curve[["fit", "low", "high"]].max().max() <= 1.0


def test_a_chance_level_is_read_only_where_the_metric_has_one():
    assert chance_level(pd.Series({"metric": "acc_x", "chance": 0.25})) == 0.25
    assert chance_level(pd.Series({"metric": "acc_y", "chance": np.nan})) is None
    assert chance_level(pd.Series({"metric": "loss"})) is None


def test_too_few_distinct_x_values_is_a_clear_error():
    data = synthetic("C", TRUE_C, np.geomspace(1e19, 1e23, MIN_DISTINCT_X - 1))
    with pytest.raises(FitInputError, match=f"at least {MIN_DISTINCT_X}"):
        fit_benchmark(data, "C", 1.0)


def test_the_grid_runs_decades_past_the_largest_size_and_nats_below_the_lowest_loss():
    grid = extrapolation_grid([1e20, 3e21, 1e22], "C", extend=2.0)
    inside, beyond = grid[~grid["beyond"]]["C"], grid[grid["beyond"]]["C"]
    assert inside.min() == pytest.approx(1e20) and inside.max() == pytest.approx(1e22)
    assert beyond.min() == pytest.approx(1e22) and beyond.max() == pytest.approx(1e24)
    assert grid["C"].is_monotonic_increasing

    losses = extrapolation_grid([2.4, 3.0, 3.3], LOSS_COLUMN, extend=0.3)
    beyond = losses[losses["beyond"]][LOSS_COLUMN]
    assert beyond.min() == pytest.approx(2.1) and beyond.max() == pytest.approx(2.4)
    # Never past half-way to zero loss, however far one asks.
    assert extrapolation_grid([0.8, 1.0], LOSS_COLUMN, extend=5.0)[LOSS_COLUMN].min() == pytest.approx(0.4)
    assert not extrapolation_grid([1e20, 1e22], "C", extend=0.0)["beyond"].any()
