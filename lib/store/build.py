"""Building the embedded DuckDB database from data/ when it is missing or stale, and opening it read-only."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from lib.conventions import six_nd_sql
from lib.schema import DATA_DIR, PROJECT_ROOT, TABLES
from lib.store.dataset import FILE_COLUMN, LINE_COLUMN, data_files, read_dataset, typed

FINGERPRINT_TABLE = "store_meta"

# N in the paper's own convention, and compute both as reported and as 6ND, so pages can offer
# the toggle and label the axis honestly instead of silently mixing definitions.
FAMILY_N = "(CASE WHEN f.param_convention = 'non_embedding' THEN p.params_non_embedding ELSE p.params END)"
POINTS_VIEW = f"""
CREATE VIEW points_view AS
SELECT
    p.family_id, p.run_id, p.step, p.metric, p.value,
    p.params AS N_total,
    p.params_non_embedding AS N_non_embedding,
    {FAMILY_N} AS N,
    p.tokens AS D,
    p.unique_tokens AS U,
    p.experts AS E,
    p.vocab_size AS V,
    p.learning_rate, p.batch_size_tokens,
    p.flops AS C_reported,
    p.flops_method,
    {six_nd_sql("p.params", "p.tokens")} AS C_6ND,
    {six_nd_sql("p.params_non_embedding", "p.tokens")} AS C_6ND_non_embedding,
    COALESCE(p.flops, {six_nd_sql(FAMILY_N, "p.tokens")}) AS C,
    p.tokens / {FAMILY_N} AS D_over_N,
    p.paper_id, p.source_id, p.source_file, p.source_locator, p.extraction,
    f.name AS family_name, f.domain, f.param_convention, f.flops_convention, f.data_unit
FROM points p JOIN families f USING (family_id)
"""


def default_db_path() -> Path:
    configured = os.environ.get("SCALING_ATLAS_DB")
    return Path(configured) if configured else PROJECT_ROOT / ".atlas" / "store.duckdb"


def fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A hash of every curated file's name and bytes: any edit to data/ makes the store stale."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
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


def store_frames(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """The tables as they go into DuckDB: typed, without the file/line bookkeeping."""
    frames = {}
    for name, raw in read_dataset(data_dir).items():
        frame = typed(raw).drop(columns=[FILE_COLUMN, LINE_COLUMN])
        frames[name] = frame.drop_duplicates() if name == "metrics" else frame
    frames["metrics"] = frames["metrics"].drop_duplicates(subset="metric", keep="first")
    return frames


def build_store(db_path: Path, data_dir: Path = DATA_DIR, data_fingerprint: str | None = None) -> None:
    """Write a fresh database next to `db_path`, then swap it in, so readers never see half a build."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(suffix=".duckdb", dir=db_path.parent)
    os.close(handle)
    os.unlink(temp_name)  # DuckDB wants to create the file itself
    try:
        frames = store_frames(data_dir)
        with duckdb.connect(temp_name) as con:
            for table in TABLES:
                frame = frames[table.name]
                con.register("incoming", frame)
                con.execute(f"CREATE TABLE {table.name} AS SELECT * FROM incoming")
                con.unregister("incoming")
            con.execute(POINTS_VIEW)
            con.execute(f"CREATE TABLE {FINGERPRINT_TABLE} AS SELECT ? AS fingerprint", [data_fingerprint or fingerprint(data_dir)])
        os.replace(temp_name, db_path)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)


def ensure_store(db_path: Path | None = None, data_dir: Path = DATA_DIR) -> Path:
    """Build the database if it is missing or older than data/; return its path."""
    db_path = db_path or default_db_path()
    current = fingerprint(data_dir)
    if stored_fingerprint(db_path) != current:
        build_store(db_path, data_dir, current)
    return db_path


def open_store(db_path: Path | None = None, data_dir: Path = DATA_DIR) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(ensure_store(db_path, data_dir)), read_only=True)
