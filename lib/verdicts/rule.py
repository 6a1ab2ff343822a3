"""The verdict rule, written once: how a refit of a published law's form on the law's own runs
decides whether the printed coefficients reproduce.

A refit uses the paper's method as the law row records it (fit_options) and is bootstrapped over
its points (BOOTSTRAP_REFITS resamples, LEVEL percentile intervals). Two tests:

- coefficients: every printed coefficient that was fitted (not held fixed) lies inside the refit's
  interval;
- predictions: over the runs the law was fitted on, the printed law and the refit differ by at
  most PREDICTION_TOLERANCE (median |printed / refit - 1|).

reproduces  both tests pass.
close       exactly one passes: the curves agree while the coefficients trade off (A against
            alpha), or the intervals hold the printed values while the curves part.
differs     neither: the verdict names each coefficient outside its interval and by how much, and
            how far the two laws part 10x past the data.
cannot check the runs are in the store but something is missing: the metric the law predicts, its
            units, enough points, the paper's method (e.g. a Pareto frontier or a convex hull the
            store cannot rebuild), or a refit that converges with a band.
no data     the runs the law was fitted on are not in the store.

A partial law (e.g. exponents only) is judged on what it prints, by the coefficient test alone:
reproduces when every printed coefficient is inside the interval, close when each is within
PARTIAL_CLOSE of the refit's value, differs otherwise. When the paper's method is not recorded,
each of lib.fit's METHODS is tried; the law reproduces if any does, and the reason says which.
"""

from __future__ import annotations

BOOTSTRAP_REFITS = 200
LEVEL = 0.95
PREDICTION_TOLERANCE = 0.02
PARTIAL_CLOSE = 0.10
PAST_THE_DATA = 10.0  # the compute multiple past the largest run where the two laws are compared

VERDICTS = ("reproduces", "close", "differs", "cannot check", "no data")
# Most to least favourable, to pick the best of several method variants.
RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


def complete_verdict(coefficients_inside: bool, prediction_gap: float) -> str:
    predictions_agree = prediction_gap <= PREDICTION_TOLERANCE
    if coefficients_inside and predictions_agree:
        return "reproduces"
    if coefficients_inside or predictions_agree:
        return "close"
    return "differs"


def partial_verdict(coefficients_inside: bool, largest_relative_difference: float) -> str:
    if coefficients_inside:
        return "reproduces"
    return "close" if largest_relative_difference <= PARTIAL_CLOSE else "differs"
