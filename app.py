"""Scaling Atlas: published neural scaling results, fitted and compared. `streamlit run app.py`."""

import streamlit as st

from ui import runs, share

st.set_page_config(page_title="Scaling Atlas", page_icon=":material/query_stats:", layout="wide")

# Page files never share their stem with a url_path: a deep link would otherwise be routed by
# Streamlit's pages/ directory convention and skip this entrypoint.
PAGES = [
    st.Page("pages/overview_page.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/explore_page.py", title="Explore", icon=":material/scatter_plot:", url_path="explore"),
    st.Page("pages/fit_page.py", title="Fit", icon=":material/insights:", url_path="fit"),
    st.Page("pages/compare_page.py", title="Compare extrapolations", icon=":material/stacked_line_chart:", url_path="compare"),
    st.Page("pages/optimal_page.py", title="Compute-optimal", icon=":material/balance:", url_path="compute-optimal"),
    st.Page("pages/runs_page.py", title="My runs", icon=":material/upload_file:", url_path="my-runs"),
    st.Page("pages/benchmarks_page.py", title="Benchmarks", icon=":material/leaderboard:", url_path="benchmarks"),
    st.Page("pages/models_page.py", title="Models", icon=":material/hub:", url_path="models"),
    st.Page("pages/sources_page.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
]

navigation = st.navigation(PAGES)
st.session_state["chart_config"] = share.chart_config()
with share.copy_link():
    navigation.run()
    runs.write_link()
