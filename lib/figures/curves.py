"""Law curves over runs: fitted or published, with uncertainty bands, and the stretch beyond
the data each law was fitted on drawn dashed over a shaded region."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.figures.scatter import family_traces
from lib.figures.style import axis_label, axis_settings, base_layout, chart_colours, mark_x

BEYOND_FILL = "rgba(120, 120, 120, 0.10)"
FIT_COLOUR = "#222222"  # the fitted curve, dark over the family-coloured runs it was fitted on


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def add_curve(figure: go.Figure, frame: pd.DataFrame, x: str, *, label: str, colour: str,
              data_max: float | None, dash: str = "solid", row=None, col=None) -> None:
    """The law's line (solid within its data, dotted beyond) and its band where there is one."""
    where = {"row": row, "col": col} if row else {}
    frame = frame[np.isfinite(frame["loss"]) & (frame[x] > 0)]
    if frame["low"].notna().any():
        band = frame[frame["low"].notna()]
        figure.add_trace(go.Scatter(
            x=np.concatenate([band[x], band[x][::-1]]), y=np.concatenate([band["high"], band["low"][::-1]]),
            fill="toself", fillcolor=_rgba(colour, 0.18), line={"width": 0}, hoverinfo="skip",
            name=f"{label}: 95% band", legendgroup=label, showlegend=False,
        ), **where)
    inside = frame if data_max is None else frame[frame[x] <= data_max]
    beyond = frame.iloc[0:0] if data_max is None else frame[frame[x] >= data_max]
    line = {"color": colour, "width": 2.5, "dash": dash}
    figure.add_trace(go.Scatter(x=inside[x], y=inside["loss"], mode="lines", name=label, legendgroup=label,
                                line=line), **where)
    if not beyond.empty:
        figure.add_trace(go.Scatter(x=beyond[x], y=beyond["loss"], mode="lines", name=f"{label} (beyond its data)",
                                    legendgroup=label, showlegend=False, line={**line, "dash": "dot"}), **where)


def shade_beyond(figure: go.Figure, start: float, end: float, text: str = "beyond the data") -> None:
    """Shade [start, end] on a log x axis and label it (annotations on log axes take log10 x)."""
    if end > start:
        figure.add_vrect(x0=start, x1=end, fillcolor=BEYOND_FILL, line_width=0, layer="below")
        figure.add_annotation(x=np.log10(start), y=1, xref="x", yref="paper", text=text, showarrow=False,
                              xanchor="left", yanchor="bottom", font={"size": 12, "color": "#555"})


def fit_chart(table: pd.DataFrame, kept: np.ndarray, curve: pd.DataFrame, x: str, *, label: str,
              y_label: str, log_y: bool = True, target: float | None = None) -> go.Figure:
    """The fitted runs (left-out runs hollow), the fitted curve with its band, the region past
    the data shaded."""
    left_out = np.setdiff1d(np.arange(len(table)), kept)
    colours = chart_colours(table["family_id"])
    figure = go.Figure(family_traces(table.iloc[kept], x, "value", colours))
    if left_out.size:
        for trace in family_traces(table.iloc[left_out], x, "value", colours, symbol="circle-open", size=9):
            figure.add_trace(trace.update(name=f"{trace.name}: left out of the fit", opacity=0.7))
    data_max = float(table[x].max())
    add_curve(figure, curve, x, label=label, colour=FIT_COLOUR, data_max=data_max)
    shade_beyond(figure, data_max, float(curve[x].max()))
    if target is not None:
        mark_x(figure, target, "held-out cutoff", "#444")
    values = np.concatenate([table[x].to_numpy(), curve[x].to_numpy()])
    figure.update_xaxes(**axis_settings(x, axis_label(x), True, values.tolist()))
    losses = np.concatenate([table["value"].to_numpy(), curve["loss"].to_numpy()]).tolist()
    figure.update_yaxes(**axis_settings("value", y_label, log_y, losses))
    return base_layout(figure)


def residual_chart(table: pd.DataFrame, kept: np.ndarray, residuals: np.ndarray, x: str, space: str) -> go.Figure:
    fitted = table.iloc[kept].assign(residual=residuals)
    figure = go.Figure(family_traces(fitted, x, "residual"))
    figure.add_hline(y=0, line_color="#444", line_width=1)
    figure.update_xaxes(**axis_settings(x, axis_label(x), True, fitted[x].tolist()))
    figure.update_yaxes(title="log(observed) - log(predicted)" if space == "log" else "observed - predicted")
    return base_layout(figure, height=320)


def sensitivity_chart(table: pd.DataFrame, coefficients: list[str]) -> go.Figure:
    """One panel per coefficient: its value under each fitting method, with and without the
    top-K exclusion."""
    figure = make_subplots(rows=1, cols=len(coefficients), subplot_titles=coefficients, horizontal_spacing=0.06)
    colours = chart_colours(f"sensitivity-{excluded}" for excluded in table["excluded_top"].unique())
    for column, name in enumerate(coefficients, start=1):
        for excluded, rows in table.groupby("excluded_top"):
            figure.add_trace(go.Scatter(
                x=rows[name], y=rows["method"], mode="markers",
                marker={"size": 10, "symbol": "circle" if excluded == 0 else "diamond",
                        "color": colours[f"sensitivity-{excluded}"]},
                name="all points" if excluded == 0 else f"top {excluded} left out",
                legendgroup=str(excluded), showlegend=column == 1,
            ), row=1, col=column)
        figure.update_yaxes(showticklabels=column == 1, row=1, col=column)
    return base_layout(figure, height=300)


def comparison_chart(curves: list[dict], x: str, target: float, y_label: str = "Predicted loss") -> go.Figure:
    """Several laws on one axis up to a target. Each curve: label, colour, frame (x, loss, low,
    high), data_max (None when the law's data range is unknown), published (bool)."""
    figure = go.Figure()
    for curve in curves:
        add_curve(figure, curve["frame"], x, label=curve["label"], colour=curve["colour"],
                  data_max=curve["data_max"], dash="dash" if curve["published"] else "solid")
    known = [c["data_max"] for c in curves if c["data_max"] is not None]
    if known:
        shade_beyond(figure, max(known), target, "beyond every fit's data")
    mark_x(figure, target, "target")
    values = [v for c in curves for v in c["frame"][x].tolist()]
    figure.update_xaxes(**axis_settings(x, axis_label(x), True, values))
    losses = [v for c in curves for column in ("loss", "low", "high") for v in c["frame"][column].tolist()]
    figure.update_yaxes(**axis_settings("loss", y_label, True, losses))
    return base_layout(figure)
