"""Curated tables of Cai et al. 2025 (felipemaiapolo/statistical-scaling-law): against the raw files
and invariants."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from lib.schema import DATA_DIR, FAMILIES, PAPERS, POINTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "statistical_scaling_law"
KEY = ["family_id", "run_id", "step", "metric"]
RAW = Path("felipemaiapolo+statistical-scaling-law") / "data"
NORMALISED = {"bbh": "BBH", "gpqa": "GPQA", "musr": "MUSR", "mmlu-pro": "MMLU-PRO"}

points, families, metrics = curated_fixtures(NAME)


def raw_table(name: str) -> pd.DataFrame:
    return pd.read_csv(raw_source(RAW / name))


def sloth_models() -> set[str]:
    sloth = raw_source(Path("felipemaiapolo+sloth") / "data")
    return set(pd.read_csv(sloth / "data_v2.csv")["Model"]) | set(pd.read_csv(sloth / "data_v1.csv")["Model"])


# ---------------------------------------------------------------- against the raw files


def test_every_score_is_its_raw_cell(points):
    raw = {path: raw_table(Path(path).name) for path in ("data/df_full_v1.csv", "data/df_full_v2.csv")}
    located = points["source_locator"].str.extract(r"^line (\d+) \(row (\d+), model (.+)\), column '(.+)'$")
    assert located.notna().all().all()
    for path, line, label, model, column, value in zip(
        points["source_file"], located[0].astype(int), located[1].astype(int), located[2], located[3], points["value"]
    ):
        row = raw[path].iloc[line - 2]
        assert row["Unnamed: 0"] == label and row["model"] == model and row[column] == value


def test_sizes_are_scaled_to_absolute_counts(points):
    raw = raw_table("df_full_v2.csv").set_index("model").loc["calme-2.2-llama3-70b"]
    point = points[points["run_id"] == "calme-2.2-llama3-70b"].iloc[0]
    assert point["params"] == raw["size"] * 1e9 == 70e9
    assert point["tokens"] == raw["tokens"] * 1e12 == 15e12
    assert point["flops"] == raw["flops"] * 1e21
    assert point["family_id"] == "cai2025_calme-2.2-llama3"


def test_no_model_of_sloths_table_is_repeated(points):
    assert not set(points["run_id"]) & sloth_models()
    v1, v2 = raw_table("df_full_v1.csv"), raw_table("df_full_v2.csv")
    new_rows = (~v1["model"].isin(sloth_models())).sum() + (~v2["model"].isin(sloth_models())).sum()
    assert new_rows == 19 + 111 and len(points) == 19 * 6 + 111 * 6


def test_new_v2_rows_are_the_dumps_normalised_scores_not_raw(points):
    """Each kept v2 row equals exactly one leaderboard row's normalised scores / 100, and none's raw ones."""
    dump = raw_table("open-llm-leaderboard_new.csv")
    wide = points[points["source_file"] == "data/df_full_v2.csv"].pivot(index="run_id", columns="metric", values="value")
    assert len(wide) == 111
    for _, row in wide.iterrows():
        normalised, raw = np.ones(len(dump), dtype=bool), np.ones(len(dump), dtype=bool)
        for column, dump_column in NORMALISED.items():
            value = row[f"cai2025_openllm_v2_{column.replace('-', '_')}_normalised"]
            normalised &= np.isclose(dump[dump_column] / 100, value, atol=1e-12)
            raw &= np.isclose(dump[f"{dump_column} Raw"], value, atol=1e-12)
        assert normalised.sum() == 1 and raw.sum() == 0


def test_new_v1_rows_are_the_v1_leaderboards_percentages(points):
    """Each kept v1 row is one row of the v1 leaderboard dump (Sloth's release, percent, 2 decimals)."""
    board = pd.read_csv(raw_source(Path("felipemaiapolo+sloth") / "data" / "open-llm-leaderboard_old.csv"))
    columns = {"arc": "ARC", "hellaswag": "HellaSwag", "mmlu": "MMLU", "truthfulqa": "TruthfulQA",
               "winogrande": "Winogrande", "gsm8k": "GSM8K"}
    wide = points[points["source_file"] == "data/df_full_v1.csv"].pivot(index="run_id", columns="metric", values="value")
    assert len(wide) == 19
    for _, row in wide.iterrows():
        same = np.ones(len(board), dtype=bool)
        for column, board_column in columns.items():
            same &= np.isclose(board[board_column] / 100, row[f"sloth_openllm_v1_{column}"], atol=6e-5)
        assert same.sum() == 1


def test_df_full_is_the_v1_v2_intersection():
    """df_full.csv adds nothing: every row is in both versioned files with the same scores."""
    full, v1, v2 = raw_table("df_full.csv"), raw_table("df_full_v1.csv"), raw_table("df_full_v2.csv")
    merged = full.merge(v1, on="model", suffixes=("", "_v1")).merge(v2, on="model", suffixes=("", "_v2"))
    assert len(merged) == len(full) == 98
    for column in ("arc", "gsm8k"):
        assert (merged[column] == merged[f"{column}_v1"]).all()
    for column in ("ifeval", "musr"):
        assert (merged[column] == merged[f"{column}_v2"]).all()


# ---------------------------------------------------------------- invariants


def test_counts_keys_and_provenance(points, families):
    assert len(points) == 780 and points["run_id"].nunique() == 111 and len(families) == 106
    assert not points.duplicated(KEY).any()
    assert points[list(POINTS.required)].notna().all().all()
    assert set(points["paper_id"]) == {"cai2025"} and set(points["extraction"]) == {"released_data"}
    assert set(points["family_id"]) == set(families["family_id"])
    assert families[list(FAMILIES.required)].notna().all().all()


def test_repeated_model_name_gets_distinct_runs(points):
    pneuma = sorted(points.loc[points["family_id"] == "cai2025_l3-pneuma", "run_id"].unique())
    assert pneuma == ["l3-pneuma-8b", "l3-pneuma-8b (row 3217)"]


def test_scores_are_fractions_and_compute_is_6nd(points):
    assert points["value"].between(0, 1).all()
    assert set(points["flops_method"]) == {"6ND"}
    assert ((points["flops"] / (6 * points["params"] * points["tokens"]) - 1).abs() < 1e-9).all()
    assert points["params"].min() >= 1e8 and points["tokens"].min() >= 1e11  # counts, not billions


def test_metrics_reuse_sloth_where_the_meaning_is_the_same(points, metrics):
    used = set(points["metric"])
    assert {"sloth_openllm_v1_arc", "sloth_openllm_v2_ifeval", "sloth_openllm_v2_math_lvl5"} <= used
    assert "sloth_openllm_v2_bbh" not in used  # raw accuracy; the kept rows are normalised
    declared = set(metrics["metric"])
    assert declared == {m for m in used if m.startswith("cai2025_")} and len(declared) == 4
    sloth = pd.read_csv(DATA_DIR / "metrics" / "sloth_models.csv")
    assert used - declared <= set(sloth["metric"])


def test_the_paper_row_is_merged_as_staged():
    """The script stages its paper row (data/_staging is not in the repository); the reviewed
    papers.csv holds it, with the arXiv id the abstract page gives."""
    papers = pd.read_csv(DATA_DIR / "papers.csv", dtype={"arxiv_id": str}).set_index("paper_id")
    assert list(papers.reset_index().columns) == list(PAPERS.columns)
    assert papers.loc["cai2025", "arxiv_id"] == "2512.06553"
    assert papers.loc["cai2025", "title"] == "A Latent Variable Framework for Scaling Laws in Large Language Models"
