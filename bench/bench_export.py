"""Export speed and size: the whole store as a release in each format, and the Sources page's two
downloads (the Parquet zip and the DuckDB file).

    python bench/bench_export.py [--repeats 3]

Each format is written to a fresh temporary directory (never data/) from the store in .atlas/
(or $SCALING_ATLAS_DB), built first if it is stale; the median of the repeats is printed, with
the release's total size and its largest file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.store import ensure_store  # noqa: E402
from lib.store.export import FORMATS, duckdb_release_file, export_release, parquet_release_zip  # noqa: E402


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def bench_format(fmt: str, repeats: int) -> None:
    seconds = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="bench-export-") as directory:
            elapsed, files = timed(lambda: export_release(Path(directory), fmt))
            seconds.append(elapsed)
            sizes = {path.name: path.stat().st_size for path in files}
    largest = max(sizes, key=sizes.get)
    print(
        f"{fmt:8s} {statistics.median(seconds):6.2f} s  {sum(sizes.values()) / 1e6:7.1f} MB in {len(sizes)} files"
        f"  (largest: {largest}, {sizes[largest] / 1e6:.1f} MB)"
    )


def bench_download(name: str, build, repeats: int) -> None:
    runs = [timed(build) for _ in range(repeats)]
    download = runs[-1][1]
    seconds = statistics.median(elapsed for elapsed, _ in runs)
    print(f"{name:26s} {seconds:6.2f} s  {len(download.data) / 1e6:7.1f} MB  sha256 {download.sha256[:16]}…")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    ensure_store()
    print(f"whole store, median of {args.repeats}:")
    for fmt in FORMATS:
        bench_format(fmt, args.repeats)
    print("Sources page downloads (built once per server process):")
    bench_download("Parquet release (zip)", parquet_release_zip, args.repeats)
    bench_download("DuckDB file", duckdb_release_file, args.repeats)


if __name__ == "__main__":
    main()
