"""The data-constrained law (Muennighoff et al. 2023, arXiv 2305.16264) fitted to the curated final C4
losses of their runs (data/points/datablations_final.csv: 296 runs with N, D and unique tokens U),
Huber(1e-3) on log residuals, and compared with the paper's published law.

What this finds (the assertions pin it; nothing is forced to agree):
- Fitting all seven coefficients: E, A and alpha come out within 8 % of the published ones
  (E 1.83 vs 1.87, A 562 vs 521, alpha 0.344 vs 0.35); B (591 vs 1488), beta (0.294 vs 0.35) and
  the repetition constants (R_D^* ~ 89 vs 15.4, R_N^* ~ 3.5 vs 5.3) do not. The paper took E, A, B,
  alpha, beta from a refit of Chinchilla's C4 IsoFLOP points and fitted only R_N^*, R_D^* on 182
  of these runs with outliers (runs hurt by excess parameters or epochs) removed.
- The published law sits well below these losses (median |log residual| 0.085 against 0.021 for
  the fit; 4.2B parameters on 84B unique tokens: 2.29 predicted, 2.46 observed).
- The paper's own procedure on all 296 runs (E, A, B, alpha, beta fixed at the published values,
  only R_N^*, R_D^* fitted) sends R_D^* to the search bound 1e4 and R_N^* far below 5.3 (0.25 with
  the printed, rounded coefficients the store holds; the 0.01 bound with the release's unrounded
  ones), and the fitter warns that the two cannot be separated: without the paper's outlier
  selection its R^* values are not recovered.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.fit import fit_law
from lib.laws import get_law
from lib.schema import DATA_DIR

LAW_ID = "muennighoff2023_data_constrained"


def curated_runs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "points" / "datablations_final.csv")


def published() -> dict[str, float]:
    """The published coefficients as the store holds them (whichever coefficients file has them)."""
    rows = pd.concat([pd.read_csv(path) for path in sorted((DATA_DIR / "coefficients").glob("*.csv"))])
    law = rows[rows["law_id"] == LAW_ID]
    assert len(law) == 7, f"{LAW_ID} should have its seven coefficients in data/coefficients"
    return dict(zip(law["param"], law["value"].astype(float)))


def median_abs_log_residual(params: dict[str, float], runs: pd.DataFrame) -> float:
    inputs = {"N": runs["params"].to_numpy(), "D": runs["tokens"].to_numpy(), "U": runs["unique_tokens"].to_numpy()}
    predicted = get_law("data_constrained").predict(params, inputs)
    return float(np.median(np.abs(np.log(runs["value"].to_numpy()) - np.log(predicted))))


@pytest.fixture(scope="module")
def free_fit():
    return fit_law("data_constrained", curated_runs(), "value")


def test_all_296_runs_with_unique_tokens_are_fitted(free_fit):
    assert free_fit.n_points == 296
    assert free_fit.status.converged and free_fit.status.at_bounds == () and free_fit.status.warnings == ()


def test_loss_level_and_model_size_terms_agree_with_the_paper(free_fit):
    paper = published()
    for name in ("E", "A", "alpha"):
        assert free_fit.params[name] == pytest.approx(paper[name], rel=0.10), name


def test_data_term_and_repetition_constants_differ_from_the_paper(free_fit):
    paper, fitted = published(), free_fit.params
    assert fitted["B"] < 0.5 * paper["B"]
    assert fitted["beta"] == pytest.approx(0.294, abs=0.02) and fitted["beta"] < paper["beta"]
    assert fitted["R_D_star"] > 3 * paper["R_D_star"]
    assert fitted["R_N_star"] == pytest.approx(3.54, rel=0.1)


def test_the_fit_describes_these_runs_better_than_the_published_law(free_fit):
    runs = curated_runs()
    fitted, paper = median_abs_log_residual(free_fit.params, runs), median_abs_log_residual(published(), runs)
    assert fitted < 0.03 and paper > 0.07


def test_the_published_law_underestimates_an_unrepeated_4b_run():
    run = curated_runs().set_index("run_id").loc["4b284b84b"]
    predicted = get_law("data_constrained").predict(
        published(), {"N": np.array([run["params"]]), "D": np.array([run["tokens"]]), "U": np.array([run["unique_tokens"]])}
    )[0]
    assert run["value"] == pytest.approx(2.45653)
    assert run["value"] - predicted > 0.1


def test_the_papers_procedure_on_all_runs_runs_into_the_bounds():
    paper = published()
    fixed = {name: paper[name] for name in ("E", "A", "B", "alpha", "beta")}
    fit = fit_law("data_constrained", curated_runs(), "value", fixed=fixed)
    assert "R_D_star" in fit.status.at_bounds and fit.params["R_D_star"] > 1e3
    assert fit.params["R_N_star"] < 1.0 < paper["R_N_star"]
    assert any("cannot separate R_D_star and R_N_star" in warning for warning in fit.status.warnings)
