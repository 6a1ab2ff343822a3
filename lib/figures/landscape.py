"""The model landscape: public models (the MODELS table) by parameters, training compute and
dataset size, coloured by domain, with a family's runs or the user's own overlaid."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.figures.scatter import family_traces
from lib.figures.style import axis_settings, base_layout, chart_colours

# A models column -> (the points column of the same quantity, its axis title). The points
# column also picks the tick labels (1B, 1e21).
MODEL_AXES = {
    "params": ("N", "Parameters"),
    "flops": ("C", "Training compute (FLOP)"),
    "dataset_size": ("D", "Training dataset size (datapoints; tokens for LMs)"),
}


def not_placeable(models: pd.DataFrame, x: str, y: str) -> pd.Series:
    """Models a log-log chart of x against y cannot show: a value missing or not positive."""
    return ~((models[x] > 0) & (models[y] > 0))


def model_hover(models: pd.DataFrame) -> list[str]:
    """Name, organization, date, domain(s), confidence and where the row comes from."""
    return [
        f"<b>{row.name}</b><br>{row.organization if isinstance(row.organization, str) else 'organization not stated'}"
        f"<br>published {row.publication_date} · {row.domains_listed if isinstance(row.domains_listed, str) else row.domain}"
        f"<br>confidence: {row.confidence}<br>source: {row.source_file} ({row.source_locator})"
        for row in models.itertuples()
    ]


def model_landscape(models: pd.DataFrame, x: str, y: str, overlay: pd.DataFrame | None = None) -> go.Figure:
    """One marker trace per domain (log axes); `overlay` = points_view rows (one per run), drawn
    as outlined diamonds in their family's colour on the same quantities."""
    figure = go.Figure()
    colours = chart_colours(models["domain"])
    for domain, rows in models.groupby("domain", sort=True):
        figure.add_trace(
            go.Scatter(
                x=rows[x], y=rows[y], mode="markers", name=domain.replace("_", " "), legendgroup=f"domain-{domain}",
                marker={"color": colours[domain], "size": 7, "opacity": 0.75},
                hovertext=model_hover(rows), hoverinfo="text+x+y",
            )
        )
    x_column, x_title = MODEL_AXES[x]
    y_column, y_title = MODEL_AXES[y]
    x_values, y_values = list(models[x]), list(models[y])
    if overlay is not None and not overlay.empty:
        for trace in family_traces(overlay, x_column, y_column, symbol="diamond", size=10,
                                   line={"width": 1.5, "color": "#000000"}):
            figure.add_trace(trace)
        x_values += list(overlay[x_column])
        y_values += list(overlay[y_column])
    figure.update_xaxes(**axis_settings(x_column, x_title, True, x_values))
    figure.update_yaxes(**axis_settings(y_column, y_title, True, y_values))
    return base_layout(figure, height=600)


def overlay_runs(points: pd.DataFrame) -> pd.DataFrame:
    """One row per run of a family (its last checkpoint): points_view repeats a run's N, D and C
    for every metric and step."""
    if points.empty:
        return points
    ordered = points.sort_values(["family_id", "run_id", "step"], na_position="first", kind="stable")
    return ordered.drop_duplicates(["family_id", "run_id"], keep="last").reset_index(drop=True)

