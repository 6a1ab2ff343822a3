"""Overview: what the store holds, and a first chart of chosen families."""

import streamlit as st

from lib.figures import axis_label, not_drawable, scaling_scatter
from ui import cache, share, state, widgets

DEFAULT_FAMILIES = ("chinchilla_epoch",)
X_CHOICES = ("C", "N", "D", "D_over_N")

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

OVERTRAINED = ",".join(f"openlm_rw_m{m}" for m in (5, 10, 20, 40, 80, 160, 320, 640))
CANONICAL_VIEWS = [
    ("pages/optimal_page.py", "Kaplan vs Chinchilla: compute-optimal allocation", ":material/balance:",
     {"laws": "kaplan2020_N_opt,hoffmann2022_approach3,besiroglu2024_approach3,"
              "porian2024_rw_base_long_kaplan_kaplan_train_N_opt,porian2024_rw_tuned_short_const_standard_val_N_opt",
      "mode": "C", "value": "1e24"}),
    ("pages/fit_page.py", "Chinchilla replication: Approach 3 on the Epoch extraction", ":material/insights:",
     {"families": "chinchilla_epoch", "law": "chinchilla", "top": "5", "boot": "200", "loss": "huber", "delta": "0.001"}),
    ("pages/explore_page.py", "Over-training: Gadre et al. OpenLM on RefinedWeb, M = 5 to 640", ":material/scatter_plot:",
     {"families": OVERTRAINED, "metric": "val_loss_c4_eval", "x": "C"}),
    ("pages/compare_page.py", "Kaplan, Hoffmann, Besiroglu and a fresh fit at 1e25 FLOPs", ":material/stacked_line_chart:",
     {"laws": "kaplan2020_L_ND,hoffmann2022_approach3,besiroglu2024_approach3", "fitfam": "chinchilla_epoch",
      "fitlaws": "chinchilla", "target": "1e25"}),
]

st.subheader("Start here")
view_columns = st.columns(2)
for index, (page, label, icon, query) in enumerate(CANONICAL_VIEWS):
    view_columns[index % 2].page_link(page, label=label, icon=icon, query_params=query)

families = cache.families()
with_points = families[families["points"] > 0]
names = dict(zip(with_points["family_id"], with_points["name"]))

st.subheader("Loss against compute")
chosen = widgets.family_picker(names, list(DEFAULT_FAMILIES))

if not chosen:
    st.info("Choose one or more families above to plot their runs.")
else:
    metrics = cache.metrics_of(tuple(chosen))
    metric_names = dict(zip(metrics["metric"], metrics["name"]))
    default_metric = "train_loss" if "train_loss" in metric_names else metrics["metric"].iloc[0]
    left, middle, right = st.columns([2, 1, 1])
    metric = left.selectbox(
        "Metric",
        options=list(metric_names),
        index=list(metric_names).index(state.read_choice("metric", list(metric_names), default_metric)),
        format_func=lambda m: f"{metric_names[m]} ({m})",
    )
    x = middle.selectbox(
        "x axis",
        options=X_CHOICES,
        index=X_CHOICES.index(state.read_choice("x", X_CHOICES, "C")),
        format_func=axis_label,
    )
    log_y = right.toggle("Log y axis", value=st.query_params.get("logy", "1") == "1")
    state.write(metric=metric, x=x, logy=int(log_y))

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
