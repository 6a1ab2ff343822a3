"""Every page opened with a hand-edited link whose every view key holds the same bad value: the
page opens and says what it could not use, and never shows a traceback."""

from __future__ import annotations

import pytest

from tests.pages import open_page

PAGES = ("overview_page", "explore_page", "fit_page", "compare_page", "optimal_page", "runs_page", "benchmarks_page",
         "sources_page", "models_page")
VIEW_KEYS = (
    "families", "fitfam", "metric", "x", "logx", "logy", "params", "flops", "law", "laws", "fitlaws", "fits", "loss",
    "delta", "boot", "top", "cutoff", "final", "fix", "tie", "sens", "target", "mode", "value", "line", "isoflop", "fit",
    "checkpoints", "decades", "nats", "ceiling", "floor", "paper", "image", "runs", "runs_params", "runs_flops",
    "runs_domain", "y", "domains", "from", "to", "confidence", "tokens",
)
BAD_VALUES = ("", "zzz", "-1", "1e999", "nan", ",,,|;;", "x'); DROP TABLE points; --")


# With these kept valid, the bad values reach the widgets past the family choice.
VALID = {"families": "chinchilla_epoch", "fitfam": "chinchilla_epoch", "paper": "hoffmann2022", "boot": "0"}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", BAD_VALUES, ids=repr)
@pytest.mark.parametrize("keep_valid", [False, True], ids=["all-bad", "families-valid"])
def test_a_page_opens_whatever_the_link_holds(page, value, keep_valid):
    query = {key: value for key in VIEW_KEYS} | (VALID if keep_valid else {})
    app = open_page(page, **query)
    assert not app.exception, [error.message for error in app.exception]
    if keep_valid and page in ("explore_page", "fit_page", "compare_page", "optimal_page"):
        assert app.get("plotly_chart") or app.warning or app.error or app.info  # drawn, or told why not


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("fit_page", {"fix": "alpha:1e999"}),
        ("fit_page", {"fix": "alpha:nan,beta:-inf"}),
        ("fit_page", {"fix": "nosuch:1"}),
        ("fit_page", {"tie": "alpha=nosuch"}),
        ("fit_page", {"cutoff": "1e999"}),
        ("fit_page", {"cutoff": "-5"}),
        ("fit_page", {"top": "999999"}),
        ("fit_page", {"law": "power_law", "x": "nosuch"}),
        ("compare_page", {"target": "1e999"}),
        ("compare_page", {"target": "0"}),
        ("compare_page", {"target": "70B / 0"}),
        ("compare_page", {"fits": "f=chinchilla_epoch;law=chinchilla;boot=1e999"}),
        ("optimal_page", {"mode": "C", "value": "1e999"}),
        ("optimal_page", {"mode": "N", "value": "-70B"}),
        ("optimal_page", {"mode": "D", "value": "0"}),
        ("benchmarks_page", {"metric": "acc_mmlu_5shot", "x": "val_loss_nosuch", "decades": "1e999"}),
    ],
)
def test_a_hand_edited_value_in_a_valid_view_is_refused_politely(page, query):
    app = open_page(page, families="chinchilla_epoch", fitfam="chinchilla_epoch", boot="0", **query)
    assert not app.exception, [error.message for error in app.exception]
