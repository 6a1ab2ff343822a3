"""Curate the 4-digit-addition curve of Caballero et al. 2022, *Broken Neural Scaling Laws* (2210.14891).

Source: ethancaballero+broken_neural_scaling_laws, `4_digit_addition_dataset_size.csv` (17 rows).
The file is DERIVED by the sources manifest: the 17 points hard-coded in the repository's
`fit_bnsl_and_extrapolate__4_digit_addition__dataset_size_x-axis.py` (the paper's Figure 4,
left): training dataset size (examples), test cross-entropy, and whether the point was used
for the fit (the first 14) or held out as the extrapolation target (the last 3).

Traps: the x axis counts training *examples*, not tokens (family data_unit = examples); the
release names no model, so params stay empty; the loss unit is not stated in the release.
The fit / extrapolation split is kept as the run input `used_for_fit` (1 = fit, 0 = held out).

Run: cd /work/main && python -m data.curate.bnsl_addition
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "bnsl_addition"
FAMILY_ID = "bnsl_4digit_addition"
PAPER_ID = "caballero2022"
SOURCE_ID = "ethancaballero+broken_neural_scaling_laws"
SOURCE_FILE = "4_digit_addition_dataset_size.csv"
METRIC = "test_ce_4digit_addition"

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Broken Neural Scaling Laws",
        "authors": "Ethan Caballero, Kshitij Gupta, Irina Rish, David Krueger",
        "year": 2022,
        "arxiv_id": "2210.14891",
        "venue": "ICLR 2023",
        "url": "https://arxiv.org/abs/2210.14891",
        "covers": "A smoothly broken power law (BNSL) for non-monotonic and sharply inflecting scaling "
        "curves; the 17 points of its 4-digit-addition curve (Figure 4 left: test cross-entropy vs "
        "training dataset size, 14 fitted and 3 extrapolated) are family bnsl_4digit_addition.",
    }
]


def load_points() -> pd.DataFrame:
    """The 17 points in file order; `row` is the 1-based data row (header not counted)."""
    raw = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    raw["row"] = range(1, len(raw) + 1)
    return raw


def run_id(size: int) -> str:
    return f"D={size}"


def locators(raw: pd.DataFrame) -> list[str]:
    return [f"row {row} (training_dataset_size={size})" for row, size in zip(raw["row"], raw["training_dataset_size"])]


def build_points(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": raw["training_dataset_size"].map(run_id),
            "tokens": raw["training_dataset_size"],
            "metric": METRIC,
            "value": raw["test_cross_entropy"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": locators(raw),
            "extraction": "released_data",
        }
    )


def build_run_inputs(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": raw["training_dataset_size"].map(run_id),
            "input": "used_for_fit",
            "value": raw["used_for_fit"],
            "unit": "flag",
            "description": "1 = one of the 14 points Caballero et al. fit the BNSL to; 0 = one of the 3 "
            "larger-data points held out as the extrapolation target (Figure 4 left)",
            "source_file": SOURCE_FILE,
            "source_locator": [f"{text}, column used_for_fit" for text in locators(raw)],
        }
    )


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "4-digit addition vs training set size (Caballero 2022, Fig. 4 left)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "other",
                "architecture": "not stated in the release (the model of Caballero et al.'s Figure 4 left)",
                "training_data": "4-digit addition examples",
                "param_convention": "unknown",
                "flops_convention": "No compute in the release: flops left empty.",
                "data_unit": "examples",
                "description": "The 17 points of Caballero et al.'s 4-digit-addition curve (Figure 4 left) as "
                "hard-coded in the release's fitting script: test cross-entropy of one model setup "
                "trained on 160 to 928 addition examples. The `tokens` column holds the number of "
                "training examples, not tokens. The run input used_for_fit separates the 14 points the "
                "BNSL was fitted to (1) from the 3 held-out extrapolation targets (0), so a fit can be "
                "checked against them. The curve is flat, then drops sharply after ~544 examples: a "
                "'broken' curve no single power law follows. Model size and compute are not in the "
                "release and stay empty; the loss unit (natural log or not) is not stated there either.",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": METRIC,
                "name": "Test cross-entropy (4-digit addition)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "cross-entropy as released (log base not stated)",
                "description": "Cross-entropy on held-out 4-digit addition problems after training on the "
                "given number of examples, as hard-coded in Caballero et al.'s fitting script "
                "(Figure 4 left of 2210.14891). The release does not state the log base.",
            }
        ]
    )


def main() -> None:
    raw = load_points()
    write_source_tables(NAME, build_family(), build_points(raw), build_metrics(), build_run_inputs(raw), PAPER_ROWS)


if __name__ == "__main__":
    main()
