"""The curated dataset's schema: one declaration that curation, the store and `check` all read.

Units are absolute everywhere: parameters as a count (not millions), tokens or samples as a
count (not billions), FLOPs as a count. Accuracies are fractions in [0, 1], never percent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lib.laws import LAW_PARAMS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


@dataclass(frozen=True)
class Table:
    """One curated table: where its files live, its columns, and which must be filled."""

    name: str
    files: str  # glob relative to data/
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]
    optional_files: bool = False  # a dataset may hold no file of this table


PAPERS = Table(
    name="papers",
    files="papers.csv",
    columns=("paper_id", "title", "authors", "year", "arxiv_id", "venue", "url", "covers"),
    required=("paper_id", "title", "authors", "year", "url", "covers"),
    key=("paper_id",),
)

SOURCES = Table(
    name="sources",
    files="sources.csv",
    columns=("source_id", "repository", "commit", "license", "files", "paper_ids", "notes"),
    required=("source_id", "repository", "commit", "license", "paper_ids"),
    key=("source_id",),
)

FAMILIES = Table(
    name="families",
    files="families/*.csv",
    columns=(
        "family_id",
        "name",
        "paper_id",
        "source_id",
        "domain",
        "architecture",
        "training_data",
        "param_convention",
        "flops_convention",
        "data_unit",
        "description",
    ),
    required=(
        "family_id",
        "name",
        "paper_id",
        "domain",
        "architecture",
        "training_data",
        "param_convention",
        "flops_convention",
        "data_unit",
    ),
    key=("family_id",),
)

METRICS = Table(
    name="metrics",
    files="metrics/*.csv",
    columns=("metric", "name", "kind", "higher_is_better", "min_value", "max_value", "chance", "unit", "description"),
    required=("metric", "name", "kind", "higher_is_better", "min_value", "max_value"),
    key=("metric",),
)

POINTS = Table(
    name="points",
    files="points/*.csv",
    columns=(
        "family_id",
        "run_id",
        "params",
        "params_non_embedding",
        "tokens",
        "flops",
        "flops_method",
        "step",
        "unique_tokens",
        "experts",
        "vocab_size",
        "learning_rate",
        "batch_size_tokens",
        "metric",
        "value",
        "paper_id",
        "source_id",
        "source_file",
        "source_locator",
        "extraction",
    ),
    required=("family_id", "run_id", "metric", "value", "paper_id", "source_file", "source_locator", "extraction"),
    key=("family_id", "run_id", "step", "metric"),
)

LAWS = Table(
    name="laws",
    files="laws/*.csv",
    columns=(
        "law_id",
        "paper_id",
        "family_id",
        "form",
        "x_var",
        "output",
        "fitted_on",
        "fit_method",
        "fit_options",
        "source_ref",
        "extraction",
        "completeness",
        "param_convention",
        "flops_convention",
        "loss_definition",
        "notes",
    ),
    required=("law_id", "paper_id", "form", "output", "fitted_on", "source_ref", "extraction", "completeness"),
    key=("law_id",),
)

# Inputs of a run beyond N, D, C and the named inputs of POINTS (e.g. one data-mixture weight
# per domain, an update-to-data ratio, a context length): one row per run and input.
RUN_INPUTS = Table(
    name="run_inputs",
    files="run_inputs/*.csv",
    columns=("family_id", "run_id", "input", "value", "unit", "description", "source_file", "source_locator"),
    required=("family_id", "run_id", "input", "value", "unit", "source_file", "source_locator"),
    key=("family_id", "run_id", "input"),
    optional_files=True,
)

# Models as a database of public models describes them (not runs of one study): where a model
# sits among the published ones by parameters, compute, data, domain and date.
MODELS = Table(
    name="models",
    files="models/*.csv",
    columns=(
        "model_id",
        "name",
        "domain",
        "domains_listed",
        "task",
        "organization",
        "publication_date",
        "params",
        "flops",
        "dataset_size",
        "dataset_unit",
        "epochs",
        "confidence",
        "accessibility",
        "reference",
        "url",
        "source_id",
        "source_file",
        "source_locator",
        "extraction",
        "notes",
    ),
    required=("model_id", "name", "domain", "source_id", "source_file", "source_locator", "extraction"),
    key=("model_id",),
    optional_files=True,
)

# The team's reading list of the field's scaling papers (what the atlas aims to cover), as rows
# of title, arXiv id and the field the paper belongs to; `summary` measures coverage against it.
READING_LIST = Table(
    name="reading_list",
    files="reading_list.csv",
    columns=("title", "year", "arxiv_id", "field", "what_scales", "printed_coefficients", "public_data"),
    required=("title", "field"),
    key=("title",),
)

COEFFICIENTS = Table(
    name="coefficients",
    files="coefficients/*.csv",
    columns=("law_id", "param", "value", "unit", "paper_symbol", "ci_low", "ci_high", "note"),
    required=("law_id", "param", "value"),
    key=("law_id", "param"),
)

TABLES = (PAPERS, SOURCES, FAMILIES, METRICS, POINTS, RUN_INPUTS, MODELS, LAWS, COEFFICIENTS, READING_LIST)

# Controlled vocabularies. A value outside these is a `check` error.
DOMAINS = (
    "language",
    "vision",
    "multimodal",
    "speech",
    "audio",
    "code",
    "biology",
    "reinforcement_learning",
    "games",
    "robotics",
    "image_generation",
    "video",
    "recommendation",
    "science",
    "mathematics",
    "time_series",
    "other",
)
PARAM_CONVENTIONS = ("with_embeddings", "non_embedding", "unknown")
DATA_UNITS = {
    "tokens": "tokens seen in training",
    "samples": "samples seen (e.g. image-text pairs)",
    "examples": "training examples (e.g. fine-tuning examples, not tokens)",
    "characters": "training characters",
    "environment_steps": "environment steps of a reinforcement-learning agent",
    "datapoints": "datapoints as a models database counts them (tokens, images, ... per domain)",
}
FLOPS_METHODS = {
    "reported": "FLOPs as the source reports them",
    "6ND": "6 x parameters (with embeddings) x tokens",
    "6ND_non_embedding": "6 x non-embedding parameters x tokens",
    "derived": "computed another way, explained in the family's flops_convention",
    "forward_only": "forward-pass FLOPs only, as the paper measures compute (training takes about 3x as many)",
    "attention_inclusive": "a reported budget counting attention FLOPs in an effective N (C = 6 N_eff D)",
}
EXTRACTIONS = {
    "released_data": "read from a file the authors (or a replication) released",
    "table_transcription": "transcribed from a table or equation of the paper",
    "digitized_figure": "digitized from a figure (by the named replication)",
    "reported_fit": "a fitted law's coefficients as the paper reports them",
}
# A paper may print only some of a law's coefficients (often just the exponents). Such a law is
# kept, marked partial, for comparison of what it does report; it cannot be drawn.
LAW_COMPLETENESS = {
    "complete": "every coefficient of the form is reported",
    "partial": "the paper prints only some coefficients (e.g. the exponents); the rest are not invented",
}
METRIC_KINDS = ("loss", "perplexity", "accuracy", "error", "score", "other")
LAW_OUTPUTS = (
    "loss", "error", "accuracy", "N_opt", "D_opt", "M_opt", "tokens_per_param", "learning_rate", "batch_size", "other",
)
X_VARS = ("N", "D", "C", "L", "N,D", "C,M", "N,D,U", "N,E", "other")

# Law forms and their parameter names come from the one registry (lib.laws): published
# coefficients must use exactly these names so a published law can be drawn and compared.
LAW_FORMS = LAW_PARAMS
