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

from lib.ingest.errors import SHARE_DAMAGED, SHARE_TOO_LARGE, ShareTooLarge, UploadError
from lib.ingest.validate import RUN_COLUMNS

TEXT_COLUMNS = ("run_id", "source_locator")

MAX_SHARED_RUNS = 200
TOKEN_PREFIX = "v1."
# A link's JSON is a few tens of KB at most; refusing more stops a crafted link from inflating
# to gigabytes in memory.
MAX_DECODED_BYTES = 4 * 1024 * 1024
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


def encode_runs(runs_wide: pd.DataFrame) -> str:
    """The runs table as a URL-safe token; ShareTooLarge beyond MAX_SHARED_RUNS rows."""
    if len(runs_wide) > MAX_SHARED_RUNS:
        raise ShareTooLarge(SHARE_TOO_LARGE.format(count=len(runs_wide), limit=MAX_SHARED_RUNS))
    check_layout(list(runs_wide.columns))
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
    """The runs table a token holds; UploadError (SHARE_DAMAGED) for anything else."""
    try:
        return runs_frame(json.loads(inflate(token)))
    except (ValueError, TypeError, KeyError, RecursionError, zlib.error, binascii.Error):
        raise UploadError(SHARE_DAMAGED) from None


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
            if not all(value is None or type(value) in (int, float) for value in values):
                raise ValueError("not a number")
            data[name] = np.array([np.nan if value is None else value for value in values], dtype="float64")
        if len(data[name]) != rows:
            raise ValueError("column length")
    check_layout(list(data))
    return pd.DataFrame(data, index=pd.RangeIndex(rows))


def check_layout(names: list[str]) -> None:
    """A runs table is RUN_COLUMNS then metric columns: what runs_to_points reads."""
    if tuple(names[: len(RUN_COLUMNS)]) != RUN_COLUMNS or len(names) == len(RUN_COLUMNS):
        raise ValueError(f"not a runs table: columns must be {', '.join(RUN_COLUMNS)} and at least one metric")
