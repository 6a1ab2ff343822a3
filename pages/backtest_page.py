"""Backtest: which law form and fitting method extrapolates best? Each form fitted on a family's
smaller runs and scored on its larger ones, across every family with enough range."""

import streamlit as st

from lib import export
from lib.figures.verdicts import backtest_chart, leaderboard_chart
from lib.verdicts import backtest
from ui import runs, share, state, verdicts, widgets
from ui.params import BACKTEST as VIEW
from ui.text import plain

st.title("Backtest")
st.caption("Fit on the smaller runs, predict the larger ones: a leaderboard of law forms and fitting methods "
           "across every family whose runs span enough compute.")
with st.expander("The backtest protocol"):
    st.text(backtest.__doc__.strip())

board = verdicts.leaderboard()
scores = verdicts.backtest_scores()
if board.empty:
    st.info(verdicts.NOT_COMPUTED)
    st.stop()

share.show_chart(leaderboard_chart(board))
share.show_table(board, {
    "median_abs_rel_error": st.column_config.NumberColumn("median |error|", format="percent"),
    "coverage": st.column_config.NumberColumn("band coverage", format="percent",
                                              help=f"share of held-out runs inside the fit's {backtest.LEVEL:.0%} band"),
})
st.download_button("All scores (CSV)", export.csv_bytes(scores.drop(columns="params")), file_name="scaling-atlas-backtest.csv",
                   mime="text/csv", icon=":material/download:")

st.subheader("One family")
backtested = set(scores["family"])
labels = {f: label for f, label in widgets.family_options().items() if f in backtested or f == runs.MY_RUNS}
options = list(labels)
unknown = state.unknown_choice(VIEW["family"], options)
if unknown:
    st.warning(f"No backtested family '{plain(unknown)}'; choose one below.")
family = st.selectbox("Family", options, index=options.index(state.choice(VIEW["family"], options)),
                      format_func=labels.get, key="widget_family")
method = state.bound(st.radio, "Method drawn", VIEW["method"], horizontal=True)
state.write(VIEW, family=family)

if family == runs.MY_RUNS:
    family_scores, family_runs = verdicts.backtest_my_runs()
    if family_scores.empty:
        st.info("Your runs do not qualify: a backtest needs one loss over at least "
                f"{backtest.MIN_RUNS} runs spanning {backtest.MIN_DECADES} decades of compute or parameters.")
        st.stop()
else:
    family_scores = scores[scores["family"] == family]
    family_runs = verdicts.family_runs(family, family_scores["metric"].iloc[0])
drawn = family_scores[family_scores["method"] == method]
first = drawn.iloc[0]
share.show_chart(backtest_chart(backtest.backtest_predictions(family_runs, drawn), first["axis"], first["cutoff"],
                                "Loss"))
st.caption(f"{int(first['n_train'])} runs fitted, {int(first['n_test'])} held out (the top third of the log range "
           f"of {first['axis']}).")
share.show_table(family_scores.drop(columns=["params"]), {
    "mean_abs_rel_error": st.column_config.NumberColumn("mean |error|", format="percent"),
    "coverage": st.column_config.NumberColumn("band coverage", format="percent"),
})
