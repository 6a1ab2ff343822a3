"""The page boundary to the stored verdicts (lib.verdicts): cached store queries, and the verdict
of one published law for the pages that show laws (Fit, Compare, Sources)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.verdicts import backtest
from lib.verdicts.views import verdict_label
from ui import cache, runs

MY_BACKTEST = "my_runs_backtest"  # session key: (the runs' digest, their backtest scores)

NOT_COMPUTED = (
    "The verdicts have not been computed for the data as they are now: run `python -m lib.verdicts` "
    "(it stores them in data/verdicts.json; about 15 minutes on two cores)."
)


@st.cache_data(show_spinner=False)
def law_verdicts() -> pd.DataFrame:
    return cache.store().law_verdicts()


@st.cache_data(show_spinner=False)
def verdict_coefficients(law_ids: tuple[str, ...]) -> pd.DataFrame:
    return cache.store().verdict_coefficients(list(law_ids))


@st.cache_data(show_spinner=False)
def backtest_scores(family: str | None = None) -> pd.DataFrame:
    return cache.store().backtest_scores(family)


@st.cache_data(show_spinner=False)
def leaderboard() -> pd.DataFrame:
    return cache.store().backtest_leaderboard()


def verdicts_of(law_ids) -> dict[str, str]:
    """law_id -> its verdict label ("not computed" while the stored verdicts are stale)."""
    table = law_verdicts().set_index("law_id")["verdict"]
    return {law_id: verdict_label(table.get(law_id)) for law_id in law_ids}


@st.cache_data(show_spinner=False)
def family_runs(family: str, metric: str) -> pd.DataFrame:
    """The runs a family's backtest read (final checkpoints of the metric)."""
    return backtest.backtest_runs(cache.store().points([family], metric))


def backtest_my_runs() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The session's own runs backtested like a family (their first loss metric), with a progress
    bar while the fits run, kept for the session; (scores, runs), both empty when the runs do not
    qualify."""
    points = runs.points()
    losses = cache.metrics_of((runs.MY_RUNS,))
    losses = losses[losses["kind"] == "loss"]["metric"].tolist()
    if points is None or not losses:
        return pd.DataFrame(), pd.DataFrame()
    mine = points[points["metric"] == losses[0]]
    held = st.session_state.get(MY_BACKTEST)
    if not held or held[0] != runs.data_key():
        bar = st.progress(0.0, text="Backtesting your runs…")

        def report(done: int, total: int, label: str) -> None:
            bar.progress(done / total, text=f"Backtesting your runs: {label} ({done} of {total} fits)")

        held = (runs.data_key(), backtest.scores_frame(backtest.backtest_family(runs.MY_RUNS, mine, progress=report)))
        st.session_state[MY_BACKTEST] = held
        bar.empty()
    return held[1], backtest.backtest_runs(mine)


def published_verdicts(models) -> dict[str, str]:
    """law_id -> verdict label of each published law among the models drawn (lib.predict ScalingModel)."""
    return verdicts_of([model.key.removeprefix("law:") for model in models if model.kind == "published"])
