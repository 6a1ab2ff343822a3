"""Every law form Scaling Atlas knows, each declared once.

Parameter names are the contract with the curated dataset (published coefficients are stored
against them). Start grids only seed the fitter's screen: coefficients marked `linear` are
solved exactly for each grid point, so only the others need grids.
"""

from __future__ import annotations

import numpy as np

from lib.laws.registry import LawForm, Param

HUGE = 1e300  # upper bound for scale coefficients whose size depends on the data's units


def _exponent(name: str, symbol: str, starts, lower: float = 0.0, upper: float = 5.0) -> Param:
    return Param(name, lower, upper, tuple(starts), symbol=symbol)


def _coefficient(name: str, symbol: str, lower: float = 1e-12) -> Param:
    """A positive coefficient the prediction is linear in (solved exactly, never gridded)."""
    return Param(name, lower, HUGE, (), log_scale=True, linear=True, symbol=symbol)


def _log_spaced_around(role: str, below: float, above: float, count: int):
    """Start grid for a scale coefficient: log-spaced from the data's smallest value of `role`
    divided by `below` to its largest times `above` (it lives in the units of that input)."""

    def starts(inputs, y):
        x = np.asarray(inputs[role], dtype=float)
        return np.geomspace(x.min() / below, x.max() * above, count)

    return starts


def _log10_range(role: str, count: int):
    def starts(inputs, y):
        lx = np.log10(np.asarray(inputs[role], dtype=float))
        return np.linspace(lx.min(), lx.max(), count)

    return starts


EXPONENTS = np.round(np.arange(0.02, 2.5, 0.04), 4)  # fine enough that a local refine converges
ONE_VARIABLE = ("N", "D", "C")


def _power(x, exponent):
    return x ** (-exponent)


POWER_LAW = LawForm(
    name="power_law",
    title="Power law",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(_coefficient("A", "A"), _exponent("alpha", r"\alpha", EXPONENTS)),
    latex=r"y = A\,X^{-\alpha}",
    citation="kaplan2020",
    output="loss",
    description="Pure power law in one variable (N, D or C), no irreducible term.",
    columns=lambda p, x: (_power(x["x"], p["alpha"]),),
)

POWER_LAW_OFFSET = LawForm(
    name="power_law_offset",
    title="Power law with offset",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(_coefficient("E", "E"), _coefficient("A", "A"), _exponent("alpha", r"\alpha", EXPONENTS)),
    latex=r"y = E + A\,X^{-\alpha}",
    citation="hoffmann2022",
    output="loss",
    description="Power law in one variable plus an irreducible term E.",
    columns=lambda p, x: (np.ones_like(x["x"]), _power(x["x"], p["alpha"])),
)

_X_C = Param("x_c", 1e-30, HUGE, _log_spaced_around("x", 1e3, 1e15, 19), log_scale=True, symbol="X_c")
_KAPLAN_ALPHA = _exponent("alpha", r"\alpha", np.round(np.arange(0.02, 1.5, 0.06), 4), lower=1e-4)

KAPLAN_SINGLE = LawForm(
    name="kaplan_single",
    title="Kaplan et al. single-variable law",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(_X_C, _KAPLAN_ALPHA),
    latex=r"y = \left(X_c / X\right)^{\alpha}",
    citation="kaplan2020",
    output="loss",
    description="Kaplan et al.'s L(N), L(D), L(C_min) form with a critical scale X_c.",
    formula=lambda p, x: (p["x_c"] / x["x"]) ** p["alpha"],
)

KAPLAN_SINGLE_OFFSET = LawForm(
    name="kaplan_single_offset",
    title="Kaplan et al. single-variable law with offset",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(_coefficient("E", "E"), _X_C, _KAPLAN_ALPHA),
    latex=r"y = E + \left(X_c / X\right)^{\alpha}",
    citation="henighan2020",
    output="loss",
    description="Kaplan-style critical-scale power law plus an irreducible term (Henighan et al. 2020).",
    columns=lambda p, x: (np.ones_like(x["x"]),),
    # The critical-scale term is not linear in any coefficient; it is added to E's column.
    formula=lambda p, x: p["E"] + (p["x_c"] / x["x"]) ** p["alpha"],
)


