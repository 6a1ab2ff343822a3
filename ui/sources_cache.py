"""Cached look-ups for the Sources page: published laws' coefficients, the raw sources, and the BibTeX of every paper (the store's answers never change while it runs)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.bibtex import bibtex_all
from lib.provenance import read_sources
from ui import cache


@st.cache_data(show_spinner=False)
def coefficients(law_ids: tuple[str, ...]) -> pd.DataFrame:
    return cache.store().coefficients(law_ids)


@st.cache_data(show_spinner=False)
def sources() -> pd.DataFrame:
    return read_sources()


@st.cache_data(show_spinner=False)
def all_bibtex() -> str:
    return bibtex_all(cache.papers().to_dict("records"))
