"""Curate the routed and dense language models of Clark et al. 2022 (Unified Scaling Laws for Routed
Language Models, arXiv 2202.01169, ICML 2022).

Source: google-deepmind/scaling_laws_for_routing, data/curves.csv.gz (5,799 rows, 223 runs keyed by
`hyper_id`): six evaluation losses every 10,000 training steps from step 0 to 248k-250k, with each
run's router type (Dense, Hash, RL-R, S-Base), expert count E, experts per token k, routing
frequency and parameter counts. Every evaluation step and every loss is kept; the paper's laws use
the last one of each run.

Traps, all checked below or in the tests:
- `dense_parameter_count` (the paper's N) equals num_blocks x (5 d_model h kqv + 8 d_model^2 + 4
  d_model) for all 223 runs, with h kqv = num_heads x kqv_size: attention's four projections and
  one more d_model x h kqv matrix per block (a relative-position projection, by its shape), a
  4 d_model-wide feed-forward layer and 4 d_model of norm parameters. No term grows with a
  vocabulary: no token embedding or output head is in it, so it goes to params_non_embedding. The paper's own text on
  the count could not be read here; the family description says so.
- For the Dense runs with `flop_increase` > 1 (the dense stand-ins for k > 1), N is the count of
  the base model: the widened feed-forward layer appears only in `total_parameter_count`.
- Tokens per step are not in the file and the paper's training length could not be verified
  here, so `tokens` (and any FLOPs from it) stay empty. `flops_per_step` is, per the release
  README, an estimate of a model's *forward* step: kept as a run input, never as training compute.
- 63 loss cells of the release are blank (an evaluation round that skipped some data sets, often the
  last one split over steps 248k and 249k); they are left out, not filled.
- total_parameter_count, k, routing_frequency, flop_increase, flops_per_step and seed go to
  run_inputs (one row per run and input).

Run: cd /work/main && python -m data.curate.routing_clark
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "routing_clark"
PAPER_ID = "clark2022"
SOURCE_ID = "google-deepmind+scaling_laws_for_routing"
SOURCE_FILE = "data/curves.csv.gz"

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        # Title, authors (first three of 26, as in the release README's BibTeX), venue and year
        # as the README and the sources MANIFEST give them.
        "title": "Unified Scaling Laws for Routed Language Models",
        "authors": "Aidan Clark, Diego de las Casas, Aurelia Guy, et al.",
        "year": 2022,
        "arxiv_id": "2202.01169",
        "venue": "ICML 2022",
        "url": "https://arxiv.org/abs/2202.01169",
        "covers": "223 Transformer language models, dense and routed (mixture-of-experts feed-forward layers "
        "trained with Hash, RL-R or Sinkhorn-BASE routing), 15M to 1.3B dense parameters and 1 to 512 "
        "experts; six evaluation losses every 10,000 steps (family prefix clark2022_routing).",
    }
]

# Router type -> (family id suffix, how its routing works, as the release README names it).
ROUTERS = {
    "Dense": ("dense", "dense Transformer (no routing; E = 1)"),
    "Hash": ("hash", "routed feed-forward layers with fixed hash routing (Hash layers)"),
    "RL-R": ("rl_r", "routed feed-forward layers with a router trained by reinforcement learning (RL-R)"),
    "S-Base": ("s_base", "routed feed-forward layers with Sinkhorn-BASE routing (S-Base)"),
}

# Release column -> (metric id, name, exact definition).
LOSSES = {
    "loss_validation": (
        "clark2022_loss_validation",
        "Validation loss (held-out training distribution)",
        "negative log-likelihood on a held-out portion of the models' own training dataset (release README: "
        "'a held-out portion of the original dataset'; the sources MANIFEST describes it as the held-out "
        "MassiveText-like training distribution). The paper fits its scaling laws to this loss at the end "
        "of training.",
    ),
    "loss_c4": ("clark2022_loss_c4", "C4 loss", "negative log-likelihood on C4 (release README)."),
    "loss_curation_corpus": (
        "clark2022_loss_curation_corpus",
        "Curation Corpus loss",
        "negative log-likelihood on the Curation Corpus data set (release README).",
    ),
    "loss_lambada": (
        "clark2022_loss_lambada",
        "LAMBADA loss",
        "negative log-likelihood on the LAMBADA task (release README); a loss over the passages, not "
        "last-word accuracy.",
    ),
    "loss_pile": (
        "clark2022_loss_pile",
        "The Pile (EuroParl subset) loss",
        "negative log-likelihood on The Pile (release README 'The Pile dataset'; the sources MANIFEST "
        "identifies it as the EuroParl subset of The Pile).",
    ),
    "loss_wikitext103": (
        "clark2022_loss_wikitext103",
        "WikiText-103 loss",
        "negative log-likelihood on WikiText-103 (release README).",
    ),
}

# Per-run inputs beyond N and E: release column -> (unit, meaning).
RUN_INPUT_COLUMNS = {
    "total_parameter_count": (
        "parameters",
        "total parameters including those of all experts (the paper's P); for Dense runs with "
        "flop_increase > 1 it includes the widened feed-forward layer that N leaves out",
    ),
    "k": ("experts per token", "number of experts each token is sent to in a routed layer"),
    "routing_frequency": (
        "fraction of blocks",
        "fraction of Transformer blocks with a routed layer (0.5 = every other block)",
    ),
    "flop_increase": (
        "factor",
        "Dense runs only: factor by which the feed-forward layer is widened to emulate the FLOPs of k > 1 routing",
    ),
    "flops_per_step": (
        "FLOPs per forward step",
        "the release README's 'estimate of the number of flops for a model's forward-step'; not training "
        "compute (tokens per step and the backward pass are not in it)",
    ),
    "seed": ("seed", "random seed of the weight initialisation (only a few runs vary it)"),
}


def read_curves() -> pd.DataFrame:
    """The release's rows in file order; `line` is the line of the decompressed CSV (header = 1)."""
    raw = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    raw["line"] = raw.index + 2
    return raw


