"""read_upload: formats, delimiters, encodings, line numbers, and the exact message for each bad file."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import lib.ingest.read as read_module
from lib.ingest import UploadError, read_upload
from lib.ingest.errors import (
    BAD_ENCODING,
    BINARY_FILE,
    CSV_SYNTAX,
    DUPLICATE_COLUMN,
    EMPTY_FILE,
    HEADER_ONLY,
    PARQUET_UNREADABLE,
    RAGGED_ROW,
    TOO_LARGE,
)


def upload_error(content: bytes, filename: str = "runs.csv") -> str:
    with pytest.raises(UploadError) as error:
        read_upload(filename, content)
    return str(error.value)


def test_a_csv_is_read_as_text_cells_exactly_as_written():
    raw = read_upload("runs.csv", b'run,params,loss\na,7B,2.50\nb,"1,000,000",003\n')
    assert raw.format == "csv"
    assert raw.filename == "runs.csv"
    assert raw.delimiter == ","
    assert raw.cells.to_dict("list") == {"run": ["a", "b"], "params": ["7B", "1,000,000"], "loss": ["2.50", "003"]}
    assert all(str(dtype) == "str" for dtype in raw.cells.dtypes)
    assert raw.lines.tolist() == [2, 3]


def test_nothing_is_read_as_missing_or_as_a_number():
    raw = read_upload("runs.csv", b"run,loss\nNA,NaN\nnull,1e3\n")
    assert raw.cells.to_dict("list") == {"run": ["NA", "null"], "loss": ["NaN", "1e3"]}


def test_line_numbers_count_blank_and_comment_lines_that_are_left_out():
    content = b"# exported from my tracker\nrun,loss\n\na,1\n# a note\nb,2\n,\nc,3\n"
    raw = read_upload("runs.csv", content)
    assert raw.cells["run"].tolist() == ["a", "b", "c"]
    assert raw.lines.tolist() == [4, 6, 8]
    assert raw.skipped_lines == (1, 3, 5, 7)


def test_a_quoted_value_over_two_lines_keeps_the_numbering_and_its_hash():
    raw = read_upload("runs.csv", b'run,loss\n"a\n#b",1\nc,2\n')
    assert raw.cells["run"].tolist() == ["a\n#b", "c"]
    assert raw.lines.tolist() == [2, 4]


def test_tsv_is_detected_from_the_content():
    raw = read_upload("runs.txt", b"run\tparams\tloss\na\t1,000\t2\n")
    assert (raw.format, raw.delimiter) == ("tsv", "\t")
    assert raw.cells["params"].tolist() == ["1,000"]


def test_semicolon_delimiter_is_detected_despite_decimal_commas():
    raw = read_upload("runs.csv", "run;params;loss\na;7B;2,5\nb;1e9;3,25\n".encode())
    assert (raw.format, raw.delimiter) == ("csv", ";")
    assert raw.cells["loss"].tolist() == ["2,5", "3,25"]


def test_utf8_with_bom_and_utf16_with_bom_are_read():
    assert read_upload("a.csv", "\ufeffrun,loss\nx,1\n".encode()).cells.columns.tolist() == ["run", "loss"]
    raw = read_upload("a.txt", "run\tloss\nÄ-run\t1\n".encode("utf-16"))
    assert raw.cells.to_dict("list") == {"run": ["Ä-run"], "loss": ["1"]}


def test_an_empty_header_cell_gets_a_name():
    raw = read_upload("a.csv", b"run,loss,\na,1,\n")
    assert raw.cells.columns.tolist() == ["run", "loss", "column_3"]


def test_parquet_round_trip_keeps_every_digit_and_numbers_rows():
    frame = pd.DataFrame({"run": ["a", None], "params": [6795600349.289497, float("nan")], "step": [1, 2]})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    raw = read_upload("runs.bin", buffer.getvalue())  # the name does not matter, the magic bytes do
    assert raw.format == "parquet"
    assert raw.locator == "row"
    assert raw.cells.to_dict("list") == {"run": ["a", ""], "params": ["6795600349.289497", ""], "step": ["1", "2"]}
    assert raw.lines.tolist() == [1, 2]
    assert float(raw.cells["params"].iloc[0]) == 6795600349.289497


def test_empty_file():
    assert upload_error(b"") == EMPTY_FILE
    assert EMPTY_FILE == "The file is empty. Upload a CSV, TSV or Parquet file with a header row and one row per run."


def test_whitespace_only_file():
    assert upload_error(b" \n\t\r\n  ") == EMPTY_FILE


def test_comment_only_file():
    assert upload_error(b"# nothing here\n\n") == EMPTY_FILE


def test_binary_file_with_nul_bytes():
    message = upload_error(b"PK\x03\x04\x00\x00binary", "runs.xlsx")
    assert message == BINARY_FILE
    assert message == (
        "The file is not text: it contains NUL bytes and is not Parquet. "
        "Upload a CSV, TSV or Parquet file (an Excel workbook must first be saved as CSV)."
    )


def test_latin1_file_names_the_line_of_the_first_bad_byte():
    message = upload_error("run,loss\n\nnormal,1\ncafé,2\n".encode("latin-1"))
    assert message == BAD_ENCODING.format(line=4)
    assert message == (
        "The file is not UTF-8 text (the first byte that is not UTF-8 is on line 4). "
        "Save it as UTF-8 (in Excel: 'CSV UTF-8') and upload it again."
    )


def test_file_over_the_limit_says_its_size_and_the_limit(monkeypatch):
    monkeypatch.setattr(read_module, "MAX_UPLOAD_BYTES", 1024 * 1024)
    message = upload_error(b"run,loss\n" + b"a,1\n" * 400_000)  # 1.53 MB
    assert message == TOO_LARGE.format(size_mb=1600009 / 1024 / 1024, limit_mb=1)
    assert message == "The file is 1.5 MB; the limit is 1 MB. Upload fewer rows, or the same table as Parquet."


def test_the_default_limit_is_50_megabytes():
    assert read_module.MAX_UPLOAD_BYTES == 50 * 1024 * 1024


def test_header_only_file():
    assert upload_error(b"run,params,loss\n\n") == HEADER_ONLY
    assert HEADER_ONLY == "The file has a header row but no data rows. Add one row per run below the header."


def test_header_only_parquet():
    buffer = io.BytesIO()
    pd.DataFrame({"params": pd.Series([], dtype="float64")}).to_parquet(buffer)
    assert upload_error(buffer.getvalue()) == HEADER_ONLY


def test_ragged_row_names_its_line():
    message = upload_error(b"run,params,loss\na,7B,2\n\nb,1,000,000,3\n")
    assert message == RAGGED_ROW.format(line=4, found=5, expected=3, delimiter="a comma")
    assert message == (
        "Line 4 does not match the header's 3 columns: it has 5 (the delimiter is a comma). "
        'Put a value that contains the delimiter in double quotes ("1,000,000"), '
        "and give every row one value per column."
    )


def test_short_row_is_ragged_too():
    assert upload_error(b"run,loss\na,1\nb\n") == RAGGED_ROW.format(line=3, found=1, expected=2, delimiter="a comma")


def test_unclosed_quote_names_the_line_where_the_value_starts():
    message = upload_error(b'run,loss\na,1\nb,"2\nc,3\n')
    assert message == CSV_SYNTAX.format(line=3, detail="unexpected end of data")
    assert message == "Line 3 could not be read (unexpected end of data). Check the double quotes on that line."


def test_duplicate_column_names():
    message = upload_error(b"run,loss,loss\na,1,2\n")
    assert message == DUPLICATE_COLUMN.format(column="loss", first=2, second=3)
    assert message == "The header names column 'loss' twice (columns 2 and 3). Rename one and upload again."


def test_unreadable_parquet():
    buffer = io.BytesIO()
    pd.DataFrame({"params": [1.0, 2.0]}).to_parquet(buffer)
    truncated = buffer.getvalue()[:40]
    assert upload_error(truncated, "runs.parquet") == PARQUET_UNREADABLE
    assert PARQUET_UNREADABLE == (
        "The file starts like Parquet but could not be read: it may be truncated or damaged. "
        "Export it again, or upload the table as CSV."
    )
