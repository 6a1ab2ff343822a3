"""Compare extrapolations: fits and published laws on one chart, out to a target budget or model."""

import streamlit as st

from lib import export
from lib.figures import comparison_chart, curve_colours
from lib.laws import LAWS
from lib.predict import NotOnPath, extrapolation_grid, one_ratio_verdict, parse_target, path, predictions_at, spread
from ui import models, share, state, verdicts, widgets
from ui.params import COMPARE as VIEW
from ui.text import plain, plain_list

st.title("Compare extrapolations")
st.caption("Put fits and published laws on one chart, extended to a target. Solid lines are fits made here, dashed "
           "lines published laws; each turns dotted past the data it was fitted on.")

published = models.drawable_published()
chosen_laws, unknown_laws = state.many(VIEW["laws"], list(published))
if unknown_laws:
    st.warning(f"Not a drawable published law in the store, left out: {plain_list(unknown_laws)}.")
# At full width: in half the page a law's label ("kaplan2020_L_ND (Scaling Laws for ...)") was cut short.
chosen_laws = st.multiselect("Published laws", list(published), default=chosen_laws,
                             format_func=lambda law_id: published[law_id].label, placeholder="Type a paper, year or law id",
                             key="widget_laws")
left, right = st.columns([3, 2])
with left:
    options = widgets.family_options()
    fit_families = widgets.family_picker(VIEW, options, key="fitfam", label="Fit these families")
with right:
    fit_laws, unknown_fit_laws = state.many(VIEW["fitlaws"])
    if unknown_fit_laws:
        st.warning(f"No loss law in the registry, left out: {plain_list(unknown_fit_laws)}.")
    fit_laws = st.multiselect("…with these laws", VIEW["fitlaws"].options, default=fit_laws, format_func=lambda n: LAWS[n].title,
                              wrap=True, key="widget_fitlaws")
    n_boot = state.bound(st.selectbox, "Bootstrap refits per fit (for bands)", VIEW["boot"])

shared_tokens = models.link_fits(VIEW)
session = models.session_fits()
extra = st.multiselect("Fits from the Fit page", sorted(set(session) | set(shared_tokens)), default=shared_tokens,
                       format_func=models.fit_label, key="widget_fits")

target_text = st.text_input("Target: a compute budget (e.g. 1e25) or parameters / tokens (e.g. 70B / 1.4T)",
                            state.text(VIEW["target"]), max_chars=VIEW["target"].max_chars, key="widget_target")
state.write(VIEW, laws=chosen_laws, fitlaws=fit_laws, fits=extra, target=target_text)
try:
    target = parse_target(target_text)
except ValueError as problem:
    # The reason names no part of the typed text: a link's target is never rendered as markdown.
    st.error(f"Cannot read the target: {problem}.")
    st.stop()

tokens, no_loss = models.family_fit_tokens(fit_families, fit_laws, n_boot)
published_models = [models.published_model(published[law_id]) for law_id in chosen_laws]


def draw(fitted: list) -> None:
    """The chart of these fits and the chosen published laws out to the target, and why any is not drawn."""
    chosen = fitted + published_models
    if not chosen:
        return
    grid = extrapolation_grid(chosen, target)
    colours = curve_colours(chosen)
    curves, skipped = [], []
    for model in chosen:
        try:
            frame = path(model, target, grid)
        except NotOnPath as reason:
            skipped.append(str(reason))
            continue
        at_runs_ratio = f" at D/N = {model.one_ratio:.3g}" if target.by_compute and model.one_ratio is not None else ""
        curves.append({"label": model.label + at_runs_ratio, "colour": colours[model.key], "frame": frame,
                       "published": model.kind == "published",
                       "data_max": model.extent.get(target.x, (None, None))[1]})
    for reason in skipped:
        st.caption(f"Not drawn: {reason}.")
    if target.by_compute:
        for model in chosen:
            if model.one_ratio is not None:  # the Fit page's verdict, carried with the fit
                st.warning(f"{plain(model.label, limit=200)}: {one_ratio_verdict(model.one_ratio)}")
    if curves:
        y_label = "Loss at the compute-optimal split" if target.by_compute else f"Loss at D = {target.ratio:.3g} N"
        share.show_chart(comparison_chart(curves, target.x, target.x_value, y_label))


left_out = st.container()  # above the chart, which is drawn first without the bands of fits still to be bootstrapped
fitted, problems = models.drawn_fits(tokens + extra, draw)
for problem in no_loss + problems:
    left_out.warning(f"Left out, the fit cannot run: {problem}")
chosen = fitted + published_models
if not chosen:
    st.info("Choose published laws or families to fit; each appears as a curve out to the target.")
    st.stop()

table = predictions_at(chosen, target)
gap = spread(table)
st.subheader("At the target")
if gap == gap:
    st.metric("Spread between laws (largest / smallest predicted loss − 1)", f"{gap:.1%}")
share.show_law_table(table, {
    "loss": st.column_config.NumberColumn("predicted loss", format="%.4f"),
    "low": st.column_config.NumberColumn("95% low", format="%.4f"),
    "high": st.column_config.NumberColumn("95% high", format="%.4f"),
    "vs_median": st.column_config.NumberColumn("vs median", format="percent"),
    "times_beyond_data": st.column_config.NumberColumn("× past its data", format="%.3g"),
})
for calibration in models.band_calibrations(tokens + extra):
    st.caption(calibration)
reproduced = verdicts.published_verdicts(chosen)
if reproduced:
    st.caption("Does each published law reproduce from its runs (Reproductions page): "
               + "; ".join(f"{law_id}: {label}" for law_id, label in reproduced.items()))
st.caption("Laws use their papers' conventions (parameters with or without embeddings, loss on their own data); "
           "a gap between laws mixes real disagreement with those differences. See Sources for each law's units.")
st.download_button("Predictions (CSV)", export.csv_bytes(table), "scaling-atlas_predictions.csv", "text/csv",
                   icon=":material/download:")
