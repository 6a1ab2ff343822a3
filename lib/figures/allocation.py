"""Compute-optimal pictures: allocation lines N_opt(C) and IsoFLOP profiles with their minima."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from lib.figures.style import axis_label, axis_settings, base_layout, count_label, flops_label, mark_x


def allocation_chart(lines: list[dict], budget: float, quantity: str = "N_opt") -> go.Figure:
    """One line per law (label, colour, frame with C and `quantity`, published), and each law's
    answer at the chosen budget as a marker."""
    figure = go.Figure()
    for line in lines:
        frame = line["frame"][np.isfinite(line["frame"][quantity]) & (line["frame"][quantity] > 0)]
        figure.add_trace(go.Scatter(
            x=frame["C"], y=frame[quantity], mode="lines", name=line["label"], legendgroup=line["label"],
            line={"color": line["colour"], "width": 2.5, "dash": "dash" if line["published"] else "solid"},
        ))
        at = line.get("at")
        if at is not None and np.isfinite(at):
            figure.add_trace(go.Scatter(
                x=[budget], y=[at], mode="markers", marker={"color": line["colour"], "size": 11, "symbol": "diamond"},
                name=f"{line['label']} at the budget", legendgroup=line["label"], showlegend=False,
                hovertext=f"{line['label']}: {count_label(at)} at {flops_label(budget)} FLOPs", hoverinfo="text",
            ))
    mark_x(figure, budget, "budget")
    all_c = [v for line in lines for v in line["frame"]["C"].tolist()]
    all_y = [v for line in lines for v in line["frame"][quantity].tolist()]
    figure.update_xaxes(**axis_settings("C", axis_label("C"), True, all_c))
    figure.update_yaxes(**axis_settings(quantity, {"N_opt": "Compute-optimal parameters N_opt",
                                                   "D_opt": "Compute-optimal tokens D_opt"}[quantity], True, all_y))
    return base_layout(figure)


def budget_colours(budgets) -> dict[float, str]:
    """A sequential colour per IsoFLOP budget, light for small budgets, dark for large ones."""
    budgets = sorted(set(budgets))
    positions = np.linspace(0.1, 0.9, len(budgets)) if len(budgets) > 1 else [0.5]
    return dict(zip(budgets, sample_colorscale("Viridis", list(positions))))


def isoflop_chart(runs: pd.DataFrame, parabolas: pd.DataFrame, minima: pd.DataFrame, y_label: str) -> go.Figure:
    """runs: N, value and budget per run; parabolas: budget, N, L; minima: budget, N_opt, L_opt, usable."""
    colours = budget_colours(runs["budget"])
    figure = go.Figure()
    for budget, group in runs.groupby("budget"):
        colour = colours[budget]
        figure.add_trace(go.Scatter(x=group["N"], y=group["value"], mode="markers", name=f"{flops_label(budget)} FLOPs",
                                    legendgroup=str(budget), marker={"color": colour, "size": 7}))
        curve = parabolas[np.isclose(parabolas["budget"], budget, rtol=0.05)]
        if not curve.empty:
            figure.add_trace(go.Scatter(x=curve["N"], y=curve["L"], mode="lines", legendgroup=str(budget),
                                        showlegend=False, line={"color": colour, "width": 1.5}, hoverinfo="skip"))
    usable = minima[minima["usable"]]
    figure.add_trace(go.Scatter(x=usable["N_opt"], y=usable["L_opt"], mode="markers+lines", name="minima (parabola vertex)",
                                marker={"symbol": "star", "size": 13, "color": "#D55E00"},
                                line={"color": "#D55E00", "dash": "dot", "width": 1}))
    figure.update_xaxes(**axis_settings("N", axis_label("N"), True, runs["N"].tolist()))
    figure.update_yaxes(**axis_settings("value", y_label, True, runs["value"].tolist()))
    return base_layout(figure)
