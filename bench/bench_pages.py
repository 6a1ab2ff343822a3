"""Server-side render times of every page, measured with Streamlit's AppTest on this machine.

    python bench/bench_pages.py

Targets (issues 5 and 11): each page's default view, opened cold by a first visitor, shows its
first chart within 2 s (a page with no chart by default: its whole first render); a widget change
that needs no new fit within 300 ms; a rerun of the Fit page that changes nothing in the fit within
300 ms. "First visit" is a page's first run in a new Python process that has imported app.py as the
server does at start (app.py is served as an st.App): the first visitor of a freshly started server
(the store file already built; the browser's own loading aside). "Cold" clears Streamlit's caches
first in this process (cache_data and cache_resource: the store is reopened and every fit made
again). "First chart" is the time from the start of the run to the page's first chart being sent
(ui.share.show_chart); "whole page" to the end of the run, bootstrap bands included. Times are
medians of 3.

Measured on two shared cores (load average 4 from other work), before and after the Fit and
Compare pages drew their point fits before the bootstrap and app.py became an st.App imported at
start (s): first visit Fit 5.07 -> 1.23, Compare 2.61 -> 1.42, Overview 1.52 -> 0.62; first chart
on cold caches Fit 3.51 -> 0.84, Compare 4.00 -> 1.25, Compare with 200 refits 4.45 -> 1.09.
Benchmarks, before and after it drew its sigmoid's point fit before the bootstrap band (s; load
average 1.5-2 from other work; each a median of 3, ranges over 5 runs of the Benchmarks part):
default view first visit 1.5-2.7 -> 0.7-1.2, first chart on cold caches 1.3-2.5 -> 0.5-0.7 (whole
page 1.3-2.5 -> 1.4-2.3, the chart now drawn twice); Cerebras-GPT HellaSwag first visit 1.2-2.0 ->
0.6-1.0, first chart on cold caches 0.9-1.6 -> 0.5-0.7.
The whole run on 2026-12-02, after the view state was declared in ui/params.py (s, first visit /
first chart cold): Backtest 0.81 / 0.51, Benchmarks 0.97 / 0.67, Compare 1.23 / 0.97, Explore
0.60 / 0.42, Fit 1.05 / 0.74, Models 0.76 / 0.60, Compute-optimal 0.96 / 0.73, Overview 0.71 / 0.44,
Reproductions 0.62 / 0.43, My runs 0.35, Sources 0.45 (no chart); Compare with 200 refits 1.41 /
1.16; a widget change 112 ms, a Fit rerun with the fit unchanged 134 ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.schema import PROJECT_ROOT  # noqa: E402
from lib.store import Store  # noqa: E402
from ui import share  # noqa: E402

APP = str(PROJECT_ROOT / "app.py")
# Every page's default view (no query), and two views known to be slow.
PAGES = {
    **{path.stem.removesuffix("_page"): (path.stem, {}) for path in sorted((PROJECT_ROOT / "pages").glob("*_page.py"))},
    "compare, 1 fit with 200 bootstraps": ("compare_page", {"boot": "200"}),
    "benchmarks, Cerebras-GPT HellaSwag (slowest)": (  # fitted ceiling: the slowest band found
        "benchmarks_page", {"families": "ruan2024_cerebras-gpt", "metric": "acc_hellaswag_10shot"}),
}


class FirstChart:
    """Records when a run sends its first chart: wraps ui.share.show_chart, which every page
    draws its charts with."""

    def __init__(self) -> None:
        self.started = self.first = None
        self._show_chart = share.show_chart
        share.show_chart = self._timed

    def _timed(self, figure) -> None:
        if self.first is None:
            self.first = time.perf_counter() - self.started
        self._show_chart(figure)

    def start(self) -> None:
        self.started, self.first = time.perf_counter(), None


FIRST_CHART = FirstChart()


def render(page: str, query: dict) -> tuple[AppTest, float]:
    app = AppTest.from_file(APP, default_timeout=300)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{page}.py")
    FIRST_CHART.start()
    app.run()
    seconds = time.perf_counter() - FIRST_CHART.started
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].message}")
    return app, seconds


def cold_render(page: str, query: dict) -> tuple[float | None, float]:
    """Medians of (first chart, whole page) in seconds over 3 runs on cold caches; first chart is
    None for a page that draws none."""
    firsts, wholes = [], []
    for _ in range(3):
        st.cache_data.clear()
        st.cache_resource.clear()
        wholes.append(render(page, query)[1])
        firsts.append(FIRST_CHART.first)
    return (None if None in firsts else statistics.median(firsts)), statistics.median(wholes)


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


def first_visit(page: str, query: dict) -> float:
    """Median over 3 new processes of the page's first chart (its whole run when it draws none)."""
    times = []
    for _ in range(3):
        shown = subprocess.run([sys.executable, __file__, "--first-visit", page, json.dumps(query)],
                               capture_output=True, text=True, check=True)
        times.append(float(shown.stdout.split()[-1]))
    return statistics.median(times)


def time_first_visit(page: str, query: dict) -> None:
    """In a new process: the page's first run after importing app.py as the server does at start."""
    import app  # noqa: F401, PLC0415

    _, whole = render(page, query)
    print(whole if FIRST_CHART.first is None else FIRST_CHART.first)


def main() -> None:
    Store().close()  # build the store file once, outside the timings
    render("overview_page", {})  # import the app's modules once, as the server does at start
    print(f"{'page, default view unless said':<44} {'first visit':>12} {'first chart':>12} {'whole page':>11}"
          "   (s; target 2 s)")
    for label, (page, query) in PAGES.items():
        try:
            visit = first_visit(page, query)
            first, whole = cold_render(page, query)
        except (RuntimeError, subprocess.CalledProcessError) as failure:  # say so and time the other pages
            print(f"{label[:44]:<44} failed: {str(failure)[:120]}")
            continue
        print(f"{label[:44]:<44} {visit:>12.2f} {'no chart' if first is None else f'{first:.2f}':>12} {whole:>11.2f}")
    print(f"{'widget change (Explore x axis)':<44} {widget_change() * 1000:>12.0f} ms   target 300 ms")
    print(f"{'Fit rerun, fit unchanged (200 boots)':<44} {fit_rerun() * 1000:>12.0f} ms   target 300 ms")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--first-visit"]:
        time_first_visit(sys.argv[2], json.loads(sys.argv[3]))
    else:
        main()
