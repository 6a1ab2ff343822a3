"""The Benchmarks page, driven through Streamlit's AppTest."""

from __future__ import annotations

import base64
import json

import numpy as np
import streamlit as st
from streamlit.testing.v1 import AppTest

import lib.benchmarks
import lib.figures
from tests.pages import open_page
from ui import share

OPENLM = "openlm_rw_m20,openlm_c4_m20,openlm_rpj_m20"


def chart(app: AppTest) -> dict:
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def size(values) -> int:
    """Plotly 7 sends numeric arrays base64-encoded with their dtype."""
    if isinstance(values, dict):
        return len(base64.b64decode(values["bdata"])) // np.dtype(values["dtype"]).itemsize
    return len(values)


def marker_count(spec: dict) -> int:
    return sum(size(trace["x"]) for trace in spec["data"] if trace.get("mode") == "markers")


def trace_names(spec: dict) -> set[str]:
    return {trace.get("name") for trace in spec["data"]}


def test_the_default_view_draws_mmlu_against_compute_with_a_fit_past_the_data():
    app = open_page("benchmarks_page")
    assert not app.exception and not app.warning
    spec = chart(app)
    assert marker_count(spec) >= 30
    assert {"Sigmoid fit", "Sigmoid fit, extrapolated", "95% bootstrap band"} <= trace_names(spec)
    assert spec["layout"]["xaxis"]["type"] == "log"
    assert any(a["text"] == "beyond the data" for a in spec["layout"]["annotations"])
    coefficients = next(frame.value for frame in app.dataframe if "coefficient" in frame.value.columns)
    assert list(coefficients["coefficient"]) == ["floor", "ceiling", "slope", "midpoint"]
    assert (coefficients["95% low"] <= coefficients["value"]).all() and (coefficients["value"] <= coefficients["95% high"]).all()
    assert app.query_params["metric"] == "acc_mmlu_5shot" and app.query_params["x"] == "C"
    assert app.query_params["fit"] == "sigmoid"


def test_the_default_view_draws_its_point_fit_before_the_refits_then_its_band_in_the_same_place(monkeypatch):
    st.cache_data.clear()
    events, curves = [], []
    chart_of, show_chart, bootstrap = lib.figures.benchmark_chart, share.show_chart, lib.benchmarks.bootstrap
    monkeypatch.setattr(lib.figures, "benchmark_chart",
                        lambda *a, **k: (curves.append(k["curve"]), chart_of(*a, **k))[1])
    monkeypatch.setattr(share, "show_chart", lambda figure: (events.append("chart"), show_chart(figure)))
    monkeypatch.setattr(lib.benchmarks, "bootstrap", lambda *a, **k: (events.append("refits"), bootstrap(*a, **k))[1])
    app = open_page("benchmarks_page")
    assert not app.exception and not app.warning
    assert events == ["chart", "refits", "chart"]
    point, banded = curves
    assert point["fit"].notna().all() and point["low"].isna().all() and banded["low"].notna().all()
    assert "95% bootstrap band" in trace_names(chart(app))  # one chart: the band's drawing took the point fit's place
    assert any("band and intervals: 95% percentiles over 100 bootstrap refits (seed 0)" in caption.value
               for caption in app.caption)
    events.clear()
    curves.clear()
    app.run()  # this session has seen the band: drawn once, at once, from the cache
    assert events == ["chart"] and curves[0]["low"].notna().all()


def test_a_fit_without_a_band_is_drawn_once_and_runs_no_refits(monkeypatch):
    st.cache_data.clear()
    events = []
    show_chart, bootstrap = share.show_chart, lib.benchmarks.bootstrap
    monkeypatch.setattr(share, "show_chart", lambda figure: (events.append("chart"), show_chart(figure)))
    monkeypatch.setattr(lib.benchmarks, "bootstrap", lambda *a, **k: (events.append("refits"), bootstrap(*a, **k))[1])
    # Seven final Pythia checkpoints do not determine the sigmoid: it gets no band.
    app = open_page("benchmarks_page", families="pythia", metric="acc_lambada_openai_0shot", x="N", checkpoints="final")
    assert not app.exception
    assert events == ["chart"] and any(warning.value.startswith("No uncertainty band") for warning in app.warning)


def test_changing_the_benchmark_redraws_the_chart():
    app = open_page("benchmarks_page")
    before = chart(app)
    app.selectbox(key="widget_metric").set_value("acc_arc_challenge_25shot").run()
    assert not app.exception
    after = chart(app)
    assert after["layout"]["yaxis"]["title"]["text"] == "ARC-Challenge (25-shot)"
    assert after["data"] != before["data"]
    assert app.query_params["metric"] == "acc_arc_challenge_25shot"


