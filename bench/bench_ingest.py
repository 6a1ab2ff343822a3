"""Upload speed: read_upload + detect_columns + validate on 100,000 messy rows; share-token size.

    python bench/bench_ingest.py [--rows 100000] [--repeats 3]

The rows are deterministic synthetic values (a seeded generator), for measuring speed only: they
are not data and are never shown as such. Each row has a run name, N, D, C, a step and two
losses, written in the formats users upload ("350M", "1,400,000,000", "1.4e9", "7 B", plain),
with one bad cell in a thousand so the rejection path is timed too. Target: <= 5 s (median).

The share token is measured on the first 200 accepted runs of the same table with N, D, C and one
loss (values with the few significant digits people write), with a step and a second loss too,
and, as a worst case, with every float at full 17-digit precision (as digitized data has).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.ingest import MAX_SHARED_RUNS, Conventions, detect_columns, encode_runs, read_upload, validate  # noqa: E402

TARGET_SECONDS = 5.0
SIZES = np.array([70e6, 125e6, 350e6, 760e6, 1.3e9, 2.7e9, 6.7e9, 13e9])


def spelled(values: np.ndarray, generator: np.random.Generator) -> list[str]:
    """Each value in one of five spellings, picked at random."""
    spellings = (
        lambda x: f"{x / 1e6:.0f}M",
        lambda x: f"{round(x):,}",
        lambda x: f"{x:.3e}",
        lambda x: f"{x / 1e9:g} B",
        lambda x: f"{round(x)}",
    )
    choices = generator.integers(0, len(spellings), len(values))
    return [spellings[choice](value) for choice, value in zip(choices, values)]


def synthetic_csv(rows: int, seed: int = 0) -> bytes:
    generator = np.random.default_rng(seed)
    params = generator.choice(SIZES, rows)
    tokens = params * generator.choice([5.0, 10.0, 20.0, 40.0], rows)
    steps = np.arange(rows) % 1000 * 100
    table = pd.DataFrame(
        {
            "run": [f"run-{i // 1000:03d}" for i in range(rows)],
            "params": spelled(params, generator),
            "tokens": spelled(tokens, generator),
            "flops": [f"{value:.4e}" for value in 6 * params * tokens],
            "step": steps.astype(str),
            "train_loss": np.round(1.7 + 400 / params**0.34 + 410 / tokens**0.28, 4).astype(str),
            "val_loss": np.round(1.8 + 400 / params**0.34 + 410 / tokens**0.28, 4).astype(str),
        }
    )
    bad = generator.choice(rows, rows // 1000, replace=False)
    table.loc[bad, "train_loss"] = "NaN"
    return table.to_csv(index=False).encode()


def ingest(content: bytes):
    raw = read_upload("bench.csv", content)
    mapping = detect_columns(list(raw.cells.columns), raw.cells)
    return validate(raw, mapping, Conventions())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    content = synthetic_csv(args.rows)
    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        result = ingest(content)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"{args.rows:,} rows, {len(content) / 1e6:.1f} MB: read + detect + validate median {median:.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in timings)}; target <= {TARGET_SECONDS:.0f} s)")
    print(f"kept {result.rows_kept:,} rows, {len(result.points):,} points; "
          f"rejected {result.rows_rejected:,} rows and {result.cells_rejected:,} cells")

    # The brief's table: 200 runs with N, D, C and one loss (no step, no second loss).
    shared = result.runs.head(MAX_SHARED_RUNS).drop(columns="val_loss").assign(step=np.nan)
    token = encode_runs(shared)
    print(f"share token, {len(shared)} runs with N, D, C, loss: {len(token):,} characters")
    print(f"  with step and a second loss too: {len(encode_runs(result.runs.head(MAX_SHARED_RUNS))):,} characters")
    numbers = ["N_total", "D", "C_reported", "train_loss"]
    noise = 1 + np.random.default_rng(1).uniform(-1e-3, 1e-3, (len(shared), len(numbers)))
    full_precision = shared.assign(**dict(zip(numbers, (shared[numbers].to_numpy() * noise).T)))
    print(f"  worst case, every float at 17 significant digits: {len(encode_runs(full_precision)):,} characters")
    print(f"  token: {token[:72]}...")
    if median > TARGET_SECONDS:
        raise SystemExit(f"slower than the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
