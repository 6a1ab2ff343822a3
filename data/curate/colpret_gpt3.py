"""Curate the GPT-3 training curves (Brown et al. 2020, Figure 4.1) as digitised in ColPret.

Source: IBM+ColPret raw_data/gpt3/extracted.csv (12,097 rows): `model` (small, medium, large, xl,
2.7b, 6.7b, 13b, 175b), `step`, `train_loss`, `val_loss`. The rows are points read off Figure 4.1
of 2005.14165 ("GPT-3 Training Curves": loss during training on a deduplicated validation split of
the training distribution, and the training loss), one curve per model and loss.

Traps:
- `step` is tokens elapsed in **billions** (the figure's x axis), not an optimizer step: tokens =
  step x 1e9. Several rows share one x value (the digitiser sampled the line's thickness), so the
  point key uses the file row number as `step`, never the x value.
- Each row fills train_loss or val_loss or both; an empty cell is no point.
- Model sizes, batch sizes and learning rates are not in the file: they are transcribed here from
  the paper's Table 2.1 (n_params, Batch Size in tokens, Learning Rate). The paper rounds n_params
  (125M ... 175.0B), so params are those rounded counts.

Run: cd /work/main && python -m data.curate.colpret_gpt3
"""

from __future__ import annotations

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, provenance, raw_path, write_curated
from data.curate._common import train_loss_metric

NAME = "colpret_gpt3"
PAPER_ID = "brown2020"
FAMILY_ID = "brown2020_gpt3_curves"
SOURCE_FILE = "raw_data/gpt3/extracted.csv"
TOKENS_PER_UNIT = 1e9  # the file's `step` is tokens in billions
METRIC_OF_COLUMN = {"train_loss": "train_loss", "val_loss": "gpt3_val_loss"}

# Brown et al. 2020 (2005.14165), Table 2.1: n_params, batch size (tokens), learning rate.
TABLE_2_1 = {
    "small": ("GPT-3 Small", 125e6, 0.5e6, 6.0e-4),
    "medium": ("GPT-3 Medium", 350e6, 0.5e6, 3.0e-4),
    "large": ("GPT-3 Large", 760e6, 0.5e6, 2.5e-4),
    "xl": ("GPT-3 XL", 1.3e9, 1e6, 2.0e-4),
    "2.7b": ("GPT-3 2.7B", 2.7e9, 1e6, 1.6e-4),
    "6.7b": ("GPT-3 6.7B", 6.7e9, 2e6, 1.2e-4),
    "13b": ("GPT-3 13B", 13.0e9, 2e6, 1.0e-4),
    "175b": ("GPT-3 175B", 175.0e9, 3.2e6, 0.6e-4),
}

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "Language Models are Few-Shot Learners",
        "authors": "Tom B. Brown, Benjamin Mann, Nick Ryder, et al.",
        "year": 2020,
        "arxiv_id": "2005.14165",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2005.14165",
        "covers": "GPT-3: 8 decoder-only models from 125M to 175B parameters trained on 300B tokens (Table 2.1); "
        "their training and validation loss curves (Figure 4.1), as digitised in IBM/ColPret.",
    }
]


def load_rows() -> pd.DataFrame:
    """The digitised rows in file order; `row` is the 1-based data row (header not counted)."""
    raw = pd.read_csv(raw_path(SOURCE_FILE))
    raw["row"] = range(1, len(raw) + 1)
    unknown = set(raw["model"]) - set(TABLE_2_1)
    if unknown:
        raise ValueError(f"models without a Table 2.1 row: {sorted(unknown)}")
    return raw


def build_points(raw: pd.DataFrame) -> pd.DataFrame:
    """One point per filled loss cell: the model's Table 2.1 size, tokens = x (billions) x 1e9."""
    blocks = []
    for column, metric in METRIC_OF_COLUMN.items():
        rows = raw[raw[column].notna()]
        table = rows["model"].map(TABLE_2_1)
        locators = rows.apply(lambda r: f"row {r['row']} (model={r['model']}, step={r['step']!r})", axis=1)
        blocks.append(
            pd.DataFrame(
                {
                    "family_id": FAMILY_ID,
                    "run_id": "gpt3-" + rows["model"],
                    "params": table.map(lambda t: t[1]),
                    "tokens": (rows["step"] * TOKENS_PER_UNIT).round().astype("int64"),
                    "step": rows["row"],
                    "batch_size_tokens": table.map(lambda t: t[2]),
                    "learning_rate": table.map(lambda t: t[3]),
                    "metric": metric,
                    "value": rows[column],
                    **provenance(PAPER_ID, SOURCE_FILE, locators, "digitized_figure"),
                }
            )
        )
    return pd.concat(blocks, ignore_index=True)


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "GPT-3 training curves (Brown 2020, Fig. 4.1, ColPret digitisation)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only transformer (GPT-2 style, alternating dense and locally banded sparse "
                "attention), 8 sizes",
                "training_data": "GPT-3 mix: filtered Common Crawl, WebText2, Books1, Books2, Wikipedia (300B tokens)",
                "param_convention": "with_embeddings",
                "flops_convention": "No FLOPs stored: the figure gives tokens only. The store's 6ND uses Table 2.1's "
                "rounded parameter counts.",
                "data_unit": "tokens",
                "description": "Training and validation loss curves of the 8 GPT-3 models, read off Figure 4.1 of "
                "Brown et al. 2020 (2005.14165; caption: loss measured during training on a deduplicated "
                "validation split of the training distribution). " + COLLECTOR + " Points are digitised, so "
                "they carry reading error, and several share one x value; `step` is the row number of "
                "raw_data/gpt3/extracted.csv, not a training step. Tokens = the figure's x axis (tokens elapsed, "
                "billions) x 1e9. params = n_params of Table 2.1 ('the total number of trainable parameters', "
                "printed rounded: 125M ... 175.0B); batch_size_tokens and learning_rate also from Table 2.1. "
                "All models were trained for 300B tokens (Table 2.1 caption).",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            train_loss_metric(
                "for GPT-3 the training-loss curves of Brown et al.'s Figure 4.1 "
                "as digitised in ColPret.",
            ),
            {
                "metric": "gpt3_val_loss",
                "name": "GPT-3 validation loss (deduplicated split of the training distribution)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "nats/token",
                "description": "Cross-entropy loss during training on the deduplicated validation split of GPT-3's "
                "training distribution (Brown et al. 2020, Figure 4.1), as digitised in ColPret.",
            },
        ]
    )


def main() -> None:
    write_curated(NAME, build_family(), build_points(load_rows()), build_metrics(), PAPERS)


if __name__ == "__main__":
    main()
