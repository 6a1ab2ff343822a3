"""The scaling scatter: runs of chosen families against N, D, C or D/N."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.figures.style import axis_label, axis_settings, base_layout, chart_colours


def hover_text(points: pd.DataFrame) -> list[str]:
    """The run, its family and where its numbers come from."""
    return [
        f"<b>{row.run_id}</b><br>{row.family_name}<br>"
        f"source: {row.source_file} ({row.source_locator})<br>{str(row.extraction).replace('_', ' ')}"
        for row in points.itertuples()
    ]


def not_drawable(points: pd.DataFrame, x: str, y: str, log_x: bool, log_y: bool) -> pd.Series:
    missing = points[x].isna() | points[y].isna()
    off_log_x = (points[x] <= 0) if log_x else False
    off_log_y = (points[y] <= 0) if log_y else False
    return missing | off_log_x | off_log_y


def family_traces(points: pd.DataFrame, x: str, y: str, colours: dict[str, str] | None = None,
                  **marker) -> list[go.Scatter]:
    """One marker trace per family, coloured by family (`colours`, else told apart among these
    families), hover naming each run's provenance."""
    colours = colours or chart_colours(points["family_id"])
    return [
        go.Scatter(
            x=rows[x],
            y=rows[y],
            mode="markers",
            name=rows["family_name"].iloc[0],
            legendgroup=family_id,
            marker={"color": colours[family_id], "size": 7, "opacity": 0.8, **marker},
            hovertext=hover_text(rows),
            hoverinfo="text+x+y",
        )
        for family_id, rows in points.groupby("family_id", sort=True)
    ]


def scaling_scatter(
    points: pd.DataFrame,
    x: str,
    y: str = "value",
    *,
    y_label: str,
    log_x: bool = True,
    log_y: bool = True,
    x_label: str | None = None,
) -> go.Figure:
    """Rows a log axis cannot show (zero, negative or missing) are left out; the caller reports
    how many via `not_drawable`."""
    drawable = points[~not_drawable(points, x, y, log_x, log_y)]
    figure = go.Figure(family_traces(drawable, x, y))
    figure.update_xaxes(**axis_settings(x, x_label or axis_label(x), log_x, drawable[x].tolist()))
    figure.update_yaxes(**axis_settings(y, y_label, log_y, drawable[y].tolist()))
    return base_layout(figure)
