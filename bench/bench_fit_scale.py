"""How the fitter scales with the number of points: fit time and peak memory of a Chinchilla fit.

    python bench/bench_fit_scale.py [--sizes 240 2400 24000 100000]

Each size runs in its own Python process, so its peak resident memory (getrusage's maxrss: the
whole process, interpreter and libraries included) is that fit's alone. The points are
deterministic synthetic values (a seeded generator), for measuring only: N and D log-uniform over
1e7-1e11 parameters and 1e9-1e13 tokens, loss from Besiroglu et al.'s coefficients with 1 %
multiplicative noise; the default fit (Huber 1e-3 on log residuals). The fitted alpha and beta are
printed beside the true 0.348 and 0.366. Targets: 100,000 points in <= 5 s and <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.fit import fit_law  # noqa: E402

TRUE = dict(E=1.82, A=482.01, B=2085.43, alpha=0.3478, beta=0.3658)
SIZES = (240, 2_400, 24_000, 100_000)
TARGET_SIZE, TARGET_SECONDS, TARGET_MB = 100_000, 5.0, 500.0


def synthetic_points(size: int, seed: int = 0) -> tuple[dict, np.ndarray]:
    generator = np.random.default_rng(seed)
    n = 10 ** generator.uniform(7, 11, size)
    d = 10 ** generator.uniform(9, 13, size)
    loss = TRUE["E"] + TRUE["A"] / n ** TRUE["alpha"] + TRUE["B"] / d ** TRUE["beta"]
    return {"N": n, "D": d}, loss * np.exp(generator.normal(0, 0.01, size))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure(size: int) -> dict:
    """One fit of `size` points in this process: seconds, peak memory before and after it."""
    data, y = synthetic_points(size)
    before = peak_mb()
    started = time.perf_counter()
    fit = fit_law("chinchilla", data, y)
    return {
        "points": size,
        "seconds": time.perf_counter() - started,
        "peak_mb": peak_mb(),
        "peak_mb_before_fit": before,
        "alpha": fit.params["alpha"],
        "beta": fit.params["beta"],
        "converged": fit.status.converged,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process: measure one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    print(f"{'points':>8} {'fit s':>7} {'peak MB':>8} {'MB before fit':>14} {'alpha':>7} {'beta':>7}")
    missed = []
    for size in args.sizes:
        child = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        row = json.loads(child.stdout)
        print(f"{size:>8,} {row['seconds']:>7.2f} {row['peak_mb']:>8.0f} {row['peak_mb_before_fit']:>14.0f} "
              f"{row['alpha']:>7.4f} {row['beta']:>7.4f}{'' if row['converged'] else '  (not converged)'}")
        if size == TARGET_SIZE and (row["seconds"] > TARGET_SECONDS or row["peak_mb"] > TARGET_MB):
            missed.append(row)
    print(f"true alpha {TRUE['alpha']}, beta {TRUE['beta']}")
    if TARGET_SIZE in args.sizes:
        print(f"target at {TARGET_SIZE:,} points: <= {TARGET_SECONDS:g} s and <= {TARGET_MB:g} MB — "
              f"{'missed' if missed else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