def _chinchilla_log_jacobian(values, inputs):
    """log L_hat = LSE(e, a - alpha log N, b - beta log D) and its exact gradient with respect
    to (log E, log A, log B, alpha, beta): softmax weights of the three terms."""
    log_n, log_d = np.log(inputs["N"]), np.log(inputs["D"])
    terms = np.stack(
        [
            np.full_like(log_n, np.log(values["E"])),
            np.log(values["A"]) - values["alpha"] * log_n,
            np.log(values["B"]) - values["beta"] * log_d,
        ]
    )
    log_pred = np.logaddexp.reduce(terms, axis=0)
    w = np.exp(terms - log_pred)
    jac = np.column_stack([w[0], w[1], w[2], -w[1] * log_n, -w[2] * log_d])
    return log_pred, jac


CHINCHILLA = LawForm(
    name="chinchilla",
    title="Chinchilla parametric loss",
    inputs=("N", "D"),
    params=(
        _coefficient("E", "E"),
        _coefficient("A", "A"),
        _coefficient("B", "B"),
        _exponent("alpha", r"\alpha", EXPONENTS),
        _exponent("beta", r"\beta", EXPONENTS),
    ),
    latex=r"L(N, D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}",
    citation="hoffmann2022",
    output="loss",
    description="Hoffmann et al.'s Approach-3 law in parameters N and training tokens D.",
    columns=lambda p, x: (np.ones_like(x["N"]), _power(x["N"], p["alpha"]), _power(x["D"], p["beta"])),
    log_jacobian=_chinchilla_log_jacobian,
)

KAPLAN = LawForm(
    name="kaplan",
    title="Kaplan et al. L(N, D)",
    inputs=("N", "D"),
    params=(
        Param("N_c", 1e-30, HUGE, _log_spaced_around("N", 1, 1e8, 7), log_scale=True, symbol="N_c"),
        _exponent("alpha_N", r"\alpha_N", (0.03, 0.07, 0.15, 0.3, 0.6), lower=1e-4),
        Param("D_c", 1e-30, HUGE, _log_spaced_around("D", 1, 1e8, 7), log_scale=True, symbol="D_c"),
        _exponent("alpha_D", r"\alpha_D", (0.03, 0.07, 0.15, 0.3, 0.6), lower=1e-4),
    ),
    latex=r"L(N, D) = \left[\left(\frac{N_c}{N}\right)^{\alpha_N/\alpha_D} + \frac{D_c}{D}\right]^{\alpha_D}",
    citation="kaplan2020",
    output="loss",
    description="Kaplan et al.'s joint law in non-embedding parameters and tokens (their eq. 1.5).",
    formula=lambda p, x: ((p["N_c"] / x["N"]) ** (p["alpha_N"] / p["alpha_D"]) + p["D_c"] / x["D"]) ** p["alpha_D"],
)


def _bnsl_shape(p, x):
    return x["x"] ** (-p["c0"]) * (1 + (x["x"] / p["d1"]) ** (1 / p["f1"])) ** (-p["c1"] * p["f1"])


BNSL = LawForm(
    name="bnsl",
    title="Broken neural scaling law (one break)",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(
        _coefficient("a", "a"),
        _coefficient("b", "b"),
        _exponent("c0", "c_0", (0.05, 0.2, 0.5, 1.0)),
        _exponent("c1", "c_1", (-0.3, -0.1, 0.1, 0.3, 1.0), lower=-5.0),
        Param("d1", 1e-30, HUGE, _log_spaced_around("x", 1, 1, 9), log_scale=True, symbol="d_1"),
        Param("f1", 1e-3, 100.0, (0.1, 0.5, 2.0), log_scale=True, symbol="f_1"),
    ),
    latex=r"y = a + b\,X^{-c_0}\left(1 + \left(X/d_1\right)^{1/f_1}\right)^{-c_1 f_1}",
    citation="caballero2022",
    output="loss",
    description="Caballero et al.'s smoothly broken power law with one break at X = d_1 (sharpness f_1).",
    columns=lambda p, x: (np.ones_like(x["x"]), _bnsl_shape(p, x)),
)

