"""`python -m lib.store export`: every table of the store round-trips through each format, read
back with DuckDB and with pandas, and datapackage.json describes every column of every file."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import duckdb
import jsonschema
import numpy as np
import pandas as pd
import pytest

from lib.bibtex import bibtex
from lib.schema import DATA_DIR, TABLES
from lib.store import Store
from lib.store.__main__ import main
from lib.store.build import build_store, digest_path, file_digest
from lib.store.export import (
    BOOKKEEPING_TABLES,
    DUCKDB_FILE,
    FORMATS,
    exported_tables,
    export_release,
    file_sha256,
    release_zip,
    table_query,
)
from tests.dataset_factory import valid_rows, write_dataset

# The required parts of a Frictionless Data Package (https://datapackage.org/standard/data-package/)
# and of its Table Schema (https://datapackage.org/standard/table-schema/), plus the unit this
# release gives a column where it has one.
NAME = {"type": "string", "pattern": "^[a-z0-9._-]+$"}
FIELD = {
    "type": "object",
    "required": ["name", "type", "description"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "type": {"enum": ["string", "number", "integer", "boolean", "date", "datetime", "time", "any"]},
        "description": {"type": "string", "minLength": 1},
        "unit": {"type": "string", "minLength": 1},
    },
}
DATA_PACKAGE_SCHEMA = {
    "type": "object",
    "required": ["name", "title", "version", "licenses", "sources", "resources"],
    "properties": {
        "name": NAME,
        "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+(\+[0-9a-f]+)?$"},
        "licenses": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "object", "anyOf": [{"required": ["name"]}, {"required": ["path"]}]},
        },
        "sources": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["title"]}},
        "resources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "path", "format", "schema"],
                "properties": {
                    "name": NAME,
                    "path": {"type": "string", "pattern": r"^[^/\\]+$"},  # relative, inside the package
                    "hash": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
                    "bytes": {"type": "integer", "minimum": 0},
                    "schema": {
                        "type": "object",
                        "required": ["fields"],
                        "properties": {
                            "fields": {"type": "array", "minItems": 1, "items": FIELD},
                            "primaryKey": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                        },
                    },
                },
            },
        },
    },
}
# "any": a column DuckDB could not type (e.g. of a table that is empty until its data exist), read as text.
DUCKDB_TYPES = {"string": "VARCHAR", "number": "DOUBLE", "boolean": "BOOLEAN", "integer": "BIGINT", "any": "VARCHAR"}
PANDAS_TYPES = {"string": "str", "number": "float64", "boolean": "boolean", "integer": "Int64", "any": "str"}
# Numbers without a unit: a learning rate is a pure number.
DIMENSIONLESS = {("points", "learning_rate")}


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> tuple[Path, Path]:
    """The store built from a copy of data/ (other work may change data/ while these tests run):
    (its path, the copy)."""
    data_dir = tmp_path_factory.mktemp("snapshot") / "data"
    shutil.copytree(DATA_DIR, data_dir, ignore=shutil.ignore_patterns("curate", "_staging", "__pycache__"))
    db_path = data_dir.parent / "store.duckdb"
    build_store(db_path, data_dir)
    return db_path, data_dir


@pytest.fixture(scope="module")
def releases(tmp_path_factory, snapshot) -> dict:
    """The store exported once in each format: format -> directory."""
    directories = {fmt: tmp_path_factory.mktemp(fmt) for fmt in FORMATS}
    for fmt, directory in directories.items():
        export_release(directory, fmt, *snapshot)
    return directories


def attached(snapshot) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"ATTACH '{snapshot[0]}' AS store (READ_ONLY)")
    return con


@pytest.fixture(scope="module")
def store_tables(snapshot) -> dict[str, pd.DataFrame]:
    """Every exported table as the store holds it, in its order."""
    with attached(snapshot) as con:
        return {name: con.execute(table_query(name)).df() for name in exported_tables(con)}


def package(directory) -> dict:
    return json.loads((directory / "datapackage.json").read_text())


def fields(resource: dict) -> dict[str, dict]:
    return {field["name"]: field for field in resource["schema"]["fields"]}


def cells(series: pd.Series) -> list:
    return [None if pd.isna(value) else value for value in series.tolist()]


def assert_same_table(expected: pd.DataFrame, actual: pd.DataFrame, table: str) -> None:
    """Same columns in the same order, same rows in the same order, same values: numbers
    exactly, missing values missing."""
    assert list(actual.columns) == list(expected.columns), table
    assert len(actual) == len(expected), table
    for column in expected.columns:
        if pd.api.types.is_float_dtype(expected[column]):
            assert pd.api.types.is_float_dtype(actual[column]), (table, column)
            np.testing.assert_array_equal(actual[column].to_numpy(), expected[column].to_numpy(), err_msg=f"{table}.{column}")
        else:
            assert cells(actual[column]) == cells(expected[column]), (table, column)


def restored(frame: pd.DataFrame, resource: dict) -> pd.DataFrame:
    """A CSV's text cells as stored: one leading apostrophe, the release's neutralising, removed."""
    out = frame.copy()
    for name, field in fields(resource).items():
        if field["type"] == "string":
            out[name] = out[name].map(lambda cell: cell[1:] if isinstance(cell, str) and cell.startswith("'") else cell)
    return out


def read_csv_with_duckdb(path, resource: dict) -> pd.DataFrame:
    columns = {name: DUCKDB_TYPES[field["type"]] for name, field in fields(resource).items()}
    with duckdb.connect() as con:
        return con.execute(
            "SELECT * FROM read_csv(?, header = true, columns = ?, quote = '\"', escape = '\"')", [str(path), columns]
        ).df()


def read_csv_with_pandas(path, resource: dict) -> pd.DataFrame:
    types = {name: PANDAS_TYPES[field["type"]] for name, field in fields(resource).items()}
    return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype=types)


def test_every_table_of_the_store_is_exported_but_its_bookkeeping(releases, store_tables, snapshot):
    with attached(snapshot) as con:
        stored = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'store'").fetchall()}
    assert set(store_tables) == stored - BOOKKEEPING_TABLES
    assert {table.name for table in TABLES} <= set(store_tables)
    for fmt, directory in releases.items():
        assert [resource["name"] for resource in package(directory)["resources"]] == list(store_tables), fmt


def test_points_carry_the_columns_the_pages_derive(store_tables, snapshot):
    points = store_tables["points"]
    with attached(snapshot) as con:
        view = con.execute("SELECT * FROM store.points_view ORDER BY family_id, run_id, step, metric").df()
    assert {"N", "C", "C_6ND", "C_6ND_non_embedding", "D_over_N"} <= set(points.columns)
    ordered = points.sort_values(["family_id", "run_id", "step", "metric"], ignore_index=True)
    for column in ("N", "C", "C_6ND", "C_6ND_non_embedding", "D_over_N"):
        np.testing.assert_array_equal(ordered[column].to_numpy(), view[column].to_numpy(), err_msg=column)
    assert len(points) == Store(*snapshot).summary()["points"]


def test_parquet_round_trips_every_table_through_duckdb_and_pandas(releases, store_tables):
    directory = releases["parquet"]
    for name, expected in store_tables.items():
        path = directory / f"{name}.parquet"
        with duckdb.connect() as con:
            assert_same_table(expected, con.execute("SELECT * FROM read_parquet(?)", [str(path)]).df(), name)
        assert_same_table(expected, pd.read_parquet(path), name)


def test_csv_round_trips_every_table_through_duckdb_and_pandas_once_neutralising_is_undone(releases, store_tables):
    directory = releases["csv"]
    resources = {resource["name"]: resource for resource in package(directory)["resources"]}
    for name, expected in store_tables.items():
        path = directory / f"{name}.csv"
        assert_same_table(expected, restored(read_csv_with_duckdb(path, resources[name]), resources[name]), name)
        assert_same_table(expected, restored(read_csv_with_pandas(path, resources[name]), resources[name]), name)


def test_duckdb_file_round_trips_every_table_and_describes_its_columns(releases, store_tables):
    with duckdb.connect(str(releases["duckdb"] / DUCKDB_FILE), read_only=True) as con:
        for name, expected in store_tables.items():
            assert_same_table(expected, con.execute(f'SELECT * FROM "{name}"').df(), name)
        comment = con.execute(
            "SELECT comment FROM duckdb_columns() WHERE table_name = 'points' AND column_name = 'params'"
        ).fetchone()[0]
    assert comment.startswith("Parameters including embeddings") and "Unit: parameters" in comment


def test_csv_cells_that_would_start_a_formula_are_neutralised(releases):
    """The store holds coefficients whose paper symbol is '-alpha': a spreadsheet would compute it."""
    with open(releases["csv"] / "coefficients.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    symbols = [row["paper_symbol"] for row in rows]
    assert "'-alpha" in symbols and "-alpha" not in symbols
    numbers = [row["value"] for row in rows]
    assert any(number.startswith("-") for number in numbers)  # negative numbers stay numbers
    assert "neutralis" not in (releases["parquet"] / "README.md").read_text()
    assert "`'-alpha` is `-alpha`" in (releases["csv"] / "README.md").read_text()


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_datapackage_validates_and_its_fields_are_the_files_columns(releases, store_tables, fmt):
    directory = releases[fmt]
    described = package(directory)
    jsonschema.validate(described, DATA_PACKAGE_SCHEMA)
    for resource in described["resources"]:
        name = resource["name"]
        assert list(fields(resource)) == list(store_tables[name].columns), name
        path = directory / resource["path"]
        assert resource["bytes"] == path.stat().st_size and resource["hash"] == f"sha256:{file_sha256(path)}"
        with duckdb.connect() as con:
            if fmt == "duckdb":
                con.execute(f"ATTACH '{path}' AS release (READ_ONLY)")
                columns = [row[0] for row in con.execute(f'DESCRIBE release."{resource["dialect"]["table"]}"').fetchall()]
            else:
                columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]
        assert list(fields(resource)) == columns, name
        key = next((table.key for table in TABLES if table.name == name), None)
        assert resource["schema"].get("primaryKey") == (list(key) if key else None), name
        for column, field in fields(resource).items():
            if field["type"] in ("number", "integer") and (name, column) not in DIMENSIONLESS:
                assert "unit" in field, f"{name}.{column} is a number without a unit"


def test_the_quantities_carry_their_units(releases):
    points = fields(next(r for r in package(releases["parquet"])["resources"] if r["name"] == "points"))
    assert points["params"]["unit"] == points["N"]["unit"] == "parameters (a count)"
    assert points["flops"]["unit"].startswith("FLOPs") and points["C"]["unit"].startswith("FLOPs")
    assert points["D_over_N"]["unit"] == "tokens per parameter"
    assert points["value"]["unit"] == "metrics.unit of the row's metric"
    assert "unit" not in points["run_id"]


def test_the_dataset_card_counts_the_store_names_each_sources_license_and_cites_every_paper(releases, snapshot):
    card = (releases["parquet"] / "README.md").read_text()
    store = Store(*snapshot)
    summary = store.summary()
    assert f"{summary['points']:,} points" in card and f"{summary['published_laws']:,} published laws" in card
    with attached(snapshot) as con:
        sources = con.execute("SELECT source_id, license FROM store.sources").fetchall()
    for source_id, license in sources:
        assert re.search(rf"\| `{re.escape(source_id)}` \|[^\n]*\| {re.escape(license.replace('|', chr(92) + '|'))} \|", card)
    for paper in store.papers().to_dict("records"):
        assert bibtex(paper) in card, paper["paper_id"]
    assert "@misc{scaling_atlas," in card
    assert package(releases["parquet"])["version"] in card


def test_a_table_the_store_gains_later_is_exported_undeclared_and_hostile_text_round_trips(tmp_path):
    """A store with a table this exporter does not know (as verdicts would be) and text cells a
    spreadsheet would run: the table is exported with empty descriptions (which the test above
    would reject), and every text cell comes back exactly."""
    rows = valid_rows()
    rows["points"][0]["run_id"] = '=HYPERLINK("https://evil.example")'
    rows["points"][1]["run_id"] = "'quoted"
    rows["points"][2]["run_id"] = "@SUM(A1)"
    data_dir = write_dataset(tmp_path / "data", rows)
    db_path = tmp_path / "store.duckdb"
    build_store(db_path, data_dir)
    with duckdb.connect(str(db_path)) as con:
        con.execute("CREATE TABLE verdicts AS SELECT 'hoffmann2022_approach3' AS law_id, '+reproduced' AS verdict, 0.5 AS gap")
    digest_path(db_path).write_text(file_digest(db_path))  # the store stays current: no rebuild drops the table
    for fmt in ("csv", "parquet"):
        directory = tmp_path / fmt
        export_release(directory, fmt, db_path, data_dir)
        verdicts = next(r for r in package(directory)["resources"] if r["name"] == "verdicts")
        assert [(f["name"], f["type"], f["description"]) for f in verdicts["schema"]["fields"]] == [
            ("law_id", "string", ""), ("verdict", "string", ""), ("gap", "number", ""),
        ]
    resources = {r["name"]: r for r in package(tmp_path / "csv")["resources"]}
    with open(tmp_path / "csv" / "points.csv", newline="") as handle:
        written = [row["run_id"] for row in csv.DictReader(handle)]
    assert written == ['\'=HYPERLINK("https://evil.example")', "''quoted", "'@SUM(A1)"]
    points = restored(read_csv_with_pandas(tmp_path / "csv" / "points.csv", resources["points"]), resources["points"])
    assert points["run_id"].tolist() == ['=HYPERLINK("https://evil.example")', "'quoted", "@SUM(A1)"]
    verdicts = restored(read_csv_with_duckdb(tmp_path / "csv" / "verdicts.csv", resources["verdicts"]), resources["verdicts"])
    assert verdicts["verdict"].tolist() == ["+reproduced"]
    assert pd.read_parquet(tmp_path / "parquet" / "verdicts.parquet")["verdict"].tolist() == ["+reproduced"]


def test_the_release_zips_to_the_same_bytes_twice_and_holds_every_file(releases):
    files = sorted(releases["parquet"].iterdir())
    first, second = release_zip(files), release_zip(files)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert sorted(archive.namelist()) == sorted(path.name for path in files)
        assert archive.read("datapackage.json") == (releases["parquet"] / "datapackage.json").read_bytes()


def test_the_command_line_exports_and_refuses_an_unknown_format(tmp_path, capsys):
    assert main(["export", str(tmp_path / "release"), "--format", "parquet"]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {len(list((tmp_path / 'release').iterdir()))} files")
    assert {"points.parquet", "datapackage.json", "README.md"} <= {path.name for path in (tmp_path / "release").iterdir()}
    with pytest.raises(SystemExit):
        main(["export", str(tmp_path / "other"), "--format", "xlsx"])
