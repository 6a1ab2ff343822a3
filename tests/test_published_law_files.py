"""Every transcribed law file: schema columns, vocabularies, coefficient names and paper rows.

The per-file tests (test_published_laws_*.py) assert the transcribed values themselves.
"""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import (
    COEFFICIENTS,
    DATA_DIR,
    EXTRACTIONS,
    LAW_COMPLETENESS,
    LAW_FORMS,
    LAW_OUTPUTS,
    LAWS,
    PAPERS,
    PARAM_CONVENTIONS,
    X_VARS,
)

LAW_FILES = ("laws_lm", "laws_domains", "laws_lm_more", "laws_domains_more", "laws_round3a", "laws_round3b", "laws_round4a", "laws_round4b", "laws_round4c")


@pytest.fixture(scope="module")
def papers() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "papers.csv", dtype=str)


@pytest.fixture(params=LAW_FILES)
def law_file(request) -> tuple[pd.DataFrame, pd.DataFrame]:
    name = request.param
    return pd.read_csv(DATA_DIR / "laws" / f"{name}.csv"), pd.read_csv(DATA_DIR / "coefficients" / f"{name}.csv")


def test_columns_match_schema(law_file, papers):
    laws, coefs = law_file
    assert list(laws.columns) == list(LAWS.columns)
    assert list(coefs.columns) == list(COEFFICIENTS.columns)
    assert list(papers.columns) == list(PAPERS.columns)


def test_required_fields_and_vocabularies(law_file):
    laws, _ = law_file
    assert laws["law_id"].is_unique
    for column in LAWS.required:
        assert laws[column].notna().all(), column
    assert set(laws["form"]) <= set(LAW_FORMS)
    assert set(laws["output"]) <= set(LAW_OUTPUTS)
    assert set(laws["x_var"]) <= set(X_VARS)
    assert set(laws["extraction"]) <= set(EXTRACTIONS)
    assert set(laws["completeness"]) <= set(LAW_COMPLETENESS)
    assert set(laws["param_convention"]) <= set(PARAM_CONVENTIONS)


def test_coefficient_names_match_the_form(law_file):
    laws, coefs = law_file
    assert not coefs.duplicated(["law_id", "param"]).any()
    assert set(coefs["law_id"]) == set(laws["law_id"])
    assert coefs["value"].notna().all()
    for law in laws.itertuples():
        params = set(coefs.loc[coefs["law_id"] == law.law_id, "param"])
        expected = set(LAW_FORMS[law.form])
        assert params <= expected, law.law_id
        if law.completeness == "complete":
            assert params == expected, law.law_id
        else:
            # partial: some coefficients, or all of a form that is only part of the paper's law
            # (Kumar et al.'s precision terms), so it is never drawn as the paper's law
            assert params, law.law_id


def test_every_law_has_a_paper_row(law_file, papers):
    laws, _ = law_file
    assert papers["paper_id"].is_unique
    for column in PAPERS.required:
        assert papers[column].notna().all(), column
    for row in papers.itertuples():
        assert row.url == f"https://arxiv.org/abs/{row.arxiv_id}"
    assert set(laws["paper_id"]) <= set(papers["paper_id"])
