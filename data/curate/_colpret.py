"""Shared by the colpret_* scripts: the ColPret collection's folder, its conventions, and one writer.

`IBM+ColPret` is the data collection behind Choshen, Zhang & Andreas 2024, *A Hitchhiker's Guide
to Scaling Law Estimation* (2410.11840, MIT). It re-collects training curves released by other
papers; each colpret_* script curates one origin paper's files and cites that paper, naming
ColPret only as the collector (source_id and family description).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

SOURCE_ID = "IBM+ColPret"
COLLECTOR = (
    "Collected in IBM/ColPret, the data set of Choshen, Zhang & Andreas 2024, 'A Hitchhiker's Guide to "
    "Scaling Law Estimation' (2410.11840)."
)


def raw_path(relative: str) -> Path:
    """A file of the ColPret folder of the raw releases."""
    return sources_dir() / SOURCE_ID / relative


def percent_to_fraction(value: float) -> float:
    """A percent score as a fraction, rounded to 12 significant digits so 45.0 -> 0.45, not 0.45000000000000001."""
    return float(f"{value / 100.0:.12g}")


def provenance(paper_id: str, source_file: str, locators: pd.Series, extraction: str) -> dict:
    """The provenance columns of a block of points."""
    return {
        "paper_id": paper_id,
        "source_id": SOURCE_ID,
        "source_file": source_file,
        "source_locator": locators.to_numpy(),
        "extraction": extraction,
    }


def write_curated(
    name: str,
    families: pd.DataFrame,
    points: pd.DataFrame,
    metrics: pd.DataFrame,
    papers: list[dict],
    run_inputs: pd.DataFrame | None = None,
) -> None:
    """Write one script's tables (data/<table>/<name>.csv) and stage the papers it cites."""
    write_source_tables(name, families, points, metrics, run_inputs, papers)