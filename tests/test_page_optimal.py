"""Compute-optimal through AppTest: allocations under each law for a budget, a model size or a
token budget, and IsoFLOP profiles with their minima."""

from __future__ import annotations

import json

import pytest

from lib.fit import chinchilla_allocation
from lib.fitspec import FitSpec
from tests.pages import open_page, shown_texts, texts
from ui.text import plain

BESIROGLU = {"E": 1.82, "A": 482.01, "B": 2085.43, "alpha": 0.3478, "beta": 0.3658}


def test_a_budget_is_split_under_each_law():
    app = open_page("optimal_page", laws="besiroglu2024_approach3,dubey2024_tokens_opt", mode="C", value="1e24")
    assert not app.exception
    table = app.dataframe[0].value.set_index("law")
    assert table.loc["besiroglu2024_approach3", "N_opt"] == pytest.approx(chinchilla_allocation(BESIROGLU).n_opt(1e24), rel=3e-3)
    assert table.loc["dubey2024_tokens_opt", "D_opt"] == pytest.approx(0.29 * 1e24**0.53)


def test_a_model_size_finds_the_budget_that_makes_it_optimal():
    app = open_page("optimal_page", laws="besiroglu2024_approach3", mode="N", value="70B")
    row = app.dataframe[0].value.iloc[0]
    assert row["N_opt"] == pytest.approx(70e9, rel=1e-3)
    assert float(row["C"]) == pytest.approx(6 * row["N_opt"] * row["D_opt"], rel=5e-3)  # shown to 3 digits


def test_the_allocation_line_shown_is_part_of_the_link():
    app = open_page("optimal_page", laws="besiroglu2024_approach3", line="D_opt")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["title"]["text"] == "Compute-optimal tokens D_opt"
    app.radio[0].set_value("N_opt").run()
    assert app.query_params["line"] == "N_opt"


def test_isoflop_profiles_show_runs_parabolas_and_minima():
    app = open_page("optimal_page", laws="besiroglu2024_approach3", isoflop="chinchilla_isoflops_epoch")
    spec = json.loads(app.get("plotly_chart")[-1].proto.spec)
    names = [trace.get("name") for trace in spec["data"]]
    assert "minima (parabola vertex)" in names
    assert any(text.startswith("Approach 2 on these runs: N_opt") for text in texts(app.caption))


def test_an_unreadable_value_is_explained():
    app = open_page("optimal_page", laws="besiroglu2024_approach3", mode="C", value="lots")
    assert texts(app.error)[0].startswith("Cannot read 'lots'")


@pytest.mark.parametrize(("mode", "value", "what"), [("N", "-70B", "a model size N"), ("D", "0", "a token budget D")])
def test_a_value_that_is_not_positive_is_refused(mode, value, what):
    app = open_page("optimal_page", laws="besiroglu2024_approach3", mode=mode, value=value)
    assert texts(app.error) == [f"Cannot read '{plain(value)}': {what} must be positive"]
    assert not app.dataframe


def test_a_damaged_fit_in_a_link_is_named_and_the_rest_opens():
    app = open_page("optimal_page", laws="besiroglu2024_approach3", fits="garbage=1")
    assert not app.exception
    assert texts(app.warning)[0].startswith("Left out, the fit cannot run: " + plain("garbage=1"))


def test_a_fit_of_runs_at_one_ratio_gets_no_compute_optimal_split_and_the_page_says_why():
    """Runs all at D = 20 N cannot pin down how a budget is best split: the fit is refused with the
    Fit page's verdict, and the published law beside it is still allocated."""
    token = FitSpec(families=("openlm_rw_m20",), metric="val_loss_c4_eval").to_token()
    app = open_page("optimal_page", laws="besiroglu2024_approach3", fits=token, mode="C", value="1e24")
    assert not app.exception
    [refusal] = [text for text in texts(app.warning) if text.startswith("No compute-optimal split")]
    assert "all trained at about 20 tokens per parameter; they cannot pin down its compute" in refusal.replace("\\", "")
    table = app.dataframe[0].value.set_index("law")
    fit = table.loc["chinchilla fit to openlm_rw_m20 (val_loss_c4_eval)"]
    assert fit["N_opt"] != fit["N_opt"]
    assert any(text.startswith("chinchilla fit to openlm_rw_m20 (val_loss_c4_eval): ")
               and "cannot pin down its compute-optimal split" in text for text in shown_texts(app.caption))
    assert table.loc["besiroglu2024_approach3", "N_opt"] > 0
    traces = [trace["name"] for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]]
    assert not any("openlm_rw_m20" in name for name in traces)
