"""My runs through the page's own widgets, one case per rule: each detection rule, each unit
form, each rejection reason, each bad file kind, each mapping the user can get wrong, and the
upload too large for a link. The lib-level tests say why each rule holds; these say the page
shows it."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from lib.ingest import errors
from lib.ingest.quantities import BAD_GROUPING, MISSING_MARKER, NOT_A_NUMBER, UNKNOWN_SUFFIX
from lib.ingest.read import MAX_UPLOAD_BYTES
from lib.ingest.share import MAX_SHARED_RUNS
from lib.ingest.validate import DUPLICATE, MISSING_REQUIRED, NEGATIVE_STEP, NO_METRIC, NOT_POSITIVE, UNIT_TWICE
from tests.pages import open_page, shown_texts, texts


def uploaded(content: str | bytes, name: str = "sweep.csv"):
    app = open_page("runs_page")
    data = content.encode() if isinstance(content, str) else content
    app.file_uploader(key="upload").set_value((name, data, "text/csv")).run()
    assert not app.exception
    return app


def role_shown(app, role: str):
    return app.selectbox(key=f"role_{role}").value


def kept_runs(app) -> pd.DataFrame:
    return app.session_state["my_runs"]["runs"]


def rejections(app) -> list[list]:
    return app.dataframe[0].value[["line", "reason"]].values.tolist()


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        ("params\ttokens\tloss\n70M\t1.4B\t3.5\n7B\t140B\t3.2\n", "sweep.tsv"),
        ("params;tokens;loss\n70M;1.4B;3.5\n7B;140B;3.2\n", "sweep.csv"),
        (parquet_bytes(pd.DataFrame({"params": [70e6, 7e9], "tokens": [1.4e9, 140e9], "loss": [3.5, 3.2]})),
         "sweep.parquet"),
    ],
    ids=["tsv", "semicolon", "parquet"],
)
def test_tsv_semicolon_and_parquet_files_are_read_like_a_csv(content, name):
    app = uploaded(content, name)
    # "loss" is taken as the published train_loss, the suggestion the page preselects
    assert kept_runs(app)[["N_total", "D", "train_loss"]].values.tolist() == [[70e6, 1.4e9, 3.5], [7e9, 140e9, 3.2]]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("params", "N"),
        ("n_params", "N"),
        ("model_size", "N"),
        ("N", "N"),
        ("tokens", "D"),
        ("D", "D"),
        ("train_tokens", "D"),
        ("flops", "C"),
        ("compute", "C"),
        ("C", "C"),
    ],
)
def test_each_scale_column_name_is_offered_as_its_role(header, role):
    app = uploaded(f"{header},loss\n1000,3.5\n2000,3.2\n")
    assert role_shown(app, role) == header
    assert app.multiselect[0].value == ["loss"]
    assert len(kept_runs(app)) == 2


def test_a_non_embedding_column_alone_asks_for_its_convention_and_is_then_used():
    app = uploaded("non_embedding_params,loss\n85M,3.5\n6.7B,3.2\n")
    assert role_shown(app, "N_non_embedding") == "non_embedding_params"
    assert shown_texts(app.error) == ["Cannot read the runs with this mapping: " + errors.NEEDS_TOTAL_PARAMS.format(
        convention="with_embeddings", column="non_embedding_params")]
    app.radio[0].set_value("non_embedding").run()
    assert not app.error
    assert kept_runs(app)["N_non_embedding"].tolist() == [85e6, 6.7e9]


def test_a_step_column_is_offered_as_the_step():
    app = uploaded("params,step,loss\n7B,100,3.5\n7B,200,3.2\n")
    assert role_shown(app, "step") == "step"
    assert kept_runs(app)["step"].tolist() == [100, 200]


def test_a_run_name_column_is_offered_as_the_run():
    app = uploaded("model_name,params,loss\nsmall,70M,3.5\nlarge,7B,3.2\n")
    assert role_shown(app, "run") == "model_name"
    assert kept_runs(app)["run_id"].tolist() == ["small", "large"]


@pytest.mark.parametrize("metric", ["loss", "val_loss", "train_loss"])
def test_each_loss_column_name_is_offered_as_a_metric(metric):
    app = uploaded(f"params,{metric}\n70M,3.5\n7B,3.2\n")
    assert app.multiselect[0].value == [metric]


def test_any_other_numeric_column_is_offered_as_a_metric_after_the_loss():
    app = uploaded("params,hellaswag,loss,notes\n70M,0.31,3.5,first\n7B,0.52,3.2,second\n")
    assert app.multiselect[0].value == ["loss", "hellaswag"]
    assert kept_runs(app)["hellaswag"].tolist() == [0.31, 0.52]


@pytest.mark.parametrize(
    ("written", "value"),
    [("7B", 7e9), ("1.4T", 1.4e12), ("350M", 350e6), ("125k", 125e3), ("3e21", 3e21), ("1,000,000", 1e6)],
)
def test_each_unit_form_of_a_cell_is_read_as_its_value(written, value):
    app = uploaded(f'params,loss\n"{written}",3.5\n')
    assert kept_runs(app)["N_total"].tolist() == [value]


@pytest.mark.parametrize(
    ("header", "written", "column", "value"),
    [
        ("params (B)", "7", "N_total", 7e9),
        ("tokens_billions", "1.4", "D", 1.4e9),
        ("flops_pf_days", "1", "C_reported", 8.64e19),
    ],
)
def test_a_unit_in_a_column_name_scales_its_values_and_the_page_says_so(header, written, column, value):
    app = uploaded(f"{header},loss\n{written},3.5\n")
    assert kept_runs(app)[column].tolist() == [value]
    assert any(f"'{header}'" in caption for caption in shown_texts(app.caption))


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("abc,3.1", NOT_A_NUMBER),
        ("N/A,3.1", MISSING_MARKER),
        ("7Q,3.1", UNKNOWN_SUFFIX.format(suffix="Q")),
        ('"1,00,000",3.1', BAD_GROUPING),
        ("0,3.1", NOT_POSITIVE),
        ("-70M,3.1", NOT_POSITIVE),
        (",3.1", MISSING_REQUIRED.format(column="params")),
        ("70M,3.5", DUPLICATE.format(locator="line", line=2)),
        ("160M,", NO_METRIC),
    ],
)
def test_each_rejection_reason_is_listed_at_its_line(row, reason):
    app = uploaded(f"params,loss\n70M,3.5\n{row}\n410M,3.0\n")
    assert rejections(app) == [[3, reason]]
    assert kept_runs(app)["N_total"].tolist() == [70e6, 410e6]


def test_a_negative_step_is_rejected():
    app = uploaded("params,step,loss\n70M,-1,3.5\n70M,10,3.4\n")
    assert rejections(app) == [[2, NEGATIVE_STEP]]


def test_a_suffix_in_a_column_whose_name_has_a_unit_is_rejected():
    app = uploaded("params (B),loss\n7,3.5\n7B,3.4\n")
    assert rejections(app) == [[3, UNIT_TWICE.format(multiplier="1e9")]]


def test_a_file_where_no_row_can_be_kept_says_so_and_keeps_nothing():
    app = uploaded("params,loss\nabc,3.5\n")
    assert texts(app.error) == ["No row could be kept; see the reasons above."]
    assert "my_runs" not in app.session_state




@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", errors.EMPTY_FILE),
        (b"\n  \n\t\n", errors.EMPTY_FILE),
        (b"params,loss\n7B,3.5\x00\x00\n", errors.BINARY_FILE),
        ("params,loss\n7B,3.5\nr\u00e9sum\u00e9,3.2\n".encode("latin-1"), errors.BAD_ENCODING.format(line=3)),
        (b"params,loss\n", errors.HEADER_ONLY),
        (b"params,loss\n7B,3.5\n70M,3.9,extra\n",
         errors.RAGGED_ROW.format(line=3, expected=2, found=3, delimiter="a comma")),
        (b'params,loss\n7B,"3.5\n', errors.CSV_SYNTAX.format(line=2, detail="unexpected end of data")),
        (b"loss,params,loss\n3.5,7B,3.4\n", errors.DUPLICATE_COLUMN.format(column="loss", first=1, second=3)),
        (b"PAR1 this is not really parquet", errors.PARQUET_UNREADABLE),
        (parquet_bytes(pd.DataFrame({"params": pd.Series([], dtype=float), "loss": pd.Series([], dtype=float)})),
         errors.HEADER_ONLY),
    ],
    ids=["empty", "blank", "binary", "latin-1", "header-only", "ragged", "open-quote", "duplicate-header",
         "damaged-parquet", "header-only-parquet"],
)
def test_each_bad_file_kind_gets_its_message_and_nothing_is_kept(content, message):
    app = uploaded(content)
    assert shown_texts(app.error) == [message]
    assert "my_runs" not in app.session_state


def test_a_file_over_the_limit_says_its_size_and_the_limit():
    app = uploaded(b"params,loss\n" + b"7B,3.5\n" * (MAX_UPLOAD_BYTES // 7 + 1))
    assert shown_texts(app.error) == [errors.TOO_LARGE.format(size_mb=50.0, limit_mb=50)]


def test_a_column_the_detection_missed_can_be_chosen_and_is_used():
    app = uploaded("size,loss\n70M,3.5\n7B,3.2\n")
    assert role_shown(app, "N") is None
    assert app.multiselect[0].value == ["loss", "size"]
    assert shown_texts(app.error) == [f"Cannot read the runs with this mapping: {errors.MISSING_SCALE}"]
    app.selectbox(key="role_N").set_value("size").run()
    assert app.multiselect[0].value == ["loss"]
    assert not app.error
    assert kept_runs(app)["N_total"].tolist() == [70e6, 7e9]


def without_metrics(app):
    app.multiselect[0].set_value([])


def tokens_as_params(app):
    app.selectbox(key="role_D").set_value("params")


def six_nd_without_tokens(app):
    app.selectbox(key="role_D").select_index(0)
    app.radio[1].set_value("6ND")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (without_metrics, errors.MISSING_METRIC),
        (tokens_as_params, errors.COLUMN_TWICE.format(column="params", first="N", second="D")),
        (six_nd_without_tokens, errors.SIX_ND_NEEDS_N_AND_D),
    ],
)
def test_a_mapping_that_cannot_work_is_named_and_the_previous_runs_are_kept(change, message):
    app = uploaded("params,tokens,loss\n70M,1.4B,3.5\n7B,140B,3.2\n")
    change(app)
    app.run()
    assert shown_texts(app.error) == [f"Cannot read the runs with this mapping: {message}"]
    assert len(kept_runs(app)) == 2


def test_an_upload_too_large_for_a_link_says_why_and_offers_the_csv():
    rows = "".join(f"run{i},{70 + i}M,3.5\n" for i in range(MAX_SHARED_RUNS + 1))
    app = uploaded(f"model,params,loss\n{rows}")
    expected = errors.SHARE_TOO_LARGE.format(count=MAX_SHARED_RUNS + 1, limit=MAX_SHARED_RUNS)
    assert texts(app.warning) == [f"The link cannot carry these runs: {expected}"]
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Download my runs (CSV)" in labels
