"""The curated store: data/*.csv -> typed tables -> an embedded, read-only DuckDB database."""

from lib.store.build import StoreUnavailable, default_db_path, ensure_store, open_store
from lib.store.queries import Store

__all__ = ["Store", "StoreUnavailable", "default_db_path", "ensure_store", "open_store"]
