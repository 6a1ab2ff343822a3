"""How long the verdicts take for the whole store: every published law's reproduction verdict and
the extrapolation backtest of every family, from scratch and again with nothing changed.

    python bench/bench_verdicts.py [--workers 2]

Writes nothing: the results are discarded (`python -m lib.verdicts` is what stores them). The
from-scratch time is what a change to lib.fit or the verdict rule costs; the second run reuses
every item (their inputs are unchanged) and measures the bookkeeping alone. Target: the whole
store within 30 minutes on two cores from scratch, under a minute when nothing changed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.verdicts.compute import compute_all, verdict_summary  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    workers = parser.parse_args().workers
    started = time.perf_counter()
    scratch = compute_all(workers)
    from_scratch = time.perf_counter() - started
    started = time.perf_counter()
    compute_all(workers, previous=scratch)
    unchanged = time.perf_counter() - started
    print(f"laws: {len(scratch['laws'])} {verdict_summary(scratch['laws'])}")
    print(f"backtest: {len(scratch['backtest']['scores'])} scored fits over "
          f"{len({s['family'] for s in scratch['backtest']['scores']})} families")
    print(f"from scratch: {from_scratch:.0f} s with {workers} workers; nothing changed: {unchanged:.1f} s")


if __name__ == "__main__":
    main()
