"""A contribution: the user's runs (My runs) as the curated files of a new family, to be reviewed
as a pull request. No Streamlit, and nothing is written where the app runs: the files are built
in memory and handed over as one zip.

    prepare_contribution(metadata, points, new_metrics, source_file) -> Contribution (zip bytes)
    new_metric_ids(points)                  -> the runs' metrics the store does not declare yet
    suggested_new_metric(metric)            -> a NewMetric to start the form from
    add_to_dataset(archive, data_dir)       -> the zip's files written into a data/ folder
    python -m lib.contribution add FILE.zip -> the same from the command line (a contributor's clone)

The zip holds families/<id>.csv, points/<id>.csv and, for metrics the store does not declare,
metrics/<id>.csv, laid out as in data/; the paper's and the release's rows, which belong to the
single files data/papers.csv and data/sources.csv, as papers_rows.csv and sources_rows.csv to
append; and CONTRIBUTING.txt. Metadata is refused field by field (ContributionRefused), and the
files are run through the same rules as `python -m lib.store check` before they are offered.
"""

from __future__ import annotations

import argparse
import io
import math
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from lib.ingest.columns import is_loss
from lib.schema import (
    DATA_DIR,
    DATA_UNITS,
    DOMAINS,
    FAMILIES,
    METRIC_KINDS,
    METRICS,
    PAPERS,
    PARAM_CONVENTIONS,
    POINTS,
    SOURCES,
    TABLES,
    Table,
)
from lib.store.check import ARXIV_ID, PLAUSIBLE_YEARS, check_tables
from lib.store.dataset import empty_raw_table, read_raw_csv, read_raw_table

FIELD_LABELS = {
    "title": "Paper title",
    "authors": "Authors",
    "year": "Year",
    "arxiv_id": "arXiv id",
    "paper_url": "Paper URL",
    "paper_id": "Paper id",
    "release_url": "Release URL",
    "release_version": "Release version",
    "license": "License",
    "family_name": "Family name",
    "description": "Description",
    "domain": "Domain",
    "architecture": "Architecture",
    "training_data": "Training data",
    "param_convention": "Parameter convention",
    "flops_convention": "FLOPs convention",
    "data_unit": "Data unit",
}
OPTIONAL_FIELDS = frozenset({"arxiv_id", "paper_url", "paper_id", "release_version"})
CHOICES = {"domain": DOMAINS, "param_convention": PARAM_CONVENTIONS, "data_unit": tuple(DATA_UNITS)}
# Room for any real title or author list (the papers table keeps "first three et al." past eight
# authors); a description may run to a paragraph.
MAX_CHARS = {"authors": 1000, "description": 3000, "flops_convention": 1000}
DEFAULT_MAX_CHARS = 300
SHOWN_VALUE_CHARS = 60  # a refused value is quoted this far in its message
MAX_NEW_METRICS = 10
# Checking 50,000 points as `check` does takes about 3 s on two busy cores; a release larger than
# that is curated by a script of data/curate, like the published ones.
MAX_POINTS = 50_000
MAX_CHECK_PROBLEMS_SHOWN = 10
UNSTATED_VERSION = "not stated"
EXTRACTION = "released_data"
ROWS_FILES = {"papers_rows.csv": PAPERS, "sources_rows.csv": SOURCES}
FOLDER_TABLES = {"families": FAMILIES, "points": POINTS, "metrics": METRICS}
INSTRUCTIONS_FILE = "CONTRIBUTING.txt"
TABLE_FILE = re.compile(r"(families|points|metrics)/[a-z0-9_]+\.csv")
RESERVED_FAMILY_IDS = frozenset({"my_runs"})  # the session's own runs on every page
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,59}")

