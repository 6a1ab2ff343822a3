"""Curate the Chinchilla training runs (Hoffmann et al. 2022, Fig. 4) as digitized by Epoch AI.

Source: epoch-research/analyzing-chinchilla, data/svg_extracted_data.csv (245 rows). Besiroglu et
al. 2024 read every point of Hoffmann et al.'s Figure 4 out of the PDF's SVG: model size N,
training FLOPs C and (from the colour scale) the final training loss. They recover the token count
as D = C / (6 N); we do the same so that the store's own 6ND equals the reported C.

Also holds the small helper that upserts this helper's paper rows into the shared staging file
(data/_staging/papers_chinchilla_replications.csv); the two sibling scripts import it.

Run: cd /work/main && python -m data.curate.epoch_chinchilla
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, train_loss_metric, write_table
from lib.schema import DATA_DIR, FAMILIES, METRICS, PAPERS, POINTS

NAME = "epoch_chinchilla"
FAMILY_ID = "chinchilla_epoch"  # the fitting engine and its tests rely on this id
PAPER_ID = "hoffmann2022"
SOURCE_ID = "epoch-research+analyzing-chinchilla"
SOURCE_FILE = "data/svg_extracted_data.csv"
STAGED_PAPERS = DATA_DIR / "_staging" / "papers_chinchilla_replications.csv"

PAPER_ROWS = [
    {
        "paper_id": "hoffmann2022",
        "title": "Training Compute-Optimal Large Language Models",
        "authors": "Jordan Hoffmann, Sebastian Borgeaud, Arthur Mensch, et al.",
        "year": 2022,
        "arxiv_id": "2203.15556",
        "venue": "NeurIPS 2022",
        "url": "https://arxiv.org/abs/2203.15556",
        "covers": "Over 400 decoder-only transformers (70M to 16B parameters, 5B to 500B MassiveText tokens); "
        "the final training losses of Figure 4 and the IsoFLOP curves of Figure 3 are here as "
        "digitized by Epoch AI (and re-used by Open Athena and Apple's ml-scalefit).",
    },
    {
        "paper_id": "besiroglu2024",
        "title": "Chinchilla Scaling: A replication attempt",
        "authors": "Tamay Besiroglu, Ege Erdil, Matthew Barnett, Josh You",
        "year": 2024,
        "arxiv_id": "2404.10102",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2404.10102",
        "covers": "Digitizes the 245 runs of Hoffmann et al.'s Figure 4 (N, C, final loss) from the PDF's SVG "
        "and refits the Approach-3 parametric law on them; the points of family chinchilla_epoch.",
    },
]


def stage_papers(rows: list[dict]) -> None:
    """Upsert `rows` into the shared staging papers file, keeping rows other scripts wrote there.

    Three scripts share one staging file, so each replaces only its own paper ids; this keeps
    every script idempotent whatever order they run in.
    """
    new = pd.DataFrame(rows).reindex(columns=list(PAPERS.columns))
    if STAGED_PAPERS.exists():
        old = pd.read_csv(STAGED_PAPERS)
        new = pd.concat([old[~old["paper_id"].isin(new["paper_id"])], new], ignore_index=True)
    STAGED_PAPERS.parent.mkdir(parents=True, exist_ok=True)
    new.sort_values("paper_id").to_csv(STAGED_PAPERS, index=False, lineterminator="\n")


def load_runs() -> pd.DataFrame:
    """The digitized runs in file order; `row` is the 1-based data row (header not counted)."""
    raw = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    raw["row"] = range(1, len(raw) + 1)
    return raw


def build_points(raw: pd.DataFrame) -> pd.DataFrame:
    """One point per digitized run: final training loss with N, D = C/(6N) and the read-off C.

    All 245 rows are kept, including the few very-high-loss small-budget runs: the fitting code
    drops the 5 highest-loss runs itself, as Besiroglu et al. do.
    """
    params = raw["Model Size"]
    flops = raw["Training FLOP"]
    return pd.DataFrame(
        {
            "family_id": FAMILY_ID,
            "run_id": raw["row"].map(lambda row: f"row-{row:03d}"),
            "params": params,
            "tokens": flops / (6.0 * params),
            "flops": flops,
            "flops_method": "reported",
            "metric": "train_loss",
            "value": raw["loss"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": raw["row"].map(lambda row: f"row {row}"),
            "extraction": "digitized_figure",
        }
    )


def build_family() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "family_id": FAMILY_ID,
                "name": "Chinchilla runs (Hoffmann 2022, Epoch extraction)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only transformer (Gopher-style)",
                "training_data": "MassiveText",
                # The parameter convention could not be checked against the paper's own text here,
                # so it stays 'unknown' (third parties say Hoffmann counts total parameters).
                "param_convention": "unknown",
                "flops_convention": "FLOPs as read off Hoffmann et al.'s Figure 4 (x position of each point) by "
                "Besiroglu et al.'s SVG extraction, so 'reported' means reported in the figure, with "
                "digitization error. Tokens are not in the figure: D = C / (6 N), as Besiroglu et al. "
                "recover it, so 6ND equals the read-off C by construction.",
                "data_unit": "tokens",
                "description": "The training runs of Hoffmann et al. (2022) shown in their Figure 4 (final training "
                "loss vs. model size and FLOPs), digitized from the PDF's SVG by Besiroglu et al. (2024, "
                "'Chinchilla Scaling: A replication attempt', besiroglu2024). 245 runs, N from 5.7e7 to "
                "1.6e10, C from 1.4e18 to 1.3e22. Losses come from the figure's colour scale, so they are "
                "quantized (many runs share a value) and carry digitization error; parameter counts are "
                "not round for the same reason. Besiroglu et al. drop the 5 highest-loss runs before "
                "fitting; all 245 are kept here. The same runs appear again, binned to IsoFLOP budgets, "
                "in families chinchilla_isoflops_epoch and chinchilla_isoflops_scalefit: do not fit them "
                "together with this family.",
            }
        ]
    )


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            train_loss_metric(
                "for Chinchilla families the final training loss on "
                "MassiveText read off Hoffmann et al.'s figures. See each family's description for the "
                "data set and how the value was obtained.",
            ),
        ]
    )


def main() -> None:
    raw = load_runs()
    for path in (
        write_table(build_family(), FAMILIES, NAME),
        write_table(build_points(raw), POINTS, NAME),
        write_table(build_metrics(), METRICS, NAME),
    ):
        print(f"wrote {path}")
    stage_papers(PAPER_ROWS)
    print(f"staged {len(PAPER_ROWS)} papers in {STAGED_PAPERS}")


if __name__ == "__main__":
    main()
