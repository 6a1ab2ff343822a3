"""Curate Shi et al. 2024, *Time-MoE: Billion-Scale Time Series Foundation Models with Mixture of
Experts* (arXiv 2409.16040v4).

Transcribed from the paper (the authors' repository Time-MoE/Time-MoE releases code and weights,
not these numbers):
  - Table 2: the three pre-trained mixture-of-experts models, TIME-MOE base / large / ultra, with
    their activated and total parameters (50M / 113M, 200M / 453M, 1.1B / 2.4B) and 8 experts of
    which K = 2 are routed per time point;
  - Table 3: zero-shot forecasting error on six benchmarks not in the pre-training data (ETTh1,
    ETTh2, ETTm1, ETTm2, Weather, Global Temp), the "Avg." row of each benchmark (mean over the
    horizons 96, 192, 336, 720) and the table's overall "Average" row, in MSE and MAE.

Traps:
  - Sizes are the paper's labels. `params` is the total count; the activated count is a run input
    (active_params), as for the other mixture-of-experts families.
  - Tokens are left empty: all three models are trained for 100,000 steps of 1024 sequences of at
    most 4096 time points ("4 million time points per iteration", Section 3.2.3) on Time-300B, so
    the data does not vary across the family and the exact count is not stated.
  - The per-horizon rows and the in-distribution (fine-tuned) Table 4 are left out; the other
    models of Table 3 (Moirai, TimesFM, Chronos, ...) are other papers' models.

Run: cd /work/main && python -m data.curate.time_moe
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import write_source_tables

NAME = "time_moe"
PAPER_ID = "shi2024"
SOURCE_FILE = "arXiv 2409.16040v4"
FAMILY_ID = "shi2024_timemoe_zeroshot"
EXPERTS = 8  # Table 2, column Experts (K = 2 routed per time point)

# Table 2: model -> (activated parameters, total parameters), as the labels state them.
MODELS = {
    "base": (50_000_000, 113_000_000),
    "large": (200_000_000, 453_000_000),
    "ultra": (1_100_000_000, 2_400_000_000),
}

# Table 3, "Avg." row of each benchmark and the overall "Average" row: (MSE, MAE) for base, large, ultra.
ZERO_SHOT = {
    "etth1": ("ETTh1", [("0.400", "0.424"), ("0.394", "0.419"), ("0.412", "0.426")]),
    "etth2": ("ETTh2", [("0.366", "0.404"), ("0.405", "0.415"), ("0.371", "0.399")]),
    "ettm1": ("ETTm1", [("0.394", "0.415"), ("0.376", "0.405"), ("0.356", "0.391")]),
    "ettm2": ("ETTm2", [("0.317", "0.365"), ("0.316", "0.361"), ("0.288", "0.344")]),
    "weather": ("Weather", [("0.265", "0.297"), ("0.270", "0.300"), ("0.256", "0.288")]),
    "global_temp": ("Global Temp", [("0.275", "0.400"), ("0.255", "0.385"), ("0.253", "0.385")]),
    "average": ("Average", [("0.336", "0.384"), ("0.336", "0.380"), ("0.322", "0.372")]),
}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Time-MoE: Billion-Scale Time Series Foundation Models with Mixture of Experts",
        "authors": "Xiaoming Shi, Shiyu Wang, Yuqi Nie, Dianqi Li, Zhou Ye, Qingsong Wen, Ming Jin",
        "year": 2024,
        "arxiv_id": "2409.16040",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2409.16040",
        "covers": "Decoder-only mixture-of-experts time-series foundation models (50M to 1.1B activated, 113M to "
        "2.4B total parameters) pre-trained on Time-300B (over 300 billion time points): zero-shot and "
        "fine-tuned forecasting error on six long-horizon benchmarks improving with model size, and sparse "
        "against dense models of equal activated parameters.",
    }
]


def metric_id(benchmark: str, measure: str) -> str:
    return f"timemoe_zeroshot_{measure}_{benchmark}"


def points_table() -> pd.DataFrame:
    rows = []
    for benchmark, (label, cells) in ZERO_SHOT.items():
        for (model, (_, total)), (mse, mae) in zip(MODELS.items(), cells, strict=True):
            for measure, text in (("mse", mse), ("mae", mae)):
                row_name = "Average" if benchmark == "average" else f"{label} / Avg."
                rows.append(
                    {
                        "family_id": FAMILY_ID,
                        "run_id": f"time-moe-{model}",
                        "params": total,
                        "experts": EXPERTS,
                        "metric": metric_id(benchmark, measure),
                        "value": float(text),
                        "paper_id": PAPER_ID,
                        "source_file": SOURCE_FILE,
                        "source_locator": f"Table 3, row {row_name}, column TIME-MOE {model} {measure.upper()}",
                        "extraction": "table_transcription",
                    }
                )
    return pd.DataFrame(rows)


def build_run_inputs() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "run_id": f"time-moe-{model}",
                "input": "active_params",
                "value": active,
                "unit": "parameters",
                "description": "parameters activated per time point (Table 2's 'Activated Params', a label)",
                "source_file": SOURCE_FILE,
                "source_locator": f"Table 2, row TIME-MOE {model}, column Activated Params",
            }
            for model, (active, _) in MODELS.items()
        ]
    )


def build_families() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "Time-MoE zero-shot forecasting (Shi 2024)",
                "paper_id": PAPER_ID,
                "domain": "time_series",
                "architecture": "decoder-only transformer with mixture-of-experts layers (8 experts, top-2, plus a "
                "shared expert), point-wise tokens, multi-resolution forecasting heads (Table 2)",
                "training_data": "Time-300B (over 300 billion time points, 9 domains)",
                "param_convention": "unknown",
                "flops_convention": "No compute reported per run: flops left empty.",
                "data_unit": "tokens",
                "description": "Shi et al. 2024 (Time-MoE), Table 3: zero-shot forecasting MSE and MAE of TIME-MOE base, "
                "large and ultra on six benchmarks left out of pre-training (each benchmark's mean over horizons "
                "96 to 720, and the overall average). params is the total count of Table 2 (113M, 453M, 2.4B); "
                "the activated count is the run input active_params (50M, 200M, 1.1B). Tokens (time points) left "
                "empty: every model is trained for 100,000 steps of 1024 sequences of at most 4096 time points "
                "(about 4 million per step), so the data does not vary and the exact count is not stated. "
                "Per-horizon rows, the fine-tuned Table 4 and other models' columns are left out.",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    rows = []
    for benchmark, (label, _) in ZERO_SHOT.items():
        scope = (
            "the mean over the six benchmarks and four horizons (Table 3's 'Average' row)"
            if benchmark == "average"
            else f"{label}, mean over the horizons 96, 192, 336 and 720 (Table 3's 'Avg.' row)"
        )
        for measure, name in (("mse", "mean squared error"), ("mae", "mean absolute error")):
            rows.append(
                {
                    "metric": metric_id(benchmark, measure),
                    "name": f"Time-MoE zero-shot {measure.upper()}, {label}",
                    "kind": "error",
                    "higher_is_better": False,
                    "min_value": 0.0,
                    "max_value": 10.0,
                    "unit": measure.upper(),
                    "description": f"Zero-shot forecasting {name} as Shi et al. 2024 report it in Table 3: {scope}; "
                    "context lengths 512 to 3072 for the four horizons, the benchmark's evaluation protocol of "
                    "Woo et al. (2024).",
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    write_source_tables(
        NAME,
        build_families(),
        points_table(),
        build_metrics(),
        run_inputs=build_run_inputs(),
        paper_rows=PAPER_ROWS,
    )


if __name__ == "__main__":
    main()
