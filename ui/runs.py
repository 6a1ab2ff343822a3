"""The user's own runs ("My runs"): held in this browser session only, never in the curated
store or a shared cache entry another session could read."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from lib.ingest import Conventions, ShareTooLarge, UploadError, decode_runs, encode_runs, runs_to_points
from ui import state
from ui.params import SIDEBAR

MY_RUNS = "my_runs"
SESSION_KEY = "my_runs"
LINK_KEYS = ("runs", "runs_params", "runs_flops", "runs_domain")


def current() -> dict | None:
    """{points, runs, conventions, filename, key} of this session's upload, or None."""
    return st.session_state.get(SESSION_KEY)


def points() -> pd.DataFrame | None:
    held = current()
    return held["points"] if held else None


def data_key() -> str:
    """A digest of this session's runs ("" without any): part of every cache key that may touch
    them, so one session's fit is never served to another with different runs."""
    held = current()
    return held["key"] if held else ""


def keep(points_frame: pd.DataFrame, runs_frame: pd.DataFrame, conventions: Conventions, filename: str) -> None:
    digest = hashlib.sha256(pd.util.hash_pandas_object(points_frame, index=False).values.tobytes()).hexdigest()
    st.session_state[SESSION_KEY] = {
        "points": points_frame, "runs": runs_frame, "conventions": conventions, "filename": filename, "key": digest[:16],
    }


def forget() -> None:
    st.session_state.pop(SESSION_KEY, None)
    state.write(SIDEBAR, **dict.fromkeys(LINK_KEYS, ""))


def share_token() -> tuple[str | None, str | None]:
    """(token, None) when the runs fit in a link, else (None, why not)."""
    held = current()
    if not held:
        return None, None
    try:
        return encode_runs(held["runs"]), None
    except ShareTooLarge as reason:
        return None, str(reason)


def load_from_link() -> str | None:
    """Runs carried by a shared link become this session's runs; a damaged link gets a message
    (returned) and the rest of the view still opens."""
    token = state.coded(SIDEBAR["runs"])
    if not token or current():
        return None
    try:
        conventions = Conventions(
            param_convention=state.coded(SIDEBAR["runs_params"]),
            flops_method=state.coded(SIDEBAR["runs_flops"]),
            domain=state.coded(SIDEBAR["runs_domain"]),
        )
        runs_frame = decode_runs(token)
    except (UploadError, ValueError) as problem:
        return str(problem)
    keep(runs_to_points(runs_frame, conventions, "shared link"), runs_frame, conventions, "shared link")
    return None


def write_link() -> None:
    """Keep the runs in the URL on every page, so 'Copy link' carries them (when small enough)."""
    token, _ = share_token()
    held = current()
    if token and held:
        conventions = held["conventions"]
        state.write(SIDEBAR, runs=token, runs_params=conventions.param_convention,
                    runs_flops=conventions.flops_method, runs_domain=conventions.domain)
