"""What the store holds from one paper, arranged for reading: its raw sources and its
published laws with their coefficients written out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, SOURCES
from lib.store.dataset import FILE_COLUMN, LINE_COLUMN, read_raw_table, typed

PAPER_ID_SEPARATOR = ";"  # sources.csv lists the papers a source serves as "a;b"
LAW_COLUMNS = ["law_id", "form", "x_var", "output", "completeness", "coefficients", "source_ref", "extraction"]
# Units that say nothing a reader needs next to a number.
SILENT_UNITS = frozenset({"dimensionless"})


def read_sources(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """data/sources.csv, typed as the store types it."""
    return typed(read_raw_table(SOURCES, data_dir)).drop(columns=[FILE_COLUMN, LINE_COLUMN])


def sources_of(sources: pd.DataFrame, paper_id: str) -> pd.DataFrame:
    """The raw sources (repositories) whose data the store took for `paper_id`."""
    serves = sources["paper_ids"].fillna("").map(lambda ids: paper_id in ids.split(PAPER_ID_SEPARATOR))
    return sources[serves].reset_index(drop=True)


def venue_and_year(paper) -> str:
    """'NeurIPS 2022' as is, 'arXiv preprint, 2024' with its year, '2024' without a venue."""
    year = str(int(paper["year"]))
    venue = paper["venue"] if isinstance(paper["venue"], str) else ""
    return venue if year in venue else ", ".join(part for part in (venue, year) if part)


def _number(value: float) -> str:
    return f"{value:.4g}"


def coefficient_text(row) -> str:
    """'alpha = 0.34 [0.28, 0.39] (paper: alpha_N)': value, interval when the paper gives one,
    unit, and the paper's own symbol when it differs from the registry's name."""
    text = f"{row.param} = {_number(row.value)}"
    if not (pd.isna(row.ci_low) or pd.isna(row.ci_high)):
        text += f" [{_number(row.ci_low)}, {_number(row.ci_high)}]"
    if isinstance(row.unit, str) and row.unit and row.unit not in SILENT_UNITS:
        text += f" {row.unit}"
    if isinstance(row.paper_symbol, str) and row.paper_symbol and row.paper_symbol != row.param:
        text += f" (paper: {row.paper_symbol})"
    return text


def law_table(laws: pd.DataFrame, coefficients: pd.DataFrame) -> pd.DataFrame:
    """One row per published law, its coefficients written out in one column."""
    written = {
        law_id: "; ".join(coefficient_text(row) for row in rows.itertuples())
        for law_id, rows in coefficients.groupby("law_id", sort=False)
    }
    table = laws.assign(coefficients=laws["law_id"].map(written).fillna(""))
    return table[LAW_COLUMNS].reset_index(drop=True)


def law_notes(laws: pd.DataFrame) -> list[tuple[str, str]]:
    """(law_id, what the store records about how the law was fitted and read), for laws that
    have any."""
    notes = []
    for row in laws.itertuples():
        parts = [
            f"{label}: {text}"
            for label, text in (("Fitted on", row.fitted_on), ("Fit method", row.fit_method), ("Notes", row.notes))
            if isinstance(text, str) and text.strip()
        ]
        if parts:
            notes.append((row.law_id, "\n\n".join(parts)))
    return notes
