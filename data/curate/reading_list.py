"""Curate the team's reading list (../shared/reading-list.csv) into data/reading_list.csv.

The list names the field's scaling papers the atlas aims to cover: title, year, arXiv id, the
field it belongs to (LM pretraining, hyperparameters, data, MoE, vision, ...; "(borderline)" kept
as the list marks it), what scales, whether coefficients are printed and where data lives.
`python -m lib.store summary` counts how many of its papers the store holds (matched by arXiv
id). The list's own `in_store` column is not kept: the store computes coverage itself.

Run from the project root:  python -m data.curate.reading_list
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_root, write_table
from lib.schema import READING_LIST

RENAMED = {"domain": "field"}


def read_reading_list() -> pd.DataFrame:
    path = sources_root().parent / "reading-list.csv"
    if not path.exists():
        raise SystemExit(f"reading list not found at {path}")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    frame = raw.rename(columns=RENAMED)[list(READING_LIST.columns)].copy()
    frame["year"] = frame["year"].str.replace(r"\.0$", "", regex=True)
    return frame


def main() -> None:
    print(write_table(read_reading_list(), READING_LIST, "reading_list"))


if __name__ == "__main__":
    main()
