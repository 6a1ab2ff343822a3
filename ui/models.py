"""Fitted and published laws as ScalingModels for the comparison pages, cached at the boundary."""

from __future__ import annotations

import streamlit as st

from lib.fit import FitInputError
from lib.fitspec import FitSpec, default_loss_metric
from lib.laws.published import PublishedLaw
from lib.predict import ScalingModel, from_published
from ui import cache, fits


def drawable_published(outputs: tuple[str, ...] = ("loss",)) -> dict[str, PublishedLaw]:
    """Published laws complete and in known units, by law id, whose output is one of `outputs`."""
    return {law.law_id: law for law in fits.all_published() if law.drawable and law.output in outputs}


def published_model(law: PublishedLaw) -> ScalingModel:
    """A published law, with the range of its family's runs in the store where it has one."""
    extent = cache.extents((law.family_id,)).get(law.family_id) if law.family_id else None
    return from_published(law, extent)


def fit_label(token: str) -> str:
    """A fit spec's label, or the token itself when a link carried a damaged one."""
    try:
        return FitSpec.from_token(token).label
    except FitInputError:
        return token


def family_fit_tokens(families: list[str], laws: list[str], n_boot: int) -> tuple[list[str], list[str]]:
    """Fit specs of each law to each family's own loss (its training loss, else the loss it reports
    most), against C; and a message for each family that reports no loss."""
    tokens, problems = [], []
    for family in families:
        metric = default_loss_metric(cache.metrics_of((family,)))
        if metric is None:
            problems.append(f"{family} reports no loss to fit")
            continue
        tokens += [FitSpec(families=(family,), law=law, metric=metric, n_boot=n_boot, x="C").to_token() for law in laws]
    return tokens, problems


def fitted_models(tokens: list[str]) -> tuple[list[ScalingModel], list[str]]:
    """Models for fit specs (cached fits); and a message for each spec that could not be fitted."""
    models, problems = [], []
    for token in tokens:
        try:
            models.append(fits.model(token))
        except FitInputError as problem:
            problems.append(f"{fit_label(token)}: {problem}")
    return models, problems


def session_fits() -> list[str]:
    """Fit specs made on the Fit page in this session, newest first."""
    return list(st.session_state.get("session_fits", []))


def remember_fit(token: str) -> None:
    made = [t for t in session_fits() if t != token]
    st.session_state["session_fits"] = [token, *made][:20]
