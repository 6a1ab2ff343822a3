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
from ui.text import MAX_ECHO_CHARS, plain, plain_list

DEFAULT_LAWS = (
    "kaplan2020_N_opt", "hoffmann2022_approach3", "besiroglu2024_approach3", "bi2024_D_opt", "dubey2024_tokens_opt",
    "porian2024_rw_base_long_kaplan_kaplan_train_N_opt", "porian2024_rw_tuned_short_const_standard_val_N_opt",
)
DEFAULT_VALUES = {"C": "1e24", "N": "70B", "D": "1.4T"}
ISOFLOP_FAMILIES = ("chinchilla_isoflops_epoch", "chinchilla_isoflops_scalefit", "llama3_isoflops", "misfitting_isoflops")
COMPUTE_GRID = np.geomspace(1e18, 1e27, 91)
ALLOCATION_LINES = ("N_opt", "D_opt")

st.title("Compute-optimal")
st.caption("How a budget is best split between parameters and tokens, under each law. Allocation laws give N_opt or "
           "D_opt directly (the other from C = 6ND); loss laws give both by minimising the loss over the split.")

drawable = models.drawable_published(("loss", *ALLOCATION_OUTPUTS))
chosen, unknown = state.read_list("laws", list(drawable), [law for law in DEFAULT_LAWS if law in drawable])
if unknown:
    st.warning(f"Not a drawable published law in the store, left out: {plain_list(unknown)}.")
chosen = st.multiselect("Laws", list(drawable), default=chosen, format_func=lambda law_id: drawable[law_id].label,
                        placeholder="Type a paper, year or law id")
shared = models.link_fits()
fit_tokens = st.multiselect("Fits made in this session (laws of N and D)", sorted(set(models.session_fits()) | set(shared)),
                            default=shared, format_func=models.fit_label)

left, right = st.columns([3, 2])  # the three "Given" choices read in full at 1280 px
mode = left.segmented_control("Given", list(ALLOCATION_MODES), format_func=ALLOCATION_MODES.get,
                              default=state.read_choice("mode", list(ALLOCATION_MODES), "C")) or "C"
text = right.text_input(f"Value of {ALLOCATION_MODES[mode]}",
                        state.read_text("value", DEFAULT_VALUES[mode]) if st.query_params.get("mode", "C") == mode
                        else DEFAULT_VALUES[mode], max_chars=MAX_ECHO_CHARS)
state.write(laws=chosen, fits="|".join(fit_tokens), mode=mode, value=text)
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
quantity = st.radio("Allocation line", ALLOCATION_LINES, horizontal=True,
                    index=ALLOCATION_LINES.index(state.read_choice("line", ALLOCATION_LINES, "N_opt")),
                    format_func={"N_opt": "parameters N_opt(C)", "D_opt": "tokens D_opt(C)"}.get)
state.write(line=quantity)
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
family = st.selectbox("IsoFLOP runs", ISOFLOP_FAMILIES, format_func=lambda f: cache.family_names().get(f, f),
                      index=ISOFLOP_FAMILIES.index(state.read_choice("isoflop", ISOFLOP_FAMILIES, ISOFLOP_FAMILIES[0])))
state.write(isoflop=family)
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
