"""`python -m lib.verdicts [--json] [--recompute] [--workers K]`: every reproduction verdict and the
extrapolation backtest.

The result is stored in data/verdicts.json with the fingerprint of the curated data; while that
fingerprint is current the stored result is reused (the store then holds it as tables), otherwise
it is recomputed (redoing only the laws and families whose inputs changed; --recompute redoes all)
and the store rebuilt. --json prints the result as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys

from lib.store.build import default_db_path, ensure_store
from lib.verdicts.compute import compute_all, verdict_summary
from lib.verdicts.stored import load_verdicts, previous_verdicts, save_verdicts


def _progress(stage: str, done: int, total: int) -> None:
    if done == total or done % 25 == 0:
        print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.verdicts", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the verdicts and backtest as one JSON object")
    parser.add_argument("--recompute", action="store_true", help="recompute every item, reusing none")
    parser.add_argument("--refresh", action="store_true",
                        help="check every item's inputs even when the stored result looks current, redoing the changed")
    parser.add_argument("--workers", type=int, default=None, help="processes to use (default: up to 4)")
    args = parser.parse_args(argv)
    result = None if args.recompute or args.refresh else load_verdicts()
    if result is None:
        ensure_store()
        result = compute_all(args.workers, _progress, previous=None if args.recompute else previous_verdicts())
        path = save_verdicts(result)
        ensure_store(default_db_path())
        print(f"computed in {result['seconds']} s and stored in {path}", file=sys.stderr)
    if args.json:
        print(json.dumps({key: result[key] for key in ("laws", "backtest")}, default=str))
    else:
        print(json.dumps(verdict_summary(result["laws"]), indent=1))
        print(f"backtest: {len(result['backtest']['scores'])} scored fits, "
              f"{len(result['backtest']['leaderboard'])} rows in the leaderboard")
    return 0


if __name__ == "__main__":
    sys.exit(main())
