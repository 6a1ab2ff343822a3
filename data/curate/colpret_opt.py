"""Curate the OPT intermediate checkpoints of Xia et al. 2022 (Training Trajectories of Language
Models Across Scales, 2212.09803) as collected in ColPret.

Sources (IBM+ColPret):
- aggregated_eval/opt.csv (147 rows): `size` (125m ... 175b), `steps`, `tokens`, `flops`, and six
  BIG-bench multiple-choice scores in **percent** (`bigbench__<task>`).
- aggregated_eval/opt_trajectories.csv (142 rows): `model_size`, `steps`, `ppl` (validation
  perplexity) and `num_token`, `flops` as **log10** values (9.0 = 1e9 tokens) - the trap.

One family: a run per OPT size, a point per (checkpoint step, metric). Both files index the same
checkpoints by (size, steps); their tokens agree, so both files' points share the run's N and D.

Traps:
- Parameter counts are the size labels (125m -> 1.25e8 ...), nominal: the files give nothing finer.
  The released `flops` equals 6 x nominal N x tokens exactly on every row of opt.csv (checked
  below), so flops are stored with method 6ND.
- opt_trajectories' log10 columns are exponentiated; the float noise of 10**x is cut at 12
  significant digits (10**9.477121254719663 -> 3e9).

Run: cd /work/main && python -m data.curate.colpret_opt
"""

from __future__ import annotations

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, percent_to_fraction, provenance, raw_path, write_curated

NAME = "colpret_opt"
PAPER_ID = "xia2022"
FAMILY_ID = "xia2022_opt_trajectories"
SCORES_FILE = "aggregated_eval/opt.csv"
PPL_FILE = "aggregated_eval/opt_trajectories.csv"
PPL_METRIC = "opt_valid_ppl"
BIGBENCH_PREFIX = "bigbench__"
# OPT's size labels as nominal parameter counts.
NOMINAL_PARAMS = {"125m": 125e6, "1.3b": 1.3e9, "6.7b": 6.7e9, "13b": 13e9, "30b": 30e9, "175b": 175e9}
BIGBENCH_NAMES = {
    "codelinedescription": "code_line_description",
    "humanorganssenses": "human_organs_senses",
    "implicatures": "implicatures",
    "phraserelatedness": "phrase_relatedness",
    "whatisthetao": "what_is_the_tao",
    "swahilienglishproverbs": "swahili_english_proverbs",
}

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "Training Trajectories of Language Models Across Scales",
        "authors": "Mengzhou Xia, Mikel Artetxe, Chunting Zhou, Xi Victoria Lin, Ramakanth Pasunuru, Danqi Chen, "
        "Luke Zettlemoyer, Ves Stoyanov",
        "year": 2022,
        "arxiv_id": "2212.09803",
        "venue": "ACL 2023",
        "url": "https://arxiv.org/abs/2212.09803",
        "covers": "Intermediate checkpoints of six OPT models (125M to 175B): validation perplexity and BIG-bench "
        "in-context accuracy along training, as collected in IBM/ColPret.",
    }
]


def unlog(value: float) -> float:
    """10**value without the float noise of the power (12 significant digits)."""
    return float(f"{10.0 ** value:.12g}")


def bigbench_metric(column: str) -> str:
    return "opt_bigbench_" + BIGBENCH_NAMES[column.removeprefix(BIGBENCH_PREFIX)]


def load_scores() -> pd.DataFrame:
    raw = pd.read_csv(raw_path(SCORES_FILE))
    raw["row"] = range(1, len(raw) + 1)
    params = raw["size"].map(NOMINAL_PARAMS)
    if not (raw["flops"] / (6 * params * raw["tokens"]) - 1).abs().max() < 1e-9:
        raise ValueError("opt.csv flops are no longer 6 x nominal N x tokens")
    return raw.assign(params=params)


def load_perplexities() -> pd.DataFrame:
    raw = pd.read_csv(raw_path(PPL_FILE))
    raw["row"] = range(1, len(raw) + 1)
    return raw.assign(
        params=raw["model_size"].map(NOMINAL_PARAMS),
        tokens=raw["num_token"].map(unlog),
        flops=raw["flops"].map(unlog),
    )


