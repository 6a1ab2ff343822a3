"""The conventions every layer shares, declared once: how compute follows from parameters and
tokens, the units papers print compute in, the input roles a law reads and the store columns that
hold them, and the unit words a quantity may carry.

The store's SQL view (lib.store.build), the fitter (lib.fit), predictions (lib.predict), published
laws (lib.laws.published) and uploads (lib.ingest) all read these, so "C = 6ND" or "1 PF-day" can
never mean two things in two places.
"""

from __future__ import annotations

import numpy as np

# Training compute of a dense transformer: about 6 FLOPs per parameter per token (2 forward,
# 4 backward; Kaplan et al. 2020, Sec. 2.1), so C = 6 N D.
FLOPS_PER_PARAM_TOKEN = 6.0

# 1 PF-day (petaflop/s-day) = 1e15 FLOP/s for 86,400 s: the unit Kaplan et al. and MiniMax print.
PF_DAY_FLOPS = 1e15 * 86_400


def compute_6nd(params, tokens):
    """C = 6 N D, elementwise."""
    return FLOPS_PER_PARAM_TOKEN * np.asarray(params, dtype=float) * np.asarray(tokens, dtype=float)


def six_nd_sql(params: str, tokens: str) -> str:
    """The same rule as a SQL expression over two column expressions."""
    return f"{FLOPS_PER_PARAM_TOKEN:g} * {params} * {tokens}"


def split_at_ratio(compute, tokens_per_param):
    """N and D with D = r N and C = 6 N D: N = sqrt(C / (6 r))."""
    n = np.sqrt(np.asarray(compute, dtype=float) / (FLOPS_PER_PARAM_TOKEN * tokens_per_param))
    return n, tokens_per_param * n


# Compute counted on another basis than training FLOPs (flops_method -> how): a chart drawing
# these beside 6ND-like compute must say so.
OTHER_COMPUTE_BASIS = {
    "forward_only": "forward passes only (training takes about 3x)",
    "attention_inclusive": "attention FLOPs counted in an effective N",
}
REPORTED_COMPUTE_COLUMNS = ("C", "C_reported")


# Input roles a law reads -> the curated points' column that holds each (lib.schema.POINTS);
# the store's points_view exposes the roles under their own names (N, D, C, U, E, V).
ROLE_COLUMNS = {
    "N": "params",
    "D": "tokens",
    "C": "flops",
    "U": "unique_tokens",
    "E": "experts",
    "V": "vocab_size",
    "M": "multiplier",
    "L": "loss",
}
ROLE_MEANINGS = {
    "N": "parameters (in the family's convention: with or without embeddings)",
    "D": "training tokens (or samples / examples, as the family's data unit says)",
    "C": "training FLOPs (reported, else 6ND)",
    "U": "unique tokens (data repeated D/U epochs)",
    "E": "experts of a routed (mixture-of-experts) model",
    "V": "vocabulary size",
    "M": "tokens per parameter D/N",
    "L": "loss (input of a loss-to-downstream law)",
    "T": "days since a reference date the law names (input of a trend in time; no run column)",
}

# Unit words a count may carry ("7B", "1.4 trillion"), as powers of ten.
SUFFIX_EXPONENTS = {
    "k": 3,
    "thousand": 3,
    "m": 6,
    "million": 6,
    "b": 9,
    "billion": 9,
    "t": 12,
    "trillion": 12,
}
