"""Curate classic benchmark scores of public and frontier models from Epoch AI's benchmark hub.

Source: epoch-research/benchmark-stitching (Ho et al. 2025, *A Rosetta Stone for AI Benchmarks*,
2512.00193), `data/external_benchmark_<name>.csv`: one row per reported score with the model's
display `Name`, `Model version` (the key of `data/model_versions.csv`), `Shots`, the score in
percent, and the `Source` / `Source link` it was collected from (papers, HELM, leaderboards).
The release has no compute column (its `all_ai_models.csv` blob is absent), so each model is joined
by name to the Epoch AI models snapshot that `data.curate.epoch_models` reads
(epoch-research+training-cost-trends): `Model version` -> `model_versions.csv` `Model` -> the
snapshot's `Model`, else the score's own `Name`; names are compared lowercased with everything but
letters and digits removed, and a name that matches two snapshot models is not joined.
N = the snapshot's parameters, C = its training compute, D = its dataset size only where its unit is
tokens and 6ND lies within `check`'s tolerance of C (otherwise the dataset or parameter count
describes another run than the compute: a fine-tuning set, or an MoE's experts all counted). Scores of models that do not join are kept with N, D and C empty.

Choices and traps:
- Percent strings ("77.0%") become fractions.
- Shots differ between sources for one benchmark (MMLU 0/2/5, GSM8K 0/4/5/8, ...): one metric per
  benchmark and shot count, never mixed; "few" (few-shot, count not given) and an empty `Shots`
  get their own metrics. ARC has two columns (Challenge, Easy): two benchmarks.
- One model can have several scores for one metric from different sources: all are kept; the first
  in file order has run_id = the model version, each further one the version plus the record id.
- One family for all models: scores of many developers' models against compute, which the
  Benchmarks page fits with one sigmoid across them.
- Left out: the agentic / frontier benchmarks of the hub (METR, SWE-style, ARC-AGI, ...: scores on
  other scales, mostly models without public compute), ScienceQA and SuperGLUE (no shots column),
  ANLI and CSQA2 (under 20 rows, shots mostly missing), and `benchmarks_runs.csv` (Epoch's own runs of
  frontier API models, none with public compute).

Run: cd /work/main && python -m data.curate.epoch_benchmarks
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from data.curate import epoch_models
from data.curate._common import sources_dir, write_source_tables
from lib.store.check import FLOPS_TO_6ND_TOLERANCE

NAME = "epoch_benchmarks"
PAPER_ID = "ho2025"
SOURCE_ID = "epoch-research+benchmark-stitching"
VERSIONS_FILE = "data/model_versions.csv"
FAMILY_ID = "ho2025_public_models"

# Benchmark file stem -> [(score column, metric stem, display name)].
BENCHMARKS = {
    "mmlu": [("EM", "mmlu", "MMLU")],
    "gsm8k": [("EM", "gsm8k", "GSM8K")],
    "boolq": [("Score", "boolq", "BoolQ")],
    "arc_ai2": [("Challenge score", "arc_challenge", "ARC-Challenge"), ("Easy score", "arc_easy", "ARC-Easy")],
    "piqa": [("Score", "piqa", "PIQA")],
    "hellaswag": [("Overall accuracy", "hellaswag", "HellaSwag")],
    "winogrande": [("Accuracy", "winogrande", "Winogrande")],
    "lambada": [("Score", "lambada", "LAMBADA")],
    "triviaqa": [("EM", "triviaqa", "TriviaQA")],
    "bbh": [("Average", "bbh", "BIG-Bench Hard")],
    "openbookqa": [("Accuracy", "openbookqa", "OpenBookQA")],
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "A Rosetta Stone for AI Benchmarks",
        "authors": "Anson Ho, Jean-Stanislas Denain, David Atanasov, Samuel Albanie, Rohin Shah",
        "year": 2025,
        "arxiv_id": "2512.00193",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2512.00193",
        "covers": "Epoch AI's benchmark hub: scores of public and frontier models collected from papers and "
        "leaderboards; the classic language benchmarks (MMLU, GSM8K, BoolQ, ARC, PIQA, HellaSwag, "
        "Winogrande, LAMBADA, TriviaQA, BBH, OpenBookQA) joined to the Epoch models database for "
        "parameters and training compute (family ho2025_public_models).",
    }
]


def name_key(name: str | float) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower()) if isinstance(name, str) else ""


def snapshot_by_name() -> pd.DataFrame:
    """The Epoch models snapshot keyed by normalised name; names shared by two models are dropped."""
    models = epoch_models.build_models(epoch_models.read_snapshot())
    models["key"] = models["name"].map(name_key)
    models = models[~models["key"].duplicated(keep=False)]
    return models.set_index("key")[["name", "params", "flops", "dataset_size", "dataset_unit", "source_locator"]]


def shots_label(raw: str | float) -> tuple[str, str]:
    """(metric suffix, display) for a Shots cell: '5', '25-shot' and '0\\n' are counts."""
    text = raw.strip().lower() if isinstance(raw, str) else ""
    count = re.fullmatch(r"(\d+)(?:\.0)?(?:-shot)?", text)
    if count:
        return f"{int(count.group(1))}shot", f"{int(count.group(1))}-shot"
    if text == "few":
        return "fewshot", "few-shot, count not stated"
    if not text:
        return "shots_unstated", "shots not stated"
    raise ValueError(f"unrecognised Shots value {raw!r}")


def stripped(cell: str | float) -> str | None:
    return cell.strip() or None if isinstance(cell, str) else None


def percent(text: str) -> float:
    if not text.strip().endswith("%"):
        raise ValueError(f"score {text!r} is not a percentage")
    return float(Decimal(text.strip().rstrip("%")) / 100)


def read_scores() -> pd.DataFrame:
    """Every kept score, one row per (file record, score column), in file order."""
    folder = sources_dir() / SOURCE_ID
    rows = []
    for stem, columns in BENCHMARKS.items():
        path = f"data/external_benchmark_{stem}.csv"
        frame = pd.read_csv(folder / path, dtype=str)
        for column, metric_stem, display in columns:
            for record in frame[frame[column].notna()].to_dict("records"):
                suffix, shots = shots_label(record.get("Shots"))
                rows.append(
                    {
                        "record": record["id"],
                        "name": stripped(record["Name"]),
                        "version": stripped(record["Model version"]),
                        "metric": f"epoch_{metric_stem}_{suffix}",
                        "display": f"{display} ({shots})",
                        "benchmark": display,
                        "shots": shots,
                        "column": column,
                        "value": percent(record[column]),
                        "source_file": path,
                        "cited": record["Source"],
                        "link": record["Source link"],
                    }
                )
    return pd.DataFrame(rows)


def attach_models(scores: pd.DataFrame) -> pd.DataFrame:
    versions = pd.read_csv(sources_dir() / SOURCE_ID / VERSIONS_FILE, dtype=str).set_index("id")["Model"]
    snapshot = snapshot_by_name()
    via_version = scores["version"].map(versions).map(name_key)
    key = via_version.where(via_version.isin(snapshot.index), scores["name"].map(name_key))
    joined = snapshot.reindex(key)
    joined.index = scores.index
    tokens = joined["dataset_size"].where(joined["dataset_unit"] == "tokens")
    ratio = joined["flops"] / (6 * joined["params"] * tokens)
    off = (ratio > FLOPS_TO_6ND_TOLERANCE) | (ratio < 1 / FLOPS_TO_6ND_TOLERANCE)
    return scores.assign(
        epoch_name=joined["name"],
        params=joined["params"],
        flops=joined["flops"],
        tokens=tokens.where(~off),
        tokens_dropped=off,
    )


def run_ids(scores: pd.DataFrame) -> pd.Series:
    """The model version (else the display name); a repeat score of one metric adds its record id."""
    model = scores["version"].fillna(scores["name"])
    repeat = scores.assign(model=model).groupby(["model", "metric"]).cumcount() > 0
    return model.where(~repeat, model + " [" + scores["record"] + "]")


def locator(row: pd.Series) -> str:
    joined = f"; joined to Epoch model '{row['epoch_name']}'" if isinstance(row["epoch_name"], str) else "; no Epoch model joined"
    return (
        f"record {row['record']} ({row['name']}), column '{row['column']}', shots {row['shots']}; "
        f"source: {row['cited']} {row['link']}{joined}"
    )


def build_points(scores: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": run_ids(scores),
            "params": scores["params"],
            "tokens": scores["tokens"],
            "flops": scores["flops"],
            "flops_method": scores["flops"].map(lambda f: None if pd.isna(f) else "reported"),
            "metric": scores["metric"],
            "value": scores["value"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": scores["source_file"],
            "source_locator": scores.apply(locator, axis=1),
            "extraction": "released_data",
        }
    )


def build_metrics(scores: pd.DataFrame) -> pd.DataFrame:
    first = scores.drop_duplicates("metric")
    return pd.DataFrame(
        {
            "metric": first["metric"],
            "name": first["display"] + ", Epoch benchmark hub",
            "kind": "accuracy",
            "higher_is_better": True,
            "min_value": 0.0,
            "max_value": 1.0,
            "unit": "fraction",
            "description": [
                f"{benchmark} score ({shots}) as reported by the source each point names (a paper, HELM or a "
                f"leaderboard) and collected by Epoch AI's benchmark hub (column '{column}'); percent in the source, "
                "converted to a fraction. Sources differ in prompt format and scoring details; the shot count is "
                "the only setting kept apart."
                for benchmark, shots, column in zip(first["benchmark"], first["shots"], first["column"])
            ],
        }
    )


def build_family(scores: pd.DataFrame) -> pd.DataFrame:
    models = scores.assign(model=scores["version"].fillna(scores["name"])).drop_duplicates("model")
    joined = models["epoch_name"].notna().sum()
    no_tokens = sorted(scores.loc[scores["tokens_dropped"], "epoch_name"].unique())
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "Public and frontier models (Epoch benchmark hub)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "various (models of many developers)",
                "training_data": "each developer's own (not recorded)",
                "param_convention": "unknown",
                "flops_convention": "Training compute as the Epoch AI models database records it (record named in "
                "each point's locator; see data/models/epoch_models.csv for whether Epoch estimated it and "
                "its confidence), so 'reported' means reported by Epoch, usually Epoch's own estimate. D is "
                "filled only where the database counts the dataset in tokens.",
                "data_unit": "tokens",
                "description": f"Scores on classic language benchmarks of {len(models)} models (by model version), "
                "collected by Epoch AI from papers and leaderboards for Ho et al. 2025. Parameters and compute "
                f"come from the Epoch AI models database joined by model name: {joined} models join, the "
                f"other {len(models) - joined} keep their scores with N, D and C empty. Base and "
                "instruction-tuned models, open and closed, are mixed; each source's prompt format differs, "
                "so the spread at one compute is partly evaluation noise. One metric per benchmark and shot count. "
                f"D is left empty where the database's compute is more than {FLOPS_TO_6ND_TOLERANCE:g}x away from "
                "6 x parameters x dataset tokens, because its dataset size or parameter count then does not describe "
                f"the run its compute counts (a fine-tuning set, or all experts of a mixture of experts): "
                f"{', '.join(no_tokens) or 'none'}.",
            }
        ]
    )


def main() -> None:
    scores = attach_models(read_scores())
    points = build_points(scores)
    write_source_tables(NAME, build_family(scores), points, build_metrics(scores), paper_rows=PAPER_ROWS)
    print(
        f"{len(points)} scores in {points['metric'].nunique()} metrics; "
        f"{int(points['flops'].notna().sum())} with compute, {int(points['params'].isna().sum())} without parameters"
    )


if __name__ == "__main__":
    main()
