"""My runs: upload a sweep, confirm how its columns are read, see every rejected row and why,
then find it as the family "My runs" on Explore, Fit, Compare and Compute-optimal."""

import streamlit as st

from lib.ingest import (
    COLUMN_HELP,
    MAX_UPLOAD_BYTES,
    Conventions,
    MappingError,
    UploadError,
    detect_columns,
    example_csv,
    read_upload,
    validate,
)
from lib import export
from lib.ingest.columns import ROLE_LABELS, suggest_metric
from lib.schema import DOMAINS, PARAM_CONVENTIONS
from ui import cache, runs
from ui.contribution import contribution_form
from ui.text import plain

# Each "same as published metric" box lists every published metric (~650): past this many metric
# columns a page of boxes took seconds (1,000 columns: 14 s), so the rest keep their suggestion.
MAX_SAME_AS_BOXES = 30
# A message quotes the file's column names, cells or name: shown as plain text (ui.text.plain),
# cut at this length so a 10 KB column name cannot fill the page.
MAX_MESSAGE_CHARS = 600
FLOPS_METHODS = {"reported": "as reported (6ND where there is no FLOPs column)", "6ND": "always 6ND"}

st.title("My runs")
st.caption(f"Upload a CSV, TSV or Parquet file of your runs (up to {MAX_UPLOAD_BYTES // 2**20} MB). It stays in this "
           "browser session: it is never written to the curated store, never seen by other users, and gone when "
           "the session ends unless you download it.")

with st.expander("What columns do I need?"):
    st.markdown(COLUMN_HELP)
    st.download_button("Example CSV", example_csv(), "scaling-atlas_example_runs.csv", "text/csv", icon=":material/download:")

held = runs.current()
upload = st.file_uploader("Your runs", type=["csv", "tsv", "txt", "parquet"], key="upload")
if upload is None and held is None:
    st.info("Upload a file to start, or download the example above (20 Chinchilla runs written the way real sweeps are).")
    st.stop()

if upload is not None:
    try:
        raw = read_upload(upload.name, upload.getvalue())
    except UploadError as problem:
        st.error(plain(problem, limit=MAX_MESSAGE_CHARS))
        st.stop()
    published = cache.curated_metrics_of(tuple(cache.families()["family_id"]))
    published_names = dict(zip(published["metric"], published["name"]))
    detected = detect_columns(list(raw.cells.columns), raw.cells, published_names)
    st.subheader("How the columns are read")
    st.caption("Detected from the column names; change any role below. "
               + " · ".join(plain(line, limit=MAX_MESSAGE_CHARS) for line in detected.explain()))
    columns = [None, *raw.cells.columns]
    role_columns = st.columns(len(ROLE_LABELS))
    for box, (role, label) in zip(role_columns, ROLE_LABELS.items()):
        chosen = box.selectbox(label, columns, index=columns.index(getattr(detected, role)), key=f"role_{role}",
                               format_func=lambda c: "—" if c is None else c)
        detected.choose(role, chosen)
    detected.metrics = st.multiselect("Metric columns", list(raw.cells.columns), default=detected.metrics)
    st.caption("Which published metric is each column? The same one puts your runs beside the published families' "
               "on every page; a new metric stands alone.")
    metric_boxes = st.columns(3)
    same_as_options = [None, *published_names]
    same_as = {column: suggest_metric(column, published_names) for column in detected.metrics}
    for number, column in enumerate(detected.metrics[:MAX_SAME_AS_BOXES]):
        same_as[column] = metric_boxes[number % 3].selectbox(
            f"{plain(column)}: same as published metric", same_as_options,
            index=same_as_options.index(same_as[column]), key=f"same_as_{column}",
            format_func=lambda m: "(a new metric)" if m is None else f"{m} ({published_names[m]})")
    if len(detected.metrics) > MAX_SAME_AS_BOXES:
        st.caption(f"Metric columns past the first {MAX_SAME_AS_BOXES} ({len(detected.metrics) - MAX_SAME_AS_BOXES:,} of "
                   "them) keep the suggested published metric or their own name; choose fewer to set each one.")
    detected.published_as = {column: metric for column, metric in same_as.items() if metric}
    left, middle, right = st.columns(3)
    conventions = Conventions(
        param_convention=left.radio("Parameters count", PARAM_CONVENTIONS, horizontal=True,
                                    format_func=lambda c: c.replace("_", " ")),
        flops_method=middle.radio("FLOPs", list(FLOPS_METHODS), format_func=FLOPS_METHODS.get),
        domain=right.selectbox("Domain", DOMAINS),
    )
    try:
        ingested = validate(raw, detected, conventions)
    except MappingError as problem:
        st.error(f"Cannot read the runs with this mapping: {plain(problem, limit=MAX_MESSAGE_CHARS)}")
        st.stop()
    st.subheader("Validation report")
    counts = st.columns(4)
    counts[0].metric("Rows read", f"{ingested.rows_read:,}")
    counts[1].metric("Rows kept", f"{ingested.rows_kept:,}")
    counts[2].metric("Rows rejected", f"{ingested.rows_rejected:,}")
    counts[3].metric("Cells rejected", f"{ingested.cells_rejected:,}")
    for note in ingested.notes:
        st.caption(plain(note, limit=MAX_MESSAGE_CHARS))
    if len(ingested.rejections):
        st.dataframe(ingested.rejections, hide_index=True, width="stretch", placeholder="")
        st.download_button("Rejected rows (CSV)", export.csv_bytes(ingested.rejections), "rejections.csv", "text/csv")
    if ingested.rows_kept == 0:
        st.error("No row could be kept; see the reasons above.")
        st.stop()
    runs.keep(ingested.points, ingested.runs, conventions, upload.name)
    held = runs.current()

st.success(f"{len(held['runs']):,} runs from {plain(held['filename'])} are available as the family \"My runs\" on "
           "Explore, Fit, Compare extrapolations and Compute-optimal.")
links = st.columns(4)
links[0].page_link("pages/explore_page.py", label="Explore", icon=":material/scatter_plot:", query_params={"families": runs.MY_RUNS})
links[1].page_link("pages/fit_page.py", label="Fit", icon=":material/insights:", query_params={"families": runs.MY_RUNS})
links[2].page_link("pages/compare_page.py", label="Compare", icon=":material/stacked_line_chart:",
                   query_params={"fitfam": runs.MY_RUNS})
st.download_button("Download my runs (CSV)", export.csv_bytes(held["runs"]), "my_runs.csv", "text/csv",
                   icon=":material/download:")
token, too_large = runs.share_token()
if too_large:
    st.warning(f"The link cannot carry these runs: {too_large}")
else:
    st.caption("The sidebar's link carries these runs (compressed), so a colleague opens the same comparison.")
with st.expander("Prepare a contribution", icon=":material/upload_file:"):
    contribution_form(held)
if st.button("Remove my runs from this session"):
    runs.forget()
    st.rerun()
