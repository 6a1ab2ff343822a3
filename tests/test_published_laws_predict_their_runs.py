"""Every drawable published law that names runs in the store predicts those runs.

A law stored in the wrong form or unit (Gadre et al.'s Table 6 read as Eq. (4) missed its C4
runs by a median 56 %) draws a wrong curve on every page. Each law is evaluated at its family's
own N, D, C (and U, M) on the metric it predicts, and its median relative error must stay within
TOLERANCE, or within a wider tolerance stated with its reason, or the law is listed in
NOT_MATCHING with the reason (and checked to miss indeed, so the list cannot go stale).
"""

from __future__ import annotations

import numpy as np
import pytest

from lib.laws.published import PublishedLaw, published_laws
from lib.store import Store
from lib.verdicts.law_runs import (
    ALLOCATION_COLUMNS,
    LAW_METRICS,
    SPANNING_FAMILIES,
    best_run_per_budget,
    law_families,
    law_inputs,
    law_metric,
)

# Median |predicted / measured - 1| a law must reach on its own runs. A wrong form or unit misses by
# far more (the unconverted Gadre laws: 48-56 %).
TOLERANCE = 0.05
# An allocation law (N_opt, D_opt, tokens per parameter at C) is compared with the best run of
# each IsoFLOP budget (at least 3 runs). That run is the grid point nearest the optimum the paper
# interpolated, up to half a grid step away, and D/N compounds the N and D steps.
ALLOCATION_TOLERANCE = 0.35

# law -> (tolerance, reason) where the released runs are known to sit off the paper's fit.
GADRE_RELEASED_RUNS = (
    "the released C4 eval losses sit about 5 % below the law at every size (measured: C4 5.6 %, RedPajama "
    "5.1 %); on C4 a fit of Eq. (4) to them gives a 6^-eta = 98 where Table 6 prints 114 while b and E agree: "
    "the paper fitted its own runs of the Table 1 configurations"
)
WIDER_TOLERANCE = {
    "gadre2024_overtraining_c4": (0.06, GADRE_RELEASED_RUNS),
    "gadre2024_overtraining_rpj": (0.06, GADRE_RELEASED_RUNS),
}

_GEMSTONES_A1 = (
    "Approach 1 on the lower envelope of checkpoints every 2B tokens (the release's *_477 files); the store's "
    "checkpoints share no budget, and the lowest-loss one per 0.1-decade budget bin is too coarse a stand-in "
    "(measured: N_opt and D_opt differ from it by a median 22-35 %, D/N by 43-58 %, the 120B+-only fits, "
    "read below 120B tokens, by 77-313 %)"
)
_NEZHURINA = (
    "predicts ImageNet zero-shot error; the family holds ADE20k segmentation and training losses, not ImageNet"
)
# law -> why it is not held to its family's runs.
NOT_MATCHING = {
    "mcleish2025_a3_hot_100bplus_512x_delta3": (
        "fitted on the 5 width-512 models only (95M-114M parameters; the catalogue marks A and alpha as not "
        "identified): on all 22 models of the family it misses by a median 9.9 % (its delta-4 twin: 4.7 %)"
    ),
    "muennighoff2023_data_constrained": (
        "predicts the 296 released final C4 losses about 7 % low (median |error| 7.0 %; 8.9 % on the 41 "
        "single-epoch runs, so not the repetition terms): E, A, B, alpha, beta come from the paper's "
        "Chinchilla-form C4 fit and R_N*, R_D* from 182 runs with outliers removed (App. A); the loss they were "
        "fitted on was not re-read against this metric (the law's loss_definition says so)"
    ),
    **dict.fromkeys(
        [
            "mcleish2025_a1_params", "mcleish2025_a1_params_100bplus", "mcleish2025_a1_params_100bplus_no_embeds",
            "mcleish2025_a1_params_120bplus_only", "mcleish2025_a1_params_120bplus_only_no_embeds",
            "mcleish2025_a1_params_cooldown", "mcleish2025_a1_params_cooldown_no_embeds",
            "mcleish2025_a1_params_lr_ablation", "mcleish2025_a1_params_lr_ablation_no_embeds",
            "mcleish2025_a1_params_no_embeds", "mcleish2025_a1_tokens", "mcleish2025_a1_tokens_100bplus",
            "mcleish2025_a1_tokens_120bplus_only", "mcleish2025_a1_tokens_cooldown", "mcleish2025_a1_tokens_lr_ablation",
            "mcleish2025_a1_tokens_per_param", "mcleish2025_a1_tokens_per_param_100bplus",
            "mcleish2025_a1_tokens_per_param_cooldown", "mcleish2025_a1_tokens_per_param_lr_ablation",
        ],
        _GEMSTONES_A1,
    ),
    **dict.fromkeys(
        ["nezhurina2025_clip_imagenet1k_C", "nezhurina2025_clip_imagenet_r_C",
         "nezhurina2025_mammut_imagenet1k_C", "nezhurina2025_mammut_imagenet_r_C"],
        _NEZHURINA,
    ),
}
@pytest.fixture(scope="module")
def store() -> Store:
    return Store()


