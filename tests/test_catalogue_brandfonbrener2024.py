"""The catalogued Chinchilla-form fits of Brandfonbrener et al. 2024: against the release and the family's own runs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lib.laws import get_law
from lib.schema import DATA_DIR
from tests.law_files import coefficient_value, read_law_files
from tests.raw_sources import raw_source

NAME = "brandfonbrener2024"
FITS = Path("KempnerInstitute+loss-to-loss-notebooks") / "data" / "opt_params_data.csv"
# The law reproduces its own fitting runs to well under 1 % (median relative error ~0.1-0.25 %).
MEDIAN_RELATIVE_ERROR_TOLERANCE = 0.01



@pytest.fixture(scope="module")
def laws() -> pd.DataFrame:
    return read_law_files(NAME)[0]


@pytest.fixture(scope="module")
def coefs() -> pd.DataFrame:
    return read_law_files(NAME)[1]


@pytest.fixture(scope="module")
def runs() -> pd.DataFrame:
    points = pd.read_csv(DATA_DIR / "points" / "loss_to_loss.csv")
    return points[points["metric"] == "val_loss_own_corpus_l2l"]


def law_params(coefs: pd.DataFrame, law_id: str) -> dict:
    return {param: coefficient_value(coefs, law_id, param) for param in ("E", "A", "B", "alpha", "beta")}


def test_one_chinchilla_law_per_corpus(laws, coefs):
    assert len(laws) == 6
    assert set(laws["form"]) == {"chinchilla"} and set(laws["completeness"]) == {"complete"}
    assert set(laws["extraction"]) == {"reported_fit"} and set(laws["param_convention"]) == {"with_embeddings"}
    assert (coefs.groupby("law_id").size() == 5).all()
    assert laws["fit_method"].str.contains("Huber loss \\(delta 1e-3\\)").all()


def test_coefficients_match_release(laws, coefs):
    fits = pd.read_csv(raw_source(FITS))
    fits = fits[(fits["loss_name"] == "val_loss") & ~fits["kaplan"]].set_index("data")
    edu = law_params(coefs, "brandfonbrener2024_chinchilla_fineweb_edu_100b")
    assert edu == {name: fits.loc["fineweb-edu-100b", name] for name in edu}
    assert round(edu["E"], 3) == 2.002 and round(edu["A"], 1) == 2517.5


@pytest.mark.parametrize("law_index", range(6))
def test_law_predicts_its_family_runs(laws, coefs, runs, law_index):
    law = laws.iloc[law_index]
    family = runs[runs["family_id"] == law["family_id"]]
    assert len(family) > 80
    predicted = get_law("chinchilla").predict(
        law_params(coefs, law["law_id"]), {"N": family["params"].to_numpy(float), "D": family["tokens"].to_numpy(float)}
    )
    relative = np.abs(predicted / family["value"].to_numpy() - 1)
    assert np.median(relative) < MEDIAN_RELATIVE_ERROR_TOLERANCE


def test_law_reproduces_release_extrapolation(laws, coefs, runs):
    fits = pd.read_csv(raw_source(FITS))
    big = runs[runs["flops"] == 1e21].set_index("family_id")
    for _, law in laws.iterrows():
        line = int(law["source_ref"].split(" line ")[1].split()[0])
        expected = fits.iloc[line - 2]["extrap_pred"]
        run = big.loc[law["family_id"]]
        predicted = get_law("chinchilla").predict(
            law_params(coefs, law["law_id"]), {"N": np.array([float(run["params"])]), "D": np.array([run["tokens"]])}
        )[0]
        assert predicted == pytest.approx(expected, rel=1e-6)
