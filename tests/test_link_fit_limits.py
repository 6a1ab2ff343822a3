"""A fit carried by a link (`fits=` on Compare and Compute-optimal) asks no more than the Fit page's
widgets allow, names what it refused, and a view fits at most MAX_FITS of them."""

from __future__ import annotations

import time

import pytest

from lib.fit import FitInputError
from lib.fitspec import MAX_BOOT, MAX_EXCLUDE_TOP, FitSpec
from tests.pages import open_page, texts
from ui import fits, models
from ui.models import MAX_VIEW_BOOT
from ui.params import MAX_FITS
from ui.text import plain

BASE = "f=chinchilla_epoch;law=chinchilla"


@pytest.mark.parametrize(
    ("field", "named"),
    [
        ("boot=5000", "bootstrap refits (boot) = 5000 is outside 0 to 1000"),
        ("boot=1000000", "bootstrap refits (boot) = 1e+06 is outside 0 to 1000"),
        ("boot=-1", "bootstrap refits (boot)"),
        ("top=1001", "highest-loss runs left out (top) = 1001 is outside 0 to 1000"),
        ("d=1", "Huber delta d = 1 is outside 0.0001 to 0.1"),
        ("d=0", "Huber delta d"),
        ("cut=inf", "held-out cutoff = inf"),
        ("cut=-5", "held-out cutoff = -5"),
        ("fix=alpha:nan", "alpha = nan"),
        ("n=bogus", "unknown convention: parameters bogus"),
        ("c=bogus", "FLOPs bogus"),
        ("f=[x](https://evil.example)", "a family or metric id is lowercase letters"),
        ("m=<img src=x>", "a family or metric id is lowercase letters"),
    ],
)
def test_a_number_past_the_widgets_or_a_bogus_name_is_refused_by_name(field, named):
    with pytest.raises(FitInputError) as error:
        FitSpec.from_token(f"{BASE};{field}")
    assert named in str(error.value)


def test_an_unknown_x_of_a_one_variable_law_is_refused():
    with pytest.raises(FitInputError, match="unknown x 'bogus' for power_law"):
        FitSpec.from_token("f=chinchilla_epoch;law=power_law;x=bogus")


def test_the_widgets_largest_values_are_accepted():
    spec = FitSpec.from_token(f"{BASE};boot={MAX_BOOT};top={MAX_EXCLUDE_TOP};d=0.1;cut=1e21;n=N_total;c=C_6ND")
    assert (spec.n_boot, spec.exclude_top) == (MAX_BOOT, MAX_EXCLUDE_TOP)
    assert (spec.params_column, spec.flops_column) == ("N_total", "C_6ND")


@pytest.mark.parametrize("page", ["compare_page", "optimal_page"])
def test_a_link_asking_a_huge_bootstrap_is_refused_at_once(page):
    """boot=5000 ran 44-56 s before; now the fit is left out, saying why."""
    started = time.perf_counter()
    app = open_page(page, fitfam="", laws="", fits=f"{BASE};boot=5000")
    assert not app.exception, [error.message for error in app.exception]
    assert time.perf_counter() - started < 20
    assert any("Left out, the fit cannot run" in text and "boot" in text for text in texts(app.warning))


@pytest.mark.parametrize("page", ["compare_page", "optimal_page"])
def test_a_link_of_many_fits_fits_at_most_max_fits(page):
    tokens = [f"{BASE};top={top}" for top in range(40)]
    app = open_page(page, fitfam="", laws="", fits="|".join(tokens))
    assert not app.exception, [error.message for error in app.exception]
    dropped = f"This link lists 40 fits made on the Fit page; a view takes at most {MAX_FITS}, so the last 28 are left out."
    assert dropped in texts(app.warning)
    (fits,) = [box for box in app.multiselect if box.label.startswith("Fits ")]
    assert fits.value == tokens[:MAX_FITS]


def test_a_view_runs_at_most_max_view_boot_bootstrap_refits(monkeypatch):
    """Twelve fits of 1,000 refits each would run ~3 minutes; a view stops at MAX_VIEW_BOOT."""
    monkeypatch.setattr(fits, "model", lambda token: token)  # the budget, not the fitting, is under test
    tokens = [f"{BASE};boot={MAX_BOOT};top={top}" for top in range(3)] + [f"{BASE};top=9"]
    fitted, problems = models.fitted_models(tokens)
    assert fitted == [tokens[0], tokens[1], tokens[3]] and MAX_VIEW_BOOT == 2 * MAX_BOOT
    assert problems == [plain(f"{models.fit_label(tokens[2])}: 1,000 bootstrap refits are more than the 0 left of "
                              "the 2,000 a view runs; ask for fewer", limit=300)]
