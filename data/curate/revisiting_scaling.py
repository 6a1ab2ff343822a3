"""Curate the learning-curve benchmark of Alabdulmohsin, Neyshabur & Zhai 2022, *Revisiting Neural
Scaling Laws in Language and Vision* (2209.06640, NeurIPS 2022).

Source: google-research+google-research, `revisiting_neural_scaling_laws/data/`:
  - `benchmark.vision.csv` (18,883 rows): image classification (IC), 6 upstream models x 12
    n-shot tasks; `Loss` = n-shot error rate (fraction) vs upstream images seen;
  - `benchmark.lang.csv` (1,399 rows): NMT log-perplexity (5 architectures), LM "log-loss"
    (5 decoder-only sizes), BIG-bench (10 task x shot curves of one 262M model).
Columns `Domain, Task, Model, Seen Examples, Loss, Training`; `Seen Examples` = batch size x
steps (images for IC, training examples for NMT, tokens for LM and BIG-bench) per the release
README, which also gives the parameter counts used here.

Layout: one family per (domain, model), so a learning curve is a (family, metric) pair; one
metric per task. No step is released, so each checkpoint is its own run
(`<model> @ <seen examples>`, step empty). `Training` (1 = part the paper's estimators are fitted
on, 0 = extrapolation target) is the run input `used_for_fit`; it is constant per (model, seen
examples) across tasks, which the script checks.

Traps:
  - `benchmark.lang.csv` repeats 687 rows exactly (the LM curves); they are dropped. Some curves
    hold an early point out of order: points are sorted by `Seen Examples`.
  - The LM "log-loss" is not in nats: the paper rescales each model's validation loss to the
    unit interval [0, 1] (Sec. 5.3; every curve starts at 0.999). Kept under its own metric.
  - BIG-bench uses the task's preferred metric, multiple-choice grade or exact string match
    (Sec. 5.4), yet the released values fall with training: the transform is not stated, so the
    metric is defined as released.
  - README parameter counts are rounded (32M, 110M, ...); NMT models are all "300M".
  - No compute column: flops stay empty.

Run: cd /work/main && python -m data.curate.revisiting_scaling
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "revisiting_scaling"
PAPER_ID = "alabdulmohsin2022"
SOURCE_ID = "google-research+google-research"
DATA_DIR = "revisiting_neural_scaling_laws/data"
README = "revisiting_neural_scaling_laws/README.md"

# Release README, "Model" table: parameter counts as it prints them.
README_PARAMS = {
    "ViT/S/16": 32e6,
    "ViT/B/16": 110e6,
    "BiT/50/1": 61e6,
    "BiT/101/3": 494e6,
    "MiX/B/16": 73e6,
    "MiX/L/16": 226e6,
    "NMT": 300e6,
    "BB": 262e6,
}
IC_DATASETS = {"bird": "Birds", "c": "CIFAR-100", "cal": "Caltech101", "inet": "ImageNet (ILSVRC-2012)"}
IC_ARCHITECTURES = {"ViT": "Vision Transformer", "BiT": "Big-Transfer ResNet (BiT)", "MiX": "MLP-Mixer"}
BB_TASKS = {
    "date": "date_understanding",
    "ling": "linguistic_mappings",
    "qa": "qa_wikidata",
    "mult": "mult_data_wrangling",
    "unit": "unit_conversion",
}
DATA_UNIT = {"IC": "samples", "NMT": "examples", "LM": "tokens", "BB": "tokens"}


def read_release(kind: str) -> pd.DataFrame:
    """One benchmark file with its file line per row; exact duplicate rows keep their first line."""
    source_file = f"{DATA_DIR}/benchmark.{kind}.csv"
    raw = pd.read_csv(sources_dir() / SOURCE_ID / source_file)
    raw["source_file"] = source_file
    raw["line"] = raw.index + 2  # line 1 is the header
    data_columns = ["Domain", "Task", "Model", "Seen Examples", "Loss", "Training"]
    return raw.drop_duplicates(subset=data_columns).reset_index(drop=True)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def family_id(domain: str, model: str) -> str:
    return f"alabdulmohsin2022_{domain.lower()}_{slug(model)}"


def bb_task(task: str) -> tuple[str, int]:
    """("('date', '1-shot')") -> ("date_understanding", 1)."""
    short, shots = re.fullmatch(r"\('(\w+)', '(\d)-shot'\)", task).groups()
    return BB_TASKS[short], int(shots)


def metric_id(domain: str, task: str) -> str:
    if domain == "IC":
        return f"nshot_error_{task}"
    if domain == "BB":
        name, shots = bb_task(task)
        return f"bigbench_{name}_{shots}shot_as_released"
    return {"NMT": "nmt_log_perplexity_revisiting", "LM": "lm_log_loss_rescaled_revisiting"}[domain]


def params_of(domain: str, model: str) -> float:
    if domain == "LM":
        return float(model)  # the model label is the parameter count (README: 1.68e+07 = 17M, ...)
    return README_PARAMS[model] if domain == "IC" else README_PARAMS[domain]


def curated_rows(raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw.assign(
        family_id=[family_id(d, m) for d, m in zip(raw["Domain"], raw["Model"])],
        run_id=[f"{m} @ {s:.0f}" for m, s in zip(raw["Model"], raw["Seen Examples"])],
        metric=[metric_id(d, t) for d, t in zip(raw["Domain"], raw["Task"])],
        params=[params_of(d, m) for d, m in zip(raw["Domain"], raw["Model"])],
    )
    if frame.groupby(["family_id", "run_id"])["Training"].nunique().gt(1).any():
        raise ValueError("Training differs between tasks of one checkpoint: it cannot be a run input")
    return frame.sort_values(["family_id", "metric", "Seen Examples"], kind="stable")


def whole_counts(values: pd.Series) -> pd.Series:
    """Counts written without a trailing '.0'; a fractional count would be a reading error."""
    if (values % 1 != 0).any():
        raise ValueError(f"non-integer counts in {values.name}")
    return values.astype("Int64")


def build_points(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": rows["family_id"],
            "run_id": rows["run_id"],
            "params": whole_counts(rows["params"]),
            "tokens": whole_counts(rows["Seen Examples"]),
            "metric": rows["metric"],
            "value": rows["Loss"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": rows["source_file"],
            "source_locator": [
                f"line {line} ({domain}, {task}, {model}, Seen Examples {seen:.0f}, Training {training})"
                for line, domain, task, model, seen, training in zip(
                    rows["line"], rows["Domain"], rows["Task"], rows["Model"], rows["Seen Examples"], rows["Training"]
                )
            ],
            "extraction": "released_data",
        }
    )


def build_run_inputs(rows: pd.DataFrame) -> pd.DataFrame:
    first = rows.drop_duplicates(["family_id", "run_id"])
    return pd.DataFrame(
        {
            "family_id": first["family_id"],
            "run_id": first["run_id"],
            "input": "used_for_fit",
            "value": first["Training"],
            "unit": "flag",
            "description": "the release's Training column: 1 = part of the learning curve the scaling-law "
            "estimators are fitted on, 0 = held-out extrapolation target (larger seen examples)",
            "source_file": first["source_file"],
            "source_locator": [f"line {line}, column Training" for line in first["line"]],
        }
    )


def ic_family(model: str, group: pd.DataFrame) -> dict:
    return {
        "name": f"{model} upstream learning curve, n-shot error on 4 datasets (Alabdulmohsin 2022)",
        "architecture": f"{IC_ARCHITECTURES[model.split('/')[0]]} {model}",
        "training_data": "JFT-300M (upstream pre-training; paper Sec. 5.1)",
        "detail": f"{model} ({params_of('IC', model):.3g} parameters per the release README and the paper's "
        "Table 1, rounded) pre-trained on JFT-300M: n-shot error rate (5/10/25-shot on Birds, CIFAR-100, "
        "Caltech101, ImageNet; one metric per task) as upstream pre-training proceeds. tokens = upstream "
        "IMAGES seen (batch size x steps); the paper (Sec. 5.1) uses the examples seen before downstream "
        "performance peaks ('bootstrapped examples').",
    }


def lang_family(domain: str, model: str, group: pd.DataFrame) -> dict:
    if domain == "NMT":
        return {
            "name": f"NMT {model}: log-perplexity vs training examples (Alabdulmohsin 2022)",
            "architecture": f"{model} (Bansal et al. 2022 NMT architecture, 300M parameters per the README)",
            "training_data": "NMT sentence pairs (the setup of Bansal et al. 2022; paper Sec. 5.2)",
            "detail": "Neural machine translation learning curve: log-perplexity on a hold-out set vs training "
            "sentence pairs seen (the tokens column holds sentence pairs, not tokens). Trained with per-token "
            "cross-entropy, Adafactor, batches of 500K tokens (Sec. 5.2); the paper fits up to 256M pairs and "
            "extrapolates to 512M. params = 300M, the README's rounded count for all five.",
        }
    if domain == "LM":
        return {
            "name": f"LM {float(model):.3g} params: rescaled log-loss vs tokens (Alabdulmohsin 2022)",
            "architecture": "decoder-only Transformer (LaMDA architecture, Thoppilan et al. 2022)",
            "training_data": "language-model pre-training text (named in the paper, not in the release)",
            "detail": "Language-model learning curve: validation loss vs tokens seen, RESCALED by the authors "
            "to the unit interval [0, 1] within each model (paper Sec. 5.3; every curve starts at 0.999), so "
            "not nats per token: do not compare it with other families' losses or across sizes. params = the "
            "model label (a parameter count).",
        }
    return {
        "name": "BIG-bench 1/2-shot curves of a 262M decoder-only LM (Alabdulmohsin 2022)",
        "architecture": "decoder-only Transformer, 262M parameters (LaMDA architecture, Thoppilan et al. 2022)",
        "training_data": "language-model pre-training text (named in the paper, not in the release)",
        "detail": "BIG-bench learning curves of one 262M model pre-trained on language modeling (Sec. 5.4): "
        "5 tasks (date_understanding, linguistic_mappings, qa_wikidata, mult_data_wrangling, "
        "unit_conversion) x 1- and 2-shot, one metric each, vs pre-training tokens seen. The paper uses each "
        "task's preferred metric (multiple-choice grade or exact string match); the released values fall "
        "with training, so they are an error-like transform of it, which neither the paper nor the release "
        "states.",
    }


def build_families(rows: pd.DataFrame) -> pd.DataFrame:
    families = []
    for (fid, domain, model), group in rows.groupby(["family_id", "Domain", "Model"]):
        spec = ic_family(model, group) if domain == "IC" else lang_family(domain, model, group)
        fitted = int((group.drop_duplicates("run_id")["Training"] == 1).sum())
        families.append(
            {
                "family_id": fid,
                "name": spec["name"],
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "vision" if domain == "IC" else "language",
                "architecture": spec["architecture"],
                "training_data": spec["training_data"],
                "param_convention": "unknown",
                "flops_convention": "No compute in the release: flops left empty.",
                "data_unit": DATA_UNIT[domain],
                "description": spec["detail"] + f" {group['run_id'].nunique()} checkpoints; no training step is "
                "released, so each checkpoint is its own run '<model> @ <seen examples>' (step empty) and a "
                "learning curve is this family with one metric, ordered by tokens. The run input used_for_fit "
                f"is the release's Training flag: 1 for the {fitted} checkpoints the paper's estimators are "
                "fitted on, 0 for the extrapolation targets beyond them (the cut-off differs from task to task). "
                "Parameter counts are the "
                f"release README's ({README}); the paper's counting convention is not stated there.",
            }
        )
    return pd.DataFrame(families)


def metric_row(metric: str, domain: str, task: str) -> dict:
    release = "Alabdulmohsin et al. 2022 benchmark release, column Loss"
    if domain == "IC":
        dataset, shots = task.rsplit("_", 1)
        return dict(
            metric=metric,
            name=f"{IC_DATASETS[dataset]} {shots}-shot error",
            kind="error",
            higher_is_better=False,
            min_value=0.0,
            max_value=1.0,
            unit="fraction",
            description=f"{release} (task {task}): {shots}-shot classification error rate (fraction) on "
            f"{IC_DATASETS[dataset]} of the upstream-pretrained model at that point of pre-training, "
            f"{shots} training images per class; the release calls it 'n-shot error rate'.",
        )
    if domain == "NMT":
        return dict(
            metric=metric,
            name="NMT log-perplexity (Alabdulmohsin 2022 benchmark)",
            kind="loss",
            higher_is_better=False,
            min_value=0.0,
            max_value=20.0,
            unit="log-perplexity as released",
            description=f"{release} (task log_perplexity): log-perplexity on a hold-out data set of models "
            "trained with per-token cross-entropy (paper Sec. 5.2, release README); the log base is not "
            "stated.",
        )
    if domain == "LM":
        return dict(
            metric=metric,
            name="LM log-loss, rescaled as released (Alabdulmohsin 2022)",
            kind="loss",
            higher_is_better=False,
            min_value=0.0,
            max_value=2.0,
            unit="rescaled to [0, 1] per model (not nats)",
            description=f"{release} (task val_loss): next-token validation loss of the LaMDA-architecture models, "
            "rescaled by the authors to the unit interval [0, 1] in each model (paper Sec. 5.3: 'In each "
            "model, we rescale validation loss to the unit interval'); every curve starts at 0.999. The "
            "rescaling constants are not released, so values are comparable within one model's curve only, "
            "never with nats per token.",
        )
    name, shots = bb_task(task)
    return dict(
        metric=metric,
        name=f"BIG-bench {name}, {shots}-shot (as released)",
        kind="other",
        higher_is_better=False,
        min_value=0.0,
        max_value=1.0,
        unit="as released",
        description=f"{release} (task {task}): BIG-bench {name}, {shots}-shot, from the task's preferred "
        "metric (multiple-choice grade or exact string match, paper Sec. 5.4; README). The values fall as "
        "training proceeds, so this is an error-like transform of that metric (lower is better); the "
        "transform is stated neither in the paper nor in the release.",
    )


def build_metrics(rows: pd.DataFrame) -> pd.DataFrame:
    pairs = rows.drop_duplicates("metric")
    return pd.DataFrame([metric_row(m, d, t) for m, d, t in zip(pairs["metric"], pairs["Domain"], pairs["Task"])])


def main() -> None:
    rows = curated_rows(pd.concat([read_release("vision"), read_release("lang")], ignore_index=True))
    write_source_tables(NAME, build_families(rows), build_points(rows), build_metrics(rows), build_run_inputs(rows))


if __name__ == "__main__":
    main()
