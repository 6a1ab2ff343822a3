"""encode_runs / decode_runs: exact round trip, the 200-run limit, and damaged links."""

from __future__ import annotations

import base64
import json
import re
import zlib

import numpy as np
import pandas as pd
import pytest

from lib.ingest import MAX_SHARED_RUNS, ShareTooLarge, UploadError, decode_runs, encode_runs
from lib.ingest.errors import SHARE_DAMAGED, SHARE_TOO_LARGE, SHARE_TOO_MANY_METRICS, SHARE_TOO_MANY_VALUES
from lib.ingest.share import MAX_SHARED_METRICS, MAX_SHARED_VALUES
from lib.ingest.validate import RUN_COLUMNS


def runs_table(count: int, seed: int = 0) -> pd.DataFrame:
    """Runs with full-precision floats (the hard case for exactness) and empty columns."""
    generator = np.random.default_rng(seed)
    params = generator.uniform(5e7, 2e10, count)
    tokens = generator.uniform(1e9, 1e12, count)
    frame = pd.DataFrame(
        {
            "run_id": [f"run ✓ {i}" for i in range(count)],
            "source_locator": [f"line {i + 2}" for i in range(count)],
            "step": np.nan,
            "N_total": params,
            "N_non_embedding": np.nan,
            "D": tokens,
            "C_reported": 6 * params * tokens,
            "loss": generator.uniform(1.8, 4.0, count),
            "accuracy": np.where(np.arange(count) % 3 == 0, np.nan, 0.5),
        }
    )
    return frame.astype({"run_id": "str", "source_locator": "str"})


def test_round_trip_is_exact_to_the_bit():
    runs = runs_table(MAX_SHARED_RUNS)
    decoded = decode_runs(encode_runs(runs))
    pd.testing.assert_frame_equal(decoded, runs, check_exact=True)
    for column in ["N_total", "D", "C_reported", "loss"]:
        assert [value.hex() for value in decoded[column]] == [value.hex() for value in runs[column]]


def test_the_token_is_url_safe_versioned_and_unpadded():
    token = encode_runs(runs_table(10))
    assert token.startswith("v1.")
    assert re.fullmatch(r"v1\.[A-Za-z0-9_-]+", token)


def test_a_typical_200_run_table_is_well_under_8_kb():
    runs = runs_table(MAX_SHARED_RUNS).drop(columns="accuracy")
    # Values as people write them: a few significant digits.
    for column in ["N_total", "D", "C_reported", "loss"]:
        runs[column] = [float(f"{value:.3g}") for value in runs[column]]
    assert len(encode_runs(runs)) < 6 * 1024


def test_more_than_200_runs_raise_share_too_large_with_advice():
    with pytest.raises(ShareTooLarge) as error:
        encode_runs(runs_table(MAX_SHARED_RUNS + 1))
    assert str(error.value) == SHARE_TOO_LARGE.format(count=201, limit=200)
    assert str(error.value) == (
        "201 runs are too many to share in a link (the limit is 200). Download the CSV and send the file instead."
    )


def test_exactly_200_runs_can_be_shared():
    assert len(decode_runs(encode_runs(runs_table(200)))) == 200


@pytest.mark.parametrize(
    "damage",
    [
        lambda token: token[: len(token) // 2],  # truncated
        lambda token: token[:-1],
        lambda token: "v2." + token[3:],  # another version
        lambda token: token.replace("v1.", ""),
        lambda token: token + "AAAA",  # trailing data
        lambda token: "v1.%%%",
        lambda token: "v1.",
        lambda token: "",
        lambda token: "v1.aGVsbG8",  # valid base64, not zlib
    ],
)
def test_a_damaged_token_raises_a_clear_upload_error(damage):
    with pytest.raises(UploadError) as error:
        decode_runs(damage(encode_runs(runs_table(20))))
    assert str(error.value) == SHARE_DAMAGED
    assert str(error.value).startswith("The link's data is damaged or from another version")


def test_a_well_formed_token_that_is_not_a_runs_table_is_refused():
    good_columns = [{"name": name, "values": None} for name in RUN_COLUMNS[2:]]
    text = [{"name": "run_id", "values": ["a"]}, {"name": "source_locator", "values": ["line 2"]}]
    for payload in (
        [1, 2, 3],
        {"rows": 1, "columns": [*text, *good_columns]},  # no metric column
        {"rows": 1, "columns": [*text, *good_columns, {"name": "loss", "values": ["2.0"]}]},  # text as number
        {"rows": 2, "columns": [*text, *good_columns, {"name": "loss", "values": [2.0]}]},  # wrong length
        {"rows": 10_000, "columns": []},
    ):
        with pytest.raises(UploadError, match="damaged"):
            decode_runs(token_of(payload))
    valid = {"rows": 1, "columns": [*text, *good_columns, {"name": "loss", "values": [2.0]}]}
    assert len(decode_runs(token_of(valid))) == 1


def test_a_decompression_bomb_is_refused():
    bomb = zlib.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]", 9)
    with pytest.raises(UploadError):
        decode_runs("v1." + base64.urlsafe_b64encode(bomb).decode().rstrip("="))


