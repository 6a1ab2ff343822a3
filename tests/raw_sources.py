"""The raw releases for tests that compare curated values with them: found where the curation
scripts look (data.curate._common.sources_root), skipped, saying where, when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.curate._common import sources_root


def raw_source(relative: str | Path) -> Path:
    """A file or folder of the raw releases, or a skip when it is not there."""
    path = sources_root() / relative
    if not path.exists():
        pytest.skip(f"raw sources not available: {path}")
    return path
