"""Scaling Atlas: published neural scaling results, fitted and compared. `streamlit run app.py`."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui import runs, share


def pages() -> list[st.Page]:
    """The app's pages, each at its url_path (made during a session's run, where st.Page belongs)."""
    # Page files never share their stem with a url_path: a deep link would otherwise be routed by
    # Streamlit's pages/ directory convention and skip this entrypoint.
    return [
        st.Page("pages/overview_page.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
        st.Page("pages/explore_page.py", title="Explore", icon=":material/scatter_plot:", url_path="explore"),
        st.Page("pages/fit_page.py", title="Fit", icon=":material/insights:", url_path="fit"),
        st.Page("pages/compare_page.py", title="Compare extrapolations", icon=":material/stacked_line_chart:", url_path="compare"),
        st.Page("pages/optimal_page.py", title="Compute-optimal", icon=":material/balance:", url_path="compute-optimal"),
        st.Page("pages/runs_page.py", title="My runs", icon=":material/upload_file:", url_path="my-runs"),
        st.Page("pages/reproductions_page.py", title="Reproductions", icon=":material/fact_check:", url_path="reproductions"),
        st.Page("pages/backtest_page.py", title="Backtest", icon=":material/history:", url_path="backtest"),
        st.Page("pages/benchmarks_page.py", title="Benchmarks", icon=":material/leaderboard:", url_path="benchmarks"),
        st.Page("pages/models_page.py", title="Models", icon=":material/hub:", url_path="models"),
        st.Page("pages/sources_page.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
    ]


def run() -> None:
    """One run of the app for a visitor's session: the sidebar, then the page the URL names."""
    st.set_page_config(page_title="Scaling Atlas", page_icon=":material/query_stats:", layout="wide")
    navigation = st.navigation(pages())
    st.session_state["chart_config"] = share.chart_config()
    with share.copy_link():
        navigation.run()
        runs.write_link()


if __name__ == "__main__":  # a session's run of this file (`streamlit run`, AppTest)
    run()
else:
    # `streamlit run app.py` finds this st.App and imports the file once, before any visitor, to
    # serve it. Streamlit runs an app whose script sits next to a pages/ folder through its old
    # pages-directory routing until st.navigation has run once (PagesManager.uses_pages_directory,
    # Streamlit 1.67), so the first request of a fresh server, if a deep link such as /fit, got
    # "Page not found". This app routes only with st.navigation: say so before the first session.
    PagesManager.uses_pages_directory = False
    # Every page's pickers, and with them lib.fit and SciPy (half a second): loaded now, so the
    # first visitor does not wait for them.
    import ui.widgets  # noqa: F401

    app = st.App(__file__)
