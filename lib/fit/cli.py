"""python -m lib.fit --csv FILE --law NAME [--exclude-top-loss K] [--bootstrap B] [--loss huber|mse] [--json]

Reads columns params, tokens, flops (those the law needs) and loss (or --y), fits, prints the
result. Bad input prints the reason (as {"error": ...} with --json) and exits with status 2;
a fit that does not converge is still printed, with its status saying so.
"""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from lib.fit.bootstrap import bootstrap
from lib.fit.engine import fit_law
from lib.fit.errors import FitInputError
from lib.laws import LAWS


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
    p.add_argument("--csv", required=True, help="file with columns params, tokens, flops, loss (as needed)")
    p.add_argument("--law", required=True, help=f"one of: {', '.join(LAWS)}")
    p.add_argument("--y", default=None, help="output column (default: loss, else value)")
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


def _output_column(table: pd.DataFrame, requested: str | None) -> str:
    for name in ([requested] if requested else ["loss", "value"]):
        if name in table:
            return name
    raise FitInputError(f"the CSV has no output column {requested or 'loss (or value)'}")


def run(args: argparse.Namespace) -> dict:
    try:
        table = pd.read_csv(args.csv)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise FitInputError(f"cannot read {args.csv}: {exc}") from None
    y = _output_column(table, args.y)
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
    report = fit.to_dict()
    if args.bootstrap:
        boot = bootstrap(fit, table, y, n_boot=args.bootstrap, seed=args.seed)
        report["intervals"] = {k: list(v) for k, v in boot.intervals.items()}
        report["bootstrap"] = {"n_boot": boot.n_boot, "n_attempted": boot.n_attempted, "n_failed": boot.n_failed,
                               "level": boot.level, "seed": boot.seed, "seconds": boot.seconds, "no_band": boot.no_band}
    return report


def _text(report: dict) -> str:
    lines = [f"{report['law']} on {report['n_points']} points in {report['seconds']:.3f} s: {report['status']['message']}"]
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
