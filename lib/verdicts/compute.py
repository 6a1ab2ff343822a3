"""Every verdict and the whole backtest, computed from the store (in parallel processes: each law
and each family is independent).

Each law's verdict and each family's backtest is stored with a hash of what it was computed from
(the law's row and coefficients, the runs it reads, and COMPUTATION_VERSION), so a recomputation
after a data change redoes only what that change touched."""

from __future__ import annotations

import hashlib
import json
import os
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from typing import Callable

import pandas as pd

from lib.laws.published import PublishedLaw, published_laws
from lib.store import Store
from lib.store.verdict_tables import tables_fingerprint
from lib.verdicts.backtest import backtest_family, leaderboard, scores_frame
from lib.verdicts.law_runs import law_families, params_column
from lib.verdicts.reproduce import LawVerdict, law_verdict

_STORE: Store | None = None
_LAWS: dict[str, PublishedLaw] = {}  # every published law by id, read once per worker process
_PREVIOUS: dict[str, dict] = {}  # item hash -> its stored result, handed to each worker
# Part of every item's hash. Change it (any new string) with any change to lib.fit, lib.laws or the
# verdict code that changes a result, so every stored item is recomputed.
COMPUTATION_VERSION = "8dd2711b4a4065d51a0937f41a60b59771c68ce63f9bd335adf77efa77d34fc3"


def _store() -> Store:
    global _STORE  # one read-only connection per worker process
    if _STORE is None:
        _STORE = Store()
    return _STORE


def _start_worker(previous: dict[str, dict]) -> None:
    _PREVIOUS.update(previous)


def _item_hash(*parts) -> str:
    digest = hashlib.sha256(COMPUTATION_VERSION.encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _points_bytes(points: pd.DataFrame) -> bytes:
    return pd.util.hash_pandas_object(points, index=False).to_numpy().tobytes()


def all_laws(store: Store) -> list[PublishedLaw]:
    rows = store.published_laws()
    return published_laws(rows, store.coefficients(rows["law_id"].tolist()))


def _law(law_id: str) -> PublishedLaw:
    if not _LAWS:
        _LAWS.update((law.law_id, law) for law in all_laws(_store()))
    return _LAWS[law_id]


def _verdict_of(law_id: str) -> dict:
    store = _store()
    law = _law(law_id)
    family_ids = set(store.families()["family_id"])
    families = law_families(law, family_ids)
    points = store.points(families) if families else pd.DataFrame()
    runs = _points_bytes(points) if families else b""
    # The parameter count read, where it is not the runs' own N (the law's convention, e.g. N
    # without embeddings): part of its inputs, while an unchanged count keeps earlier hashes.
    params = params_column(law, points) if families else "N"
    counted = [params] if params != "N" and not points[params].equals(points["N"]) else []
    key = _item_hash(law.law_id, law.form.name, law.params, law.fit_options, law.completeness, law.input_scales,
                     law.unknown_units, families, runs, *counted)
    if key in _PREVIOUS:
        return _PREVIOUS[key]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the optimiser's overflow warnings far from the data
        return {**law_verdict(law, store, family_ids).to_dict(), "inputs_hash": key}


def backtest_metric(store: Store, family: str) -> str | None:
    """The family's loss with the most runs (ties by name): the one its backtest scores."""
    metrics = store.metrics_of([family])
    losses = metrics[metrics["kind"] == "loss"].sort_values(["points", "metric"], ascending=[False, True])
    return losses["metric"].iloc[0] if len(losses) else None


def _backtest_of(family: str) -> list[dict]:
    store = _store()
    metric = backtest_metric(store, family)
    if metric is None:
        return []
    points = store.points([family], metric)
    key = _item_hash(family, metric, _points_bytes(points))
    if key in _PREVIOUS:
        return _PREVIOUS[key]["scores"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = backtest_family(family, points)
    return scores_frame(scores).assign(metric=metric, inputs_hash=key).to_dict("records")


def reusable(previous: dict | None) -> dict[str, dict]:
    """The items of a previous result by their inputs hash: a law's verdict, or a family's scores."""
    if not previous:
        return {}
    items = {law["inputs_hash"]: law for law in previous.get("laws", []) if law.get("inputs_hash")}
    scores = pd.DataFrame(previous.get("backtest", {}).get("scores", []))
    if "inputs_hash" in scores:
        for key, rows in scores.groupby("inputs_hash"):
            items[key] = {"scores": rows.to_dict("records")}
    return items


def compute_all(workers: int | None = None, progress: Callable[[str, int, int], None] | None = None,
                previous: dict | None = None) -> dict:
    """{"laws": [one verdict per published law], "backtest": {"leaderboard": [...], "scores": [...]},
    "seconds": ...}, reusing from `previous` (an earlier result) every item whose inputs are
    unchanged. `progress(stage, done, total)` is told as work completes."""
    started = time.perf_counter()
    data_fingerprint = tables_fingerprint()  # of the data read, whatever changes while this runs
    store = Store()
    law_ids = [law.law_id for law in all_laws(store)]
    families = store.families()["family_id"].tolist()
    workers = workers or min(4, os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(reusable(previous),)) as pool:
        laws = _collect(pool.map(_verdict_of, law_ids, chunksize=4), len(law_ids), "laws", progress)
        scores = [row for rows in _collect(pool.map(_backtest_of, families), len(families), "backtest", progress)
                  for row in rows]
    frame = pd.DataFrame(scores)
    board = leaderboard(frame) if len(frame) else pd.DataFrame()
    return {
        "laws": laws,
        "backtest": {"leaderboard": board.to_dict("records"), "scores": scores},
        "seconds": round(time.perf_counter() - started, 1),
        "data_fingerprint": data_fingerprint,
    }


def _collect(results, total: int, stage: str, progress) -> list:
    collected = []
    for item in results:
        collected.append(item)
        if progress:
            progress(stage, len(collected), total)
    return collected


def verdict_summary(laws: list[dict]) -> dict[str, int]:
    return pd.Series([law["verdict"] for law in laws]).value_counts().to_dict()


__all__ = ["LawVerdict", "compute_all", "verdict_summary"]
