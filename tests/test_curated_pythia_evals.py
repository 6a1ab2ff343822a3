"""Checks of the curated Pythia evaluations (data/*/pythia_evals.csv) against the raw release and the paper."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "pythia_evals"
SOURCE = "EleutherAI+pythia"
TOTAL_TOKENS = 299_892_736_000  # paper Sec. 2.4: "We train all models for 299,892,736,000 tokens"


points, families, metrics = curated_fixtures(NAME)


def raw_root() -> Path:
    return raw_source(SOURCE)


def one(points: pd.DataFrame, family: str, run: str, step: int, metric: str) -> pd.Series:
    match = points[(points.family_id == family) & (points.run_id == run) & (points.step == step) & (points.metric == metric)]
    assert len(match) == 1, (family, run, step, metric, len(match))
    return match.iloc[0]


# --- (a) against the raw release -------------------------------------------------------------


def test_final_lambada_of_pythia_1_4b_matches_raw(points):
    raw = json.loads((raw_root() / "evals/pythia-v1/pythia-1.4b/zero-shot/1.4b_step143000.json").read_text())
    row = one(points, "pythia", "pythia-1.4b", 143000, "ppl_lambada_openai_0shot")
    assert row.value == raw["results"]["lambada_openai"]["ppl"]
    assert row.tokens == TOTAL_TOKENS
    assert row.params_non_embedding == 1_208_602_624
    assert row.source_file == "evals/pythia-v1/pythia-1.4b/zero-shot/1.4b_step143000.json"
    assert row.source_locator == "results.lambada_openai.ppl"


def test_five_shot_acc_norm_of_12b_deduped_matches_raw(points):
    raw = json.loads((raw_root() / "evals/pythia-v1/pythia-12b-deduped/five-shot/12b-deduped-5shot_step143000.json").read_text())
    row = one(points, "pythia_deduped", "pythia-12b-deduped", 143000, "acc_norm_arc_challenge_5shot")
    assert row.value == raw["results"]["arc_challenge"]["acc_norm"]


def test_misnamed_bf16_files_follow_their_config_shot_count(points):
    path = raw_root() / "evals/pythia-v1/pythia-1b-bf16/zero-shot/1b-bf16-5shot_step512.json"
    raw = json.loads(path.read_text())
    assert raw["config"]["num_fewshot"] == 0
    row = one(points, "pythia_1b_bf16", "pythia-1b-bf16", 512, "acc_piqa_0shot")
    assert row.value == raw["results"]["piqa"]["acc"]


def test_batch_variant_tokens_reach_the_paper_total_at_the_last_released_step(points):
    root = raw_root()
    for run, family, last_step in (
        ("pythia-70m-0.25MtokBS", "pythia_bs_0p25m", 1_144_000),
        ("pythia-410m-0.5MtokBS", "pythia_bs_0p5m", 572_000),
        ("pythia-1.4b-1MtokBS", "pythia_bs_1m", 286_000),
    ):
        steps = [int(p.stem.rsplit("_step", 1)[1]) for p in (root / "evals/pythia-v1" / run).rglob("*.json")]
        assert max(steps) == last_step
        row = one(points, family, run, last_step, "acc_sciq_5shot")
        assert row.tokens == TOTAL_TOKENS


def test_every_raw_file_with_a_kept_task_is_curated(points):
    root = raw_root()
    kept_tasks = {"arc_challenge", "arc_easy", "lambada_openai", "logiqa", "piqa", "sciq", "winogrande", "wsc"}
    expected = {
        path.relative_to(root).as_posix()
        for path in (root / "evals/pythia-v1").rglob("*.json")
        if kept_tasks & set(json.loads(path.read_text())["results"])
    }
    assert set(points.source_file) == expected


# --- (b) invariants of the curated output ----------------------------------------------------


def test_keys_are_unique(points):
    assert not points.duplicated(["family_id", "run_id", "step", "metric"]).any()


def test_counts(points, families):
    assert len(points) == 11632
    assert set(families.family_id) == {
        "pythia", "pythia_deduped", "pythia_1b_bf16", "pythia_deduped_intervention",
        "pythia_bs_0p25m", "pythia_bs_0p5m", "pythia_bs_1m",
    }
    assert set(points.family_id) == set(families.family_id)
    assert points[points.family_id == "pythia"].run_id.nunique() == 7
    assert points[points.family_id == "pythia_deduped"].run_id.nunique() == 8


def test_non_embedding_params_are_the_papers_table_1(points):
    # Transcribed from the paper's Table 1 ("Non-Embedding Params").
    table_1 = {"70m": 18_915_328, "160m": 85_056_000, "410m": 302_311_424, "1b": 805_736_448,
               "1.4b": 1_208_602_624, "2.8b": 2_517_652_480, "6.9b": 6_444_163_072, "12b": 11_327_027_200}
    for run_id, counts in points.groupby("run_id").params_non_embedding:
        assert counts.nunique() == 1
        assert counts.iloc[0] == table_1[run_id.split("-")[1]], run_id
    assert points.params.isna().all()  # the paper gives no exact total counts


def test_tokens_are_absolute_and_step_0_has_seen_none(points):
    assert (points.loc[points.step == 0, "tokens"] == 0).all()
    assert points.tokens.notna().all()
    standard = points[points.family_id.isin(["pythia", "pythia_deduped", "pythia_1b_bf16", "pythia_deduped_intervention"])]
    assert (standard.tokens == standard.step * 2_097_152).all()
    assert points.tokens.max() == TOTAL_TOKENS


def test_values_inside_declared_ranges(points, metrics):
    bounds = metrics.set_index("metric")
    assert set(points.metric) <= set(bounds.index)
    low = points.metric.map(bounds.min_value)
    high = points.metric.map(bounds.max_value)
    assert ((points.value >= low) & (points.value <= high)).all()
    accuracies = points[points.metric.str.startswith("acc")]
    assert accuracies.value.between(0, 1).all()


def test_provenance_is_complete(points):
    for column in ("paper_id", "source_id", "source_file", "source_locator", "extraction"):
        assert points[column].notna().all(), column
    assert (points.extraction == "released_data").all()


def test_points_file_is_small_enough():
    assert (DATA_DIR / "points" / f"{NAME}.csv").stat().st_size < 8_000_000


def test_paper_row_is_staged():
    papers = pd.read_csv(DATA_DIR / "papers.csv")
    row = papers.set_index("paper_id").loc["biderman2023"]
    assert str(row.arxiv_id) == "2304.01373"
    assert row.year == 2023
