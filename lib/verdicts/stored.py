"""The verdicts as stored beside the curated data (data/verdicts.json), tied to the data they were
computed from by its fingerprint, so pages read them instantly and know when they are stale."""

from __future__ import annotations

import json
from pathlib import Path

from lib.schema import DATA_DIR
from lib.store.verdict_tables import current_verdicts, tables_fingerprint, verdicts_path


def save_verdicts(result: dict, data_dir: Path = DATA_DIR) -> Path:
    """Write the result of lib.verdicts.compute.compute_all with the fingerprint of the data it was
    computed from (of the data now, when the result does not say)."""
    path = verdicts_path(data_dir)
    record = {"data_fingerprint": tables_fingerprint(data_dir), **result}
    path.write_text(json.dumps(record, indent=1, sort_keys=True, default=_plain) + "\n")
    return path


def load_verdicts(data_dir: Path = DATA_DIR) -> dict | None:
    """The stored verdicts when computed from the data as they are now; None otherwise."""
    return current_verdicts(data_dir)


def previous_verdicts(data_dir: Path = DATA_DIR) -> dict | None:
    """The stored verdicts whatever data they were computed from (their items carry their own
    inputs hash, so a recomputation reuses those still valid); None without a readable file."""
    try:
        record = json.loads(verdicts_path(data_dir).read_text())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _plain(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
