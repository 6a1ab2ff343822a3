"""The shared conventions: one rule for C = 6ND wherever compute is derived."""

import numpy as np
import pytest

from lib.conventions import FLOPS_PER_PARAM_TOKEN, PF_DAY_FLOPS, compute_6nd, split_at_ratio
from lib.store import Store


def test_split_at_ratio_spends_the_budget_at_that_ratio():
    n, d = split_at_ratio(np.array([5.76e23, 1e21]), 20.0)
    assert compute_6nd(n, d) == pytest.approx([5.76e23, 1e21])
    assert d / n == pytest.approx([20.0, 20.0])
    assert n[0] == pytest.approx(6.93e10, rel=1e-3)  # Chinchilla's budget at 20 tokens per parameter


def test_a_pf_day_is_a_petaflop_per_second_for_a_day():
    assert PF_DAY_FLOPS == 8.64e19


def test_the_store_derives_compute_with_the_same_rule():
    store = Store()
    try:
        points = store.points(["chinchilla_epoch"])
    finally:
        store.close()
    expected = FLOPS_PER_PARAM_TOKEN * points["N_total"] * points["D"]
    assert np.allclose(points["C_6ND"], expected, rtol=1e-12)
    assert np.allclose(points["D_over_N"], points["D"] / points["N"], rtol=1e-12)
