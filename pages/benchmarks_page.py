"""Benchmarks: downstream scores against compute, parameters or the same runs' loss, with a
sigmoid fitted over them and carried past the data."""

import streamlit as st

from lib.benchmarks import (
    HUBER_DELTA,
    LEVEL,
    SEED,
    SIZE_AXES,
    chance_level,
    coefficient_table,
    downstream_metrics,
    fit_column,
    has_checkpoints,
    loss_metrics,
    perfect_score,
)
from lib.figures import axis_label, benchmark_chart, not_drawable
from lib.fit import FitInputError
from ui import bench_cache, cache, share, state, widgets
from ui.params import BENCHMARK_FITS as FITS
from ui.params import BENCHMARKS as VIEW
from ui.params import CEILINGS, CHECKPOINTS, FLOORS

st.title("Benchmarks")
st.caption(
    "Downstream scores of model families against training compute, parameters, or a loss the same runs report; "
    "a sigmoid fitted to them with its bootstrap band, carried past the data."
)

downstream = bench_cache.downstream_family_ids()
options = {family: label for family, label in widgets.family_options().items() if family in downstream}
chosen = widgets.family_picker(VIEW, options)
if not chosen:
    st.info("Choose one or more families above. Only families with benchmark scores (accuracy or error) are listed.")
    st.stop()

metrics = cache.metrics_of(tuple(chosen))
benchmarks = downstream_metrics(metrics)
losses = loss_metrics(metrics)
x_labels = {"C": axis_label("C"), "N": axis_label("N")} | {
    row.metric: f"{row.name} ({row.unit})" for row in losses.itertuples()
}

left, middle, right = st.columns([2, 1, 1])
metric = widgets.metric_picker(VIEW, left, benchmarks)
x = middle.selectbox(
    "x axis",
    options=list(x_labels),
    index=list(x_labels).index(state.choice(VIEW["x"], list(x_labels))),
    format_func=x_labels.get,
    key="widget_x",
    help="A loss pairs each score with the loss of the same run at the same checkpoint.",
)
fit_choice = right.radio(
    "Fit", options=list(FITS), format_func=FITS.get, horizontal=True,
    index=list(FITS).index(state.choice(VIEW["fit"])), key="widget_fit",
)
state.write(VIEW, x=x, fit=fit_choice)

option_slots = iter(st.columns(4))  # filled from the left by the options this view has
final_only = False
if has_checkpoints(cache.points(tuple(chosen), metric)):
    checkpoints = next(option_slots).radio(
        "Checkpoints", options=list(CHECKPOINTS), format_func=CHECKPOINTS.get, horizontal=True,
        index=list(CHECKPOINTS).index(state.choice(VIEW["checkpoints"])),
        key="widget_checkpoints",
    )
    state.write(VIEW, checkpoints=checkpoints)
    final_only = checkpoints == "final"

column = fit_column(x)
on_loss = x not in SIZE_AXES
x_label = x_labels[x]
metric_row = benchmarks.set_index("metric").loc[metric]
chance = chance_level(metric_row)
points = bench_cache.benchmark_points(tuple(chosen), metric, x, final_only)
hidden = not_drawable(points, column, "value", not on_loss, False)
if points.empty or hidden.all():
    st.warning(
        f"None of these runs has both a {metric_row['name']} score and a positive {x_label}"
        f"{' at the same checkpoint' if on_loss else ''}: choose another x axis, benchmark or families."
    )
    st.stop()
if hidden.any():
    st.caption(f"{int(hidden.sum()):,} of {len(points):,} scores have no {x_label} and are not drawn or fitted.")
drawn = points[~hidden]

fit = None


def draw_chart(shown) -> None:
    """The points, with the curve and band (if any) of the sigmoid fit `shown`, or none."""
    share.show_chart(benchmark_chart(
        drawn, column, x_label=x_label, y_label=metric_row["name"], log_x=not on_loss,
        curve=None if shown is None else shown.curve, level_label=f"{LEVEL:.0%} bootstrap band", chance=chance,
    ))


if fit_choice == "sigmoid":
    unit = "nats" if on_loss else "decades"
    extend = state.bound(
        next(option_slots).select_slider,
        "Extrapolate past the data (nats of loss below the lowest)" if on_loss
        else f"Extrapolate past the data (decades of {x} above the largest)",
        VIEW[unit],
    )
    ceiling_choice = next(option_slots).radio(
        "Ceiling", options=list(CEILINGS), format_func=CEILINGS.get, horizontal=True,
        index=list(CEILINGS).index(state.choice(VIEW["ceiling"])), key="widget_ceiling",
        help="The score the best models approach: fitted, or fixed at a perfect score (1 for an accuracy, 0 for an "
             "error), which pins the curve when the data do not yet saturate.",
    )
    state.write(VIEW, ceiling=ceiling_choice)
    ceiling = perfect_score(bool(metric_row["higher_is_better"])) if ceiling_choice == "perfect" else None
    floor = None
    if chance is not None:
        floor_choice = next(option_slots).radio(
            "Floor", options=list(FLOORS), format_func=FLOORS.get, horizontal=True,
            index=list(FLOORS).index(state.choice(VIEW["floor"])), key="widget_floor",
            help=f"The score the smallest models approach: fitted, or fixed at the source's chance level ({chance:g}).",
        )
        state.write(VIEW, floor=floor_choice)
        floor = chance if floor_choice == "chance" else None
    try:
        fit = bench_cache.drawn_sigmoid_fit(draw_chart, tuple(chosen), metric, x, final_only, float(extend), ceiling,
                                            floor)
    except FitInputError as error:
        st.warning(str(error))
if fit is None:
    draw_chart(None)

if fit is not None:
    st.subheader("The fitted sigmoid")
    if fit.no_band_reason:
        st.warning(
            f"No uncertainty band: {fit.no_band_reason} ({'; '.join(fit.warnings) or fit.message}). The curve is the "
            "best fit, not a forecast; more points, or a ceiling fixed at a perfect score, can pin it down."
        )
    band = (
        f"band and intervals: {LEVEL:.0%} percentiles over {fit.n_boot - fit.n_failed} bootstrap refits (seed {SEED})"
        if fit.n_boot else "no band"
    )
    st.caption(
        f"One sigmoid in {'the loss' if on_loss else f'log10 {x}'} fitted to all {fit.n_points:,} points drawn "
        f"(Huber loss on the scores, delta {HUBER_DELTA}); {band}. Status: {fit.message}."
    )
    coefficients = coefficient_table(fit, x)
    st.dataframe(
        coefficients, hide_index=True, width="stretch", placeholder="",
        column_config={name: st.column_config.NumberColumn(format="%.4g") for name in coefficients.columns[1:4]},
    )

with st.expander(f"The {len(drawn):,} points"):
    shown = ["family_name", "run_id", "step", "N", "C", *(["L"] if on_loss else []), "value",
             "source_file", "source_locator", "extraction"]
    st.dataframe(drawn[shown], hide_index=True, width="stretch", placeholder="", column_config={"L": x_label})
