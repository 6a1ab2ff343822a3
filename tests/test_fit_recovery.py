"""Every law form: coefficients drawn, 1 % multiplicative noise added, the fit recovers them."""

import numpy as np
import pytest

from lib.fit import fit_law
from lib.fit.engine import build_problem
from lib.laws import LAWS, get_law


def grid(**axes):
    mesh = np.meshgrid(*axes.values(), indexing="ij")
    return {k: m.ravel() for k, m in zip(axes, mesh)}


def repetition_grid():
    """Models of 1M-1B parameters on 1e8, 1e9, 1e10 unique tokens repeated 1-40 epochs."""
    g = grid(N=np.geomspace(1e6, 1e9, 6), U=np.array([1e8, 1e9, 1e10]), epochs=np.array([1, 2, 4, 8, 16, 40.0]))
    g["D"] = g["U"] * g.pop("epochs")
    return g


# name: (inputs, true coefficients, X column for one-variable forms, relative tolerance)
# Tolerances reflect how well 1 % noise pins each coefficient on these designs: scale
# coefficients multiply a power of a large input, so they move most with their exponent.
CASES = {
    "power_law": (grid(C=np.geomspace(1e18, 1e22, 40)), dict(A=30.0, alpha=0.05), "C", dict(A=0.1, alpha=0.05)),
    "power_law_offset": (grid(N=np.geomspace(1e6, 1e11, 60)), dict(E=1.7, A=400.0, alpha=0.34), "N",
                         dict(E=0.03, A=0.5, alpha=0.1)),
    "kaplan_single": (grid(N=np.geomspace(1e6, 1e10, 60)), dict(x_c=8.8e13, alpha=0.076), "N",
                      dict(x_c=1.0, alpha=0.05)),
    "kaplan_single_offset": (grid(N=np.geomspace(1e6, 1e11, 60)), dict(E=1.5, x_c=1e8, alpha=0.3), "N",
                             dict(E=0.05, x_c=0.5, alpha=0.1)),
    "chinchilla": (grid(N=np.geomspace(1e7, 1e11, 10), D=np.geomspace(1e9, 1e13, 10)),
                   dict(E=1.82, A=482.0, B=2085.0, alpha=0.348, beta=0.366), None,
                   dict(E=0.02, A=0.5, B=0.5, alpha=0.08, beta=0.08)),
    "kaplan": (grid(N=np.geomspace(1e6, 1e9, 8), D=np.geomspace(1e7, 1e11, 8)),
               dict(N_c=8.8e13, alpha_N=0.076, D_c=5.4e13, alpha_D=0.095), None,
               dict(N_c=0.5, alpha_N=0.05, D_c=0.5, alpha_D=0.05)),
    "bnsl": (grid(D=np.geomspace(1e3, 1e9, 60)), dict(a=0.5, b=20.0, c0=0.1, c1=0.4, d1=1e6, f1=0.3), "D",
             dict(a=0.05, b=0.1, c0=0.1, c1=0.1, d1=0.3, f1=0.3)),
    "zhai": (grid(C=np.geomspace(1e-2, 1e4, 40)), dict(a=0.5, b=0.4, c=0.1, d=1.0), "C",
             dict(a=0.1, b=0.1, c=0.1, d=0.3)),
    "data_constrained": (repetition_grid(),
                         dict(E=1.87, A=521.0, B=1488.0, alpha=0.35, beta=0.353, R_D_star=15.4, R_N_star=5.3), None,
                         dict(E=0.05, A=0.3, B=0.3, alpha=0.1, beta=0.1, R_D_star=0.4, R_N_star=0.4)),
    "overtraining": (grid(C=np.geomspace(1e15, 1e23, 12), M=np.geomspace(1, 1000, 10)),
                     dict(E=1.7, a=100.0, b=500.0, eta=0.17), None, dict(E=0.02, a=0.2, b=0.3, eta=0.05)),
    "loss_to_error": (grid(L=np.linspace(2.5, 4.5, 40)), dict(epsilon=0.85, k=4.0, gamma=0.8), None,
                      dict(epsilon=0.05, k=0.2, gamma=0.1)),
    "sigmoid": (grid(C=np.geomspace(1e19, 1e25, 50)), dict(floor=0.25, ceiling=0.9, slope=1.5, midpoint=22.0), "C",
                dict(floor=0.05, ceiling=0.05, slope=0.1, midpoint=0.01)),
    "sigmoid_loss": (grid(L=np.linspace(1.6, 3.6, 50)), dict(floor=0.25, ceiling=0.8, slope=4.0, midpoint=2.5), None,
                     dict(floor=0.05, ceiling=0.05, slope=0.1, midpoint=0.02)),
    "allocation": (grid(C=np.geomspace(1e18, 1e24, 20)), dict(k=0.1, a=0.5), None, dict(k=0.2, a=0.02)),
    # An optimal learning rate falling with N (Charles et al.'s data-parallel law) and Step Law's
    # lr_opt(N, D); the prefactors multiply powers of 1e8-1e12, so they move most.
    "hyperparameter_power": (grid(N=np.geomspace(3e7, 3e9, 30)), dict(k=16319.2, a=-0.819), "N",
                             dict(k=0.15, a=0.01)),
    "hyperparameter_power_nd": (grid(N=np.geomspace(2e8, 1e10, 8), D=np.geomspace(4e9, 1e12, 8)),
                                dict(k=1.78, a=-0.712, b=0.307), None, dict(k=0.15, a=0.01, b=0.02)),
    # Clark et al.'s routed models: 15M-1.3B dense sizes with 1-512 experts. E_max lies inside the
    # experts' range, so the saturation is seen; E_start only shows in how E = 1, 2, 4 differ and
    # E_max in the last few doublings, so those two are pinned loosest (over seeds 0-5 they stay
    # within 21 % and 48 %; a, b, c within 4 %, 7 % and 12 %, d within 2.5 %).
    "routing": (grid(N=np.geomspace(1.5e7, 1.3e9, 8), E=2.0 ** np.arange(10)),
                dict(a=-0.08, b=-0.3, c=0.02, d=1.1, E_start=2.0, E_max=300.0), None,
                dict(a=0.05, b=0.1, c=0.2, d=0.03, E_start=0.3, E_max=0.6)),
    # Xiao et al.'s Densing Law: density doubling about every 95 days over two years of releases.
    "exponential_trend": (grid(T=np.linspace(30, 700, 40)), dict(A=0.0073, B=-2.3), None, dict(A=0.01, B=0.01)),
}


def test_every_registered_form_has_a_recovery_case():
    assert set(CASES) == set(LAWS)


def synthetic(name, seed=0):
    data, true, x, _ = CASES[name]
    law = get_law(name)
    inputs = {("x" if x else k): v for k, v in data.items()}
    size = len(next(iter(data.values())))
    y = law.predict(true, inputs) * np.exp(np.random.default_rng(seed).normal(0, 0.01, size))
    return data, y, x


@pytest.mark.parametrize("name", sorted(CASES))
def test_fit_recovers_coefficients(name):
    data, y, x = synthetic(name)
    fit = fit_law(name, data, y, x=x)
    true, tolerance = CASES[name][1], CASES[name][3]
    assert fit.status.converged, fit.status.message
    for coef, value in true.items():
        assert fit.params[coef] == pytest.approx(value, rel=tolerance[coef]), (coef, fit.params)
    # The fit is at least as good as the truth: otherwise the optimiser stopped short.
    problem, _ = build_problem(name, data, y, fit.options)
    truth = [np.log(v) if get_law(name).param(k).log_scale else v for k, v in true.items()]
    assert fit.objective <= problem.objective_batch(np.array(truth))[0] * (1 + 1e-9)
