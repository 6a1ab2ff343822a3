"""Reading an uploaded file into text cells, remembering the line every row came from.

The content decides the format, never the name: bytes starting with Parquet's magic "PAR1" are
read as Parquet, anything else as delimited text whose delimiter (comma, tab or semicolon) is
sniffed from the first records. Text may be UTF-8 (with or without a BOM) or UTF-16 with a BOM,
which is what Excel's "Unicode text" export writes; other encodings are refused rather than
guessed, because a wrong guess silently changes characters.

Every cell is kept as the text it was, so validation sees exactly what the user wrote. Blank
lines, rows whose cells are all empty (",,,") and comment lines (starting with "#") are left out
and listed in `skipped_lines`; line numbers count them, so "line 7" is line 7 in the user's editor.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

import numpy as np
import pandas as pd
import pyarrow

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
    UploadError,
)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MEGABYTE = 1024 * 1024
PARQUET_MAGIC = b"PAR1"
DELIMITERS = {",": "a comma", "\t": "a tab", ";": "a semicolon"}
SNIFF_RECORDS = 50


@dataclass(frozen=True)
class RawTable:
    """An uploaded table before any interpretation.

    `cells` holds every value as text (str dtype, "" for an empty cell). `lines[i]` is where row i
    starts in the file: the header is line 1, so the first data row is line 2 unless blank or
    comment lines come before it. Parquet has no lines: there `lines` holds the 1-based row number
    and `locator` is "row" instead of "line".
    """

    filename: str
    format: str  # "csv" | "tsv" | "parquet"
    cells: pd.DataFrame
    lines: np.ndarray
    delimiter: str | None = None
    skipped_lines: tuple[int, ...] = field(default=())

    @property
    def locator(self) -> str:
        return "row" if self.format == "parquet" else "line"


def read_upload(filename: str, content: bytes) -> RawTable:
    """The uploaded `content` as a RawTable; UploadError with a message for the user otherwise."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise UploadError(TOO_LARGE.format(size_mb=len(content) / MEGABYTE, limit_mb=MAX_UPLOAD_BYTES / MEGABYTE))
    if content.startswith(PARQUET_MAGIC):
        return read_parquet(filename, content)
    text = decode(content)
    if not text.strip():
        raise UploadError(EMPTY_FILE)
    return read_delimited(filename, text)


def decode(content: bytes) -> str:
    """Bytes as text: UTF-16 if it starts with a UTF-16 BOM, else UTF-8 (a BOM is dropped)."""
    encoding = "utf-16" if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    if encoding == "utf-8-sig" and b"\x00" in content:
        raise UploadError(BINARY_FILE)
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError as error:
        line = content[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise UploadError(BAD_ENCODING.format(line=line)) from None
    if "\x00" in text:
        raise UploadError(BINARY_FILE)
    return text


def read_parquet(filename: str, content: bytes) -> RawTable:
    try:
        frame = pd.read_parquet(io.BytesIO(content))
    except (pyarrow.ArrowException, OSError, ValueError):
        raise UploadError(PARQUET_UNREADABLE) from None
    header = [str(name) for name in frame.columns]
    if not header:
        raise UploadError(EMPTY_FILE)
    check_header(header)
    if frame.empty:
        raise UploadError(HEADER_ONLY)
    # Python's str() of a float is its shortest exact form, so no digit is lost on the way to text.
    cells = pd.DataFrame(
        {name: frame[column].astype("str").fillna("") for name, column in zip(header, frame.columns)},
        dtype="str",
    ).reset_index(drop=True)
    return RawTable(filename, "parquet", cells, np.arange(1, len(cells) + 1))


class _SourceLines:
    """The text's lines for csv.reader, leaving out blank and comment lines between records.

    csv.reader pulls a line only when it needs one, so a line pulled while `at_record_start` is
    set is the first line of the next record: only there is "#" a comment (inside a quoted value
    it is data), and its number is the record's line number.
    """

    def __init__(self, text: str):
        self.text = text
        self.at_record_start = True
        self.record_line = 0
        self.skipped: list[int] = []

    def __iter__(self) -> Iterator[str]:
        for number, line in enumerate(io.StringIO(self.text, newline=""), start=1):
            if self.at_record_start:
                if not line.strip() or line.lstrip().startswith("#"):
                    self.skipped.append(number)
                    continue
                self.at_record_start = False
                self.record_line = number
            yield line


def records(source: _SourceLines, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each record; rows of empty cells are skipped like blank lines."""
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    while True:
        source.at_record_start = True
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UploadError(CSV_SYNTAX.format(line=source.record_line, detail=error)) from None
        if not any(value.strip() for value in fields):
            source.skipped.append(source.record_line)
            continue
        yield source.record_line, fields


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns with the most rows agreeing.

    A header that one candidate cannot split (one column) rules that candidate out, which is what
    tells "1,5;2,5" (semicolon, decimal commas) from a comma file. Ties go to the comma.
    """
    best, best_score = ",", (0.0, 1)
    for delimiter in DELIMITERS:
        try:
            widths = [len(fields) for _, fields in islice(records(_SourceLines(text), delimiter), SNIFF_RECORDS)]
        except UploadError:
            continue
        if not widths or widths[0] < 2:
            continue
        score = (sum(width == widths[0] for width in widths) / len(widths), widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def check_header(header: list[str]) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name in seen:
            raise UploadError(DUPLICATE_COLUMN.format(column=name, first=seen[name], second=position))
        seen[name] = position


def read_delimited(filename: str, text: str) -> RawTable:
    delimiter = sniff_delimiter(text)
    source = _SourceLines(text)
    rows = records(source, delimiter)
    first = next(rows, None)
    if first is None:  # nothing but comment lines
        raise UploadError(EMPTY_FILE)
    header = first[1]
    # An empty header cell (often a trailing delimiter) still needs a name to be shown and chosen.
    header = [name.strip() or f"column_{position}" for position, name in enumerate(header, start=1)]
    check_header(header)
    lines, values = [], []
    for line, fields in rows:
        if len(fields) != len(header):
            raise UploadError(
                RAGGED_ROW.format(line=line, found=len(fields), expected=len(header), delimiter=DELIMITERS[delimiter])
            )
        lines.append(line)
        values.append(fields)
    if not values:
        raise UploadError(HEADER_ONLY)
    cells = pd.DataFrame(values, columns=header, dtype="str")
    file_format = "tsv" if delimiter == "\t" else "csv"
    return RawTable(filename, file_format, cells, np.asarray(lines), delimiter, tuple(source.skipped))
