"""`python -m lib.store summary | check | build | export DIR --format parquet|csv|duckdb`: the store from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lib.store.build import build_store, default_db_path
from lib.store.check import check_dataset
from lib.store.export import FORMATS, export_release
from lib.store.queries import Store


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m lib.store", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("summary", help="what the store holds, as JSON")
    commands.add_parser("check", help="validate every curated file")
    commands.add_parser("build", help="build the store from data/")
    export = commands.add_parser("export", help="write every table, datapackage.json and a dataset card to DIR")
    export.add_argument("directory", type=Path, metavar="DIR")
    export.add_argument("--format", choices=FORMATS, default="parquet")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.command == "summary":
        print(json.dumps(Store().summary(), indent=2))
        return 0
    if args.command == "build":
        started = time.perf_counter()
        build_store(default_db_path())
        print(f"built {default_db_path()} in {time.perf_counter() - started:.2f} s")
        return 0
    if args.command == "export":
        started = time.perf_counter()
        files = export_release(args.directory, args.format)
        size = sum(path.stat().st_size for path in files)
        print(f"wrote {len(files)} files ({size / 1e6:.1f} MB) to {args.directory} in {time.perf_counter() - started:.2f} s")
        return 0
    problems = check_dataset()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found" if problems else "dataset OK: no problems found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
