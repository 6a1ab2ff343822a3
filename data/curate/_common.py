"""Shared by the curation scripts: where the raw sources are, and how a curated table is written."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from lib.schema import DATA_DIR, PROJECT_ROOT, Table


def sources_root() -> Path:
    """Where the raw releases are expected: $SCALING_ATLAS_SOURCES, else ../shared/sources
    beside the clone (it may not exist: a user's clone has none)."""
    configured = os.environ.get("SCALING_ATLAS_SOURCES")
    return Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "sources"


def sources_dir() -> Path:
    """The raw releases, or an exit naming where they were looked for."""
    path = sources_root()
    if not path.is_dir():
        raise SystemExit(f"raw sources not found at {path}; set SCALING_ATLAS_SOURCES")
    return path


def write_table(frame: pd.DataFrame, table: Table, name: str) -> Path:
    """Write `frame` as data/<table dir>/<name>.csv in the schema's column order, rows sorted by key.

    Columns the frame lacks are written empty; a column the schema does not know is an error,
    so a typo cannot silently drop data.
    """
    unknown = sorted(set(frame.columns) - set(table.columns))
    if unknown:
        raise ValueError(f"{table.name}: columns not in the schema: {unknown}")
    out = frame.reindex(columns=list(table.columns))
    sort_keys = [column for column in table.key if out[column].notna().any()]
    out = out.sort_values(sort_keys, kind="stable") if sort_keys else out
    directory = DATA_DIR / table.files.split("/")[0] if "/" in table.files else DATA_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.csv"
    out.to_csv(path, index=False, lineterminator="\n")
    return path


def write_source_tables(
    name: str,
    families: pd.DataFrame,
    points: pd.DataFrame,
    metrics: pd.DataFrame,
    run_inputs: pd.DataFrame | None = None,
    paper_rows: list[dict] = (),
) -> None:
    """A source script's output: data/{families,points,metrics[,run_inputs]}/<name>.csv and, when
    it vouches for papers, their staged rows."""
    from lib.schema import FAMILIES, METRICS, POINTS, RUN_INPUTS

    print(write_table(families, FAMILIES, name))
    print(write_table(points, POINTS, name))
    print(write_table(metrics, METRICS, name))
    if run_inputs is not None:
        print(write_table(run_inputs, RUN_INPUTS, name))
    if paper_rows:
        print(write_staged_papers(list(paper_rows), name))


def train_loss_metric(detail: str) -> dict:
    """The shared `train_loss` metric row; `detail` says what the value is for this source."""
    return {
        "metric": "train_loss",
        "name": "Training loss",
        "kind": "loss",
        "higher_is_better": False,
        "min_value": 0.0,
        "max_value": 20.0,
        "unit": "nats/token",
        "description": "Training (cross-entropy) loss in nats per token on the family's own training data, "
        f"as the source reports it; {detail}",
    }


def law_tables(specs: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Transcribed laws -> the LAWS and COEFFICIENTS frames.

    Each spec is a LAWS row plus `coefs`: tuples (param, value, unit, paper_symbol, note[, {ci_low,
    ci_high}]). A complete law must give every parameter of its form; a partial one a subset.
    """
    from lib.schema import LAW_FORMS

    law_rows, coefficient_rows = [], []
    for spec in specs:
        law = {"completeness": "complete", **spec}
        coefs = law.pop("coefs")
        expected, given = set(LAW_FORMS[law["form"]]), [coef[0] for coef in coefs]
        if len(set(given)) != len(given) or not set(given) <= expected:
            raise ValueError(f"{law['law_id']}: params {given} not in {law['form']} {sorted(expected)}")
        if law["completeness"] == "complete" and set(given) != expected:
            raise ValueError(f"{law['law_id']}: complete law lacks {sorted(expected - set(given))}")
        law_rows.append(law)
        for param, value, unit, symbol, note, *extra in coefs:
            interval = extra[0] if extra else {}
            coefficient_rows.append(
                {
                    "law_id": law["law_id"],
                    "param": param,
                    "value": value,
                    "unit": unit,
                    "paper_symbol": symbol,
                    "ci_low": interval.get("ci_low"),
                    "ci_high": interval.get("ci_high"),
                    "note": note,
                }
            )
    return pd.DataFrame(law_rows), pd.DataFrame(coefficient_rows)


def write_staged_papers(rows: list[dict], name: str) -> Path:
    """Paper rows a script vouches for; `python -m data.curate` merges them into data/papers.csv."""
    from lib.schema import PAPERS

    path = DATA_DIR / "_staging" / f"papers_{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame(rows).reindex(columns=list(PAPERS.columns)).sort_values("paper_id")
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def write_law_files(name: str, laws: pd.DataFrame, coefficients: pd.DataFrame, paper_rows: list[dict] = ()) -> None:
    """A transcription script's output: data/laws/<name>.csv, data/coefficients/<name>.csv and,
    when it vouches for papers not yet reviewed, their staged rows."""
    from lib.schema import COEFFICIENTS, LAWS

    print(write_table(laws, LAWS, name))
    print(write_table(coefficients, COEFFICIENTS, name))
    if paper_rows:
        print(write_staged_papers(list(paper_rows), name))
