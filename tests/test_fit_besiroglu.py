"""Besiroglu et al. (2024, arXiv 2404.10102) refit of Hoffmann et al.'s Approach 3 on the Epoch
extraction of Figure 4, 5 highest-loss runs left out, Huber(1e-3) on log residuals."""

from pathlib import Path

import pandas as pd
import pytest

from lib.fit import fit_law

POINTS = Path(__file__).resolve().parent.parent / "data" / "points" / "epoch_chinchilla.csv"
# The estimates as in data/coefficients/besiroglu2024.csv: quoted from the paper in the sources
# MANIFEST; the paper's own table (E printed to four decimals, with standard errors) has not been
# read yet, so E stays 1.82 here too. The tolerances below are wider than that rounding.
PUBLISHED = dict(E=1.82, A=482.01, B=2085.43, alpha=0.3478, beta=0.3658)


@pytest.fixture(scope="module")
def fit():
    table = pd.read_csv(POINTS)
    assert len(table) == 245
    return fit_law("chinchilla", table, "value", exclude_top=5)


def test_reproduces_besiroglu_estimates(fit):
    assert fit.n_points == 240
    assert fit.status.converged and fit.status.warnings == ()
    assert fit.params["alpha"] == pytest.approx(PUBLISHED["alpha"], abs=0.02)
    assert fit.params["beta"] == pytest.approx(PUBLISHED["beta"], abs=0.02)
    assert fit.params["E"] == pytest.approx(PUBLISHED["E"], abs=0.05)
    assert fit.params["A"] == pytest.approx(PUBLISHED["A"], rel=0.10)
    assert fit.params["B"] == pytest.approx(PUBLISHED["B"], rel=0.10)


def test_hoffmann_published_coefficients_fit_worse(fit):
    """Hoffmann et al.'s own estimates are a worse fit to these points than ours (the point of
    Besiroglu et al.): check the engine did not stop near them."""
    hoffmann = dict(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28)
    table = pd.read_csv(POINTS)
    pinned = fit_law("chinchilla", table, "value", exclude_top=5, fixed={k: hoffmann[k] for k in ("E", "A", "B", "alpha")})
    assert fit.objective < pinned.objective
