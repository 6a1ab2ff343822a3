"""The whole store as a data release: `python -m lib.store export DIR --format parquet|csv|duckdb`.

Every table of the store is written in the store's row order (points with the columns the pages
derive: N, C_6ND, C_6ND_non_embedding, C, D_over_N), as one Parquet or CSV file per table or as
one DuckDB file, beside `datapackage.json` (a Frictionless Data Package: every table's columns
with type, description and unit, declared in lib.store.column_docs) and a dataset card
`README.md` (what is in it, each source's license, how to cite). A table the store gains later
is exported with no change here.

CSV text cells: a cell beginning with = + - @, a tab or a carriage return would be read as a
formula by a spreadsheet (lib.export), so it is written with one apostrophe in front; so is a
cell that already begins with an apostrophe, which makes the rule reversible: removing one
leading apostrophe from every text cell that has one gives back the store's text exactly.
Parquet and DuckDB hold the text as it is.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from lib.bibtex import bibtex_all
from lib.export import FORMULA_STARTS
from lib.schema import DATA_DIR, TABLES
from lib.store.build import DERIVED_POINT_COLUMNS, FINGERPRINT_TABLE, ensure_store
from lib.store.column_docs import TABLE_DOCS, Column
from lib.store.queries import Store

FORMATS = ("parquet", "csv", "duckdb")
DUCKDB_FILE = "scaling-atlas.duckdb"
PACKAGE_FILE = "datapackage.json"
CARD_FILE = "README.md"
# The release's own format version; its build metadata names the data/ it was built from.
RELEASE_VERSION = "1.0.0"
# The store's bookkeeping, not data: the fingerprint of data/ (the release's version carries
# it) and the per-family counts the pages read (derivable from points).
BOOKKEEPING_TABLES = frozenset({FINGERPRINT_TABLE, "family_counts"})
NEUTRALISED_STARTS = (*FORMULA_STARTS, "'")
# DuckDB column types -> Frictionless Table Schema field types (anything else: "any").
FIELD_TYPES = {
    "VARCHAR": "string",
    "DOUBLE": "number",
    "FLOAT": "number",
    "DECIMAL": "number",
    "BIGINT": "integer",
    "INTEGER": "integer",
    "SMALLINT": "integer",
    "HUGEINT": "integer",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "datetime",
}
MEDIA_TYPES = {"parquet": "application/vnd.apache.parquet", "csv": "text/csv", "duckdb": "application/vnd.duckdb"}
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # fixed, so the same release zips to the same bytes
ROW_ORDER = "release_row_order"
ABOUT = (
    "Training runs and published scaling laws from the literature on neural scaling, curated with provenance "
    "(paper, released repository at a commit, file and row) in absolute units."
)


def exported_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table of the attached store but its bookkeeping: the schema's tables in its order,
    then any other (e.g. one a later version of the store adds) by name."""
    names = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'store' AND table_type = 'BASE TABLE'"
        ).fetchall()
    } - BOOKKEEPING_TABLES
    order = [table.name for table in TABLES]
    return sorted(names, key=lambda name: (order.index(name) if name in order else len(order), name))


def _rows(name: str) -> str:
    """One exported table's rows, each with its place in the store (ROW_ORDER), in no order."""
    if name == "points":
        derived = ", ".join(f"{sql} AS {column}" for column, sql in DERIVED_POINT_COLUMNS.items())
        return f"SELECT p.rowid AS {ROW_ORDER}, p.*, {derived} FROM store.points p LEFT JOIN store.families f USING (family_id)"
    return f'SELECT rowid AS {ROW_ORDER}, * FROM store."{name}"'


def table_query(name: str, columns: str = f"* EXCLUDE ({ROW_ORDER})") -> str:
    """The columns of one exported table (all, or these expressions of them), in the store's
    row order (an ORDER BY inside a subquery would not hold in the query around it)."""
    return f"SELECT {columns} FROM ({_rows(name)}) ORDER BY {ROW_ORDER}"


