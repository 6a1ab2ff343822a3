"""Running one page of the app through Streamlit's AppTest, with a URL's query parameters."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from lib.schema import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")


def open_page(page: str, **query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{page}.py")
    return app.run()


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def shown_texts(elements) -> list[str]:
    """The elements' text as a reader sees it: text echoed plain (ui.text.plain) has each markup
    character backslash-escaped in the Markdown, and reads without the backslashes."""
    return [re.sub(r"\\(.)", r"\1", text) for text in texts(elements)]