def test_scores_against_a_loss_are_paired_by_run_and_fitted_in_the_loss():
    app = open_page("benchmarks_page", families=OPENLM, metric="acc_arc_easy_10shot_llmfoundry",
                    x="val_loss_openlm_eval", ceiling="perfect")
    assert not app.exception and not app.warning
    spec = chart(app)
    assert spec["layout"]["xaxis"]["type"] == "linear"
    assert spec["layout"]["xaxis"]["title"]["text"].startswith("Val loss: OpenLM eval")
    assert marker_count(spec) == 18  # six sizes on each of three datasets, every one with its loss
    assert "Sigmoid fit" in trace_names(spec)
    points = next(frame.value for frame in app.dataframe if "L" in frame.value.columns)
    assert points["L"].notna().all()


def test_the_sources_chance_level_is_drawn_and_can_fix_the_floor():
    app = open_page("benchmarks_page", families=OPENLM, metric="acc_hellaswag_0shot_llmfoundry", floor="chance")
    assert not app.exception
    spec = chart(app)
    chance_lines = [shape for shape in spec["layout"]["shapes"] if shape.get("y0") == shape.get("y1") == 0.25]
    assert len(chance_lines) == 1
    assert "chance 0.25" in [note["text"] for note in spec["layout"]["annotations"]]
    floor = app.radio(key="widget_floor")
    assert floor.value == "chance"
    coefficients = next(frame.value for frame in app.dataframe if "coefficient" in frame.value.columns)
    row = coefficients.set_index("coefficient").loc["floor"]
    assert row["value"] == 0.25 and "fixed" in row["meaning"]


def test_a_metric_without_a_stated_chance_level_draws_none_and_offers_no_floor_choice():
    app = open_page("benchmarks_page")  # MMLU of the observational-scaling families: the source states no chance level
    assert not any(shape.get("y0") == shape.get("y1") for shape in chart(app)["layout"].get("shapes", []))
    assert "Floor" not in [radio.label for radio in app.radio]


def test_checkpoints_choose_between_final_and_all():
    app = open_page("benchmarks_page", families="pythia", metric="acc_lambada_openai_0shot", x="N", fit="none")
    assert not app.exception
    final = marker_count(chart(app))
    assert final == 7  # seven Pythia sizes
    app.radio(key="widget_checkpoints").set_value("all").run()
    assert marker_count(chart(app)) > 10 * final
    assert app.query_params["checkpoints"] == "all"
    assert trace_names(chart(app)) & {"Sigmoid fit"} == set()


def test_a_fit_with_too_few_points_warns_and_still_draws_them():
    app = open_page("benchmarks_page", families="ruan2024_llama-2", metric="acc_mmlu_5shot")
    assert not app.exception
    assert any("cannot determine a four-coefficient sigmoid" in warning.value for warning in app.warning)
    spec = chart(app)
    assert marker_count(spec) == 3 and "Sigmoid fit" not in trace_names(spec)


def test_a_fit_the_data_do_not_determine_is_drawn_without_a_band_and_says_why():
    # Seven final Pythia checkpoints: the floor and midpoint of the sigmoid trade off.
    app = open_page("benchmarks_page", families="pythia", metric="acc_lambada_openai_0shot", x="N", checkpoints="final")
    assert not app.exception
    assert any(warning.value.startswith("No uncertainty band") for warning in app.warning)
    names = trace_names(chart(app))
    assert "Sigmoid fit" in names and "95% bootstrap band" not in names
    coefficients = next(frame.value for frame in app.dataframe if "coefficient" in frame.value.columns)
    assert coefficients["95% low"].isna().all()


def test_no_family_is_an_empty_state_and_families_without_scores_are_not_offered():
    app = open_page("benchmarks_page", families="")
    assert not app.exception
    assert any("Choose one or more families" in info.value for info in app.info)
    offered = app.multiselect(key="widget_families").options
    assert not any("Chinchilla" in label for label in offered)


def test_a_view_with_no_drawable_score_warns_instead_of_drawing():
    # Ruan et al. give no training FLOPs for Qwen2, so none of its MMLU scores has a C.
    app = open_page("benchmarks_page", families="ruan2024_qwen2", metric="acc_mmlu_5shot", x="C")
    assert not app.exception
    assert any("None of these runs has both" in warning.value for warning in app.warning)
    assert not app.get("plotly_chart")


def test_a_loss_the_families_do_not_have_falls_back_to_compute():
    app = open_page("benchmarks_page", families="ruan2024_opt,ruan2024_pythia", x="val_loss_openlm_eval")
    assert not app.exception
    assert app.selectbox(key="widget_x").value == "C"
    assert app.query_params["x"] == "C"
