"""The start screen: which starting points are worth a full refinement.

Variable projection: coefficients a law is linear in (E, A, B of Chinchilla) are solved
exactly, by non-negative least squares, for every point of a grid over the other coefficients
(the exponents), all grid points at once. Each grid point then carries its best linear
coefficients, so the grid is dense where it matters and no start wastes an optimisation on
a hopeless scale. The screen ranks points by the fit's true objective (e.g. Huber on log
residuals), not by the least-squares proxy.

Its work is grid points x data points, so it runs on at most SCREEN_POINTS of the data (the
refinement ends on all of them) and in batches of CHUNK_ELEMENTS: time and memory stay bounded
whatever the data's size.
"""

from __future__ import annotations

import itertools

import numpy as np

from lib.fit.problem import Problem

MAX_GRID = 20_000  # grid points screened at most (larger products are subsampled, seeded)
RIDGE = 1e-12  # keeps the normal equations of collinear columns solvable
# Choosing a basin needs a fair sample of the data, not all of it: on 2,400 and 24,000 synthetic
# Chinchilla points, starts screened on 1,000 of them lead to the same optimum as starts screened
# on all. Data this size or smaller is screened whole, exactly as before there was a sample.
SCREEN_POINTS = 1_000
# Grid points x data points per batch: each of the screen's arrays holds at most this many floats
# (2 MB), so the screen peaks under 50 MB whatever the grid (all 3,844 points at once took 1.1 GB
# on 2,400 points); larger batches were no faster.
CHUNK_ELEMENTS = 2**18


def screening_sample(problem: Problem) -> Problem:
    """The points the screen ranks starts on: all of them up to SCREEN_POINTS, else a seeded
    random subset of that many (the same for the same data)."""
    if problem.y.size <= SCREEN_POINTS:
        return problem
    rows = np.random.default_rng(0).choice(problem.y.size, SCREEN_POINTS, replace=False)
    return problem.take(np.sort(rows))


def _grid(problem: Problem, names: tuple[str, ...]) -> np.ndarray:
    """Cartesian product of the start values of `names`, in fitting space, shape (S, len)."""
    law = problem.law
    axes = []
    for name in names:
        p = law.param(name)
        values = np.clip(p.start_values(problem.inputs, problem.y), p.lower, p.upper)
        axes.append(np.log(values) if p.log_scale else values)
    size = int(np.prod([len(a) for a in axes])) if axes else 1
    if size <= MAX_GRID:
        return np.array(list(itertools.product(*axes)), dtype=float).reshape(size, len(names))
    rng = np.random.default_rng(0)
    return np.column_stack([rng.choice(a, MAX_GRID) for a in axes])


