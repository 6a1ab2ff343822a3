"""The store heals and explains itself: a damaged file is rebuilt from data/, and a path that cannot
be written (a read-only checkout, a bad SCALING_ATLAS_DB) falls back to a private temporary
directory, or says what failed and how to fix it."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest
import streamlit as st

from lib.store import Store, StoreUnavailable, ensure_store
from lib.store import build
from lib.store.build import digest_path, stored_fingerprint
from tests.dataset_factory import write_dataset
from tests.pages import open_page, texts

# DuckDB's file layout: three 4 KB headers, then 256 KB blocks, each opening with its checksum.
HEADER_BYTES, BLOCK_BYTES = 3 * 4096, 256 * 1024


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return write_dataset(tmp_path / "data")


@pytest.fixture
def configured_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "store" / "store.duckdb"
    monkeypatch.setenv("SCALING_ATLAS_DB", str(path))
    return path


def points_read(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return len(connection.execute("SELECT * FROM points").fetchall())


def damage_a_data_block(db_path: Path) -> None:
    """Overwrite the checksum of the first block whose damage leaves the fingerprint (metadata)
    readable but fails reading the points: the case that showed DuckDB's error on every page."""
    intact = db_path.read_bytes()
    for offset in range(HEADER_BYTES, len(intact), BLOCK_BYTES):
        db_path.write_bytes(intact[:offset] + b"\xff" * 8 + intact[offset + 8 :])
        try:
            points_read(db_path)
        except duckdb.Error as error:
            if stored_fingerprint(db_path) is not None:
                assert "checksum" in str(error)
                return
    pytest.fail("no data block found to damage")


def test_a_store_with_a_damaged_data_block_is_rebuilt(configured_db, data_dir):
    assert ensure_store(data_dir=data_dir) == configured_db
    damage_a_data_block(configured_db)
    assert ensure_store(data_dir=data_dir) == configured_db
    assert points_read(configured_db) == 3
    store = Store(data_dir=data_dir)
    assert len(store.points(["chin"])) == 3
    store.close()


def test_an_intact_store_is_not_rebuilt(configured_db, data_dir):
    ensure_store(data_dir=data_dir)
    built = configured_db.stat().st_mtime_ns, digest_path(configured_db).read_text()
    ensure_store(data_dir=data_dir)
    assert (configured_db.stat().st_mtime_ns, digest_path(configured_db).read_text()) == built


@pytest.fixture(autouse=True)
def temporary_directories_in_tmp_path(tmp_path, monkeypatch):
    """The fallback stores go where pytest cleans up, not into the system's temporary directory."""
    monkeypatch.setattr(build.tempfile, "tempdir", str(tmp_path))


@pytest.fixture
def unwritable_db(tmp_path, monkeypatch) -> Path:
    """SCALING_ATLAS_DB under a regular file: no directory can be made there, even by root."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    path = blocker / "store.duckdb"
    monkeypatch.setenv("SCALING_ATLAS_DB", str(path))
    return path


def test_an_unwritable_store_path_falls_back_to_a_private_temporary_directory(unwritable_db, data_dir, caplog):
    with caplog.at_level(logging.WARNING, logger="lib.store.build"):
        path = ensure_store(data_dir=data_dir)
    assert path != unwritable_db and path.exists() and (path.parent.stat().st_mode & 0o077) == 0
    assert points_read(path) == 3
    (message,) = caplog.messages
    assert message.startswith(f"Cannot write the curated store at {unwritable_db}")
    assert "Set SCALING_ATLAS_DB to a file path in a writable directory" in message and str(path.parent) in message
    assert ensure_store(data_dir=data_dir) == path  # reused for the rest of the process, not rebuilt


def test_a_read_only_checkout_falls_back_too(tmp_path, monkeypatch, data_dir):
    monkeypatch.delenv("SCALING_ATLAS_DB", raising=False)
    read_only_root = tmp_path / "checkout"
    read_only_root.write_text("")  # .atlas/ cannot be made under it
    monkeypatch.setattr(build, "PROJECT_ROOT", read_only_root)
    path = ensure_store(data_dir=data_dir)
    assert not str(path).startswith(str(read_only_root)) and points_read(path) == 3


def no_temporary_directory(**_):
    raise PermissionError(13, "Permission denied", "/tmp")


def test_with_no_writable_place_at_all_the_error_says_how_to_fix_it(unwritable_db, data_dir, monkeypatch):
    monkeypatch.setattr(build.tempfile, "mkdtemp", no_temporary_directory)
    with pytest.raises(StoreUnavailable) as error:
        ensure_store(data_dir=data_dir)
    assert str(error.value).startswith(f"Cannot write the curated store at {unwritable_db} (")
    assert "Set SCALING_ATLAS_DB to a file path in a writable directory" in str(error.value)
    assert "No temporary directory is writable either" in str(error.value)


@pytest.fixture
def fresh_store_cache():
    """The app's store and the query results cached from it are process-wide: start this test
    without them, and leave none of its own behind."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def test_a_page_says_what_failed_instead_of_a_traceback(unwritable_db, monkeypatch, fresh_store_cache):
    monkeypatch.setattr(build.tempfile, "mkdtemp", no_temporary_directory)
    app = open_page("overview_page")
    assert not app.exception, [error.message for error in app.exception]
    (error,) = texts(app.error)
    assert "Cannot write the curated store" in error and "SCALING_ATLAS_DB" in error


def test_a_page_opens_on_the_temporary_store(unwritable_db, fresh_store_cache):
    app = open_page("overview_page")
    assert not app.exception, [error.message for error in app.exception]
    assert not app.error and app.get("plotly_chart")
