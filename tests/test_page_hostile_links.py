"""Every page opened with a hand-edited link whose every view key holds the same bad value: the
page opens and says what it could not use, and never shows a traceback."""

from __future__ import annotations

import json

import pytest

from lib.figures import readable_numbers
from lib.fitspec import FitSpec
from lib.ingest import Conventions, UploadError, decode_runs, encode_runs, runs_to_points
from lib.ingest.share import inflate
from tests.pages import open_page
from tests.test_ingest_share import runs_table, token_of
from ui import params
from ui.params import MAX_FITS

PAGES = tuple(params.PAGES)
# Every key any page declares, on every page: a link may carry another page's keys too.
VIEW_KEYS = tuple(dict.fromkeys(param.key for view in (*params.PAGES.values(), params.SIDEBAR) for param in view.params))
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


# Every field of both tokens a link carries, corrupted one at a time from a token the real encoder
# wrote: no traceback anywhere, whatever the field holds.
HOSTILE_TEXT = "[Session expired](https://evil.example/login)"
BAD_JSON_VALUES = (None, "x", -1, 1e308, float("inf"), float("nan"), 10**400, [], {}, True, HOSTILE_TEXT, "x" * 100_000)


def runs_payload() -> dict:
    return json.loads(inflate(encode_runs(runs_table(5))))


def runs_fields() -> list[tuple]:
    """Paths into the payload: its keys, and each column's name, values and first value."""
    columns = range(len(runs_payload()["columns"]))
    return [("rows",), ("columns",)] + [
        ("columns", index, *rest) for index in columns for rest in (("name",), ("values",), ("values", 0))
    ]


def corrupted_runs_token(field: tuple, value) -> str:
    payload = runs_payload()
    *parents, last = field
    holder = payload
    for step in parents:
        if holder[step] is None:  # a column empty in every run is stored as null: corrupt a list of nulls
            holder[step] = [None] * payload["rows"]
        holder = holder[step]
    holder[last] = value
    return token_of(payload)


RUNS_CASES = [(field, value) for field in runs_fields() for value in BAD_JSON_VALUES]


@pytest.mark.parametrize(("field", "value"), RUNS_CASES, ids=[f"{f}={str(v)[:12]}" for f, v in RUNS_CASES])
def test_a_corrupted_runs_token_is_refused_or_read_whole(field, value):
    """The library side of every case: refused with a message, or a table every later step takes."""
    try:
        runs = decode_runs(corrupted_runs_token(field, value))
    except UploadError:
        return
    points = runs_to_points(runs, Conventions(), "shared link")
    readable_numbers(points)
    encode_runs(runs)


# On the page: the values that broke it (Infinity, a huge number, markup) in every field.
PAGE_RUNS_CASES = [(field, value) for field in runs_fields() for value in (float("inf"), 1e308, HOSTILE_TEXT)]


@pytest.mark.parametrize(("field", "value"), PAGE_RUNS_CASES, ids=[f"{f}={str(v)[:12]}" for f, v in PAGE_RUNS_CASES])
def test_explore_opens_whatever_field_of_a_runs_token_is_corrupted(field, value):
    app = open_page("explore_page", families="my_runs", runs=corrupted_runs_token(field, value))
    assert not app.exception, [error.message for error in app.exception]


FIT_TOKEN = FitSpec(
    families=("chinchilla_epoch",), law="chinchilla", metric="train_loss", x="C", params_column="N_total",
    flops_column="C_6ND", loss="mse", delta=1e-2, exclude_top=2, n_boot=50, cutoff=1e21, final_only=True,
    min_D=1e9, max_D=1e12, fixed=(("E", 1.7),), tied=(("alpha", "beta"),),
).to_token()
FIT_FIELDS = ("f", "law", "m", "x", "n", "c", "loss", "d", "top", "boot", "cut", "final", "dmin", "dmax", "fix", "tie")
BAD_FIT_VALUES = ("", "bogus", "-1", "1e999", "nan", "1e6", HOSTILE_TEXT, "x" * 10_000)


def corrupted_fit_token(field: str, value: str) -> str:
    parts = dict(item.split("=", 1) for item in FIT_TOKEN.split(";"))
    return ";".join(f"{key}={text}" for key, text in (parts | {field: value}).items())


FIT_CASES = [corrupted_fit_token(field, value) for field in FIT_FIELDS for value in BAD_FIT_VALUES]
FIT_BATCHES = [FIT_CASES[start : start + MAX_FITS] for start in range(0, len(FIT_CASES), MAX_FITS)]


def test_every_field_of_a_fit_token_is_corrupted():
    assert set(FIT_FIELDS) == {item.split("=", 1)[0] for item in FIT_TOKEN.split(";")}
    print(f"{len(FIT_CASES)} fit-token cases in {len(FIT_BATCHES)} links per page; {len(RUNS_CASES)} runs-token "
          f"cases, {len(PAGE_RUNS_CASES)} of them on a page")


@pytest.mark.parametrize("page", ["compare_page", "optimal_page"])
@pytest.mark.parametrize("batch", range(len(FIT_BATCHES)))
def test_a_page_opens_whatever_field_of_a_fit_token_is_corrupted(page, batch):
    app = open_page(page, fitfam="", laws="", fits="|".join(FIT_BATCHES[batch]))
    assert not app.exception, [error.message for error in app.exception]
