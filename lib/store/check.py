"""Validation of the whole curated dataset: every problem found, each tied to its file and line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lib.conventions import compute_6nd
from lib.schema import (
    DATA_DIR,
    DATA_UNITS,
    DOMAINS,
    EXTRACTIONS,
    FLOPS_METHODS,
    LAW_COMPLETENESS,
    LAW_FORMS,
    LAW_OUTPUTS,
    METRIC_KINDS,
    METRICS,
    PARAM_CONVENTIONS,
    TABLES,
    X_VARS,
    Table,
)
from lib.store.dataset import (
    FILE_COLUMN,
    LINE_COLUMN,
    NUMERIC_COLUMNS,
    UnreadableFile,
    read_dataset,
    read_header,
    table_files,
    typed,
)

# Smallest plausible absolute counts: below these a value was almost surely stored in
# millions / billions (e.g. "1.4" for 1.4T tokens).
SMALLEST_PLAUSIBLE = {
    "params": 1e4,
    "params_non_embedding": 1e3,
    "tokens": 1e4,  # small synthetic sets (Pandey 2024: 1e5 tokens) are real; "7" for 7B is not
    "flops": 1e12,
    "unique_tokens": 1e6,
    "experts": 1,
    "vocab_size": 2,
    "batch_size_tokens": 1,
}
# Reported FLOPs further than this factor from 6ND point to a unit slip, not a convention.
FLOPS_TO_6ND_TOLERANCE = 10.0
PLAUSIBLE_YEARS = (1980, 2030)
ARXIV_ID = r"\d{4}\.\d{4,5}"  # the new scheme (2203.15556); every paper of the store has one of this form
POSITIVE_COLUMNS = tuple(SMALLEST_PLAUSIBLE)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


def _problems_at(frame: pd.DataFrame, mask: pd.Series, describe: Callable[[pd.Series], str]) -> Iterator[Problem]:
    for _, row in frame[mask.fillna(False).astype(bool)].iterrows():
        yield Problem(row[FILE_COLUMN], int(row[LINE_COLUMN]), describe(row))


def header_problems(table: Table, data_dir: Path) -> Iterator[Problem]:
    paths = table_files(table, data_dir)
    if not paths and not table.optional_files:
        yield Problem(f"data/{table.files}", None, f"{table.name}: no file found")
    for path in paths:
        file = str(path.relative_to(data_dir.parent))
        header = read_header(path, file)
        for column in table.columns:
            if column not in header:
                yield Problem(file, 1, f"{table.name}: column '{column}' is missing")
        for column in header:
            if column not in table.columns:
                yield Problem(file, 1, f"{table.name}: column '{column}' is not in the schema")


def implausible_papers(papers: pd.DataFrame) -> Iterator[Problem]:
    year = pd.to_numeric(papers["year"], errors="coerce")
    earliest, latest = PLAUSIBLE_YEARS
    yield from _problems_at(
        papers, (year < earliest) | (year > latest), lambda row: f"papers: year {row['year']} is implausible"
    )
    malformed = papers["arxiv_id"].notna() & ~papers["arxiv_id"].astype(str).str.fullmatch(ARXIV_ID)
    yield from _problems_at(
        papers, malformed, lambda row: f"papers: arXiv id '{row['arxiv_id']}' is not of the form 2203.15556"
    )


def missing_values(table: Table, raw: pd.DataFrame) -> Iterator[Problem]:
    for column in table.required:
        if column in raw:
            yield from _problems_at(raw, raw[column].isna(), lambda row, c=column: f"{table.name}: '{c}' is empty")


def unparseable_numbers(table: Table, raw: pd.DataFrame) -> Iterator[Problem]:
    for column in NUMERIC_COLUMNS & set(raw.columns):
        parsed = pd.to_numeric(raw[column], errors="coerce")
        yield from _problems_at(
            raw,
            raw[column].notna() & parsed.isna(),
            lambda row, c=column: f"{table.name}: '{c}' is not a number ({row[c]!r})",
        )


def duplicate_keys(table: Table, raw: pd.DataFrame) -> Iterator[Problem]:
    key = [column for column in table.key if column in raw]
    if table.name == "metrics":  # several sources may declare the same metric
        key = [column for column in table.columns if column in raw]
    duplicated = raw.duplicated(subset=key, keep="first")
    yield from _problems_at(
        raw, duplicated, lambda row: f"{table.name}: duplicate of {tuple(row[c] for c in table.key)}"
    )


def outside_vocabulary(raw: pd.DataFrame, table_name: str, column: str, allowed) -> Iterator[Problem]:
    if column not in raw:
        return
    unknown = raw[column].notna() & ~raw[column].isin(list(allowed))
    yield from _problems_at(
        raw, unknown, lambda row: f"{table_name}: {column} '{row[column]}' is not one of {sorted(allowed)}"
    )


def unknown_reference(
    raw: pd.DataFrame, table_name: str, column: str, target: pd.DataFrame, target_column: str, what: str
) -> Iterator[Problem]:
    if column not in raw:
        return
    known = set(target[target_column].dropna()) if target_column in target else set()
    unknown = raw[column].notna() & ~raw[column].isin(known)
    yield from _problems_at(raw, unknown, lambda row: f"{table_name}: unknown {what} '{row[column]}'")


# Two sources may word a shared metric's description differently; what it measures may not differ.
METRIC_IDENTITY = ("metric", "kind", "higher_is_better", "min_value", "max_value", "chance", "unit")


def conflicting_metric_definitions(metrics: pd.DataFrame) -> Iterator[Problem]:
    distinct = typed(metrics).drop_duplicates(subset=[c for c in METRIC_IDENTITY if c in metrics])
    conflicting = distinct.duplicated(subset="metric", keep="first")
    yield from _problems_at(
        distinct, conflicting, lambda row: f"metrics: '{row['metric']}' is declared differently elsewhere"
    )


def chance_outside_range(metrics: pd.DataFrame) -> Iterator[Problem]:
    values = typed(metrics)
    outside = values["chance"].notna() & ((values["chance"] < values["min_value"]) | (values["chance"] > values["max_value"]))
    yield from _problems_at(
        values, outside,
        lambda row: f"metrics: chance {row['chance']:g} of '{row['metric']}' is outside its sane range "
                    f"[{row['min_value']:g}, {row['max_value']:g}] (a percent in a fraction metric?)",
    )


def point_value_problems(points: pd.DataFrame, metrics: pd.DataFrame, families: pd.DataFrame) -> Iterator[Problem]:
    values = typed(points)
    family = families.drop_duplicates("family_id").set_index("family_id")
    counts_tokens = values["family_id"].map(family["data_unit"]) == "tokens"
    for column in (*POSITIVE_COLUMNS, "learning_rate"):
        # A run's initialisation has seen no data: 0 tokens (and 0 FLOPs) at step 0 is a fact.
        at_start = (values["step"] == 0) & (values[column] == 0) if column in ("tokens", "flops") else False
        yield from _problems_at(
            values, (values[column] <= 0) & ~at_start, lambda row, c=column: f"points: non-positive {c} ({row[c]:g})"
        )
    for column in POSITIVE_COLUMNS:
        # A family counting examples or environment steps has small counts in `tokens` by nature.
        applies = counts_tokens if column == "tokens" else True
        yield from _problems_at(
            values,
            applies & (values[column] > 0) & (values[column] < SMALLEST_PLAUSIBLE[column]),
            lambda row, c=column: (
                f"points: {c} = {row[c]:g} is implausibly small for an absolute count "
                "(stored in millions or billions?)"
            ),
        )
    ranges = typed(metrics).drop_duplicates(subset="metric").set_index("metric")[["min_value", "max_value"]]
    bounds = ranges.reindex(values["metric"]).set_index(values.index)
    outside = (values["value"] < bounds["min_value"]) | (values["value"] > bounds["max_value"])
    yield from _problems_at(
        values.assign(_min=bounds["min_value"], _max=bounds["max_value"]),
        outside,
        lambda row: (
            f"points: value {row['value']:g} of '{row['metric']}' is outside its sane range "
            f"[{row['_min']:g}, {row['_max']:g}]"
        ),
    )
    # 6ND is a language-model rule of thumb, taken with the N the family itself counts; it says
    # nothing of samples of images and text.
    non_embedding = values["family_id"].map(family["param_convention"]) == "non_embedding"
    family_params = values["params_non_embedding"].where(non_embedding, values["params"])
    ratio = values["flops"].where(counts_tokens) / compute_6nd(family_params, values["tokens"])
    mismatched = (ratio > FLOPS_TO_6ND_TOLERANCE) | (ratio < 1 / FLOPS_TO_6ND_TOLERANCE)
    yield from _problems_at(
        values.assign(_ratio=ratio),
        mismatched,
        lambda row: f"points: flops are {row['_ratio']:.3g} x 6ND (a unit mix-up between N, D and C?)",
    )
    yield from _problems_at(
        values,
        values["params_non_embedding"] > values["params"],
        lambda row: "points: params_non_embedding exceeds params (columns swapped?)",
    )


def convention_gaps(points: pd.DataFrame, families: pd.DataFrame) -> Iterator[Problem]:
    """A family that counts parameters one way must give that count wherever it gives any."""
    convention = points["family_id"].map(families.drop_duplicates("family_id").set_index("family_id")["param_convention"])
    has_any = points["params"].notna() | points["params_non_embedding"].notna()
    lacks = has_any & (
        ((convention == "non_embedding") & points["params_non_embedding"].isna())
        | ((convention == "with_embeddings") & points["params"].isna())
    )
    yield from _problems_at(
        points.assign(_convention=convention),
        lacks,
        lambda row: f"points: family '{row['family_id']}' counts params {row['_convention']} but this row lacks that count",
    )


def law_coefficient_problems(laws: pd.DataFrame, coefficients: pd.DataFrame) -> Iterator[Problem]:
    given = coefficients.groupby("law_id")["param"].apply(set) if len(coefficients) else pd.Series(dtype=object)
    for _, law in laws.iterrows():
        expected = set(LAW_FORMS.get(law["form"], ()))
        have = given.get(law["law_id"], set())
        partial = law["completeness"] == "partial"
        mismatched = (have - expected or not have) if partial else have != expected
        if law["form"] in LAW_FORMS and mismatched:
            missing, extra = sorted(expected - have), sorted(have - expected)
            yield Problem(
                law[FILE_COLUMN],
                int(law[LINE_COLUMN]),
                f"laws: '{law['law_id']}' ({law['form']}) coefficients do not match the form: "
                f"missing {missing}, unexpected {extra}",
            )


def check_tables(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    papers, sources, families = tables["papers"], tables["sources"], tables["families"]
    metrics, points, laws, coefficients = tables["metrics"], tables["points"], tables["laws"], tables["coefficients"]
    problems: list[Problem] = []
    for table in TABLES:
        raw = tables[table.name]
        for rule in (missing_values, unparseable_numbers, duplicate_keys):
            problems.extend(rule(table, raw))
    vocabularies = [
        (families, "families", "domain", DOMAINS),
        (tables["models"], "models", "domain", DOMAINS),
        (tables["models"], "models", "extraction", EXTRACTIONS),
        (families, "families", "param_convention", PARAM_CONVENTIONS),
        (families, "families", "data_unit", DATA_UNITS),
        (points, "points", "flops_method", FLOPS_METHODS),
        (points, "points", "extraction", EXTRACTIONS),
        (laws, "laws", "extraction", EXTRACTIONS),
        (laws, "laws", "form", LAW_FORMS),
        (laws, "laws", "completeness", LAW_COMPLETENESS),
        (laws, "laws", "output", LAW_OUTPUTS),
        (laws, "laws", "x_var", X_VARS),
        (laws, "laws", "param_convention", PARAM_CONVENTIONS),
        (metrics, "metrics", "kind", METRIC_KINDS),
        (metrics, "metrics", "higher_is_better", ("true", "false", "True", "False")),
    ]
    for frame, name, column, allowed in vocabularies:
        problems.extend(outside_vocabulary(frame, name, column, allowed))
    references = [
        (families, "families", "paper_id", papers, "paper_id", "paper"),
        (families, "families", "source_id", sources, "source_id", "source"),
        (points, "points", "family_id", families, "family_id", "family"),
        (points, "points", "paper_id", papers, "paper_id", "paper"),
        (points, "points", "source_id", sources, "source_id", "source"),
        (points, "points", "metric", metrics, "metric", "metric"),
        (tables["run_inputs"], "run_inputs", "family_id", families, "family_id", "family"),
        (tables["models"], "models", "source_id", sources, "source_id", "source"),
        (laws, "laws", "paper_id", papers, "paper_id", "paper"),
        (laws, "laws", "family_id", families, "family_id", "family"),
        (coefficients, "coefficients", "law_id", laws, "law_id", "law"),
    ]
    for args in references:
        problems.extend(unknown_reference(*args))
    problems.extend(implausible_papers(papers))
    problems.extend(conflicting_metric_definitions(metrics))
    problems.extend(chance_outside_range(metrics))
    problems.extend(point_value_problems(points, metrics, families))
    problems.extend(convention_gaps(points, families))
    problems.extend(law_coefficient_problems(laws, coefficients))
    return problems


def check_dataset(data_dir: Path = DATA_DIR) -> list[Problem]:
    try:
        headers = [problem for table in TABLES for problem in header_problems(table, data_dir)]
        return headers + check_tables(read_dataset(data_dir))
    except UnreadableFile as problem:  # nothing more can be checked until the file parses
        return [Problem(problem.file, problem.line, str(problem).split(": ", 1)[1])]
