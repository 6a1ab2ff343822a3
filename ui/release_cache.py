"""The whole store as downloads for the Sources page: written once per server process, when a
visitor first asks for it (the store does not change while the server runs), and shared by every
session. Held as one immutable object each, not copied per run (st.cache_resource)."""

from __future__ import annotations

import streamlit as st

from lib.store.export import ReleaseDownload, duckdb_release_file, parquet_release_zip


@st.cache_resource(show_spinner=False)
def parquet_zip() -> ReleaseDownload:
    return parquet_release_zip()


@st.cache_resource(show_spinner=False)
def duckdb_file() -> ReleaseDownload:
    return duckdb_release_file()
