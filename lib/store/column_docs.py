"""What every table and column of the data release means, and the unit a column's numbers are in.

One declaration for the release's `datapackage.json` and dataset card (lib.store.export): a
column of an exported table that is not declared here is exported with an empty description,
and tests/test_store_export.py fails until it is declared. Units follow lib.schema: absolute
counts (parameters, tokens, FLOPs), never millions or billions; a column whose unit depends on
its row names the column that holds the unit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    description: str
    unit: str | None = None  # None: a text, an id, or a dimensionless number


@dataclass(frozen=True)
class TableDoc:
    description: str
    columns: dict[str, Column]


PARAMETERS = "parameters (a count)"
FLOPS = "FLOPs (a count of floating-point operations)"
OF_THE_FAMILY_DATA_UNIT = "the family's data_unit (families.data_unit): tokens, samples, examples, ..."

PAPER_ID = Column("The paper (papers.paper_id): first author's surname and year.")
FAMILY_ID = Column("The family of runs (families.family_id).")
SOURCE_ID = Column(
    "The released repository the numbers were read from (sources.source_id); empty when transcribed from the paper."
)
RUN_ID = Column("The run within its family, as the source names it.")
SOURCE_FILE = Column("The file of the source the value was read from (or the paper's table or figure).")
SOURCE_LOCATOR = Column("Where in that file: a row, a key or a cell.")
EXTRACTION = Column(
    "How the value was obtained: released_data, table_transcription, digitized_figure or reported_fit."
)
PARAM_CONVENTION = Column("Whether the paper counts parameters with_embeddings or non_embedding (or unknown).")
FLOPS_CONVENTION = Column("How the paper counts training compute, in words.")
YEAR = Column("Year of publication.", "year")
ARXIV_ID = Column("arXiv identifier, e.g. 2203.15556; empty when the paper is not on arXiv.")
DESCRIPTION = Column("What this row is, in words.")
NOTES = Column("Curator's notes.")
URL = Column("Web address of the paper or page.")

CURATED_TABLE_DOCS: dict[str, TableDoc] = {
    "papers": TableDoc(
        "One row per paper the atlas draws runs or published laws from.",
        {
            "paper_id": PAPER_ID,
            "title": Column("Title of the paper."),
            "authors": Column("Authors, comma-separated (the first three and 'et al.' for more than eight)."),
            "year": YEAR,
            "arxiv_id": ARXIV_ID,
            "venue": Column("Where it was published (conference, journal or arXiv)."),
            "url": URL,
            "covers": Column("What the store holds from this paper, in words."),
        },
    ),
    "sources": TableDoc(
        "One row per released repository the numbers were read from, pinned to a commit, with its license.",
        {
            "source_id": Column("The source: owner+repository."),
            "repository": Column("Web address of the repository."),
            "commit": Column("The commit the files were read at."),
            "license": Column("The license the repository states for these files ('none stated' where it states none)."),
            "files": Column("The files read, separated by semicolons."),
            "paper_ids": Column("The papers whose data these are (papers.paper_id), separated by semicolons."),
            "notes": NOTES,
        },
    ),
    "families": TableDoc(
        "One row per family: a set of runs of one paper that belong on one curve.",
        {
            "family_id": Column("The family."),
            "name": Column("Name of the family, as the pages show it."),
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "domain": Column("Domain of the models: language, vision, multimodal, biology, reinforcement_learning, ..."),
            "architecture": Column("Model architecture, in words."),
            "training_data": Column("Training data set, in words."),
            "param_convention": PARAM_CONVENTION,
            "flops_convention": FLOPS_CONVENTION,
            "data_unit": Column(
                "What the points' tokens column counts: tokens, samples, examples, characters, environment_steps or "
                "datapoints."
            ),
            "description": DESCRIPTION,
        },
    ),
    "metrics": TableDoc(
        "One row per metric a point may measure: its kind, direction, sane range and unit.",
        {
            "metric": Column("The metric (points.metric)."),
            "name": Column("Name of the metric, as the pages show it."),
            "kind": Column("loss, perplexity, accuracy, error, score or other."),
            "higher_is_better": Column("True when a higher value is better (accuracy), false when lower is (loss)."),
            "min_value": Column("Lowest sane value.", "metrics.unit"),
            "max_value": Column("Highest sane value.", "metrics.unit"),
            "chance": Column("The score of random guessing, where the source states one.", "metrics.unit"),
            "unit": Column(
                "Unit of the metric's values, e.g. nats per token or fraction (accuracies are fractions in [0, 1])."
            ),
            "description": Column("Exact definition of the metric."),
        },
    ),
    "points": TableDoc(
        "One row per measurement: a run of a family (at a checkpoint step, if any), a metric and its value, with "
        "provenance; plus the columns the atlas derives from the run and its family (N, C_6ND, C_6ND_non_embedding, "
        "C, D_over_N).",
        {
            "family_id": FAMILY_ID,
            "run_id": RUN_ID,
            "params": Column("Parameters including embeddings (and the output head where the source counts it).", PARAMETERS),
            "params_non_embedding": Column("Parameters excluding embeddings.", PARAMETERS),
            "tokens": Column("Training data seen, in the family's data unit.", OF_THE_FAMILY_DATA_UNIT),
            "flops": Column(
                "Training compute as the source reports it or the paper's own rule gives it (see flops_method).", FLOPS
            ),
            "flops_method": Column(
                "How flops was obtained: reported, 6ND, 6ND_non_embedding, derived, forward_only or attention_inclusive."
            ),
            "step": Column("Checkpoint's optimizer step; empty for a run's final value.", "optimizer steps"),
            "unique_tokens": Column(
                "Unique training data (data repeated tokens/unique_tokens epochs).", OF_THE_FAMILY_DATA_UNIT
            ),
            "experts": Column("Experts of a routed (mixture-of-experts) model.", "experts"),
            "vocab_size": Column("Vocabulary size.", "tokens in the vocabulary"),
            "learning_rate": Column("Peak learning rate."),
            "batch_size_tokens": Column("Batch size.", "tokens"),
            "metric": Column("What was measured (metrics.metric)."),
            "value": Column("The measured value.", "metrics.unit of the row's metric"),
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": SOURCE_LOCATOR,
            "extraction": EXTRACTION,
            "N": Column("Derived: parameters in the paper's own convention (params_non_embedding when the family's "
                        "param_convention is non_embedding, else params).", PARAMETERS),
            "C_6ND": Column("Derived: 6 x params x tokens.", FLOPS),
            "C_6ND_non_embedding": Column("Derived: 6 x params_non_embedding x tokens.", FLOPS),
            "C": Column("Derived: flops where reported, else 6 x N x tokens: the compute the pages plot.", FLOPS),
            "D_over_N": Column("Derived: tokens / N, data per parameter.", "tokens per parameter"),
        },
    ),
    "run_inputs": TableDoc(
        "One row per input of a run beyond the points' columns (a data-mixture weight, an update-to-data ratio, ...).",
        {
            "family_id": FAMILY_ID,
            "run_id": RUN_ID,
            "input": Column("The input's name."),
            "value": Column("The input's value.", "run_inputs.unit of the row"),
            "unit": Column("Unit of the value (e.g. fraction of sampled tokens, flag, steps)."),
            "description": Column("What the input is."),
            "source_file": SOURCE_FILE,
            "source_locator": SOURCE_LOCATOR,
        },
    ),
    "models": TableDoc(
        "One row per public model as a models database (Epoch AI) describes it: not runs of one study.",
        {
            "model_id": Column("The model."),
            "name": Column("Name of the model."),
            "domain": Column("The atlas's domain for the model (families.domain's vocabulary)."),
            "domains_listed": Column("Every domain the database lists for it."),
            "task": Column("Tasks the database lists."),
            "organization": Column("Organization that trained it."),
            "publication_date": Column("Publication date, ISO 8601 (YYYY-MM-DD)."),
            "params": Column("Parameters.", PARAMETERS),
            "flops": Column("Training compute.", FLOPS),
            "dataset_size": Column("Training data set size.", "models.dataset_unit of the row"),
            "dataset_unit": Column("Unit of dataset_size (datapoints as the database counts them: tokens, images, ...)."),
            "epochs": Column("Passes over the data set.", "epochs"),
            "confidence": Column("The database's confidence in its numbers."),
            "accessibility": Column("Whether the model's weights are accessible."),
            "reference": Column("The publication describing the model."),
            "url": URL,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": SOURCE_LOCATOR,
            "extraction": EXTRACTION,
            "notes": NOTES,
        },
    ),
    "laws": TableDoc(
        "One row per scaling law a paper publishes, in the atlas's registry of law forms.",
        {
            "law_id": Column("The law."),
            "paper_id": PAPER_ID,
            "family_id": Column("The family it was fitted on (families.family_id), where that family is in the store."),
            "form": Column("The registry's law form (lib.laws), e.g. chinchilla or power_law."),
            "x_var": Column("What the law is a function of: N, D, C, L, N,D, ..."),
            "output": Column("What the law predicts: loss, error, accuracy, N_opt, D_opt, ..."),
            "fitted_on": Column("The runs the paper fitted it on, in words."),
            "fit_method": Column("How the paper fitted it, in words."),
            "fit_options": Column("The paper's fitting method, machine-readable: key=value pairs separated by semicolons "
                                  "(e.g. loss=huber; delta=1e-3; space=log); empty when not recorded."),
            "source_ref": Column("Where in the paper: section, table or equation."),
            "extraction": EXTRACTION,
            "completeness": Column(
                "complete when every coefficient is printed, partial when only some are (the rest are not invented)."
            ),
            "param_convention": PARAM_CONVENTION,
            "flops_convention": FLOPS_CONVENTION,
            "loss_definition": Column("What loss the law predicts, in words."),
            "notes": NOTES,
        },
    ),
    "coefficients": TableDoc(
        "One row per coefficient of a published law, named as the law registry names it, in absolute units.",
        {
            "law_id": Column("The law (laws.law_id)."),
            "param": Column("The coefficient's name in the registry's form."),
            "value": Column("The coefficient's value.", "coefficients.unit of the row"),
            "unit": Column("Unit of the value (empty for exponents and other pure numbers)."),
            "paper_symbol": Column("The symbol the paper prints for it."),
            "ci_low": Column("Lower end of the interval the paper reports.", "coefficients.unit of the row"),
            "ci_high": Column("Upper end of the interval the paper reports.", "coefficients.unit of the row"),
            "note": NOTES,
        },
    ),
    "reading_list": TableDoc(
        "The team's reading list of the field's scaling papers: what the atlas aims to cover.",
        {
            "title": Column("Title of the paper."),
            "year": YEAR,
            "arxiv_id": ARXIV_ID,
            "field": Column("The field the paper belongs to."),
            "what_scales": Column("What the paper scales, in words."),
            "printed_coefficients": Column("Whether the paper prints its fitted coefficients: yes, no or unknown."),
            "public_data": Column("Where the paper's data live (a web address), or unknown."),
        },
    ),
}

# Derived, not curated: the verdicts of `python -m lib.verdicts` (lib.store.verdict_tables), in the
# store only while computed from the curated data as they are.
LAW_FORM = Column("The registry's law form (lib.laws).")
FIT_METHOD = Column("The fitting method: loss (Huber or least squares), Huber delta and residual space.")
RELATIVE_ERROR = "fraction (|predicted / observed - 1|)"

VERDICT_TABLE_DOCS: dict[str, TableDoc] = {
    "law_verdicts": TableDoc(
        "One row per published law: whether a refit of its form on the runs it was fitted on reproduces the "
        "printed coefficients (lib.verdicts.rule).",
        {
            "law_id": Column("The law (laws.law_id)."),
            "paper_id": PAPER_ID,
            "form": LAW_FORM,
            "completeness": Column("complete or partial, as in laws.completeness."),
            "verdict": Column("reproduces, close, differs, cannot check or no data."),
            "reason": Column("Why, in words: the coefficients outside their intervals and by how much, or what is missing."),
            "families": Column("The families refitted (families.family_id), separated by semicolons."),
            "metric": Column("The metric the law predicts (metrics.metric)."),
            "n_points": Column("Points the refit used.", "points"),
            "method": FIT_METHOD,
            "prediction_gap": Column("Median |printed / refit - 1| over the runs.", "fraction"),
            "gap_past_data": Column("|printed / refit - 1| at 10x the largest run's compute.", "fraction"),
        },
    ),
    "law_verdict_coefficients": TableDoc(
        "One row per coefficient of a judged law: the printed value against the refit's bootstrap interval.",
        {
            "law_id": Column("The law (law_verdicts.law_id)."),
            "param": Column("The coefficient's name in the registry's form."),
            "published": Column("The value the paper prints.", "coefficients.unit of the law's coefficient"),
            "refit": Column("The refit's value.", "coefficients.unit of the law's coefficient"),
            "low": Column("Lower end of the refit's 95% bootstrap interval.", "coefficients.unit of the law's coefficient"),
            "high": Column("Upper end of the refit's 95% bootstrap interval.", "coefficients.unit of the law's coefficient"),
            "fixed": Column("True when the paper's method held it at the printed value (not judged)."),
            "inside": Column("True when the printed value lies inside the interval."),
        },
    ),
    "backtest_scores": TableDoc(
        "One row per (family, law form, method) of the extrapolation backtest: fitted on a family's smaller runs, "
        "scored on the larger third (lib.verdicts.backtest).",
        {
            "family": Column("The family (families.family_id)."),
            "metric": Column("The loss fitted (metrics.metric)."),
            "form": LAW_FORM,
            "method": FIT_METHOD,
            "axis": Column("What the cutoff splits the runs by: C (compute) or N (parameters)."),
            "cutoff": Column("Runs at or past this value are held out.", "FLOPs when axis is C, parameters when N"),
            "n_train": Column("Runs fitted.", "runs"),
            "n_test": Column("Runs held out and scored.", "runs"),
            "outcome": Column("The fit's outcome (converged, at a bound, failed, ...), or why it was not scored."),
            "mean_abs_rel_error": Column("Mean |predicted / observed - 1| over the held-out runs.", RELATIVE_ERROR),
            "coverage": Column("Share of held-out runs whose loss falls inside the fit's 95% band.", "fraction"),
            "params": Column("The fitted coefficients as a JSON object (name: value; empty when the fit was not "
                             "scored), to draw the fit without refitting."),
        },
    ),
    "backtest_leaderboard": TableDoc(
        "One row per (law form, method): its backtest scores over every family, best first.",
        {
            "form": LAW_FORM,
            "method": FIT_METHOD,
            "families": Column("Families scored.", "families"),
            "median_abs_rel_error": Column("Median over families of the mean |predicted / observed - 1|.", RELATIVE_ERROR),
            "coverage": Column("Mean share of held-out runs inside the band.", "fraction"),
            "failures": Column("Fits that failed, could not be identified or left no band.", "fits"),
        },
    ),
}

TABLE_DOCS = {**CURATED_TABLE_DOCS, **VERDICT_TABLE_DOCS}
