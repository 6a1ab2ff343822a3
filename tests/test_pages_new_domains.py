"""The families and laws of the wider store (vision, RL, routed MoE, public models) on the
existing pages, with no page change beyond what a new input needs."""

from __future__ import annotations

import json

from lib.figures import data_axis_label
from lib.store import Store
from tests.pages import open_page, texts
from tests.test_page_benchmarks import size


def chart_spec(app) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def test_explore_draws_vision_learning_curves_against_images_seen():
    app = open_page("explore_page", families="alabdulmohsin2022_ic_vit_b_16,alabdulmohsin2022_ic_bit_50_1",
                    metric="nshot_error_inet_10", x="D")
    assert not app.exception
    spec = chart_spec(app)
    assert spec["layout"]["xaxis"]["title"]["text"] == "Samples seen D"
    assert len(spec["data"]) == 2 and all(size(trace["x"]) > 5 for trace in spec["data"])


def test_explore_says_what_d_counts_for_fine_tuning_and_reinforcement_learning():
    app = open_page("explore_page", families="lin2024_finetune_flan", metric="finetune_test_loss_flan", x="D")
    assert not app.exception
    assert chart_spec(app)["layout"]["xaxis"]["title"]["text"] == "Training examples D"
    app = open_page("explore_page", families="fu2025_bro_dmc", metric="env_steps_to_return_threshold", x="N")
    assert not app.exception and chart_spec(app)["layout"]["xaxis"]["title"]["text"] == "Parameters N"


def test_a_mixed_data_axis_names_every_unit():
    assert data_axis_label("D", ["tokens", "examples", None]) == "Data D (examples, tokens)"
    assert data_axis_label("D", ["tokens"]) == "Training tokens D"
    assert data_axis_label("D_over_N", ["samples"]) == "Data per parameter D/N (samples)"
    assert data_axis_label("C", ["samples"]) == "Training FLOPs C"


def test_fit_offers_the_routing_law_for_routed_families_and_fits_it():
    app = open_page("fit_page", families="clark2022_routing_s_base,clark2022_routing_dense", law="routing",
                    metric="clark2022_loss_validation", final="1", boot="0")
    assert not app.exception
    assert next(box for box in app.selectbox if box.label == "Law").value == "routing"
    assert not any("needs" in text and "experts" in text for text in texts(app.warning))
    coefficients = next(frame.value for frame in app.dataframe if "E_max" in set(frame.value.iloc[:, 0].astype(str)))
    assert len(coefficients) == 6


def test_benchmarks_fits_public_models_across_families():
    app = open_page("benchmarks_page", families="ho2025_public_models", metric="epoch_mmlu_5shot", x="C")
    assert not app.exception
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    markers = sum(size(trace["x"]) for trace in spec["data"] if trace.get("mode") == "markers")
    assert markers >= 100  # the models with a public training compute


def test_sources_lists_a_new_paper_with_its_families_and_release():
    app = open_page("sources_page", paper="clark2022")
    assert not app.exception
    frames = [frame.value for frame in app.dataframe]
    repositories = next(frame for frame in frames if "repository" in frame.columns)
    assert "https://github.com/google-deepmind/scaling_laws_for_routing" in set(repositories["repository"])
    store = Store()
    try:
        families = store.families(paper_id="clark2022")
    finally:
        store.close()
    assert set(families["family_id"]) == {f"clark2022_routing_{kind}" for kind in ("dense", "hash", "rl_r", "s_base")}
