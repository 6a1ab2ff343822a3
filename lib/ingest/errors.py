"""The exceptions of lib.ingest and every message a user can see from them, written once here.

Messages are shown to the user as they are (the pages print `str(error)`), and tests compare
them letter for letter, so change the wording here and nowhere else.
"""

from __future__ import annotations


class UploadError(ValueError):
    """An uploaded file, or a shared link's data, that cannot be read. The message is for the user."""


class MappingError(UploadError):
    """A column mapping that cannot produce points (a required role missing, a column used twice)."""


class ShareTooLarge(ValueError):
    """Too many runs to fit in a link; the message says how many and what to do instead."""


# Reading a file (lib.ingest.read). Sizes are in MB of 1024 * 1024 bytes, like MAX_UPLOAD_BYTES.
EMPTY_FILE = "The file is empty. Upload a CSV, TSV or Parquet file with a header row and one row per run."
BINARY_FILE = (
    "The file is not text: it contains NUL bytes and is not Parquet. "
    "Upload a CSV, TSV or Parquet file (an Excel workbook must first be saved as CSV)."
)
BAD_ENCODING = (
    "The file is not UTF-8 text (the first byte that is not UTF-8 is on line {line}). "
    "Save it as UTF-8 (in Excel: 'CSV UTF-8') and upload it again."
)
TOO_LARGE = (
    "The file is {size_mb:.1f} MB; the limit is {limit_mb:g} MB. Upload fewer rows, or the same table as Parquet."
)
HEADER_ONLY = "The file has a header row but no data rows. Add one row per run below the header."
RAGGED_ROW = (
    "Line {line} does not match the header's {expected} columns: it has {found} (the delimiter is {delimiter}). "
    "Put a value that contains the delimiter in double quotes (\"1,000,000\"), and give every row one value per column."
)
CSV_SYNTAX = "Line {line} could not be read ({detail}). Check the double quotes on that line."
DUPLICATE_COLUMN = (
    "The header names column '{column}' twice (columns {first} and {second}). Rename one and upload again."
)
PARQUET_UNREADABLE = (
    "The file starts like Parquet but could not be read: it may be truncated or damaged. "
    "Export it again, or upload the table as CSV."
)

# Mapping columns to roles (lib.ingest.validate).
MISSING_METRIC = "missing required column: a loss or other metric column (e.g. 'loss' or 'val_loss')"
MISSING_SCALE = "missing required column: N, D or C (parameters, tokens or FLOPs)"
UNKNOWN_COLUMN = "column '{column}' (chosen for {role}) is not in the file"
COLUMN_TWICE = "column '{column}' is chosen for both {first} and {second}; choose it for one of them"
PUBLISHED_METRIC_TWICE = (
    "columns '{first}' and '{second}' are both said to be the published metric '{metric}'; "
    "choose it for one of them, and '(a new metric)' for the other"
)
NEEDS_TOTAL_PARAMS = (
    "the '{convention}' parameter convention takes N from a total-parameter column, but only a non-embedding "
    "column ('{column}') is chosen: choose a column for N, or the 'non_embedding' convention"
)
SIX_ND_NEEDS_N_AND_D = (
    "C = 6ND needs both a parameter column (N) and a token column (D); choose both, or use the reported FLOPs"
)

# Sharing runs in a link (lib.ingest.share).
SHARE_TOO_LARGE = (
    "{count} runs are too many to share in a link (the limit is {limit}). "
    "Download the CSV and send the file instead."
)
SHARE_TOO_MANY_METRICS = (
    "{count:,} metrics are more than a link carries (at most {limit}), so the runs are not in it. "
    "Share the runs as a CSV file instead."
)
SHARE_TOO_MANY_VALUES = (
    "{count:,} metric values are more than a link carries (at most {limit:,}), so the runs are not in it. "
    "Share the runs as a CSV file instead."
)
SHARE_DAMAGED = (
    "The link's data is damaged or from another version of Scaling Atlas, so its runs cannot be shown. "
    "Ask for the link again, or for the CSV file."
)
