"""View state kept in st.query_params, so a copied URL reproduces the view."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from ui.text import MAX_ECHO_CHARS

# Called after every write() while a page runs: the sidebar's Copy link (ui.share) redraws itself
# then, since a page that stops early sends nothing after its st.stop().
_after_write: ContextVar[Callable[[], None]] = ContextVar("after_write", default=lambda: None)


def read_list(key: str, known: Sequence[str], default: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The known values listed in the URL under `key` (or `default`), and the unknown ones."""
    if key not in st.query_params:
        return list(default), []
    asked = [value for value in st.query_params[key].split(",") if value]
    return [value for value in asked if value in known], [value for value in asked if value not in known]


def read_choice(key: str, options: Sequence[str], default: str) -> str:
    value = st.query_params.get(key, default)
    return value if value in options else default


def unknown_choice(key: str, options: Sequence[str]) -> str | None:
    """The URL's value for `key` when it is not one of `options` (a hand-edited or old link)."""
    value = st.query_params.get(key)
    return value if value and value not in options else None


def as_number(text: str | None, default: float, kind=float) -> float:
    """`text` as a finite number; `default` when it is missing or not one (a hand-edited link:
    a number widget given inf or nan raises)."""
    try:
        value = kind(text) if text is not None else default
    except ValueError:
        return default
    return value if math.isfinite(value) else default


def read_number(key: str, default: float, kind=float, low: float = -math.inf, high: float = math.inf) -> float:
    """A number from the URL, falling back to `default` as read_choice does, and when it lies
    outside [low, high] (a widget given a value past its bounds raises)."""
    value = as_number(st.query_params.get(key), default, kind)
    return value if low <= value <= high else default


def read_text(key: str, default: str = "") -> str:
    """The URL's text for a text box, cut to MAX_ECHO_CHARS (the box's own limit) with a warning
    saying so: a 100 KB value from a link would otherwise be sent to the browser whole."""
    value = st.query_params.get(key, default)
    if len(value) > MAX_ECHO_CHARS:
        st.warning(f"This link's {key} is {len(value):,} characters long; only its first {MAX_ECHO_CHARS} are used.")
    return value[:MAX_ECHO_CHARS]


def write(**values) -> None:
    """Mirror the view into the URL. Empty text values are dropped so links stay short; an empty
    list stays (as "key=") because it means "none chosen", not "the default"."""
    for key, value in values.items():
        is_list = isinstance(value, (list, tuple))
        text = ",".join(value) if is_list else str(value)
        if text or is_list:
            st.query_params[key] = text
        elif key in st.query_params:
            del st.query_params[key]
    _after_write.get()()


@contextmanager
def calling_after_write(callback: Callable[[], None]) -> Iterator[None]:
    """Call `callback` after every write() made inside the block."""
    token = _after_write.set(callback)
    try:
        yield
    finally:
        _after_write.reset(token)
