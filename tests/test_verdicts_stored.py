"""The stored verdicts (data/verdicts.json) are those of the data as committed, and
`python -m lib.verdicts --json` prints them as the issue asks: a verdict for every published law
and a leaderboard of law forms x methods."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lib.schema import PROJECT_ROOT
from lib.store import Store
from lib.store.verdict_tables import current_verdicts, verdicts_path
from lib.verdicts.rule import VERDICTS

LAW_KEYS = {"law_id", "verdict", "reason", "coefficients", "method", "prediction_gap", "gap_past_data"}
BOARD_KEYS = {"form", "method", "families", "median_abs_rel_error", "coverage"}


def test_the_stored_verdicts_were_computed_from_the_data_as_committed():
    assert verdicts_path().exists(), "run `python -m lib.verdicts` to compute and store the verdicts"
    assert current_verdicts() is not None, (
        "data/ changed since the verdicts were computed: run `python -m lib.verdicts` (it redoes only what changed)"
    )


@pytest.fixture(scope="module")
def printed() -> dict:
    done = subprocess.run([sys.executable, "-m", "lib.verdicts", "--json"], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=600, check=True)
    return json.loads(done.stdout)


def test_every_published_law_has_a_verdict_and_at_least_30_are_judged(printed):
    laws = printed["laws"]
    store = Store()
    assert sorted(law["law_id"] for law in laws) == sorted(store.published_laws()["law_id"])
    assert all(LAW_KEYS <= set(law) and law["verdict"] in VERDICTS and law["reason"] for law in laws)
    judged = [law for law in laws if law["verdict"] != "no data"]
    assert len(judged) >= 30
    for coefficient in (c for law in judged for c in law["coefficients"]):
        assert {"param", "published", "refit", "low", "high", "inside"} <= set(coefficient)


def test_the_leaderboard_ranks_at_least_six_forms_over_at_least_twenty_families(printed):
    board = printed["backtest"]["leaderboard"]
    assert all(BOARD_KEYS <= set(row) for row in board)
    assert len({row["form"] for row in board if row["families"] > 0}) >= 6
    scored = {s["family"] for s in printed["backtest"]["scores"] if s["outcome"] in ("converged", "at a bound")}
    assert len(scored) >= 20
    errors = [row["median_abs_rel_error"] for row in board if row["median_abs_rel_error"] == row["median_abs_rel_error"]]
    assert errors == sorted(errors)


def test_the_store_holds_the_verdicts_as_tables():
    store = Store()
    verdicts = store.law_verdicts()
    assert len(verdicts) == len(store.published_laws())
    besiroglu = store.verdict_coefficients(["besiroglu2024_approach3"])
    assert len(besiroglu) == 5 and besiroglu["inside"].all()
    assert len(store.backtest_leaderboard()) >= 6 * 3
