"""Plotly figures. Every chart of the app is built here, from plain DataFrames, so it can be tested."""

from lib.figures.allocation import allocation_chart, budget_colours, isoflop_chart
from lib.figures.curves import add_curve, comparison_chart, fit_chart, residual_chart, sensitivity_chart, shade_beyond
from lib.figures.scatter import compute_caveats, family_traces, hover_text, not_drawable, scaling_scatter
from lib.figures.style import (
    AXIS_LABELS,
    IMAGE_FORMATS,
    PALETTE,
    axis_label,
    axis_settings,
    base_layout,
    chart_colours,
    count_label,
    curve_colours,
    data_axis_label,
    family_colour,
    flops_label,
    log_ticks,
    plotly_config,
    readable_numbers,
)
from lib.figures.benchmarks import benchmark_chart
from lib.figures.landscape import MODEL_AXES, model_landscape, not_placeable, overlay_runs

__all__ = [
    "add_curve",
    "allocation_chart",
    "budget_colours",
    "isoflop_chart",
    "comparison_chart",
    "fit_chart",
    "residual_chart",
    "sensitivity_chart",
    "shade_beyond",
    "AXIS_LABELS",
    "IMAGE_FORMATS",
    "PALETTE",
    "axis_label",
    "data_axis_label",
    "axis_settings",
    "base_layout",
    "chart_colours",
    "count_label",
    "curve_colours",
    "family_colour",
    "family_traces",
    "flops_label",
    "hover_text",
    "log_ticks",
    "not_drawable",
    "plotly_config",
    "readable_numbers",
    "scaling_scatter",
    "compute_caveats",
    "benchmark_chart",
    "MODEL_AXES",
    "model_landscape",
    "not_placeable",
    "overlay_runs",
]
