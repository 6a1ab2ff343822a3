"""The look every chart shares: one colour per family everywhere, axis labels with units,
and tick labels a scaling researcher reads at a glance (1M, 1B, 1T for counts; 1e21 for FLOPs)."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

import pandas as pd
import plotly.graph_objects as go

# Colour-blind-friendly qualitative palette (Okabe-Ito plus Tol's muted), indexed by a stable
# hash so a family keeps its colour on every page and in every session.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733",
    "#332288", "#AA4499", "#44AA99", "#999933", "#661100", "#6699CC", "#888888", "#F0E442",
)
MY_RUNS_COLOUR = "#000000"  # the user's own runs stand out from every published family
# Two colours nearer than this (Euclidean distance in RGB, 0-441) are hard to tell apart in a legend.
DISTINCT_RGB = 90.0

AXIS_LABELS = {
    "N": "Parameters N",
    "N_total": "Parameters N (with embeddings)",
    "N_non_embedding": "Parameters N (non-embedding)",
    "D": "Training tokens D",
    "C": "Training FLOPs C",
    "C_reported": "Training FLOPs C (as reported)",
    "C_6ND": "Training FLOPs C (6ND)",
    "C_6ND_non_embedding": "Training FLOPs C (6ND, non-embedding N)",
    "D_over_N": "Tokens per parameter D/N",
    "step": "Checkpoint step",
}

# Columns holding counts (parameters, tokens) get 1M/1B/1T ticks; FLOPs get 1e21 ticks.
COUNT_COLUMNS = {"N", "N_total", "N_non_embedding", "D", "step", "N_opt", "D_opt"}
TABLE_DIGITS = 3
HUGE = 1e21
SIZE_COLUMNS = COUNT_COLUMNS - {"step"}  # read as 1.2T in tables; a step is read exactly
FLOP_COLUMNS = {"C", "C_reported", "C_6ND", "C_6ND_non_embedding"}
COUNT_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))
COUNT_POWER_FROM = 1e15  # counts from here on read as powers of ten ("1e15"), not thousands of T


def family_colour(family_id: str) -> str:
    if family_id == "my_runs":
        return MY_RUNS_COLOUR
    digest = hashlib.sha1(family_id.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _nearest(colour: str, taken: list[str]) -> float:
    return min((math.dist(_rgb(colour), _rgb(other)) for other in taken), default=math.inf)


def chart_colours(keys) -> dict[str, str]:
    """A colour per key drawn together in one chart: each key's own `family_colour`, unless an
    earlier key (in sorted order) already has that colour or one close to it; then the free palette
    colour farthest from those taken. The same set of keys gets the same colours on every page,
    and a chart of up to len(PALETTE) families never shows two alike."""
    colours: dict[str, str] = {}
    for key in sorted(set(keys)):
        own = family_colour(key)
        taken = list(colours.values())
        free = [colour for colour in PALETTE if colour not in taken]
        if own != MY_RUNS_COLOUR and _nearest(own, taken) < DISTINCT_RGB and free:
            own = max(free, key=lambda colour: _nearest(colour, taken))
        colours[key] = own
    return colours


def curve_colours(models) -> dict[str, str]:
    """A colour per model (ScalingModel.key), told apart within the chart. A fit that is the
    chart's only fit of its family wears its family's colour, the colour of its runs elsewhere."""
    fits_per_family = Counter(model.family_id for model in models if model.kind == "fit")
    colour_keys = {
        model.key: model.family_id if model.kind == "fit" and model.family_id and fits_per_family[model.family_id] == 1
        else model.key
        for model in models
    }
    colours = chart_colours(colour_keys.values())
    return {key: colours[colour_key] for key, colour_key in colour_keys.items()}


# What D counts, by the families' data unit (lib.schema.DATA_UNITS).
DATA_AXIS_LABELS = {
    "tokens": "Training tokens D",
    "samples": "Samples seen D",
    "examples": "Training examples D",
    "characters": "Training characters D",
    "environment_steps": "Environment steps D",
    "datapoints": "Training datapoints D",
}


def axis_label(column: str, metric_name: str | None = None) -> str:
    return AXIS_LABELS.get(column, metric_name or column)


def data_axis_label(column: str, data_units) -> str:
    """The axis title of `column`, naming what D counts when the families count data otherwise
    than in tokens (images seen, fine-tuning examples, environment steps)."""
    units = sorted({unit for unit in data_units if isinstance(unit, str)})
    if column == "D" and units and units != ["tokens"]:
        if len(units) == 1:
            return DATA_AXIS_LABELS.get(units[0], f"Data D ({units[0]})")
        return f"Data D ({', '.join(unit.replace('_', ' ') for unit in units)})"
    if column == "D_over_N" and units and units != ["tokens"]:
        return f"Data per parameter D/N ({', '.join(unit.replace('_', ' ') for unit in units)})"
    return axis_label(column)


def count_label(value: float) -> str:
    """1e9 -> '1B', 3.5e11 -> '350B', 2e12 -> '2T', 500 -> '500'; from 1e15 on, '1e15'."""
    if abs(value) >= COUNT_POWER_FROM:
        return flops_label(value)
    for scale, suffix in COUNT_SUFFIXES:
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.3g}"


def flops_label(value: float, digits: int = 2) -> str:
    """1e21 -> '1e21', 3e21 -> '3e21'; 5.764e23 -> '5.8e23' (ticks), '5.76e23' with digits=3."""
    if not math.isfinite(value):  # 6ND of a huge N and D overflows to inf
        return f"{value:g}"
    exponent = math.floor(math.log10(value))
    mantissa = value / 10**exponent
    return f"1e{exponent}" if round(mantissa, 6) == 1 else f"{mantissa:.{digits}g}e{exponent}"


def readable_numbers(table: pd.DataFrame) -> pd.DataFrame:
    """A copy for display: FLOPs columns as 1e21 or 5.76e23, and any other float column holding
    a value of HUGE or more as 4-digit text. Streamlit's table greys such floats out and ignores
    their number format (downloads keep the numbers)."""
    shown = table.copy()
    for column in shown.columns:
        values = shown[column]
        if column in FLOP_COLUMNS:
            shown[column] = [flops_label(v, TABLE_DIGITS) if pd.notna(v) and v > 0 else None for v in values]
        elif pd.api.types.is_float_dtype(values) and (values.abs() >= HUGE).any():
            shown[column] = [f"{v:.4g}" if pd.notna(v) else None for v in values]
    return shown


def natural_key(text: str) -> list:
    """A sort key reading the digits in a name as numbers: "M=20" before "M=160". re.split
    with a group alternates text and digits, so items at one position always compare alike."""
    return [int(part) if index % 2 else part.casefold() for index, part in enumerate(re.split(r"(\d+)", text))]


def plain_label(value: float) -> str:
    """0.5 -> '0.5', 2 -> '2', 20 -> '20'."""
    return f"{value:g}"


def log_ticks(low: float, high: float, label) -> tuple[list[float], list[str]]:
    """Tick positions and labels for a log axis spanning [low, high]: every decade, with 2x and
    5x marks when the span is under three decades (else a chart shows one or two ticks). A count
    axis reaching 1e15 reads 1e13, 1e14, 1e15 throughout."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    steps = (1, 2, 5) if last - first < 3 else (1,)
    values = [m * 10.0**e for e in range(first, last + 1) for m in steps if low <= m * 10.0**e <= high * 1.0001]
    if len(values) < 2:
        values = [low, high]
    if label is count_label and max(values) >= COUNT_POWER_FROM:
        label = flops_label  # one style per axis: never "100T" next to "1e15"
    return values, [label(v) for v in values]


