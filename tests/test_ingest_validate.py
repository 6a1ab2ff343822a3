"""validate: every rejection reason at its exact line, the row/cell policy, conventions, and the points layout."""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest

from lib.ingest import (
    POINT_COLUMNS,
    REJECTION_COLUMNS,
    Conventions,
    MappingError,
    detect_columns,
    read_upload,
    validate,
)
from lib.ingest.errors import (
    COLUMN_TWICE,
    MISSING_METRIC,
    MISSING_SCALE,
    NEEDS_TOTAL_PARAMS,
    PUBLISHED_METRIC_TWICE,
    SIX_ND_NEEDS_N_AND_D,
    UNKNOWN_COLUMN,
)
from lib.ingest.quantities import MISSING_MARKER, NOT_A_NUMBER, UNKNOWN_SUFFIX
from lib.ingest.validate import (
    AMBIGUOUS_COMMA,
    MISSING_REQUIRED,
    NEGATIVE_STEP,
    NO_METRIC,
    NOT_POSITIVE,
    UNIT_TWICE,
)


def ingest(text: str, conventions: Conventions | None = None, filename: str = "runs.csv", **edits):
    raw = read_upload(filename, text.encode())
    mapping = detect_columns(list(raw.cells.columns), raw.cells)
    for role, column in edits.items():
        setattr(mapping, role, column)
    return validate(raw, mapping, conventions or Conventions())


def rejections(result) -> list[tuple]:
    return list(result.rejections.itertuples(index=False, name=None))


def test_rejection_reasons_read_as_written():
    assert NOT_POSITIVE == "zero or negative (a log-scale law needs positive values)"
    assert MISSING_REQUIRED.format(column="params") == "missing value in required column 'params'"


def test_not_a_number_rejects_the_row_at_its_line():
    result = ingest("run,params,loss\na,7B,2\n\nb,seven,2\n")
    assert rejections(result) == [(4, "row", "params", "seven", NOT_A_NUMBER)]
    assert result.runs["run_id"].tolist() == ["a"]


def test_a_precise_parse_reason_is_kept():
    result = ingest("params,loss\n7BB,2\n")
    assert rejections(result) == [(2, "row", "params", "7BB", UNKNOWN_SUFFIX.format(suffix="BB"))]


def test_zero_or_negative_count_rejects_the_row():
    result = ingest("params,tokens,loss\n0,1B,2\n1B,-5,2\n1B,1B,2\n")
    assert rejections(result) == [
        (2, "row", "params", "0", NOT_POSITIVE),
        (3, "row", "tokens", "-5", NOT_POSITIVE),
    ]
    assert result.rows_kept == 1


def test_missing_value_in_a_required_column():
    result = ingest("params,flops,loss\n1B,,2\n1B,1e20,2\n")
    assert rejections(result) == [(2, "row", "flops", "", "missing value in required column 'flops'")]


def test_negative_step_rejects_the_row_and_step_zero_is_kept():
    result = ingest("params,step,loss\n1B,0,3\n1B,-1,2\n")
    assert rejections(result) == [(3, "row", "step", "-1", NEGATIVE_STEP)]
    assert result.runs["step"].tolist() == [0.0]


def test_a_later_duplicate_is_rejected_and_names_the_first_line():
    text = "run,params,tokens,loss\na,7B,1T,2.0\nb,7B,1T,2.0\na,7000000000,\"1,000,000,000,000\",2.1\n"
    result = ingest(text)
    assert rejections(result) == [(4, "row", "", "", "duplicate of line 2")]
    assert result.runs["run_id"].tolist() == ["a", "b"]


def test_the_duplicate_key_includes_step_so_checkpoints_are_not_duplicates():
    result = ingest("run,params,step,loss\na,1B,100,3\na,1B,200,2.5\n")
    assert result.rejections.empty
    assert result.rows_kept == 2


def test_without_a_run_column_equal_numbers_are_duplicates():
    result = ingest("params,loss\n1B,3\n1B,2.9\n")
    assert rejections(result) == [(3, "row", "", "", "duplicate of line 2")]


def test_a_bad_metric_cell_is_dropped_alone_and_the_row_kept():
    result = ingest("run,params,loss,acc\na,1B,oops,0.5\nb,1B,2.0,NaN\n")
    assert rejections(result) == [
        (2, "cell", "loss", "oops", NOT_A_NUMBER),
        (3, "cell", "acc", "NaN", MISSING_MARKER),
    ]
    assert result.rows_kept == 2
    assert result.cells_rejected == 2
    assert result.points[["run_id", "metric", "value"]].values.tolist() == [["a", "acc", 0.5], ["b", "loss", 2.0]]