def run_columns(size: pd.Series, params: pd.Series, tokens: pd.Series, steps: pd.Series) -> dict:
    return {
        "family_id": FAMILY_ID,
        "run_id": "opt-" + size,
        "params": params.to_numpy(),
        "tokens": tokens.round().astype("int64").to_numpy(),
        "flops": (6 * params * tokens).to_numpy(),
        "flops_method": "6ND",
        "step": steps.to_numpy(),
    }


def score_points(raw: pd.DataFrame) -> pd.DataFrame:
    blocks = []
    for column in [c for c in raw.columns if c.startswith(BIGBENCH_PREFIX)]:
        locators = raw.apply(lambda r: f"row {r['row']} (size={r['size']}, steps={r['steps']}), column {column}", axis=1)
        blocks.append(
            pd.DataFrame(
                {
                    **run_columns(raw["size"], raw["params"], raw["tokens"], raw["steps"]),
                    "metric": bigbench_metric(column),
                    "value": raw[column].map(percent_to_fraction).to_numpy(),
                    **provenance(PAPER_ID, SCORES_FILE, locators, "released_data"),
                }
            )
        )
    return pd.concat(blocks, ignore_index=True)


def perplexity_points(raw: pd.DataFrame) -> pd.DataFrame:
    locators = raw.apply(lambda r: f"row {r['row']} (model_size={r['model_size']}, steps={r['steps']}), column ppl", axis=1)
    return pd.DataFrame(
        {
            **run_columns(raw["model_size"], raw["params"], raw["tokens"], raw["steps"]),
            "metric": PPL_METRIC,
            "value": raw["ppl"].to_numpy(),
            **provenance(PAPER_ID, PPL_FILE, locators, "released_data"),
        }
    )


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "OPT training trajectories (Xia 2022)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only transformer (OPT), 125M to 175B",
                "training_data": "OPT pre-training corpus (300B tokens, 180B unique per Xia et al. Section 2)",
                "param_convention": "unknown",
                "flops_convention": "C = 6 x N x D with N the nominal size label: ColPret's opt.csv `flops` column "
                "equals exactly this on every row, and opt_trajectories' log10 flops agree.",
                "data_unit": "tokens",
                "description": "Intermediate checkpoints of six OPT models (125m, 1.3b, 6.7b, 13b, 30b, 175b) "
                "evaluated by Xia et al. 2022 (2212.09803): validation perplexity on the original OPT validation "
                "set (Section 2) from opt_trajectories.csv, and six BIG-bench multiple-choice tasks (percent in "
                "the file, stored as fractions) from opt.csv. " + COLLECTOR + " N is the nominal size label "
                "(the files give no exact count; convention unknown). Tokens are ColPret's `tokens` (opt.csv) "
                "or 10**num_token (opt_trajectories.csv, stored as log10); both equal steps x a per-size "
                "constant (0.5M tokens per step for 125m, 1M for 1.3b, 2M for 6.7b and 175b, 4M for 13b "
                "and 30b), which is the batch size the data imply, not one checked in the OPT paper.",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    rows = [
        {
            "metric": PPL_METRIC,
            "name": "OPT validation perplexity",
            "kind": "perplexity",
            "higher_is_better": False,
            "min_value": 1.0,
            "max_value": 1e5,
            "unit": "perplexity",
            "description": "Autoregressive language-modelling perplexity on the entire original OPT validation set "
            "(a held-out subset of the training corpus covering books, news, subtitles ...), as Xia et al. "
            "2022 define Valid PPL (Section 2).",
        }
    ]
    for column, task in BIGBENCH_NAMES.items():
        rows.append(
            {
                "metric": bigbench_metric(BIGBENCH_PREFIX + column),
                "name": f"BIG-bench {task} accuracy (Xia 2022 OPT checkpoints)",
                "kind": "accuracy",
                "higher_is_better": True,
                "min_value": 0.0,
                "max_value": 1.0,
                "unit": "fraction",
                "description": f"Multiple-choice accuracy on the BIG-bench task {task} as evaluated by Xia et al. "
                "2022 (Section 5, in-context evaluation; their Figure 9 reports 2-shot), released in percent "
                "and converted to a fraction.",
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    points = pd.concat([score_points(load_scores()), perplexity_points(load_perplexities())], ignore_index=True)
    write_curated(NAME, build_family(), points, build_metrics(), PAPERS)


if __name__ == "__main__":
    main()
