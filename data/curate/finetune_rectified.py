"""Curate Lin et al. 2024, *Selecting Large Language Model to Fine-tune via Rectified Scaling Law*
(2402.02314, ICML 2024).

Source: linhaowei1+Fine-tuning-Scaling-Law, `benchmark/{flan,gigaword,wmt19}.csv` (30 rows each):
30 public pretrained models, each fine-tuned on nested subsets of 200 x 2^k = 200 ... 1,638,400
examples of FLAN (instruction tuning), Gigaword (summarisation) and WMT19 (translation), with the
test loss after fine-tuning. Wide format: one row per model (`config name` = Hugging Face id,
`family`, `size`), one column per subset size, plus column `0` = the pretrained model without
fine-tuning.

Traps:
  - The data axis counts fine-tuning *examples*, not tokens: the `tokens` column holds examples
    (family data_unit = examples). The release has no token or FLOP counts.
  - Column `0` is the pretrained model before fine-tuning. It is kept as run `<model> | no
    fine-tuning` with `tokens` empty (so fits on D leave it out, as the release's fitting code does).
  - `size` = total parameters including embeddings as Hugging Face counts them; the Switch
    Transformer sizes count all experts (their expert count, from the model id, is in `experts`).
  - Decoder-only and encoder-decoder models are mixed in one family per task.
  - The loss unit is not stated in the release (by magnitude a mean token cross-entropy in nats).

Run: cd /work/main && python -m data.curate.finetune_rectified
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "finetune_rectified"
PAPER_ID = "lin2024"
SOURCE_ID = "linhaowei1+Fine-tuning-Scaling-Law"
TASKS = {
    "flan": ("FLAN", "instruction tuning"),
    "gigaword": ("Gigaword", "summarisation"),
    "wmt19": ("WMT19", "translation"),
}
NO_FINETUNING = "0"

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Selecting Large Language Model to Fine-tune via Rectified Scaling Law",
        "authors": "Haowei Lin, Baizhou Huang, Haotian Ye, et al.",
        "year": 2024,
        "arxiv_id": "2402.02314",
        "venue": "ICML 2024",
        "url": "https://arxiv.org/abs/2402.02314",
        "covers": "Fine-tuning data scaling of 30 public pretrained models (60.5M-6.66B parameters) on FLAN, "
        "Gigaword and WMT19: test loss after fine-tuning on 200 to 1,638,400 examples, and the pretrained "
        "models' loss before fine-tuning; the 'rectified' law with a pre-learned data size.",
    }
]


def source_file(task: str) -> str:
    return f"benchmark/{task}.csv"


def family_id(task: str) -> str:
    return f"lin2024_finetune_{task}"


def metric_id(task: str) -> str:
    return f"finetune_test_loss_{task}"


def switch_experts(model: str) -> int | None:
    """Experts per MoE layer of a Switch Transformer, as its model id names it (switch-base-<E>)."""
    match = re.fullmatch(r"google/switch-base-(\d+)", model)
    return int(match.group(1)) if match else None


def read_task(task: str) -> pd.DataFrame:
    """The wide file as one row per (model, subset size); `row` is the 1-based data row."""
    wide = pd.read_csv(sources_dir() / SOURCE_ID / source_file(task))
    wide["row"] = range(1, len(wide) + 1)
    sizes = [column for column in wide.columns if column.isdigit()]
    return wide.melt(id_vars=["config name", "family", "size", "row"], value_vars=sizes, var_name="column", value_name="loss")


def run_id(model: str, column: str) -> str:
    return f"{model} | no fine-tuning" if column == NO_FINETUNING else f"{model} | ft={column}"


def build_points(task: str, long: pd.DataFrame) -> pd.DataFrame:
    finetuned = long["column"] != NO_FINETUNING
    return pd.DataFrame(
        {
            "family_id": family_id(task),
            "run_id": [run_id(m, c) for m, c in zip(long["config name"], long["column"])],
            "params": long["size"],
            "tokens": long["column"].astype(int).where(finetuned).astype("Int64"),
            "experts": long["config name"].map(switch_experts).astype("Int64"),
            "metric": metric_id(task),
            "value": long["loss"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": source_file(task),
            "source_locator": [
                f"row {row} (config name={model}), column {column}"
                + (" (pretrained model, no fine-tuning)" if column == NO_FINETUNING else " (fine-tuning examples)")
                for row, model, column in zip(long["row"], long["config name"], long["column"])
            ],
            "extraction": "released_data",
        }
    )


def family_row(task: str) -> dict:
    dataset, kind = TASKS[task]
    return {
        "family_id": family_id(task),
        "name": f"Fine-tuning on {dataset} ({kind}): test loss vs examples, 30 models (Lin 2024)",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": "30 public pretrained LMs: GPT-2, mGPT, LaMini-GPT, Cerebras-GPT, OPT, Phi (decoder-only); "
        "BART, T5, mT5, T5-v1.1 (encoder-decoder); Switch Transformer (encoder-decoder MoE)",
        "training_data": f"{dataset} fine-tuning subsets ({kind}); each model's own pretraining before that",
        "param_convention": "with_embeddings",
        "flops_convention": "No compute in the release: flops left empty (the paper's cost plot estimates "
        "fine-tuning FLOPs from mean example lengths; those are not per-run values).",
        "data_unit": "examples",
        "description": f"Lin et al. 2024: each of 30 public pretrained models fine-tuned on nested subsets of "
        f"{dataset} of 200 x 2^k = 200 ... 1,638,400 examples; value = test loss after fine-tuning "
        f"(metric {metric_id(task)}). run_id = '<Hugging Face id> | ft=<examples>'; the `tokens` column "
        "holds the number of fine-tuning EXAMPLES, not tokens. Run '<id> | no fine-tuning' is the release's "
        "column 0, the pretrained model's loss before fine-tuning: its tokens are empty (the release's fitting "
        "code, src/fit_law.py, excludes it too). params = the release's `size`: total parameters including embeddings as Hugging Face "
        "counts them; Switch Transformer sizes count all experts (experts = 8/16/32 from the model id), so "
        "they are not comparable with dense sizes as active parameters. Pretraining data and compute differ "
        "from model to model and are not in the release: compare curves within a model, not a joint L(N, D).",
    }


def build_metrics() -> pd.DataFrame:
    rows = []
    for task, (dataset, kind) in TASKS.items():
        rows.append(
            {
                "metric": metric_id(task),
                "name": f"Test loss after fine-tuning ({dataset})",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 50.0,
                "unit": "loss as released (by magnitude nats/token; unit not stated)",
                "description": f"Loss on the {dataset} ({kind}) test data of Lin et al. 2024 after fine-tuning "
                "on the run's number of examples (or before fine-tuning for 'no fine-tuning' runs), as "
                "released in benchmark/<task>.csv. The release calls it 'Test Loss'; by its magnitude a mean "
                "token cross-entropy in nats, but the unit is not stated there.",
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    points = pd.concat([build_points(task, read_task(task)) for task in TASKS], ignore_index=True)
    families = pd.DataFrame([family_row(task) for task in TASKS])
    write_source_tables(NAME, families, points, build_metrics(), paper_rows=PAPER_ROWS)


if __name__ == "__main__":
    main()
