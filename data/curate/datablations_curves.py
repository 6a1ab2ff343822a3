"""Curate the validation-loss curves of Muennighoff et al. 2023 (Scaling Data-Constrained Language
Models, arXiv 2305.16264) as collected in IBM/ColPret (Choshen, Zhang & Andreas 2024, 2410.11840).

Sources (IBM+ColPret, aggregated_eval/):
- datablations_losses.csv: the repetition runs, 3 sizes (2.8B / 4.2B / 8.7B on 55B / 84B / 178B
  tokens) x {C4, OSCAR} x 8 epoch settings = 48 curves. One point per logged evaluation: tokens =
  `token_num`, U = `tokens_per_epoch` (= D_final / epochs), loss = validation loss on the run's
  own corpus.
- datablations_code_losses.csv: 9 runs of 4.2B parameters on 84B tokens of C4 filled up with Python
  code. `epochs` holds k from the run name 4b284b84b<k>c4py = percent C4 (MANIFEST: C4 loss falls and
  Python loss rises with k; ColPret's reader labels it the other way round); Seed 1 = C4 validation
  loss, Seed 2 = Python validation loss: two metrics of one run.

Traps (sources MANIFEST, per-file notes):
- `num_params` is a label ("2.8B"); the exact N is read from huggingface+datablations
  utils/parametric_fit_runs.csv (the run at that size and total tokens).
- The released `flops` column is not the compute of the row (a constant divided by the fraction of
  training done, and 10x too large for 8.7B), so it is ignored: C = 6 N x token_num (6ND).
- The 2.8B OSCAR 3-epoch and 4-epoch curves are value-identical (an upstream copy error): at most one
  of them is the run its label says, and which one cannot be told, so both are left out (46 curves).
- The file has no training step: `step` holds token_num (tokens consumed at the evaluation).
- Code runs: U is left empty. The paper (section 'Complementary Strategies') says only part of the
  84B budget is C4 and the rest is filled with code; how many unique tokens each part holds is not
  in the file (`tokens_per_epoch` is the string "85B"). The C4 and code shares go to run_inputs.

Run: cd /work/main && python -m data.curate.datablations_curves
"""

from __future__ import annotations

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, provenance, raw_path
from data.curate._common import sources_dir, write_source_tables
from data.curate.datablations_final import C4_METRIC, PAPER_ID, loss_metric_rows
from data.curate.datablations_final import SOURCE_FILE as PARAMS_FILE
from data.curate.datablations_final import SOURCE_ID as PARAMS_SOURCE

NAME = "datablations_curves"
LOSSES_FILE = "aggregated_eval/datablations_losses.csv"
CODE_FILE = "aggregated_eval/datablations_code_losses.csv"
METRIC_OF_CORPUS = {"c4": C4_METRIC, "oscar": "muennighoff2023_val_loss_oscar"}
CODE_METRIC_OF_SEED = {1: C4_METRIC, 2: "muennighoff2023_val_loss_python"}
CORPUS_NAMES = {"c4": "C4", "oscar": "OSCAR (English, not deduplicated)"}

# Size label -> (prefix of the run names in the datablations file, total training tokens D_final).
SIZES = {"2.8B": ("2b8", 55e9), "4.2B": ("4b2", 84e9), "8.7B": ("8b7", 178e9)}
# The value-identical pair (upstream copy error): (size, corpus, epochs) left out.
IDENTICAL_CURVES = {("2.8B", "oscar", 3), ("2.8B", "oscar", 4)}


def exact_params() -> dict[str, float]:
    """Size label -> exact N, from the datablations runs at that size and total token count."""
    runs = pd.read_csv(sources_dir() / PARAMS_SOURCE / PARAMS_FILE)
    params = {}
    for label, (prefix, total_tokens) in SIZES.items():
        match = runs[runs["run_name"].str.startswith(prefix) & (runs["tokens_D"] == total_tokens)]
        values = match["params_N"].unique()
        if len(values) != 1:
            raise ValueError(f"{label}: expected one N in {PARAMS_FILE}, found {values}")
        params[label] = float(values[0])
    return params


def read_with_lines(relative: str) -> pd.DataFrame:
    raw = pd.read_csv(raw_path(relative))
    raw["line"] = raw.index + 2
    return raw


