"""Reading the curated CSV files into typed pandas frames, remembering where each row came from."""

from __future__ import annotations

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


def read_raw_csv(source, file: str) -> pd.DataFrame:
    """One CSV (a path or a file-like object) as text, each row tagged with `file` and its 1-based line."""
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
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


def read_dataset(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every table of the schema, as raw text frames keyed by table name."""
    return {table.name: read_raw_table(table, data_dir) for table in TABLES}


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return [path for table in TABLES for path in table_files(table, data_dir)]
