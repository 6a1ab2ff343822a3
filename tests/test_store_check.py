"""`check` must catch each kind of problem the curated dataset can have, and pass a clean one."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from lib.schema import DATA_DIR, PROJECT_ROOT
from lib.store import StoreUnavailable
from lib.store.build import ensure_store
from lib.store.check import check_dataset
from tests.dataset_factory import valid_rows, write_dataset


def problems_after(tmp_path, change) -> list[str]:
    rows = valid_rows()
    change(rows)
    return [str(problem) for problem in check_dataset(write_dataset(tmp_path / "data", rows))]


def set_field(table: str, field: str, value, index: int = 0):
    def change(rows):
        rows[table][index][field] = value

    return change


def test_a_clean_dataset_has_no_problems(tmp_path):
    assert problems_after(tmp_path, lambda rows: None) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (set_field("points", "source_file", None), "data/points/test.csv:2: points: 'source_file' is empty"),
        (set_field("points", "extraction", None), "data/points/test.csv:2: points: 'extraction' is empty"),
        (set_field("points", "paper_id", None), "data/points/test.csv:2: points: 'paper_id' is empty"),
        (set_field("laws", "source_ref", None), "data/laws/test.csv:2: laws: 'source_ref' is empty"),
        (set_field("points", "family_id", "nope"), "data/points/test.csv:2: points: unknown family 'nope'"),
        (set_field("points", "paper_id", "kaplan2020"), "data/points/test.csv:2: points: unknown paper 'kaplan2020'"),
        (set_field("families", "paper_id", "nobody2020"), "data/families/test.csv:2: families: unknown paper 'nobody2020'"),
        (set_field("points", "metric", "mystery"), "data/points/test.csv:2: points: unknown metric 'mystery'"),
        (set_field("coefficients", "law_id", "ghost"), "data/coefficients/test.csv:2: coefficients: unknown law 'ghost'"),
        (set_field("points", "tokens", 0), "data/points/test.csv:2: points: non-positive tokens (0)"),
        (set_field("points", "params", -5), "data/points/test.csv:2: points: non-positive params (-5)"),
        (set_field("points", "flops", 0), "data/points/test.csv:2: points: non-positive flops (0)"),
        (set_field("points", "value", 42.0), "points: value 42 of 'train_loss' is outside its sane range [0, 20]"),
        (set_field("metrics", "chance", 25), "metrics: chance 25 of 'train_loss' is outside its sane range [0, 20]"),
        (set_field("points", "value", "n/a"), "points: 'value' is not a number ('n/a')"),
        (set_field("points", "run_id", "row-1"), "data/points/test.csv:3: points: duplicate of ('chin', 'row-1'"),
        (set_field("points", "tokens", 1.4), "points: tokens = 1.4 is implausibly small for an absolute count"),
        (set_field("points", "flops", 6 * 7e7 * 1.4e9 * 1e3), "points: flops are 1e+03 x 6ND (a unit mix-up"),
        (set_field("points", "params_non_embedding", 9e7), "points: params_non_embedding exceeds params"),
        (set_field("families", "domain", "astrology"), "families: domain 'astrology' is not one of"),
        (set_field("points", "extraction", "recalled"), "points: extraction 'recalled' is not one of"),
        (set_field("laws", "form", "made_up"), "laws: form 'made_up' is not one of"),
        (set_field("laws", "completeness", None), "data/laws/test.csv:2: laws: 'completeness' is empty"),
        (set_field("coefficients", "param", "gamma"), "laws: 'hoffmann2022_approach3' (chinchilla) coefficients do not match the form: missing ['E'], unexpected ['gamma']"),
        (set_field("papers", "arxiv_id", "22.3"), "papers: arXiv id '22.3' is not of the form 2203.15556"),
        (set_field("families", "param_convention", "non_embedding"), "counts params non_embedding but this row lacks that count"),
    ],
)
def test_check_reports_each_kind_of_problem(tmp_path, change, expected):
    assert any(expected in problem for problem in problems_after(tmp_path, change))


def test_a_partial_law_may_omit_coefficients_but_not_misname_them(tmp_path):
    def exponents_only(rows):
        rows["laws"][0]["completeness"] = "partial"
        rows["coefficients"] = [c for c in rows["coefficients"] if c["param"] in ("alpha", "beta")]

    assert problems_after(tmp_path, exponents_only) == []

    def misnamed(rows):
        exponents_only(rows)
        rows["coefficients"][0]["param"] = "a"

    assert any("unexpected ['a']" in p for p in problems_after(tmp_path, misnamed))


def test_conflicting_metric_declarations_are_reported(tmp_path):
    def redeclare(rows):
        rows["metrics"].append({**rows["metrics"][0], "max_value": 5})

    assert any("'train_loss' is declared differently elsewhere" in p for p in problems_after(tmp_path, redeclare))


def test_a_missing_column_is_reported(tmp_path):
    data_dir = write_dataset(tmp_path / "data")
    points_file = data_dir / "points" / "test.csv"
    text = points_file.read_text().replace("source_locator", "locator")
    points_file.write_text(text)
    problems = [str(problem) for problem in check_dataset(data_dir)]
    assert "data/points/test.csv:1: points: column 'source_locator' is missing" in problems
    assert "data/points/test.csv:1: points: column 'locator' is not in the schema" in problems


def test_check_command_passes_on_the_curated_dataset():
    result = subprocess.run(
        [sys.executable, "-m", "lib.store", "check"], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "dataset OK" in result.stdout


def test_a_file_that_is_not_csv_is_named_with_its_line_by_check_and_by_the_store_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("_staging"))
    with (data / "points" / "mu_scaling.csv").open("a") as broken:
        broken.write('"an unclosed quote,x\n')
    [problem] = check_dataset(data)
    assert str(problem) == ("data/points/mu_scaling.csv:12: not readable as CSV "
                            "(Error tokenizing data. C error: EOF inside string starting at row 11)")
    with pytest.raises(StoreUnavailable) as refused:
        ensure_store(tmp_path / "store.duckdb", data)
    assert str(refused.value).startswith("The curated data cannot be read, so the store cannot be built: "
                                         "data/points/mu_scaling.csv:12: not readable as CSV")