ZHAI = LawForm(
    name="zhai",
    title="Zhai et al. saturating power law",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(
        _coefficient("a", "a"),
        _exponent("b", "b", np.round(np.arange(0.05, 2.0, 0.1), 4)),
        _coefficient("c", "c"),
        Param("d", 1e-30, HUGE, _log_spaced_around("x", 1e3, 1, 9), log_scale=True, symbol="d"),
    ),
    latex=r"E = a\,(C + d)^{-b} + c",
    citation="zhai2022",
    output="error",
    description="Zhai et al.'s form for error vs compute: saturates at c, flattens below C ~ d.",
    columns=lambda p, x: ((x["x"] + p["d"]) ** (-p["b"]), np.ones_like(x["x"])),
)


# min() and max() written with np.where on real parts, so that complex-step perturbations
# (the fitter's exact derivatives) pass through them.
def _where_less(a, b):
    return np.where(np.real(a) < np.real(b), a, b)


def _positive_part(v):
    return np.where(np.real(v) > 0, v, 0)


def _effective(unique, repeats, r_star):
    """Muennighoff et al.'s effective count: U + U R* (1 - exp(-R / R*))."""
    return unique + unique * r_star * (1 - np.exp(-repeats / r_star))


def _data_constrained_columns(p, x):
    n, d, u_d = x["N"], x["D"], x["U"]
    alpha, beta = p["alpha"], p["beta"]
    if "A" in p and "B" in p:
        # U_N: the compute-optimal size for the unique data (Chinchilla allocation with the
        # same A, B, alpha, beta at D_opt = U_D); parameters beyond it are worth less.
        g = (alpha * p["A"] / (beta * p["B"])) ** (1 / (alpha + beta))
        u_n = _where_less(g * (g * u_d) ** (beta / alpha), n)
    else:
        # The fitter's screen solves E, A, B for given exponents, so it cannot know U_N yet;
        # it assumes no excess parameters and the joint refinement then uses the full law.
        u_n = n
    r_d = _positive_part(d / u_d - 1)
    r_n = _positive_part(n / u_n - 1)
    n_eff = _effective(u_n, r_n, p["R_N_star"])
    d_eff = _effective(u_d, r_d, p["R_D_star"])
    return np.ones_like(n, dtype=float), n_eff ** (-alpha), d_eff ** (-beta)


_R_STARS = (2.0, 5.0, 15.0, 50.0)

DATA_CONSTRAINED = LawForm(
    name="data_constrained",
    title="Data-constrained scaling law",
    inputs=("N", "D", "U"),
    params=(
        _coefficient("E", "E"),
        _coefficient("A", "A"),
        _coefficient("B", "B"),
        _exponent("alpha", r"\alpha", (0.1, 0.2, 0.35, 0.5, 0.8), lower=1e-3),
        _exponent("beta", r"\beta", (0.1, 0.2, 0.35, 0.5, 0.8), lower=1e-3),
        Param("R_D_star", 1e-2, 1e4, _R_STARS, log_scale=True, symbol="R_D^*"),
        Param("R_N_star", 1e-2, 1e4, _R_STARS, log_scale=True, symbol="R_N^*"),
    ),
    latex=(
        r"L = E + \frac{A}{N'^{\alpha}} + \frac{B}{D'^{\beta}},\quad "
        r"D' = U_D + U_D R_D^*\left(1 - e^{-R_D/R_D^*}\right),\quad "
        r"N' = U_N + U_N R_N^*\left(1 - e^{-R_N/R_N^*}\right)"
    ),
    citation="muennighoff2023",
    output="loss",
    description=(
        "Muennighoff et al.'s law under repetition: U_D unique tokens, R_D = D/U_D - 1 repeated "
        "epochs; U_N = min(N, compute-optimal N for U_D), R_N = N/U_N - 1 excess parameters."
    ),
    columns=_data_constrained_columns,
)

