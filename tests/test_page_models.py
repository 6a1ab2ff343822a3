"""The Models page through AppTest: every widget switched on, the counts it shows checked against
the curated models file, and hand-edited links refused politely."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from lib.ingest import detect_columns, encode_runs, example_csv, read_upload, validate
from lib.schema import DATA_DIR
from tests.pages import open_page, texts

MODELS = pd.read_csv(DATA_DIR / "models" / "epoch_models.csv")
PAGE = "models_page"


def drawn(models: pd.DataFrame, x: str, y: str) -> pd.DataFrame:
    return models[(models[x] > 0) & (models[y] > 0)]


def count_caption(app) -> str:
    return next(text for text in texts(app.caption) if "models drawn" in text)


def test_default_view_draws_every_model_with_compute_and_parameters():
    app = open_page(PAGE)
    assert not app.exception
    shown = drawn(MODELS, "flops", "params")
    assert count_caption(app) == (
        f"{len(shown):,} of {len(MODELS):,} models drawn; {len(MODELS) - len(shown):,} lack a positive training "
        "compute or parameter count (named below)."
    )
    assert len(app.get("plotly_chart")) == 1
    assert not app.warning
    assert app.subheader[0].value == f"The {len(shown):,} models drawn"
    assert app.expander[0].label == f"The {len(MODELS) - len(shown):,} models not drawn"
    assert "domains" not in app.query_params  # filters left at "everything" stay out of the link


def test_every_widget_narrows_the_view_and_is_written_to_the_link():
    app = open_page(PAGE)
    app.selectbox(key="widget_x").set_value("dataset_size").run()
    app.selectbox(key="widget_y").set_value("params").run()
    app.multiselect(key="widget_domains").set_value(["language"]).run()
    app.slider(key="widget_years").set_value((2020, 2023)).run()
    app.multiselect(key="widget_confidence").set_value(["Confident", "Likely"]).run()
    app.toggle(key="widget_tokens").set_value(True).run()
    app.multiselect(key="widget_overlay").set_value(["chinchilla_epoch"]).run()
    assert not app.exception

    years = pd.to_datetime(MODELS["publication_date"]).dt.year
    chosen = MODELS[(MODELS["domain"] == "language") & years.between(2020, 2023)
                    & MODELS["confidence"].isin(["Confident", "Likely"]) & (MODELS["dataset_unit"] == "tokens")]
    shown = drawn(chosen, "dataset_size", "params")
    assert 0 < len(shown) < len(chosen) + 1
    assert count_caption(app).startswith(f"{len(shown):,} of {len(chosen):,} models drawn")
    captions = texts(app.caption)
    assert f"Dataset size is Epoch's datapoints: tokens for {len(shown):,} of the {len(shown):,} models drawn" in " ".join(captions)
    assert "Overlay: 245 of 245 runs have both quantities and are drawn as diamonds." in captions
    link = {key: app.query_params[key] for key in app.query_params}
    assert link["x"] == "dataset_size" and link["y"] == "params" and link["domains"] == "language"
    assert link["from"] == "2020" and link["to"] == "2023" and link["confidence"] == "Confident,Likely"
    assert link["tokens"] == "1" and link["overlay"] == "chinchilla_epoch"


def test_my_runs_from_a_link_sit_among_the_models_as_diamonds():
    raw = read_upload("example.csv", example_csv().encode())
    token = encode_runs(validate(raw, detect_columns(list(raw.cells.columns), raw.cells)).runs)
    app = open_page(PAGE, runs=token, overlay="my_runs")
    assert not app.exception
    assert "Overlay: 20 of 20 runs have both quantities and are drawn as diamonds." in texts(app.caption)
    traces = json.loads(app.get("plotly_chart")[0].proto.spec)["data"]
    mine = [trace for trace in traces if trace["name"] == "My runs"]
    assert len(mine) == 1 and mine[0]["marker"]["symbol"] == "diamond" and len(mine[0]["hovertext"]) == 20
    assert {trace["name"] for trace in traces} - {"My runs"} == {
        domain.replace("_", " ") for domain in drawn(MODELS, "flops", "params")["domain"]
    }


def test_a_filter_that_matches_nothing_says_so():
    app = open_page(PAGE, domains="games", confidence="Speculative", **{"from": "1950", "to": "1951"})
    assert not app.exception
    assert texts(app.warning) == ["No model matches these domains, dates and confidence levels: widen the filters."]
    assert not app.get("plotly_chart")


@pytest.mark.parametrize(
    ("query", "warnings"),
    [
        ({"domains": "vision,zzz"}, ["Not a domain of the models database, left out of this view: zzz."]),
        ({"domains": "**bold**,[x](http://evil)"},
         [r"Not a domain of the models database, left out of this view: \*\*bold\*\*, \[x\]\(http\:"
          r"//evil\).", "No model matches these domains, dates and confidence levels: widen the filters."]),
        ({"confidence": "Confident,nope"}, ["Not a confidence level of the database, left out: nope."]),
    ],
)
def test_unknown_values_in_a_link_are_named_as_plain_text(query, warnings):
    app = open_page(PAGE, **query)
    assert not app.exception
    assert texts(app.warning) == warnings


@pytest.mark.parametrize("value", ["", "zzz", "-1", "1e999", "nan", ",,,|;;", "x'); DROP TABLE models; --"], ids=repr)
def test_a_hand_edited_link_never_breaks_the_page(value):
    keys = ("x", "y", "domains", "from", "to", "confidence", "tokens", "overlay")
    app = open_page(PAGE, **{key: value for key in keys})
    assert not app.exception, [error.message for error in app.exception]
    assert app.get("plotly_chart") or app.warning


def test_many_unknown_values_are_capped_in_the_warning():
    app = open_page(PAGE, domains=",".join(f"d{i}" * 30 for i in range(20)))
    assert not app.exception
    warning, nothing_left = texts(app.warning)
    assert warning.endswith("and 12 more.") and len(warning) < 600
    assert nothing_left.startswith("No model matches")


def test_the_csv_download_neutralises_formula_cells_but_not_numbers():
    from lib.export import csv_bytes

    table = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "+1", "-cmd", "@SUM(A1)", "GPT-4"], "params": [-1.0, 2.0, 3.0, 4.0, 5.0]})
    lines = csv_bytes(table).decode().splitlines()
    assert lines[1:] == ["\"'=HYPERLINK(\"\"x\"\")\",-1.0", "'+1,2.0", "'-cmd,3.0", "'@SUM(A1),4.0", "GPT-4,5.0"]
