"""Published laws as the curated store records them, made evaluable in absolute units.

A paper prints coefficients in its own units (Kaplan et al. measure compute in PF-days,
MiniCPM counts N and D in billions). Each such unit is declared here once, with the factor
that turns an absolute input (FLOPs, parameters, tokens) into the law's own unit; a complete
law whose units are all known is `drawable`. tests/test_published_units.py fails when a
curated law uses a unit this table does not know, so nothing is drawn on a wrong scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lib.conventions import PF_DAY_FLOPS
from lib.laws import LawForm, get_law


# unit string in data/coefficients -> (input role it rescales, absolute units per law unit)
INPUT_UNITS: dict[str, tuple[str, float]] = {
    "PF-days": ("C", PF_DAY_FLOPS),
    "PF-days (non-embedding compute)": ("C", PF_DAY_FLOPS),
    "PF-days (non-embedding compute, C_min)": ("C", PF_DAY_FLOPS),
    "parameters (non-embedding) at C_min = 1 PF-day": ("C", PF_DAY_FLOPS),
    "tokens at C_min = 1 PF-day": ("C", PF_DAY_FLOPS),
    "N in 1e9 non-embedding parameters": ("N", 1e9),
    "D in 1e9 tokens": ("D", 1e9),
    "LM loss; C in PFLOP/s-days": ("C", PF_DAY_FLOPS),
    "loss; C in PFLOP/s-days": ("C", PF_DAY_FLOPS),
    "non-embedding parameters; C in PFLOP/s-days": ("C", PF_DAY_FLOPS),
    "tokens; C in PFLOP/s-days": ("C", PF_DAY_FLOPS),
    "GFLOPs": ("C", 1e9),
    "top-1 error (fraction); C in GFLOPs": ("C", 1e9),
}
# Units that need no rescaling: the law already reads absolute FLOPs, parameters and tokens.
ABSOLUTE_UNITS = frozenset(
    {
        "dimensionless", "nats", "nats/token", "nats/image", "loss", "loss (nats)", "loss per byte",
        "tokens", "non-embedding parameters", "parameters (non-embedding)",
        "parameters / FLOP^a", "tokens / FLOP^a", "tokens per parameter / FLOP^a",
        "tokens at C = 1 FLOP", "non-embedding FLOPs/token at C = 1 FLOP",
        "non-vocabulary parameters per FLOP^0.5", "vocabulary parameters per FLOP^a",
        "top-1 error (fraction)", "1/loss (nats)", "epochs (repetitions)", "repetitions of U_N",
        "D in training tokens (count)", "N in non-embedding parameters (count)", "accuracy (fraction)",
        "activated parameters; C_min in FLOPs", "tokens; C_min in FLOPs", "loss (final training cross-entropy)",
        "loss (fitted target; see loss_definition)", "loss (validation cross-entropy)",
        "per unit of task loss (bits per byte)", "task loss (bits per byte)",
        "nats/token x params^alpha", "nats/token x tokens^beta",
        "learning rate at N = 1", "learning rate at N = D = 1", "tokens per batch at D = 1 token",
        "learning rate per sequence of batch at T = 1 token",
    }
)


@dataclass(frozen=True, eq=False)
class PublishedLaw:
    law_id: str
    paper_id: str
    family_id: str | None
    form: LawForm
    x_var: str  # "C", "N", "D", or the inputs of a multi-input form, e.g. "N,D"
    output: str
    completeness: str
    params: dict[str, float]
    input_scales: dict[str, float] = field(default_factory=dict)
    unknown_units: tuple[str, ...] = ()
    source_ref: str = ""
    paper_title: str = ""
    year: int | None = None
    param_convention: str = "unknown"
    notes: str = ""
    fit_options: str = ""  # the paper's fitting method, machine-readable (lib.verdicts.refit_method)

    @property
    def drawable(self) -> bool:
        """Complete, and every unit known: the law can be evaluated at absolute N, D, C."""
        return self.completeness == "complete" and not self.unknown_units

    @property
    def label(self) -> str:
        return f"{self.law_id} ({self.paper_title[:40]}{'…' if len(self.paper_title) > 40 else ''}, {self.year})"


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _scales(coefficients: pd.DataFrame) -> tuple[dict[str, float], tuple[str, ...]]:
    scales, unknown = {}, []
    for unit in coefficients["unit"].dropna().unique():
        if unit in INPUT_UNITS:
            role, factor = INPUT_UNITS[unit]
            scales[role] = factor
        elif unit not in ABSOLUTE_UNITS:
            unknown.append(unit)
    return scales, tuple(sorted(unknown))


def published_laws(laws: pd.DataFrame, coefficients: pd.DataFrame) -> list[PublishedLaw]:
    """One PublishedLaw per row of `laws` (the store's published_laws()), with its coefficients."""
    by_law = dict(tuple(coefficients.groupby("law_id")))
    result = []
    for row in laws.itertuples(index=False):
        coefs = by_law.get(row.law_id, coefficients.iloc[0:0])
        scales, unknown = _scales(coefs)
        result.append(
            PublishedLaw(
                law_id=row.law_id,
                paper_id=row.paper_id,
                family_id=row.family_id if isinstance(row.family_id, str) and row.family_id else None,
                form=get_law(row.form),
                x_var=row.x_var,
                output=row.output,
                completeness=row.completeness,
                params={p: float(v) for p, v in zip(coefs["param"], coefs["value"])},
                input_scales=scales,
                unknown_units=unknown,
                source_ref=row.source_ref,
                paper_title=getattr(row, "paper_title", "") or "",
                year=int(row.year) if getattr(row, "year", None) is not None and not pd.isna(row.year) else None,
                param_convention=row.param_convention,
                notes=_text(row.notes),
                fit_options=_text(getattr(row, "fit_options", "")),
            )
        )
    return result
