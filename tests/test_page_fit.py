"""The Fit page through AppTest: the fit, its status, intervals, the paper's coefficients beside
it, and clear messages for fits that cannot run."""

from __future__ import annotations

import json

import pytest

from tests.pages import open_page, texts
from ui.text import plain


@pytest.fixture(scope="module")
def chinchilla_fit():
    return open_page("fit_page", families="chinchilla_epoch", law="chinchilla", top="5", boot="50")


def test_the_fit_converges_and_reports_its_status(chinchilla_fit):
    assert not chinchilla_fit.exception
    [status] = texts(chinchilla_fit.success)
    assert status.startswith("Converged") and "240 points" in status


def test_fitted_coefficients_sit_beside_besiroglus_with_intervals(chinchilla_fit):
    table = chinchilla_fit.dataframe[0].value.set_index("coefficient")
    assert table.loc["alpha", "fitted"] == pytest.approx(0.3473, abs=5e-4)  # Besiroglu et al.'s data and method
    assert table.loc["alpha", "besiroglu2024_approach3"] == pytest.approx(0.3478)
    assert table.loc["alpha", "low"] < table.loc["alpha", "fitted"] < table.loc["alpha", "high"]
    assert "Δ vs hoffmann2022_approach3" in table.columns


def test_the_law_is_shown_in_latex_with_its_fitted_values(chinchilla_fit):
    latex = [text.strip("$\n") for text in texts(chinchilla_fit.latex)]
    assert latex[0] == r"L(N, D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}"
    assert r"\hat{\alpha} = 0.3473" in latex[1]


def test_the_fit_chart_has_runs_and_a_curve(chinchilla_fit):
    spec = json.loads(chinchilla_fit.get("plotly_chart")[0].proto.spec)
    modes = [trace.get("mode") for trace in spec["data"]]
    assert "markers" in modes and "lines" in modes


def test_runs_trained_at_one_ratio_are_drawn_along_it():
    app = open_page("fit_page", families="openlm_rw_m20,openlm_c4_m20", law="chinchilla", boot="0",
                    metric="val_loss_c4_eval")
    names = [trace.get("name") for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]]
    assert "fit at D/N = 20" in names
    assert any(text.startswith("These runs were all trained at about 20 tokens per parameter") for text in texts(app.caption))


def test_an_unknown_law_in_a_link_is_named_and_the_chinchilla_law_shown():
    app = open_page("fit_page", families="chinchilla_epoch", law="kaplan_nd", boot="0")
    assert texts(app.warning)[0].startswith(f"No loss law '{plain('kaplan_nd')}' in the registry")
    assert app.selectbox[1].value == "chinchilla" and texts(app.success)[0].startswith("Converged")


def test_a_one_variable_law_fits_against_its_x():
    app = open_page("fit_page", families="chinchilla_epoch", law="power_law_offset", x="N", boot="0")
    assert not app.exception
    assert texts(app.success)[0].startswith("Converged")
    assert app.dataframe[0].value["coefficient"].tolist() == ["E", "A", "alpha"]


def test_a_fit_that_cannot_run_says_why():
    app = open_page("fit_page", families="chinchilla_epoch", top="1000", boot="0")
    assert texts(app.error) == ["This fit cannot run: cannot leave out the 1000 highest-loss runs of only 245"]


def test_a_held_out_cutoff_reports_the_extrapolation_error():
    app = open_page("fit_page", families="chinchilla_epoch", boot="0", cutoff="1e21")
    shown = {metric.label: metric.value for metric in app.metric}
    assert shown["Fitted on"] == "222 runs" and shown["Tested on"] == "23 runs"


def test_a_link_with_unreadable_numbers_opens_with_defaults():
    app = open_page("fit_page", families="chinchilla_epoch", boot="0", top="many", fix="alpha:abc")
    assert not app.exception
    assert texts(app.success)[0].startswith("Converged")
    fixed = [box.value for box in app.number_input if box.label == "alpha ="]
    assert fixed == [0.3]


# The data-constrained law needs each run's unique tokens U: offered where the points record them.

MUENNIGHOFF = dict(families="muennighoff2023_final_c4", metric="muennighoff2023_val_loss_c4")


@pytest.fixture(scope="module")
def data_constrained_fit():
    return open_page("fit_page", law="data_constrained", boot="0", **MUENNIGHOFF)