def run_ids(raw: pd.DataFrame) -> pd.Series:
    """A readable, unique id per run: router, size label, E, k, routing frequency, seed, hyper_id."""
    return (
        raw["router_type"].str.lower()
        + "_"
        + raw["model_size_label"]
        + "_E"
        + raw["num_experts"].astype(str)
        + "_k"
        + raw["k"].astype(str)
        + "_rf"
        + raw["routing_frequency"].map(lambda f: f"{f:.4g}")
        + "_s"
        + raw["seed"].astype(str)
        + "_h"
        + raw["hyper_id"].map(lambda h: f"{h:03d}")
    )


def family_ids(raw: pd.DataFrame) -> pd.Series:
    return "clark2022_routing_" + raw["router_type"].map(lambda router: ROUTERS[router][0])


def check_dense_count_is_non_embedding(raw: pd.DataFrame) -> None:
    """Refuse to run if N is not the embedding-free count the module docstring describes."""
    width, heads = raw["d_model"], raw["num_heads"] * raw["kqv_size"]
    per_block = 5 * width * heads + 8 * width * width + 4 * width
    mismatch = raw[raw["num_blocks"] * per_block != raw["dense_parameter_count"]]
    if len(mismatch):
        raise ValueError(f"dense_parameter_count is not the embedding-free count for hyper_id {sorted(set(mismatch.hyper_id))}")


