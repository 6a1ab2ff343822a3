"""The sidebar's sharing and export controls: a copyable link to this exact view, and the
format the chart toolbar's camera button saves."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from lib.figures import IMAGE_FORMATS, plotly_config, readable_numbers
from lib.figures.style import SIZE_COLUMNS
from ui import state
from ui.params import SIDEBAR
from ui.text import plain

# A table of laws' columns kept in its CSV but not on screen (with them it was cut off at 1280-1440
# px): a fit's label already names its kind and families, and notes are sentences, listed under it.
DOWNLOAD_ONLY = ("kind", "family_id", "note")


def view_url() -> str:
    """This page's address with the view's state, as a colleague would open it: the keys the page
    writes, and those its bound widgets keep in the browser's address."""
    base = urlsplit(st.context.url or "")
    bound = state.bound_values()
    written = {key: st.query_params[key] for key in st.query_params if key not in bound}
    query = urlencode(written | {key: text for key, text in bound.items() if text is not None})
    return urlunsplit((base.scheme, base.netloc, base.path, query, ""))


@contextmanager
def copy_link() -> Iterator[None]:
    """The sidebar's link to this exact view, kept current while the page runs inside the block.
    It is drawn before the page and redrawn whenever the view state is written: a page that stops
    early (st.stop) sends nothing after its stop, so a link drawn after the page would vanish and
    one drawn only before it would miss what the page wrote."""
    with st.sidebar:
        st.markdown("**Copy link**")
        st.caption("Opens this exact view: page, families, axes, law, options and target.")
        slot = st.empty()
    shown = None

    def show() -> None:
        nonlocal shown
        url = view_url()
        if url != shown:  # a link carrying runs can be long: resend it only when it changes
            slot.code(url, language=None, wrap_lines=True)
            shown = url

    with state.linking(show):
        show()
        yield
        show()  # what was written without state.write: the runs kept in the URL, a chosen paper


def chart_config() -> dict:
    image_format = st.sidebar.radio(
        "Chart download format",
        IMAGE_FORMATS,
        index=IMAGE_FORMATS.index(state.choice(SIDEBAR["image"])),
        format_func=str.upper,
        horizontal=True,
        help="The camera button in each chart's toolbar saves it in this format.",
        key="widget_image",
    )
    state.write(SIDEBAR, image=image_format if image_format != SIDEBAR["image"].default else "")
    return plotly_config(image_format)


def show_chart(figure) -> None:
    st.plotly_chart(figure, width="stretch", config=st.session_state.get("chart_config", plotly_config()))


def show_table(table, column_config: dict | None = None, **options) -> None:
    """A table as researchers read it: sizes as 1.2T, FLOPs as 1e21, huge values as text (the
    numbers themselves stay in the downloads). A column turned into text keeps its label and is
    right-aligned like numbers; a number format on it would show as an error cell."""
    shown = readable_numbers(table)
    given = column_config or {}
    config = {column: st.column_config.NumberColumn(format="compact") for column in SIZE_COLUMNS & set(table.columns)}
    config |= given
    for column in shown.columns:
        if shown[column].dtype != table[column].dtype:
            config[column] = st.column_config.TextColumn(given.get(column, {}).get("label"), alignment="right")
    st.dataframe(shown, hide_index=True, width="stretch", placeholder="", column_config=config, **options)


def show_law_table(table, column_config: dict | None = None) -> None:
    """A table with one law per row ("law"), without its DOWNLOAD_ONLY columns; each row's note
    is listed under it instead, as plain text."""
    show_table(table.drop(columns=[c for c in DOWNLOAD_ONLY if c in table.columns]), column_config)
    for law, note in table.loc[table["note"].fillna("") != "", ["law", "note"]].itertuples(index=False):
        st.caption(f"{plain(law, limit=200)}: {plain(note, limit=400)}.")