def test_a_loss_must_be_positive_but_another_metric_may_be_zero():
    result = ingest("params,loss,acc\n1B,0,0\n")
    assert rejections(result) == [(2, "cell", "loss", "0", NOT_POSITIVE)]
    assert result.points[["metric", "value"]].values.tolist() == [["acc", 0.0]]


def test_a_row_without_any_metric_value_is_rejected():
    result = ingest("params,loss,acc\n1B,,\n2B,bad,\n3B,2,\n")
    assert rejections(result) == [
        (2, "row", "", "", NO_METRIC),
        (3, "cell", "loss", "bad", NOT_A_NUMBER),
        (3, "row", "", "", NO_METRIC),
    ]
    assert result.rows_kept == 1


def test_a_rejected_rows_metric_cells_are_not_piled_on():
    result = ingest("params,loss\nx,y\n")
    assert rejections(result) == [(2, "row", "params", "x", NOT_A_NUMBER)]


def test_a_suffix_in_a_column_with_a_unit_in_its_name_is_refused():
    result = ingest("params (B),loss\n7,2\n7B,2\n")
    assert rejections(result) == [(3, "row", "params (B)", "7B", UNIT_TWICE.format(multiplier="1e9"))]
    assert result.runs["N_total"].tolist() == [7e9]


def test_a_comma_in_a_semicolon_file_is_refused_as_ambiguous():
    result = ingest("params;loss\n1,234;2\n1234;2,5\n1235;2.5\n")
    assert rejections(result) == [
        (2, "row", "params", "1,234", AMBIGUOUS_COMMA),
        (3, "cell", "loss", "2,5", AMBIGUOUS_COMMA),
        (3, "row", "", "", NO_METRIC),
    ]
    assert result.runs["N_total"].tolist() == [1235.0]


def test_rejections_are_sorted_by_line_and_have_the_documented_columns():
    result = ingest("params,tokens,loss\n1B,1B,x\n-1,1B,2\n1B,abc,2\n")
    assert tuple(result.rejections.columns) == REJECTION_COLUMNS
    assert result.rejections["line"].tolist() == [2, 2, 3, 4]
    assert result.rejections["line"].dtype == "int64"


def test_no_row_is_lost_every_rejected_row_is_listed():
    result = ingest("run,params,loss\na,1B,2\nb,-1,2\nc,1B,\nd,1B,2\na,1B,2\n")
    rejected_lines = set(result.rejections.loc[result.rejections["scope"] == "row", "line"])
    kept_lines = {int(locator.split()[1]) for locator in result.runs["source_locator"]}
    assert (result.rows_read, result.rows_kept, result.rows_rejected) == (5, 2, 3)
    assert rejected_lines | kept_lines == {2, 3, 4, 5, 6}
    assert not rejected_lines & kept_lines


def test_scaled_values_and_skipped_lines_are_reported_not_hidden():
    result = ingest("# my sweep\nparams (M),tokens,loss\n125,2.5B,3\n350,7000000000,2.8\n\n")
    assert result.notes == [
        "2 blank or comment lines left out: 1, 5",
        "'params (M)': 2 values multiplied by 1e6 for the unit in the column name",
        "'tokens': 1 value written with a unit suffix (e.g. '7B') scaled by it (k = 1e3, M = 1e6, B = 1e9, T = 1e12)",
        "no FLOPs column: C = 6ND",
    ]
    assert result.runs["N_total"].tolist() == [125e6, 350e6]
    assert result.runs["source_locator"].tolist() == ["line 3", "line 4"]


def test_a_renamed_metric_is_noted():
    result = ingest("params,Val Loss\n1B,2\n")
    assert result.points["metric"].tolist() == ["val_loss"]
    assert "column 'Val Loss' is the metric 'val_loss'" in result.notes


def test_a_column_said_to_be_a_published_metric_takes_its_id():
    raw = read_upload("runs.csv", b"params,tokens,loss\n1B,20B,2.5\n")
    mapping = detect_columns(list(raw.cells.columns), raw.cells, published=("train_loss",))
    result = validate(raw, mapping)
    assert result.points["metric"].tolist() == ["train_loss"]
    assert "column 'loss' is the metric 'train_loss'" in result.notes
    mapping.published_as = {}  # the user chose "(a new metric)"
    assert validate(raw, mapping).points["metric"].tolist() == ["loss"]