def identical_curves_are_still_identical(raw: pd.DataFrame) -> bool:
    """The upstream copy error the module leaves out; if a new release fixes it, say so."""
    a, b = (raw[(raw["num_params"] == size) & (raw["data"] == data) & (raw["epochs"] == epochs)]
            for size, data, epochs in sorted(IDENTICAL_CURVES))
    return a["loss"].tolist() == b["loss"].tolist() and a["token_num"].tolist() == b["token_num"].tolist()


def repetition_run_id(row) -> str:
    return f"{row.num_params}_{SIZES[row.num_params][1] / 1e9:g}B_{row.data}_{row.epochs}ep"


def curate_repetition_points(raw: pd.DataFrame, params: dict[str, float]) -> pd.DataFrame:
    if not identical_curves_are_still_identical(raw):
        raise ValueError("the 2.8B OSCAR 3- and 4-epoch curves differ now: revisit IDENTICAL_CURVES")
    keys = list(zip(raw["num_params"], raw["data"], raw["epochs"]))
    kept = raw[[key not in IDENTICAL_CURVES for key in keys]]
    n = kept["num_params"].map(params)
    locators = "line " + kept["line"].astype(str) + " (tensorboard " + kept["model_args"].str.extract(r"'tensorboard': '([^']+)'")[0] + ")"
    return pd.DataFrame(
        {
            "family_id": "muennighoff2023_repetition_" + kept["data"],
            "run_id": [repetition_run_id(row) for row in kept.itertuples()],
            "params": n,
            "tokens": kept["token_num"],
            "flops": 6 * n * kept["token_num"],
            "flops_method": "6ND",
            "step": kept["token_num"],
            "unique_tokens": kept["tokens_per_epoch"],
            "metric": kept["data"].map(METRIC_OF_CORPUS),
            "value": kept["loss"],
            **provenance(PAPER_ID, LOSSES_FILE, locators, "released_data"),
        }
    )


def code_run_id(c4_percent: int) -> str:
    return f"4b284b84b{c4_percent}c4py"


def curate_code_points(raw: pd.DataFrame, params: dict[str, float]) -> pd.DataFrame:
    n = params["4.2B"]
    locators = "line " + raw["line"].astype(str) + " (Seed " + raw["Seed"].astype(str) + ")"
    return pd.DataFrame(
        {
            "family_id": "muennighoff2023_code_mix",
            "run_id": raw["epochs"].map(code_run_id),
            "params": n,
            "tokens": raw["token_num"],
            "flops": 6 * n * raw["token_num"],
            "flops_method": "6ND",
            "step": raw["token_num"],
            "metric": raw["Seed"].map(CODE_METRIC_OF_SEED),
            "value": raw["loss"],
            **provenance(PAPER_ID, CODE_FILE, locators, "released_data"),
        }
    )


def curate_code_run_inputs(raw: pd.DataFrame) -> pd.DataFrame:
    first = raw.drop_duplicates("epochs").reset_index(drop=True)
    shares = {
        "c4_share": (first["epochs"] / 100, "fraction of the 84B training tokens drawn from C4 (k / 100, k from "
                     "the run name 4b284b84b<k>c4py, held in the file's epochs column)"),
        "python_code_share": ((100 - first["epochs"]) / 100, "fraction of the 84B training tokens that is Python "
                              "code from The Stack (1 - k / 100)"),
    }
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "family_id": "muennighoff2023_code_mix",
                    "run_id": first["epochs"].map(code_run_id),
                    "input": name,
                    "value": values,
                    "unit": "fraction",
                    "description": meaning,
                    "source_file": CODE_FILE,
                    "source_locator": "line " + first["line"].astype(str) + " (first row of the run), column epochs",
                }
            )
            for name, (values, meaning) in shares.items()
        ],
        ignore_index=True,
    )