def tick_labeller(column: str):
    if column in FLOP_COLUMNS:
        return flops_label
    if column in COUNT_COLUMNS:
        return count_label
    return None


def axis_settings(column: str, title: str, log: bool, values) -> dict:
    """Keyword arguments for update_xaxes/update_yaxes: title, type, and readable ticks."""
    settings = {"title": title, "type": "log" if log else "linear"}
    labeller = tick_labeller(column)
    finite = [v for v in values if v is not None and math.isfinite(v) and (v > 0 or not log)]
    if log and finite and not labeller and max(finite) > 10 * min(finite):
        labeller = plain_label  # Plotly would label 0.9 ... 0.4 as "9 8 7 6 5 4" under a "1"
    if labeller and log and finite:
        tickvals, ticktext = log_ticks(min(finite), max(finite), labeller)
        settings.update(tickmode="array", tickvals=tickvals, ticktext=ticktext)
    elif log:
        settings.update(exponentformat="power" if column in FLOP_COLUMNS else "none")
    return settings


def mark_x(figure: go.Figure, x: float, text: str, colour: str = "#222") -> None:
    """A dashed vertical line at `x` on a log x axis, labelled at its foot (annotations on a log
    axis take log10 x, shapes take x)."""
    figure.add_vline(x=x, line_dash="dash", line_color=colour)
    figure.add_annotation(x=math.log10(x), y=0, xref="x", yref="paper", text=text, showarrow=False,
                          xanchor="right", yanchor="bottom")


def base_layout(figure: go.Figure, height: int = 520) -> go.Figure:
    figure.update_layout(
        template="plotly_white",
        height=height,
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
        hoverlabel={"align": "left"},
    )
    return figure


IMAGE_FORMATS = ("png", "svg")


def plotly_config(image_format: str = "png") -> dict:
    """Plotly's toolbar camera button saves the chart as PNG (twice the size, for slides) or SVG."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": image_format, "scale": 2, "filename": "scaling-atlas"},
    }