def test_two_columns_cannot_both_be_one_published_metric():
    raw = read_upload("runs.csv", b"params,loss,final_loss\n1B,2.5,2.4\n")
    mapping = detect_columns(list(raw.cells.columns), raw.cells, published=("train_loss",))
    with pytest.raises(MappingError) as refused:
        validate(raw, mapping)
    assert str(refused.value) == PUBLISHED_METRIC_TWICE.format(first="loss", second="final_loss", metric="train_loss")


def test_points_have_exactly_the_store_columns_and_types():
    result = ingest("run,params,tokens,flops,step,loss,val_loss\na,1B,20B,1.2e20,100,2.5,2.6\n")
    assert tuple(result.points.columns) == POINT_COLUMNS
    numeric = {"step", "value", "N_total", "N_non_embedding", "N", "D", "C_reported", "C_6ND"}
    numeric |= {"C_6ND_non_embedding", "C", "D_over_N", "U", "E", "V", "learning_rate", "batch_size_tokens"}
    for column in POINT_COLUMNS:
        assert str(result.points[column].dtype) == ("float64" if column in numeric else "str"), column
    first = result.points.iloc[0]
    assert (first["family_id"], first["run_id"], first["metric"], first["value"]) == ("my_runs", "a", "loss", 2.5)
    assert (first["source_id"], first["source_file"], first["source_locator"]) == ("upload", "runs.csv", "line 2")
    assert (first["extraction"], first["family_name"], first["domain"], first["data_unit"]) == (
        "user_upload",
        "My runs",
        "language",
        "tokens",
    )
    assert pd.isna(first["paper_id"])
    assert first["D_over_N"] == 20.0
    assert first["step"] == 100.0
    assert result.points["metric"].tolist() == ["loss", "val_loss"]


def test_run_id_falls_back_to_the_line_and_step_to_nan():
    result = ingest("params,loss\n1B,2\n\n2B,1.9\n")
    assert result.points["run_id"].tolist() == ["line 2", "line 4"]
    assert result.points["step"].isna().all()


def test_the_domain_is_settable():
    assert ingest("params,loss\n1B,2\n", Conventions(domain="vision")).points["domain"].tolist() == ["vision"]


def test_reported_flops_are_c_when_present():
    result = ingest("params,tokens,flops,loss\n1B,20B,1.3e20,2\n")
    point = result.points.iloc[0]
    assert (point["flops_method"], point["C"], point["C_reported"]) == ("reported", 1.3e20, 1.3e20)
    assert point["C_6ND"] == 6 * 1e9 * 20e9
    assert point["flops_convention"] == "FLOPs as reported in the uploaded file"


def test_without_a_flops_column_c_is_6nd_and_says_so():
    result = ingest("params,tokens,loss\n1B,20B,2\n")
    point = result.points.iloc[0]
    assert point["flops_method"] == "6ND"
    assert point["C"] == point["C_6ND"] == 6 * 1e9 * 20e9
    assert math.isnan(point["C_reported"])
    assert "no FLOPs column: C = 6ND" in result.notes


def test_choosing_6nd_keeps_the_reported_flops_as_c_reported():
    result = ingest("params,tokens,flops,loss\n1B,20B,1.3e20,2\n", Conventions(flops_method="6ND"))
    point = result.points.iloc[0]
    assert (point["flops_method"], point["C"], point["C_reported"]) == ("6ND", 6 * 1e9 * 20e9, 1.3e20)
    assert "C = 6ND as chosen; the reported FLOPs in 'flops' are kept as C_reported" in result.notes


def test_without_n_and_d_and_flops_c_is_left_empty_and_said():
    result = ingest("params,loss\n1B,2\n")
    assert result.points["C"].isna().all()
    assert "no FLOPs column, and no parameter and token columns to compute 6ND from: C is left empty" in result.notes


