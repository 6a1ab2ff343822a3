"""Explore: any families' runs against N, D, C, D/N or step, with provenance on hover."""

import streamlit as st

from lib.figures import axis_label, compute_caveats, data_axis_label, not_drawable, scaling_scatter
from ui import cache, share, state, widgets
from ui.params import EXPLORE as VIEW

st.title("Explore")
st.caption("Pick families from the papers, choose the axes, hover a point to see the run and where its numbers come from.")

options = widgets.family_options()
chosen = widgets.family_picker(VIEW, options)
if not chosen:
    st.info("Choose one or more families above to plot their runs. Type a paper, author year or dataset to search.")
    st.stop()

metrics = cache.metrics_of(tuple(chosen))
left, middle, right = st.columns([2, 1, 1])
metric = widgets.metric_picker(VIEW, left, metrics)
x = widgets.x_picker(VIEW, middle)
log_x = right.toggle("Log x axis", value=state.flag(VIEW["logx"]), key="widget_logx")
log_y = right.toggle("Log y axis", value=state.flag(VIEW["logy"]), key="widget_logy")
params, flops = widgets.convention_controls(VIEW)
state.write(VIEW, x=x, logx=log_x, logy=log_y)

points = cache.points(tuple(chosen), metric)
column = widgets.resolve_x(x, params, flops)
metric_name = dict(zip(metrics["metric"], metrics["name"]))[metric]
reported = set(points["family_id"])
without_metric = [options[family] for family in chosen if family not in reported]
if without_metric:
    st.caption(f"No {metric_name} reported by: {'; '.join(without_metric)}. Choose another metric to see them.")
hidden = not_drawable(points, column, "value", log_x, log_y)
if hidden.all():
    st.warning(
        f"None of these {len(points):,} points has a {'positive ' if log_x or log_y else ''}{axis_label(column)}"
        f"{' and value' if log_y else ''}: choose another x axis or convention, or a linear axis."
    )
else:
    if hidden.any():
        by_family = points[hidden].groupby("family_name").size()
        detail = "; ".join(f"{name}: {count:,}" for name, count in by_family.items())
        st.caption(f"{int(hidden.sum()):,} of {len(points):,} points have no {'positive ' if log_x else ''}{axis_label(column)} and are not drawn ({detail}).")
    caveats = compute_caveats(points, column)
    if caveats:
        st.caption("Compute is not counted alike: " + "; ".join(f"{name}: {how}" for name, how in caveats.items())
                   + ". Compare these families' compute with care, or choose C = 6ND.")
    x_label = data_axis_label(column, points["data_unit"].unique())
    share.show_chart(scaling_scatter(points, column, y_label=metric_name, log_x=log_x, log_y=log_y, x_label=x_label))

st.subheader(f"The {len(points):,} points")
table_columns = ["family_name", "run_id", "step", "N", "N_total", "N_non_embedding", "D", "C", "C_reported", "C_6ND",
                 "D_over_N", "metric", "value", "paper_id", "source_file", "source_locator", "extraction"]
share.show_table(points[table_columns], height=320)
st.download_button(
    "Download these points (CSV)",
    data=cache.csv_bytes(tuple(chosen), metric),
    file_name=f"scaling-atlas_{metric}.csv",
    mime="text/csv",
    icon=":material/download:",
)
