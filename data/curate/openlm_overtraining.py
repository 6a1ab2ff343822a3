"""Curate Gadre et al. 2024 (arXiv 2403.08540): 104 OpenLM runs trained past compute-optimal.

Source: the authors' release github.com/mlfoundations/scaling, folder `exp_data/`:
  - models/<run>.json      N (with / without embeddings), D, and 8 validation losses per run
  - evals/evaluation_<run>_heavy.json   46 downstream accuracies (LLM Foundry ICL suite)
  - eval_metadata.csv      task category, task type, number of shots, random baseline (percent)

One family per (training dataset, token multiplier M = D / N), i.e. one scaling curve as the
paper draws them. The release stores M / 20 as `chinchilla_multiplier`, so M = 20 x that value.

Left out on purpose (see the report / family descriptions):
  - `grid.json` is the authors' hyper-parameter sweep (config string -> loss), not a run list;
  - `heavy.yaml` is the LLM Foundry evaluation config (tasks and shots), not a fit/hold-out split;
  - the paper's aggregate "average top-1 error" (46-task and 17-task) is computed by the authors'
    code, not stored in the release, so it is not curated here (the app can compute it);
  - the `*_centered` aggregates present in only the three 6.9B eval files are not the paper's
    aggregate and exist for 3 of 104 runs only.

Run: cd /work/main && python -m data.curate.openlm_overtraining
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from data.curate._common import sources_dir, write_table
from lib.schema import DATA_DIR, FAMILIES, METRICS, PAPERS, POINTS

NAME = "openlm_overtraining"
PAPER_ID = "gadre2024"
SOURCE_ID = "mlfoundations+scaling"
EXP_DATA = "exp_data"  # folder inside the source repository

# Training datasets as the release names them -> (id fragment, readable name).
DATASETS = {
    "c4_original": ("c4", "C4"),
    "rpj": ("rpj", "RedPajama"),
    "rw_original": ("rw", "RefinedWeb"),
}

# OpenLM model configs -> the size label the paper uses. Explicit, because rounding the
# released parameter count would give 0.412B for the model the paper calls 0.411B.
MODEL_LABELS = {
    "d=96_l=8_h=4": "0.011b",
    "d=512_l=8_h=4": "0.079b",
    "d=576_l=24_h=8": "0.154b",
    "d=1024_l=24_h=8": "0.411b",
    "open_lm_1b": "1.4b",
    "open_lm_7b": "6.9b",
}

# Validation sets, keyed by the folder (or file stem for de-en) of `results[i].val_data[0]`.
# Token counts are what every model json reports for that set (checked in the tests).
VAL_SETS = {
    "openlm": (
        "val_loss_openlm_eval",
        "Val loss: OpenLM eval",
        "the small 'OpenLM eval' set (val_tok_mult/openlm shard; 120 sequences, 245,760 tokens); "
        "its composition is not documented in the released files",
    ),
    "c4_val": (
        "val_loss_c4_eval",
        "Val loss: C4 eval",
        "the 'C4 eval' set (c4_val shards 0-10; 84,999 sequences, 174,077,952 tokens); this is the "
        "loss the paper's default scaling-law fits use (Table 2 defaults)",
    ),
    "paloma_c4_en": (
        "val_loss_paloma_c4_en",
        "Val loss: Paloma C4 (en)",
        "the C4 English split of the Paloma benchmark (491 sequences, 1,005,568 tokens)",
    ),
    "paloma_dolma_100_programing_languages": (
        "val_loss_paloma_100_programming_languages",
        "Val loss: Paloma 100 programming languages",
        "the Dolma 100-programming-languages (code) split of Paloma (4,900 sequences, 10,035,200 tokens)",
    ),
    "paloma_falcon-refinedweb": (
        "val_loss_paloma_refinedweb",
        "Val loss: Paloma RefinedWeb",
        "the Falcon RefinedWeb split of Paloma (492 sequences, 1,007,616 tokens)",
    ),
    "paloma_ptb": (
        "val_loss_paloma_ptb",
        "Val loss: Paloma Penn Treebank",
        "the Penn Treebank split of Paloma (44 sequences, 90,112 tokens)",
    ),
    "paloma_redpajama": (
        "val_loss_paloma_redpajama",
        "Val loss: Paloma RedPajama",
        "the RedPajama split of Paloma (343 sequences, 702,464 tokens)",
    ),
    "val_de-en_100": (
        "val_loss_c4_german",
        "Val loss: C4 German eval",
        "the 'C4 German eval' set (val_de-en_100.tar; 512 sequences, 1,048,576 tokens), German text "
        "the English-trained models were not trained for",
    ),
}

# The 17 tasks of the paper's "17-task split" (authors' scaling/constants.py, SUBSET).
# Only used to say in each metric's description whether the task is in that aggregate.
PAPER_17_TASK_SUBSET = {
    "bigbench_operators", "pubmed_qa_labeled", "hellaswag_zeroshot", "boolq", "arc_easy", "coqa",
    "bigbench_dyck_languages", "lambada_openai", "bigbench_novel_concepts", "winograd",
    "bigbench_cs_algorithms", "commonsense_qa", "bigbench_qa_wikidata", "hellaswag", "copa",
    "squad", "piqa",
}

# Readable task names (the release only has ids). Tasks whose id already says "zeroshot"
# keep their shot count in the metric id instead, so the id has no duplicated suffix.
TASK_NAMES = {
    "agi_eval_lsat_ar": "AGIEval LSAT analytical reasoning",
    "agi_eval_lsat_lr": "AGIEval LSAT logical reasoning",
    "agi_eval_lsat_rc": "AGIEval LSAT reading comprehension",
    "agi_eval_sat_en": "AGIEval SAT English",
    "arc_challenge": "ARC-Challenge",
    "arc_easy": "ARC-Easy",
    "bbq": "BBQ (bias benchmark, 2-choice)",
    "bigbench_conceptual_combinations": "BIG-bench conceptual combinations",
    "bigbench_conlang_translation": "BIG-bench conlang translation",
    "bigbench_cs_algorithms": "BIG-bench CS algorithms",
    "bigbench_dyck_languages": "BIG-bench Dyck languages",
    "bigbench_elementary_math_qa": "BIG-bench elementary math QA",
    "bigbench_language_identification": "BIG-bench language identification",
    "bigbench_logical_deduction": "BIG-bench logical deduction",
    "bigbench_misconceptions": "BIG-bench misconceptions",
    "bigbench_novel_concepts": "BIG-bench novel concepts",
    "bigbench_operators": "BIG-bench operators",
    "bigbench_qa_wikidata": "BIG-bench QA Wikidata",
    "bigbench_repeat_copy_logic": "BIG-bench repeat copy logic",
    "bigbench_strange_stories": "BIG-bench strange stories",
    "bigbench_strategy_qa": "BIG-bench StrategyQA",
    "bigbench_understanding_fables": "BIG-bench understanding fables",
    "boolq": "BoolQ",
    "commonsense_qa": "CommonsenseQA",
    "copa": "COPA",
    "coqa": "CoQA",
    "enterprise_pii_classification": "Enterprise PII classification",
    "hellaswag": "HellaSwag",
    "hellaswag_zeroshot": "HellaSwag",
    "jeopardy": "Jeopardy",
    "lambada_openai": "LAMBADA (OpenAI)",
    "logi_qa": "LogiQA",
    "math_qa": "MathQA",
    "mmlu": "MMLU",
    "mmlu_zeroshot": "MMLU",
    "openbook_qa": "OpenBookQA",
    "piqa": "PIQA",
    "pubmed_qa_labeled": "PubMedQA (labeled)",
    "simple_arithmetic_nospaces": "Simple arithmetic, no spaces",
    "simple_arithmetic_withspaces": "Simple arithmetic, with spaces",
    "siqa": "Social IQa",
    "squad": "SQuAD",
    "winogender_mc_female": "WinoGender MC (female)",
    "winogender_mc_male": "WinoGender MC (male)",
    "winograd": "Winograd schema challenge",
    "winogrande": "WinoGrande",
}

# eval_metadata.csv gives ARC-Challenge the same #datapoints as ARC-Easy (2,376); we do not
# repeat a count that looks like a copy error.
SUSPECT_DATAPOINTS = {"arc_challenge"}

# Which runs the paper's default fits used (Table 2 defaults, as the authors' release
# reproduces them in scaling/shared.py `fit_ds` and scaling_explorer.ipynb):
#   loss law  L(N, M): 0.011B-0.411B at M = 20, plus 0.011B at M = 320  (5 runs per dataset)
#   error law Err(L): the same 5 runs plus the 1.4B run at M = 20        (6 runs)
# Everything else is the over-training testbed; the 6.9B M = 20 run and each dataset's
# over-trained 1.4B run are the extrapolation targets the paper predicts.
FIT_LOSS_RUNS = {(label, 20) for label in ("0.011b", "0.079b", "0.154b", "0.411b")} | {("0.011b", 320)}
FIT_ERROR_ONLY_RUNS = {("1.4b", 20)}


def token_multiplier(chinchilla_multiplier: float) -> int:
    """M = D / N; the release stores M / 20 (1.0 = 20 tokens per parameter)."""
    return int(round(20 * float(chinchilla_multiplier)))


def family_id(dataset: str, multiplier: int) -> str:
    return f"openlm_{DATASETS[dataset][0]}_m{multiplier}"


def run_id(model: str, dataset: str, multiplier: int) -> str:
    return f"openlm-{MODEL_LABELS[model]}-{DATASETS[dataset][0]}-m{multiplier}"


def val_set_key(val_data_path: str) -> str:
    """The folder that names a validation set; the German set is named by its file stem."""
    parts = val_data_path.split("/")
    if "de-en" in parts[-2]:
        return parts[-1].split(".")[0]
    return parts[-2]


def load_runs(exp_dir: Path) -> list[dict]:
    """One dict per model json: the run's identity, N, N without embeddings, D."""
    runs = []
    for path in sorted((exp_dir / "models").glob("*.json")):
        data = json.loads(path.read_text())
        hyper = data["hyperparameters"]
        model = hyper["model"].split("/")[-1].removesuffix(".json")
        multiplier = token_multiplier(hyper["chinchilla_multiplier"])
        runs.append(
            {
                "name": data["name"],
                "dataset": data["dataset_name"],
                "model": model,
                "multiplier": multiplier,
                "params": int(hyper["params"]),
                "params_non_embedding": int(hyper["params_no_embed"]),
                "tokens": int(hyper["tokens"]),
                "model_file": f"{EXP_DATA}/models/{path.name}",
                "results": data["results"],
            }
        )
    return runs


