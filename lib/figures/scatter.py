"""The scaling scatter: runs of chosen families against N, D, C or D/N."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.conventions import OTHER_COMPUTE_BASIS, REPORTED_COMPUTE_COLUMNS
from lib.figures.style import axis_label, axis_settings, base_layout, chart_colours, natural_key


def compute_caveats(points: pd.DataFrame, x: str) -> dict[str, str]:
    """Family name -> how its compute is counted, for families whose reported compute on the
    x axis is not training FLOPs (e.g. OpenCLIP's forward-pass GMACs)."""
    if x not in REPORTED_COMPUTE_COLUMNS or points.empty:
        return {}
    other = points[points["flops_method"].isin(list(OTHER_COMPUTE_BASIS)) & points["C_reported"].notna()]
    pairs = other.drop_duplicates(["family_name", "flops_method"])
    return {row.family_name: OTHER_COMPUTE_BASIS[row.flops_method] for row in pairs.itertuples()}


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
    families), hover naming each run's provenance; a family whose compute on x is counted on
    another basis says so in its legend entry. The legend lists families by name, numbers read
    as numbers (M=5, 10, 20, ... 640)."""
    colours = colours or chart_colours(points["family_id"])
    caveats = compute_caveats(points, x)
    families = sorted(points.groupby("family_id", sort=True), key=lambda group: natural_key(group[1]["family_name"].iloc[0]))
    return [
        go.Scatter(
            x=rows[x],
            y=rows[y],
            mode="markers",
            name=_legend_name(rows["family_name"].iloc[0], caveats),
            legendgroup=family_id,
            marker={"color": colours[family_id], "size": 7, "opacity": 0.8, **marker},
            hovertext=hover_text(rows),
            hoverinfo="text+x+y",
        )
        for family_id, rows in families
    ]


def _legend_name(family_name: str, caveats: dict[str, str]) -> str:
    return f"{family_name} (C: {caveats[family_name]})" if family_name in caveats else family_name


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
