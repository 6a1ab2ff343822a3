"""Curate the public-LLM tables of Cai et al. 2025's latent-variable scaling law (arXiv 2512.06553).

Source: felipemaiapolo/statistical-scaling-law ("Statistical Scaling Law for LLM Skills"), whose
README names no paper, only "the paper" (AIC selection of the latent dimension K = 1..12 in its
Section 4). It is taken to be the code of Cai et al. 2025, *A Latent Variable Framework for Scaling
Laws in Large Language Models* (arXiv 2512.06553v1): the abstract fits 12 Open LLM Leaderboard v1/v2
benchmarks (the files' 12 score columns) with one latent variable per LLM family; a published summary
of the paper gives its data as 168 LLMs in 75 families (v1) and 216 in 146 (v2), exactly the rows and
`family` values of `df_full_v1.csv` and `df_full_v2.csv`, and links this repository as its code. The
paper's own data section was not read here.

Files: `df_full_v1.csv` / `df_full_v2.csv`, one row per model: `model`, `family` (fine-tuned models
are families of their own, as the paper treats them), `size` (1e9 parameters), `tokens` (1e12
pretraining tokens), `flops` (1e21 FLOPs, = 6 x size x tokens on every row) and v1 (arc, hellaswag,
mmlu, truthfulqa, winogrande, gsm8k) or v2 (ifeval, bbh, math, mmlu-pro, gpqa, musr) scores.

Choices and traps:
- Only what Sloth (data/curate/sloth_models.py) does not hold is kept: 149 v1 and 105 v2 rows are
  Sloth's models with identical size, tokens, FLOPs and scores, so they are left out; the 19 v1 and
  111 v2 rows of other models (fine-tunes from the leaderboard) are curated. `df_full.csv` (98) is
  the v1 x v2 intersection with the same values: nothing new.
- The v2 columns mix two scales. Sloth's rows hold the leaderboard's *raw* scores (rounded to 2
  decimals); the new rows hold its *normalised* scores / 100 (each matches exactly one row of the
  release's `open-llm-leaderboard_new.csv` on the normalised columns and none on the raw ones). For
  IFEval and MATH Lvl 5 the two are equal (checked on every row of the dump), so those reuse Sloth's
  metrics; BBH, GPQA, MuSR and MMLU-Pro normalised scores get their own metrics. The v1 scores are
  the leaderboard's accuracies as fractions, like Sloth's (each of the 19 rows matches one row of
  Sloth's `open-llm-leaderboard_old.csv`, in percent, to its 2 decimals), and reuse its v1 metrics.
- `l3-pneuma-8b` names two different rows of df_full_v2 (two fine-tunes of that name, by Kquant03
  and Replete-AI in the dump): the second gets its row label in its run id.
- Sizes are the authors' nominal ones (8 for Llama-3-8B fine-tunes) and tokens their base model's
  pretraining tokens. One disagrees with its model: athena-gemma-2-2b-it has size 9 and 13T tokens,
  while the dump counts 2.0B parameters and names google/gemma-2-9b as its base. Kept as the source
  gives them, said in that family's description.
- Units: params x 1e9, tokens x 1e12, FLOPs x 1e21 applied to the file's decimal text.
- Left out: `open-llm-leaderboard_new.csv` (2,929 leaderboard entries, mostly fine-tunes and merges,
  with a parameter count but no pretraining tokens: no place on a compute axis).

Run: cd /work/main && python -m data.curate.statistical_scaling_law
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "statistical_scaling_law"
PAPER_ID = "cai2025"
SOURCE_ID = "felipemaiapolo+statistical-scaling-law"
SLOTH_SOURCE_ID = "felipemaiapolo+sloth"
SLOTH_FILES = ("data/data_v2.csv", "data/data_v1.csv")
DATA_FILES = ("data/df_full_v1.csv", "data/df_full_v2.csv")
SIZE_COLUMNS = {"size": ("params", "e9"), "tokens": ("tokens", "e12"), "flops": ("flops", "e21")}

# Score columns whose meaning equals a metric Sloth's script declares (same leaderboard benchmark,
# harness configuration and scale): they reuse its id rather than declare a twin.
SLOTH_METRICS = {
    "arc": "sloth_openllm_v1_arc",
    "hellaswag": "sloth_openllm_v1_hellaswag",
    "mmlu": "sloth_openllm_v1_mmlu",
    "truthfulqa": "sloth_openllm_v1_truthfulqa",
    "winogrande": "sloth_openllm_v1_winogrande",
    "gsm8k": "sloth_openllm_v1_gsm8k",
    "ifeval": "sloth_openllm_v2_ifeval",
    "math": "sloth_openllm_v2_math_lvl5",
}
# Normalised v2 scores: column -> (metric suffix, display name, how the dump's normalisation reads).
NORMALISED = {
    "bbh": ("bbh", "BBH", "the rule is not documented in the release; at or below the raw score on every row of the dump"),
    "gpqa": ("gpqa", "GPQA", "it equals max(0, (raw - 0.25) / 0.75) on every row of the dump"),
    "musr": ("musr", "MuSR", "the rule is not documented in the release; at or below the raw score on every row of the dump"),
    "mmlu-pro": ("mmlu_pro", "MMLU-Pro", "it equals max(0, (raw - 0.1) / 0.9) on every row of the dump"),
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "A Latent Variable Framework for Scaling Laws in Large Language Models",
        "authors": "Peiyao Cai, Chengyu Cui, Felipe Maia Polo et al.",
        "year": 2025,
        "arxiv_id": "2512.06553",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2512.06553",
        "covers": "Public LLMs with size, pretraining tokens, 6ND FLOPs and 12 Open LLM Leaderboard v1/v2 "
        "benchmark scores (168 models in 75 families on v1, 216 in 146 on v2; fine-tunes as families of their "
        "own); the families cai2025_* hold the models not already in Sloth's table (maiapolo2024_*).",
    }
]


# Families whose source values need a word of warning beyond the shared description.
FAMILY_NOTES = {
    "athena-gemma-2-it": " Its one model, athena-gemma-2-2b-it, has size 9 and 13T tokens in the source, those of "
    "the base model the leaderboard dump names (google/gemma-2-9b), while the dump counts 2.0B parameters: N, D "
    "and C are the source's, not checked against the model.",
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-")


def sloth_models() -> set[str]:
    """Model names Sloth's table holds (its script curates them; they are not repeated here)."""
    names = set()
    for path in SLOTH_FILES:
        names |= set(pd.read_csv(sources_dir() / SLOTH_SOURCE_ID / path, usecols=["Model"])["Model"])
    return names


