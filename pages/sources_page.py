"""Sources: every paper in the store, what the store holds from it, and how to cite it."""

import streamlit as st

from lib.bibtex import bibtex
from lib.provenance import law_notes, law_table, sources_of, venue_and_year
from ui import cache, release_cache, sources_cache, state, verdicts
from ui.params import SOURCES as VIEW
from ui.text import plain

st.title("Sources")
st.caption(
    "Every paper the atlas draws on: the families and points taken from it, its published laws, "
    "the repositories the numbers come from, and a BibTeX entry to cite it."
)

papers = cache.papers()
st.dataframe(
    papers[["year", "paper_id", "title", "families", "points", "published_laws", "authors", "venue", "url"]],
    hide_index=True,
    width="stretch", placeholder="",
    column_config={
        "url": st.column_config.LinkColumn("Link"),
        "year": st.column_config.NumberColumn(format="%d"),
        "published_laws": st.column_config.NumberColumn("Published laws"),
    },
)
st.download_button(
    "Download BibTeX of all papers",
    data=sources_cache.all_bibtex(),
    file_name="scaling-atlas.bib",
    mime="application/x-bibtex",
    icon=":material/download:",
)

RELEASE_ASKED = "release_asked"
with st.container(border=True):
    st.markdown("**The whole store as a data release**")
    st.caption(
        "Every table (points with the derived N, C and D/N columns, families, metrics, published laws, coefficients, "
        "...) with `datapackage.json` (each column's type, description and unit) and a dataset card (licenses per "
        "source, BibTeX of every paper): the same as `python -m lib.store export DIR`."
    )
    if not st.session_state.get(RELEASE_ASKED):
        # a callback, so the run the click starts already shows the downloads in the button's place
        st.button(
            "Prepare the release", key="prepare_release", on_click=st.session_state.update, args=({RELEASE_ASKED: True},)
        )
    else:
        progress = st.progress(0.0, "Writing every table as Parquet…")
        release_zip = release_cache.parquet_zip()
        progress.progress(0.5, "Writing the DuckDB file…")
        release_duckdb = release_cache.duckdb_file()
        progress.empty()
        for what, download in (("Parquet release (zip)", release_zip), ("DuckDB file", release_duckdb)):
            st.download_button(
                f"Download the {what}, {download.size_label}",
                data=download.data,
                file_name=download.file_name,
                mime=download.mime,
                on_click="ignore",
                icon=":material/download:",
            )
            st.caption(f"SHA-256 `{download.sha256}`")

labels = {
    row.paper_id: f"{row.title} ({row.authors.split(',')[0]}, {int(row.year)})" for row in papers.itertuples()
}
unknown = state.unknown_choice(VIEW["paper"], list(labels))
if unknown:
    st.warning(f"No paper '{plain(unknown)}' in the store. Choose one below.")
    state.write(VIEW, paper="")
asked = state.choice(VIEW["paper"], [None, *labels])  # None first: no paper until the link names one
paper_id = st.selectbox(
    "Paper",
    options=list(labels),
    index=list(labels).index(asked) if asked else None,
    format_func=labels.get,
    placeholder="Type to search papers by title, first author or year",
    key="widget_paper",
)
if paper_id is None:
    st.info("Choose a paper to see its families, published laws, raw sources and BibTeX entry.")
    st.stop()
state.write(VIEW, paper=paper_id)

paper = papers[papers["paper_id"] == paper_id].iloc[0]
families = cache.families()
families = families[families["paper_id"] == paper_id]
laws = cache.published_laws(paper_id)
coefficients = sources_cache.coefficients(tuple(laws["law_id"]))
sources = sources_of(sources_cache.sources(), paper_id)

st.header(paper["title"])
about, cite = st.columns([3, 2])
about.markdown(f"{paper['authors']}  \n{venue_and_year(paper)} · [{paper['url']}]({paper['url']})")
about.text(paper["covers"])  # curated prose: shown as written, not parsed as Markdown
for column, (label, count) in zip(
    about.columns(4),
    [("Families", len(families)), ("Points", int(paper["points"])), ("Published laws", len(laws)), ("Raw sources", len(sources))],
):
    column.metric(label, f"{count:,}")
cite.markdown("**BibTeX**")
cite.code(bibtex(paper), language="bibtex", wrap_lines=True)

st.subheader("Families")
if families.empty:
    st.caption("The store holds no runs from this paper; what it holds are the laws the paper publishes.")
else:
    st.dataframe(
        families[["name", "family_id", "domain", "runs", "points", "metrics", "training_data", "param_convention"]],
        hide_index=True,
        width="stretch", placeholder="",
    )

st.subheader("Published laws")
if laws.empty:
    st.caption("The store records no law published in this paper.")
else:
    shown_laws = law_table(laws, coefficients)
    shown_laws.insert(1, "verdict", list(verdicts.verdicts_of(shown_laws["law_id"]).values()))
    st.dataframe(
        shown_laws,
        hide_index=True,
        width="stretch", placeholder="",
        column_config={
            "source_ref": st.column_config.TextColumn("Where in the paper"),
            "coefficients": st.column_config.TextColumn("Coefficients [interval] unit (paper symbol)", width="large"),
        },
    )
    with st.expander("Every coefficient with its unit, paper symbol, interval and note"):
        st.dataframe(coefficients, hide_index=True, width="stretch", placeholder="")

st.subheader("Raw sources")
if sources.empty:
    st.caption("No released data of this paper is in the store: its numbers are transcribed from the paper itself.")
else:
    st.dataframe(
        sources[["source_id", "repository", "commit", "license", "files", "notes"]],
        hide_index=True,
        width="stretch", placeholder="",
        column_config={"repository": st.column_config.LinkColumn("Repository")},
    )

st.subheader("Provenance notes")
for row in families.itertuples():
    with st.expander(f"Family {row.name}"):
        st.text(f"{row.description}\n\nFLOPs: {row.flops_convention}")
for law_id, text in law_notes(laws):
    with st.expander(f"Law {law_id}"):
        st.text(text)
for row in sources.itertuples():
    with st.expander(f"Source {row.source_id}"):
        st.text(row.notes)
