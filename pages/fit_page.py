"""Fit: one law from the registry to one family (or several pooled), honestly: robust loss,
several starts, bootstrap intervals, held-out check, and the paper's own coefficients beside."""

import json

import streamlit as st

from lib import export
from lib.fit import FitInputError
from lib.fitspec import (
    LOSSES,
    UNIQUE_TOKEN_FORMS,
    FitSpec,
    chart_variable,
    coefficient_table,
    curve_description,
    loss_forms,
    pairs_text,
    recorded_inputs_needed,
    status_summary,
    text_pairs,
    tokens_range,
    values_latex,
)
from lib.figures import fit_chart, residual_chart, sensitivity_chart
from lib.laws import LAWS
from lib.verdicts.views import band_calibration
from ui import cache, fits, models, share, state, verdicts, widgets
from ui.params import FIT as VIEW
from ui.text import plain


def fixed_in_link() -> dict[str, str]:
    """The link's fixed coefficients by name; a damaged list is said and left out."""
    try:
        return dict(text_pairs(state.text(VIEW["fix"])))
    except ValueError as problem:
        st.warning(f"This link's fixed coefficients cannot be read and are left out: {plain(problem)}")
        return {}


st.title("Fit")
st.caption("Fit a law from the registry to published runs. Huber loss on log residuals and many starts by default; "
           "bootstrap for intervals; leave runs out or hold out the largest budgets to test extrapolation.")

options = widgets.family_options()
families = widgets.family_picker(VIEW, options, label="Families (several are pooled into one fit)")
if not families:
    st.info("Choose a family to fit, e.g. the Chinchilla runs, a Porian et al. IsoFLOP configuration or your own runs.")
    st.stop()

metrics = cache.metrics_of(tuple(families))
loss_metrics = metrics[metrics["kind"] == "loss"]
if loss_metrics.empty:
    st.warning("These families have no loss metric to fit a scaling law to; the Benchmarks page fits accuracies.")
    st.stop()

top = st.columns([2, 2, 1])
metric = widgets.metric_picker(VIEW, top[0], loss_metrics)
# A law of the unique tokens U (the data-constrained law) is offered only when the points record U.
law_forms = loss_forms(cache.points(tuple(families), metric))
unknown_law = state.unknown_choice(VIEW["law"], law_forms)
if unknown_law and recorded_inputs_needed(unknown_law):
    st.warning(f"The {LAWS[unknown_law].title.lower()} ({unknown_law}) needs each run's "
               f"{' and '.join(recorded_inputs_needed(unknown_law))}, which these families' points do not record; "
               "showing the Chinchilla law.")
elif unknown_law:
    st.warning(f"No loss law '{plain(unknown_law)}' in the registry (known: {', '.join(law_forms)}); showing the Chinchilla law.")
law = top[1].selectbox(
    "Law", law_forms, index=law_forms.index(state.choice(VIEW["law"], law_forms)),
    format_func=lambda name: f"{LAWS[name].title} ({name})", key="widget_law",
)
if not set(UNIQUE_TOKEN_FORMS) <= set(law_forms):
    top[1].caption("The data-constrained law is offered for families whose runs record unique tokens U "
                   "(e.g. Muennighoff et al.'s repetition runs); these do not.")
form = LAWS[law]
single = "x" in form.inputs
x = state.bound(top[2].selectbox, "X", VIEW["x"], form.x_vars) if single else "C"
params_column, flops_column = widgets.convention_controls(VIEW)

