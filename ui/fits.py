"""Fits at the page boundary: cached by their spec, so returning to a fit is instant and other
pages can reuse a fit made on the Fit page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.fit import method_sensitivity
from lib.fitspec import FitSpec, SpecResult, as_model, fit_curve, fit_table, run_fit, sensitivity_options
from lib.laws.published import PublishedLaw, published_laws
from ui import cache, runs


def spec_points(spec: FitSpec) -> pd.DataFrame:
    return cache.points(spec.families, spec.metric)


def _runs_key(token: str) -> str:
    """The session's runs digest when the fit reads "my_runs", else "" (shared by all sessions)."""
    return runs.data_key() if runs.MY_RUNS in FitSpec.from_token(token).families else ""


def fit(token: str) -> SpecResult:
    return _fit(token, _runs_key(token))


def sensitivity(token: str) -> pd.DataFrame:
    return _sensitivity(token, _runs_key(token))


def curve(token: str) -> pd.DataFrame:
    """The fitted curve and its bootstrap band, computed once per fit (a band over hundreds of
    refits is the slow part of a rerun that changes nothing in the fit)."""
    return _curve(token, _runs_key(token))


# `runs_key` is unused in the body but part of the cache key: a fit of "my_runs" is cached per
# content of the session's runs, so no session is ever served another's.
@st.cache_data(show_spinner="Fitting…", max_entries=64)
def _fit(token: str, runs_key: str) -> SpecResult:
    spec = FitSpec.from_token(token)
    return run_fit(spec_points(spec), spec)


@st.cache_data(show_spinner=False, max_entries=64)
def _curve(token: str, runs_key: str) -> pd.DataFrame:
    return fit_curve(_fit(token, runs_key))


@st.cache_data(show_spinner="Refitting under the other methods…", max_entries=32)
def _sensitivity(token: str, runs_key: str) -> pd.DataFrame:
    spec = FitSpec.from_token(token)
    table, _ = fit_table(spec_points(spec), spec)
    return method_sensitivity(spec.law, table, "value", exclude_top=max(spec.exclude_top, 5), **sensitivity_options(spec))


# A resource, not data: the laws hold their registry forms, which are shared, not copied.
@st.cache_resource(show_spinner=False)
def all_published() -> list[PublishedLaw]:
    laws = cache.store().published_laws()
    return published_laws(laws, cache.store().coefficients(laws["law_id"].tolist()))


def published_for(families: tuple[str, ...], form: str) -> list[PublishedLaw]:
    return [law for law in all_published() if law.family_id in families and law.form.name == form]


def model(token: str):
    return as_model(fit(token))
