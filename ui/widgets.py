"""Controls several pages share, each reading its default from the URL and writing back to it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.figures import axis_label
from lib.fitspec import MAX_FAMILIES
from ui import cache, runs, state
from ui.text import plain, plain_list

PARAM_COUNTS = {"N": "as each paper counts", "N_total": "with embeddings", "N_non_embedding": "non-embedding"}
FLOP_COUNTS = {"C": "as reported (6ND where not)", "C_6ND": "6ND"}
X_VARIABLES = ("C", "N", "D", "D_over_N", "step")


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


def family_picker(
    options: dict[str, str],
    default: list[str],
    *,
    key: str = "families",
    label: str = "Families",
    max_selections: int = MAX_FAMILIES,
) -> list[str]:
    chosen, unknown = state.read_list(key, list(options), [f for f in default if f in options])
    chosen = list(dict.fromkeys(chosen))  # a family listed twice is one choice
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
    state.write(**{key: chosen})
    return chosen


def convention_controls(container=st) -> tuple[str, str]:
    """The columns used for parameters and FLOPs; the axis label names the convention."""
    left, right = container.columns([3, 2])  # the three parameter counts read in full at 1280 px
    params = left.segmented_control(
        "Parameters", options=list(PARAM_COUNTS), format_func=PARAM_COUNTS.get,
        default=state.read_choice("params", list(PARAM_COUNTS), "N"), key="widget_params",
    ) or "N"
    flops = right.segmented_control(
        "FLOPs", options=list(FLOP_COUNTS), format_func=FLOP_COUNTS.get,
        default=state.read_choice("flops", list(FLOP_COUNTS), "C"), key="widget_flops",
    ) or "C"
    state.write(params=params, flops=flops)
    return params, flops


def resolve_x(x: str, params: str, flops: str) -> str:
    """The points column behind an x choice under the chosen conventions."""
    return {"N": params, "C": flops}.get(x, x)


def x_picker(container, default: str = "C", key: str = "x") -> str:
    return container.selectbox(
        "x axis",
        options=X_VARIABLES,
        index=X_VARIABLES.index(state.read_choice(key, X_VARIABLES, default)),
        format_func=axis_label,
        key=f"widget_{key}",
    )


def metric_picker(container, metrics: pd.DataFrame, default: str = "train_loss", key: str = "metric") -> str:
    names = dict(zip(metrics["metric"], metrics["name"]))
    fallback = default if default in names else metrics["metric"].iloc[0]
    metric = container.selectbox(
        "Metric",
        options=list(names),
        index=list(names).index(state.read_choice(key, list(names), fallback)),
        format_func=lambda m: metric_label(m, names[m]),
        key=f"widget_{key}",
    )
    state.write(**{key: metric})
    return metric


def metric_label(metric: str, name: str) -> str:
    """'Training loss (train_loss)': the name, and the id where the name does not already say it
    (an uploaded column's name is its id: 'loss (my runs)')."""
    return name if metric.casefold() in name.casefold() else f"{name} ({metric})"