def laws_with_runs() -> list[PublishedLaw]:
    store = Store()
    rows = store.published_laws()
    families = set(store.families()["family_id"])
    laws = published_laws(rows, store.coefficients(rows["law_id"].tolist()))
    return [law for law in laws if law.drawable and law_families(law, families)]


LAWS = laws_with_runs()


def median_error(store: Store, law: PublishedLaw) -> float:
    families = law_families(law, set(store.families()["family_id"]))
    metric = law_metric(law, store.metrics_of(families))
    assert metric is not None, f"{law.law_id}: name the metric it predicts in LAW_METRICS"
    runs = store.points(families, metric)
    if law.output in ALLOCATION_COLUMNS:
        runs = best_run_per_budget(runs)
        measured = runs[ALLOCATION_COLUMNS[law.output]]
    else:
        measured = runs["value"]
    assert len(runs) >= 5, f"{law.law_id}: only {len(runs)} runs to compare with"
    predicted = law.form.predict(law.params, law_inputs(law, runs))
    return float(np.nanmedian(np.abs(predicted / measured.to_numpy(dtype=float) - 1)))


def tolerance(law: PublishedLaw) -> float:
    if law.law_id in WIDER_TOLERANCE:
        return WIDER_TOLERANCE[law.law_id][0]
    return ALLOCATION_TOLERANCE if law.output in ALLOCATION_COLUMNS else TOLERANCE


def test_the_laws_with_runs_include_gadres_and_every_table_names_a_real_law():
    ids = {law.law_id for law in LAWS}
    assert set(SPANNING_FAMILIES) <= ids and {"hoffmann2022_approach3", "besiroglu2024_approach3"} <= ids
    for table in (LAW_METRICS, WIDER_TOLERANCE, NOT_MATCHING):
        assert set(table) <= ids, sorted(set(table) - ids)
    assert not set(NOT_MATCHING) & set(WIDER_TOLERANCE)


@pytest.mark.parametrize("law", [law for law in LAWS if law.law_id not in NOT_MATCHING], ids=lambda law: law.law_id)
def test_a_published_law_predicts_its_own_runs(store, law):
    error = median_error(store, law)
    assert error <= tolerance(law), f"{law.law_id}: median relative error {error:.1%}"


EVALUABLE_MISMATCHES = [law for law in LAWS if law.law_id in NOT_MATCHING and law.output == "loss"]


@pytest.mark.parametrize("law", EVALUABLE_MISMATCHES, ids=lambda law: law.law_id)
def test_a_law_listed_as_not_matching_does_miss(store, law):
    """Once such a law matches (a better transcription, the paper's own runs), it leaves the list."""
    assert median_error(store, law) > TOLERANCE