def curate_points(raw: pd.DataFrame) -> pd.DataFrame:
    base = pd.DataFrame(
        {
            "family_id": family_ids(raw),
            "run_id": run_ids(raw),
            "params_non_embedding": raw["dense_parameter_count"].astype("int64"),
            "step": raw["step"],
            "experts": raw["num_experts"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "extraction": "released_data",
        }
    )
    locator = "line " + raw["line"].astype(str) + " (hyper_id " + raw["hyper_id"].astype(str) + ", step " + raw["step"].astype(str)
    blocks = [
        base.assign(metric=metric, value=raw[column], source_locator=locator + f", column {column})")
        for column, (metric, _, _) in LOSSES.items()
    ]
    # A few evaluations lack some losses in the release (blank cells); those points do not exist.
    return pd.concat(blocks, ignore_index=True).dropna(subset=["value"])


def curate_run_inputs(raw: pd.DataFrame) -> pd.DataFrame:
    first = raw.drop_duplicates("hyper_id").reset_index(drop=True)
    blocks = [
        pd.DataFrame(
            {
                "family_id": family_ids(first),
                "run_id": run_ids(first),
                "input": column,
                "value": first[column],
                "unit": unit,
                "description": meaning,
                "source_file": SOURCE_FILE,
                "source_locator": "line " + first["line"].astype(str) + f" (first row of the run), column {column}",
            }
        )
        for column, (unit, meaning) in RUN_INPUT_COLUMNS.items()
    ]
    return pd.concat(blocks, ignore_index=True)


def family_description(router: str, runs: pd.DataFrame) -> str:
    sizes = ", ".join(runs.sort_values("dense_parameter_count")["model_size_label"].unique())
    experts = sorted(runs["num_experts"].unique())
    last_steps = sorted(runs.groupby("hyper_id")["step"].max().unique())
    text = (
        f"{runs['hyper_id'].nunique()} runs of Clark et al. (2022) with {ROUTERS[router][1]}: dense sizes {sizes}; "
        f"experts E = {', '.join(map(str, experts))} (column experts); evaluated every 10,000 steps from step 0 to "
        f"{', '.join(f'{s:,}' for s in last_steps)} (the paper's laws use each run's last evaluation). Six losses per "
        "evaluation (metrics clark2022_loss_*); a few blank cells of the release are absent, and in some runs the "
        "last round is split over steps 248,000 and 249,000, so take a run's last point per metric. N = the release's dense_parameter_count (parameters a token passes "
        "through), put in params_non_embedding: for every run it equals num_blocks x (5 d_model h kqv + 8 d_model^2 "
        "+ 4 d_model) exactly (attention's four projections and one more d_model x h kqv matrix, a 4 d_model feed-forward "
        "layer, 4 d_model of norm parameters; no term grows with a vocabulary), so it counts no token embedding or "
        "output head; the paper's own wording on the count could not be "
        "read here. total_parameter_count (all experts), k, routing_frequency, flop_increase, flops_per_step and "
        "seed are in data/run_inputs/routing_clark.csv. Tokens (D) left empty: the tokens per step (batch size x "
        "sequence length) are not in the release and the paper's training length could not be verified in its "
        "text here; FLOPs left empty for the same reason (flops_per_step is a forward-step estimate, not training "
        "compute). Training data: the paper's training corpus (its Appendix E discusses the data sets), not "
        "re-read here."
    )
    if router == "Dense":
        text += (
            " The Dense runs with flop_increase 2 or 4 (k 2 or 4) widen the feed-forward layer to match the FLOPs "
            "of k > 1 routing, but keep the base model's N: compare them at equal N with care."
        )
    return text


def curate_families(raw: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for router, runs in raw.groupby("router_type"):
        suffix, routing = ROUTERS[router]
        rows.append(
            {
                "family_id": f"clark2022_routing_{suffix}",
                "name": f"Routed LMs (Clark 2022): {router}",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": f"Transformer language model, {routing}",
                "training_data": "the paper's language-modelling training corpus (held out as loss_validation; "
                "described in the paper's Appendix E, not re-read here)",
                "param_convention": "non_embedding",
                "flops_convention": "FLOPs left empty: tokens per step could not be verified in the paper, and the "
                "release's flops_per_step (a forward-step estimate) is kept only as a run input.",
                "data_unit": "tokens",
                "description": family_description(router, runs),
            }
        )
    return pd.DataFrame(rows)


def curate_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": metric,
                "name": f"{name} (Clark 2022)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "nats/token",
                "description": f"Clark et al. 2022 release (data/curves.csv.gz, column {column}): {definition} "
                "In nats per token (the MANIFEST: all losses are NLL in nats); the models' own tokenizer, so "
                "values compare across these families only.",
            }
            for column, (metric, name, definition) in LOSSES.items()
        ]
    )


def main() -> None:
    raw = read_curves()
    check_dense_count_is_non_embedding(raw)
    write_source_tables(
        NAME, curate_families(raw), curate_points(raw), curate_metrics(), curate_run_inputs(raw), PAPER_ROWS
    )


if __name__ == "__main__":
    main()
