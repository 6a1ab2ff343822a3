"""Curate the compute-optimal frontier of Nguyen et al. 2024 (*Sequence modeling and design from
molecular to genome scale with Evo*, bioRxiv 2024.02.27.582234, Figure S5), as digitised by
eric-czech/evo-scaling-law-extraction.

Source: eric-czech+evo-scaling-law-extraction, `outputs/evo_scaling_data.csv` (32 rows): for four
DNA language-model architectures (Transformer++, Mamba, Hyena, StripedHyena) and four compute
budgets, the compute-optimal model size N* (`variable` = params) and token count D*
(`variable` = tokens) read off the figure's markers by pixel position.

Traps: these are points of a compute-optimal frontier (each the optimum of an IsoFLOP sweep the
paper ran), not training runs, so they are stored as two metrics per budget
(`compute_optimal_params`, `compute_optimal_tokens`) with the budget in `flops`, and the
params / tokens columns stay empty. The two panels were digitised separately, so one budget
carries slightly different FLOPs in the N* and D* rows: each row keeps its own. The
extractor's power-law refits (`outputs/evo_scaling_laws.csv`) are not the paper's published
laws and are not curated.

Run: cd /work/main && python -m data.curate.evo_compute_optimal
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "evo_compute_optimal"
PAPER_ID = "nguyen2024"
SOURCE_ID = "eric-czech+evo-scaling-law-extraction"
SOURCE_FILE = "outputs/evo_scaling_data.csv"
METRIC_OF_VARIABLE = {"params": "compute_optimal_params", "tokens": "compute_optimal_tokens"}

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Sequence modeling and design from molecular to genome scale with Evo",
        "authors": "Eric Nguyen, Michael Poli, Matthew G. Durrant, et al.",
        "year": 2024,
        "arxiv_id": None,
        "venue": "bioRxiv 2024.02.27.582234 (published in Science 386, eado9336, 2024)",
        "url": "https://www.biorxiv.org/content/10.1101/2024.02.27.582234v2",
        "covers": "Evo, a DNA language model (7 billion parameters); its compute-optimal scaling study "
        "(Figure S5: compute-optimal model size and tokens per budget for Transformer++, Mamba, Hyena "
        "and StripedHyena) is here as digitised by eric-czech/evo-scaling-law-extraction.",
    }
]


def family_id(model: str) -> str:
    return "evo_compute_optimal_" + model.lower().replace("+", "p")


def load_rows() -> pd.DataFrame:
    """The digitised markers in file order; `line` is the file line (line 1 is the header)."""
    raw = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    raw["line"] = raw.index + 2
    return raw


def build_points(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": raw["model"].map(family_id),
            "run_id": raw["budget"].map(lambda budget: f"budget-{budget}"),
            "flops": raw["flops"],
            "flops_method": "reported",
            "metric": raw["variable"].map(METRIC_OF_VARIABLE),
            "value": raw["value"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": [
                f"line {line} (variable={variable}, model={model}, budget={budget})"
                for line, variable, model, budget in zip(raw["line"], raw["variable"], raw["model"], raw["budget"])
            ],
            "extraction": "digitized_figure",
        }
    )


def family_row(model: str) -> dict:
    return {
        "family_id": family_id(model),
        "name": f"Evo compute-optimal frontier: {model} (Nguyen 2024, Fig. S5)",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "biology",
        "architecture": f"{model} DNA language model (architecture as named in Figure S5)",
        "training_data": "DNA sequences (the paper's pretraining data; not named in the digitised release)",
        "param_convention": "unknown",
        "flops_convention": "The compute budget as read off the x axis of Nguyen et al.'s Figure S5 by pixel "
        "position ('reported' = reported in the figure, with digitisation error). The N* and D* "
        "panels were read separately, so one budget has slightly different FLOPs in its two rows.",
        "data_unit": "tokens",
        "description": f"Four points of the compute-optimal frontier of {model} DNA language models: for each "
        "compute budget (run_id budget-0 to budget-3, about 8e18 to 8e19 FLOPs) the compute-optimal "
        "model size (metric compute_optimal_params) and number of training tokens "
        "(compute_optimal_tokens) that Nguyen et al. found, digitised from Figure S5 by "
        "eric-czech/evo-scaling-law-extraction. These are not training runs: each is the optimum of "
        "an IsoFLOP sweep, so params and tokens columns are empty and the optimum is the value; plot "
        "value against flops. The extractor's own log-log refits of these points are not the paper's "
        "laws and are not catalogued. The parameter-count convention and the tokenisation are not "
        "stated in the digitised release.",
    }


def build_families(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([family_row(model) for model in sorted(raw["model"].unique())])


def build_metrics() -> pd.DataFrame:
    common = dict(kind="other", higher_is_better=False)
    frontier_note = (
        " A location on the compute-optimal frontier, not a score: neither direction is better "
        "(higher_is_better is False only because the schema needs a value)."
    )
    return pd.DataFrame(
        [
            dict(
                metric="compute_optimal_params",
                name="Compute-optimal model size N*",
                min_value=1e4,
                max_value=1e13,
                unit="parameters",
                description="The parameter count of the loss-minimising model at the point's compute budget "
                "(flops), as the paper's IsoFLOP analysis found it." + frontier_note,
                **common,
            ),
            dict(
                metric="compute_optimal_tokens",
                name="Compute-optimal training tokens D*",
                min_value=1e6,
                max_value=1e15,
                unit="tokens",
                description="The number of training tokens of the loss-minimising model at the point's compute "
                "budget (flops), as the paper's IsoFLOP analysis found it." + frontier_note,
                **common,
            ),
        ]
    )


def main() -> None:
    raw = load_rows()
    write_source_tables(NAME, build_families(raw), build_points(raw), build_metrics(), paper_rows=PAPER_ROWS)


if __name__ == "__main__":
    main()