def column_types(con: duckdb.DuckDBPyConnection, query: str) -> dict[str, str]:
    return {row[0]: row[1] for row in con.execute(f"DESCRIBE {query}").fetchall()}


def column_doc(table: str, column: str) -> Column:
    """The declared meaning of a column; an undeclared one has an empty description."""
    doc = TABLE_DOCS.get(table)
    return doc.columns.get(column, Column("")) if doc else Column("")


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _neutralised(column: str) -> str:
    starts = ", ".join(_sql_text(start) for start in NEUTRALISED_STARTS)
    return f"""CASE WHEN left("{column}", 1) IN ({starts}) THEN '''' || "{column}" ELSE "{column}" END AS "{column}\""""


def _write_parquet(con, name: str, query: str, directory: Path) -> Path:
    path = directory / f"{name}.parquet"
    con.execute(f"COPY ({query}) TO {_sql_text(str(path))} (FORMAT parquet)")
    return path


def _write_csv(con, name: str, query: str, directory: Path) -> Path:
    path = directory / f"{name}.csv"
    columns = ", ".join(
        _neutralised(column) if kind == "VARCHAR" else f'"{column}"' for column, kind in column_types(con, query).items()
    )
    con.execute(f"COPY ({table_query(name, columns)}) TO {_sql_text(str(path))} (FORMAT csv, HEADER true)")
    return path


def _write_duckdb_table(con, name: str, query: str, directory: Path) -> Path:
    """One table into the release's DuckDB file, with its descriptions as DuckDB comments."""
    con.execute(f'CREATE TABLE release."{name}" AS {query}')
    doc = TABLE_DOCS.get(name)
    if doc:
        con.execute(f'COMMENT ON TABLE release."{name}" IS {_sql_text(doc.description)}')
    for column in column_types(con, query):
        described = column_doc(name, column)
        comment = f"{described.description} Unit: {described.unit}." if described.unit else described.description
        con.execute(f'COMMENT ON COLUMN release."{name}"."{column}" IS {_sql_text(comment)}')
    return directory / DUCKDB_FILE


WRITERS = {"parquet": _write_parquet, "csv": _write_csv, "duckdb": _write_duckdb_table}


def _write_tables(con: duckdb.DuckDBPyConnection, fmt: str, directory: Path) -> dict[str, tuple[Path, dict[str, str]]]:
    """Every exported table in this format: name -> (its file, its column types)."""
    if fmt == "duckdb":
        (directory / DUCKDB_FILE).unlink(missing_ok=True)
        con.execute(f"ATTACH {_sql_text(str(directory / DUCKDB_FILE))} AS release")
    written = {}
    for name in exported_tables(con):
        query = table_query(name)
        written[name] = (WRITERS[fmt](con, name, query, directory), column_types(con, query))
    if fmt == "duckdb":
        con.execute("DETACH release")
    return written


