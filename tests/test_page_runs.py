"""My runs through AppTest: an upload is validated with a report, becomes the family "My runs"
on the other pages, stays in its own session, and never touches the curated store."""

from __future__ import annotations

import json

from lib.ingest import detect_columns, encode_runs, example_csv, read_upload, validate
from lib.store.build import default_db_path
from tests.pages import open_page, shown_texts, texts

MESSY = (
    "model,params,tokens,loss\n"
    "a,70M,1.4B,3.9\n"
    "b,abc,2B,3.7\n"
    "c,160M,-5,3.5\n"
    "d,410M,8.2B,3.1\n"
    "d,410M,8.2B,3.1\n"
)


def uploaded(content: str, name: str = "sweep.csv"):
    app = open_page("runs_page")
    app.file_uploader(key="upload").set_value((name, content.encode(), "text/csv")).run()
    return app


def test_each_rejected_row_is_listed_with_its_line_and_reason():
    app = uploaded(MESSY)
    assert not app.exception
    report = app.dataframe[0].value
    assert report[["line", "reason"]].values.tolist() == [
        [3, "not a number"],
        [4, "zero or negative (a log-scale law needs positive values)"],
        [6, "duplicate of line 5"],
    ]
    shown = {metric.label: metric.value for metric in app.metric}
    assert shown["Rows read"] == "5" and shown["Rows kept"] == "2" and shown["Rows rejected"] == "3"


def test_a_bad_file_gets_its_message():
    app = uploaded("")
    assert shown_texts(app.error) == ["The file is empty. Upload a CSV, TSV or Parquet file with a header row and one row per run."]


def test_uploaded_runs_appear_on_explore_and_stay_in_their_session():
    store_before = default_db_path().read_bytes() if default_db_path().exists() else b""
    app = uploaded(example_csv(), "example.csv")
    assert shown_texts(app.success)[0].startswith("20 runs from example.csv")
    app.query_params["families"] = "my_runs,chinchilla_epoch"
    app.switch_page("pages/explore_page.py").run()
    names = [trace["name"] for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]]
    assert "My runs" in names and len(names) == 2
    other = open_page("explore_page", families="my_runs")
    assert r"Not in the store, left out of this view: my\_runs." in texts(other.warning)
    assert (default_db_path().read_bytes() if default_db_path().exists() else b"") == store_before


def test_a_link_with_runs_opens_them_in_a_new_session():
    raw = read_upload("example.csv", example_csv().encode())
    token = encode_runs(validate(raw, detect_columns(list(raw.cells.columns), raw.cells)).runs)
    colleague = open_page("fit_page", families="my_runs", law="chinchilla", boot="0", runs=token)
    assert not colleague.exception
    assert texts(colleague.success)[0].startswith("Converged") and "20 points" in texts(colleague.success)[0]


def test_a_damaged_link_says_so_and_the_page_still_opens():
    app = open_page("explore_page", families="chinchilla_epoch", runs="v1.garbage")
    assert any(text.startswith("The runs in this link could not be loaded") for text in texts(app.warning))
    assert app.get("plotly_chart")


LOSS_ONLY = "params,tokens,loss\n70M,1.4B,3.5\n7B,140B,3.2\n"


def test_a_loss_column_is_preselected_as_the_published_train_loss_and_sits_beside_the_published_runs():
    """A column named 'loss' was once a metric of its own: beside Chinchilla's train_loss, Explore
    showed only the published runs."""
    app = uploaded(LOSS_ONLY)
    assert app.selectbox(key="same_as_loss").value == "train_loss"
    assert list(app.session_state["my_runs"]["runs"].columns[-1:]) == ["train_loss"]
    app.query_params["families"] = "my_runs,chinchilla_epoch"
    app.switch_page("pages/explore_page.py").run()
    names = [trace["name"] for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]]
    assert "My runs" in names and len(names) == 2


def test_the_user_can_say_a_column_is_another_published_metric_or_a_new_one():
    app = uploaded(LOSS_ONLY)
    box = app.selectbox(key="same_as_loss")
    assert box.options[0] == "(a new metric)" and "train_loss (Training loss)" in box.options
    box.set_value("val_loss_c4").run()
    assert "val_loss_c4" in app.session_state["my_runs"]["runs"].columns
    app.selectbox(key="same_as_loss").select_index(0).run()  # "(a new metric)"
    runs_columns = app.session_state["my_runs"]["runs"].columns
    assert "loss" in runs_columns and "train_loss" not in runs_columns and "val_loss_c4" not in runs_columns