OVERTRAINING = LawForm(
    name="overtraining",
    title="Over-training law in compute and token multiplier",
    inputs=("C", "M"),
    params=(
        _coefficient("E", "E"),
        _coefficient("a", "a"),
        _coefficient("b", "b"),
        _exponent("eta", r"\eta", np.round(np.arange(0.01, 1.0, 0.02), 4), lower=1e-4),
    ),
    latex=r"L(C, M) = E + \left(a M^{\eta} + b M^{-\eta}\right) C^{-\eta}",
    citation="gadre2024",
    output="loss",
    description="Gadre et al.'s loss vs compute C and token multiplier M = D/N.",
    columns=lambda p, x: (
        np.ones_like(x["C"]),
        x["M"] ** p["eta"] * x["C"] ** (-p["eta"]),
        x["M"] ** (-p["eta"]) * x["C"] ** (-p["eta"]),
    ),
)

LOSS_TO_ERROR = LawForm(
    name="loss_to_error",
    title="Loss to downstream error",
    inputs=("L",),
    params=(
        _coefficient("epsilon", r"\epsilon"),
        _coefficient("k", "k"),
        Param("gamma", 1e-3, 100.0, tuple(np.geomspace(0.05, 20, 25)), log_scale=True, symbol=r"\gamma"),
    ),
    latex=r"\mathrm{Err}(L) = \epsilon - k\,e^{-\gamma L}",
    citation="gadre2024",
    output="error",
    description="Gadre et al.'s average top-1 error as an exponential function of loss L.",
    columns=lambda p, x: (np.ones_like(x["L"]), -np.exp(-p["gamma"] * x["L"])),
)


def _logistic(z):
    return 1 / (1 + np.exp(-z))


_SLOPES = (0.25, 0.5, 1, 2, 4, 8, 16)
# Benchmark scores are fractions (lib.schema): no accuracy or error starts or ends above 1, so
# a bootstrap refit cannot put the ceiling of an accuracy at 1.17.
_FLOOR_CEILING = (
    Param("floor", 0.0, 1.0, (), linear=True, symbol=r"y_{\min}"),
    Param("ceiling", 0.0, 1.0, (), linear=True, symbol=r"y_{\max}"),
)

# The slope is positive in both sigmoid forms: with a free sign, (floor, ceiling, slope) and
# (ceiling, floor, -slope) would be the same curve and the fit could not tell them apart.
SIGMOID = LawForm(
    name="sigmoid",
    title="Sigmoid of log compute with floor and ceiling",
    inputs=("x",),
    x_vars=("C", "N", "D"),
    params=(
        *_FLOOR_CEILING,
        Param("slope", 0.0, 100.0, _SLOPES, symbol="s"),
        Param("midpoint", -1e3, 1e3, _log10_range("x", 12), symbol="m"),
    ),
    latex=r"y = y_{\min} + \frac{y_{\max} - y_{\min}}{1 + e^{-s(\log_{10} X - m)}}",
    citation="ruan2024",
    output="accuracy",
    description="Benchmark accuracy rising from a floor (random chance) to a ceiling with log10 of compute.",
    # floor (1 - s) + ceiling s: both enter linearly.
    columns=lambda p, x: (
        1 - _logistic(p["slope"] * (np.log10(x["x"]) - p["midpoint"])),
        _logistic(p["slope"] * (np.log10(x["x"]) - p["midpoint"])),
    ),
)


def _loss_rise(p, x):
    return _logistic(-p["slope"] * (x["L"] - p["midpoint"]))


