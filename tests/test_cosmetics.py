"""Small things that read as carelessness (issue 11, item 13): empty cells shown as "None", a metric
label repeating its id, legends sorted as text, ticks of one axis in two styles, and the Fit page's
top-K default left unexplained."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.figures import allocation_chart, family_traces
from lib.figures.style import axis_settings, natural_key
from lib.ingest import encode_runs
from tests.pages import open_page, texts
from tests.test_ingest_share import runs_table
from tests.test_page_runs import MESSY, uploaded
from ui.widgets import metric_label

# (page, link): views whose tables hold missing values, one per page that draws a table.
VIEWS_WITH_EMPTY_CELLS = [
    ("overview_page", {}),
    ("explore_page", {}),
    ("compare_page", {}),
    ("optimal_page", {}),
    ("benchmarks_page", {}),
    ("models_page", {}),
    ("sources_page", {"paper": "hoffmann2022"}),
    ("fit_page", {"families": "chinchilla_epoch", "boot": "0", "sens": "1"}),
]


def tables_showing_none(app) -> list[int]:
    """The tables of a view that show a missing value as the word "None" (Streamlit's default
    unless the table sets a placeholder)."""
    assert not app.exception
    tables = list(app.dataframe)
    assert tables, "the view shows no table"
    return [index for index, table in enumerate(tables)
            if not (table.proto.HasField("placeholder") and table.proto.placeholder == "")]


@pytest.mark.parametrize("page, link", VIEWS_WITH_EMPTY_CELLS, ids=[page for page, _ in VIEWS_WITH_EMPTY_CELLS])
def test_every_table_leaves_empty_cells_blank(page, link):
    assert tables_showing_none(open_page(page, **link)) == []


def test_the_upload_report_leaves_empty_cells_blank():
    assert tables_showing_none(uploaded(MESSY)) == []


def test_some_table_of_these_views_has_an_empty_cell():
    """The views above are worth checking: a page's default tables do hold missing values."""
    app = open_page("overview_page")
    assert any(table.value.isna().any().any() for table in app.dataframe)


def test_a_metric_label_never_repeats_its_id():
    assert metric_label("train_loss", "Training loss") == "Training loss (train_loss)"
    assert metric_label("loss", "loss (my runs)") == "loss (my runs)"


def test_my_runs_loss_is_offered_once_by_name():
    app = open_page("explore_page", families="my_runs", runs=encode_runs(runs_table(5)), metric="loss")
    options = app.selectbox(key="widget_metric").options
    assert "loss (my runs)" in options
    assert not [option for option in options if option.count("loss") > 1]


def test_names_sort_with_their_numbers_read_as_numbers():
    names = ["OpenLM on C4, M=160", "OpenLM on C4, M=20", "OpenLM on C4, M=5", "OpenLM on C4, M=10"]
    assert sorted(names, key=natural_key) == ["OpenLM on C4, M=5", "OpenLM on C4, M=10", "OpenLM on C4, M=20",
                                              "OpenLM on C4, M=160"]


def test_the_over_training_legend_runs_m_5_to_640():
    multipliers = [10, 160, 20, 320, 40, 5, 640, 80]  # the family ids sort as text in this order
    points = pd.DataFrame({
        "family_id": [f"openlm_c4_m{m}" for m in multipliers],
        "family_name": [f"OpenLM on C4, M={m} (Gadre et al. 2024)" for m in multipliers],
        "run_id": "r", "source_file": "f", "source_locator": "l", "extraction": "e", "flops_method": "6ND",
        "C_reported": None, "C": 1e20, "value": 3.0,
    })
    legend = [trace.name for trace in family_traces(points, "C", "value")]
    assert legend == [f"OpenLM on C4, M={m} (Gadre et al. 2024)" for m in sorted(multipliers)]


def test_a_count_axis_reaching_1e15_keeps_one_tick_style():
    ticks = axis_settings("D_opt", "tokens", True, [3e12, 4e15])["ticktext"]
    assert ticks == ["1e13", "1e14", "1e15"]
    assert axis_settings("D_opt", "tokens", True, [3e9, 4e14])["ticktext"] == ["10B", "100B", "1T", "10T", "100T"]


def test_the_compute_optimal_tokens_axis_never_mixes_t_and_powers_of_ten():
    frame = pd.DataFrame({"C": [1e20, 1e24, 1e28], "D_opt": [2e11, 2e13, 2e15]})
    figure = allocation_chart([{"label": "law", "colour": "#000", "frame": frame, "published": True}], 1e24, "D_opt")
    ticks = figure.layout.yaxis.ticktext
    assert all(tick.startswith("1e") for tick in ticks), ticks


def test_the_fit_page_says_what_the_published_replication_leaves_out():
    app = open_page("fit_page", families="chinchilla_epoch", boot="0")
    assert app.number_input[0].value == 0  # the default still fits every run
    assert any("5 highest-loss runs" in caption for caption in texts(app.caption))
