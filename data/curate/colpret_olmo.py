"""Curate the OLMo-1B, OLMo-7B and OLMo-7B-Twin-2T checkpoint evaluations (Groeneveld et al. 2024,
OLMo: Accelerating the Science of Language Models, 2402.00838) as collected in ColPret.

Source: IBM+ColPret aggregated_eval/olmo.csv (1,708 rows = OLMo-1B 735, OLMo-7B 529,
OLMo-7B-Twin-2T 444; W&B exports of OLMo's in-loop evaluation, run every 1000 steps): `Step`,
`model_name`, `num_params` ("1B", "7B"), `checkpoint` (the Hugging Face revision, e.g.
"step1000-tokens4B", filled on 1,527 rows), validation `*-validation/CrossEntropyLoss` (nats) and
`*/Perplexity` on Paloma-style sets (plain, `v2-small-`, `v3-small-` variants) and `downstream/*`
accuracies. Each model fills its own subset of columns.

Traps:
- Tokens per step. ColPret's reader uses Step x 4e6, and the paper's Section 3.1 says ~4M tokens =
  2048 instances x 2048 tokens; but its Table 2 gives OLMo-7B a batch of 2160 instances (sequence
  length 2048), and the released revision names agree only with 2160 x 2048 = 4,423,680 tokens
  per step: round(Step x 4,423,680 / 1e9) equals the "tokens<N>B" of every revision in the file,
  for all three models, while 2048 x 2048 matches almost none. Tokens = Step x 4,423,680; the
  script checks it against every revision name.
- Perplexity = exp(cross-entropy): where a row has both for one evaluation set only the loss is
  kept; a perplexity is kept only where its set has no loss column for that model.
- The 11 OLMo-7B-Twin-2T rows of Steps 158000-168000 hold about twice the neighbouring values in
  every column (losses ~4.5 instead of ~2.27, accuracies up to 1.72): dropped.
- `model_name` is "OLMo-1B " (trailing space) on the 1B rows; stripped for the run id.
- Parameter counts are the nominal labels (1B, 7B): neither file nor paper (Table 1: "1B", "7B")
  gives an exact count here.

Run: cd /work/main && python -m data.curate.colpret_olmo
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, provenance, raw_path, write_curated

NAME = "colpret_olmo"
PAPER_ID = "groeneveld2024"
FAMILY_ID = "groeneveld2024_olmo_checkpoints"
SOURCE_FILE = "aggregated_eval/olmo.csv"
# OLMo paper Table 2: batch size 2160 instances x sequence length 2048 (confirmed by the revision names).
TOKENS_PER_STEP = 2160 * 2048
NOMINAL_PARAMS = {"1B": 1e9, "7B": 7e9}
LOSS_SUFFIX = "/CrossEntropyLoss"
PPL_SUFFIX = "/Perplexity"
DOWNSTREAM_PREFIX = "downstream/"

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "OLMo: Accelerating the Science of Language Models",
        "authors": "Dirk Groeneveld, Iz Beltagy, Pete Walsh, et al.",
        "year": 2024,
        "arxiv_id": "2402.00838",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2402.00838",
        "covers": "OLMo-1B and OLMo-7B (and the OLMo-7B-Twin-2T run) trained on Dolma: in-loop validation losses "
        "and downstream accuracies of every evaluated checkpoint, as collected in IBM/ColPret.",
    }
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def eval_set(column: str) -> str:
    """'v2-small-c4_en-validation/CrossEntropyLoss' -> 'v2-small-c4_en-validation'."""
    return column.rsplit("/", 1)[0]


def metric_id(column: str) -> str:
    if column.endswith(LOSS_SUFFIX):
        return "olmo_ce_" + slug(eval_set(column))
    if column.endswith(PPL_SUFFIX):
        return "olmo_ppl_" + slug(eval_set(column))
    return "olmo_" + slug(column.removeprefix(DOWNSTREAM_PREFIX))


def load_rows() -> pd.DataFrame:
    raw = pd.read_csv(raw_path(SOURCE_FILE), low_memory=False)
    raw["row"] = range(1, len(raw) + 1)
    raw["model_name"] = raw["model_name"].str.strip()  # the file writes "OLMo-1B " with a trailing space
    raw["tokens"] = raw["Step"] * TOKENS_PER_STEP
    check_tokens_against_revisions(raw)
    return raw[~doubled_rows(raw)]


def doubled_rows(raw: pd.DataFrame) -> pd.Series:
    """Rows whose every value is about twice its neighbours' (two W&B logs summed, it seems): found
    by an accuracy above 1; they are the 11 OLMo-7B-Twin-2T rows of Steps 158000-168000."""
    downstream = [c for c in raw.columns if c.startswith(DOWNSTREAM_PREFIX)]
    doubled = (raw[downstream] > 1).any(axis=1)
    if set(raw.loc[doubled, "model_name"]) - {"OLMo-7B-Twin-2T"} or doubled.sum() != 11:
        raise ValueError(f"unexpected doubled rows: {raw.loc[doubled, ['model_name', 'Step']].values.tolist()}")
    return doubled


def check_tokens_against_revisions(raw: pd.DataFrame) -> None:
    """Every revision 'step<S>-tokens<N>B' must satisfy N = round(S x tokens per step / 1e9)."""
    named = raw["checkpoint"].str.extract(r"step(\d+)-tokens(\d+)B").dropna().astype("int64")
    if not (named[0] == raw.loc[named.index, "Step"]).all():
        raise ValueError("a revision's step differs from its row's Step")
    if not ((named[0] * TOKENS_PER_STEP / 1e9).round() == named[1]).all():
        raise ValueError("tokens per step no longer matches the revision names")


def value_columns(raw: pd.DataFrame) -> list[str]:
    return [c for c in raw.columns if c.endswith((LOSS_SUFFIX, PPL_SUFFIX)) or c.startswith(DOWNSTREAM_PREFIX)]


def kept_cells(raw: pd.DataFrame) -> pd.DataFrame:
    """The filled cells, long: one row per (file row, column), perplexities whose set has a loss on
    the same row dropped (they are exp of it)."""
    long = raw.melt(id_vars=["row", "Step", "model_name", "num_params", "tokens"], value_vars=value_columns(raw),
                    var_name="column", value_name="value").dropna(subset=["value"])
    long["set"] = long["column"].map(eval_set)
    is_loss = long["column"].str.endswith(LOSS_SUFFIX)
    losses = set(zip(long.loc[is_loss, "row"], long.loc[is_loss, "set"]))
    has_loss = pd.Series([(r, s) in losses for r, s in zip(long["row"], long["set"])], index=long.index)
    return long[~(long["column"].str.endswith(PPL_SUFFIX) & has_loss)]


def build_points(raw: pd.DataFrame) -> pd.DataFrame:
    cells = kept_cells(raw)
    # run and step are columns of the point already: the locator names only the cell.
    locators = pd.Series([f"row {r}, column {c}" for r, c in zip(cells["row"], cells["column"])])
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": cells["model_name"].to_numpy(),
            "params": cells["num_params"].map(NOMINAL_PARAMS).to_numpy(),
            "tokens": cells["tokens"].to_numpy(),
            "step": cells["Step"].to_numpy(),
            "batch_size_tokens": TOKENS_PER_STEP,
            "metric": cells["column"].map(metric_id).to_numpy(),
            "value": cells["value"].to_numpy(),
            **provenance(PAPER_ID, SOURCE_FILE, locators, "released_data"),
        }
    )


def metric_row(column: str) -> dict:
    metric = metric_id(column)
    if column.endswith(LOSS_SUFFIX):
        return dict(metric=metric, name=f"OLMo in-loop validation loss, {eval_set(column)}", kind="loss",
                    higher_is_better=False, min_value=0.0, max_value=20.0, unit="nats/token",
                    description=f"Cross-entropy loss (nats per token) on the evaluation set '{eval_set(column)}' of "
                    "OLMo's in-loop evaluation (Paloma-style sets; the v2-small/v3-small prefixes are OLMo's "
                    f"evaluation-suite versions), W&B column '{column}' as collected in ColPret.")
    if column.endswith(PPL_SUFFIX):
        return dict(metric=metric, name=f"OLMo in-loop validation perplexity, {eval_set(column)}", kind="perplexity",
                    higher_is_better=False, min_value=1.0, max_value=1e6, unit="perplexity",
                    description=f"Perplexity (exp of the cross-entropy) on the evaluation set '{eval_set(column)}' "
                    f"of OLMo's in-loop evaluation, W&B column '{column}'; kept only where the model logged no loss "
                    "for this set.")
    task = column.removeprefix(DOWNSTREAM_PREFIX)
    is_f1 = task.endswith("_f1")
    return dict(metric=metric, name=f"OLMo in-loop downstream {task}", kind="score" if is_f1 else "accuracy",
                higher_is_better=True, min_value=0.0, max_value=1.0, unit="fraction",
                description=f"OLMo's in-loop downstream evaluation '{task}' (W&B column '{column}', a fraction as "
                "logged; '_len_norm' = length-normalised accuracy, '_f1' = F1), as collected in ColPret.")


def build_metrics(points: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    used = set(points["metric"])
    rows = [metric_row(c) for c in value_columns(raw) if metric_id(c) in used]
    return pd.DataFrame(rows).drop_duplicates("metric")


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "OLMo checkpoints (Groeneveld 2024)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only transformer (OLMo: no biases, non-parametric layer norm, SwiGLU, RoPE)",
                "training_data": "Dolma",
                "param_convention": "unknown",
                "flops_convention": "No FLOPs stored; the store's 6ND uses the nominal N.",
                "data_unit": "tokens",
                "description": "In-loop evaluations (every 1000 steps) of OLMo-1B, OLMo-7B and OLMo-7B-Twin-2T "
                "(Groeneveld et al. 2024, 2402.00838): validation cross-entropy on Paloma-style sets and "
                "downstream accuracies, W&B exports. " + COLLECTOR + " Tokens = Step x 4,423,680 = 2160 "
                "instances x 2048 tokens, the OLMo-7B batch of the paper's Table 2; the paper's Section 3.1 "
                "says 2048 instances (~4M tokens) for 1B and 7B and ColPret's reader uses 4e6, but every "
                "released revision name ('step<S>-tokens<N>B', on 1,527 of the rows, all three models) rounds "
                "S x 4,423,680 to N and contradicts 2048 x 2048. N is the nominal label (1B / 7B; no exact "
                "count checked). Perplexities are dropped where the same row has the set's loss (exp of it). "
                "Each model logs a different set of columns, so metrics are sparse across runs. The 11 OLMo-7B-Twin-2T "
                "rows of Steps 158000-168000 are dropped: every value in them is about twice its neighbours' "
                "(accuracies above 1).",
            }
        ]
    )


def main() -> None:
    raw = load_rows()
    points = build_points(raw)
    write_curated(NAME, build_family(), points, build_metrics(points, raw), PAPERS)


if __name__ == "__main__":
    main()