cutoff_asked = state.text(VIEW["cutoff"])  # read outside the closed expander, so a cut is said where it is seen
with st.expander("Fit options", expanded=False):
    a, b, c, d = st.columns(4)
    loss = a.radio("Loss", LOSSES, index=LOSSES.index(state.choice(VIEW["loss"])),
                   format_func={"huber": "Huber (robust)", "mse": "Least squares"}.get, horizontal=True, key="widget_loss")
    delta = state.bound(a.select_slider, "Huber delta", VIEW["delta"], format_func=lambda v: f"{v:g}",
                        disabled=loss != "huber")
    n_boot = state.bound(b.selectbox, "Bootstrap refits", VIEW["boot"])
    top = VIEW["top"]
    exclude_top = b.number_input("Leave out the K highest-loss runs", top.low, top.high, state.number(top),
                                 key="widget_top")
    b.caption("0 fits every run. The published replication of Chinchilla (Besiroglu et al. 2024) "
              "leaves out its 5 highest-loss runs: K = 5.")
    cutoff_text = c.text_input("Held-out check: fit below this compute", cutoff_asked,
                               placeholder="e.g. 1e21 — empty for none", max_chars=VIEW["cutoff"].max_chars,
                               key="widget_cutoff")
    final_only = c.toggle("Final checkpoints only", state.flag(VIEW["final"]), key="widget_final")
    low, high = c.columns(2)
    smallest_D = low.text_input("Keep D from", state.text(VIEW["dmin"]), placeholder="e.g. 120B", key="widget_dmin",
                                max_chars=VIEW["dmin"].max_chars, help="Only the points (checkpoints) trained on at "
                                "least this many tokens: the range a paper fitted on. Empty for no bound.")
    largest_D = high.text_input("to", state.text(VIEW["dmax"]), placeholder="e.g. 1T", key="widget_dmax",
                                max_chars=VIEW["dmax"].max_chars)
    saved = fixed_in_link()
    fixed_names = d.multiselect("Fix coefficients", form.param_names,
                                default=[name for name in saved if name in form.param_names], wrap=True,
                                key="widget_fix")
    fixed = tuple((name, d.number_input(f"{name} =", value=state.as_number(saved.get(name), 0.3), format="%.6g")) for name in fixed_names)
    pairs = [f"{b_}={a_}" for a_ in form.param_names for b_ in form.param_names if a_ < b_]
    ties = ["none", *pairs]
    tie = d.selectbox("Tie coefficients", ties, index=ties.index(state.choice(VIEW["tie"], ties)), key="widget_tie")

try:
    cutoff = float(cutoff_text) if cutoff_text.strip() else None
    min_D, max_D = tokens_range(smallest_D, largest_D)
    spec = FitSpec(
        families=tuple(families), law=law, metric=metric, x=x, params_column=params_column, flops_column=flops_column,
        loss=loss, delta=delta, exclude_top=int(exclude_top), n_boot=n_boot, cutoff=cutoff, final_only=final_only,
        fixed=fixed, tied=tuple([tuple(tie.split("="))]) if tie != "none" else (), min_D=min_D, max_D=max_D,
    )
except ValueError as problem:
    st.error(f"Cannot fit with these options: {plain(problem, limit=300)}")
    st.stop()
state.write(VIEW, law=law, loss=loss, top=int(exclude_top), cutoff=cutoff_text.strip(), final=final_only,
            dmin=smallest_D.strip(), dmax=largest_D.strip(), fix=pairs_text(fixed),
            tie="" if tie == "none" else tie)

try:
    result = fits.point_fit(spec.to_token())  # the bootstrap, if any, runs below the chart's first drawing
except FitInputError as problem:
    st.error(f"This fit cannot run: {problem}")
    st.stop()

status = result.fit.status
(st.success if status.converged and not status.warnings else st.warning)(status_summary(result))
for warning in status.warnings:
    st.warning(warning)
if status.at_bounds:
    st.warning(f"At a bound of the search range: {', '.join(status.at_bounds)}. The fit may want a value outside it.")
if result.dropped:
    st.caption(f"{result.dropped:,} points lack a positive {', '.join(sorted(set(form.inputs) - {'x'}) or [x])} "
               "or value under these conventions and were not offered to the fit.")

chart_x = chart_variable(spec)
metric_name = dict(zip(metrics["metric"], metrics["name"]))[metric]
# One column throughout: beside the chart, the coefficient table (a published value and a
# difference per paper) and the longer laws' formulas were cut off at 1280-1440 px.
label, path_note = curve_description(result)
result = fits.with_band(spec.to_token(), lambda shown, curve: share.show_chart(
    fit_chart(shown.table, shown.fit.kept, curve, chart_x, label=label, y_label=metric_name, target=cutoff)))
