"""Building the embedded DuckDB database from data/ when it is missing, stale or damaged, and opening it read-only."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from lib.conventions import six_nd_sql
from lib.schema import DATA_DIR, PROJECT_ROOT, TABLES, Table
from lib.store.dataset import (
    BOOLEAN_COLUMNS,
    FILE_COLUMN,
    LINE_COLUMN,
    NUMERIC_COLUMNS,
    UnreadableFile,
    first_unreadable,
    read_raw_table,
    table_files,
    typed,
)
from lib.store.verdict_tables import current_verdicts, tables_fingerprint, verdict_frames, verdicts_path

FINGERPRINT_TABLE = "store_meta"
LOG = logging.getLogger(__name__)
STORE_UNWRITABLE = (
    "Cannot write the curated store at {path} ({problem}). Set SCALING_ATLAS_DB to a file path in a writable "
    "directory (e.g. SCALING_ATLAS_DB=/var/tmp/scaling-atlas/store.duckdb) and restart."
)
TEMPORARY_STORE = "{unwritable} Until then it is built in {fallback}, anew for every process."

# N in the paper's own convention, and compute both as reported and as 6ND, so pages can offer
# the toggle and label the axis honestly instead of silently mixing definitions.
FAMILY_N = "(CASE WHEN f.param_convention = 'non_embedding' THEN p.params_non_embedding ELSE p.params END)"
# The columns derived from a point (p) and its family (f), declared once for the view the pages
# read and for the data release (lib.store.export), which carries them beside the curated columns.
DERIVED_POINT_COLUMNS = {
    "N": FAMILY_N,
    "C_6ND": six_nd_sql("p.params", "p.tokens"),
    "C_6ND_non_embedding": six_nd_sql("p.params_non_embedding", "p.tokens"),
    "C": f"COALESCE(p.flops, {six_nd_sql(FAMILY_N, 'p.tokens')})",
    "D_over_N": f"p.tokens / {FAMILY_N}",
}
POINTS_VIEW = f"""
CREATE VIEW points_view AS
SELECT
    p.family_id, p.run_id, p.step, p.metric, p.value,
    p.params AS N_total,
    p.params_non_embedding AS N_non_embedding,
    {DERIVED_POINT_COLUMNS["N"]} AS N,
    p.tokens AS D,
    p.unique_tokens AS U,
    p.experts AS E,
    p.vocab_size AS V,
    p.learning_rate, p.batch_size_tokens,
    p.flops AS C_reported,
    p.flops_method,
    {DERIVED_POINT_COLUMNS["C_6ND"]} AS C_6ND,
    {DERIVED_POINT_COLUMNS["C_6ND_non_embedding"]} AS C_6ND_non_embedding,
    {DERIVED_POINT_COLUMNS["C"]} AS C,
    {DERIVED_POINT_COLUMNS["D_over_N"]} AS D_over_N,
    p.paper_id, p.source_id, p.source_file, p.source_locator, p.extraction,
    f.name AS family_name, f.domain, f.param_convention, f.flops_convention, f.data_unit
