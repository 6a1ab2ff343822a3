"""Reproduction verdicts and the extrapolation backtest (lib.verdicts) on families whose truth is
known: generated from given coefficients, with and without a printed coefficient moved."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from lib.laws import get_law
from lib.laws.published import PublishedLaw
from lib.verdicts.backtest import backtest_family, leaderboard, scores_frame
from lib.verdicts.law_runs import params_column
from lib.verdicts.refit_method import parse_fit_options
from lib.verdicts.reproduce import law_verdict
from lib.verdicts.views import band_calibration

TRUTH = {"E": 1.8, "A": 480.0, "B": 2100.0, "alpha": 0.35, "beta": 0.37}


def synthetic_runs(params: dict = TRUTH, noise: float = 0.003, seed: int = 0) -> pd.DataFrame:
    """IsoFLOP-like runs over three decades of compute, losses from the Chinchilla form with
    log-normal noise."""
    rng = np.random.default_rng(seed)
    n = np.logspace(7, 10, 16)
    d = np.logspace(9, 12, 16)
    grid_n, grid_d = (a.ravel() for a in np.meshgrid(n, d))
    loss = get_law("chinchilla").predict(params, {"N": grid_n, "D": grid_d}) * np.exp(rng.normal(0, noise, grid_n.size))
    return pd.DataFrame({
        "family_id": "synthetic", "run_id": [f"r{i}" for i in range(grid_n.size)], "step": np.nan,
        "metric": "train_loss", "value": loss, "N": grid_n, "D": grid_d, "C": 6 * grid_n * grid_d,
    })


class OneFamilyStore:
    """The two store queries a verdict reads, over one family of runs."""

    def __init__(self, runs: pd.DataFrame):
        self.runs = runs

    def metrics_of(self, families):
        return pd.DataFrame({"metric": ["train_loss"], "kind": ["loss"], "points": [len(self.runs)]})

    def points(self, families, metric=None):
        return self.runs


def printed_law(params: dict, completeness: str = "complete", fit_options: str = "loss=huber; delta=1e-3; space=log"):
    return PublishedLaw(law_id="synthetic_law", paper_id="synthetic", family_id="synthetic", form=get_law("chinchilla"),
                        x_var="N,D", output="loss", completeness=completeness, params=params, fit_options=fit_options)


def verdict_on_truth(params: dict, **law_options):
    return law_verdict(printed_law(params, **law_options), OneFamilyStore(synthetic_runs()), {"synthetic"})


def test_the_true_coefficients_reproduce():
    verdict = verdict_on_truth(TRUTH)
    assert verdict.verdict == "reproduces", verdict.reason
    assert all(check.inside for check in verdict.coefficients)
    assert verdict.prediction_gap < 0.005


def test_a_law_counted_without_embeddings_is_refitted_on_the_runs_count_without_embeddings():
    """Runs generated in N without embeddings, recorded with a total count 30% larger as N: the
    law whose row says non_embedding reproduces on N_non_embedding; read on N it would differ."""
    runs = synthetic_runs()
    runs = runs.assign(N_non_embedding=runs["N"], N=runs["N"] * 1.3)
    law = replace(printed_law(TRUTH), param_convention="non_embedding")
    assert params_column(law, runs) == "N_non_embedding"
    assert law_verdict(law, OneFamilyStore(runs), {"synthetic"}).verdict == "reproduces"
    assert law_verdict(printed_law(TRUTH), OneFamilyStore(runs), {"synthetic"}).verdict != "reproduces"
    assert params_column(law, runs.assign(N_non_embedding=np.nan)) == "N"  # not recorded: the runs' own N


def test_a_coefficient_moved_by_30_percent_differs_and_is_named():
    verdict = verdict_on_truth({**TRUTH, "B": TRUTH["B"] * 1.3})
    assert verdict.verdict == "differs", verdict.reason
    outside = [check.param for check in verdict.coefficients if not check.inside]
    assert "B" in outside and "B printed 2730" in verdict.reason
    assert verdict.prediction_gap > 0.02 and verdict.gap_past_data > 0.02


def test_a_partial_law_is_judged_on_the_exponents_it_prints():
    exponents = {"alpha": TRUTH["alpha"], "beta": TRUTH["beta"]}
    assert verdict_on_truth(exponents, completeness="partial").verdict == "reproduces"
    moved = verdict_on_truth({"alpha": 0.35 * 1.3, "beta": TRUTH["beta"]}, completeness="partial")
    assert moved.verdict == "differs" and moved.prediction_gap is None


def test_an_unrecorded_method_tries_every_variant_and_says_so():
    verdict = verdict_on_truth(TRUTH, fit_options="")
    assert verdict.verdict == "reproduces"
    assert len(verdict.variants) == 5 and verdict.reason.startswith("the paper's method is not recorded, so 5 methods")


def test_a_law_whose_runs_are_not_in_the_store_has_no_data():
    verdict = law_verdict(printed_law(TRUTH), OneFamilyStore(synthetic_runs()), {"another_family"})
    assert (verdict.verdict, verdict.reason) == ("no data", "the runs it was fitted on are not in the store")


def test_fixed_coefficients_are_held_and_not_judged():
    verdict = verdict_on_truth(TRUTH, fit_options="loss=huber; delta=1e-3; space=log; fixed=E,alpha")
    fixed = {check.param: check for check in verdict.coefficients if check.fixed}
    assert set(fixed) == {"E", "alpha"} and fixed["E"].refit == TRUTH["E"]
    assert verdict.verdict == "reproduces"


@pytest.mark.parametrize(
    ("text", "message"),
    [("loss=huber; delta", "fit_options: 'delta' is not key=value"), ("weights=1", "fit_options: unknown key(s) ['weights']"),
     ("loss=l1", "fit_options: loss must be one of ('huber', 'mse') and space one of ('log', 'linear')")],
)
def test_a_malformed_fit_options_value_is_refused_by_name(text, message):
    with pytest.raises(ValueError) as error:
        parse_fit_options(text)
    assert str(error.value) == message


def test_the_backtest_scores_a_law_fitted_on_truth_generated_runs_near_zero_error():
    scores = scores_frame(backtest_family("synthetic", synthetic_runs(noise=0.001)))
    chinchilla = scores[(scores["form"] == "chinchilla") & (scores["method"] == "log-Huber delta=1e-3")].iloc[0]
    assert chinchilla["outcome"] == "converged" and chinchilla["axis"] == "C"
    assert chinchilla["mean_abs_rel_error"] < 0.003
    assert chinchilla["n_test"] >= 3 and chinchilla["n_train"] > chinchilla["n_test"]
    # A pure power law in compute has no floor: it misses the truth past the cutoff by far more.
    power = scores[(scores["form"] == "power_law") & (scores["method"] == "log-Huber delta=1e-3")].iloc[0]
    assert power["mean_abs_rel_error"] > 5 * chinchilla["mean_abs_rel_error"]


def test_a_family_spanning_less_than_the_minimum_range_is_not_backtested():
    narrow = synthetic_runs()
    narrow = narrow[narrow["N"].between(1e8, 5e8) & narrow["D"].between(1e10, 5e10)]
    assert backtest_family("narrow", narrow) == []


def test_the_leaderboard_ranks_by_median_error_and_counts_failures():
    scores = pd.DataFrame({
        "family": ["a", "b", "a", "b"], "form": ["f", "f", "g", "g"], "method": "m",
        "outcome": ["converged", "converged", "converged", "failed"],
        "mean_abs_rel_error": [0.01, 0.03, 0.005, np.nan], "coverage": [1.0, 0.5, 0.0, np.nan],
    })
    board = leaderboard(scores)
    assert board[["form", "families", "failures"]].values.tolist() == [["g", 1, 1], ["f", 2, 0]]
    assert board.loc[1, "median_abs_rel_error"] == pytest.approx(0.02) and board.loc[1, "coverage"] == 0.75


def test_a_band_says_how_often_the_backtests_bands_of_its_form_and_method_held_the_runs_past_the_data():
    board = pd.DataFrame({
        "form": ["chinchilla", "chinchilla"], "method": ["log-Huber delta=1e-3", "least squares, log"],
        "families": [29, 29], "median_abs_rel_error": [0.08, 0.07], "coverage": [0.3588, 0.93], "failures": [13, 13],
    })
    assert band_calibration(board, "chinchilla", "huber", 1e-3, "log") == (
        "Backtest: fitted on each family's smaller runs, chinchilla by log-Huber delta=1e-3 had its 95% band hold 36% "
        "of the larger, held-out runs over 29 families; read the band past the data as a lower bound on the "
        "uncertainty (Backtest page).")
    nominal = band_calibration(board, "chinchilla", "mse", 1e-2, "log")
    assert nominal.endswith("close to its nominal level (Backtest page).")
    assert band_calibration(board, "chinchilla", "huber", 1e-2, "log") == ""  # no backtest method fits with this delta
    assert band_calibration(board, "bnsl", "huber", 1e-3, "log") == ""


def test_a_law_counting_parameters_in_a_way_the_runs_do_not_record_cannot_be_checked():
    options = "loss=huber; delta=1e-3; space=log; params=N without the input embedding"
    verdict = verdict_on_truth(TRUTH, fit_options=options)
    assert verdict.verdict == "cannot check"
    assert verdict.reason == ("it counts parameters in a way the store's runs do not record: "
                              "N without the input embedding")