if path_note:
    st.caption(path_note)
st.markdown(f"**{form.title}** — {form.citation}")
st.latex(form.latex)
st.latex(values_latex(spec, result.fit.params))
published = fits.published_for(tuple(families), law)
table = coefficient_table(result, published)
share.show_table(table, {c: st.column_config.NumberColumn(format="%.4g") for c in table.columns if c != "coefficient"}
                 | {c: st.column_config.NumberColumn("Δ", format="percent", help=f"fitted / {c.removeprefix('Δ vs ')} − 1")
                    for c in table.columns if c.startswith("Δ")})  # each beside its paper's column, so "Δ" reads
if result.boot is not None and result.boot.no_band:
    st.warning(result.boot.no_band)
elif result.boot is not None:
    st.caption(f"Intervals: 95% percentile bootstrap over {result.boot.n_boot - result.boot.n_failed} converged refits "
               f"of {result.boot.n_boot} (seed {result.boot.seed}).")
    calibration = band_calibration(verdicts.leaderboard(), law, loss, delta, result.fit.options.space)
    if calibration:
        st.caption(calibration)
if published:
    st.caption("Published: " + "; ".join(f"{p.law_id} ({p.source_ref})" for p in published))
    reproduced = verdicts.verdicts_of([p.law_id for p in published])
    st.caption("Does each reproduce from its runs (Reproductions page): "
               + "; ".join(f"{law_id}: {label}" for law_id, label in reproduced.items()))
else:
    st.caption("No paper publishes this law form for these runs.")

st.subheader("Residuals")
share.show_chart(residual_chart(result.table, result.fit.kept, result.fit.residuals, chart_x, result.fit.options.space))

if result.held_out is not None:
    st.subheader("Held-out check")
    held = result.held_out
    cols = st.columns(4)
    cols[0].metric("Fitted on", f"{held.n_train:,} runs")
    cols[1].metric("Tested on", f"{held.n_test:,} runs")
    cols[2].metric("RMSE (log loss)", f"{held.rmse_log:.4f}")
    cols[3].metric("Mean |relative error|", f"{held.mean_abs_rel_error:.2%}")

st.subheader("Method sensitivity")
if st.toggle("Refit under the other losses and exclusions", state.flag(VIEW["sens"]), key="widget_sens"):
    state.write(VIEW, sens=True)
    try:
        sensitivity = fits.sensitivity(spec.to_token())
    except FitInputError as problem:
        st.warning(f"Method sensitivity cannot run on these points: {problem}")
    else:
        shown = [c for c in ("alpha", "beta", "a_N_opt", "b_D_opt", "E") if c in sensitivity] or list(result.fit.params)
        share.show_chart(sensitivity_chart(sensitivity, shown))
        st.dataframe(sensitivity, hide_index=True, width="stretch", placeholder="")
else:
    state.write(VIEW, sens=False)
    st.caption("The same points under Huber deltas 1e-3 to 1e-1, least squares in log and linear space, with and without the highest-loss runs.")

downloads = st.columns(2)
downloads[0].download_button("Fit result (JSON)", json.dumps(result.fit.to_dict() | {"spec": spec.to_token()}, indent=2, default=str),
                             file_name=f"fit_{law}.json", mime="application/json", icon=":material/download:")
downloads[1].download_button("Coefficients (CSV)", export.csv_bytes(table), file_name=f"fit_{law}_coefficients.csv",
                             mime="text/csv", icon=":material/download:")

models.remember_fit(spec.to_token())
st.page_link("pages/compare_page.py", label="Compare this fit's extrapolation with the published laws",
             icon=":material/stacked_line_chart:",
             query_params={"fits": spec.to_token(), "fitfam": "", "laws": ",".join(p.law_id for p in published if p.drawable)})
