"""Curate the MoLM (ModuleFormer) checkpoint evaluations (Shen et al. 2023, ModuleFormer: Modularity
Emerges from Mixture-of-Experts, 2306.04640) as collected in ColPret.

Source: IBM+ColPret raw_data/IBM_MoE.csv (73 lines, 6 blank separators): IBM's evaluation sheet of
ModuleFormer checkpoints, `Model`, `data`, `Params` (total, "4B"), `Effective Params` (active,
"350M"), `tokens_seen` ("64B", or the corpus name on a model's last row), `Tokenizer`, lm-eval
harness zero-shot scores in **percent** (`<task> acc` / `acc_norm`), `wikitext ppl` / `bpb`,
`lambada_openai ppl`.

Which rows are the paper's models: the last row of `ST-h1`, `h1-k4` and `st-deep-48l` (tokens_seen
= "Pile") equals, score for score, the evaluation table of MoLM-350M-4B, MoLM-700M-4B and
MoLM-700M-8B in the release README of the paper's code (IBM/ModuleFormer: Hellaswag, PIQA, ARC-e,
ARC-c, OBQA acc, TriviaQA 0-shot; Wikitext PPL to its rounding), and their Params / Effective
Params are those names. Those three runs are curated; `ST-k2`, `gmm-k4` and `obsidian-17B` match
no released model of the paper and are left out. `aggregated_eval/LLMs - 0-shot.csv` repeats these
rows (and evaluates other public models), so it is not read.

Traps:
- `tokens_seen` "Pile" marks the released model: its token count is not in the file, and the
  README's "300 billion tokens" is smaller than the 320B / 330B of earlier rows of two of the
  runs, so those rows keep tokens empty.
- Scores in percent -> fractions; perplexities and bits-per-byte as they are.
- Params are the nominal labels (4B, 8B total; 350M, 700M active, as a run input).
- `step` is the file's data row, blank separators counted (the sheet has no training step); the
  locator gives the file line (= step + 1).

Run: cd /work/main && python -m data.curate.colpret_moduleformer
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, percent_to_fraction, raw_path, write_curated

NAME = "colpret_moduleformer"
PAPER_ID = "shen2023"
FAMILY_ID = "shen2023_molm_checkpoints"
SOURCE_FILE = "raw_data/IBM_MoE.csv"
RELEASED_MODEL = {"ST-h1": "MoLM-350M-4B", "h1-k4": "MoLM-700M-4B", "st-deep-48l": "MoLM-700M-8B"}
NON_SCORE_COLUMNS = ("Model", "data", "Params", "Effective Params", "tokens_seen", "Tokenizer")
UNIT_OF_SUFFIX = {" acc": "percent", " acc_norm": "percent", " ppl": "perplexity", " bpb": "bits/byte"}

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "ModuleFormer: Modularity Emerges from Mixture-of-Experts",
        "authors": "Yikang Shen, Zheyu Zhang, Tianyou Cao, Shawn Tan, Zhenfang Chen, Chuang Gan",
        "year": 2023,
        "arxiv_id": "2306.04640",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2306.04640",
        "covers": "ModuleFormer mixture-of-experts LMs (MoLM-350M-4B, MoLM-700M-4B, MoLM-700M-8B) trained on the "
        "Pile: zero-shot lm-eval scores and Wikitext perplexity along training, as collected in IBM/ColPret.",
    }
]


def parse_count(text: str) -> float:
    """'64B' -> 6.4e10, '350M' -> 3.5e8; anything else (a corpus name) -> NaN."""
    match = re.fullmatch(r"([0-9.]+)([MB])", str(text).strip())
    return float(match[1]) * {"M": 1e6, "B": 1e9}[match[2]] if match else float("nan")


def load_rows() -> pd.DataFrame:
    """The rows of the three released models; `row` counts data lines, blank separators included."""
    raw = pd.read_csv(raw_path(SOURCE_FILE), skip_blank_lines=False)
    raw["row"] = range(1, len(raw) + 1)
    kept = raw[raw["Model"].isin(RELEASED_MODEL)].copy()
    kept["run_id"] = kept["Model"].map(RELEASED_MODEL)
    kept["tokens"] = kept["tokens_seen"].map(parse_count)
    return kept


def metric_id(column: str) -> str:
    return "molm_" + re.sub(r"[^a-z0-9]+", "_", column.lower()).strip("_")


def score_columns(rows: pd.DataFrame) -> list[str]:
    return [c for c in rows.columns if c not in (*NON_SCORE_COLUMNS, "row", "run_id", "tokens")]


def unit_of(column: str) -> str:
    return next(unit for suffix, unit in UNIT_OF_SUFFIX.items() if column.endswith(suffix))


def build_points(rows: pd.DataFrame) -> pd.DataFrame:
    long = rows.melt(id_vars=["row", "run_id", "tokens", "Params", "tokens_seen"], value_vars=score_columns(rows),
                     var_name="column", value_name="raw_value").dropna(subset=["raw_value"])
    is_percent = long["column"].map(unit_of) == "percent"
    values = long["raw_value"].where(~is_percent, long["raw_value"].map(percent_to_fraction))
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": long["run_id"],
            "params": long["Params"].map(parse_count),
            "tokens": long["tokens"].round().astype("Int64"),
            "step": long["row"],
            "metric": long["column"].map(metric_id),
            "value": values,
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": [f"line {r + 1} (tokens_seen={t}), column {c}" for r, t, c in
                               zip(long["row"], long["tokens_seen"], long["column"])],
            "extraction": "released_data",
        }
    )


def build_run_inputs(rows: pd.DataFrame) -> pd.DataFrame:
    """The active parameter count of each run ('Effective Params'), from its first row."""
    first = rows.drop_duplicates("run_id")
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": first["run_id"],
            "input": "active_params",
            "value": first["Effective Params"].map(parse_count),
            "unit": "parameters",
            "description": "parameters active per token (the sheet's 'Effective Params', a nominal label)",
            "source_file": SOURCE_FILE,
            "source_locator": [f"line {row + 1}, column Effective Params" for row in first["row"]],
        }
    )


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "MoLM / ModuleFormer checkpoints (Shen 2023)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "ModuleFormer mixture of experts (stick-breaking attention modules and feed-forward "
                "modules, sparsely activated)",
                "training_data": "The Pile",
                "param_convention": "unknown",
                "flops_convention": "No FLOPs in the source. params is the total (nominal 4B / 8B); the active count "
                "is the run input active_params, so the store's 6ND (on total params) overstates the compute.",
                "data_unit": "tokens",
                "description": "Zero-shot lm-eval-harness scores (percent in the file, stored as fractions), Wikitext "
                "perplexity / bits per byte and LAMBADA perplexity of checkpoints of the three MoLM models of Shen "
                "et al. 2023 (2306.04640), from IBM's evaluation sheet. " + COLLECTOR + " The sheet's run names "
                "are internal (ST-h1, h1-k4, st-deep-48l); each run's last row equals the released model's "
                "scores in the IBM/ModuleFormer README (MoLM-350M-4B, MoLM-700M-4B, MoLM-700M-8B), which is how "
                "they are identified. That last row's token count is not given (tokens_seen reads 'Pile'; the "
                "README says 300B tokens, fewer than earlier rows' 320B / 330B): tokens left empty there. "
                "step is the file's data row (line - 1). Total params are the nominal 'Params' (4B / 8B), the active "
                "count is the run input active_params; the expert count is not in the file, so `experts` is empty "
                "(the README describes 16 attention and 32 feed-forward modules per layer). Other runs of the sheet (ST-k2, gmm-k4, obsidian-17B) match no "
                "released model and are not kept.",
            }
        ]
    )


def build_metrics(rows: pd.DataFrame) -> pd.DataFrame:
    metrics = []
    for column in score_columns(rows):
        unit = unit_of(column)
        task = column.rsplit(" ", 1)[0]
        if unit == "percent":
            normalised = " (length-normalised)" if column.endswith("acc_norm") else ""
            metrics.append(dict(metric=metric_id(column), name=f"{task} zero-shot accuracy{normalised} (MoLM)",
                                kind="accuracy", higher_is_better=True, min_value=0.0, max_value=1.0,
                                unit="fraction", description=f"lm-evaluation-harness zero-shot '{column}' of IBM's "
                                "MoLM evaluation sheet, percent converted to a fraction."))
        else:
            kind = "perplexity" if unit == "perplexity" else "loss"
            metrics.append(dict(metric=metric_id(column), name=f"{task} {unit} (MoLM)", kind=kind,
                                higher_is_better=False, min_value=1.0 if kind == "perplexity" else 0.0,
                                max_value=1e6 if kind == "perplexity" else 20.0, unit=unit,
                                description=f"lm-evaluation-harness '{column}' of IBM's MoLM evaluation sheet "
                                f"({unit}), as given."))
    return pd.DataFrame(metrics)


def main() -> None:
    rows = load_rows()
    points = build_points(rows)
    metrics = build_metrics(rows)
    write_curated(NAME, build_family(), points, metrics[metrics["metric"].isin(points["metric"])], PAPERS,
                  build_run_inputs(rows))


if __name__ == "__main__":
    main()
