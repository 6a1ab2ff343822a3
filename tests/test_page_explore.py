"""The Explore page through AppTest: widgets drive the chart, the table and the URL."""

from __future__ import annotations

import json

from tests.pages import open_page, texts


def chart_spec(app) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def test_explore_plots_the_families_of_the_link_with_units_on_the_axis():
    app = open_page("explore_page", families="openlm_rw_m5,openlm_rw_m640", metric="val_loss_c4_eval", x="N")
    assert not app.exception
    spec = chart_spec(app)
    assert spec["layout"]["xaxis"]["title"]["text"] == "Parameters N"
    assert len(spec["data"]) == 2  # one trace per family
    assert all(len(trace["x"]) >= 1 for trace in spec["data"])
    assert app.dataframe[0].value["metric"].unique().tolist() == ["val_loss_c4_eval"]


def test_changing_the_x_axis_rewrites_the_chart_and_the_url():
    app = open_page("explore_page", families="chinchilla_epoch")
    app.selectbox(key="widget_x").set_value("D").run()
    assert chart_spec(app)["layout"]["xaxis"]["title"]["text"] == "Training tokens D"
    assert app.query_params["x"] == "D"


def test_the_non_embedding_convention_says_which_points_it_cannot_draw():
    app = open_page("explore_page", families="chinchilla_epoch", x="N", params="N_non_embedding")
    assert any("choose another x axis or convention" in text for text in texts(app.warning))


def test_an_unknown_family_in_a_link_is_named_and_the_rest_opens():
    app = open_page("explore_page", families="chinchilla_epoch,no_such_family")
    assert r"Not in the store, left out of this view: no\_such\_family." in texts(app.warning)
    assert app.get("plotly_chart")


def test_no_family_gives_an_empty_state():
    app = open_page("explore_page", families="")
    assert not app.exception and not app.get("plotly_chart")
    assert any("Choose one or more families" in text for text in texts(app.info))


def test_a_chosen_family_without_the_metric_is_named():
    app = open_page("explore_page", families="openlm_rw_m20,pythia", metric="val_loss_c4_eval")
    assert "No Val loss: C4 eval reported by: [language] Pythia (Pile). Choose another metric to see them." in texts(app.caption)
    assert [trace["name"] for trace in chart_spec(app)["data"]] == ["OpenLM on RefinedWeb, M=20 (Gadre et al. 2024)"]


def test_compute_counted_on_another_basis_is_named_in_the_caption_and_the_legend():
    app = open_page("explore_page", families="openclip_laion2b,porian2024_rw_base_short_kaplan_attention_train,chinchilla_epoch",
                    metric="train_loss", x="C")
    assert not app.exception
    caption = next(text for text in texts(app.caption) if text.startswith("Compute is not counted alike"))
    assert "attention FLOPs counted in an effective N" in caption
    legend = [trace["name"] for trace in chart_spec(app)["data"]]
    assert any(name.endswith("(C: attention FLOPs counted in an effective N)") for name in legend)
    assert "Chinchilla" in " ".join(legend) and not any("Chinchilla" in n and "(C:" in n for n in legend)


def test_six_nd_compute_needs_no_caveat():
    app = open_page("explore_page", families="porian2024_rw_base_short_kaplan_attention_train", metric="train_loss",
                    x="C", flops="C_6ND")
    assert not any(text.startswith("Compute is not counted alike") for text in texts(app.caption))