def run_columns(run: dict) -> dict:
    """The columns every point of a run shares."""
    return {
        "family_id": family_id(run["dataset"], run["multiplier"]),
        "run_id": run_id(run["model"], run["dataset"], run["multiplier"]),
        "params": run["params"],
        "params_non_embedding": run["params_non_embedding"],
        "tokens": run["tokens"],
        # The paper's C = 6ND uses exactly these N and D, so the store's own 6ND equals it.
        "flops": None,
        "flops_method": None,
        "step": None,  # final checkpoints only
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "extraction": "released_data",
    }


def loss_points(run: dict) -> list[dict]:
    """Every validation loss in the model json, one metric per validation set."""
    points = []
    for index, result in enumerate(run["results"]):
        key = val_set_key(result["val_data"][0])
        metric = VAL_SETS[key][0]  # an unknown set is a KeyError: new data needs a declaration
        points.append(
            run_columns(run)
            | {
                "metric": metric,
                "value": float(result["loss"]),
                "source_file": run["model_file"],
                "source_locator": f"results[{index}].loss (val_data {key}); N, D: hyperparameters.params/params_no_embed/tokens",
            }
        )
    return points


# LLM Foundry scores tasks differently from lm-eval-harness (prompting, normalisation), so the
# same task and shot count from the two harnesses are different metrics; the suffix keeps them
# apart (e.g. Pythia's harness-based acc_lambada_openai_0shot). Set to "" to share ids.
EVAL_SUITE_SUFFIX = "_llmfoundry"


