"""The verdicts as the pages show them: labelled tables and the link that opens a law's refit on
the Fit page. Pure functions over the store's verdict tables."""

from __future__ import annotations

import math
from urllib.parse import urlencode

import pandas as pd

from lib.fitspec import pairs_text
from lib.verdicts.backtest import LEVEL, METHODS
from lib.verdicts.law_runs import ALLOCATION_COLUMNS, CONVENTION_COLUMNS
from lib.verdicts.refit_method import parse_fit_options
from lib.verdicts.rule import RANK

# Marks every common font has (an emoji renders as an empty box where the font lacks it).
VERDICT_LABELS = {
    "reproduces": "✓ reproduces", "close": "≈ close", "differs": "✗ differs",
    "cannot check": "? cannot check", "no data": "– no data",
}


def verdict_label(verdict: str | None) -> str:
    return VERDICT_LABELS.get(verdict or "", "not computed")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def refit_link(law: pd.Series | dict, held: dict[str, float] | None = None) -> str:
    """The Fit page set up as the verdict's refit (loss laws), with the coefficients the paper held
    (`held`: name -> printed value) fixed, or the Compute-optimal page on the law's families
    (allocation laws); "" when the law has no runs in the store."""
    families = _text(law.get("families"))
    if not families:
        return ""
    family_list = [f.strip() for f in families.split(";")]
    if law.get("output") in ALLOCATION_COLUMNS:
        return "compute-optimal?" + urlencode({"isoflop": family_list[0]})
    query = {"families": ",".join(family_list), "law": law["form"]}
    if _text(law.get("metric")):
        query["metric"] = law["metric"]
    if _text(law.get("param_convention")) in CONVENTION_COLUMNS:
        query["params"] = CONVENTION_COLUMNS[law["param_convention"]]
    try:
        method = parse_fit_options(_text(law.get("fit_options")))
    except ValueError:
        return "fit?" + urlencode(query)
    query.update(loss=method.loss, delta=f"{method.delta:g}", top=method.exclude_top)
    if held:
        query["fix"] = pairs_text(held.items())
    if method.min_D > 0:
        query["dmin"] = f"{method.min_D:g}"
    if method.max_D < math.inf:
        query["dmax"] = f"{method.max_D:g}"
    return "fit?" + urlencode(query)


def reproduction_table(verdicts: pd.DataFrame, laws: pd.DataFrame, coefficients: pd.DataFrame) -> pd.DataFrame:
    """One row per law, the judged first (reproduces, close, differs, cannot check, then no data):
    verdict, law, form, points, prediction gaps, reason, refit link, paper. `coefficients` are the
    verdicts' printed vs refit coefficients, which say which ones the paper held."""
    merged = verdicts.merge(laws[["law_id", "output", "fit_options", "param_convention"]], on="law_id", how="left")
    held = coefficients[coefficients["fixed"].astype(bool)]
    held_by_law = {law_id: dict(zip(rows["param"], rows["published"])) for law_id, rows in held.groupby("law_id")}
    merged = merged.assign(rank=merged["verdict"].map(RANK)).sort_values(["rank", "law_id"], kind="stable")
    return pd.DataFrame({
        "verdict": merged["verdict"].map(verdict_label),
        "law": merged["law_id"],
        "form": merged["form"],
        "points": merged["n_points"],
        "gap over the runs": merged["prediction_gap"],
        "gap at 10x": merged["gap_past_data"],
        "reason": merged["reason"],
        "refit": [refit_link(row, held_by_law.get(row["law_id"])) for row in merged.to_dict("records")],
        "paper": merged["paper_title"].str.slice(0, 60) + " (" + merged["year"].astype("Int64").astype(str) + ")",
    }).reset_index(drop=True)


def coefficient_comparison(coefficients: pd.DataFrame) -> pd.DataFrame:
    """Printed vs refit coefficients of one law with the refit's interval and whether the printed
    value lies inside (held coefficients say so instead)."""
    inside = coefficients["inside"].map({True: "inside", False: "outside"})
    return pd.DataFrame({
        "coefficient": coefficients["param"],
        "printed": coefficients["published"],
        "refit": coefficients["refit"],
        "interval low": coefficients["low"],
        "interval high": coefficients["high"],
        "printed vs interval": inside.where(~coefficients["fixed"].astype(bool), "held at the printed value"),
    })


def backtest_method(loss: str, delta: float, space: str) -> str | None:
    """The backtest's label for a fit made with these options, when it is one of its methods."""
    for label, method_loss, method_delta, method_space in METHODS:
        if (loss, space) == (method_loss, method_space) and (loss == "mse" or math.isclose(delta, method_delta)):
            return label
    return None


def band_calibration(board: pd.DataFrame, form: str, loss: str, delta: float, space: str) -> str:
    """How often the backtest's bands of this form and method held the runs past the data they were
    fitted on, as a sentence to put beside a band; "" when the backtest did not score them."""
    method = backtest_method(loss, delta, space)
    row = board[(board["form"] == form) & (board["method"] == method)]
    if row.empty or pd.isna(row["coverage"].iloc[0]):
        return ""
    coverage, families = float(row["coverage"].iloc[0]), int(row["families"].iloc[0])
    reading = ("read the band past the data as a lower bound on the uncertainty" if coverage < LEVEL - 0.1
               else "close to its nominal level")
    return (f"Backtest: fitted on each family's smaller runs, {form} by {method} had its {LEVEL:.0%} band hold "
            f"{coverage:.0%} of the larger, held-out runs over {families} families; {reading} (Backtest page).")
