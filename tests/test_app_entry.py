"""`streamlit run app.py` serves app.py as an st.App, imported once at server start, and that
import tells Streamlit the app routes with st.navigation only: a deep link as the first request
of a fresh server then opens its page, not "Page not found" (the browser proof is
tests/browser/test_cold_start_browser.py)."""

from __future__ import annotations

import subprocess
import sys

from streamlit.web.server.app_discovery import discover_asgi_app

from lib.schema import PROJECT_ROOT


def test_streamlit_run_finds_the_st_app_in_app_py():
    found = discover_asgi_app(PROJECT_ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"


def test_importing_app_py_as_the_server_does_turns_off_pages_folder_routing():
    check = ("import app, streamlit as st; from streamlit.runtime.pages_manager import PagesManager; "
             "print(isinstance(app.app, st.App), PagesManager.uses_pages_directory)")
    shown = subprocess.run([sys.executable, "-c", check], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["True", "False"]
