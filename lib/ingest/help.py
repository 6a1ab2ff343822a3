"""What the upload page tells users: the accepted columns and formats, and an example file.

COLUMN_HELP is built from the same alias and suffix tables detection uses, so it cannot drift
from what is accepted. The example is committed (lib/ingest/example_runs.csv) and rebuilt by
`python -m data.curate.example_runs` from curated data, never invented.
"""

from __future__ import annotations

from pathlib import Path

from lib.ingest.columns import LOSS_ALIASES, ROLE_ALIASES, ROLE_LABELS, TRAIN_LOSS_METRIC, TRAIN_LOSS_NAMES
from lib.ingest.read import MAX_UPLOAD_BYTES, MEGABYTE
from lib.ingest.share import MAX_SHARED_RUNS

EXAMPLE_PATH = Path(__file__).resolve().parent / "example_runs.csv"


def example_csv() -> str:
    """The example upload: 20 real Chinchilla runs in the messy formats users have."""
    return EXAMPLE_PATH.read_text(encoding="utf-8")


def _names(aliases: tuple[str, ...]) -> str:
    return ", ".join(f"`{alias}`" for alias in aliases)


_ROLE_LINES = "\n".join(
    f"- **{role}** ({ROLE_LABELS[role]}): {_names(aliases)}" for role, aliases in ROLE_ALIASES.items()
)

COLUMN_HELP = f"""\
**What to upload.** A CSV, TSV or Parquet file (up to {MAX_UPLOAD_BYTES // MEGABYTE} MB), one row per run
(or per checkpoint of a run), with a header row. Text must be UTF-8 (Excel: "CSV UTF-8") or
UTF-16 with a byte-order mark; the delimiter (comma, tab or semicolon) is detected. Blank lines
and lines starting with `#` are left out and listed.

**Required.** At least one metric column (a loss, e.g. `loss` or `val_loss`) and at least one of
N (parameters), D (training tokens) or C (training FLOPs).

**Column names** are matched ignoring case, spaces, `_`, `-`, `/` and `.`:
{_ROLE_LINES}
- **losses**: {_names(LOSS_ALIASES)}, or any name containing "loss"
- any other column whose values are numbers becomes an extra metric.

You can change every choice before the runs are checked.

**Published metrics.** Say which published metric each metric column is, so your runs sit beside
the published families on it: a training loss named without its data ({_names(TRAIN_LOSS_NAMES)})
is suggested as the published `{TRAIN_LOSS_METRIC}`, a column named like a published metric as that
metric; "(a new metric)" keeps it apart.

**Values.** Plain numbers (`7000000000`, `2.5e9`, `3E+21`), digits grouped in threes
(`1,000,000` or `1_000_000`; quote a value with commas in a comma-separated file), and unit
suffixes, case-insensitive, with or without a space: `k`/`thousand` = 1e3, `M`/`million` = 1e6,
`B`/`billion` = 1e9, `T`/`trillion` = 1e12. **B means billion, never bytes; m means million,
never milli.** A unit in a count column's name scales the whole column: `params (B)`,
`tokens_billions`, `params_M`, `flops_pf_days` (1 PF-day = 8.64e19 FLOPs); a value in such a
column must then be a plain number. The decimal separator is `.`; in a semicolon-separated file
a comma is refused because it may be a decimal comma.

**What is rejected.** N, D and C must be positive (log-scale laws need it) and a step must not be
negative; every chosen N, D, C and step column must have a value in every row. A row failing
that is rejected; a bad metric value rejects only that cell. A row repeating an earlier row's
run name, step, N, D and C is rejected as a duplicate. Every rejection is listed with its line.
Values scaled by a unit are counted in the notes.

**Conventions.** Say whether N counts embedding parameters (with embeddings, non-embedding or
unknown). C is the reported FLOPs column when there is one; without it, or if you choose so,
C = 6ND (and a reported column is kept for comparison).

**Sharing.** Up to {MAX_SHARED_RUNS} runs fit in a link; for more, download the CSV and send it.

**Example.** The example file holds 20 runs of Hoffmann et al. (2022), Figure 4, as digitized by
Epoch AI (Besiroglu et al. 2024; family `chinchilla_epoch` in the atlas), rounded to 3-4
significant figures and written in the formats above (rebuilt by `python -m data.curate.example_runs`).
"""
