"""A minimal, valid curated dataset written to a temporary folder, for tests that break it on purpose."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.schema import TABLES

VALID_ROWS = {
    "papers": [
        {
            "paper_id": "hoffmann2022",
            "title": "Training Compute-Optimal Large Language Models",
            "authors": "Jordan Hoffmann; Sebastian Borgeaud; Arthur Mensch; et al.",
            "year": 2022,
            "arxiv_id": "2203.15556",
            "venue": "NeurIPS 2022",
            "url": "https://arxiv.org/abs/2203.15556",
            "covers": "Chinchilla training runs",
        }
    ],
    "sources": [
        {
            "source_id": "epoch",
            "repository": "https://example.org/epoch",
            "commit": "92258837",
            "license": "none stated",
            "paper_ids": "hoffmann2022",
        }
    ],
    "families": [
        {
            "family_id": "chin",
            "name": "Chinchilla runs",
            "paper_id": "hoffmann2022",
            "source_id": "epoch",
            "domain": "language",
            "architecture": "decoder-only transformer",
            "training_data": "MassiveText",
            "param_convention": "with_embeddings",
            "flops_convention": "reported",
            "data_unit": "tokens",
        }
    ],
    "metrics": [
        {
            "metric": "train_loss",
            "name": "Training loss",
            "kind": "loss",
            "higher_is_better": "false",
            "min_value": 0,
            "max_value": 20,
        }
    ],
    "points": [
        {
            "family_id": "chin",
            "run_id": f"row-{index}",
            "params": params,
            "tokens": tokens,
            "flops": 6 * params * tokens,
            "flops_method": "reported",
            "metric": "train_loss",
            "value": loss,
            "paper_id": "hoffmann2022",
            "source_id": "epoch",
            "source_file": "data/svg_extracted_data.csv",
            "source_locator": f"row {index}",
            "extraction": "digitized_figure",
        }
        for index, (params, tokens, loss) in enumerate([(7e7, 1.4e9, 3.5), (4e8, 8e9, 2.9), (1e9, 2e10, 2.6)])
    ],
    "laws": [
        {
            "law_id": "hoffmann2022_approach3",
            "paper_id": "hoffmann2022",
            "family_id": "chin",
            "form": "chinchilla",
            "x_var": "N,D",
            "output": "loss",
            "fitted_on": "Chinchilla runs",
            "source_ref": "Eq. 10",
            "extraction": "reported_fit",
            "completeness": "complete",
        }
    ],
    "coefficients": [
        {"law_id": "hoffmann2022_approach3", "param": name, "value": value}
        for name, value in [("E", 1.69), ("A", 406.4), ("B", 410.7), ("alpha", 0.34), ("beta", 0.28)]
    ],
}


def write_dataset(data_dir: Path, rows: dict[str, list[dict]] | None = None) -> Path:
    """Write `rows` (default: the valid rows) in the schema's layout under `data_dir`."""
    rows = rows if rows is not None else VALID_ROWS
    for table in TABLES:
        path = data_dir / (table.files.replace("*", "test") if "*" in table.files else table.files)
        path.parent.mkdir(parents=True, exist_ok=True)
        frame = pd.DataFrame(rows.get(table.name, [])).reindex(columns=list(table.columns))
        frame.to_csv(path, index=False)
    return data_dir


def valid_rows() -> dict[str, list[dict]]:
    return {name: [dict(row) for row in table_rows] for name, table_rows in VALID_ROWS.items()}
