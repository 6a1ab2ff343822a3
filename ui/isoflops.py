"""IsoFLOP profiles of a family at the page boundary, cached per family."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lib.fit import isoflop_minima, isoflop_parabolas, isoflop_runs
from ui import cache


@dataclass(frozen=True)
class Profile:
    runs: pd.DataFrame
    parabolas: pd.DataFrame
    minima: pd.DataFrame
    metric_name: str


@st.cache_data(show_spinner=False)
def profile(family_id: str) -> Profile:
    metrics = cache.metrics_of((family_id,))
    metric = metrics[metrics["kind"] == "loss"].iloc[0]
    points = cache.points((family_id,), metric["metric"])
    data = {"N": points["N"], "C": points["C"], "value": points["value"]}
    return Profile(isoflop_runs(data), isoflop_parabolas(data), isoflop_minima(data), metric["name"])
