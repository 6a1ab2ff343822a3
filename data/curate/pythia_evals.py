"""Curate the Pythia lm-eval-harness results (EleutherAI/pythia, evals/pythia-v1/**.json).

Biderman et al. 2023 (arXiv 2304.01373) released one JSON per (model, checkpoint, shot setting).
Each file holds `results[task][metric]` and a `config` with `num_fewshot` and the evaluated
Hugging Face repo / revision. We keep the eight benchmarks the paper reports (Appendix "Evaluations")
with accuracy, length-normalised accuracy and LAMBADA perplexity; MMLU (hendrycksTest-*) subtasks,
CrowS-Pairs and all *_stderr fields are left out (see the family descriptions).

Run: cd /work/main && python -m data.curate.pythia_evals
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from data.curate._common import sources_dir, write_table
from lib.schema import FAMILIES, METRICS, PAPERS, POINTS

NAME = "pythia_evals"
PAPER_ID = "biderman2023"
SOURCE_ID = "EleutherAI+pythia"
EVALS_DIR = "evals/pythia-v1"
PAPERS_STAGING = "_staging/papers_openclip_pythia"

# Paper Section 2.4: "a batch size of 1024 samples with a sequence length of 2048 (2,097,152 tokens)".
STANDARD_TOKENS_PER_STEP = 1024 * 2048

# Batch-size variants are not described in the paper. Their names give the batch in tokens
# (0.25M / 0.5M / 1M), and their last released steps (1,144,000 / 572,000 / 286,000) times
# 2,097,152 x (label / 2M) all equal the paper's 299,892,736,000 training tokens, which fixes
# the exact tokens per step as 2,097,152 / 8, / 4 and / 2.
BATCH_VARIANT_TOKENS_PER_STEP = {
    "0.25MtokBS": STANDARD_TOKENS_PER_STEP // 8,
    "0.5MtokBS": STANDARD_TOKENS_PER_STEP // 4,
    "1MtokBS": STANDARD_TOKENS_PER_STEP // 2,
}

# Paper Table 1, "Non-Embedding Params" column, keyed by the size label used in model names.
# The paper gives no exact *total* parameter counts (names are totals rounded to 2 significant
# figures), so `params` stays empty.
NON_EMBEDDING_PARAMS = {
    "70m": 18_915_328,
    "160m": 85_056_000,
    "410m": 302_311_424,
    "1b": 805_736_448,
    "1.4b": 1_208_602_624,
    "2.8b": 2_517_652_480,
    "6.9b": 6_444_163_072,
    "12b": 11_327_027_200,
}

# The eight benchmarks of the paper's evaluation appendix, with a readable name for metric text.
TASKS = {
    "arc_challenge": "ARC-Challenge",
    "arc_easy": "ARC-Easy",
    "lambada_openai": "LAMBADA (OpenAI version)",
    "logiqa": "LogiQA",
    "piqa": "PIQA",
    "sciq": "SciQ",
    "winogrande": "WinoGrande",
    "wsc": "WSC",
}
# lm-eval-harness field -> metric id prefix.
FIELDS = {"acc": "acc", "acc_norm": "acc_norm", "ppl": "ppl"}

PYTHIA_ARCH = "decoder-only Transformer (GPT-NeoX: parallel attention+MLP, rotary, untied embeddings)"
FLOPS_CONVENTION = (
    "The paper reports no FLOPs (only A100-hours, Appendix Table 5); flops is left empty. "
    "Only non-embedding parameters are known exactly (paper Table 1), so any 6ND estimate must use "
    "params_non_embedding."
)
TABLE1_NOTE = (
    "params_non_embedding is transcribed from the paper's Table 1 (Non-Embedding Params); the paper "
    "gives no exact total parameter counts (model names are totals rounded to 2 significant figures), "
    "so params is empty."
)
EVAL_NOTE = (
    "Values are lm-eval-harness results released in evals/pythia-v1 (one JSON per checkpoint and shot "
    "setting; the shot count is taken from each file's config.num_fewshot). Kept: the paper's eight "
    "benchmarks (ARC-Challenge/Easy, LAMBADA-OpenAI, LogiQA, PIQA, SciQ, WinoGrande, WSC) as acc, "
    "acc_norm and LAMBADA perplexity; left out: MMLU subtasks, CrowS-Pairs and standard errors. No "
    "subsampling: every released checkpoint is kept."
)


def size_label(run_id: str) -> str:
    """'pythia-1.4b-deduped-intervention' -> '1.4b' (the size token right after 'pythia-')."""
    return run_id.split("-")[1]


def family_of(top_dir: str, sub_dir: str) -> str:
    """Which curve a result file belongs on, from its folder names."""
    if sub_dir in ("baseline", "intervention"):
        return "pythia_deduped_intervention"
    for label, family in (("0.25MtokBS", "pythia_bs_0p25m"), ("0.5MtokBS", "pythia_bs_0p5m"), ("1MtokBS", "pythia_bs_1m")):
        if top_dir.endswith(label):
            return family
    if top_dir.endswith("-bf16"):
        return "pythia_1b_bf16"
    return "pythia_deduped" if top_dir.endswith("-deduped") else "pythia"


def run_id_of(top_dir: str, sub_dir: str, file_name: str) -> str:
    """A readable run id; the gender-pronoun intervention arms get their own ids."""
    if sub_dir == "baseline":
        return f"{top_dir}-baseline"
    if sub_dir == "intervention":
        return f"{top_dir}-intervention-long" if "-long_" in file_name else f"{top_dir}-intervention"
    return top_dir


def tokens_per_step(top_dir: str) -> int:
    for label, per_step in BATCH_VARIANT_TOKENS_PER_STEP.items():
        if top_dir.endswith(label):
            return per_step
    return STANDARD_TOKENS_PER_STEP


def points_from_file(path: Path, root: Path) -> list[dict]:
    """All kept (task, field) values of one result file, as point rows."""
    relative = path.relative_to(root)
    parts = relative.parts  # evals, pythia-v1, <model dir>, [<sub dir>], <file>
    top_dir = parts[2]
    sub_dir = parts[3] if len(parts) == 5 else ""
    document = json.loads(path.read_text())
    shots = int(document["config"]["num_fewshot"])
    step = int(re.search(r"_step(\d+)\.json$", path.name).group(1))
    run_id = run_id_of(top_dir, sub_dir, path.name)
    base = {
        "family_id": family_of(top_dir, sub_dir),
        "run_id": run_id,
        "params_non_embedding": NON_EMBEDDING_PARAMS[size_label(run_id)],
        # Step 0 is the initialisation: 0 tokens seen, a known value (log axes leave it out and say so).
        "tokens": step * tokens_per_step(top_dir),
        "step": step,
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "source_file": relative.as_posix(),
        "extraction": "released_data",
    }
    rows = []
    for task in TASKS:
        values = document["results"].get(task, {})
        for field, prefix in FIELDS.items():
            if field in values:
                rows.append(
                    base
                    | {
                        "metric": f"{prefix}_{task}_{shots}shot",
                        "value": values[field],
                        "source_locator": f"results.{task}.{field}",
                    }
                )
    return rows


def curate_points(root: Path) -> pd.DataFrame:
    files = sorted((root / EVALS_DIR).rglob("*.json"))
    points = pd.DataFrame([row for path in files for row in points_from_file(path, root)])
    points["tokens"] = points["tokens"].astype("Int64")
    duplicated = points.duplicated(list(POINTS.key), keep=False)
    if duplicated.any():
        raise ValueError(f"duplicate point keys:\n{points[duplicated].head(20)}")
    return points


def metric_rows(points: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for metric in sorted(points["metric"].unique()):
        prefix, rest = ("acc_norm", metric[len("acc_norm_"):]) if metric.startswith("acc_norm_") else metric.split("_", 1)
        task, shots = rest.rsplit("_", 1)
        k = shots.removesuffix("shot")
        setting = f"{k}-shot lm-eval-harness (EleutherAI/pythia evals/pythia-v1)"
        if prefix == "ppl":
            rows.append({
                "metric": metric, "name": f"{TASKS[task]} perplexity, {k}-shot", "kind": "perplexity",
                "higher_is_better": False, "min_value": 1.0, "max_value": 1e10, "unit": "perplexity",
                "description": f"Perplexity of the final word on {TASKS[task]} ({setting}; field 'ppl'). "
                "Range is wide because randomly initialised checkpoints (step 0..4) reach ~7e8.",
            })
            continue
        normalised = prefix == "acc_norm"
        rows.append({
            "metric": metric,
            "name": f"{TASKS[task]} accuracy{' (length-normalised)' if normalised else ''}, {k}-shot",
            "kind": "accuracy", "higher_is_better": True, "min_value": 0.0, "max_value": 1.0, "unit": "fraction",
            "description": f"{'Byte-length-normalised multiple-choice' if normalised else 'Multiple-choice' if task != 'lambada_openai' else 'Last-word'} "
            f"accuracy on {TASKS[task]} ({setting}; field '{prefix}'), a fraction in [0, 1] as released.",
        })
    return pd.DataFrame(rows)


def family_rows() -> pd.DataFrame:
    common = {"paper_id": PAPER_ID, "source_id": SOURCE_ID, "domain": "language", "architecture": PYTHIA_ARCH,
              "param_convention": "non_embedding", "flops_convention": FLOPS_CONVENTION, "data_unit": "tokens"}
    step_note = "tokens = step x 2,097,152 (0 at step 0, the initialisation) (paper Sec. 2.4: 1024 sequences x 2048 tokens per step; 143,000 steps = 299,892,736,000 tokens)."
    families = [
        {"family_id": "pythia", "name": "Pythia (Pile)", "training_data": "The Pile (~1 epoch, 300B tokens)",
         "description": "Pythia v1 models trained on the standard Pile, evaluated at released checkpoints (step 0 to 143,000). "
         f"{step_note} {TABLE1_NOTE} The standard fp16 Pythia-1B is absent from the released evals (only pythia-1b-bf16, "
         f"its own family), so this curve has seven sizes. {EVAL_NOTE}"},
        {"family_id": "pythia_deduped", "name": "Pythia (deduplicated Pile)",
         "training_data": "The Pile after MinHashLSH near-deduplication (207B tokens; ~1.5 epochs over 300B tokens)",
         "description": "Pythia v1 models trained on the deduplicated Pile, all eight sizes. The second epoch starts at the 207B-token "
         f"mark (the paper's last measured step before it is 93,000). {step_note} {TABLE1_NOTE} {EVAL_NOTE}"},
        {"family_id": "pythia_1b_bf16", "name": "Pythia-1B bf16 (Pile)", "training_data": "The Pile (~1 epoch, 300B tokens)",
         "description": "The Pythia-1B model released as pythia-v1.1-1b-bf16 (by its name, trained in bfloat16 rather than the "
         f"fp16 of the paper's config table); not described in the paper. {step_note} {TABLE1_NOTE} Four files in its "
         "zero-shot folder are named '1b-bf16-5shot_step{128,256,512,1000}' but their config says num_fewshot = 0; "
         f"they are kept as 0-shot. {EVAL_NOTE}"},
        {"family_id": "pythia_deduped_intervention", "name": "Pythia-deduped gender-pronoun intervention",
         "training_data": "Deduplicated Pile; for the intervention runs, masculine pronouns swapped to feminine in the last 21B (7%) or 63B (21%, '-long') tokens",
         "description": "Paper Sec. 3.1 case study: 70M/410M/1.4B/6.9B deduped models resumed 21B tokens before the end with "
         "pronouns swapped (run '-intervention', evaluated at steps 134,000-143,000) and 1.4B resumed 63B tokens before the end "
         "('-intervention-long', steps 114,000-143,000). '-baseline' runs are the unmodified deduped models re-evaluated in the "
         "same campaign (their values differ slightly from the pythia_deduped evaluations of the same checkpoints). Many of these "
         "files hold only LAMBADA or only CrowS-Pairs/MMLU (left out). "
         f"{step_note} {TABLE1_NOTE} {EVAL_NOTE}"},
    ]
    variant_note = ("Batch-size variant released with the suite but not described in the paper; by name trained on the standard "
                    "Pile with the same architecture as the equally named suite model (params_non_embedding taken from Table 1 "
                    "for that size on this assumption). Tokens per step are inferred from the name and checked against the last "
                    "released step: last step x tokens per step = 299,892,736,000, the paper's total. Only 5-shot evaluations "
                    "were released.")
    for family_id, label, per_step, models in (
        ("pythia_bs_0p25m", "0.25M", BATCH_VARIANT_TOKENS_PER_STEP["0.25MtokBS"], "70M"),
        ("pythia_bs_0p5m", "0.5M", BATCH_VARIANT_TOKENS_PER_STEP["0.5MtokBS"], "160M, 410M, 1B"),
        ("pythia_bs_1m", "1M", BATCH_VARIANT_TOKENS_PER_STEP["1MtokBS"], "1.4B"),
    ):
        families.append({
            "family_id": family_id, "name": f"Pythia {label}-token batch ({models})",
            "training_data": "The Pile (by model name; ~300B tokens)",
            "description": f"{variant_note} tokens = step x {per_step:,} (empty at step 0). {TABLE1_NOTE} {EVAL_NOTE}",
        })
    return pd.DataFrame([common | family for family in families])


def upsert_paper_row(row: dict) -> None:
    """The staging papers file is shared by this helper's two scripts: replace only our row."""
    from lib.schema import DATA_DIR

    path = DATA_DIR / f"{PAPERS_STAGING}.csv"
    existing = pd.read_csv(path, dtype=str) if path.exists() else pd.DataFrame(columns=list(PAPERS.columns))
    others = existing[existing["paper_id"] != row["paper_id"]]
    write_table(pd.concat([others, pd.DataFrame([row])], ignore_index=True), PAPERS, PAPERS_STAGING)


PAPER_ROW = {
    "paper_id": PAPER_ID,
    "title": "Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling",
    "authors": "Stella Biderman, Hailey Schoelkopf, Quentin Anthony, et al.",
    "year": 2023,
    "arxiv_id": "2304.01373",
    "venue": "ICML 2023",
    "url": "https://arxiv.org/abs/2304.01373",
    "covers": "Sixteen GPT-NeoX models (70M-12B, Pile and deduplicated Pile) with lm-eval-harness "
    "zero- and five-shot benchmark scores at many training checkpoints.",
}


def main() -> None:
    root = sources_dir() / SOURCE_ID
    points = curate_points(root)
    print(write_table(points, POINTS, NAME), len(points), "points")
    print(write_table(metric_rows(points), METRICS, NAME))
    print(write_table(family_rows(), FAMILIES, NAME))
    upsert_paper_row(PAPER_ROW)


if __name__ == "__main__":
    main()
