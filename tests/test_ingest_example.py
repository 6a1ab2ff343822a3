"""The example upload (real Chinchilla runs, messy spellings) and the points layout against the store."""

from __future__ import annotations

import pandas as pd
import pytest

from data.curate.example_runs import FAMILY_ID, POINTS_FILE, build_example
from lib.ingest import COLUMN_HELP, POINT_COLUMNS, Conventions, detect_columns, example_csv, read_upload, validate


def ingested_example():
    raw = read_upload("example_runs.csv", example_csv().encode())
    return validate(raw, detect_columns(list(raw.cells.columns), raw.cells), Conventions())


def test_the_example_is_accepted_without_a_single_rejection():
    result = ingested_example()
    assert result.rejections.empty
    assert (result.rows_read, result.rows_kept, len(result.points)) == (20, 20, 20)
    assert set(result.points["flops_method"]) == {"reported"}


def test_the_example_uses_the_messy_spellings_it_is_meant_to_show():
    text = example_csv()
    for spelling in ("B,", "billion", '"', "_", "e+", "E+", " M,"):
        assert spelling in text, spelling


def test_the_example_is_real_curated_data_within_its_rounding():
    curated = pd.read_csv(POINTS_FILE)
    curated = curated[curated["family_id"] == FAMILY_ID].set_index("run_id")
    points = ingested_example().points.set_index("run_id")
    assert set(points.index) <= set(curated.index)
    matched = curated.loc[points.index]
    for mine, theirs in (("N", "params"), ("D", "tokens"), ("C", "flops"), ("value", "value")):
        assert points[mine].to_numpy() == pytest.approx(matched[theirs].to_numpy(), rel=5e-3), mine


def test_the_committed_example_is_what_the_script_writes():
    assert example_csv() == build_example()


def test_the_help_names_the_source_of_the_example_and_the_units():
    assert "Hoffmann et al. (2022)" in COLUMN_HELP
    assert "chinchilla_epoch" in COLUMN_HELP
    assert "B means billion, never bytes" in COLUMN_HELP
    assert "`tokens_seen`" in COLUMN_HELP


def test_points_columns_match_the_stores_points_view(tmp_path, monkeypatch):
    monkeypatch.setenv("SCALING_ATLAS_DB", str(tmp_path / "store.duckdb"))
    from lib.store import Store

    store = Store()
    try:
        curated = store.points([FAMILY_ID])
    finally:
        store.close()
    assert tuple(curated.columns) == POINT_COLUMNS
    mine = ingested_example().points
    assert mine.dtypes.to_dict() == curated.dtypes.to_dict()
    both = pd.concat([curated, mine], ignore_index=True)
    assert both.dtypes.to_dict() == curated.dtypes.to_dict()  # concatenating changes no type
    assert set(both["family_id"]) == {FAMILY_ID, "my_runs"}


def test_ingest_does_not_import_streamlit():
    import subprocess
    import sys

    code = "import sys, lib.ingest; print('streamlit' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"
