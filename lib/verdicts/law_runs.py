"""Which runs of the store a published law speaks about, and its inputs at those runs.

A law names its family (family_id) unless it spans several (Gadre et al.'s laws span one
family per model size); it predicts the family's one loss unless the family holds several, in
which case the metric it was fitted on is named here. Both the law tests and the verdicts read
this, so the runs a law is checked against are chosen once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.laws.published import PublishedLaw

# Laws that span several families (family_id left empty in the catalogue): law -> family prefix.
SPANNING_FAMILIES = {
    "gadre2024_overtraining_c4": "openlm_c4_m",
    "gadre2024_overtraining_rpj": "openlm_rpj_m",
    "gadre2024_overtraining_rw": "openlm_rw_m",
}

_GADRE_C4_EVAL = (
    "val_loss_c4_eval",
    "loss_definition: the paper's headline fits use the C4 eval split, whatever the training set",
)
_DOLMA = ("train_loss_dolma", "loss_definition: the Dolma loss of the training logs (final_loss of the wandb exports)")
_BRANDFONBRENER_CORPORA = ("fineweb_100b", "fineweb_edu_100b", "proof_pile_2", "slimpajama", "smollm", "starcoder")
# law -> (the metric it predicts, why), where its family holds more than one loss.
LAW_METRICS = {
    **dict.fromkeys(SPANNING_FAMILIES, _GADRE_C4_EVAL),
    **dict.fromkeys(
        [f"brandfonbrener2024_chinchilla_{corpus}" for corpus in _BRANDFONBRENER_CORPORA],
        ("val_loss_own_corpus_l2l", "loss_definition: validation loss on the corpus the models were trained on"),
    ),
}

# paper -> (the metric all its laws predict, why), where its families hold more than one loss.
PAPER_METRICS = {"mcleish2025": _DOLMA}

# Outputs of allocation laws and the run column each is read from at an IsoFLOP minimum.
ALLOCATION_COLUMNS = {"N_opt": "N", "D_opt": "D", "tokens_per_param": "D_over_N"}
# A law's param_convention -> the points' column counting parameters that way.
CONVENTION_COLUMNS = {"non_embedding": "N_non_embedding", "with_embeddings": "N_total"}
# An IsoFLOP budget counts when at least this many runs share it.
MIN_RUNS_PER_BUDGET = 3


def law_families(law: PublishedLaw, family_ids: list[str] | set[str]) -> list[str]:
    """The store families the law was fitted on (empty when none is in the store)."""
    if law.law_id in SPANNING_FAMILIES:
        prefix = SPANNING_FAMILIES[law.law_id]
        return sorted(family for family in family_ids if family.startswith(prefix))
    return [law.family_id] if law.family_id in family_ids else []


def named_metric(law: PublishedLaw) -> str | None:
    """The metric named for the law (LAW_METRICS) or for its paper (PAPER_METRICS), if any."""
    named = LAW_METRICS.get(law.law_id) or PAPER_METRICS.get(law.paper_id)
    return named[0] if named else None


def law_metric(law: PublishedLaw, family_metrics: pd.DataFrame) -> str | None:
    """The metric the law predicts: named for it or its paper, else the families' one loss (None
    when they hold no loss or several and none is named)."""
    if named_metric(law):
        return named_metric(law)
    losses = family_metrics.loc[family_metrics["kind"] == "loss", "metric"].tolist()
    return losses[0] if len(losses) == 1 else None


def params_column(law: PublishedLaw, runs: pd.DataFrame) -> str:
    """The runs' column of parameters in the law's own count (its row's param_convention), where
    every run records it; the runs' own count N (as each paper counts) otherwise."""
    column = CONVENTION_COLUMNS.get(law.param_convention, "N")
    return column if column in runs and (runs[column] > 0).all() else "N"


def law_inputs(law: PublishedLaw, runs: pd.DataFrame) -> dict[str, np.ndarray]:
    """The law's inputs at the runs' own values, in the law's units and parameter count (M = D/N,
    U as curated)."""
    params = runs[params_column(law, runs)]
    inputs = {}
    for role in law.form.inputs:
        source = law.x_var if role == "x" else role
        values = runs["D"] / params if source == "M" else params if source == "N" else runs[source]
        inputs[role] = values.to_numpy(dtype=float) / law.input_scales.get(source, 1.0)
    return inputs


def best_run_per_budget(runs: pd.DataFrame) -> pd.DataFrame:
    """The lowest-loss run of each compute budget that at least MIN_RUNS_PER_BUDGET runs share:
    the measured stand-in for an IsoFLOP minimum."""
    shared = runs.groupby("C")["value"].transform("size") >= MIN_RUNS_PER_BUDGET
    runs = runs[shared]
    return runs.loc[runs.groupby("C")["value"].idxmin()]