SIGMOID_LOSS = LawForm(
    name="sigmoid_loss",
    title="Sigmoid of loss with floor and ceiling",
    inputs=("L",),
    params=(
        *_FLOOR_CEILING,
        Param("slope", 0.0, 100.0, _SLOPES, symbol="s"),
        Param("midpoint", -1e3, 1e3, lambda inputs, y: np.linspace(inputs["L"].min(), inputs["L"].max(), 12), symbol="m"),
    ),
    latex=r"y = y_{\min} + \frac{y_{\max} - y_{\min}}{1 + e^{s(L - m)}}",
    citation="ruan2024",
    output="accuracy",
    description="Benchmark accuracy falling from a ceiling (low loss) to a floor (high loss) as loss grows.",
    columns=lambda p, x: (1 - _loss_rise(p, x), _loss_rise(p, x)),
)

ALLOCATION = LawForm(
    name="allocation",
    title="Compute-optimal allocation",
    inputs=("C",),
    params=(_coefficient("k", "k", lower=1e-300), _exponent("a", "a", np.round(np.arange(0.05, 1.5, 0.05), 4), lower=-5.0)),
    latex=r"y = k\,C^{a}",
    citation="hoffmann2022",
    output="N_opt",
    description="Compute-optimal N_opt(C), D_opt(C) or tokens per parameter as a power of compute.",
    columns=lambda p, x: (x["C"] ** p["a"],),
)

# Hyperparameter laws: an optimal learning rate falls with model size while an optimal batch size
# grows with data, so their exponents take either sign (unlike the loss laws above).
_SIGNED_EXPONENTS = np.round(np.arange(-1.5, 1.51, 0.1), 4)


def _signed_exponent(name: str, symbol: str) -> Param:
    return _exponent(name, symbol, _SIGNED_EXPONENTS, lower=-5.0)


HYPERPARAMETER_POWER = LawForm(
    name="hyperparameter_power",
    title="Optimal hyperparameter as a power of one scale",
    inputs=("x",),
    x_vars=ONE_VARIABLE,
    params=(_coefficient("k", "k", lower=1e-300), _signed_exponent("a", "a")),
    latex=r"y = k\,X^{a}",
    citation="charles2025",
    output="learning_rate",
    description="Optimal learning rate or batch size as a power of N, D or C, with an exponent of either sign.",
    columns=lambda p, x: (x["x"] ** p["a"],),
)

HYPERPARAMETER_POWER_ND = LawForm(
    name="hyperparameter_power_nd",
    title="Optimal hyperparameter as a power of N and D",
    inputs=("N", "D"),
    params=(_coefficient("k", "k", lower=1e-300), _signed_exponent("a", "a"), _signed_exponent("b", "b")),
    latex=r"y = k\,N^{a} D^{b}",
    citation="li2025c",
    output="learning_rate",
    description="Li et al.'s Step Law form: optimal peak learning rate as a product of powers of parameters N and tokens D.",
    columns=lambda p, x: (x["N"] ** p["a"] * x["D"] ** p["b"],),
)


def _saturated_experts(experts, e_start, e_max):
    """Clark et al.'s saturating transform of the expert count: 1/E_hat = 1/(E - 1 +
    (1/E_start - 1/E_max)^-1) + 1/E_max, so E_hat(1) = E_start and E_hat -> E_max as E grows."""
    return 1 / (1 / (experts - 1 + 1 / (1 / e_start - 1 / e_max)) + 1 / e_max)


def _routing(p, x):
    log_n = np.log10(x["N"])
    log_e = np.log10(_saturated_experts(x["E"], p["E_start"], p["E_max"]))
    return 10 ** (p["a"] * log_n + p["b"] * log_e + p["c"] * log_n * log_e + p["d"])


def _log10_loss_range(spread, count: int):
    """Start grid for an intercept in log10 of the loss: around the data's mean log10 loss."""

    def starts(inputs, y):
        return np.log10(y).mean() + np.linspace(-spread, spread, count)

    return starts