def batched_nnls(columns: np.ndarray, target: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted non-negative least squares for a stack of small problems.

    columns (S, n, m), target (S, n), weights (n,). With m <= 3 the exact NNLS solution is the
    best feasible one among the 2^m - 1 active sets, each solved by normal equations: all S
    problems cost a few vectorised 3x3 solves instead of S calls to scipy.optimize.nnls.
    """
    s, n, m = columns.shape
    cols = columns * weights[None, :, None]
    t = target * weights
    norms = np.linalg.norm(cols, axis=1)  # scale columns to unit norm for conditioning
    norms = np.where(norms > 0, norms, 1.0)
    cols = cols / norms[:, None, :]
    gram = np.einsum("snk,snl->skl", cols, cols)
    rhs = np.einsum("snk,sn->sk", cols, t)
    total = np.einsum("sn,sn->s", t, t)
    best = np.zeros((s, m))
    best_sse = total  # all coefficients zero
    for size in range(1, m + 1):
        for active in itertools.combinations(range(m), size):
            idx = np.array(active)
            g = gram[:, idx[:, None], idx[None, :]] + RIDGE * np.eye(size)
            coef = np.linalg.solve(g, rhs[:, idx][..., None])[..., 0]
            # SSE = t.t - 2 c.r + c.G.c, which for the least-squares c is t.t - c.r
            sse = total - np.einsum("sk,sk->s", coef, rhs[:, idx])
            better = np.all(coef >= 0, axis=1) & (sse < best_sse)
            best_sse = np.where(better, sse, best_sse)
            full = np.zeros((s, m))
            full[:, idx] = coef
            best = np.where(better[:, None], full, best)
    return best / norms


def _linear_solutions(problem: Problem, nonlinear: dict, linear_free: tuple[str, ...], size: int) -> np.ndarray:
    """Best non-negative linear coefficients for each of `size` grid points, shape (size, len(linear_free))."""
    law, n = problem.law, problem.y.size
    columns = dict(zip(law.linear_names, law.columns(nonlinear, problem.inputs)))
    remainder = np.zeros(n)
    if law.formula is not None:  # part of the law is not in any linear coefficient
        remainder = law.formula({**nonlinear, **{k: 0.0 for k in law.linear_names}}, problem.inputs)
    merged = {name: 0.0 for name in linear_free}
    for name, col in columns.items():
        if name in problem.fixed:
            remainder = remainder + problem.fixed[name] * col
        else:
            merged[problem.tied.get(name, name)] = merged[problem.tied.get(name, name)] + col
    stack = np.stack([np.broadcast_to(merged[name], (size, n)) for name in linear_free], axis=-1)
    target = np.broadcast_to(problem.y - remainder, (size, n))
    # Relative residuals approximate log residuals, so the screen and the fit agree on scale.
    weights = 1 / problem.y if problem.objective.space == "log" else np.ones(n)
    return batched_nnls(stack, target, weights)


def screen_starts(problem: Problem, sample: Problem, n_keep: int) -> tuple[np.ndarray, int]:
    """Up to n_keep distinct starting vectors (free, fitting space), best first, and how many
    grid points were screened: the grid spans `problem`'s data, the starts are ranked on
    `sample`'s points (see screening_sample)."""
    linear_free = tuple(n for n in problem.free if problem.law.param(n).linear)
    nonlinear_free = tuple(n for n in problem.free if n not in linear_free)
    grid = _grid(problem, nonlinear_free)
    rows = max(1, CHUNK_ELEMENTS // sample.y.size)
    batches = [_scored_starts(sample, grid[i : i + rows], nonlinear_free, linear_free) for i in range(0, len(grid), rows)]
    starts = np.concatenate([batch_starts for batch_starts, _ in batches])
    objective = np.concatenate([batch_objective for _, batch_objective in batches])
    return _distinct_best(starts, objective, n_keep), grid.shape[0]


def _scored_starts(problem: Problem, grid: np.ndarray, nonlinear_free: tuple[str, ...],
                   linear_free: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Full starting vectors for a batch of grid points (each with its best linear coefficients)
    and their objective."""
    law = problem.law
    starts = np.zeros((grid.shape[0], len(problem.free)))
    for j, name in enumerate(nonlinear_free):
        starts[:, problem.free.index(name)] = grid[:, j]
    if linear_free:
        theta = problem.offset[:, None] + problem.tie_matrix @ starts.T
        values = problem.values(theta[:, :, None])
        nonlinear = {k: v for k, v in values.items() if k not in law.linear_names}
        with np.errstate(all="ignore"):
            coef = _linear_solutions(problem, nonlinear, linear_free, grid.shape[0])
        lower, upper = problem.bounds
        for j, name in enumerate(linear_free):
            i = problem.free.index(name)
            c = np.log(np.maximum(coef[:, j], 1e-300)) if law.param(name).log_scale else coef[:, j]
            starts[:, i] = np.clip(c, lower[i], upper[i])
    return starts, problem.objective_batch(starts)


def _distinct_best(starts: np.ndarray, objective: np.ndarray, n_keep: int) -> np.ndarray:
    """The best starts, skipping any within 0.05 (fitting space) of one already kept: several
    neighbours of one grid cell would all refine to the same optimum."""
    order = np.argsort(objective)
    order = order[np.isfinite(objective[order])]
    kept: list[int] = []
    for i in order:
        if all(np.max(np.abs(starts[i] - starts[j])) > 0.05 for j in kept):
            kept.append(i)
            if len(kept) == n_keep:
                break
    return starts[kept]
