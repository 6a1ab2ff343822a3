"""My runs' "Prepare a contribution": a form collecting what a curated family needs, and the zip
lib.contribution builds from it and this session's runs, offered as a download (never written
where the app runs)."""

from __future__ import annotations

import streamlit as st

from lib.contribution import (
    DEFAULT_MAX_CHARS,
    FIELD_LABELS,
    MAX_CHARS,
    MAX_NEW_METRICS,
    ContributionRefused,
    Metadata,
    NewMetric,
    new_metric_ids,
    prepare_contribution,
    suggested_new_metric,
)
from lib.schema import DATA_UNITS, DOMAINS, METRIC_KINDS, PARAM_CONVENTIONS
from lib.store.check import PLAUSIBLE_YEARS
from ui.text import plain

KEY = "contribution_{}"
HELP = {
    "arxiv_id": "e.g. 2203.15556; or give the paper's URL",
    "paper_url": "the paper's or report's web page; or give its arXiv id",
    "paper_id": "optional: the first author's surname and the year by default (e.g. hoffmann2022)",
    "release_url": "where your runs are published (a repository, a dataset page)",
    "release_version": "optional: the commit, tag or date of the release",
    "license": "the license your runs are released under, e.g. MIT or CC-BY-4.0",
    "description": "what the runs are, how they were measured, anything a reader needs",
    "flops_convention": "how the FLOPs were counted",
}
SANE_RANGE = "the sane range: `python -m lib.store check` refuses a value outside it"
MESSAGE_CHARS = 400  # a message quotes a value at most 60 characters long


def text_field(container, name: str, default: str = "") -> str:
    widget = container.text_area if name == "description" else container.text_input
    return widget(FIELD_LABELS[name], value=default, key=KEY.format(name), help=HELP.get(name),
                  max_chars=MAX_CHARS.get(name, DEFAULT_MAX_CHARS))


def choice_field(container, name: str, options, default: str) -> str:
    options = list(options)
    return container.selectbox(FIELD_LABELS[name], options, index=options.index(default), key=KEY.format(name))


def metadata_fields(held: dict) -> Metadata:
    conventions, points = held["conventions"], held["points"]
    st.markdown("**Paper or report**")
    left, middle, right = st.columns(3)
    earliest, latest = PLAUSIBLE_YEARS
    paper = {
        "title": text_field(left, "title"),
        "authors": text_field(middle, "authors"),
        "year": right.number_input(FIELD_LABELS["year"], min_value=earliest, max_value=latest, value=None, step=1,
                                   key=KEY.format("year")),
        "arxiv_id": text_field(left, "arxiv_id"),
        "paper_url": text_field(middle, "paper_url"),
        "paper_id": text_field(right, "paper_id"),
    }
    st.markdown("**Release**")
    left, middle, right = st.columns(3)
    release_fields = ("release_url", "release_version", "license")
    release = {name: text_field(box, name) for box, name in zip((left, middle, right), release_fields)}
    st.markdown("**Family**")
    left, middle, right = st.columns(3)
    family = {
        "family_name": text_field(left, "family_name"),
        "architecture": text_field(middle, "architecture"),
        "training_data": text_field(right, "training_data"),
        "domain": choice_field(left, "domain", DOMAINS, conventions.domain),
        "param_convention": choice_field(middle, "param_convention", PARAM_CONVENTIONS, conventions.param_convention),
        "data_unit": choice_field(right, "data_unit", DATA_UNITS, "tokens"),
        "flops_convention": text_field(st, "flops_convention", points["flops_convention"].iloc[0]),
        "description": text_field(st, "description"),
    }
    return Metadata(**paper, **release, **family)


def new_metric_fields(metric: str) -> NewMetric:
    """The definition of one metric the store does not declare, started from a suggestion."""
    start = suggested_new_metric(metric)
    key = KEY.format(f"metric_{metric}_{{}}")
    kind, higher, low, high, unit, definition = st.columns([2, 3, 2, 2, 2, 4], vertical_alignment="bottom")
    return NewMetric(
        metric=metric,
        kind=kind.selectbox(f"{plain(metric)}: kind", METRIC_KINDS, index=METRIC_KINDS.index(start.kind),
                            key=key.format("kind")),
        higher_is_better=higher.checkbox("higher is better", value=start.higher_is_better, key=key.format("higher")),
        min_value=low.number_input("minimum", value=start.min_value, help=SANE_RANGE, key=key.format("min")),
        max_value=high.number_input("maximum", value=start.max_value, help=SANE_RANGE, key=key.format("max")),
        unit=unit.text_input("unit", value=start.unit, key=key.format("unit"), max_chars=DEFAULT_MAX_CHARS),
        description=definition.text_input("exact definition", key=key.format("definition"),
                                          max_chars=MAX_CHARS["description"]),
    )


def contribution_form(held: dict) -> None:
    """The form and, once it is submitted and accepted, the zip to download; else every problem, one per error."""
    st.caption("Propose your runs for the curated atlas: describe where they come from, download a zip of the "
               "files a new family needs, and open a pull request with them (CONTRIBUTING.txt inside says how). "
               "Nothing is kept here.")
    new_metrics = new_metric_ids(held["points"])
    with st.form("contribution"):
        metadata = metadata_fields(held)
        if new_metrics:
            st.markdown("**Metrics new to the atlas**")
        declared = {metric: new_metric_fields(metric) for metric in new_metrics[:MAX_NEW_METRICS]}
        submitted = st.form_submit_button("Prepare the contribution")
    if not submitted:
        return
    try:
        with st.spinner("Checking the files as `python -m lib.store check` would…"):
            contribution = prepare_contribution(metadata, held["points"], declared, held["filename"])
    except ContributionRefused as refused:
        for problem in refused.problems:
            st.error(plain(problem, limit=MESSAGE_CHARS))
        return
    st.download_button("Download the contribution (zip)", contribution.archive, contribution.filename,
                       "application/zip", on_click="ignore", icon=":material/download:")
    st.caption("In a clone of the repository, `python -m lib.contribution add` with the zip adds it to data/; "
               "CONTRIBUTING.txt inside says how to check it and open the pull request.")
