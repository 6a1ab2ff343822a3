"""Laws of reading-list papers read from their abstracts or their authors' releases (catalogue
modules in PAPER_IDS): every coefficient is the stated or released digit after the registry's
renaming, each law evaluated through its registry form gives what the source says, and partial
laws say what they leave out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.laws import get_law
from lib.schema import DATA_DIR
from tests.law_files import coefficient_value, read_law_files

PAPER_IDS = ("liu2023", "goyal2024")
GOYAL_X_C = 100_000 / 0.025  # release objective.py: (a n / 1e5)^b = (X_c / n)^-b with a = 0.025


def paper_of(law_id: str) -> str:
    return law_id.split("_", 1)[0]


def law_row(law_id: str) -> pd.Series:
    laws, _ = read_law_files(paper_of(law_id))
    return laws.set_index("law_id").loc[law_id]


def predict(law_id: str, x: float, missing: float = 1.0) -> float:
    """The law's prediction through its registry form at X = x; a coefficient the source does not
    give (a partial law) is set to `missing`."""
    _, coefs = read_law_files(paper_of(law_id))
    form = get_law(law_row(law_id)["form"])
    written = set(coefs.loc[coefs["law_id"] == law_id, "param"])
    params = {p: coefficient_value(coefs, law_id, p) if p in written else missing for p in form.param_names}
    return float(form.predict(params, {"x": np.asarray(x, dtype=float)}))


# (law_id, param, value as stated / released, after the registry's renaming and sign convention)
TRANSCRIBED = [
    # Liu & Tegmark 2023, abstract: "a different scaling law (alpha = 1)", "the N^-1 scaling law"
    ("liu2023_mse_N", "alpha", 1.0),
    # Goyal et al. 2024, results/parameter_values.jsonl (tmars_imagenet1k_utility): d = 0.1,
    # a = 0.025 (X_c = 1e5 / a), b = -0.16, -0.125, -0.1, -0.085, -0.12 (alpha = -b)
    ("goyal2024_tmars_top0to10p_D", "E", 0.1),
    ("goyal2024_tmars_top0to10p_D", "x_c", 4e6),
    ("goyal2024_tmars_top0to10p_D", "alpha", 0.16),
    ("goyal2024_tmars_top10to20p_D", "E", 0.1),
    ("goyal2024_tmars_top10to20p_D", "x_c", 4e6),
    ("goyal2024_tmars_top10to20p_D", "alpha", 0.125),
    ("goyal2024_tmars_top20to30p_D", "E", 0.1),
    ("goyal2024_tmars_top20to30p_D", "x_c", 4e6),
    ("goyal2024_tmars_top20to30p_D", "alpha", 0.1),
    ("goyal2024_tmars_top30to40p_D", "E", 0.1),
    ("goyal2024_tmars_top30to40p_D", "x_c", 4e6),
    ("goyal2024_tmars_top30to40p_D", "alpha", 0.085),
    ("goyal2024_tmars_top0to40p_random25p_D", "E", 0.1),
    ("goyal2024_tmars_top0to40p_random25p_D", "x_c", 4e6),
    ("goyal2024_tmars_top0to40p_random25p_D", "alpha", 0.12),
]

# (law_id, inputs (small, large), ratio of predictions the source states, rel. tolerance, where).
# A power law without its prefactor still fixes how the prediction scales.
STATED_RATIOS = [
    ("liu2023_mse_N", (1e3, 1e4), 10.0, 1e-12,
     "Abstract: MSE ~ N^-1, so ten times the parameters gives a tenth of the loss"),
]

# (law_id, released b) for the release's first-epoch error d + (a n / 1e5)^b
GOYAL_RELEASED_B = [
    ("goyal2024_tmars_top0to10p_D", -0.16),
    ("goyal2024_tmars_top10to20p_D", -0.125),
    ("goyal2024_tmars_top20to30p_D", -0.1),
    ("goyal2024_tmars_top30to40p_D", -0.085),
    ("goyal2024_tmars_top0to40p_random25p_D", -0.12000000000000001),
]


@pytest.mark.parametrize("law_id,param,value", TRANSCRIBED)
def test_coefficients_are_the_stated_values(law_id, param, value):
    _, coefs = read_law_files(paper_of(law_id))
    assert coefficient_value(coefs, law_id, param) == pytest.approx(value, rel=1e-12)


def test_every_coefficient_of_these_papers_is_asserted():
    written = pd.concat([read_law_files(paper_id)[1] for paper_id in PAPER_IDS])
    assert set(zip(written["law_id"], written["param"])) == {(law, param) for law, param, _ in TRANSCRIBED}


@pytest.mark.parametrize("law_id,inputs,ratio,rel,where", STATED_RATIOS)
def test_law_scales_as_the_paper_states(law_id, inputs, ratio, rel, where):
    small, large = (predict(law_id, x) for x in inputs)
    assert small / large == pytest.approx(ratio, rel=rel), where


@pytest.mark.parametrize("law_id,b", GOYAL_RELEASED_B)
@pytest.mark.parametrize("samples_seen", [1.28e6, 6.4e6, 1.28e7])  # within the first 12.8M-sample epoch
def test_goyal_registry_form_equals_the_released_first_epoch_error(law_id, b, samples_seen):
    """objective.py (func_effective_utility), first epoch: d + (a n / 1e5)^b, a = 0.025, d = 0.1."""
    released = 0.1 + (0.025 * samples_seen / 100_000) ** b
    assert predict(law_id, samples_seen) == pytest.approx(released, rel=1e-9)


def test_goyal_better_buckets_have_steeper_fresh_data_exponents():
    """The four T-MARS buckets in quality order (top 10% first) lose utility per sample in order."""
    order = ["tmars_top0to10p", "tmars_top10to20p", "tmars_top20to30p", "tmars_top30to40p"]
    _, coefs = read_law_files("goyal2024")
    alphas = [coefficient_value(coefs, f"goyal2024_{key}_D", "alpha") for key in order]
    assert alphas == sorted(alphas, reverse=True)
    for key in order:  # fresh data always helps, down towards the released floor d = 0.1
        errors = [predict(f"goyal2024_{key}_D", n) for n in (1.28e6, 1.28e7, 1.28e9)]
        assert errors == sorted(errors, reverse=True) and errors[-1] > 0.1


def test_partial_laws_say_what_they_leave_out():
    for paper_id in PAPER_IDS:
        laws, _ = read_law_files(paper_id)
        for law in laws.itertuples():
            assert law.completeness == "partial", law.law_id
            assert "partial" in law.notes.lower() and "left out" in law.notes, law.law_id


def test_liu_source_ref_points_at_the_abstract_of_its_arxiv_id():
    laws, _ = read_law_files("liu2023")
    for law in laws.itertuples():
        assert law.source_ref.startswith("Abstract") and "2310.02258" in law.source_ref, law.law_id


def test_goyal_laws_name_the_release_file_they_come_from():
    laws, _ = read_law_files("goyal2024")
    for law in laws.itertuples():
        assert "results/parameter_values.jsonl" in law.source_ref, law.law_id
        assert law.x_var == "D" and law.output == "error", law.law_id


def test_paper_rows_name_the_arxiv_page():
    for paper_id in PAPER_IDS:
        papers = pd.read_csv(DATA_DIR / "papers.csv", dtype=str)
        staged = papers[papers["paper_id"] == paper_id]
        assert len(staged) == 1
        row = staged.iloc[0]
        assert row["url"] == f"https://arxiv.org/abs/{row['arxiv_id']}"
        assert row["title"] and row["authors"] and row["covers"]
