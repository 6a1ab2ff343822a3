"""Running one page of the app through Streamlit's AppTest, with a URL's query parameters."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from lib.schema import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")


def open_page(page: str, **query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{page}.py")
    return app.run()


def through_app(page: str, **query) -> AppTest:
    """`page` opened as a visitor's session does: app.py runs, st.navigation picks the page. The
    first run (of the default page, the Overview) registers the pages (AppTest can switch only to a
    registered one); it opens with `query` already, so the Overview's own widgets start from it too.
    The URL is then set to exactly `query` again, as a link would open it."""
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update(query)
    app.run()
    app.query_params.clear()
    app.query_params.update(query)
    return app.switch_page(f"pages/{page}.py").run()


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def shown_texts(elements) -> list[str]:
    """The elements' text as a reader sees it: text echoed plain (ui.text.plain) has each markup
    character backslash-escaped in the Markdown, and reads without the backslashes."""
    return [re.sub(r"\\(.)", r"\1", text) for text in texts(elements)]


def copied_link(app: AppTest) -> dict[str, list[str]]:
    """The query of the sidebar's Copy link, which must be shown exactly once. A widget bound to the
    URL keeps its key in the browser's address, not in app.query_params: this link holds both."""
    (link,) = app.sidebar.code
    return parse_qs(urlsplit(link.value).query, keep_blank_values=True)
