"""encode_runs / decode_runs: exact round trip, the 200-run limit, and damaged links."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from lib.ingest import MAX_SHARED_RUNS, ShareTooLarge, UploadError, decode_runs, encode_runs
from lib.ingest.errors import SHARE_DAMAGED, SHARE_TOO_LARGE
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
    import base64
    import json
    import zlib

    def token_of(payload) -> str:
        data = zlib.compress(json.dumps(payload).encode())
        return "v1." + base64.urlsafe_b64encode(data).decode().rstrip("=")

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
    import base64
    import zlib

    bomb = zlib.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]", 9)
    with pytest.raises(UploadError):
        decode_runs("v1." + base64.urlsafe_b64encode(bomb).decode().rstrip("="))
