"""Models: every public model of the Epoch AI database by parameters, training compute and
dataset size, by domain, date and confidence, with published runs or your own laid over them."""

import pandas as pd
import streamlit as st

from lib import export
from lib.figures import MODEL_AXES, model_landscape, not_placeable, overlay_runs
from lib.schema import DOMAINS
from ui import cache, share, state, widgets
from ui.params import CONFIDENCES
from ui.params import MODEL_AXIS_NAMES as AXIS_NAMES
from ui.params import MODELS as VIEW
from ui.text import plain_list

AXIS_WORDS = {"params": "parameter count", "flops": "training compute", "dataset_size": "dataset size"}
TABLE_COLUMNS = ["name", "domain", "organization", "publication_date", "params", "flops", "dataset_size", "dataset_unit",
                 "epochs", "confidence", "accessibility", "notes", "domains_listed", "reference", "url",
                 "source_file", "source_locator"]


@st.cache_data(show_spinner=False)
def all_models() -> pd.DataFrame:
    return cache.store().models()


st.title("Models")
st.caption(
    "Where a model sits among the published ones: every model of Epoch AI's database with its parameters, training "
    "compute and dataset size, coloured by domain. Lay a family's runs, or your own, over them."
)

models = all_models()
if models.empty:
    st.info("No models database in the store: run `python -m data.curate.epoch_models`.")
    st.stop()

left, middle, right = st.columns([1, 1, 2])
x = left.selectbox("x axis", options=list(AXIS_NAMES), format_func=AXIS_NAMES.get, key="widget_x",
                   index=list(AXIS_NAMES).index(state.choice(VIEW["x"])))
y_options = [column for column in AXIS_NAMES if column != x]
y = middle.selectbox("y axis", options=y_options, format_func=AXIS_NAMES.get, key="widget_y",
                     index=y_options.index(state.choice(VIEW["y"], y_options)))
state.write(VIEW, x=x, y=y)

present = [domain for domain in DOMAINS if domain in set(models["domain"])]
domains, unknown = state.many(VIEW["domains"], present)
if unknown:
    st.warning(f"Not a domain of the models database, left out of this view: {plain_list(unknown)}.")
domains = right.multiselect("Domains", options=present, default=domains, format_func=lambda d: d.replace("_", " "),
                            key="widget_domains", placeholder="Choose one or more domains")

years = pd.to_datetime(models["publication_date"]).dt.year
first, last = int(years.min()), int(years.max())
date_col, confidence_col, tokens_col = st.columns([2, 2, 1])
start = state.number(VIEW["from"], first, first, last)
end = state.number(VIEW["to"], last, start, last)
start, end = date_col.slider("Published", min_value=first, max_value=last, value=(start, end), key="widget_years")
confidences, unknown_confidence = state.many(VIEW["confidence"])
if unknown_confidence:
    st.warning(f"Not a confidence level of the database, left out: {plain_list(unknown_confidence)}.")
confidences = confidence_col.multiselect("Epoch's confidence", options=list(CONFIDENCES), default=confidences,
                                         key="widget_confidence")
on_data_axis = "dataset_size" in (x, y)
tokens_only = on_data_axis and tokens_col.toggle(
    "Tokens only", value=state.flag(VIEW["tokens"]), key="widget_tokens",
    help="Keep only models whose dataset size Epoch's notes give in tokens (other rows count words, images, ...).",
)
# A filter left at "everything" stays out of the link, which keeps it short.
state.write(VIEW, domains=domains if set(domains) != set(present) else "",
            confidence=confidences if set(confidences) != set(CONFIDENCES) else "",
            **{"from": start if start != first else "", "to": end if end != last else ""},
            tokens="1" if tokens_only else "")

chosen = cache.store().models(domains, confidences, f"{start:04d}-01-01", f"{end:04d}-12-31")
if tokens_only:
    chosen = chosen[chosen["dataset_unit"] == "tokens"]
if chosen.empty:
    st.warning("No model matches these domains, dates and confidence levels: widen the filters.")
    st.stop()

overlay_options = widgets.family_options()
overlaid = widgets.family_picker(VIEW, overlay_options, key="overlay", label="Overlay runs of (optional)")
overlay = overlay_runs(cache.points(tuple(overlaid), None)) if overlaid else None

hidden = not_placeable(chosen, x, y)
shown = chosen[~hidden]
st.caption(
    f"{len(shown):,} of {len(chosen):,} models drawn"
    + (f"; {int(hidden.sum()):,} lack a positive {AXIS_WORDS[x]} or {AXIS_WORDS[y]} "
       "(named below)." if hidden.any() else ".")
)
if on_data_axis:
    tokens = int((shown["dataset_unit"] == "tokens").sum())
    st.caption(f"Dataset size is Epoch's datapoints: tokens for {tokens:,} of the {len(shown):,} models drawn (per "
               "Epoch's notes), words, images or other units for the rest; overlaid runs count tokens or samples.")
if overlay is not None:
    placed = overlay[overlay[MODEL_AXES[x][0]].gt(0) & overlay[MODEL_AXES[y][0]].gt(0)]
    st.caption(f"Overlay: {len(placed):,} of {len(overlay):,} runs have both quantities and are drawn as diamonds.")
    overlay = placed

if shown.empty and (overlay is None or overlay.empty):
    st.warning(f"None of these {len(chosen):,} models has both a {AXIS_WORDS[x]} and a "
               f"{AXIS_WORDS[y]}: choose other axes.")
else:
    share.show_chart(model_landscape(shown, x, y, overlay))

if hidden.any():
    with st.expander(f"The {int(hidden.sum()):,} models not drawn"):
        missing = chosen[hidden]
        missing = missing.assign(lacks=[
            ", ".join(AXIS_WORDS[column] for column in (x, y) if not row[column] > 0)
            for _, row in missing.iterrows()
        ])
        st.dataframe(missing[["name", "domain", "publication_date", "lacks"]], hide_index=True, width="stretch", placeholder="")

st.subheader(f"The {len(shown):,} models drawn")
share.show_table(shown[TABLE_COLUMNS], height=360, column_config={"url": st.column_config.LinkColumn("url")})
st.download_button(
    "Download these models (CSV)", data=export.csv_bytes(shown[TABLE_COLUMNS]), file_name="scaling-atlas_models.csv",
    mime="text/csv", icon=":material/download:",
)