MISSING = "{label}: missing"
TOO_LONG = "{label}: longer than {limit:,} characters"
NOT_ONE_OF = "{label}: '{value}' is not one of {allowed}"
NOT_A_YEAR = "{label}: '{value}' is not a year from {earliest} to {latest}"
BAD_ARXIV_ID = "{label}: '{value}' is not an arXiv id of the form 2203.15556"
BAD_URL = "{label}: '{value}' is not a web address starting with https:// or http://"
NO_PAPER = "Paper: give its arXiv id or its URL (a report's or preprint's web page)"
NO_ID = "{label}: '{value}' gives no id (an id is lower-case letters, digits and _, starting with a letter)"
ID_TAKEN = "{label}: the id '{value}' is already taken in the store ({owner}); {remedy}"
TOO_MANY_METRICS = (
    "Metrics: {count} metrics are new to the store; a contribution declares at most {limit}: say which published "
    "metric the others are, or leave them out of the metric columns"
)
TOO_MANY_POINTS = (
    "Runs: {count:,} points; a contribution holds at most {limit:,}. A larger release is curated by a script "
    "(data/curate): open an issue with its address"
)
BAD_RANGE = "{label}: the sane range [{low:g}, {high:g}] is empty or not finite"
CHECK_FAILED = "Check: {problem}"
MORE_CHECK_PROBLEMS = "Check: {count:,} more problems of the same kind"


@dataclass(frozen=True)
class Metadata:
    """What a curated family needs beyond its runs, as the user typed it (see FIELD_LABELS)."""

    title: str = ""
    authors: str = ""
    year: int | None = None
    arxiv_id: str = ""
    paper_url: str = ""
    paper_id: str = ""  # empty: the first author's surname and the year ("hoffmann2022")
    release_url: str = ""
    release_version: str = ""
    license: str = ""
    family_name: str = ""
    description: str = ""
    domain: str = ""
    architecture: str = ""
    training_data: str = ""
    param_convention: str = ""
    flops_convention: str = ""
    data_unit: str = ""


@dataclass(frozen=True)
class NewMetric:
    """A metric the store does not declare yet, as the metrics table needs it."""

    metric: str
    kind: str
    higher_is_better: bool
    min_value: float
    max_value: float
    unit: str = ""
    description: str = ""


@dataclass(frozen=True)
class Contribution:
    family_id: str
    archive: bytes

    @property
    def filename(self) -> str:
        return f"scaling-atlas-contribution_{self.family_id}.zip"


class ContributionRefused(ValueError):
    """Every problem found, each naming the field (or file) to fix, written for the user."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Ids:
    family: str
    paper: str
    source: str


def shown(value: object) -> str:
    text = " ".join(str(value).split())
    return text[:SHOWN_VALUE_CHARS] + ("…" if len(text) > SHOWN_VALUE_CHARS else "")


def slug(text: str) -> str:
    """`text` as an id: accents and apostrophes dropped, lower case, runs of anything else as one "_"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:60].strip("_")


def normalised_arxiv_id(text: str) -> str:
    """"arXiv:2203.15556v2" or "https://arxiv.org/abs/2203.15556" as "2203.15556"."""
    bare = re.sub(r"^(arxiv:|https?://(www\.)?arxiv\.org/(abs|pdf)/)", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"v\d+$", "", bare.removesuffix(".pdf"))


