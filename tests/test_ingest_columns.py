"""detect_columns: one test per rule (each alias family, units in names, extra metrics, no loss)."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.ingest import ColumnMapping, detect_columns
from lib.ingest.columns import ROLE_ALIASES, metric_id, suggest_metric


def text_cells(columns: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(columns, dtype="str")


@pytest.mark.parametrize("role", list(ROLE_ALIASES))
def test_every_alias_of_a_role_is_recognised_in_any_spelling(role):
    for alias in ROLE_ALIASES[role]:
        for spelling in (alias, alias.upper(), alias.replace("_", " "), alias.replace("_", "-"), f" {alias.title()} "):
            mapping = detect_columns([spelling, "loss"])
            assert mapping.roles()[role] == spelling, spelling
            assert mapping.metrics == ["loss"]


@pytest.mark.parametrize(
    ("column", "role"),
    [
        ("params", "N"),
        ("Total Params", "N"),
        ("non-embedding params", "N_non_embedding"),
        ("tokens_seen", "D"),
        ("dataset size", "D"),
        ("training_FLOPs", "C"),
        ("Iteration", "step"),
        ("model_name", "run"),
    ],
)
def test_a_sample_of_real_header_spellings(column, role):
    assert detect_columns([column, "val_loss"]).roles()[role] == column


@pytest.mark.parametrize(
    ("column", "role", "multiplier"),
    [
        ("params (M)", "N", 1e6),
        ("Params (B)", "N", 1e9),
        ("tokens (T)", "D", 1e12),
        ("tokens [B]", "D", 1e9),
        ("params_millions", "N", 1e6),
        ("tokens_billions", "D", 1e9),
        ("params_M", "N", 1e6),
        ("tokens_B", "D", 1e9),
        ("non_embedding_params (M)", "N_non_embedding", 1e6),
        ("flops_pf_days", "C", 8.64e19),
        ("step_k", "step", 1e3),
    ],
)
def test_a_unit_in_a_count_column_name_becomes_its_multiplier(column, role, multiplier):
    mapping = detect_columns([column, "loss"])
    assert mapping.roles()[role] == column
    assert mapping.multipliers == {column: multiplier}


def test_a_unit_on_a_name_that_is_not_a_count_is_not_a_multiplier():
    mapping = detect_columns(["model_b", "loss (M)"])
    assert mapping.run is None
    assert mapping.multipliers == {}
    assert mapping.metrics == ["loss (M)"]


def test_loss_columns_are_metrics_even_without_cells():
    mapping = detect_columns(["params", "loss", "val_loss", "Eval/Loss", "loss_wikitext"])
    assert mapping.metrics == ["loss", "val_loss", "Eval/Loss", "loss_wikitext"]


def test_other_numeric_columns_become_extra_metrics_after_the_losses():
    cells = text_cells(
        {
            "accuracy": ["0.5", "0.6"],
            "params": ["7B", "1B"],
            "notes": ["first try", "second"],
            "val_loss": ["2.1", "2.0"],
            "ppl": ["8.2", "abc"],  # half numeric: not "more than half"
            "lr": ["3e-4", "1e-4"],
        }
    )
    mapping = detect_columns(list(cells.columns), cells)
    assert mapping.metrics == ["val_loss", "accuracy", "lr"]
    assert mapping.reasons["notes"] == "not numeric"
    assert mapping.reasons["ppl"] == "not numeric"


def test_without_cells_an_unknown_column_is_not_guessed():
    mapping = detect_columns(["params", "accuracy", "loss"])
    assert mapping.metrics == ["loss"]
    assert mapping.reasons["accuracy"] == "not a known name"


def test_no_loss_column_leaves_only_numeric_metrics():
    cells = text_cells({"params": ["1M"], "tokens": ["2M"], "accuracy": ["0.4"]})
    assert detect_columns(list(cells.columns), cells).metrics == ["accuracy"]
    assert detect_columns(["params", "tokens"]).metrics == []


def test_the_first_column_of_a_role_wins_and_the_next_is_not_used():
    mapping = detect_columns(["params", "n_params", "loss"])
    assert mapping.N == "params"
    assert mapping.metrics == ["loss"]
    assert mapping.reasons["n_params"] == "N is already 'params'"


def test_explain_says_what_each_column_is_and_why():
    cells = text_cells(
        {
            "run": ["a"],
            "params (B)": ["7"],
            "n_params": ["7e9"],
            "tokens": ["1T"],
            "val_loss": ["2"],
            "acc": ["0.5"],
            "notes": ["x"],
        }
    )
    assert detect_columns(list(cells.columns), cells).explain() == [
        "run -> run (run name)",
        "params (B) -> N (parameters), values x 1e9 from the unit 'B' in its name",
        "n_params -> not used (N is already 'params (B)')",
        "tokens -> D (training tokens)",
        "val_loss -> metric val_loss (a loss)",
        "acc -> metric acc (another numeric column)",
        "notes -> not used (not numeric)",
    ]


def test_explain_follows_the_users_edits():
    mapping = detect_columns(["size", "loss"])
    mapping.N = "size"
    assert mapping.explain() == ["size -> N (parameters)", "loss -> metric loss (a loss)"]


def test_a_column_chosen_for_a_role_stops_being_a_metric():
    mapping = detect_columns(["size", "loss"], text_cells({"size": ["70M", "7B"], "loss": ["3.5", "3.2"]}))
    assert mapping.metrics == ["loss", "size"]
    mapping.choose("N", "size")
    assert (mapping.N, mapping.metrics) == ("size", ["loss"])
    mapping.choose("N", None)
    assert (mapping.N, mapping.metrics) == (None, ["loss"])


def test_detection_gives_the_whole_mapping_in_file_order():
    columns = ["val_loss", "Model", "params (B)", "tokens", "flops", "step", "loss", "name"]
    assert detect_columns(columns) == ColumnMapping(
        N="params (B)",
        D="tokens",
        C="flops",
        step="step",
        run="Model",
        metrics=["val_loss", "loss"],
        multipliers={"params (B)": 1e9},
        reasons={"params (B)": "B", "name": "run is already 'Model'"},
        columns=columns,
    )


def test_metric_ids_are_safe():
    assert metric_id("Val Loss (nats)") == "val_loss_nats"
    assert metric_id("eval/loss") == "eval_loss"
    assert metric_id("???") == "metric"


# --------------------------------------------------------------------------- the published metric a column is

PUBLISHED = ("train_loss", "val_loss_c4", "val_loss_c4_eval", "acc_mmlu_5shot")


@pytest.mark.parametrize("column", ["loss", "Loss", "train_loss", "Train Loss", "training-loss", "final_loss", "train/loss"])
def test_a_training_loss_named_without_its_data_is_suggested_as_the_published_train_loss(column):
    assert suggest_metric(column, PUBLISHED) == "train_loss"


@pytest.mark.parametrize(
    ("column", "metric"),
    [("val_loss_c4", "val_loss_c4"), ("Val Loss (C4)", "val_loss_c4"), ("acc_mmlu_5shot", "acc_mmlu_5shot")],
)
def test_a_column_named_as_a_published_metric_is_suggested_as_that_metric(column, metric):
    assert suggest_metric(column, PUBLISHED) == metric


@pytest.mark.parametrize("column", ["val_loss", "eval_loss", "loss_wikitext", "accuracy", "lr"])
def test_a_metric_that_names_no_published_one_is_a_new_metric(column):
    """A validation loss without its data set could be any of the published ones: no guess."""
    assert suggest_metric(column, PUBLISHED) is None


def test_no_published_train_loss_no_suggestion():
    assert suggest_metric("loss", ("val_loss_c4",)) is None


def test_detection_suggests_each_metrics_published_metric_and_says_so():
    mapping = detect_columns(["params", "loss", "val_loss", "Val Loss (C4)"], published=PUBLISHED)
    assert mapping.published_as == {"loss": "train_loss", "Val Loss (C4)": "val_loss_c4"}
    assert [mapping.metric_name(column) for column in mapping.metrics] == ["train_loss", "val_loss", "val_loss_c4"]
    assert "loss -> metric train_loss (a loss, as the published metric)" in mapping.explain()
    assert "val_loss -> metric val_loss (a loss)" in mapping.explain()


def test_without_published_metrics_every_metric_keeps_its_own_name():
    mapping = detect_columns(["params", "loss"])
    assert mapping.published_as == {} and mapping.metric_name("loss") == "loss"
