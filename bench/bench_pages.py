"""Server-side render times of every page, measured with Streamlit's AppTest on this machine.

    python bench/bench_pages.py

Targets (issue 5): first render of each page within 2 s once the store exists; a widget change
that needs no new fit within 300 ms; a Chinchilla fit with 200 bootstraps within 3 s. "First
render" clears Streamlit's caches first (the store file is already built); the widget change
reruns a page whose data is cached. Times are medians of 3.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.schema import PROJECT_ROOT  # noqa: E402
from lib.store import Store  # noqa: E402

APP = str(PROJECT_ROOT / "app.py")
PAGES = {
    "overview": ("overview_page", {}),
    "explore": ("explore_page", {}),
    "fit (Chinchilla, 200 bootstraps)": ("fit_page", {"families": "chinchilla_epoch", "boot": "200"}),
    "compare": ("compare_page", {"boot": "0"}),
    "compute-optimal": ("optimal_page", {}),
    "benchmarks": ("benchmarks_page", {}),
    "benchmarks (Cerebras-GPT HellaSwag, fitted ceiling: slowest band found)": (
        "benchmarks_page", {"families": "ruan2024_cerebras-gpt", "metric": "acc_hellaswag_10shot"}),
    "sources": ("sources_page", {}),
}


def render(page: str, query: dict) -> tuple[AppTest, float]:
    app = AppTest.from_file(APP, default_timeout=300)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{page}.py")
    started = time.perf_counter()
    app.run()
    seconds = time.perf_counter() - started
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].message}")
    return app, seconds


def first_render(page: str, query: dict) -> float:
    times = []
    for _ in range(3):
        st.cache_data.clear()
        times.append(render(page, query)[1])
    return statistics.median(times)


def widget_change() -> float:
    app, _ = render("explore_page", {"families": "chinchilla_epoch"})
    times = []
    for x in ("D", "N", "C"):
        started = time.perf_counter()
        app.selectbox(key="widget_x").set_value(x).run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fit_rerun() -> float:
    """A rerun of the Fit page that changes nothing in the fit: the fit and its bootstrap band
    come from the cache, so it must not pay for the refits again."""
    app, _ = render("fit_page", {"families": "chinchilla_epoch", "boot": "200"})
    times = []
    for _ in range(3):
        started = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    Store().close()  # build the store file once, outside the timings
    render("overview_page", {})  # import the app's modules once
    print(f"{'page':<36} first render (s)   target 2 s (fit: 3 s)")
    for label, (page, query) in PAGES.items():
        if not (PROJECT_ROOT / "pages" / f"{page}.py").exists():
            continue
        print(f"{label:<36} {first_render(page, query):>8.2f}")
    print(f"{'widget change (Explore x axis)':<36} {widget_change() * 1000:>8.0f} ms   target 300 ms")
    print(f"{'Fit rerun, fit unchanged (200 boots)':<36} {fit_rerun() * 1000:>8.0f} ms   target 300 ms")


if __name__ == "__main__":
    main()
