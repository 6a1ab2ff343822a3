"""The stored verdicts (data/verdicts.json, written by `python -m lib.verdicts`) as store tables.

They are derived, not curated: the file records the fingerprint of the curated tables it was
computed from, and its tables enter the store only while that fingerprint is current, so a page
never shows a verdict on data that has since changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR
from lib.store.dataset import data_files

VERDICTS_FILE = "verdicts.json"
LAW_VERDICT_COLUMNS = ("law_id", "paper_id", "form", "completeness", "verdict", "reason", "families", "metric",
                       "n_points", "method", "prediction_gap", "gap_past_data")
COEFFICIENT_COLUMNS = ("law_id", "param", "published", "refit", "low", "high", "fixed", "inside")
# Column types, so the tables are typed even when empty (no current verdicts); others are text.
NUMBER_COLUMNS = frozenset({"n_points", "prediction_gap", "gap_past_data", "published", "refit", "low", "high",
                            "cutoff", "n_train", "n_test", "mean_abs_rel_error", "coverage",
                            "median_abs_rel_error", "failures"})
FLAG_COLUMNS = frozenset({"fixed", "inside"})
SCORE_COLUMNS = ("family", "metric", "form", "method", "axis", "cutoff", "n_train", "n_test", "outcome",
                 "mean_abs_rel_error", "coverage", "params")
LEADERBOARD_COLUMNS = ("form", "method", "families", "median_abs_rel_error", "coverage", "failures")
VERDICT_TABLES = ("law_verdicts", "law_verdict_coefficients", "backtest_scores", "backtest_leaderboard")


def tables_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A hash of every curated file's name and bytes."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def verdicts_path(data_dir: Path = DATA_DIR) -> Path:
    return data_dir / VERDICTS_FILE


def current_verdicts(data_dir: Path = DATA_DIR, data_fingerprint: str | None = None) -> dict | None:
    """The stored verdicts when computed from the curated data as they are now; None otherwise."""
    path = verdicts_path(data_dir)
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    expected = data_fingerprint or tables_fingerprint(data_dir)
    return record if isinstance(record, dict) and record.get("data_fingerprint") == expected else None


def verdict_frames(record: dict | None) -> dict[str, pd.DataFrame]:
    """One frame per table of VERDICT_TABLES (empty ones, with their columns, when there are no
    current verdicts)."""
    laws = (record or {}).get("laws", [])
    backtest = (record or {}).get("backtest", {})
    verdicts = pd.DataFrame(
        [{**law, "families": "; ".join(law.get("families") or [])} for law in laws], columns=list(LAW_VERDICT_COLUMNS)
    )
    coefficients = pd.DataFrame(
        [{"law_id": law["law_id"], **check} for law in laws for check in law.get("coefficients") or []],
        columns=list(COEFFICIENT_COLUMNS),
    )
    scores = pd.DataFrame(backtest.get("scores", []), columns=list(SCORE_COLUMNS))
    board = pd.DataFrame(backtest.get("leaderboard", []), columns=list(LEADERBOARD_COLUMNS))
    board = board.astype({"families": "float64"})
    return {name: _typed(frame) for name, frame in zip(VERDICT_TABLES, (verdicts, coefficients, scores, board))}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers as floats, flags as booleans, text as strings with empty text missing (as a CSV
    release reads it back: there "" and missing are one)."""
    types = {
        column: "float64" if column in NUMBER_COLUMNS or frame[column].dtype.kind in "if" else
        "boolean" if column in FLAG_COLUMNS else "string"
        for column in frame.columns
    }
    typed = frame.astype(types)
    text = [column for column, kind in types.items() if kind == "string"]
    typed[text] = typed[text].mask(typed[text] == "")
    return typed