def read_file(path: str) -> pd.DataFrame:
    """One df_full file as text, with its row label (the unnamed first column) and file line."""
    frame = pd.read_csv(sources_dir() / SOURCE_ID / path, dtype=str).rename(columns={"Unnamed: 0": "row_label"})
    frame["source_file"] = path
    frame["line"] = range(2, len(frame) + 2)  # line 1 is the header; no cell spans lines
    return frame


def new_models(frame: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    """The rows of models Sloth does not hold; a model name repeated in the file keeps the first
    row's name and the later rows get their row label, so every run id is unique."""
    new = frame[~frame["model"].isin(known)].copy()
    repeated = new["model"].duplicated(keep="first")
    new["run_id"] = new["model"].where(~repeated, new["model"] + " (row " + new["row_label"] + ")")
    return new


def metric_id(column: str) -> str:
    if column in SLOTH_METRICS:
        return SLOTH_METRICS[column]
    return f"{PAPER_ID}_openllm_v2_{NORMALISED[column][0]}_normalised"


def family_id(family: str) -> str:
    return f"{PAPER_ID}_{slug(family)}"


def scaled(text: str, exponent: str) -> float:
    return float(f"{text}{exponent}")


def file_points(models: pd.DataFrame) -> pd.DataFrame:
    """One point per model and score column of one file."""
    base = pd.DataFrame(
        {
            "family_id": models["family"].map(family_id),
            "run_id": models["run_id"],
            **{name: models[column].map(lambda t, e=exponent: scaled(t, e)) for column, (name, exponent) in SIZE_COLUMNS.items()},
            "flops_method": "6ND",
            "source_file": models["source_file"],
            "line": models["line"],
            "row_label": models["row_label"],
            "model": models["model"],
        }
    )
    scores = [column for column in models.columns if column in SLOTH_METRICS or column in NORMALISED]
    parts = [
        base.assign(metric=metric_id(column), value=pd.to_numeric(models[column]), column=column)
        for column in scores
    ]
    return pd.concat(parts, ignore_index=True)


def build_points(files: list[pd.DataFrame]) -> pd.DataFrame:
    points = pd.concat([file_points(models) for models in files], ignore_index=True)
    points["source_locator"] = [
        f"line {line} (row {label}, model {model}), column '{column}'"
        for line, label, model, column in zip(points["line"], points["row_label"], points["model"], points["column"])
    ]
    return points.drop(columns=["line", "row_label", "model", "column"]).assign(
        paper_id=PAPER_ID, source_id=SOURCE_ID, extraction="released_data"
    )


def normalised_metric_row(column: str) -> dict:
    suffix, display, rule = NORMALISED[column]
    return {
        "metric": metric_id(column),
        "name": f"Open LLM Leaderboard v2: {display}, normalised (Cai et al. collection)",
        "kind": "accuracy",
        "higher_is_better": True,
        "min_value": 0.0,
        "max_value": 1.0,
        "unit": "fraction (chance-normalised)",
        "description": f"Open LLM Leaderboard v2 {display} normalised score divided by 100 (column '{column}' of "
        "df_full_v2.csv for models outside Sloth's table; it equals the normalised column, not the raw one, of "
        "the release's open-llm-leaderboard_new.csv, the dump): the leaderboard's normalised accuracy, not a raw "
        f"accuracy ({rule}). Not comparable with the raw-accuracy metric "
        f"sloth_openllm_v2_{suffix}. Shots follow the leaderboard's harness configuration, not restated in the source.",
    }


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame([normalised_metric_row(column) for column in NORMALISED])


def build_families(files: list[pd.DataFrame]) -> pd.DataFrame:
    models = pd.concat(files, ignore_index=True).drop_duplicates(subset="run_id")
    rows = []
    for family, group in models.groupby("family", sort=True):
        rows.append(
            {
                "family_id": family_id(family),
                "name": f"{family} (public models, Cai et al. collection)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only language model (as released by its developer)",
                "training_data": "the base model developer's pretraining corpus plus the fine-tuner's data "
                "(neither recorded in the source)",
                "param_convention": "unknown",
                "flops_convention": "the source's flops column = 6 x size x pretraining tokens (checked on every row); "
                "fine-tuning compute is not counted.",
                "data_unit": "tokens",
                "description": f"{len(group)} model(s) of the '{family}' family of Cai et al. 2025's tables "
                f"({', '.join(sorted(group['run_id']))}), public models evaluated on the Open LLM Leaderboard. "
                "Size is the authors' nominal size in billions (e.g. 8 for Llama-3-8B fine-tunes) and tokens the "
                "pretraining tokens of the base model; fine-tuning data are not counted. v2 scores BBH, GPQA, MuSR "
                "and MMLU-Pro are the leaderboard's normalised scores (own metrics); IFEval and MATH Lvl 5 equal the "
                "raw fractions. Models also in Sloth's table are in the maiapolo2024_* families, not repeated here."
                + FAMILY_NOTES.get(family, ""),
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    known = sloth_models()
    files = [new_models(read_file(path), known) for path in DATA_FILES]
    families = build_families(files)
    if families["family_id"].duplicated().any():
        raise ValueError("two source families map to one family id")
    points = build_points(files)
    write_source_tables(NAME, families, points, build_metrics(), paper_rows=PAPER_ROWS)
    print(f"{len(points)} points, {points['run_id'].nunique()} models, {points['family_id'].nunique()} families")


if __name__ == "__main__":
    main()
