"""Reading the curated CSV files into typed pandas frames, remembering where each row came from."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, TABLES, Table

NUMERIC_COLUMNS = frozenset(
    {
        "year",
        "params",
        "params_non_embedding",
        "tokens",
        "flops",
        "step",
        "unique_tokens",
        "experts",
        "vocab_size",
        "learning_rate",
        "batch_size_tokens",
        "value",
        "dataset_size",
        "epochs",
        "min_value",
        "max_value",
        "chance",
        "ci_low",
        "ci_high",
    }
)
BOOLEAN_COLUMNS = frozenset({"higher_is_better"})
FILE_COLUMN = "_file"
LINE_COLUMN = "_line"


def table_files(table: Table, data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob(table.files))


def read_raw_table(table: Table, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """All files of one table as text, each row tagged with its file and 1-based line number."""
    frames = [read_raw_csv(path, str(path.relative_to(data_dir.parent))) for path in table_files(table, data_dir)]
    if not frames:
        return empty_raw_table(table)
    return pd.concat(frames, ignore_index=True)


class UnreadableFile(ValueError):
    """A curated file that is not valid CSV; the message names the file and, where the parser says,
    the line."""

    def __init__(self, file: str, line: int | None, reason: str):
        self.file, self.line = file, line
        super().__init__(f"{file}{f':{line}' if line else ''}: not readable as CSV ({reason})")


def _parser_line(message: str) -> int | None:
    """The 1-based file line pandas' parser names ("row 12" counts data rows after the header,
    "line 12" counts file lines), if any."""
    found = re.search(r"\b(row|line) (\d+)", message)
    if not found:
        return None
    return int(found.group(2)) + (1 if found.group(1) == "row" else 0)


def read_header(path: Path, file: str) -> list[str]:
    """The column names of a curated CSV; UnreadableFile when even its header does not parse."""
    try:
        return list(pd.read_csv(path, nrows=0).columns)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as problem:
        raise UnreadableFile(file, 1, str(problem).strip() or "empty") from None


def read_raw_csv(source, file: str) -> pd.DataFrame:
    """One CSV (a path or a file-like object) as text, each row tagged with `file` and its 1-based
    line; UnreadableFile when it is not valid CSV."""
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as problem:
        message = str(problem).strip()
        raise UnreadableFile(file, _parser_line(message), message.splitlines()[-1] if message else "empty") from None
    frame[FILE_COLUMN] = file
    frame[LINE_COLUMN] = range(2, len(frame) + 2)  # line 1 is the header
    return frame


def empty_raw_table(table: Table) -> pd.DataFrame:
    return pd.DataFrame(columns=[*table.columns, FILE_COLUMN, LINE_COLUMN])


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers as floats (unparseable text becomes NaN: `check` reports it), booleans as bools."""
    out = frame.copy()
    for column in out.columns:
        if column in NUMERIC_COLUMNS:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
        elif column in BOOLEAN_COLUMNS:
            out[column] = out[column].str.strip().str.lower().map({"true": True, "false": False})
    return out


def first_unreadable(data_dir: Path = DATA_DIR) -> UnreadableFile | None:
    """The first curated file pandas cannot parse (with its line), or None: what to name when
    DuckDB's reader refuses a file without saying where."""
    for table in TABLES:
        for path in table_files(table, data_dir):
            try:
                read_raw_csv(path, str(path.relative_to(data_dir.parent)))
            except UnreadableFile as problem:
                return problem
    return None


def read_dataset(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every table of the schema, as raw text frames keyed by table name."""
    return {table.name: read_raw_table(table, data_dir) for table in TABLES}


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return [path for table in TABLES for path in table_files(table, data_dir)]
