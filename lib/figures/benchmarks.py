"""The benchmark chart: downstream scores of chosen families against C, N or a loss, with a
fitted sigmoid, its bootstrap band, and the part beyond the data drawn dashed over a shaded
region."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.figures.scatter import family_traces
from lib.figures.style import axis_settings, base_layout

FIT_COLOUR = "#333333"
BAND_COLOUR = "rgba(51, 51, 51, 0.15)"
BEYOND_COLOUR = "rgba(230, 159, 0, 0.10)"
CHANCE_COLOUR = "#7a7a7a"
SCORE_RANGE = (0.0, 1.0)  # scores are fractions (lib.schema): the y axis never leaves [0, 1]
Y_MARGIN = 0.03


def _fit_traces(curve: pd.DataFrame, x: str, level_label: str) -> list[go.Scatter]:
    """The band where the fit has one (upper edge, then lower edge filled up to it) and the
    fitted line, solid over the data and dashed beyond it."""
    traces = []
    if curve["low"].notna().any():
        traces += [
            go.Scatter(x=curve[x], y=curve["high"], mode="lines", line={"width": 0}, hoverinfo="skip",
                       showlegend=False, legendgroup="fit"),
            go.Scatter(x=curve[x], y=curve["low"], mode="lines", line={"width": 0}, fill="tonexty",
                       fillcolor=BAND_COLOUR, name=level_label, legendgroup="fit", hoverinfo="skip"),
        ]
    for beyond, name, dash in ((False, "Sigmoid fit", "solid"), (True, "Sigmoid fit, extrapolated", "dash")):
        part = curve[curve["beyond"] == beyond]
        if not part.empty:
            traces.append(go.Scatter(x=part[x], y=part["fit"], mode="lines", name=name, legendgroup="fit",
                                     line={"color": FIT_COLOUR, "width": 2.5, "dash": dash}))
    return traces


def _shade_beyond(figure: go.Figure, curve: pd.DataFrame, x: str, log_x: bool) -> None:
    beyond = curve.loc[curve["beyond"], x]
    if beyond.empty:
        return
    start, end = float(beyond.min()), float(beyond.max())
    figure.add_shape(type="rect", xref="x", yref="paper", x0=start, x1=end, y0=0, y1=1,
                     fillcolor=BEYOND_COLOUR, line={"width": 0}, layer="below")
    # Plotly places shapes on a log axis by value but annotations by log10 of the value.
    middle = (math.log10(start) + math.log10(end)) / 2 if log_x else (start + end) / 2
    figure.add_annotation(x=middle, xref="x", y=1, yref="paper", yanchor="bottom",
                          text="beyond the data", showarrow=False, font={"color": "#8a5a00"})


def _score_range(points: pd.DataFrame, curve: pd.DataFrame | None, chance: float | None) -> list[float]:
    values = [points["value"].to_numpy(float), np.array([np.nan if chance is None else chance])]
    if curve is not None:
        values += [curve[column].to_numpy(float) for column in ("fit", "low", "high")]
    finite = np.concatenate(values)
    finite = finite[np.isfinite(finite)]
    low = max(SCORE_RANGE[0], finite.min() - Y_MARGIN) if finite.size else SCORE_RANGE[0]
    high = min(SCORE_RANGE[1], finite.max() + Y_MARGIN) if finite.size else SCORE_RANGE[1]
    return [low, high]


def benchmark_chart(
    points: pd.DataFrame,
    x: str,
    *,
    x_label: str,
    y_label: str,
    log_x: bool,
    curve: pd.DataFrame | None = None,
    level_label: str = "95% bootstrap band",
    chance: float | None = None,
) -> go.Figure:
    """`points`: rows with a drawable `x` and a score in `value`; `curve`: a fit's grid (columns
    x, beyond, fit, low, high), or None to draw the points alone; `chance`: the score of random
    guessing, drawn as a dotted line where the source states one."""
    traces = family_traces(points, x, "value")
    if curve is not None:
        traces = _fit_traces(curve, x, level_label) + traces  # points on top of the band
    figure = go.Figure(traces)
    if curve is not None:
        _shade_beyond(figure, curve, x, log_x)
    if chance is not None:
        figure.add_hline(y=chance, line={"color": CHANCE_COLOUR, "width": 1.5, "dash": "dot"},
                         annotation_text=f"chance {chance:g}", annotation_position="bottom right",
                         annotation_font_color=CHANCE_COLOUR)
    x_values = points[x].tolist() + ([] if curve is None else curve[x].tolist())
    figure.update_xaxes(**axis_settings(x, x_label, log_x, x_values))
    figure.update_yaxes(title=y_label, range=_score_range(points, curve, chance))
    base_layout(figure)
    figure.update_layout(margin={"t": 50})  # room for the "beyond the data" label
    return figure