def accuracy_metric_id(task: str, shots: int) -> str:
    """acc_<task>_<k>shot_llmfoundry; 'hellaswag_zeroshot' becomes acc_hellaswag_0shot_..."""
    base = task.removesuffix("_zeroshot")
    return f"acc_{base}_{shots}shot{EVAL_SUITE_SUFFIX}"


def accuracy_points(run: dict, exp_dir: Path, metadata: pd.DataFrame) -> list[dict]:
    """Every downstream task in the run's eval json, as an accuracy fraction."""
    eval_name = f"evaluation_{run['name']}_heavy.json"
    scores = json.loads((exp_dir / "evals" / eval_name).read_text())["eval_metrics"]["icl"]
    points = []
    for task, value in scores.items():
        shots = int(metadata.loc[task, "#shots"])
        points.append(
            run_columns(run)
            | {
                "metric": accuracy_metric_id(task, shots),
                "value": float(value),  # already a fraction in the release
                "source_file": f"{EXP_DATA}/evals/{eval_name}",
                "source_locator": f"eval_metrics.icl.{task}; N, D from {run['model_file']} hyperparameters",
            }
        )
    return points


def load_eval_metadata(exp_dir: Path) -> pd.DataFrame:
    return pd.read_csv(exp_dir / "eval_metadata.csv").set_index("Eval Task")