def repetition_family(corpus: str, points: pd.DataFrame, params: dict[str, float]) -> dict:
    name = CORPUS_NAMES[corpus]
    runs = points.drop_duplicates("run_id")
    left_out = (
        " Left out: the 2.8B 3-epoch and 4-epoch curves, which are value-identical in the file (an upstream copy "
        "error, so at least one is not the run its label names and which one cannot be told)."
        if corpus == "oscar" else ""
    )
    return {
        "family_id": f"muennighoff2023_repetition_{corpus}",
        "name": f"Data-constrained repetition curves: {name} (Muennighoff 2023)",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": "decoder-only Transformer trained with Megatron-DeepSpeed, GPT-2 tokenizer (release README)",
        "training_data": f"{name} subsets of U unique tokens repeated for 1 to 44 epochs",
        "param_convention": "unknown",
        "flops_convention": "C = 6 N x tokens (flops_method 6ND), tokens = tokens consumed at the evaluation; the "
        "released flops column is not the compute of the row (it falls during training and is 10x too large "
        "for 8.7B) and is ignored.",
        "data_unit": "tokens",
        "description": (
            f"{len(runs)} validation-loss curves of Muennighoff et al. (2023) on {name}: models of 2.8B, 4.2B and 8.7B "
            "parameters trained on 55B, 84B and 178B tokens with the data repeated for 1, 2, 3, 4, 5, 7, 14 or 44 epochs; the loss is on "
            f"held-out {name} ({METRIC_OF_CORPUS[corpus]}). tokens = token_num (tokens consumed at the "
            "evaluation), unique_tokens U = tokens_per_epoch = D_final / epochs, step = token_num (the file has no "
            f"training step). N is exact: {', '.join(f'{k} = {v:.6g}' for k, v in params.items())} from "
            f"huggingface+datablations {PARAMS_FILE} (the file itself only labels sizes); whether it counts "
            "embeddings could not be verified in the paper here (param_convention unknown). Losses as logged (the "
            "authors' notebook smooths the 8.7B curves for plotting; not done here)." + left_out + " " + COLLECTOR
            + " Cite Muennighoff et al. for the runs."
        ),
    }


def code_family(points: pd.DataFrame, params: dict[str, float]) -> dict:
    return {
        "family_id": "muennighoff2023_code_mix",
        "name": "C4 + Python code mixtures, 4.2B on 84B tokens (Muennighoff 2023)",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": "decoder-only Transformer trained with Megatron-DeepSpeed, GPT-2 tokenizer (release README)",
        "training_data": "C4 filled up with Python code from The Stack to an 84B-token budget",
        "param_convention": "unknown",
        "flops_convention": "C = 6 N x tokens (flops_method 6ND); the released flops column is ignored.",
        "data_unit": "tokens",
        "description": (
            f"{points['run_id'].nunique()} runs of {params['4.2B']:.6g} parameters trained on 84B tokens of which "
            "k% are C4 and the rest Python code (k = 10, 20, ..., 90; the paper's 'code augmentation' strategy, "
            "section 'Complementary Strategies for Obtaining Additional Data'): validation-loss curves on C4 "
            f"({C4_METRIC}) and on Python code (muennighoff2023_val_loss_python), two metrics of one run. k is read "
            "from the run name (4b284b84b<k>c4py, stored in the file's epochs column) as percent C4: C4 loss falls and "
            "Python loss rises as k grows (ColPret's reader labels k the other way round). C4 and code shares are in "
            "data/run_inputs/datablations_curves.csv. U left empty: the file does not say how many unique tokens "
            "each part holds or how often it is repeated (its tokens_per_epoch is the string '85B'). step = tokens "
            "= token_num. " + COLLECTOR + " Cite Muennighoff et al. for the runs."
        ),
    }


def main() -> None:
    params = exact_params()
    repetition = curate_repetition_points(read_with_lines(LOSSES_FILE), params)
    code_raw = read_with_lines(CODE_FILE)
    code = curate_code_points(code_raw, params)
    families = [repetition_family(corpus, group, params) for corpus, group in repetition.groupby(
        repetition["family_id"].str.removeprefix("muennighoff2023_repetition_"))]
    families.append(code_family(code, params))
    # The C4 loss is declared once, in datablations_final's metrics file (`check` flags a repeated row).
    metrics = pd.DataFrame([row for row in loss_metric_rows() if row["metric"] != C4_METRIC])
    points = pd.concat([repetition, code], ignore_index=True)
    write_source_tables(NAME, pd.DataFrame(families), points, metrics, curate_code_run_inputs(code_raw))


if __name__ == "__main__":
    main()
