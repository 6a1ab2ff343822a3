"""Reproductions: does each published law follow from the runs it was fitted on? One verdict per
law, with the rule, the printed and refit coefficients, and a link to the refit."""

import streamlit as st

from lib import export
from lib.figures.verdicts import verdict_counts_chart
from lib.verdicts import rule
from lib.verdicts.views import VERDICT_LABELS, coefficient_comparison, reproduction_table
from ui import cache, share, state, verdicts
from ui.params import REPRODUCTIONS as VIEW
from ui.text import plain

st.title("Reproductions")
st.caption("Each published law refitted on its own runs with the paper's method as the law's row records it, "
           "bootstrapped, and judged: do the printed coefficients follow from the released runs?")
with st.expander("The verdict rule"):
    st.text(rule.__doc__.strip())

table = verdicts.law_verdicts()
if table.empty:
    st.info(verdicts.NOT_COMPUTED)
    st.stop()

share.show_chart(verdict_counts_chart(table))
chosen, unknown = state.many(VIEW["verdicts"])
if unknown:
    st.warning(f"Unknown verdict(s) in the link: {plain(', '.join(unknown))}; known: {', '.join(VIEW['verdicts'].options)}.")
chosen = st.multiselect("Verdicts shown", VIEW["verdicts"].options, default=chosen, format_func=VERDICT_LABELS.get, key="widget_verdicts")
papers = sorted(table["paper_id"].unique())
paper_options = ["all", *papers]
paper = st.selectbox("Paper", paper_options, index=paper_options.index(state.choice(VIEW["paper"], paper_options)),
                     key="widget_paper")
state.write(VIEW, verdicts=chosen, paper="" if paper == "all" else paper)

shown = table[table["verdict"].isin(chosen) & ((table["paper_id"] == paper) | (paper == "all"))]
rows = reproduction_table(shown, cache.published_laws(), verdicts.verdict_coefficients(tuple(shown["law_id"])))
st.caption(f"{len(rows):,} of {len(table):,} published laws. Laws whose runs are not in the store are listed "
           "as 'no data', never hidden.")
share.show_table(rows, {
    "refit": st.column_config.LinkColumn("Refit", display_text="open", help="The Fit (or Compute-optimal) page set up as this refit"),
    "gap over the runs": st.column_config.NumberColumn(format="percent", help="median |printed / refit − 1| over the runs"),
    "gap at 10x": st.column_config.NumberColumn(format="percent", help="|printed / refit − 1| at 10x the largest run's compute"),
    "reason": st.column_config.TextColumn(width="large"),
})
st.download_button("Verdicts (CSV)", export.csv_bytes(rows), file_name="scaling-atlas-verdicts.csv", mime="text/csv",
                   icon=":material/download:")

st.subheader("One law")
checked = shown[shown["verdict"] != "no data"]["law_id"].tolist()
if not checked:
    st.info("No law with runs in the store among those shown.")
    st.stop()
unknown_law = state.unknown_choice(VIEW["law"], checked)
if unknown_law:
    st.warning(f"No law '{plain(unknown_law)}' with a refit among those shown; choose one below.")
law_id = state.bound(st.selectbox, "Law", VIEW["law"], checked)
row = table.set_index("law_id").loc[law_id]
st.markdown(f"**{VERDICT_LABELS[row['verdict']]}** — {plain(row['reason'], limit=2000)}")
st.caption(f"Refit on {int(row['n_points']):,} points of {plain(row['families'])} ({plain(row['metric'])}); "
           f"method: {plain(row['method'], limit=400)}.")
coefficients = verdicts.verdict_coefficients((law_id,))
if not coefficients.empty:
    share.show_table(coefficient_comparison(coefficients),
                     {c: st.column_config.NumberColumn(format="%.4g") for c in ("printed", "refit", "interval low", "interval high")})