def export_release(directory: Path, fmt: str, db_path: Path | None = None, data_dir: Path = DATA_DIR) -> list[Path]:
    """Write the release into `directory` (created if missing); return the files written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    store_path = ensure_store(db_path, data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        con.execute("SET enable_progress_bar = false")  # its bar would garble a page's or a script's output
        con.execute(f"ATTACH {_sql_text(str(store_path))} AS store (READ_ONLY)")
        written = _write_tables(con, fmt, directory)
        fingerprint = con.execute(f"SELECT fingerprint FROM store.{FINGERPRINT_TABLE}").fetchone()[0]
        sources = con.execute("SELECT * FROM store.sources ORDER BY rowid").df()
    store = Store(store_path, data_dir)
    try:
        summary, papers = store.summary(), store.papers()
    finally:
        store.close()
    package = datapackage(written, fmt, fingerprint, papers, sources)
    (directory / PACKAGE_FILE).write_text(json.dumps(package, indent=2) + "\n")
    (directory / CARD_FILE).write_text(dataset_card(package, summary, papers, sources, fmt))
    return sorted({path for path, _ in written.values()}) + [directory / PACKAGE_FILE, directory / CARD_FILE]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _field(table: str, column: str, kind: str) -> dict:
    doc = column_doc(table, column)
    base_type = kind.split("(")[0]  # DECIMAL(2,1) -> DECIMAL
    field = {"name": column, "type": FIELD_TYPES.get(base_type, "any"), "description": doc.description}
    if doc.unit:
        field["unit"] = doc.unit
    return field


def _resource(name: str, path: Path, columns: dict[str, str], fmt: str) -> dict:
    schema = {"fields": [_field(name, column, kind) for column, kind in columns.items()]}
    key = next((table.key for table in TABLES if table.name == name), None)
    if key and set(key) <= set(columns):
        schema["primaryKey"] = list(key)
    resource = {
        "name": name,
        "path": path.name,
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
        "description": TABLE_DOCS[name].description if name in TABLE_DOCS else "",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{file_sha256(path)}",
        "schema": schema,
    }
    if fmt == "csv":
        resource["encoding"] = "utf-8"
        resource["dialect"] = {"delimiter": ",", "header": True, "quoteChar": '"', "doubleQuote": True}
        schema["missingValues"] = [""]
    if fmt == "duckdb":
        resource["dialect"] = {"table": name}
    return resource


def _licenses(sources: pd.DataFrame) -> list[dict]:
    """Each license the sources state, with the sources stating it (the data keep their
    sources' licenses; the dataset card lists them source by source)."""
    by_license = sources.groupby("license", sort=True)["source_id"].apply(list)
    return [{"name": license, "title": f"{license}: {', '.join(ids)}"} for license, ids in by_license.items()]


def datapackage(
    written: dict[str, tuple[Path, dict[str, str]]], fmt: str, fingerprint: str, papers: pd.DataFrame, sources: pd.DataFrame
) -> dict:
    return {
        "name": "scaling-atlas",
        "title": "Scaling Atlas: published neural scaling runs and laws",
        "description": f"{ABOUT} See {CARD_FILE} for what is in it, licenses and how to cite.",
        "version": f"{RELEASE_VERSION}+{fingerprint[:12]}",
        "data_sha256": fingerprint,
        "licenses": _licenses(sources),
        "sources": [
            {"title": f"{row.source_id} at {row.commit}", "path": row.repository} for row in sources.itertuples()
        ] + [{"title": row.title, "path": row.url} for row in papers.itertuples()],
        "resources": [_resource(name, path, columns, fmt) for name, (path, columns) in written.items()],
    }


READING = {
    "parquet": (
        "import duckdb, pandas as pd\n"
        "points = pd.read_parquet('points.parquet')\n"
        "duckdb.sql(\"SELECT family_id, count(*) FROM 'points.parquet' GROUP BY 1\").show()"
    ),
    "csv": (
        "import json, pandas as pd\n"
        "fields = {r['name']: r['schema']['fields'] for r in json.load(open('datapackage.json'))['resources']}\n"
        "types = {'string': 'str', 'number': 'float64', 'boolean': 'boolean'}\n"
        "points = pd.read_csv('points.csv', keep_default_na=False, na_values=[''],\n"
        "                     dtype={f['name']: types.get(f['type'], 'str') for f in fields['points']})"
    ),
    "duckdb": (
        "import duckdb\n"
        f"con = duckdb.connect('{DUCKDB_FILE}', read_only=True)\n"
        "points = con.sql('SELECT * FROM points').df()\n"
        "con.sql('SELECT table_name, column_name, comment FROM duckdb_columns()').show()  # the descriptions"
    ),
}


def atlas_bibtex(version: str) -> str:
    return (
        "@misc{scaling_atlas,\n"
        "  title = {{Scaling Atlas}: published neural scaling runs and laws, curated with provenance},\n"
        "  author = {{Scaling Atlas contributors}},\n"
        f"  year = {{{date.today().year}}},\n"
        f"  note = {{Data release {version}}}\n"
        "}\n"
    )


def _markdown_cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") if isinstance(text, str) else ""


def dataset_card(package: dict, summary: dict, papers: pd.DataFrame, sources: pd.DataFrame, fmt: str) -> str:
    counts = ", ".join(
        f"{summary[key]:,} {label}"
        for key, label in [
            ("points", "points (measurements)"), ("families", "families of runs"), ("papers", "papers"),
            ("published_laws", "published laws"), ("metrics", "metrics"), ("models", "public models"),
        ]
    )
    tables = "\n".join(
        f"| `{r['name']}` | `{r['path']}` | {r['description']} | {len(r['schema']['fields'])} |" for r in package["resources"]
    )
    licenses = "\n".join(
        f"| `{row.source_id}` | {row.repository} @ {row.commit} | {_markdown_cell(row.license)} "
        f"| {_markdown_cell(row.paper_ids)} |"
        for row in sources.itertuples()
    )
    neutralised = (
        "\n## CSV text cells\n\nA text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return (which a "
        "spreadsheet would run as a formula), or with an apostrophe, is written with one apostrophe (`'`) in front. "
        "Remove one leading apostrophe from every text cell that has one to get the stored text back exactly "
        "(e.g. `'-alpha` is `-alpha`). Numbers are written as the store holds them; an empty cell is a missing value.\n"
        if fmt == "csv" else ""
    )
    return f"""# Scaling Atlas data release {package['version']}

{ABOUT}

Built from the curated files whose SHA-256 is `{package['data_sha256']}`; written with
`python -m lib.store export DIR --format {fmt}`.

## What is in it

{counts}. Runs come from {summary['papers_with_points']} papers in {summary['domains_with_points']} domains;
published laws from {summary['papers_with_laws']} papers.

| table | file | one row is | columns |
|---|---|---|---|
{tables}

Every column's type, description and unit (parameters, tokens, FLOPs, nats, fractions, ...) is in
`{PACKAGE_FILE}` (a Frictionless Data Package), with each table's primary key. Counts are
absolute (parameters as a count, never millions); accuracies are fractions in [0, 1].
{neutralised}
## Reading it

```python
{READING[fmt]}
```

## Licenses

The numbers keep the licenses of the sources they were read from; values transcribed from a
paper (no released file) are facts credited by citing the paper.

| source | repository @ commit | license | papers |
|---|---|---|---|
{licenses}

## How to cite

Cite the papers whose numbers you use (every paper's BibTeX is below) and the atlas:

```bibtex
{atlas_bibtex(package['version'])}
{bibtex_all(papers.to_dict("records"))}```
"""


def release_zip(files: list[Path]) -> bytes:
    """The files as one zip (flat, names sorted, fixed timestamps: the same release, the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files, key=lambda p: p.name):
            info = zipfile.ZipInfo(path.name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


@dataclass(frozen=True)
class ReleaseDownload:
    """One file of the release as a download: its bytes, with their size and SHA-256."""

    file_name: str
    mime: str
    data: bytes

    @cached_property  # hashed once, not on every run of the page showing it
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size_label(self) -> str:
        return f"{len(self.data) / 2**20:.1f} MB"


def parquet_release_zip(db_path: Path | None = None, data_dir: Path = DATA_DIR) -> ReleaseDownload:
    """The Parquet release with its datapackage.json and card, as one zip (written in a
    temporary directory, never in data/)."""
    with tempfile.TemporaryDirectory(prefix="scaling-atlas-release-") as directory:
        files = export_release(Path(directory), "parquet", db_path, data_dir)
        return ReleaseDownload("scaling-atlas-parquet.zip", "application/zip", release_zip(files))


def duckdb_release_file(db_path: Path | None = None, data_dir: Path = DATA_DIR) -> ReleaseDownload:
    """The release as one DuckDB file (its tables and columns described in DuckDB comments)."""
    with tempfile.TemporaryDirectory(prefix="scaling-atlas-release-") as directory:
        export_release(Path(directory), "duckdb", db_path, data_dir)
        return ReleaseDownload(DUCKDB_FILE, MEDIA_TYPES["duckdb"], (Path(directory) / DUCKDB_FILE).read_bytes())