FROM points p JOIN families f USING (family_id)
"""


# Counted once at build time: every page lists the families with their counts.
FAMILY_COUNTS = """
CREATE TABLE family_counts AS
SELECT family_id, count(*) AS points, count(DISTINCT run_id) AS runs, count(DISTINCT metric) AS metrics
FROM points GROUP BY family_id
"""


class StoreUnavailable(RuntimeError):
    """No store can be written, at the configured path or in a temporary directory; the message
    says what failed and how to fix it."""


def default_db_path() -> Path:
    configured = os.environ.get("SCALING_ATLAS_DB")
    return Path(configured) if configured else PROJECT_ROOT / ".atlas" / "store.duckdb"


def fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A hash of every curated file and of the stored verdicts: any edit to data/ or a recomputed
    verdict makes the store stale."""
    digest = hashlib.sha256(tables_fingerprint(data_dir).encode())
    path = verdicts_path(data_dir)
    if path.exists():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stored_fingerprint(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            row = con.execute(f"SELECT fingerprint FROM {FINGERPRINT_TABLE}").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


# Tables small enough (or in need of pandas' de-duplication) to go through pandas; the large ones
# (points, run inputs, models) are read by DuckDB's own CSV reader, which is several times faster.
PANDAS_TABLES = frozenset({"papers", "sources", "families", "metrics", "laws", "coefficients", "reading_list"})


def small_frames(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """The small tables as they go into DuckDB: typed, without the file/line bookkeeping."""
    frames = {}
    for table in TABLES:
        if table.name in PANDAS_TABLES:
            frames[table.name] = typed(read_raw_table(table, data_dir)).drop(columns=[FILE_COLUMN, LINE_COLUMN])
    frames["metrics"] = frames["metrics"].drop_duplicates().drop_duplicates(subset="metric", keep="first")
    return frames


def _typed_column(column: str) -> str:
    """A VARCHAR column as the store types it (the same rules as lib.store.dataset.typed)."""
    if column in NUMERIC_COLUMNS:
        return f'TRY_CAST("{column}" AS DOUBLE) AS "{column}"'
    if column in BOOLEAN_COLUMNS:
        return f"CASE lower(trim(\"{column}\")) WHEN 'true' THEN true WHEN 'false' THEN false END AS \"{column}\""
    return f'"{column}"'


def create_csv_table(con: duckdb.DuckDBPyConnection, table: Table, data_dir: Path) -> None:
    """One table straight from its CSV files (all text, then typed), in file order."""
    columns = ", ".join(_typed_column(column) for column in table.columns)
    files = [str(path) for path in table_files(table, data_dir)]
    if not files:
        empty = ", ".join(f"NULL::{'DOUBLE' if c in NUMERIC_COLUMNS else 'VARCHAR'} AS \"{c}\"" for c in table.columns)
        con.execute(f"CREATE TABLE {table.name} AS SELECT {empty} LIMIT 0")
        return
    con.execute(
        f"CREATE TABLE {table.name} AS SELECT {columns} FROM read_csv(?, all_varchar = true, header = true, "
        "delim = ',', quote = '\"', escape = '\"', union_by_name = true)",
        [files],
    )


def build_store(db_path: Path, data_dir: Path = DATA_DIR, data_fingerprint: str | None = None) -> None:
    """Write a fresh database next to `db_path`, then swap it in, so readers never see half a build."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(suffix=".duckdb", dir=db_path.parent)
    os.close(handle)
    os.unlink(temp_name)  # DuckDB wants to create the file itself
    try:
        frames = small_frames(data_dir)
        with duckdb.connect(temp_name) as con:
            for table in TABLES:
                if table.name not in frames:
                    create_csv_table(con, table, data_dir)
                    continue
                con.register("incoming", frames[table.name])
                con.execute(f"CREATE TABLE {table.name} AS SELECT * FROM incoming")
                con.unregister("incoming")
            con.execute(POINTS_VIEW)
            con.execute(FAMILY_COUNTS)
            for name, frame in verdict_frames(current_verdicts(data_dir)).items():
                con.register("incoming", frame)
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
                con.unregister("incoming")
            con.execute(f"CREATE TABLE {FINGERPRINT_TABLE} AS SELECT ? AS fingerprint", [data_fingerprint or fingerprint(data_dir)])
        digest = file_digest(Path(temp_name))
        os.replace(temp_name, db_path)
        digest_path(db_path).write_text(digest)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)


def digest_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sha256")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()  # 16 MB in ~0.04 s


def is_current(db_path: Path, data_fingerprint: str) -> bool:
    """Built from these data and intact: a damaged data block leaves the fingerprint readable but
    fails every query with DuckDB's checksum error, so the file's bytes are checked against the
    digest written when it was built."""
    if stored_fingerprint(db_path) != data_fingerprint:
        return False
    try:
        return digest_path(db_path).read_text() == file_digest(db_path)
    except OSError:
        return False


# Per process: where a store that could not be written at its own path was built instead.
_FALLBACKS: dict[Path, Path] = {}


def ensure_store(db_path: Path | None = None, data_dir: Path = DATA_DIR) -> Path:
    """Build the database if it is missing, older than data/ or damaged; return its path. Where
    that path cannot be written (a read-only checkout), the store is built in a private temporary
    directory of this process instead, and the log says so; StoreUnavailable if that fails too."""
    db_path = db_path or default_db_path()
    current = fingerprint(data_dir)
    if is_current(db_path, current):
        return db_path
    fallback = _FALLBACKS.get(db_path)
    if fallback and is_current(fallback, current):
        return fallback
    try:
        build_store(db_path, data_dir, current)
        return db_path
    except (UnreadableFile, duckdb.InvalidInputException, duckdb.ConversionException) as problem:
        named = problem if isinstance(problem, UnreadableFile) else first_unreadable(data_dir)
        reason = named or str(problem).splitlines()[0]
        raise StoreUnavailable(f"The curated data cannot be read, so the store cannot be built: {reason}. "
                               "Fix that file (python -m lib.store check lists every problem).") from None
    except OSError as problem:
        unwritable = STORE_UNWRITABLE.format(path=db_path, problem=problem)
    try:
        fallback = Path(tempfile.mkdtemp(prefix="scaling-atlas-")) / db_path.name  # mode 0700: no other user's file
        build_store(fallback, data_dir, current)
    except OSError as problem:
        raise StoreUnavailable(f"{unwritable} No temporary directory is writable either ({problem}).") from None
    LOG.warning(TEMPORARY_STORE.format(unwritable=unwritable, fallback=fallback))
    _FALLBACKS[db_path] = fallback
    return fallback


def open_store(db_path: Path | None = None, data_dir: Path = DATA_DIR) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(ensure_store(db_path, data_dir)), read_only=True)