def build_points(runs: list[dict], exp_dir: Path, metadata: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for run in runs:
        rows += loss_points(run)
        rows += accuracy_points(run, exp_dir, metadata)
    return pd.DataFrame(rows)


def loss_metrics() -> list[dict]:
    return [
        {
            "metric": metric,
            "name": name,
            "kind": "loss",
            "higher_is_better": False,
            "min_value": 0,
            "max_value": 20,
            "unit": "nats/token",
            "description": (
                f"Gadre et al. 2024 (OpenLM): mean next-token cross-entropy in nats of the final "
                f"checkpoint on {what}, as reported by open_lm's evaluation (`loss` in the model json; "
                "the json also has 95% bounds, not curated). Sequences of 2,048 tokens."
            ),
        }
        for metric, name, what in VAL_SETS.values()
    ]


def accuracy_metrics(tasks: list[str], metadata: pd.DataFrame) -> list[dict]:
    rows = []
    for task in tasks:
        meta = metadata.loc[task]
        shots = int(meta["#shots"])
        baseline_percent = float(meta["Random baseline"])
        datapoints = "" if task in SUSPECT_DATAPOINTS else f" {int(meta['#datapoints']):,} examples;"
        in_subset = "yes" if task in PAPER_17_TASK_SUBSET else "no"
        rows.append(
            {
                "metric": accuracy_metric_id(task, shots),
                "name": f"{TASK_NAMES[task]} ({shots}-shot) accuracy",
                "kind": "accuracy",
                "higher_is_better": True,
                "min_value": 0,
                "max_value": 1,
                "chance": baseline_percent / 100,
                "unit": "fraction",
                "description": (
                    f"Gadre et al. 2024 (OpenLM): {TASK_NAMES[task]}, {shots}-shot, scored by the "
                    f"MosaicML LLM Foundry in-context-learning evaluator (task '{task}', type "
                    f"'{meta['Task Type']}', category '{meta['Task Category']}');{datapoints} accuracy "
                    "as a fraction (the release stores fractions). Random baseline "
                    f"{baseline_percent / 100:g} (eval_metadata.csv: {baseline_percent:g}%). "
                    f"In the paper's 17-task average: {in_subset}. Not lm-eval-harness: values are "
                    "not directly comparable with harness scores of the same task."
                ),
            }
        )
    return rows


def fit_role_note(dataset: str, multiplier: int, runs: list[dict]) -> str:
    """Say which runs of this family the paper's default fits used and which it predicted."""
    labels = {MODEL_LABELS[r["model"]] for r in runs}
    notes = []
    fit_loss = sorted(label for label in labels if (label, multiplier) in FIT_LOSS_RUNS)
    if fit_loss:
        notes.append(
            "Runs used to FIT the paper's default loss law L(N, M) (and its loss-to-error law): "
            + ", ".join(f"{label.upper()}" for label in fit_loss)
            + "."
        )
    if any((label, multiplier) in FIT_ERROR_ONLY_RUNS for label in labels):
        notes.append("The 1.4B run is added to the fitting set of the loss-to-error law only.")
    if "6.9b" in labels:
        notes.append("The 6.9B run is a HELD-OUT extrapolation target (predicted, not fitted).")
    if "1.4b" in labels and multiplier != 20:
        notes.append("The 1.4B run is this dataset's HELD-OUT over-trained extrapolation target.")
    if not notes:
        notes.append("No run of this family is in the paper's default fitting set.")
    return " ".join(notes)


def build_families(runs: list[dict]) -> pd.DataFrame:
    rows = []
    by_family: dict[tuple[str, int], list[dict]] = {}
    for run in runs:
        by_family.setdefault((run["dataset"], run["multiplier"]), []).append(run)
    for (dataset, multiplier), members in sorted(by_family.items()):
        readable = DATASETS[dataset][1]
        sizes = ", ".join(
            MODEL_LABELS[r["model"]].upper() for r in sorted(members, key=lambda r: r["params"])
        )
        rows.append(
            {
                "family_id": family_id(dataset, multiplier),
                "name": f"OpenLM on {readable}, M={multiplier} (Gadre et al. 2024)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": (
                    "OpenLM decoder-only transformer (qk-norm, z-loss 1e-4, gain-only LayerNorm); "
                    "configs d=96/l=8/h=4 (0.011B), d=512/l=8/h=4 (0.079B), d=576/l=24/h=8 (0.154B), "
                    "d=1024/l=24/h=8 (0.411B), open_lm_1b (1.4B), open_lm_7b (6.9B)"
                ),
                "training_data": f"{readable} ({dataset} in the release)",
                "param_convention": "with_embeddings",
                "flops_convention": (
                    "The paper and its released code use C = 6ND with N = parameters including "
                    "embeddings (`params`) and D = training tokens; flops is left empty here so the "
                    "store's 6ND (params x tokens) reproduces exactly the paper's C."
                ),
                "data_unit": "tokens",
                "description": (
                    f"Final checkpoints of OpenLM models ({sizes}) trained on {readable} with token "
                    f"multiplier M = D/N = {multiplier} (D = {multiplier} x N with N including "
                    "embeddings; the release stores M/20 as chinchilla_multiplier). M = 20 is "
                    "compute-optimal in the paper's sense; larger M is over-training. Points: 8 "
                    "validation losses (the paper's default is val_loss_c4_eval) and 46 LLM Foundry "
                    "downstream accuracies per run. "
                    + fit_role_note(dataset, multiplier, members)
                    + " The paper's average top-1 error is not stored in the release and is not "
                    "included. Hyper-parameters differ by size (warmup, batch size; the 6.9B runs "
                    "use lr 3e-4 and weight decay 0.33 instead of 3e-3 and 0.033), so the largest "
                    "models are not strictly the same recipe."
                ),
            }
        )
    return pd.DataFrame(rows)


def build_paper() -> pd.DataFrame:
    row = {
        "paper_id": PAPER_ID,
        "title": "Language models scale reliably with over-training and on downstream tasks",
        "authors": "Samir Yitzhak Gadre, Georgios Smyrnis, Vaishaal Shankar, et al.",
        "year": 2024,
        "arxiv_id": "2403.08540",
        "venue": "ICLR 2025",
        "url": "https://arxiv.org/abs/2403.08540",
        "covers": (
            "104 OpenLM models (0.011B-6.9B parameters) trained on C4, RedPajama and RefinedWeb "
            "with token multipliers M = 5 to 640, with 8 validation losses and 46 downstream "
            "task accuracies each."
        ),
    }
    return pd.DataFrame([row], columns=list(PAPERS.columns))


def write_paper_staging(frame: pd.DataFrame) -> Path:
    """Paper rows go to data/_staging/ (the lead merges them into papers.csv)."""
    path = DATA_DIR / "_staging" / f"papers_{NAME}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def tasks_evaluated(points: pd.DataFrame, metadata: pd.DataFrame) -> list[str]:
    """The tasks the eval jsons hold (eval_metadata.csv also lists 5 tasks that were not run)."""
    used = set(points["metric"])
    return sorted(task for task in metadata.index if accuracy_metric_id(task, int(metadata.loc[task, "#shots"])) in used)


def main() -> None:
    exp_dir = sources_dir() / SOURCE_ID / EXP_DATA
    metadata = load_eval_metadata(exp_dir)
    runs = load_runs(exp_dir)
    points = build_points(runs, exp_dir, metadata)
    tasks = tasks_evaluated(points, metadata)
    metrics = pd.DataFrame(loss_metrics() + accuracy_metrics(tasks, metadata))
    families = build_families(runs)

    undeclared = set(points["metric"]) - set(metrics["metric"])
    if undeclared:
        raise ValueError(f"metrics used but not declared: {sorted(undeclared)}")
    duplicated = points.duplicated(["family_id", "run_id", "step", "metric"])
    if duplicated.any():
        raise ValueError(f"duplicate point keys:\n{points[duplicated]}")

    for frame, table in ((families, FAMILIES), (metrics, METRICS), (points, POINTS)):
        print(write_table(frame, table, NAME), len(frame))
    print(write_paper_staging(build_paper()), 1)


if __name__ == "__main__":
    main()
