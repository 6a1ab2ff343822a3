"""Curate the BiMix data-mixture curves (Ge et al. 2024, Data Mixing Made Efficient: A Bivariate
Scaling Law for Language Model Pretraining, 2405.14908) as collected in ColPret.

Sources (IBM+ColPret, DERIVED long exports of the pickles raw_data/bimix-law/{Pile,SlimPajama}/
{ppls,ratios}.pkl, recipe in the sources MANIFEST):
- raw_data/bimix-law/bimix_ppls_long.csv (3,720 rows): `corpus, mixture, global_step, domain,
  value` = per-domain validation loss (nats/token, despite the pickle's name) every 10k steps
  from 10k to 200k, for 6 mixtures (Baseline, DoReMi, SE, JE, CE, VNE) on each corpus, plus an
  `avg` pseudo-domain.
- raw_data/bimix-law/bimix_ratios_long.csv (174 rows): `corpus, mixture, domain, ratio` = the
  domain proportions of each mixture (run inputs).

Traps:
- `avg` is the unweighted mean of the domain losses of the same row (checked to 1e-12): a derived
  duplicate, dropped.
- Tokens: the paper (Section 4, Experimental Setup) trains with a global batch of 512 sequences of
  1024 tokens for up to 200,000 steps ("approximately 100 billion tokens", evaluations "every 5
  billion training tokens"), so tokens = global_step x 512 x 1024 = ColPret's reader's rule, now
  checked against the paper.
- N: the paper's base model "matching the DoReMi 280M specifications" (12 blocks, d 768, 12
  heads): params = 2.8e8 is that nominal size, not an exact count.

Run: cd /work/main && python -m data.curate.colpret_bimix
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._colpret import COLLECTOR, SOURCE_ID, raw_path, write_curated

NAME = "colpret_bimix"
PAPER_ID = "ge2024"
LOSS_FILE = "raw_data/bimix-law/bimix_ppls_long.csv"
RATIO_FILE = "raw_data/bimix-law/bimix_ratios_long.csv"
# Ge et al. Section 4: global batch 512 sequences x 1024 tokens.
TOKENS_PER_STEP = 512 * 1024
NOMINAL_PARAMS = 280e6  # "matching the DoReMi 280M specifications"
AVERAGE_DOMAIN = "avg"
MIXTURE_TEXT = {
    "Baseline": "the corpus's original domain proportions",
    "DoReMi": "DoReMi-tuned proportions",
    "SE": "proportions from Shannon entropy",
    "CE": "proportions from conditional entropy",
    "JE": "proportions from joint entropy",
    "VNE": "proportions from von Neumann entropy",
}

PAPERS = [
    {
        "paper_id": PAPER_ID,
        "title": "Data Mixing Made Efficient: A Bivariate Scaling Law for Language Model Pretraining",
        "authors": "Ce Ge, Zhijian Ma, Daoyuan Chen, Yaliang Li, Bolin Ding",
        "year": 2024,
        "arxiv_id": "2405.14908",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2405.14908",
        "covers": "BiMix: 280M-parameter decoder-only models trained on 6 data mixtures of The Pile and of SlimPajama "
        "for 200k steps; per-domain validation loss every 10k steps and the mixtures' domain proportions, as "
        "collected in IBM/ColPret (later arXiv versions are titled 'BiMix: Bivariate Data Mixing Law for "
        "Language Model Pretraining').",
    }
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def family_id(corpus: str) -> str:
    return f"ge2024_bimix_{slug(corpus)}"


def metric_id(corpus: str, domain: str) -> str:
    return f"val_loss_{slug(corpus)}_{slug(domain)}_bimix"


def load_losses() -> pd.DataFrame:
    raw = pd.read_csv(raw_path(LOSS_FILE))
    raw["line"] = range(2, len(raw) + 2)  # line 1 is the header
    check_average_is_mean(raw)
    return raw[raw["domain"] != AVERAGE_DOMAIN]


def check_average_is_mean(raw: pd.DataFrame) -> None:
    """The `avg` pseudo-domain must equal the unweighted mean of the row's domains to be dropped."""
    keys = ["corpus", "mixture", "global_step"]
    domains = raw[raw["domain"] != AVERAGE_DOMAIN].groupby(keys)["value"].mean()
    average = raw[raw["domain"] == AVERAGE_DOMAIN].set_index(keys)["value"]
    if not (domains.loc[average.index] - average).abs().max() < 1e-12:
        raise ValueError("`avg` is not the mean of the domain losses: keep it as a metric")


