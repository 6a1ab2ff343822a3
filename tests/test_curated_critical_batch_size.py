"""Curated critical-batch-size runs (Zhang et al. 2024): against the release notebook's printed
results (when the release is staged) and invariants that need no raw source."""

from __future__ import annotations

import ast
import json

import pandas as pd

from lib.schema import DATA_DIR, POINTS, RUN_INPUTS
from tests.curated_files import curated_fixtures
from tests.raw_sources import raw_source

NAME = "critical_batch_size"
FAMILY = "zhang2024b_cbs_chinchilla"
NOTEBOOK = "hlzhang109+critical-batch-size/plots/chinchilla.ipynb"
SIZES = {"85M": 85e6, "151M": 151e6, "302M": 302e6, "604M": 604e6, "1.2B": 1.2e9}
BATCHES = [64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]

points, families, metrics = curated_fixtures(NAME)


def run_inputs() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "run_inputs" / f"{NAME}.csv")


def printed_results() -> dict[str, list[int]]:
    """The `results` dict the notebook prints (the stream output that starts with "{'85M'")."""
    notebook = json.loads(raw_source(NOTEBOOK).read_text())
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            text = "".join(output.get("text", []))
            if text.startswith("{'85M'"):
                return ast.literal_eval(text.strip())
    raise AssertionError("no printed results dict in the notebook")


def test_points_match_the_notebook(points):
    curated = points.set_index("run_id")["value"]
    for group, steps in printed_results().items():
        for batch, step in zip(BATCHES, steps, strict=True):
            assert curated[f"{group.removesuffix('-ablation')}-bs{batch}"] == step


def test_sample_of_transcribed_values(points):
    """Read off the notebook's printed output: the corners of the grid and a middle cell."""
    value = points.set_index("run_id")["value"]
    assert value["85M-bs64"] == 46000 and value["85M-bs16384"] == 1600
    assert value["1.2B-bs64"] == 643000 and value["1.2B-bs16384"] == 6500
    assert value["302M-bs2048"] == 7224 and value["151M-bs512"] == 11951


def test_grid_counts_sizes_and_batches(points):
    assert len(points) == 45 and set(points["family_id"]) == {FAMILY}
    assert points.groupby("params").size().to_dict() == {p: 9 for p in SIZES.values()}
    assert sorted(set(points["batch_size_tokens"])) == [b * 512 for b in BATCHES]
    assert points["tokens"].isna().all() and points["flops"].isna().all() and points["learning_rate"].isna().all()


def test_steps_fall_as_the_batch_grows(points):
    """More data parallelism never needs more steps; below the critical batch size it needs about half."""
    for _, size in points.groupby("params"):
        steps = size.sort_values("batch_size_tokens")["value"].tolist()
        assert steps == sorted(steps, reverse=True)
        assert 0.35 < steps[1] / steps[0] < 0.65


def test_target_loss_is_a_run_input_for_every_run(points):
    inputs = run_inputs()
    assert inputs[list(RUN_INPUTS.required)].notna().all().all()
    assert set(zip(inputs["family_id"], inputs["run_id"])) == set(zip(points["family_id"], points["run_id"]))
    targets = inputs.set_index("run_id")["value"]
    assert targets["85M-bs64"] == 3.42 and targets["1.2B-bs256"] == 2.736
    assert set(inputs["input"]) == {"target_loss"} and set(inputs["unit"]) == {"nats/token"}


def test_family_metric_and_provenance(points, families, metrics):
    family = families.set_index("family_id").loc[FAMILY]
    assert (family["domain"], family["data_unit"], family["param_convention"]) == ("language", "tokens", "unknown")
    assert metrics.loc[0, "higher_is_better"] == False  # noqa: E712 (read back from CSV)
    assert points[list(POINTS.required)].notna().all().all()
    assert not points.duplicated(list(POINTS.key)).any()
    locator = r"cell \[11\] output, results\['[^']+'\]\[\d\] \(batch size \d+; best run bs\d+-"
    assert points["source_locator"].str.match(locator).all()
    assert set(points["extraction"]) == {"released_data"} and set(points["paper_id"]) == {"zhang2024b"}
