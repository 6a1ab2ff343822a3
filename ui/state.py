"""View state kept in st.query_params, so a copied URL reproduces the view. Every key is declared
once in ui.params; these functions read a declared key (checked, capped, defaulted as its widget
would be), write a page's keys back, and draw the widgets bound to the URL by Streamlit itself."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from ui.params import SIDEBAR, Choice, Coded, Flag, Many, Number, Param, Text, Tokens, View

# Called after every write() and bound widget while a page runs: the sidebar's Copy link (ui.share)
# redraws itself then, since a page that stops early sends nothing after its st.stop().
_after_write: ContextVar[Callable[[], None]] = ContextVar("after_write", default=lambda: None)
# The URL text of each widget bound this run (None at its default). Streamlit keeps a bound key in
# the browser's address, not in the server's st.query_params, so the Copy link takes it from here.
_bound: ContextVar[dict[str, str | None] | None] = ContextVar("bound", default=None)


def _asked(param: Param) -> str | None:
    return st.query_params.get(param.key)


def choice(param: Choice, options: Sequence | None = None, default=None):
    """The option the URL names under the key (matched as text), else the default."""
    options = tuple(param.options if options is None else options)
    fallback = _default_option(param, options, default)
    asked = _asked(param)
    return next((option for option in options if str(option) == asked), fallback)


def _default_option(param: Choice, options: tuple, default=None):
    return next((candidate for candidate in (default, param.default) if candidate is not None and candidate in options),
                options[0])


def unknown_choice(param: Choice, options: Sequence) -> str | None:
    """The URL's value for the key when it is not one of `options` (a hand-edited or old link)."""
    asked = _asked(param)
    return asked if asked and asked not in {str(option) for option in options} else None


def many(param: Many, options: Sequence | None = None, default: Sequence | None = None) -> tuple[list, list]:
    """The known values listed under the key (each once; the default when the key is absent), and
    the unknown ones. An empty value means none chosen."""
    options = list(param.options if options is None else options)
    if param.key not in st.query_params:
        chosen = default if default is not None else param.default if param.default is not None else options
        return [value for value in chosen if value in options], []
    asked = list(dict.fromkeys(value for value in st.query_params[param.key].split(",") if value))
    return [value for value in asked if value in options], [value for value in asked if value not in options]


def as_number(text: str | None, default: float, kind=float) -> float:
    """`text` as a finite number; `default` when it is missing or not one (a hand-edited link:
    a number widget given inf or nan raises)."""
    try:
        value = kind(text) if text is not None else default
    except ValueError:
        return default
    return value if math.isfinite(value) else default


def number(param: Number, default: float | None = None, low: float | None = None, high: float | None = None) -> float:
    """A number from the URL; the default when it is missing, not a finite number, or outside
    [low, high] (a widget given a value past its bounds raises)."""
    default = _first_given(default, param.default)
    low, high = _first_given(low, param.low, -math.inf), _first_given(high, param.high, math.inf)
    value = as_number(_asked(param), default, int if param.integer else float)
    return value if low <= value <= high else default


def _first_given(*values):
    return next(value for value in values if value is not None)


def flag(param: Flag) -> bool:
    asked = _asked(param)
    return param.default if asked not in ("0", "1") else asked == "1"


def text(param: Text, default: str | None = None) -> str:
    """The URL's text for a text box, cut to the box's own limit with a warning saying so: a 100 KB
    value from a link would otherwise be sent to the browser whole."""
    value = st.query_params.get(param.key, param.default if default is None else default)
    if len(value) > param.max_chars:
        st.warning(f"This link's {param.key} is {len(value):,} characters long; only its first "
                   f"{param.max_chars} are used.")
    return value[: param.max_chars]


def tokens(param: Tokens) -> list[str]:
    """The items listed under the key, at most `limit` (a warning says how many more were left out)."""
    items = [item for item in st.query_params.get(param.key, "").split(param.separator) if item]
    if len(items) > param.limit:
        st.warning(f"This link lists {len(items):,} {param.what}; a view takes at most {param.limit}, so the last "
                   f"{len(items) - param.limit:,} are left out.")
    return items[: param.limit]


def coded(param: Coded) -> str:
    """Machine-written text for lib to decode (which refuses it with a message when damaged)."""
    return st.query_params.get(param.key, param.default)[: param.max_chars]


def write(view: View, **values) -> None:
    """Mirror `view`'s state into the URL. Empty text values are dropped so links stay short; an
    empty list stays (as "key=") because it means "none chosen", not "the default". A key `view`
    (or the sidebar) does not declare, or one its widget keeps itself, is a programming error."""
    for key, value in values.items():
        param = _declared(view, key)
        assert not param.bound, f"{key} is bound to its widget, which writes it"
        is_list = isinstance(value, (list, tuple))
        separator = param.separator if isinstance(param, Tokens) else ","
        text_value = separator.join(value) if is_list else str(int(value)) if isinstance(value, bool) else str(value)
        if text_value or (is_list and not isinstance(param, Tokens)):
            st.query_params[key] = text_value
        elif key in st.query_params:
            del st.query_params[key]
    _after_write.get()()


def _declared(view: View, key: str) -> Param:
    try:
        return view[key]
    except KeyError:
        return SIDEBAR[key]


def bound(widget: Callable, label: str, param: Choice, options: Sequence | None = None, default=None, **kwargs):
    """`widget` (a selectbox, radio or select_slider of any container) bound to the URL under the
    param's key: Streamlit reads the link's value, ignores one the widget could not take, and keeps
    the address current. Its text is the option's label (format_func) or str() of the option."""
    options = tuple(param.options if options is None else options)
    start = _default_option(param, options, default)
    place = {"value": start} if widget.__name__ == "select_slider" else {"index": options.index(start)}
    value = widget(label, options, key=param.key, bind="query-params", **place, **kwargs)
    shown = _bound.get()
    if shown is not None:
        shown[param.key] = None if value == start else kwargs.get("format_func", str)(value)
    _after_write.get()()
    return value


def bound_values() -> dict[str, str | None]:
    """The URL text of each widget bound this run so far (None at its default)."""
    return dict(_bound.get() or {})


@contextmanager
def linking(callback: Callable[[], None]) -> Iterator[None]:
    """Call `callback` after every write() and bound widget inside the block, which sees the
    bound widgets' values through bound_values()."""
    callback_token, bound_token = _after_write.set(callback), _bound.set({})
    try:
        yield
    finally:
        _after_write.reset(callback_token)
        _bound.reset(bound_token)
