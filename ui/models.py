"""Fitted and published laws as ScalingModels for the comparison pages, cached at the boundary."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lib.fit import FitInputError
from lib.fitspec import MAX_BOOT, FitSpec, default_loss_metric, parse_fit_token
from lib.laws.published import PublishedLaw
from lib.predict import ScalingModel, from_published
from lib.verdicts.views import band_calibration
from ui import cache, fits, state, verdicts
from ui.params import MAX_FITS, View
from ui.text import plain

# A fit keeps running after its tab closes, and a link could list any number, each with up to
# MAX_BOOT bootstrap refits (~14 s per 1,000 on Chinchilla's 245 runs): a view fits at most
# MAX_FITS, with at most MAX_VIEW_BOOT refits between them.
MAX_VIEW_BOOT = 2 * MAX_BOOT


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
        return parse_fit_token(token).label
    except FitInputError:
        return token[:60]


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


def link_fits(view: View) -> list[str]:
    """The fit specs the URL's `fits` lists (at most MAX_FITS; a warning names how many more were dropped)."""
    return state.tokens(view["fits"])


def fitted_models(tokens: list[str]) -> tuple[list[ScalingModel], list[str]]:
    """Models for the first MAX_FITS fit specs (cached fits), within MAX_VIEW_BOOT bootstrap refits;
    and a message (plain text) for each spec that could not be fitted or was left out."""
    models, problems, boot_left = [], [], MAX_VIEW_BOOT
    for token in tokens[:MAX_FITS]:
        try:
            n_boot = parse_fit_token(token).n_boot
            if n_boot > boot_left:
                raise FitInputError(f"{n_boot:,} bootstrap refits are more than the {boot_left:,} left of the "
                                    f"{MAX_VIEW_BOOT:,} a view runs; ask for fewer")
            models.append(fits.model(token))
            boot_left -= n_boot
        except FitInputError as problem:
            problems.append(plain(f"{fit_label(token)}: {problem}", limit=300))
    if len(tokens) > MAX_FITS:
        problems.append(f"{len(tokens) - MAX_FITS:,} more fits: a view fits at most {MAX_FITS}; "
                        "choose fewer families or laws")
    return models, problems


def drawn_fits(tokens: list[str], draw: Callable[[list[ScalingModel]], None]) -> tuple[list[ScalingModel], list[str]]:
    """fitted_models(tokens), drawn by `draw(models)`. Fits whose bootstrap this session has not
    seen done are drawn first without their bands (as on the Fit page: ui.fits.with_band), then
    redrawn in the same place once the refits, shown by progress bars, are done."""
    shown = tokens[:MAX_FITS]
    fitted, problems = fits.drawn_point_first(
        all(_band_seen(token) for token in shown), lambda: draw(_point_models(shown)), lambda: fitted_models(tokens),
        lambda result: draw(result[0]),
        lambda result: any(model.samples is not None and len(model.samples) for model in result[0]),
    )
    for token in shown:
        fits.saw_band(token)
    return fitted, problems


def _band_seen(token: str) -> bool:
    try:
        return fits.band_seen(token)
    except FitInputError:  # a damaged token: nothing to wait for (fitted_models says why)
        return True


def _point_models(tokens: list[str]) -> list[ScalingModel]:
    """The fits that can run, without their bootstraps (fitted_models says why any cannot)."""
    models = []
    for token in tokens:
        try:
            models.append(fits.point_model(token))
        except FitInputError:
            continue
    return models


def session_fits() -> list[str]:
    """Fit specs made on the Fit page in this session, newest first."""
    return list(st.session_state.get("session_fits", []))


def remember_fit(token: str) -> None:
    made = [t for t in session_fits() if t != token]
    st.session_state["session_fits"] = [token, *made][:20]


def band_calibrations(tokens: list[str]) -> list[str]:
    """For each distinct law and method among these fits that draw a band: how often the backtest's
    bands of that law and method held the runs past the data (lib.verdicts.views.band_calibration)."""
    methods = []
    for token in tokens:
        try:
            spec = parse_fit_token(token)
        except FitInputError:
            continue
        if spec.n_boot:
            methods.append((spec.law, spec.loss, spec.delta, spec.space))
    board = verdicts.leaderboard()
    return [text for text in (band_calibration(board, *method) for method in dict.fromkeys(methods)) if text]
