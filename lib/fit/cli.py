"""python -m lib.fit --csv FILE --law NAME [--y METRIC] [--exclude-top-loss K] [--bootstrap B] [--loss huber|mse] [--json]

Reads FILE exactly as the My runs page reads an upload (lib.ingest): the same column names
("Params", "Train Tokens", "params (B)", ...), values such as "7B" or "1,429,232,579", and the
same checks, so lib/ingest/example_runs.csv and any file the page accepts fit here too. The
output is the file's first loss column unless --y names another. Bad input, including any row or
cell the page would reject, prints the reason (as {"error": ...} with --json) and exits with
status 2; a fit that does not converge is still printed, with its status saying so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from lib.conventions import ROLE_COLUMNS
from lib.fit.bootstrap import bootstrap
from lib.fit.engine import fit_law
from lib.fit.errors import FitInputError
from lib.ingest import RUN_COLUMNS, Ingested, UploadError, detect_columns, read_upload, validate
from lib.ingest.columns import is_loss
from lib.laws import LAWS

SHOWN_REJECTIONS = 5


class RunsFile(NamedTuple):
    """A file of runs as the fitter takes it: `table` has one row per kept line, the law inputs by
    role and one column per metric id; `metrics` maps each metric column as written to its id;
    `notes` say what reading changed (units scaled, C = 6ND), as the upload page lists them."""

    table: pd.DataFrame
    metrics: dict[str, str]
    notes: list[str]


def _pairs(items: list[str], convert) -> dict:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise FitInputError(f"'{item}' is not of the form name=value")
        out[name] = convert(value)
    return out


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m lib.fit", description="Fit a scaling law to a CSV of runs.")
    p.add_argument("--csv", required=True,
                   help="CSV, TSV or Parquet file of runs, with the columns the My runs page accepts")
    p.add_argument("--law", required=True, help=f"one of: {', '.join(LAWS)}")
    p.add_argument("--y", default=None, help="metric column to fit (default: the first loss column, else the only metric)")
    p.add_argument("--x", default=None, help="input of a one-variable law: N, D, C or L")
    p.add_argument("--exclude-top-loss", type=int, default=0, metavar="K", help="leave out the K highest-loss runs")
    p.add_argument("--bootstrap", type=int, default=0, metavar="B", help="bootstrap refits for intervals")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--loss", choices=("huber", "mse"), default="huber")
    p.add_argument("--delta", type=float, default=1e-3, help="Huber delta (default 1e-3)")
    p.add_argument("--space", choices=("log", "linear"), default="log", help="residual space")
    p.add_argument("--fix", action="append", default=[], metavar="NAME=VALUE", help="fix a coefficient")
    p.add_argument("--tie", action="append", default=[], metavar="NAME=OTHER", help="tie a coefficient to another")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def read_runs(path: str) -> RunsFile:
    """The file read, detected and validated as the upload page does it, with the page's default
    conventions (N as uploaded, the reported FLOPs else 6ND). Columns the page has no role for
    (unique_tokens, experts, ...) stay metrics, where the fitter finds them by name."""
    try:
        raw = read_upload(path, Path(path).read_bytes())
        mapping = detect_columns(list(raw.cells.columns), raw.cells)
        ingested = validate(raw, mapping)
    except (OSError, UploadError) as exc:
        raise FitInputError(f"cannot read {path}: {exc}") from None
    if len(ingested.rejections):
        raise FitInputError(_rejected(path, ingested))
    metric_ids = [column for column in ingested.runs.columns if column not in RUN_COLUMNS]
    inputs = [role for role in ROLE_COLUMNS if role in ingested.points.columns]
    # An input no row has (U of a file without unique tokens) is left out, not NaN, so the fitter
    # names the column it needs.
    rows = ingested.points.groupby("source_locator", sort=False)[inputs].first().dropna(axis="columns", how="all")
    table = ingested.runs.set_index("source_locator")[metric_ids].join(rows).reset_index(drop=True)
    return RunsFile(table, dict(zip(mapping.metrics, metric_ids)), ingested.notes)


def _rejected(path: str, ingested: Ingested) -> str:
    """The first rejections of the validation report, with their lines, as one message."""
    shown = [
        f"{row.scope} at line {row.line}" + (f", column '{row.column}' ('{row.value}')" if row.column else "")
        + f": {row.reason}"
        for row in ingested.rejections.head(SHOWN_REJECTIONS).itertuples()
    ]
    more = len(ingested.rejections) - len(shown)
    return (f"{path}: {len(ingested.rejections)} rows or cells rejected, as the My runs page would (fix or remove "
            f"them): {'; '.join(shown)}" + (f"; and {more} more" if more else ""))


def output_metric(metrics: dict[str, str], requested: str | None) -> str:
    """The metric id to fit: --y as written in the file or as its metric id, else the first loss
    column, else the only metric column."""
    if requested:
        for column, metric in metrics.items():
            if requested in (column, metric):
                return metric
        raise FitInputError(f"the file has no metric column '{requested}' (its metrics: {', '.join(metrics)})")
    losses = [metric for column, metric in metrics.items() if is_loss(column)]
    if losses or len(metrics) == 1:
        return (losses or list(metrics.values()))[0]
    raise FitInputError(f"the file has no loss column; say which metric to fit with --y (one of {', '.join(metrics)})")


def run(args: argparse.Namespace) -> dict:
    runs = read_runs(args.csv)
    y = output_metric(runs.metrics, args.y)
    table = runs.table[runs.table[y].notna()]  # rows that measured only another metric
    fit = fit_law(
        args.law,
        table,
        y,
        x=args.x,
        loss=args.loss,
        delta=args.delta,
        space=args.space,
        fixed=_pairs(args.fix, float),
        tied=_pairs(args.tie, str),
        exclude_top=args.exclude_top_loss,
    )
    report = fit.to_dict() | {"metric": y, "notes": runs.notes}
    if args.bootstrap:
        boot = bootstrap(fit, table, y, n_boot=args.bootstrap, seed=args.seed)
        report["intervals"] = {k: list(v) for k, v in boot.intervals.items()}
        report["bootstrap"] = {"n_boot": boot.n_boot, "n_attempted": boot.n_attempted, "n_failed": boot.n_failed,
                               "level": boot.level, "seed": boot.seed, "seconds": boot.seconds, "no_band": boot.no_band}
    return report


def _text(report: dict) -> str:
    lines = [*(f"note: {note}" for note in report["notes"]),
             f"{report['law']} on {report['n_points']} points of {report['metric']} in {report['seconds']:.3f} s: "
             f"{report['status']['message']}"]
    for name, value in report["params"].items():
        interval = report.get("intervals", {}).get(name)
        lines.append(f"  {name:>10} = {value:.6g}" + (f"  [{interval[0]:.6g}, {interval[1]:.6g}]" if interval else ""))
    lines.append(f"  objective = {report['objective']:.6g}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        report = run(args)
    except FitInputError as exc:
        print(json.dumps({"error": str(exc)}) if args.json else f"error: {exc}", file=sys.stdout if args.json else sys.stderr)
        return 2
    print(json.dumps(report, indent=2) if args.json else _text(report))
    return 0
