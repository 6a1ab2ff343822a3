"""The page boundary to lib.store: one shared read-only store, query results cached per arguments."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import export
from lib.store import Store, StoreUnavailable
from ui import runs


def store() -> Store:
    """The shared store; where none can be written, the page says why and how to fix it, and stops."""
    try:
        return _store()
    except StoreUnavailable as problem:
        st.error(str(problem))
        st.stop()


@st.cache_resource(show_spinner="Building the curated store…")
def _store() -> Store:
    return Store()


@st.cache_data(show_spinner=False)
def summary() -> dict:
    return store().summary()


@st.cache_data(show_spinner=False)
def papers() -> pd.DataFrame:
    return store().papers()


@st.cache_data(show_spinner=False)
def published_laws(paper_id: str | None = None) -> pd.DataFrame:
    """The store's published laws (one paper's, or all)."""
    return store().published_laws(paper_id=paper_id)


@st.cache_data(show_spinner=False)
def families() -> pd.DataFrame:
    return store().families()


@st.cache_data(show_spinner=False)
def curated_metrics_of(family_ids: tuple[str, ...]) -> pd.DataFrame:
    return store().metrics_of(family_ids)


@st.cache_data(show_spinner=False)
def curated_points(family_ids: tuple[str, ...], metric: str | None) -> pd.DataFrame:
    return store().points(family_ids, metric)


def metrics_of(family_ids: tuple[str, ...]) -> pd.DataFrame:
    """The metrics of curated families, and of this session's runs when "my_runs" is chosen."""
    curated = curated_metrics_of(tuple(f for f in family_ids if f != runs.MY_RUNS))
    mine = runs.points()
    if runs.MY_RUNS not in family_ids or mine is None:
        return curated
    counts = mine.groupby("metric").size()
    own = pd.DataFrame({
        "metric": counts.index, "name": [f"{m} (my runs)" for m in counts.index],
        "kind": ["loss" if "loss" in m else "other" for m in counts.index],
        "higher_is_better": False, "unit": "", "points": counts.to_numpy(),
    })
    merged = pd.concat([curated, own], ignore_index=True)
    return merged.groupby("metric", as_index=False, sort=False).agg(
        {"name": "first", "kind": "first", "higher_is_better": "first", "unit": "first", "points": "sum"}
    ).sort_values("points", ascending=False, kind="stable")


def points(family_ids: tuple[str, ...], metric: str | None) -> pd.DataFrame:
    """Curated points (cached for every session) plus this session's own runs when chosen."""
    curated = curated_points(tuple(f for f in family_ids if f != runs.MY_RUNS), metric)
    mine = runs.points()
    if runs.MY_RUNS not in family_ids or mine is None:
        return curated
    mine = mine if metric is None else mine[mine["metric"] == metric]
    return pd.concat([curated, mine], ignore_index=True) if len(curated) else mine.reset_index(drop=True)


def csv_bytes(family_ids: tuple[str, ...], metric: str | None) -> bytes:
    return export.csv_bytes(points(family_ids, metric))


@st.cache_data(show_spinner=False)
def extents(family_ids: tuple[str, ...]) -> dict[str, dict[str, tuple[float, float]]]:
    return store().extents(family_ids)


@st.cache_data(show_spinner=False)
def family_names() -> dict[str, str]:
    return dict(zip(families()["family_id"], families()["name"]))

