"""The page boundary to lib.store: one shared read-only store, query results cached per arguments."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.ingest.quantities import parse_quantity
from lib.store import Store


@st.cache_resource(show_spinner="Building the curated store…")
def store() -> Store:
    return Store()


@st.cache_data(show_spinner=False)
def summary() -> dict:
    return store().summary()


@st.cache_data(show_spinner=False)
def papers() -> pd.DataFrame:
    return store().papers()


@st.cache_data(show_spinner=False)
def families() -> pd.DataFrame:
    return store().families()


@st.cache_data(show_spinner=False)
def metrics_of(family_ids: tuple[str, ...]) -> pd.DataFrame:
    return store().metrics_of(family_ids)


@st.cache_data(show_spinner=False)
def points(family_ids: tuple[str, ...], metric: str | None) -> pd.DataFrame:
    return store().points(family_ids, metric)


@st.cache_data(show_spinner=False)
def csv_bytes(family_ids: tuple[str, ...], metric: str | None) -> bytes:
    return points(family_ids, metric).to_csv(index=False).encode()


@st.cache_data(show_spinner=False)
def extents(family_ids: tuple[str, ...]) -> dict[str, dict[str, tuple[float, float]]]:
    return store().extents(family_ids)


@st.cache_data(show_spinner=False)
def family_names() -> dict[str, str]:
    return dict(zip(families()["family_id"], families()["name"]))


def quantity(text: str) -> float:
    """A number as people write it: 1e24, 70B, 1.4T, 1,000,000."""
    return parse_quantity(text)
