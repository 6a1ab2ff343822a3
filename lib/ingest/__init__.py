"""Users' own training runs: read an upload, detect its columns, validate it into points. No Streamlit.

    read_upload(filename, content)             -> RawTable (text cells, line numbers, format)
    detect_columns(columns, cells=None)        -> ColumnMapping (editable; .explain())
    parse_quantity(text)                       -> float ("7B" -> 7e9), ValueError(reason) otherwise
    validate(raw, mapping, conventions)        -> Ingested (points, runs, rejections, notes, counts)
    runs_to_points(runs, conventions, file)    -> points (e.g. from a shared link's runs)
    encode_runs(runs) / decode_runs(token)     -> a URL-safe token of the runs, and back
    example_csv(), COLUMN_HELP                 -> the example upload and the page's help text

A file or link that cannot be read raises UploadError (a ValueError), a mapping that cannot
produce points MappingError (an UploadError), a table too large for a link ShareTooLarge; every
message is written for the user (see lib.ingest.errors).
"""

from lib.ingest.columns import ColumnMapping, detect_columns
from lib.ingest.errors import MappingError, ShareTooLarge, UploadError
from lib.ingest.help import COLUMN_HELP, EXAMPLE_PATH, example_csv
from lib.ingest.quantities import parse_quantity
from lib.ingest.read import MAX_UPLOAD_BYTES, RawTable, read_upload
from lib.ingest.share import MAX_SHARED_RUNS, decode_runs, encode_runs
from lib.ingest.validate import (
    POINT_COLUMNS,
    REJECTION_COLUMNS,
    RUN_COLUMNS,
    Conventions,
    Ingested,
    runs_to_points,
    validate,
)

__all__ = [
    "COLUMN_HELP",
    "EXAMPLE_PATH",
    "MAX_SHARED_RUNS",
    "MAX_UPLOAD_BYTES",
    "POINT_COLUMNS",
    "REJECTION_COLUMNS",
    "RUN_COLUMNS",
    "ColumnMapping",
    "Conventions",
    "Ingested",
    "MappingError",
    "RawTable",
    "ShareTooLarge",
    "UploadError",
    "decode_runs",
    "detect_columns",
    "encode_runs",
    "example_csv",
    "parse_quantity",
    "read_upload",
    "runs_to_points",
    "validate",
]