def is_web_address(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and "." in parts.netloc and not any(c.isspace() for c in text)


def first_author_surname(authors: str) -> str:
    first = re.split(r",| and ", authors.replace("et al.", ""))[0].split()
    return slug(first[-1]) if first else ""


def contribution_ids(metadata: Metadata) -> Ids:
    """The family's id from its name, the paper's from its first author and year (unless given), the
    release's from its address (owner+repository on GitHub, as the curated sources are named)."""
    paper = metadata.paper_id.strip() or f"{first_author_surname(metadata.authors)}{metadata.year or ''}"
    parts = urlsplit(metadata.release_url.strip()) if is_web_address(metadata.release_url.strip()) else None
    path = [piece for piece in (parts.path.split("/") if parts else []) if piece]
    if parts and parts.netloc.lower() in ("github.com", "www.github.com") and len(path) >= 2:
        source = f"{path[0]}+{path[1].removesuffix('.git')}"
    else:
        source = slug(f"{parts.netloc}/{parts.path}") if parts else ""
    return Ids(family=slug(metadata.family_name), paper=paper, source=source)


def field_problems(metadata: Metadata) -> list[tuple[str, str]]:
    """(field, message) for each field missing, too long or outside its vocabulary."""
    problems = []
    for name, label in FIELD_LABELS.items():
        value = getattr(metadata, name)
        text = "" if value is None else str(value).strip()
        limit = MAX_CHARS.get(name, DEFAULT_MAX_CHARS)
        if not text:
            if name not in OPTIONAL_FIELDS:
                problems.append((name, MISSING.format(label=label)))
        elif len(text) > limit:
            problems.append((name, TOO_LONG.format(label=label, limit=limit)))
        elif name in CHOICES and text not in CHOICES[name]:
            problems.append((name, NOT_ONE_OF.format(label=label, value=shown(text), allowed=", ".join(CHOICES[name]))))
    return problems


def paper_problems(metadata: Metadata) -> list[tuple[str, str]]:
    """(field, message) for a year, arXiv id or address that cannot be right, or no way to find the paper."""
    problems = []
    earliest, latest = PLAUSIBLE_YEARS
    if metadata.year is not None and not earliest <= metadata.year <= latest:
        year = NOT_A_YEAR.format(label=FIELD_LABELS["year"], value=metadata.year, earliest=earliest, latest=latest)
        problems.append(("year", year))
    arxiv_id, paper_url = metadata.arxiv_id.strip(), metadata.paper_url.strip()
    if not arxiv_id and not paper_url:
        problems.append(("arxiv_id", NO_PAPER))
    if arxiv_id and not re.fullmatch(ARXIV_ID, normalised_arxiv_id(arxiv_id)):
        problems.append(("arxiv_id", BAD_ARXIV_ID.format(label=FIELD_LABELS["arxiv_id"], value=shown(arxiv_id))))
    for name in ("paper_url", "release_url"):
        value = getattr(metadata, name).strip()
        if value and not is_web_address(value):
            problems.append((name, BAD_URL.format(label=FIELD_LABELS[name], value=shown(value))))
    return problems


@dataclass(frozen=True)
class StoreContents:
    """What a contribution must not collide with, and the metrics it may reuse."""

    families: pd.DataFrame
    papers: pd.DataFrame
    sources: pd.DataFrame
    metrics: pd.DataFrame

    @classmethod
    def read(cls, data_dir: Path) -> StoreContents:
        return cls(*(read_raw_table(table, data_dir) for table in (FAMILIES, PAPERS, SOURCES, METRICS)))

    def table(self, table: Table) -> pd.DataFrame:
        return getattr(self, table.name)


# Per id: the fields it is made from (the first names it in messages), the table it must be new to,
# that table's column naming the owner, and what to change when it is taken.
ID_SOURCES = {
    "family": (("family_name",), FAMILIES, "name", "choose another family name"),
    "paper": (("paper_id", "authors", "year"), PAPERS, "title",
              "give the paper id yourself, e.g. with a letter after the year"),
    "source": (("release_url",), SOURCES, "repository", "it is curated already: give the address of your own release"),
}


def id_problems(ids: Ids, store: StoreContents, refused_fields: set[str]) -> list[str]:
    """An id that cannot be made, or that the store already uses, with what to change; ids made
    from a field refused already are not judged again."""
    problems = []
    for kind, (made_from, table, owner_column, remedy) in ID_SOURCES.items():
        if refused_fields & set(made_from):
            continue
        identifier, label = getattr(ids, kind), FIELD_LABELS[made_from[0]]
        if kind != "source" and not ID_PATTERN.fullmatch(identifier):  # a source id keeps GitHub's owner+repository
            problems.append(NO_ID.format(label=label, value=shown(identifier)))
            continue
        owners = store.table(table)
        taken = owners[owners[table.key[0]] == identifier]
        if len(taken) or (kind == "family" and identifier in RESERVED_FAMILY_IDS):
            owner = shown(taken[owner_column].iloc[0]) if len(taken) else "the session's own runs"
            problems.append(ID_TAKEN.format(label=label, value=identifier, owner=owner, remedy=remedy))
    return problems


def undeclared_metrics(points: pd.DataFrame, metrics: pd.DataFrame) -> list[str]:
    declared = set(metrics["metric"])
    return [metric for metric in dict.fromkeys(points["metric"]) if metric not in declared]


def new_metric_ids(points: pd.DataFrame, data_dir: Path = DATA_DIR) -> list[str]:
    """The runs' metrics the store does not declare, in the order the runs give them."""
    return undeclared_metrics(points, read_raw_table(METRICS, data_dir))


def suggested_new_metric(metric: str) -> NewMetric:
    """A start for the form: a loss in nats per token (the range of the published training loss), else
    a score the user bounds."""
    if is_loss(metric):
        return NewMetric(metric, "loss", False, 0.0, 20.0, "nats/token")
    return NewMetric(metric, "other", True, 0.0, 1.0)


def metric_problems(wanted: list[str], new_metrics: dict[str, NewMetric]) -> list[str]:
    if len(wanted) > MAX_NEW_METRICS:
        return [TOO_MANY_METRICS.format(count=len(wanted), limit=MAX_NEW_METRICS)]
    problems = []
    for metric in wanted:
        label = f"Metric '{metric}'"
        declared = new_metrics.get(metric)
        if declared is None or not declared.description.strip():
            problems.append(MISSING.format(label=f"{label} definition"))
            continue
        if declared.kind not in METRIC_KINDS:
            allowed = ", ".join(METRIC_KINDS)
            problems.append(NOT_ONE_OF.format(label=f"{label} kind", value=shown(declared.kind), allowed=allowed))
        low, high = declared.min_value, declared.max_value
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            problems.append(BAD_RANGE.format(label=f"{label} range", low=low, high=high))
        for part, limit in (("unit", DEFAULT_MAX_CHARS), ("description", MAX_CHARS["description"])):
            if len(getattr(declared, part)) > limit:
                problems.append(TOO_LONG.format(label=f"{label} {part}", limit=limit))
    return problems


def curated_points(points: pd.DataFrame, ids: Ids, source_file: str) -> pd.DataFrame:
    """The session's points (the store's points view, as lib.ingest makes them) in the curated points
    schema. FLOPs are kept where the file reported them; where the session computed 6ND they stay
    empty, as the store computes the same 6ND from the family's convention."""
    reported = points["flops_method"] == "reported"
    frame = pd.DataFrame(
        {
            "family_id": ids.family,
            "run_id": points["run_id"],
            "params": points["N_total"],
            "params_non_embedding": points["N_non_embedding"],
            "tokens": points["D"],
            "flops": points["C_reported"].where(reported),
            "flops_method": np.where(reported, "reported", None),
            "step": points["step"],
            "unique_tokens": points["U"],
            "experts": points["E"],
            "vocab_size": points["V"],
            "learning_rate": points["learning_rate"],
            "batch_size_tokens": points["batch_size_tokens"],
            "metric": points["metric"],
            "value": points["value"],
            "paper_id": ids.paper,
            "source_id": ids.source,
            "source_file": source_file,
            "source_locator": points["source_locator"],
            "extraction": EXTRACTION,
        }
    )
    return frame[list(POINTS.columns)]


def contribution_tables(
    metadata: Metadata, ids: Ids, points: pd.DataFrame, new_metrics: list[NewMetric], source_file: str
) -> dict[str, pd.DataFrame]:
    """The zip's tables by file name, each with its table's columns in schema order."""
    text = {item.name: str(getattr(metadata, item.name) or "").strip() for item in fields(Metadata)}
    arxiv_id = normalised_arxiv_id(text["arxiv_id"]) if text["arxiv_id"] else ""
    family = {**{column: text.get(column, "") for column in FAMILIES.columns},
              "family_id": ids.family, "name": text["family_name"], "paper_id": ids.paper, "source_id": ids.source}
    paper = {
        "paper_id": ids.paper, "title": text["title"], "authors": text["authors"], "year": metadata.year,
        "arxiv_id": arxiv_id, "venue": "", "url": text["paper_url"] or f"https://arxiv.org/abs/{arxiv_id}",
        "covers": text["description"],
    }
    runs = points["run_id"].nunique()
    source = {
        "source_id": ids.source, "repository": text["release_url"],
        "commit": text["release_version"] or UNSTATED_VERSION, "license": text["license"], "files": source_file,
        "paper_ids": ids.paper, "notes": f"Contributed through Scaling Atlas's My runs page: {runs:,} runs.",
    }
    tables = {
        f"families/{ids.family}.csv": pd.DataFrame([family], columns=FAMILIES.columns),
        f"points/{ids.family}.csv": curated_points(points, ids, source_file),
        "papers_rows.csv": pd.DataFrame([paper], columns=PAPERS.columns),
        "sources_rows.csv": pd.DataFrame([source], columns=SOURCES.columns),
    }
    if new_metrics:
        rows = [{"metric": m.metric, "name": m.metric.replace("_", " "), "kind": m.kind,
                 "higher_is_better": m.higher_is_better, "min_value": m.min_value, "max_value": m.max_value,
                 "chance": None, "unit": m.unit.strip(), "description": m.description.strip()} for m in new_metrics]
        tables[f"metrics/{ids.family}.csv"] = pd.DataFrame(rows, columns=METRICS.columns)
    return tables


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode()


def table_of(file: str) -> Table:
    return ROWS_FILES.get(file) or FOLDER_TABLES[file.split("/")[0]]


def check_problems(files: dict[str, bytes], store: StoreContents) -> list[str]:
    """The files as `python -m lib.store check` reads them, beside the store's metrics: every
    problem that check would report in them (the store's own are not the contributor's to fix)."""
    tables = {table.name: empty_raw_table(table) for table in TABLES}
    labels = {file: file if file in ROWS_FILES else f"data/{file}" for file in files}
    for file, content in files.items():
        tables[table_of(file).name] = read_raw_csv(io.BytesIO(content), labels[file])
    tables["metrics"] = pd.concat([store.metrics, tables["metrics"]], ignore_index=True)
    found = check_tables(tables)
    problems = [CHECK_FAILED.format(problem=problem) for problem in found if problem.file in labels.values()]
    if len(problems) > MAX_CHECK_PROBLEMS_SHOWN:
        more = len(problems) - MAX_CHECK_PROBLEMS_SHOWN
        problems = [*problems[:MAX_CHECK_PROBLEMS_SHOWN], MORE_CHECK_PROBLEMS.format(count=more)]
    return problems


def prepare_contribution(
    metadata: Metadata,
    points: pd.DataFrame,
    new_metrics: dict[str, NewMetric],
    source_file: str,
    data_dir: Path = DATA_DIR,
) -> Contribution:
    """The zip of a new family holding `points` (the session's, lib.ingest's points view), or
    ContributionRefused listing every problem: fields first, then anything check would report."""
    if len(points) > MAX_POINTS:
        raise ContributionRefused([TOO_MANY_POINTS.format(count=len(points), limit=MAX_POINTS)])
    store = StoreContents.read(data_dir)
    ids = contribution_ids(metadata)
    wanted = undeclared_metrics(points, store.metrics)
    refused = [*field_problems(metadata), *paper_problems(metadata)]
    problems = [message for _, message in refused]
    problems += [*id_problems(ids, store, {name for name, _ in refused}), *metric_problems(wanted, new_metrics)]
    if problems:
        raise ContributionRefused(problems)
    tables = contribution_tables(metadata, ids, points, [new_metrics[metric] for metric in wanted], source_file)
    files = {file: csv_bytes(frame) for file, frame in tables.items()}
    problems = check_problems(files, store)
    if problems:
        raise ContributionRefused(problems)
    files[INSTRUCTIONS_FILE] = instructions(metadata, ids, files, points).encode()
    return Contribution(ids.family, zip_bytes(files))


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of `files`, byte for byte the same for the same files (fixed timestamps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


INSTRUCTIONS = """Scaling Atlas contribution: the family '{family}'

{runs:,} runs ({points:,} points) of "{name}", as files of Scaling Atlas's data/ folder:

{listing}

To propose them for the atlas:

1. Clone (or fork and clone) the Scaling Atlas repository and install it
   (pip install -r requirements.txt).
2. From the repository's root, add this archive to data/:
       python -m lib.contribution add path/to/{archive}
   It writes the files above into data/ and appends the two rows to data/papers.csv and
   data/sources.csv; it refuses to overwrite anything already there. (By hand: copy the folders
   into data/ and append the row under the header of each *_rows.csv to that file.)
3. Check the dataset:
       python -m lib.store check
   It must end with "dataset OK: no problems found". Then `streamlit run app.py` rebuilds the
   store and shows the family on Explore and Fit.
4. Commit the changed files of data/ on a new branch and open a pull request. Say where the runs
   come from and link the release ({release}); a maintainer reviews the metadata, the license
   ({license}) and the points before merging.
"""
LISTING = {
    "families": "the family: paper, release, domain, architecture, training data, conventions",
    "points": "one row per run and metric, with its provenance (the line of your file)",
    "metrics": "the definitions of the metrics the atlas does not declare yet",
    "papers_rows.csv": "the paper's row, to append to data/papers.csv",
    "sources_rows.csv": "the release's row, to append to data/sources.csv",
}


def instructions(metadata: Metadata, ids: Ids, files: dict[str, bytes], points: pd.DataFrame) -> str:
    width = max(map(len, files))
    listing = "\n".join(f"  {file:<{width}}  {LISTING.get(file) or LISTING[file.split('/')[0]]}" for file in files)
    return INSTRUCTIONS.format(
        family=ids.family, runs=points["run_id"].nunique(), points=len(points), name=metadata.family_name.strip(),
        listing=listing, archive=Contribution(ids.family, b"").filename, release=metadata.release_url.strip(),
        license=metadata.license.strip(),
    )


def add_to_dataset(archive: bytes, data_dir: Path = DATA_DIR) -> list[Path]:
    """Write a contribution zip into `data_dir`: its table files into their folders, its rows
    appended to papers.csv and sources.csv. Refuses (ValueError) an unexpected member, a file that
    exists already and a row whose id is taken, before writing anything. Returns what changed."""
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        files = {name: opened.read(name) for name in opened.namelist() if name != INSTRUCTIONS_FILE}
    unexpected = [name for name in files if name not in ROWS_FILES and not TABLE_FILE.fullmatch(name)]
    missing = [name for name in ROWS_FILES if name not in files]
    if unexpected or missing:
        raise ValueError(f"not a contribution made by Scaling Atlas: unexpected {', '.join(unexpected) or 'nothing'}, "
                         f"missing {', '.join(missing) or 'nothing'}")
    present = [name for name in files if name not in ROWS_FILES and (data_dir / name).exists()]
    if present:
        raise ValueError(f"already in {data_dir}: {', '.join(present)}")
    appended = {}
    for name, table in ROWS_FILES.items():
        target = data_dir / table.files
        header, _, rows = files[name].decode().partition("\n")
        existing = target.read_text()
        if header != existing.partition("\n")[0]:
            raise ValueError(f"{name}: its columns are not those of {target}")
        key = table.key[0]
        taken = set(read_raw_table(table, data_dir)[key]) & set(read_raw_csv(io.BytesIO(files[name]), name)[key])
        if taken:
            raise ValueError(f"{name}: {', '.join(sorted(taken))} is already in {target}")
        appended[target] = existing + ("" if existing.endswith("\n") else "\n") + rows
    for name, content in files.items():
        if name not in ROWS_FILES:
            (data_dir / name).write_bytes(content)
    for target, text in appended.items():
        target.write_text(text)
    return [*(data_dir / name for name in files if name not in ROWS_FILES), *appended]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.contribution", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["add"])
    parser.add_argument("archive", type=Path, help="a contribution zip from the My runs page")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder to add it to")
    args = parser.parse_args(argv)
    try:
        changed = add_to_dataset(args.archive.read_bytes(), args.data)
    except (OSError, ValueError, zipfile.BadZipFile) as problem:
        print(f"not added: {problem}", file=sys.stderr)
        return 1
    for path in changed:
        print(f"wrote {path}")
    print("now run: python -m lib.store check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
