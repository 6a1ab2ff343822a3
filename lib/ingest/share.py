"""Putting the accepted runs in a link: `encode_runs(runs) -> "v1.<base64url>"` and back.

The token holds the runs table of lib.ingest.validate column by column as JSON (run_id and
source_locator as strings, every other column as floats in Python's shortest exact form, so
every float comes back bit for bit), zlib-compressed and base64url-encoded without padding. A column that is empty in
every run is stored as null instead of a list of nulls. "v1." names the format, so a later
format can be told apart and old links refused with a clear message instead of misread.

The conventions (parameter convention, FLOPs method, domain) are not in the token: they are the
page's own settings and belong in their own query parameters.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import zlib

import numpy as np
import pandas as pd

from lib.ingest.errors import (
    SHARE_DAMAGED,
    SHARE_TOO_LARGE,
    SHARE_TOO_MANY_METRICS,
    SHARE_TOO_MANY_VALUES,
    ShareTooLarge,
    UploadError,
)
from lib.ingest.validate import RUN_COLUMNS

TEXT_COLUMNS = ("run_id", "source_locator")

MAX_SHARED_RUNS = 200
TOKEN_PREFIX = "v1."
# A link's JSON is a few tens of KB at most; refusing more stops a crafted link from inflating
# to gigabytes in memory.
MAX_DECODED_BYTES = 4 * 1024 * 1024
# Every metric value becomes a point of the session (~0.5 KB with its run's columns): without these
# caps a 49 KB link of 200 runs x 9,700 metrics held ~800 MB per tab.
MAX_SHARED_METRICS = 100
MAX_SHARED_VALUES = 10_000
# What lib.ingest.columns.metric_id makes of a column name; anything else in a link is not ours, and
# a metric name is echoed in captions and chart titles.
_METRIC_NAME = re.compile(r"[a-z0-9_]{1,200}")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


def encode_runs(runs_wide: pd.DataFrame) -> str:
    """The runs table as a URL-safe token; ShareTooLarge beyond MAX_SHARED_RUNS rows."""
    if len(runs_wide) > MAX_SHARED_RUNS:
        raise ShareTooLarge(SHARE_TOO_LARGE.format(count=len(runs_wide), limit=MAX_SHARED_RUNS))
    check_layout(list(runs_wide.columns))
    check_size(runs_wide.shape[1] - len(RUN_COLUMNS), int(runs_wide.iloc[:, len(RUN_COLUMNS) :].notna().sum().sum()))
    columns = []
    for name in runs_wide.columns:
        column = runs_wide[name]
        if name in TEXT_COLUMNS:
            values = column.astype("str").tolist()
        elif column.isna().all():
            values = None
        else:
            values = [None if math.isnan(value) else value for value in column.astype("float64").tolist()]
        columns.append({"name": name, "values": values})
    payload = json.dumps(
        {"rows": len(runs_wide), "columns": columns}, separators=(",", ":"), allow_nan=False, ensure_ascii=False
    )
    compressed = zlib.compress(payload.encode("utf-8"), level=9)
    return TOKEN_PREFIX + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_runs(token: str) -> pd.DataFrame:
    """The runs table a token holds; UploadError saying what was refused (too many metrics or
    values), or SHARE_DAMAGED for anything else."""
    try:
        return runs_frame(json.loads(inflate(token), parse_constant=_not_a_number))
    except ShareTooLarge as refused:
        raise UploadError(str(refused)) from None
    except (ValueError, TypeError, KeyError, RecursionError, OverflowError, zlib.error, binascii.Error):
        raise UploadError(SHARE_DAMAGED) from None


def _not_a_number(constant: str):
    """json.loads reads Infinity and NaN; a runs table never holds them (encode_runs refuses them)."""
    raise ValueError(f"{constant} in a runs table")


def check_size(metrics: int, values: int) -> None:
    """ShareTooLarge when a link would carry more metrics or metric values than MAX_SHARED_*."""
    if metrics > MAX_SHARED_METRICS:
        raise ShareTooLarge(SHARE_TOO_MANY_METRICS.format(count=metrics, limit=MAX_SHARED_METRICS))
    if values > MAX_SHARED_VALUES:
        raise ShareTooLarge(SHARE_TOO_MANY_VALUES.format(count=values, limit=MAX_SHARED_VALUES))


def inflate(token: str) -> bytes:
    if not token.startswith(TOKEN_PREFIX):
        raise ValueError("unknown token version")
    body = token[len(TOKEN_PREFIX) :]
    if not _BASE64URL.fullmatch(body):
        raise ValueError("not base64url")
    compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    inflater = zlib.decompressobj()
    data = inflater.decompress(compressed, MAX_DECODED_BYTES)
    if not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
        raise ValueError("truncated, oversized or trailing data")
    return data


def runs_frame(payload: dict) -> pd.DataFrame:
    """The table from a decoded payload, checking its shape: a damaged link must not half-load."""
    rows = payload["rows"]
    if type(rows) is not int or not 0 <= rows <= MAX_SHARED_RUNS:
        raise ValueError("bad row count")
    if not isinstance(payload["columns"], list):
        raise ValueError("columns not a list")
    check_size(len(payload["columns"]) - len(RUN_COLUMNS), 0)
    data = {}
    for column in payload["columns"]:
        name, values = column["name"], column["values"]
        if not isinstance(name, str) or name in data:
            raise ValueError("bad column name")
        if name in TEXT_COLUMNS:
            if not (isinstance(values, list) and all(isinstance(value, str) for value in values)):
                raise ValueError("not text")
            data[name] = pd.array(values, dtype="str")
        else:
            values = [None] * rows if values is None else values
            # math.isfinite also refuses 1e400 (read as inf) and raises OverflowError on a huge int.
            if not all(value is None or (type(value) in (int, float) and math.isfinite(value)) for value in values):
                raise ValueError("not a finite number")
            data[name] = np.array([np.nan if value is None else value for value in values], dtype="float64")
        if len(data[name]) != rows:
            raise ValueError("column length")
    check_layout(list(data))
    metrics = list(data)[len(RUN_COLUMNS) :]
    if not all(_METRIC_NAME.fullmatch(name) for name in metrics):
        raise ValueError("not a metric name")
    check_size(len(metrics), sum(int(np.count_nonzero(~np.isnan(data[name]))) for name in metrics))
    return pd.DataFrame(data, index=pd.RangeIndex(rows))


def check_layout(names: list[str]) -> None:
    """A runs table is RUN_COLUMNS then metric columns: what runs_to_points reads."""
    if tuple(names[: len(RUN_COLUMNS)]) != RUN_COLUMNS or len(names) == len(RUN_COLUMNS):
        raise ValueError(f"not a runs table: columns must be {', '.join(RUN_COLUMNS)} and at least one metric")
