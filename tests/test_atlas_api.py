"""lib.atlas, the Python entry point: the README's example runs and prints the Besiroglu
reproduction, and each function answers as the pages do."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lib import atlas
from lib.conventions import PF_DAY_FLOPS
from lib.fit import FitInputError, method_sensitivity
from lib.fitspec import FitSpec, fit_table, sensitivity_options
from tests.test_fit_besiroglu import PUBLISHED

ROOT = Path(__file__).resolve().parent.parent
CHINCHILLA = dict(N=70e9, D=1.4e12)


def readme_example() -> str:
    section = (ROOT / "README.md").read_text().split("## Use it from Python\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def chinchilla_loss(params, N, D):
    """Hoffmann et al.'s law written out by hand: E + A / N^alpha + B / D^beta."""
    return params["E"] + params["A"] / N ** params["alpha"] + params["B"] / D ** params["beta"]


@pytest.fixture(scope="module")
def store():
    opened = atlas.open()
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def refit(store):
    return store.fit("chinchilla", "chinchilla_epoch", delta=1e-3, exclude_top=5, n_boot=20)


def test_readme_example_prints_the_besiroglu_reproduction():
    run = subprocess.run([sys.executable, "-c", readme_example()], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    printed = run.stdout
    assert re.search(r"^\d+\s+chinchilla_epoch\s+language\s+245\s", printed, re.M)  # the families listed
    assert "Besiroglu reproduction on 240 runs" in printed
    rows = re.findall(r"^\s*(\w+)\s+refit\s+(\S+)\s+\[.*\]\s+published\s+(\S+)$", printed, re.M)
    refitted = {name: float(value) for name, value, _ in rows}
    published = {name: float(value) for name, _, value in rows}
    assert set(refitted) == set(published) == set(PUBLISHED)
    assert published == pytest.approx(PUBLISHED, rel=1e-3)  # printed to 4 significant digits
    for name in ("E", "alpha", "beta"):
        assert refitted[name] == pytest.approx(PUBLISHED[name], abs={"E": 0.05}.get(name, 0.02))
    for name in ("A", "B"):
        assert refitted[name] == pytest.approx(PUBLISHED[name], rel=0.10)
    losses = [float(value) for value in re.findall(r"^loss at 70B parameters, 1\.4T tokens: (\S+)", printed, re.M)]
    assert len(losses) == 2
    assert losses[1] == pytest.approx(chinchilla_loss(PUBLISHED, **CHINCHILLA), abs=1e-4)
    assert losses[0] == pytest.approx(losses[1], rel=0.01)


def test_families_lists_domain_paper_counts_and_conventions(store):
    families = store.families()
    assert {"family_id", "domain", "paper_id", "points", "param_convention", "flops_convention", "data_unit"} <= set(
        families.columns)
    chinchilla = families.set_index("family_id").loc["chinchilla_epoch"]
    assert (chinchilla["domain"], chinchilla["paper_id"], chinchilla["points"]) == ("language", "hoffmann2022", 245)
    vision = store.families(domain="vision")
    assert len(vision) and set(vision["domain"]) == {"vision"}


def test_laws_lists_form_completeness_family_and_whether_predictable(store):
    laws = store.laws(family="chinchilla_epoch").set_index("law_id")
    assert {"besiroglu2024_approach3", "hoffmann2022_approach3"} <= set(laws.index)
    besiroglu = laws.loc["besiroglu2024_approach3"]
    assert (besiroglu["paper_id"], besiroglu["form"], besiroglu["completeness"], besiroglu["predictable"]) == (
        "besiroglu2024", "chinchilla", "complete", True)
    partial = store.laws(paper="henighan2020").set_index("law_id").loc["henighan2020_image_8x8_N_opt"]
    assert (partial["completeness"], partial["predictable"]) == ("partial", False)
    assert store.law("besiroglu2024_approach3").params == pytest.approx(PUBLISHED)


def test_points_have_absolute_units_conventions_and_provenance(store):
    points = store.points("chinchilla_epoch")
    assert list(points.columns[:len(atlas.LEADING_COLUMNS)]) == list(atlas.LEADING_COLUMNS)
    assert len(points) == 245 and set(points["metric"]) == {"train_loss"}
    assert set(points["metric_unit"]) == {"nats/token"}
    assert points["N"].min() > 1e7 and points["D"].min() > 1e8  # counts, not millions or billions
    assert set(points["C_basis"]) == {"reported"}
    assert points[["paper_id", "source_id", "source_file", "source_locator"]].notna().all().all()


def test_points_without_reported_compute_carry_6nd_in_the_familys_convention(store):
    points = store.points("pythia", metric="acc_piqa_0shot")
    assert set(points["param_convention"]) == {"non_embedding"} and set(points["C_basis"]) == {"6ND"}
    assert points["N"].tolist() == points["N_non_embedding"].tolist()
    assert np.allclose(points["C"], 6 * points["N"] * points["D"])
    assert set(points["metric_unit"]) == {"fraction"}


def test_points_of_several_families_are_pooled(store):
    points = store.points(["chinchilla_epoch", "brown2020_gpt3_curves"], metric="train_loss")
    assert set(points["family_id"]) == {"chinchilla_epoch", "brown2020_gpt3_curves"}


def test_an_unknown_family_is_refused_with_the_closest_names(store):
    with pytest.raises(atlas.AtlasError, match="no family 'chinchila_epoch'.*did you mean chinchilla_epoch"):
        store.points("chinchila_epoch")
    with pytest.raises(atlas.AtlasError, match="no law 'besiroglu2024'.*did you mean besiroglu2024_approach3"):
        store.predict("besiroglu2024", **CHINCHILLA)


def test_a_family_with_several_losses_or_none_must_name_its_metric(store):
    with pytest.raises(atlas.AtlasError, match="report several losses; choose one with metric=: .*gpt3_val_loss"):
        store.points("brown2020_gpt3_curves")
    with pytest.raises(atlas.AtlasError, match="report several losses"):
        store.fit("chinchilla", "brown2020_gpt3_curves")
    assert set(store.points("brown2020_gpt3_curves", metric="gpt3_val_loss")["metric"]) == {"gpt3_val_loss"}
    with pytest.raises(atlas.AtlasError, match="pythia report no loss; choose one with metric=: .*acc_piqa_0shot"):
        store.points("pythia")
    with pytest.raises(atlas.AtlasError, match="pythia reports no 'train_loss'"):
        store.points(["chinchilla_epoch", "pythia"], metric="train_loss")


def test_fit_passes_the_fitters_options(store, refit):
    assert refit.fit.n_points == 240 and refit.fit.options.delta == 1e-3
    assert refit.boot.n_boot == 20 and set(refit.boot.intervals) == set(PUBLISHED)
    pinned = store.fit("chinchilla", "chinchilla_epoch", exclude_top=5, fixed={"E": 1.69}, loss="mse")
    assert pinned.fit.params["E"] == 1.69 and pinned.fit.options.loss == "mse"
    linear = store.fit("chinchilla", "chinchilla_epoch", exclude_top=5, space="linear")
    assert linear.fit.options.space == "linear" and linear.fit.objective != refit.fit.objective
    with pytest.raises(FitInputError, match="unknown residual space 'logit'"):
        store.fit("chinchilla", "chinchilla_epoch", space="logit")
    with pytest.raises(FitInputError, match="unknown loss law 'chinchila'"):
        store.fit("chinchila", "chinchilla_epoch")


def test_predict_a_pf_day_law_at_flops_as_by_hand(store):
    law = store.law("kaplan2020_L_C")
    assert law.input_scales == {"C": PF_DAY_FLOPS}
    by_hand = (law.params["x_c"] / (1e23 / PF_DAY_FLOPS)) ** law.params["alpha"]  # L = (C_c / C[PF-days])^alpha_C
    assert float(store.predict("kaplan2020_L_C", C=1e23)) == pytest.approx(by_hand, rel=1e-12)
    # A model of N parameters on D tokens answers a law of compute at C = 6ND.
    assert float(store.predict("kaplan2020_L_C", N=1e9, D=1e23 / 6e9)) == pytest.approx(by_hand, rel=1e-12)


def test_predict_a_fit_and_a_published_law_at_n_and_d(store, refit):
    sizes = np.array([1e9, 70e9])
    assert store.predict(refit, N=sizes, D=20 * sizes) == pytest.approx(chinchilla_loss(refit.fit.params, sizes, 20 * sizes))
    published = store.predict(store.law("besiroglu2024_approach3"), **CHINCHILLA)
    assert float(published) == pytest.approx(chinchilla_loss(PUBLISHED, **CHINCHILLA), rel=1e-12)


def test_predict_refuses_missing_inputs_and_laws_it_cannot_evaluate(store, refit):
    with pytest.raises(atlas.AtlasError, match="law of D, N: give D"):
        store.predict(refit, N=70e9)
    with pytest.raises(atlas.AtlasError, match="henighan2020_image_8x8_N_opt cannot be evaluated.*partial"):
        store.predict("henighan2020_image_8x8_N_opt", C=1e21)


def test_compare_at_a_model_size_predicts_each_law_there(store, refit):
    table = store.compare([refit, "besiroglu2024_approach3"], **CHINCHILLA).set_index("law")
    assert list(table.index) == ["chinchilla fit to chinchilla_epoch", "besiroglu2024_approach3"]
    assert table["loss"].tolist() == pytest.approx(
        [chinchilla_loss(refit.fit.params, **CHINCHILLA), chinchilla_loss(PUBLISHED, **CHINCHILLA)])
    assert table["C"].tolist() == pytest.approx([6 * 70e9 * 1.4e12] * 2)
    low, high = table.loc["chinchilla fit to chinchilla_epoch", ["low", "high"]]
    assert low < table.loc["chinchilla fit to chinchilla_epoch", "loss"] < high  # the bootstrap band
    assert table.loc["chinchilla fit to chinchilla_epoch", "times_beyond_data"] > 1


def test_compare_at_a_budget_takes_each_laws_compute_optimal_split(store):
    budget = 1e25
    table = store.compare(["besiroglu2024_approach3", "kaplan2020_L_C"], C=budget).set_index("law")
    optimum = table.loc["besiroglu2024_approach3"]
    assert optimum["N"] * optimum["D"] * 6 == pytest.approx(budget)
    for ratio in (5, 20, 80):  # no other split of the budget does better
        n = np.sqrt(budget / (6 * ratio))
        assert optimum["loss"] <= chinchilla_loss(PUBLISHED, n, ratio * n) + 1e-9
    assert table.loc["kaplan2020_L_C", "loss"] == pytest.approx(float(store.predict("kaplan2020_L_C", C=budget)))
    with pytest.raises(ValueError, match="give either a compute budget C, or both N and D"):
        store.compare(["besiroglu2024_approach3"], N=70e9)


def test_open_builds_a_store_at_the_path_given(store, tmp_path):
    path = tmp_path / "atlas.duckdb"
    opened = atlas.open(path)
    assert path.exists() and len(opened.families()) == len(store.families())
    opened.close()


def test_fitspec_carries_a_linear_residual_space_through_links_and_sensitivity(store):
    spec = FitSpec(families=("chinchilla_epoch",), space="linear")
    assert FitSpec.from_token(spec.to_token()) == spec and "linear residuals" in spec.label
    assert "sp=" not in FitSpec(families=("chinchilla_epoch",)).to_token()  # links of log fits unchanged
    # method_sensitivity varies the space itself: the Fit page's sensitivity table must not pass it again.
    table, _ = fit_table(store.points("chinchilla_epoch"), spec)
    rows = method_sensitivity(spec.law, table.iloc[::4], "value", **sensitivity_options(spec))  # a quarter: faster
    assert "least squares, linear" in set(rows["method"])