def test_non_embedding_convention_takes_n_from_the_non_embedding_column():
    text = "params,non_embedding_params,tokens,loss\n1.2B,1B,20B,2\n"
    point = ingest(text, Conventions(param_convention="non_embedding")).points.iloc[0]
    assert (point["N"], point["N_total"], point["N_non_embedding"]) == (1e9, 1.2e9, 1e9)
    assert (point["C"], point["flops_method"]) == (6 * 1e9 * 20e9, "6ND_non_embedding")
    assert point["C_6ND"] == 6 * 1.2e9 * 20e9
    assert point["D_over_N"] == 20.0
    assert point["param_convention"] == "non_embedding"
    with_embeddings = ingest(text, Conventions(param_convention="with_embeddings")).points.iloc[0]
    assert (with_embeddings["N"], with_embeddings["flops_method"]) == (1.2e9, "6ND")


def test_non_embedding_convention_with_one_parameter_column_reads_it_as_non_embedding():
    result = ingest("params,tokens,loss\n1B,20B,2\n", Conventions(param_convention="non_embedding"))
    point = result.points.iloc[0]
    assert (point["N"], point["N_non_embedding"]) == (1e9, 1e9)
    assert math.isnan(point["N_total"])
    assert "'params' is taken as the non-embedding parameter count (convention non_embedding)" in result.notes


def test_missing_metric_column():
    with pytest.raises(MappingError) as error:
        ingest("params,tokens\n1B,20B\n")
    assert str(error.value) == MISSING_METRIC
    assert MISSING_METRIC == "missing required column: a loss or other metric column (e.g. 'loss' or 'val_loss')"


def test_missing_n_d_and_c():
    with pytest.raises(MappingError) as error:
        ingest("run,loss\na,2\n")
    assert str(error.value) == MISSING_SCALE == "missing required column: N, D or C (parameters, tokens or FLOPs)"


def test_a_chosen_column_must_exist():
    with pytest.raises(MappingError) as error:
        ingest("params,loss\n1B,2\n", D="tokens")
    assert str(error.value) == UNKNOWN_COLUMN.format(column="tokens", role="D")


def test_a_column_cannot_play_two_roles():
    with pytest.raises(MappingError) as error:
        ingest("params,loss\n1B,2\n", D="params")
    assert str(error.value) == COLUMN_TWICE.format(column="params", first="N", second="D")


def test_a_total_parameter_convention_needs_a_total_parameter_column():
    with pytest.raises(MappingError) as error:
        ingest("non_embedding_params,loss\n1B,2\n", Conventions(param_convention="with_embeddings"))
    assert str(error.value) == NEEDS_TOTAL_PARAMS.format(convention="with_embeddings", column="non_embedding_params")


def test_6nd_needs_n_and_d():
    with pytest.raises(MappingError) as error:
        ingest("flops,loss\n1e20,2\n", Conventions(flops_method="6ND"))
    assert str(error.value) == SIX_ND_NEEDS_N_AND_D


def test_unknown_conventions_are_a_programming_error():
    with pytest.raises(ValueError, match="param_convention must be one of"):
        Conventions(param_convention="total")
    with pytest.raises(ValueError, match="flops_method must be one of reported, 6ND"):
        Conventions(flops_method="measured")


def test_when_every_row_is_rejected_the_points_are_empty_but_well_formed():
    result = ingest("params,loss\n-1,2\n")
    assert result.points.empty
    assert tuple(result.points.columns) == POINT_COLUMNS
    assert result.rows_kept == 0


def test_parquet_rows_are_located_by_row_number():
    buffer = io.BytesIO()
    pd.DataFrame({"params": [1e9, 1e9, -1.0], "loss": [2.0, 2.0, 2.0]}).to_parquet(buffer)
    raw = read_upload("runs.parquet", buffer.getvalue())
    result = validate(raw, detect_columns(list(raw.cells.columns), raw.cells), Conventions())
    assert rejections(result) == [
        (2, "row", "", "", "duplicate of row 1"),
        (3, "row", "params", "-1.0", NOT_POSITIVE),
    ]
    assert result.points["source_locator"].tolist() == ["row 1"]


def test_repeated_run_names_without_step_are_kept_and_noted():
    result = ingest("model,params,tokens,loss\n70M,70M,1B,3\n70M,70M,2B,2.9\n")
    assert result.rows_kept == 2
    assert any(note.startswith("run names in 'model' repeat without a step") for note in result.notes)


def test_large_values_keep_full_precision():
    result = ingest("params,flops,loss\n6795600349.289497,9.993852799709755e+18,5.005581996196243\n")
    point = result.points.iloc[0]
    assert (point["N"], point["C"], point["value"]) == (6795600349.289497, 9.993852799709755e18, 5.005581996196243)
    assert np.float64(point["N"]).hex() == float.hex(6795600349.289497)
