"""Compare extrapolations through AppTest: fits and published laws at a target, with a table
of predictions and a clear message for a bad target or an unknown law."""

from __future__ import annotations

import json

import pytest

from tests.pages import open_page, texts


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
    assert "No loss law in the registry, left out: kaplan_nd." in texts(app.warning)
    assert list(app.dataframe[0].value["law"]) == ["chinchilla fit to chinchilla_epoch"]


def test_each_family_is_fitted_on_its_own_loss_and_one_without_a_loss_is_named():
    app = open_page("compare_page", fitfam="openlm_rw_m20,ruan2024_llama", laws="", boot="0", target="1e23")
    assert texts(app.warning) == ["Left out, the fit cannot run: ruan2024_llama reports no loss to fit"]
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
    assert error.startswith("Cannot read the target 'a lot'")


def test_an_unknown_law_in_a_link_is_named():
    app = open_page("compare_page", laws="besiroglu2024_approach3,made_up_law", fitfam="", target="1e24")
    assert "Not a drawable published law in the store, left out: made_up_law." in texts(app.warning)
    assert len(app.dataframe[0].value) == 1


def test_a_damaged_fit_in_a_link_is_named_and_the_rest_opens():
    app = open_page("compare_page", laws="besiroglu2024_approach3", fitfam="", fits="garbage=1", target="1e24")
    assert not app.exception
    [warning] = texts(app.warning)
    assert warning.startswith("Left out, the fit cannot run: garbage=1: this link's fit description is damaged")
    assert len(app.dataframe[0].value) == 1
