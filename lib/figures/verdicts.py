"""Charts of the verdicts: how the published laws fare, which law forms extrapolate best, and one
family's backtest (its runs, the cutoff, each form's fit)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.figures.style import AXIS_LABELS, axis_settings, base_layout, chart_colours

VERDICT_COLOURS = {
    "reproduces": "#009E73", "close": "#E69F00", "differs": "#D55E00", "cannot check": "#999999", "no data": "#DDDDDD",
}


def verdict_counts_chart(verdicts: pd.DataFrame) -> go.Figure:
    """One bar per verdict: how many published laws received it."""
    counts = verdicts["verdict"].value_counts().reindex(list(VERDICT_COLOURS), fill_value=0)
    figure = go.Figure(go.Bar(
        x=counts.index, y=counts.to_numpy(), marker_color=[VERDICT_COLOURS[v] for v in counts.index],
        text=counts.to_numpy(), textposition="outside", hovertemplate="%{x}: %{y} laws<extra></extra>",
    ))
    figure.update_yaxes(title="Published laws")
    figure.update_xaxes(title="Verdict")
    return base_layout(figure, height=340)


def leaderboard_chart(board: pd.DataFrame) -> go.Figure:
    """Median held-out error of each law form (y) under each fitting method (one marker colour per
    method), the best form on top."""
    ranked = board.dropna(subset=["median_abs_rel_error"])
    order = ranked.groupby("form")["median_abs_rel_error"].min().sort_values(ascending=False).index.tolist()
    colours = chart_colours(ranked["method"])
    figure = go.Figure()
    for method, rows in ranked.groupby("method", sort=True):
        figure.add_trace(go.Scatter(
            x=rows["median_abs_rel_error"], y=rows["form"], mode="markers", name=method,
            marker={"size": 12, "color": colours[method]},
            customdata=rows[["families", "coverage"]].to_numpy(),
            hovertemplate="%{y}, " + method + "<br>median |error| %{x:.2%}<br>%{customdata[0]} families"
                          "<br>band coverage %{customdata[1]:.0%}<extra></extra>",
        ))
    figure.update_xaxes(title="Median |relative error| on the held-out larger runs", tickformat=".0%", rangemode="tozero")
    figure.update_yaxes(title="Law form", categoryorder="array", categoryarray=order)
    return base_layout(figure, height=max(320, 60 * len(order) + 120))


def backtest_chart(predictions: pd.DataFrame, axis: str, cutoff: float, y_label: str) -> go.Figure:
    """A family's runs (fitted ones hollow, held-out ones filled), the cutoff, and each form's
    prediction at every run."""
    runs = predictions.drop_duplicates("run_id").sort_values("x")
    figure = go.Figure()
    for held_out, name, symbol in ((False, "runs fitted on", "circle-open"), (True, "held-out runs", "circle")):
        rows = runs[runs["held_out"] == held_out]
        figure.add_trace(go.Scatter(x=rows["x"], y=rows["observed"], mode="markers", name=name,
                                    marker={"symbol": symbol, "size": 8, "color": "#000000"}))
    colours = chart_colours(predictions["form"])
    for form, rows in predictions.sort_values("x").groupby("form", sort=True):
        figure.add_trace(go.Scatter(x=rows["x"], y=rows["predicted"], mode="lines+markers", name=form,
                                    line={"color": colours[form], "width": 1.5}, marker={"size": 4}))
    figure.add_vline(x=cutoff, line_dash="dash", line_color="#666666",
                     annotation_text="cutoff: held out to the right", annotation_position="top left")
    figure.update_xaxes(**axis_settings(axis, AXIS_LABELS.get(axis, axis), True, list(runs["x"])))
    figure.update_yaxes(**axis_settings("value", y_label, True, list(runs["observed"]) + list(predictions["predicted"])))
    return base_layout(figure)
