"""Compute-optimal: what a budget buys (N_opt, D_opt, tokens per parameter, loss) under each law,
the allocation lines side by side, and IsoFLOP profiles with their minima."""

import numpy as np
import streamlit as st

from lib.fit import FitInputError, fit_allocation
from lib.figures import allocation_chart, curve_colours, isoflop_chart
from lib.predict import (
    ALLOCATION_MODES, ALLOCATION_OUTPUTS, allocation_lines, allocation_table, one_ratio_refusal, parse_allocation_value,
)
from ui import cache, isoflops, models, share, state
from ui.params import OPTIMAL as VIEW
from ui.params import OPTIMAL_VALUES
from ui.text import plain, plain_list

COMPUTE_GRID = np.geomspace(1e18, 1e27, 91)

st.title("Compute-optimal")
st.caption("How a budget is best split between parameters and tokens, under each law. Allocation laws give N_opt or "
           "D_opt directly (the other from C = 6ND); loss laws give both by minimising the loss over the split.")

drawable = models.drawable_published(("loss", *ALLOCATION_OUTPUTS))
chosen, unknown = state.many(VIEW["laws"], list(drawable))
if unknown:
    st.warning(f"Not a drawable published law in the store, left out: {plain_list(unknown)}.")
chosen = st.multiselect("Laws", list(drawable), default=chosen, format_func=lambda law_id: drawable[law_id].label,
                        placeholder="Type a paper, year or law id", key="widget_laws")
shared = models.link_fits(VIEW)
fit_tokens = st.multiselect("Fits made in this session (laws of N and D)", sorted(set(models.session_fits()) | set(shared)),
                            default=shared, format_func=models.fit_label, key="widget_fits")

left, right = st.columns([3, 2])  # the three "Given" choices read in full at 1280 px
mode = left.segmented_control("Given", list(ALLOCATION_MODES), format_func=ALLOCATION_MODES.get,
                              default=state.choice(VIEW["mode"]), key="widget_mode") or VIEW["mode"].default
# The link's value belongs to the link's mode; another mode starts from its own example.
text = right.text_input(f"Value of {ALLOCATION_MODES[mode]}",
                        state.text(VIEW["value"], OPTIMAL_VALUES[mode]) if state.choice(VIEW["mode"]) == mode
                        else OPTIMAL_VALUES[mode], max_chars=VIEW["value"].max_chars,
                        key=f"widget_value_{mode}")  # one box per mode, each starting from its own example
state.write(VIEW, laws=chosen, fits=fit_tokens, mode=mode, value=text)
try:
    value = parse_allocation_value(text, mode)
except ValueError as problem:
    st.error(f"Cannot read '{plain(text)}': {plain(problem, limit=300)}")
    st.stop()

fitted, problems = models.fitted_models(fit_tokens)
for problem in problems:
    st.warning(f"Left out, the fit cannot run: {problem}")
chosen_models = fitted + [models.published_model(drawable[law_id]) for law_id in chosen]
if not chosen_models:
    st.info("Choose laws above (Kaplan, Hoffmann, Besiroglu, DeepSeek, Llama 3, Porian, …) to see what they allocate.")
    st.stop()

for model in chosen_models:
    if model.one_ratio is not None:  # the Fit page's verdict, carried with the fit
        st.warning(f"No compute-optimal split: {plain(one_ratio_refusal(model), limit=400)}.")
table = allocation_table(chosen_models, mode, value)
share.show_law_table(table, {
    "tokens_per_param": st.column_config.NumberColumn(format="%.3g"),
    "loss": st.column_config.NumberColumn("predicted loss", format="%.4f"),
})
st.caption("N_opt is in each law's own parameter convention (Kaplan and DeepSeek: non-embedding; DeepSeek's model "
           "scale is FLOPs per token, shown as M/6). Loss is on each paper's own data and tokenizer.")

lines = allocation_lines(chosen_models, COMPUTE_GRID)
budgets = table.set_index("law")["C"].to_dict()
lines_offered = VIEW["line"].options
quantity = st.radio("Allocation line", lines_offered, horizontal=True,
                    index=lines_offered.index(state.choice(VIEW["line"])),
                    format_func={"N_opt": "parameters N_opt(C)", "D_opt": "tokens D_opt(C)"}.get, key="widget_line")
state.write(VIEW, line=quantity)
colours = curve_colours(chosen_models)
drawn = [
    {"label": m.label, "colour": colours[m.key], "frame": lines[m.key], "published": m.kind == "published",
     "at": float(table.loc[table["law"] == m.label, quantity].iloc[0]) if m.key in lines else None}
    for m in chosen_models if m.key in lines
]
budget = value if mode == "C" else float(np.nanmedian(list(budgets.values()))) if budgets else 1e24
if drawn:
    share.show_chart(allocation_chart(drawn, budget, quantity))

st.subheader("IsoFLOP profiles")
isoflop_families = VIEW["isoflop"].options
family = st.selectbox("IsoFLOP runs", isoflop_families, format_func=lambda f: cache.family_names().get(f, f),
                      index=isoflop_families.index(state.choice(VIEW["isoflop"])), key="widget_isoflop")
state.write(VIEW, isoflop=family)
try:
    profile = isoflops.profile(family)
except FitInputError as problem:
    st.warning(f"These runs cannot be read as IsoFLOP profiles: {problem}")
    st.stop()
share.show_chart(isoflop_chart(profile.runs, profile.parabolas, profile.minima, profile.metric_name))
try:
    line = fit_allocation(profile.minima)
    st.caption(f"Approach 2 on these runs: N_opt = {line.params['k']:.3g} · C^{line.params['a']:.3f} "
               f"from {int(profile.minima['usable'].sum())} usable budgets (a parabola per budget in log N).")
except FitInputError as problem:
    st.caption(f"No allocation line from these minima: {problem}")