def token_of(payload) -> str:
    """A token as encode_runs writes it, of any payload (a crafted link)."""
    data = zlib.compress(json.dumps(payload, separators=(",", ":")).encode(), 9)
    return "v1." + base64.urlsafe_b64encode(data).decode().rstrip("=")


def wide_payload(metrics: int, rows: int = MAX_SHARED_RUNS) -> dict:
    """rows runs x `metrics` metric columns, every cell 1: what a crafted link inflates from a few KB."""
    text = [{"name": "run_id", "values": [f"r{i}" for i in range(rows)]},
            {"name": "source_locator", "values": ["link"] * rows}]
    empty = [{"name": name, "values": None} for name in RUN_COLUMNS[2:]]
    metric_columns = [{"name": f"m{i}", "values": [1] * rows} for i in range(metrics)]
    return {"rows": rows, "columns": [*text, *empty, *metric_columns]}


def test_a_link_of_thousands_of_metrics_is_refused_saying_so():
    token = token_of(wide_payload(9_700))  # the 49 KB link: 1.9M points, ~800 MB per tab
    assert len(token) < 64 * 1024
    with pytest.raises(UploadError) as error:
        decode_runs(token)
    assert str(error.value) == SHARE_TOO_MANY_METRICS.format(count=9_700, limit=MAX_SHARED_METRICS)
    assert str(error.value).startswith("9,700 metrics are more than a link carries (at most 100)")


def test_a_link_of_too_many_metric_values_is_refused_saying_so():
    with pytest.raises(UploadError) as error:
        decode_runs(token_of(wide_payload(MAX_SHARED_METRICS)))
    assert str(error.value) == SHARE_TOO_MANY_VALUES.format(count=20_000, limit=MAX_SHARED_VALUES)


def test_runs_too_wide_for_a_link_are_not_put_in_one():
    runs = runs_table(MAX_SHARED_RUNS)
    wide = pd.concat([runs, pd.DataFrame({f"m{i}": np.ones(len(runs)) for i in range(MAX_SHARED_METRICS)})], axis=1)
    with pytest.raises(ShareTooLarge, match="metrics are more than a link carries"):
        encode_runs(wide)
    many_values = pd.concat([runs, pd.DataFrame({f"m{i}": np.ones(len(runs)) for i in range(60)})], axis=1)
    with pytest.raises(ShareTooLarge, match="metric values are more than a link carries"):
        encode_runs(many_values)


def test_the_largest_link_accepted_costs_a_few_megabytes():
    """The app's limit for a link's runs (README): MAX_SHARED_VALUES points from MAX_SHARED_RUNS runs."""
    import tracemalloc

    from lib.ingest import Conventions, runs_to_points

    payload = wide_payload(MAX_SHARED_VALUES // MAX_SHARED_RUNS)
    tracemalloc.start()
    points = runs_to_points(decode_runs(token_of(payload)), Conventions(), "shared link")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    held = points.memory_usage(deep=True).sum()
    print(f"largest accepted link: {len(points):,} points, {held / 2**20:.1f} MB held, {peak / 2**20:.1f} MB peak")
    assert len(points) == MAX_SHARED_VALUES
    assert held < 16 * 2**20 and peak < 64 * 2**20


@pytest.mark.parametrize(
    "number", ["Infinity", "-Infinity", "NaN", "1e400", "1" + "0" * 400],
    ids=["inf", "-inf", "nan", "1e400", "huge-int"],
)
@pytest.mark.parametrize("column", ["N_total", "loss"])
def test_a_number_that_is_not_finite_is_refused_as_damage(number, column):
    """Infinity in a metric failed the next page's JSON ("not JSON compliant"), in N_total the table
    display (OverflowError): a link holds finite numbers only, like an upload."""
    text = json.dumps(
        {"rows": 1, "columns": [{"name": "run_id", "values": ["a"]}, {"name": "source_locator", "values": ["b"]},
                                *({"name": name, "values": [0.5]} for name in RUN_COLUMNS[2:]),
                                {"name": "loss", "values": [2.0]}]}
    )
    damaged = text.replace(f'{{"name": "{column}", "values": [{0.5 if column != "loss" else 2.0}]',
                           f'{{"name": "{column}", "values": [{number}]')
    assert damaged != text
    with pytest.raises(UploadError, match="damaged"):
        decode_runs("v1." + base64.urlsafe_b64encode(zlib.compress(damaged.encode())).decode().rstrip("="))


@pytest.mark.parametrize("name", ["[Session expired](https://evil.example/login)", "Loss", "a b", "x" * 201, ""])
def test_a_metric_name_no_upload_makes_is_refused_as_damage(name):
    """Metric names are echoed in captions and chart titles; an upload's are lowercase ids."""
    payload = wide_payload(1, rows=2)
    payload["columns"][-1]["name"] = name
    with pytest.raises(UploadError, match="damaged"):
        decode_runs(token_of(payload))