# Slopes of log10 loss in log10 N and log10 E_hat: negative when size or experts help, and c of
# either sign (it bends the gain from experts with model size).
_ROUTING_SLOPES = (-0.15, -0.08, -0.03, 0.0)

ROUTING = LawForm(
    name="routing",
    title="Unified routing law in parameters and experts",
    inputs=("N", "E"),
    params=(
        Param("a", -5.0, 5.0, _ROUTING_SLOPES, symbol="a"),
        Param("b", -5.0, 5.0, _ROUTING_SLOPES, symbol="b"),
        Param("c", -5.0, 5.0, (-0.02, 0.0, 0.02), symbol="c"),
        # a log10 N is about -0.6 at N = 1e8: the intercept sits above the mean log10 loss.
        Param("d", -100.0, 100.0, _log10_loss_range(1.5, 7), symbol="d"),
        Param("E_start", 1e-3, 1e4, (1.0, 2.0, 5.0), log_scale=True, symbol=r"E_{\mathrm{start}}"),
        Param("E_max", 1.0, 1e9, (30.0, 300.0, 3000.0), log_scale=True, symbol=r"E_{\max}"),
    ),
    latex=(
        r"\log_{10} L = a \log_{10} N + b \log_{10} \hat{E} + c \log_{10} N \log_{10} \hat{E} + d,\quad "
        r"\frac{1}{\hat{E}} = \frac{1}{E - 1 + \left(\frac{1}{E_{\mathrm{start}}} - \frac{1}{E_{\max}}\right)^{-1}}"
        r" + \frac{1}{E_{\max}}"
    ),
    citation="clark2022",
    output="loss",
    description=(
        "Clark et al.'s unified law for routed language models (their Eq. 1): N the dense parameter count a "
        "token passes through, E the experts (E = 1 for a dense model), E_hat a saturating transform that "
        "equals E_start at E = 1 and tends to E_max. Logarithms are base 10 on both sides, as in the authors' "
        "released example (example.ipynb); a and b do not depend on the base, c and d do (base e: c / ln 10, "
        "d ln 10). E_start and E_max are stored as expert counts (the release's notebook optimises their "
        "log2) and fitted in log space; E_start < E_max for the transform to saturate."
    ),
    formula=_routing,
)


# Trends in time: T counts days from a reference date the law names (lib.conventions.ROLE_MEANINGS).
_DAILY_RATES = tuple(np.round(np.arange(-0.02, 0.0201, 0.002), 4))

EXPONENTIAL_TREND = LawForm(
    name="exponential_trend",
    title="Exponential trend in time",
    inputs=("T",),
    params=(
        Param("A", -1.0, 1.0, _DAILY_RATES, symbol="A"),
        Param("B", -100.0, 100.0, lambda inputs, y: np.log(y).mean() + np.linspace(-3, 3, 7), symbol="B"),
    ),
    latex=r"\ln y = A\,T + B",
    citation="xiao2024",
    output="other",
    description=(
        "Xiao et al.'s Densing Law (their Eq. 5): the log of a quantity (the maximum capability density of "
        "open LLMs) grows linearly in the days T since a reference date, so y doubles every ln 2 / A days. "
        "Output 'other': a density or a price, not a loss, so the Fit page does not offer it."
    ),
    formula=lambda p, x: np.exp(p["A"] * x["T"] + p["B"]),
)

ALL_FORMS = (
    POWER_LAW,
    POWER_LAW_OFFSET,
    KAPLAN_SINGLE,
    KAPLAN_SINGLE_OFFSET,
    CHINCHILLA,
    KAPLAN,
    BNSL,
    ZHAI,
    DATA_CONSTRAINED,
    OVERTRAINING,
    LOSS_TO_ERROR,
    SIGMOID,
    SIGMOID_LOSS,
    ALLOCATION,
    HYPERPARAMETER_POWER,
    HYPERPARAMETER_POWER_ND,
    ROUTING,
    EXPONENTIAL_TREND,
)
