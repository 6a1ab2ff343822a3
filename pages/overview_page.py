"""Overview: what the store holds, and a first chart of chosen families."""

import streamlit as st

from lib.figures import axis_label, not_drawable, scaling_scatter
from ui import cache, share, state, widgets
from ui.params import OVERVIEW as VIEW
from ui.params import START_HERE

st.title("Scaling Atlas")
st.caption("Published neural scaling results in one place: curated with provenance, ready to fit and compare.")

summary = cache.summary()
columns = st.columns(7)
for column, (label, key) in zip(
    columns,
    [
        ("Papers", "papers"),
        ("Domains", "domains_with_points"),
        ("Families", "families"),
        ("Points", "points"),
        ("Published laws", "published_laws"),
        ("Papers with laws", "papers_with_laws"),
        ("Public models", "models"),
    ],
):
    column.metric(label, f"{summary[key]:,}")

st.subheader("Start here")
view_columns = st.columns(2)
for index, (page, label, icon, query) in enumerate(START_HERE):
    view_columns[index % 2].page_link(page, label=label, icon=icon, query_params=query)

families = cache.families()
with_points = families[families["points"] > 0]
names = dict(zip(with_points["family_id"], with_points["name"]))

st.subheader("Loss against compute")
chosen = widgets.family_picker(VIEW, names)

if not chosen:
    st.info("Choose one or more families above to plot their runs.")
else:
    metrics = cache.metrics_of(tuple(chosen))
    metric_names = dict(zip(metrics["metric"], metrics["name"]))
    left, middle, right = st.columns([2, 1, 1])
    metric = widgets.metric_picker(VIEW, left, metrics)
    x = widgets.x_picker(VIEW, middle)
    log_y = right.toggle("Log y axis", value=state.flag(VIEW["logy"]), key="widget_logy")
    state.write(VIEW, x=x, logy=log_y)

    points = cache.points(tuple(chosen), metric)
    hidden = int(not_drawable(points, x, "value", True, log_y).sum())
    if hidden:
        st.caption(f"{hidden} of {len(points)} points have no positive {axis_label(x)} and are not drawn.")
    figure = scaling_scatter(points, x, y_label=metric_names[metric], log_y=log_y)
    share.show_chart(figure)

papers_tab, families_tab = st.tabs(["Papers", "Families"])
with papers_tab:
    st.dataframe(
        cache.papers()[["year", "title", "authors", "arxiv_id", "families", "points", "published_laws", "url"]],
        hide_index=True,
        width="stretch", placeholder="",
        column_config={"url": st.column_config.LinkColumn("Link"), "year": st.column_config.NumberColumn(format="%d")},
    )
with families_tab:
    st.dataframe(
        families[["name", "domain", "paper_title", "training_data", "param_convention", "runs", "points", "metrics"]],
        hide_index=True,
        width="stretch", placeholder="",
    )
