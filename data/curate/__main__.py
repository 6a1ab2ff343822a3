"""`python -m data.curate`: re-run every curation script, then add the paper rows they stage.

Needs the raw sources (../shared/sources or $SCALING_ATLAS_SOURCES) for the source scripts; the law
transcriptions need nothing but themselves.
"""

from __future__ import annotations

import importlib

import pandas as pd

from lib.schema import DATA_DIR, PAPERS

SCRIPTS = (
    "epoch_chinchilla",
    "open_athena_isoflops",
    "misfitting_openlm",
    "openlm_overtraining",
    "porian_isoflops",
    "obsscaling_models",
    "openclip_runs",
    "pythia_evals",
    "gemstones",
    "revisiting_scaling",
    "clip_mammut",
    "bnsl_addition",
    "evo_compute_optimal",
    "value_rl_scaling",
    "finetune_rectified",
    "colpret_gpt3",
    "colpret_opt",
    "colpret_olmo",
    "colpret_nfnet",
    "colpret_gzip",
    "colpret_bimix",
    "colpret_moduleformer",
    "vocab_tao",
    "xlstm_beck",
    "steplaw_grids",
    "regmix_mixtures",
    "loss_to_loss",
    "routing_clark",
    "datablations_final",
    "datablations_curves",
    "epoch_models",
    "epoch_benchmarks",
    "sloth_models",
    "mu_scaling",
    "tokenformer",
    "time_moe",
    "critical_batch_size",
    "scaling_on_scales",
    "sana_inference_scaling",
    "realsyn_data_scaling",
    "gshard_moe",
    "statistical_scaling_law",
    "reading_list",
    "law_catalogue",
)


def merge_papers() -> pd.DataFrame:
    """Add the paper rows scripts stage to the reviewed data/papers.csv; an id that both hold must
    name the same paper."""
    reviewed = pd.read_csv(DATA_DIR / "papers.csv", dtype=str)
    staged_files = sorted((DATA_DIR / "_staging").glob("papers_*.csv"))
    staged = pd.concat([pd.read_csv(path, dtype=str) for path in staged_files], ignore_index=True)
    both = pd.concat([reviewed, staged], ignore_index=True).reindex(columns=list(PAPERS.columns))
    titles = both.groupby("paper_id")["title"].nunique()
    if (titles > 1).any():
        raise SystemExit(f"one paper id, different titles: {sorted(titles[titles > 1].index)}")
    papers = both.drop_duplicates("paper_id").sort_values("paper_id")
    papers.to_csv(DATA_DIR / "papers.csv", index=False, lineterminator="\n")
    return papers


def main() -> None:
    for name in SCRIPTS:
        print(f"-- {name}")
        importlib.import_module(f"data.curate.{name}").main()
    print(f"{len(merge_papers())} papers merged into data/papers.csv")


if __name__ == "__main__":
    main()
