"""Controls several pages share, each reading its default from the URL and writing back to it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.figures import axis_label
from ui import cache, runs, state
from ui.params import FLOP_COUNTS, PARAM_COUNTS, View
from ui.text import plain, plain_list


def family_options(require_points: bool = True) -> dict[str, str]:
    """Family id -> label, grouped by domain then paper year, so the searchable list reads as
    sections ("[language] ...", "[vision] ..."); this session's own runs (uploaded, or carried
    by the link it was opened with) come first."""
    link_problem = runs.load_from_link()
    if link_problem:
        st.warning(f"The runs in this link could not be loaded: {plain(link_problem, limit=300)}")
    families = cache.families()
    if require_points:
        families = families[families["points"] > 0]
    families = families.sort_values(["domain", "year", "name"])
    options = {row.family_id: f"[{row.domain}] {row.name}" for row in families.itertuples()}
    held = runs.current()
    if held:
        options = {runs.MY_RUNS: f"[my runs] My runs ({held['filename']})", **options}
    return options


def family_picker(view: View, options: dict[str, str], *, key: str = "families", label: str = "Families") -> list[str]:
    param = view[key]
    max_selections = param.limit
    chosen, unknown = state.many(param, options)
    if unknown:
        st.warning(f"Not in the store, left out of this view: {plain_list(unknown)}.")
    if len(chosen) > max_selections:
        st.warning(f"This link lists {len(chosen):,} families; this view takes at most {max_selections}, so these "
                   f"are left out: {plain_list(chosen[max_selections:])}.")
    chosen = st.multiselect(
        label,
        options=list(options),
        default=chosen[:max_selections],
        format_func=options.get,
        placeholder="Type to search families by name, paper or domain",
        max_selections=max_selections,
        key=f"widget_{key}",
        wrap=True,  # in a column Streamlit would keep the chips on one scrolling row, hiding all but the first
    )
    state.write(view, **{key: chosen})
    return chosen


def convention_controls(view: View, container=st) -> tuple[str, str]:
    """The columns used for parameters and FLOPs; the axis label names the convention."""
    left, right = container.columns([3, 2])  # the three parameter counts read in full at 1280 px
    params = left.segmented_control(
        "Parameters", options=list(PARAM_COUNTS), format_func=PARAM_COUNTS.get,
        default=state.choice(view["params"]), key="widget_params",
    ) or view["params"].default
    flops = right.segmented_control(
        "FLOPs", options=list(FLOP_COUNTS), format_func=FLOP_COUNTS.get,
        default=state.choice(view["flops"]), key="widget_flops",
    ) or view["flops"].default
    state.write(view, params=params, flops=flops)
    return params, flops


def resolve_x(x: str, params: str, flops: str) -> str:
    """The points column behind an x choice under the chosen conventions."""
    return {"N": params, "C": flops}.get(x, x)


def x_picker(view: View, container) -> str:
    """The x axis among the view's declared variables (written with the rest of the view)."""
    options = view["x"].options
    return container.selectbox("x axis", options=options, index=options.index(state.choice(view["x"])),
                               format_func=axis_label, key="widget_x")


def metric_picker(view: View, container, metrics: pd.DataFrame) -> str:
    names = dict(zip(metrics["metric"], metrics["name"]))
    metric = container.selectbox(
        "Metric",
        options=list(names),
        index=list(names).index(state.choice(view["metric"], list(names))),
        format_func=lambda m: metric_label(m, names[m]),
        key="widget_metric",
    )
    state.write(view, metric=metric)
    return metric


def metric_label(metric: str, name: str) -> str:
    """'Training loss (train_loss)': the name, and the id where the name does not already say it
    (an uploaded column's name is its id: 'loss (my runs)')."""
    return name if metric.casefold() in name.casefold() else f"{name} ({metric})"
