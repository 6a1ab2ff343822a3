"""Fits at the page boundary: cached by their spec, so returning to a fit is instant and other
pages can reuse a fit made on the Fit page. The point fit is cached on its own, so a page draws it
before the bootstrap's refits; long work (refits, method sensitivity) shows a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TypeVar

import pandas as pd
import streamlit as st

from lib.fit import method_sensitivity
from lib.fitspec import (
    FitSpec,
    SpecResult,
    as_model,
    fit_curve,
    fit_table,
    parse_fit_token,
    run_fit,
    sensitivity_options,
    with_bootstrap,
)
from lib.laws.published import PublishedLaw, published_laws
from ui import cache, runs
from ui.text import plain

# A progress bar moves at most this many times per task: each move is a message to the browser,
# and a cached task replays its messages on every rerun that reads it.
PROGRESS_STEPS = 20
# Fits whose bootstrap this session has seen done (newest last, at most MAX_BANDED kept): drawn
# at once with their band; any other is drawn first without it (see with_band).
BANDED = "fits_with_band"
MAX_BANDED = 64
Banded = TypeVar("Banded")  # a view's result with its band, as drawn_point_first draws it


def spec_points(spec: FitSpec) -> pd.DataFrame:
    return cache.points(spec.families, spec.metric)


def _runs_key(token: str) -> str:
    """The session's runs digest when the fit reads "my_runs", else "" (shared by all sessions)."""
    return runs.data_key() if runs.MY_RUNS in parse_fit_token(token).families else ""


def fit(token: str) -> SpecResult:
    return _fit(token, _runs_key(token))


def point_fit(token: str) -> SpecResult:
    """The fit of `token` without its bootstrap: the same coefficients, in a fraction of the time."""
    return _point_fit(point_token(token), _runs_key(token))


def point_model(token: str):
    """The fit of `token` without its bootstrap, as a model under `token`'s own key (so a chart
    redrawn with the band keeps the curve's colour)."""
    return replace(as_model(point_fit(token)), key=f"fit:{parse_fit_token(token).to_token()}")


def with_band(token: str, draw: Callable[[SpecResult, pd.DataFrame], None]) -> SpecResult:
    """The fit of `token` with its bootstrap, drawn by `draw(result, curve)`. Refits this session
    has not seen done take seconds: the point fit is drawn first, and redrawn in the same place
    with its band once the refits (shown by a progress bar) are done."""
    result = drawn_point_first(
        band_seen(token), lambda: draw(point_fit(token), curve(point_token(token))), lambda: fit(token),
        lambda banded: draw(banded, curve(token)), lambda banded: not banded.boot.no_band,
    )
    saw_band(token)
    return result


def drawn_point_first(seen: bool, draw_point: Callable[[], None], banded: Callable[[], Banded],
                      draw: Callable[[Banded], None], has_band: Callable[[Banded], bool]) -> Banded:
    """`banded()` drawn by `draw` in one place. Unless this session has `seen` the band done, its
    refits take seconds: `draw_point()` fills the place first, and `draw` fills it again once
    `banded()` (its refits shown by a progress bar) is done, if they gave a band (else the point
    fit's drawing is the final one)."""
    slot = st.empty()
    if not seen:
        with slot.container():
            draw_point()
    result = banded()
    if seen or has_band(result):
        with slot.container():
            draw(result)
    return result


def band_seen(token: str) -> bool:
    """Whether the fit of `token` needs no bootstrap or this session has seen its bootstrap done
    (so its band is drawn at once, not after its point fit)."""
    return not parse_fit_token(token).n_boot or band_recorded(token)


def band_recorded(key: str) -> bool:
    """Whether saw_band(key) was called this session (for a fit's token, or another view's key)."""
    return key in st.session_state.get(BANDED, [])


def saw_band(token: str) -> None:
    st.session_state[BANDED] = [*[t for t in st.session_state.get(BANDED, []) if t != token], token][-MAX_BANDED:]


def sensitivity(token: str) -> pd.DataFrame:
    return _sensitivity(token, _runs_key(token))


def curve(token: str) -> pd.DataFrame:
    """The fitted curve and its bootstrap band, computed once per fit (a band over hundreds of
    refits is the slow part of a rerun that changes nothing in the fit)."""
    return _curve(token, _runs_key(token))


@contextmanager
def progress_bar(task: str) -> Iterator[Callable[..., None]]:
    """A progress bar saying what is being done while the block runs (gone after it); yields the
    callback lib's long loops take: (steps done, steps in all[, what the next step is])."""
    bar = st.progress(0.0, text=f"{task}…")

    def report(done: int, total: int, step: str = "") -> None:
        if done == total or done % max(1, total // PROGRESS_STEPS) == 0:
            bar.progress(done / total, text=f"{task}: {done:,} of {total:,}" + (f" — {step}" if step else ""))

    try:
        yield report
    finally:
        bar.empty()


def point_token(token: str) -> str:
    """The token of the same fit without its bootstrap."""
    return replace(parse_fit_token(token), n_boot=0).to_token()


# `runs_key` is unused in the body but part of the cache key: a fit of "my_runs" is cached per
# content of the session's runs, so no session is ever served another's.
@st.cache_data(show_spinner="Fitting…", max_entries=64)
def _point_fit(token: str, runs_key: str) -> SpecResult:
    spec = parse_fit_token(token)
    return run_fit(spec_points(spec), spec)


# The progress bar is made inside the cached function, so a rerun's replay of it (moves, then
# gone) refers to nothing outside the function.
@st.cache_data(show_spinner=False, max_entries=64)
def _fit(token: str, runs_key: str) -> SpecResult:
    spec = parse_fit_token(token)
    point = _point_fit(point_token(token), runs_key)
    if not spec.n_boot:
        return point
    with progress_bar(f"Bootstrap of {plain(spec.label, limit=120)}, refits") as report:
        return with_bootstrap(point, spec, progress=report)


@st.cache_data(show_spinner=False, max_entries=64)
def _curve(token: str, runs_key: str) -> pd.DataFrame:
    return fit_curve(_fit(token, runs_key))


@st.cache_data(show_spinner=False, max_entries=32)
def _sensitivity(token: str, runs_key: str) -> pd.DataFrame:
    spec = parse_fit_token(token)
    table, _ = fit_table(spec_points(spec), spec)
    with progress_bar("Refitting under the other methods") as report:
        return method_sensitivity(spec.law, table, "value", exclude_top=max(spec.exclude_top, 5), progress=report,
                                  **sensitivity_options(spec))


# A resource, not data: the laws hold their registry forms, which are shared, not copied.
@st.cache_resource(show_spinner=False)
def all_published() -> list[PublishedLaw]:
    laws = cache.store().published_laws()
    return published_laws(laws, cache.store().coefficients(laws["law_id"].tolist()))


def published_for(families: tuple[str, ...], form: str) -> list[PublishedLaw]:
    return [law for law in all_published() if law.family_id in families and law.form.name == form]


def model(token: str):
    return as_model(fit(token))