def test_two_columns_said_to_be_one_published_metric_are_refused():
    app = uploaded("params,tokens,loss,final_loss\n70M,1.4B,3.5,3.4\n")
    assert app.selectbox(key="same_as_final_loss").value == "train_loss"
    [error] = shown_texts(app.error)
    assert error.startswith("Cannot read the runs with this mapping: columns 'loss' and 'final_loss' are both")
    app.selectbox(key="same_as_final_loss").select_index(0).run()  # "(a new metric)"
    assert not app.error and {"train_loss", "final_loss"} <= set(app.session_state["my_runs"]["runs"].columns)


def test_past_thirty_metric_columns_the_rest_keep_their_suggestion_without_a_box():
    others = [f"score_{number}" for number in range(31)]
    app = uploaded("params,loss," + ",".join(others) + "\n70M,3.5," + ",".join("1" for _ in others) + "\n")
    boxes = [box for box in app.selectbox if box.key and box.key.startswith("same_as_")]
    assert len(boxes) == 30 and boxes[0].key == "same_as_loss"
    assert any(text.startswith("Metric columns past the first 30 (2 of them) keep the suggested") for text in texts(app.caption))
    assert {"train_loss", "score_29", "score_30"} <= set(app.session_state["my_runs"]["runs"].columns)


CONTRIBUTION = {
    "title": "A Chinchilla-style sweep", "authors": "Ada Lovelace", "year": 2025, "arxiv_id": "2501.01234",
    "release_url": "https://github.com/ada-lab/sweep-runs", "license": "MIT", "family_name": "Ada's page sweep",
    "architecture": "decoder-only transformer", "training_data": "web text", "domain": "language",
    "param_convention": "unknown", "data_unit": "tokens", "flops_convention": "as logged",
    "description": "Twenty runs, final training loss.",
}
CHOICE_FIELDS = ("domain", "param_convention", "data_unit")


def contribution_submitted(app, **fields):
    """The contribution form filled with CONTRIBUTION and `fields` (None leaves one empty), then submitted."""
    for name, value in {**CONTRIBUTION, **fields}.items():
        key = f"contribution_{name}"
        if value is None:
            continue
        if name == "year":
            app.number_input(key=key).set_value(value)
        elif name == "description":
            app.text_area(key=key).input(value)
        elif name in CHOICE_FIELDS:
            app.selectbox(key=key).set_value(value)
        else:
            app.text_input(key=key).input(value)
    next(button for button in app.button if button.label == "Prepare the contribution").click().run()
    return app


def download_labels(app) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


def test_a_contribution_is_prepared_from_the_uploaded_runs_and_offered_as_a_zip():
    app = uploaded(example_csv(), "example.csv")
    assert app.text_input(key="contribution_flops_convention").value == "FLOPs as reported in the uploaded file"
    assert "Download the contribution (zip)" not in download_labels(app)
    contribution_submitted(app, paper_url="https://example.org/sweep", paper_id="lovelace2025x",
                           release_version="v1.0", domain="code", param_convention="with_embeddings", data_unit="samples")
    assert not app.exception and not app.error
    assert "Download the contribution (zip)" in download_labels(app)


def test_a_contribution_missing_its_license_or_paper_shows_each_field_error():
    app = contribution_submitted(uploaded(example_csv(), "example.csv"), license=None, arxiv_id=None, year=None)
    assert shown_texts(app.error) == ["Year: missing", "License: missing",
                                      "Paper: give its arXiv id or its URL (a report's or preprint's web page)"]
    assert "Download the contribution (zip)" not in download_labels(app)


def test_a_metric_new_to_the_atlas_is_defined_in_the_form():
    app = uploaded("params,tokens,val bpb\n70M,1.4B,1.1\n160M,3.2B,0.98\n")
    key = "contribution_metric_val_bpb_{}"
    assert app.selectbox(key=key.format("kind")).value == "other"
    app.selectbox(key=key.format("kind")).set_value("loss")
    app.checkbox(key=key.format("higher")).uncheck()
    app.number_input(key=key.format("min")).set_value(0.0)
    app.number_input(key=key.format("max")).set_value(0.5)
    app.text_input(key=key.format("unit")).input("bits/byte")
    app.text_input(key=key.format("definition")).input("Validation bits per byte.")
    contribution_submitted(app)
    assert shown_texts(app.error) == [
        "Check: data/points/adas_page_sweep.csv:2: points: value 1.1 of 'val_bpb' is outside its sane range [0, 0.5]",
        "Check: data/points/adas_page_sweep.csv:3: points: value 0.98 of 'val_bpb' is outside its sane range [0, 0.5]",
    ]
    app.number_input(key=key.format("max")).set_value(10.0)
    contribution_submitted(app)
    assert not app.error and "Download the contribution (zip)" in download_labels(app)
