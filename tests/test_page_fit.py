"""The Fit page through AppTest: the fit, its status, intervals, the paper's coefficients beside
it, and clear messages for fits that cannot run."""

from __future__ import annotations

import json

import pytest

from tests.pages import open_page, texts


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
    assert texts(app.warning)[0].startswith("No loss law 'kaplan_nd' in the registry")
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
