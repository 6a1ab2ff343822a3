"""The Reproductions and Backtest pages through AppTest, on the verdicts stored with the data
(data/verdicts.json): every filter and choice, a law's refit, a family's backtest, My runs, and
links from strangers."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from lib.ingest import detect_columns, encode_runs, example_csv, read_upload, validate
from lib.store import Store
from tests.pages import copied_link, open_page, shown_texts, texts, through_app


def table(app, index: int = 0):
    return app.dataframe[index].value


def test_reproductions_lists_every_published_law_with_its_verdict_and_a_refit_link():
    app = open_page("reproductions_page")
    assert not app.exception and not app.error
    rows = table(app)
    assert len(rows) >= 390 and {"✓ reproduces", "– no data"} <= set(rows["verdict"])
    besiroglu = rows[rows["law"] == "besiroglu2024_approach3"].iloc[0]
    assert besiroglu["verdict"] == "✓ reproduces"
    assert besiroglu["refit"] == "fit?families=chinchilla_epoch&law=chinchilla&metric=train_loss&loss=huber&delta=0.001&top=5"


def test_a_refit_link_holds_the_coefficients_the_paper_held_and_the_fit_page_fixes_them():
    """Muennighoff et al. fitted R_D* with E, A, B, alpha and beta held at their printed values:
    the refit link carries them, and the Fit page opens with each fixed at that value."""
    rows = table(open_page("reproductions_page"))
    link = rows[rows["law"] == "muennighoff2023_data_constrained"].iloc[0]["refit"]
    query = {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}
    assert query["fix"] == "A:521.0+B:1488.0+E:1.87+alpha:0.35+beta:0.35"
    app = open_page("fit_page", **query, boot="0")
    assert not app.exception and not app.error
    assert app.multiselect(key="widget_fix").value == ["A", "B", "E", "alpha", "beta"]
    assert {box.label: box.value for box in app.number_input if box.label.endswith(" =")} == {
        "A =": 521.0, "B =": 1488.0, "E =": 1.87, "alpha =": 0.35, "beta =": 0.35}


def test_the_verdict_filter_and_the_paper_choice_narrow_the_table_and_land_in_the_url():
    app = open_page("reproductions_page")
    app.multiselect(key="widget_verdicts").set_value(["reproduces"]).run()
    assert set(table(app)["verdict"]) == {"✓ reproduces"}
    app.selectbox(key="widget_paper").set_value("brandfonbrener2024").run()
    rows = table(app)
    assert len(rows) == 6 and rows["law"].str.startswith("brandfonbrener2024_chinchilla_").all()
    assert app.query_params["verdicts"] == "reproduces" and app.query_params["paper"] == "brandfonbrener2024"


def test_one_law_shows_its_printed_and_refit_coefficients_with_the_interval():
    app = open_page("reproductions_page", law="besiroglu2024_approach3")
    assert any(text.startswith("**✓ reproduces** — reproduces: all 5 printed coefficients") for text in shown_texts(app.markdown))
    coefficients = table(app, 1)
    assert sorted(coefficients["coefficient"]) == ["A", "B", "E", "alpha", "beta"]
    assert set(coefficients["printed vs interval"]) == {"inside"}
    app.selectbox(key="law").set_value("muennighoff2023_data_constrained").run()
    held = table(app, 1).set_index("coefficient")["printed vs interval"]
    assert held["E"] == "held at the printed value" and held["R_D_star"] == "outside"


def test_a_strangers_link_with_unknown_values_is_answered_in_plain_text():
    app = open_page("reproductions_page", verdicts="reproduces,[x](https://evil.example)", law="**nope**")
    assert not app.exception
    warnings = shown_texts(app.warning)
    assert "Unknown verdict(s) in the link: [x](https://evil.example); known: reproduces, close, differs, cannot check, no data." in warnings
    assert "No law '**nope**' with a refit among those shown; choose one below." in warnings


def test_the_rule_is_shown_as_written_in_lib_verdicts_rule():
    app = open_page("reproductions_page")
    assert any("reproduces  both tests pass." in text for text in texts(app.text))


def test_backtest_ranks_at_least_six_forms_and_draws_a_family_under_each_method():
    app = through_app("backtest_page", family="chinchilla_epoch")
    assert not app.exception and not app.error
    board = table(app)
    assert board["form"].nunique() >= 6 and board["families"].max() >= 20
    assert "205 runs fitted, 40 held out (the top third of the log range of C)." in texts(app.caption)
    app.radio(key="method").set_value("least squares, linear").run()
    names = {trace["name"] for trace in json.loads(app.get("plotly_chart")[1].proto.spec)["data"]}
    assert {"runs fitted on", "held-out runs", "chinchilla", "power_law"} <= names
    assert copied_link(app)["method"] == ["least squares, linear"]
    app.selectbox(key="widget_family").set_value("gemstones_hot").run()
    assert app.query_params["family"] == "gemstones_hot" and not app.exception


def test_my_runs_are_backtested_the_same_way():
    raw = read_upload("example.csv", example_csv().encode())
    token = encode_runs(validate(raw, detect_columns(list(raw.cells.columns), raw.cells)).runs)
    app = open_page("backtest_page", runs=token, family="my_runs")
    assert not app.exception
    scores = table(app, 1)
    assert set(scores["family"]) == {"my_runs"} and (scores["outcome"] != "").all()


def test_an_unknown_family_in_a_link_is_refused_plainly():
    app = open_page("backtest_page", family="<b>bold</b>")
    assert "No backtested family '<b>bold</b>'; choose one below." in shown_texts(app.warning)


def test_the_verdict_stands_beside_each_published_law_on_sources_compare_and_fit():
    sources = open_page("sources_page", paper="besiroglu2024")
    laws = sources.dataframe[2].value if len(sources.dataframe) > 2 else None
    shown = [frame.value for frame in sources.dataframe if "verdict" in frame.value.columns]
    assert shown and shown[0].set_index("law_id").loc["besiroglu2024_approach3", "verdict"] == "✓ reproduces", laws
    compare = open_page("compare_page", laws="besiroglu2024_approach3,muennighoff2023_data_constrained", target="1e24")
    assert ("Does each published law reproduce from its runs (Reproductions page): besiroglu2024_approach3: "
            "✓ reproduces; muennighoff2023_data_constrained: ✗ differs") in texts(compare.caption)
    fit = open_page("fit_page", families="chinchilla_epoch", law="chinchilla", boot="0")
    assert any("besiroglu2024_approach3: ✓ reproduces" in text for text in texts(fit.caption))


def test_a_refit_link_with_a_tokens_range_opens_the_fit_page_on_the_verdicts_refit():
    """McLeish et al. fitted on the checkpoints from 120B tokens on: the link keeps D >= 1.19e11,
    and the Fit page's coefficients are the verdict's refit, to the printed digit."""
    law = "mcleish2025_a3_hot_120bplus_only_delta3"
    rows = table(open_page("reproductions_page"))
    link = rows[rows["law"] == law].iloc[0]["refit"]
    query = {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}
    assert query["dmin"] == "1.19e+11" and "dmax" not in query and query["params"] == "N_total"
    app = open_page("fit_page", **query, boot="0")
    assert not app.exception and not app.error
    fitted = app.dataframe[0].value.set_index("coefficient")["fitted"]
    refit = Store().verdict_coefficients([law]).set_index("param")["refit"]
    assert fitted.to_dict() == pytest.approx(refit.to_dict(), rel=1e-6)
    assert any("770 points" in text for text in texts(app.warning) + texts(app.success))
