"""Tick labels a scaling researcher reads at a glance, and one colour per family everywhere."""

from __future__ import annotations

import pytest

import itertools
import math
from types import SimpleNamespace

from lib.figures import (
    chart_colours,
    count_label,
    curve_colours,
    family_colour,
    flops_label,
    log_ticks,
    readable_numbers,
    scaling_scatter,
)
from lib.figures.style import DISTINCT_RGB, MY_RUNS_COLOUR, PALETTE, _rgb


@pytest.mark.parametrize("value, text", [(1e6, "1M"), (7e9, "7B"), (3.5e11, "350B"), (1.4e12, "1.4T"), (500, "500"), (2e3, "2k"), (1e15, "1e15"), (3e16, "3e16")])
def test_counts_read_as_m_b_t(value, text):
    assert count_label(value) == text


@pytest.mark.parametrize("value, text", [(1e21, "1e21"), (3e21, "3e21"), (5.76e23, "5.8e23")])
def test_flops_read_as_powers_of_ten(value, text):
    assert flops_label(value) == text


def test_tables_show_flops_and_huge_values_as_text_and_leave_other_columns_alone():
    import pandas as pd

    shown = readable_numbers(pd.DataFrame({"C": [5.764e23, 1e21, float("nan")], "N": [7e10, 1e9, 2e9],
                                           "high": [3.3206e34, 2.021, float("nan")]}))
    assert shown["C"].tolist()[:2] == ["5.76e23", "1e21"] and pd.isna(shown["C"].iloc[2])
    assert shown["N"].tolist() == [7e10, 1e9, 2e9]
    assert shown["high"].tolist()[:2] == ["3.321e+34", "2.021"] and pd.isna(shown["high"].iloc[2])


def test_log_ticks_add_2_and_5_marks_on_short_spans():
    values, labels = log_ticks(1e8, 2e9, count_label)
    assert labels == ["100M", "200M", "500M", "1B", "2B"]
    assert log_ticks(1e18, 1e24, flops_label)[1] == ["1e18", "1e19", "1e20", "1e21", "1e22", "1e23", "1e24"]


def test_a_family_keeps_its_colour_and_my_runs_stand_out():
    assert family_colour("chinchilla_epoch") == family_colour("chinchilla_epoch") in PALETTE
    assert family_colour("my_runs") == MY_RUNS_COLOUR not in PALETTE


RUAN_FAMILIES = ["ruan2024_llama", "ruan2024_llama-2", "ruan2024_mistral", "ruan2024_olmo", "ruan2024_starcoder2",
                 "ruan2024_deepseek-llm", "ruan2024_codegen"]  # all seven hash to the same palette colour


def test_families_drawn_together_are_told_apart():
    assert len({family_colour(family) for family in RUAN_FAMILIES}) == 1
    colours = chart_colours(RUAN_FAMILIES + ["my_runs"])
    assert colours["my_runs"] == MY_RUNS_COLOUR
    published = [colours[family] for family in RUAN_FAMILIES]
    assert len(set(published)) == len(RUAN_FAMILIES)
    assert min(math.dist(_rgb(a), _rgb(b)) for a, b in itertools.combinations(published, 2)) >= DISTINCT_RGB


def test_the_same_families_get_the_same_colours_in_any_order_and_the_first_keeps_its_own():
    assert chart_colours(RUAN_FAMILIES) == chart_colours(reversed(RUAN_FAMILIES))
    first = sorted(RUAN_FAMILIES)[0]
    assert chart_colours(RUAN_FAMILIES)[first] == family_colour(first)
    assert chart_colours(["chinchilla_epoch"]) == {"chinchilla_epoch": family_colour("chinchilla_epoch")}


def test_more_families_than_colours_still_each_get_one():
    families = [f"family_{i}" for i in range(len(PALETTE) + 4)]
    colours = chart_colours(families)
    assert set(colours) == set(families) and set(colours.values()) <= set(PALETTE)


def test_a_lone_fit_wears_its_familys_colour_and_two_fits_of_one_family_differ():
    def model(key, kind, family=None):
        return SimpleNamespace(key=key, kind=kind, family_id=family)

    lone = [model("fit:ruan2024_llama:chinchilla", "fit", "ruan2024_llama"), model("law:hoffmann2022_a3", "published")]
    assert curve_colours(lone)["fit:ruan2024_llama:chinchilla"] == chart_colours(
        ["ruan2024_llama", "law:hoffmann2022_a3"])["ruan2024_llama"]
    pair = [model("fit:f:chinchilla", "fit", "f"), model("fit:f:kaplan_nd", "fit", "f")]
    assert len(set(curve_colours(pair).values())) == 2


def test_the_scatter_labels_axes_with_units_and_readable_ticks():
    import pandas as pd

    points = pd.DataFrame({"family_id": "f", "family_name": "F", "run_id": ["a", "b"], "N": [1e8, 1e11],
                           "value": [3.0, 2.5], "source_file": "x", "source_locator": "y", "extraction": "released_data"})
    figure = scaling_scatter(points, "N", y_label="Loss")
    assert figure.layout.xaxis.title.text == "Parameters N"
    assert list(figure.layout.xaxis.ticktext) == ["100M", "1B", "10B", "100B"]
    assert figure.data[0].marker.color == family_colour("f")
