"""Tick labels a scaling researcher reads at a glance, and one colour per family everywhere."""

from __future__ import annotations

import pytest

from lib.figures import count_label, family_colour, flops_label, log_ticks, scaling_scatter
from lib.figures.style import MY_RUNS_COLOUR, PALETTE


@pytest.mark.parametrize("value, text", [(1e6, "1M"), (7e9, "7B"), (3.5e11, "350B"), (1.4e12, "1.4T"), (500, "500"), (2e3, "2k")])
def test_counts_read_as_m_b_t(value, text):
    assert count_label(value) == text


@pytest.mark.parametrize("value, text", [(1e21, "1e21"), (3e21, "3e21"), (5.76e23, "5.8e23")])
def test_flops_read_as_powers_of_ten(value, text):
    assert flops_label(value) == text


def test_log_ticks_add_2_and_5_marks_on_short_spans():
    values, labels = log_ticks(1e8, 2e9, count_label)
    assert labels == ["100M", "200M", "500M", "1B", "2B"]
    assert log_ticks(1e18, 1e24, flops_label)[1] == ["1e18", "1e19", "1e20", "1e21", "1e22", "1e23", "1e24"]


def test_a_family_keeps_its_colour_and_my_runs_stand_out():
    assert family_colour("chinchilla_epoch") == family_colour("chinchilla_epoch") in PALETTE
    assert family_colour("my_runs") == MY_RUNS_COLOUR not in PALETTE


def test_the_scatter_labels_axes_with_units_and_readable_ticks():
    import pandas as pd

    points = pd.DataFrame({"family_id": "f", "family_name": "F", "run_id": ["a", "b"], "N": [1e8, 1e11],
                           "value": [3.0, 2.5], "source_file": "x", "source_locator": "y", "extraction": "released_data"})
    figure = scaling_scatter(points, "N", y_label="Loss")
    assert figure.layout.xaxis.title.text == "Parameters N"
    assert list(figure.layout.xaxis.ticktext) == ["100M", "1B", "10B", "100B"]
    assert figure.data[0].marker.color == family_colour("f")