def load_ratios() -> pd.DataFrame:
    raw = pd.read_csv(raw_path(RATIO_FILE))
    raw["line"] = range(2, len(raw) + 2)
    return raw


def build_points(losses: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": losses["corpus"].map(family_id),
            "run_id": losses["mixture"],
            "params": NOMINAL_PARAMS,
            "tokens": losses["global_step"] * TOKENS_PER_STEP,
            "step": losses["global_step"],
            "batch_size_tokens": TOKENS_PER_STEP,
            "metric": [metric_id(c, d) for c, d in zip(losses["corpus"], losses["domain"])],
            "value": losses["value"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": LOSS_FILE,
            "source_locator": [
                f"line {line} ({c}, {m}, step {s}, {d})"
                for line, c, m, s, d in zip(losses["line"], losses["corpus"], losses["mixture"],
                                            losses["global_step"], losses["domain"])
            ],
            "extraction": "released_data",
        }
    )


def build_run_inputs(ratios: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": ratios["corpus"].map(family_id),
            "run_id": ratios["mixture"],
            "input": ratios["domain"].map(slug),
            "value": ratios["ratio"],
            "unit": "fraction of training data",
            "description": [f"proportion of the {c} domain '{d}' in the training mixture" for c, d in
                            zip(ratios["corpus"], ratios["domain"])],
            "source_file": RATIO_FILE,
            "source_locator": [f"line {line} ({c}, {m}, {d})" for line, c, m, d in
                               zip(ratios["line"], ratios["corpus"], ratios["mixture"], ratios["domain"])],
        }
    )


def build_families(losses: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for corpus, group in losses.groupby("corpus"):
        mixtures = ", ".join(f"{m} ({MIXTURE_TEXT[m]})" for m in group["mixture"].unique())
        rows.append(
            {
                "family_id": family_id(corpus),
                "name": f"BiMix data mixtures on {corpus} (Ge 2024)",
                "paper_id": PAPER_ID,
                "source_id": SOURCE_ID,
                "domain": "language",
                "architecture": "decoder-only transformer, DoReMi 280M configuration (12 blocks, d_model 768, 12 heads)",
                "training_data": f"{corpus} ({group['domain'].nunique()} domains) under 6 mixtures",
                "param_convention": "unknown",
                "flops_convention": "No FLOPs in the source; the store's 6ND uses the nominal 280M.",
                "data_unit": "tokens",
                "description": f"Ge et al. 2024 (2405.14908): one 280M model per data mixture of {corpus}, trained "
                f"200k steps; per-domain validation loss every 10k steps. Runs: {mixtures}. " + COLLECTOR + " "
                "Tokens = step x 512 x 1024 (global batch 512 sequences of 1024 tokens, Section 4 'Experimental "
                "Setup'). N = 2.8e8 is the nominal DoReMi-280M size the paper names, not an exact count. The "
                "mixtures' domain proportions are run inputs; the release's `avg` (the unweighted mean of the "
                "domain losses) is not stored.",
            }
        )
    return pd.DataFrame(rows)


def build_metrics(losses: pd.DataFrame) -> pd.DataFrame:
    pairs = losses[["corpus", "domain"]].drop_duplicates()
    return pd.DataFrame(
        [
            {
                "metric": metric_id(corpus, domain),
                "name": f"{corpus} {domain} validation loss (BiMix)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": 0.0,
                "max_value": 20.0,
                "unit": "nats/token",
                "description": f"Ge et al. 2024 (BiMix): validation loss (cross-entropy, nats/token; the paper's "
                f"'log-perplexity') on the {corpus} domain '{domain}', GPT-NeoX tokenizer.",
            }
            for corpus, domain in zip(pairs["corpus"], pairs["domain"])
        ]
    )


def main() -> None:
    losses = load_losses()
    write_curated(NAME, build_families(losses), build_points(losses), build_metrics(losses), PAPERS,
                  build_run_inputs(load_ratios()))


if __name__ == "__main__":
    main()