def test_the_data_constrained_law_fits_runs_that_record_unique_tokens(data_constrained_fit):
    assert not data_constrained_fit.exception
    assert data_constrained_fit.selectbox[1].value == "data_constrained"
    [status] = texts(data_constrained_fit.success)
    assert status.startswith("Converged") and "296 points" in status


def test_the_data_constrained_coefficients_are_shown(data_constrained_fit):
    table = data_constrained_fit.dataframe[0].value.set_index("coefficient")
    assert table.index.tolist() == ["E", "A", "B", "alpha", "beta", "R_D_star", "R_N_star"]
    # All 296 curated final C4 losses, Huber delta 1e-3 on log loss (see tests/test_fit_data_constrained.py).
    assert table.loc["E", "fitted"] == pytest.approx(1.827, rel=0.02)
    assert table.loc["alpha", "fitted"] == pytest.approx(0.344, rel=0.02)
    assert table.loc["R_N_star", "fitted"] == pytest.approx(3.54, rel=0.05)
    latex = [text.strip("$\n") for text in texts(data_constrained_fit.latex)]
    assert latex[0].startswith(r"L = E + \frac{A}{N'^{\alpha}}") and r"\hat{R_D^*} = " in latex[1]


def test_the_data_constrained_curve_is_drawn_without_repetition(data_constrained_fit):
    assert any("unique tokens U = tokens D" in text for text in texts(data_constrained_fit.caption))


def test_the_data_constrained_law_is_not_offered_without_unique_tokens():
    app = open_page("fit_page", families="chinchilla_epoch", law="data_constrained", boot="0")
    assert "data_constrained" not in app.selectbox[1].options
    assert texts(app.warning)[0].startswith("The data-constrained scaling law (data_constrained) needs each run's unique tokens U")
    assert app.selectbox[1].value == "chinchilla" and texts(app.success)[0].startswith("Converged")
    assert any(text.startswith("The data-constrained law is offered for families whose runs record") for text in texts(app.caption))


def test_method_sensitivity_refits_under_each_method_through_its_toggle():
    app = open_page("fit_page", families="chinchilla_epoch", law="chinchilla", top="5", boot="0", delta="0.001")
    toggle = next(t for t in app.toggle if t.label == "Refit under the other losses and exclusions")
    toggle.set_value(True).run(timeout=120)
    assert not app.exception
    assert app.query_params["sens"] == "1"
    methods = app.dataframe[-1].value
    assert {"log-Huber delta=1e-3", "log-Huber delta=1e-2"} <= set(methods.iloc[:, 0])
    assert methods["alpha"].between(0.2, 0.5).all()


def test_a_fit_the_data_cannot_pin_down_skips_its_bootstrap_and_says_why():
    """Gadre et al.'s M = 20 runs all lie at one D/N: 200 refits would wander (26 s in the app);
    the page answers without them and says what to do instead."""
    app = open_page("fit_page", families="openlm_rw_m20", law="chinchilla", boot="200")
    assert not app.exception
    chosen = {box.label: box.value for box in app.selectbox}
    assert chosen["Metric"] == "val_loss_c4_eval" and chosen["Bootstrap refits"] == 200
    assert ("No band: the bootstrap was not run, as the fit is not identifiable: every point has the same D/N, so the "
            "data cannot separate the effects of N and D; fix or tie coefficients (e.g. an exponent at a published "
            "value), or add points off that line.") in texts(app.warning)
    assert not any(text.startswith("Intervals:") for text in texts(app.caption))
    assert {"low", "high"}.isdisjoint(app.dataframe[0].value.columns)


def test_a_routing_law_in_a_link_for_families_without_experts_is_named_with_what_it_needs():
    app = open_page("fit_page", families="chinchilla_epoch", law="routing", boot="0")
    assert not app.exception
    assert "(routing) needs each run's number of experts E, which these families' points do not record" in texts(app.warning)[0]


def test_the_band_says_how_often_the_backtests_bands_held_the_runs_past_the_data(chinchilla_fit):
    """The stored backtest scored Chinchilla's form by log-Huber: its 95% bands held 36% of the
    held-out runs, which the caption under the intervals says; a fit without a band says nothing."""
    [calibration] = [text for text in texts(chinchilla_fit.caption) if text.startswith("Backtest:")]
    assert "chinchilla by log-Huber delta=1e-3 had its 95% band hold 36% of the larger, held-out runs" in calibration
    unbanded = open_page("fit_page", families="chinchilla_epoch", law="chinchilla", boot="0")
    assert not [text for text in texts(unbanded.caption) if text.startswith("Backtest:")]
