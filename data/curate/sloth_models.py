"""Curate the public-model benchmark table of Sloth (Maia Polo et al. 2024, 2412.06540).

Source: felipemaiapolo/sloth, `data/data_v2.csv` (188 models) and `data/data_v1.csv` (197): one row
per public model with `#Params (B)` (1e9 parameters), `Pretraining Data Size (T)` (1e12 tokens),
`FLOPs (1E21)` (= 6 x params x tokens / 1e21, checked on every row), `Family` (the base family,
e.g. llama-2, qwen2), `Instruct`, and Open LLM Leaderboard v2 (IFEval, BBH, MATH Lvl 5, GPQA, MUSR,
MMLU-PRO and their sub-tasks) and v1 (ARC, HellaSwag, MMLU and its 57 subjects, TruthfulQA,
Winogrande, GSM8K) scores as fractions. `data/lower_bounds.csv` gives, per benchmark, the floor
Sloth's sigmoid link uses; it goes into each metric's `chance`.

Choices and traps:
- The two files share 185 models with identical sizes, tokens and scores except that v2 adds the v1
  scores of pythia-2.8b and pythia-6.9b; data_v2 is read first and data_v1 adds its 12 models
  (Llama 3.1 and the deduped Pythia suite). Each point names the file it was read from.
- One family per (Family, Instruct): base and instruction-tuned models of one family sit on
  different curves (the paper also counts them apart), and the Benchmarks page can then fit one
  sigmoid across many base families.
- Units: params x 1e9, tokens x 1e12, FLOPs x 1e21 are applied to the decimal text of the file
  (float("0.366e12")), so the counts are exact.
- Left out: `XWinograd`, `HumanEval`, `Arena-Elo`, `MTBench` (not leaderboard columns; the release
  does not say where they come from), `tokens.csv` / `training_tokens.csv` (42 models without
  compute, a working list), `Agent.csv` (27 models, mostly without size), and the raw leaderboard
  dumps `open-llm-leaderboard_{old,new}.csv` (thousands of fine-tunes with a parameter count but no
  pretraining tokens: no place on a compute axis).

Run: cd /work/main && python -m data.curate.sloth_models
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "sloth_models"
PAPER_ID = "maiapolo2024"
SOURCE_ID = "felipemaiapolo+sloth"
DATA_FILES = ("data/data_v2.csv", "data/data_v1.csv")  # the first file wins for a model in both
LOWER_BOUNDS_FILE = "data/lower_bounds.csv"
SIZE_COLUMNS = {"#Params (B)": ("params", "e9"), "Pretraining Data Size (T)": ("tokens", "e12"), "FLOPs (1E21)": ("flops", "e21")}
NOT_SCORES = {"XWinograd", "HumanEval", "Arena-Elo", "MTBench"}

# Leaderboard headline benchmarks: source column -> (metric suffix, display name, leaderboard).
HEADLINES = {
    "IFEval": ("ifeval", "IFEval", "v2"),
    "BBH": ("bbh", "BBH", "v2"),
    "MATH Lvl 5": ("math_lvl5", "MATH Level 5", "v2"),
    "GPQA": ("gpqa", "GPQA", "v2"),
    "MUSR": ("musr", "MuSR", "v2"),
    "MMLU-PRO": ("mmlu_pro", "MMLU-Pro", "v2"),
    "ARC": ("arc", "ARC", "v1"),
    "HellaSwag": ("hellaswag", "HellaSwag", "v1"),
    "MMLU": ("mmlu", "MMLU", "v1"),
    "TruthfulQA": ("truthfulqa", "TruthfulQA", "v1"),
    "Winogrande": ("winogrande", "Winogrande", "v1"),
    "GSM8K": ("gsm8k", "GSM8K", "v1"),
}
# Sub-task columns: prefix -> (leaderboard, the headline benchmark they belong to).
SUBTASK_PREFIXES = {
    "bbh_": ("v2", "BBH"),
    "gpqa_": ("v2", "GPQA"),
    "math_": ("v2", "MATH Level 5"),
    "musr_": ("v2", "MuSR"),
    "hendrycksTest-": ("v1", "MMLU"),
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Sloth: scaling laws for LLM skills to predict multi-benchmark performance across families",
        "authors": "Felipe Maia Polo, Seamus Somerstep, Leshem Choshen, Yuekai Sun, Mikhail Yurochkin",
        "year": 2024,
        "arxiv_id": "2412.06540",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2412.06540",
        "covers": "A table of 200 public LLMs (37 base families, base and instruct) with parameters, "
        "pretraining tokens, 6ND FLOPs and Open LLM Leaderboard v1 and v2 scores with sub-tasks; the "
        "families maiapolo2024_*.",
    }
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_models() -> pd.DataFrame:
    """Both files as text, one row per model (data_v2 first), with the file and line it came from."""
    frames = []
    for path in DATA_FILES:
        frame = pd.read_csv(sources_dir() / SOURCE_ID / path, dtype=str)
        frame["source_file"] = path
        frame["line"] = range(2, len(frame) + 2)  # line 1 is the header; no cell spans lines
        frames.append(frame)
    both = pd.concat(frames, ignore_index=True)
    return both.drop_duplicates(subset="Model", keep="first").reset_index(drop=True)


def score_columns(models: pd.DataFrame) -> list[str]:
    return [
        column
        for column in models.columns
        if column in HEADLINES or any(column.startswith(prefix) for prefix in SUBTASK_PREFIXES)
    ]


def metric_id(column: str) -> str:
    if column in HEADLINES:
        suffix, _, board = HEADLINES[column]
        return f"sloth_openllm_{board}_{suffix}"
    prefix = next(p for p in SUBTASK_PREFIXES if column.startswith(p))
    board, _ = SUBTASK_PREFIXES[prefix]
    return f"sloth_openllm_{board}_{slug(prefix)}_{slug(column[len(prefix):]).replace('-', '_')}"


def family_id(family: str, instruct: bool) -> str:
    return f"{PAPER_ID}_{slug(family)}" + ("_instruct" if instruct else "")


def scaled(text: str | float, exponent: str) -> float | None:
    return None if pd.isna(text) else float(f"{text}{exponent}")


def build_points(models: pd.DataFrame) -> pd.DataFrame:
    instruct = models["Instruct"].str.strip().str.lower() == "true"
    base = pd.DataFrame(
        {
            "family_id": [family_id(f, i) for f, i in zip(models["Family"], instruct)],
            "run_id": models["Model"],
            **{name: models[column].map(lambda t, e=exponent: scaled(t, e)) for column, (name, exponent) in SIZE_COLUMNS.items()},
            "source_file": models["source_file"],
            "line": models["line"],
        }
    )
    base["flops_method"] = base["flops"].map(lambda f: None if pd.isna(f) else "6ND")
    parts = []
    for column in score_columns(models):
        part = base.assign(metric=metric_id(column), value=pd.to_numeric(models[column]), column=column)
        parts.append(part[part["value"].notna()])
    points = pd.concat(parts, ignore_index=True)
    points["source_locator"] = [
        f"line {line} (model {model}), column '{column}'"
        for line, model, column in zip(points["line"], points["run_id"], points["column"])
    ]
    return points.drop(columns=["line", "column"]).assign(
        paper_id=PAPER_ID, source_id=SOURCE_ID, extraction="released_data"
    )


def read_lower_bounds() -> dict[str, float]:
    row = pd.read_csv(sources_dir() / SOURCE_ID / LOWER_BOUNDS_FILE, dtype=str).iloc[0].drop("Unnamed: 0")
    return {column: float(value) for column, value in row.items()}


def metric_row(column: str, lower_bounds: dict[str, float]) -> dict:
    if column in HEADLINES:
        _, display, board = HEADLINES[column]
        name = f"Open LLM Leaderboard {board}: {display} (Sloth collection)"
        what = f"{display} score"
    else:
        prefix = next(p for p in SUBTASK_PREFIXES if column.startswith(p))
        board, parent = SUBTASK_PREFIXES[prefix]
        task = column[len(prefix):]
        name = f"Open LLM Leaderboard {board}: {parent} / {task} (Sloth collection)"
        what = f"{parent} sub-task '{task}' score"
    chance = lower_bounds.get(column)
    floor = (
        f" chance = Sloth's floor for this benchmark ({LOWER_BOUNDS_FILE}), the lower asymptote of their "
        "sigmoid link; it can sit below the 1/choices guessing rate."
        if chance is not None else ""
    )
    return {
        "metric": metric_id(column),
        "name": name,
        "kind": "accuracy",
        "higher_is_better": True,
        "min_value": 0.0,
        "max_value": 1.0,
        "chance": chance,
        "unit": "fraction",
        "description": f"Open LLM Leaderboard {board} {what} (fraction 0-1) as collected by Maia Polo et al. 2024 "
        f"(column '{column}' of data_v1/data_v2.csv); shots and sub-metric follow the leaderboard's harness "
        f"configuration and are not restated in the source.{floor}",
    }


def build_metrics(models: pd.DataFrame) -> pd.DataFrame:
    bounds = read_lower_bounds()
    return pd.DataFrame([metric_row(column, bounds) for column in score_columns(models)])


def build_families(models: pd.DataFrame) -> pd.DataFrame:
    rows = []
    models = models.assign(instruct=models["Instruct"].str.strip().str.lower() == "true")
    for (family, instruct), group in models.groupby(["Family", "instruct"], sort=True):
        kind = "instruction-tuned" if instruct else "base"
        missing = group["Pretraining Data Size (T)"].isna().sum()
        rows.append(
            {
                "family_id": family_id(family, instruct),
                "name": f"{family} {kind} (public models, Sloth collection)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only language model (as released by its developer)",
                "training_data": "the developer's pretraining corpus (not recorded in the source)",
                "param_convention": "unknown",
                "flops_convention": "Sloth's FLOPs column = 6 x parameters x pretraining tokens (checked on every "
                "row); developers' own FLOP counts are not used; fine-tuning compute is not counted.",
                "data_unit": "tokens",
                "description": f"{len(group)} {kind} models of the {family} family ({', '.join(sorted(group['Model']))}), "
                "trained by their developers and collected by Maia Polo et al. 2024 with size, pretraining "
                "tokens and Open LLM Leaderboard v1/v2 scores. Instruction-tuned models carry the size and "
                "pretraining tokens of their base model. One point per model and benchmark"
                + (f"; {missing} model(s) have no pretraining tokens in the source, so no D or C." if missing else "."),
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    models = read_models()
    points = build_points(models)
    write_source_tables(NAME, build_families(models), points, build_metrics(models), paper_rows=PAPER_ROWS)
    print(f"{len(points)} points, {points['run_id'].nunique()} models, {points['family_id'].nunique()} families")


if __name__ == "__main__":
    main()
