"""Compare extrapolations through AppTest: fits and published laws at a target, with a table
of predictions and a clear message for a bad target or an unknown law."""

from __future__ import annotations

import json

import pytest

from tests.pages import open_page, shown_texts, texts
from ui.text import plain


@pytest.fixture(scope="module")
def at_1e25():
    return open_page("compare_page", laws="kaplan2020_L_ND,besiroglu2024_approach3", fitfam="chinchilla_epoch",
                     fitlaws="chinchilla", boot="0", target="1e25")


def test_every_chosen_law_gets_a_prediction_at_the_target(at_1e25):
    assert not at_1e25.exception
    table = at_1e25.dataframe[0].value.set_index("law")
    assert list(table.index) == ["chinchilla fit to chinchilla_epoch", "kaplan2020_L_ND", "besiroglu2024_approach3"]
    assert table.loc["besiroglu2024_approach3", "loss"] == pytest.approx(1.9145, abs=1e-3)
    assert table.loc["besiroglu2024_approach3", "times_beyond_data"] == pytest.approx(1e25 / 1.2956e22, rel=1e-3)
    assert (table["C"] == "1e25").all()  # FLOPs shown as text (Streamlit greys out floats past 1e21)


def test_an_unknown_fit_law_in_a_link_is_named_and_left_out():
    app = open_page("compare_page", fitfam="chinchilla_epoch", fitlaws="chinchilla,kaplan_nd", laws="", boot="0")
    assert r"No loss law in the registry, left out: kaplan\_nd." in texts(app.warning)
    assert list(app.dataframe[0].value["law"]) == ["chinchilla fit to chinchilla_epoch"]


def test_each_family_is_fitted_on_its_own_loss_and_one_without_a_loss_is_named():
    app = open_page("compare_page", fitfam="openlm_rw_m20,ruan2024_llama", laws="", boot="0", target="1e23")
    assert texts(app.warning)[0] == "Left out, the fit cannot run: ruan2024_llama reports no loss to fit"
    assert list(app.dataframe[0].value["law"]) == ["chinchilla fit to openlm_rw_m20 (val_loss_c4_eval)"]


def test_the_chart_marks_the_region_beyond_the_data(at_1e25):
    spec = json.loads(at_1e25.get("plotly_chart")[0].proto.spec)
    annotations = [a["text"] for a in spec["layout"]["annotations"]]
    assert "beyond every fit's data" in annotations and "target" in annotations
    dotted = [t for t in spec["data"] if t.get("line", {}).get("dash") == "dot"]
    assert dotted  # the fit's and Besiroglu's curves past the Chinchilla runs


def test_a_parameters_and_tokens_target_uses_that_model(at_1e25):
    app = open_page("compare_page", laws="besiroglu2024_approach3", fitfam="", fitlaws="", target="70B / 1.4T")
    row = app.dataframe[0].value.iloc[0]
    assert row["N"] == pytest.approx(70e9) and row["D"] == pytest.approx(1.4e12)
    assert row["loss"] == pytest.approx(1.82 + 482.01 / 70e9**0.3478 + 2085.43 / 1.4e12**0.3658, rel=1e-4)


def test_a_bad_target_is_explained():
    app = open_page("compare_page", laws="besiroglu2024_approach3", fitfam="", target="a lot")
    [error] = texts(app.error)
    assert error.startswith("Cannot read the target: the compute budget cannot be read (not a number)")


@pytest.mark.parametrize("target", ["70B", "70B/"])
def test_a_model_size_alone_is_refused_not_read_as_flops(target):
    """'70B' once became a budget of 7e10 FLOPs: losses of 5.9-43.8 drawn with a 638 % spread."""
    app = open_page("compare_page", laws="besiroglu2024_approach3,kaplan2020_L_ND", fitfam="", target=target)
    assert not app.exception
    [error] = texts(app.error)
    assert error.startswith("Cannot read the target: ")
    assert "plain number (1e25 or 3.8e25)" in error and "(70B / 1.4T, or 70B, 1.4T)" in error
    assert not app.get("plotly_chart") and not app.dataframe and not app.metric


def test_a_hostile_target_is_not_echoed_as_markdown():
    app = open_page("compare_page", laws="besiroglu2024_approach3", fitfam="", target="[click](https://evil.example) **x**")
    [error] = texts(app.error)
    assert "evil" not in error and "**" not in error


def test_an_unknown_law_in_a_link_is_named():
    app = open_page("compare_page", laws="besiroglu2024_approach3,made_up_law", fitfam="", target="1e24")
    assert r"Not a drawable published law in the store, left out: made\_up\_law." in texts(app.warning)
    assert len(app.dataframe[0].value) == 1


def test_a_damaged_fit_in_a_link_is_named_and_the_rest_opens():
    app = open_page("compare_page", laws="besiroglu2024_approach3", fitfam="", fits="garbage=1", target="1e24")
    assert not app.exception
    [warning] = texts(app.warning)
    assert warning.startswith("Left out, the fit cannot run: " + plain("garbage=1: this link's fit description is damaged"))
    assert len(app.dataframe[0].value) == 1


def test_a_fit_of_runs_at_one_ratio_is_drawn_along_it_with_the_fit_pages_verdict():
    """Gadre et al.'s M = 20 runs cannot pin down the compute-optimal frontier: the fit was once drawn
    along it to 1e25 FLOPs without a word."""
    app = open_page("compare_page", fitfam="openlm_rw_m20", fitlaws="chinchilla", laws="hoffmann2022_approach3",
                    boot="0", target="1e25")
    assert not app.exception
    [verdict] = [text for text in texts(app.warning) if "tokens per parameter" in text]
    assert verdict.startswith("chinchilla fit to openlm")
    assert "These runs were all trained at about 20 tokens per parameter, so the law is drawn along that ratio" in verdict
    table = app.dataframe[0].value.set_index("law")
    fit = table.loc["chinchilla fit to openlm_rw_m20 (val_loss_c4_eval)"]
    assert fit["D"] / fit["N"] == pytest.approx(20.0, rel=1e-6)
    assert ("chinchilla fit to openlm_rw_m20 (val_loss_c4_eval): at its runs' D/N = 20: they cannot pin down the "
            "compute-optimal split.") in shown_texts(app.caption)  # notes are listed under the table
    assert table.loc["hoffmann2022_approach3", "D"] / table.loc["hoffmann2022_approach3", "N"] != pytest.approx(20.0)
    legend = [trace["name"] for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]]
    assert "chinchilla fit to openlm_rw_m20 (val_loss_c4_eval) at D/N = 20" in legend


def test_fits_drawn_with_bands_say_how_often_the_backtests_bands_held_the_runs_past_the_data():
    app = open_page("compare_page", laws="", fitfam="chinchilla_epoch", fitlaws="chinchilla,power_law_offset",
                    boot="100", target="1e25")
    assert not app.exception
    calibrations = [text for text in texts(app.caption) if text.startswith("Backtest:")]
    assert len(calibrations) == 2 and "power_law_offset by log-Huber delta=1e-3 had its 95% band hold 69%" in calibrations[1]
