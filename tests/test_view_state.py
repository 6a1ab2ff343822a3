"""Every page's view state, driven by its declaration in ui.params: each declared key a link sets is
honoured (the page's Copy link carries it back), a hostile value for it never leaves the bounds
its widget has, and no page or view module touches the URL except through ui.state."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from lib.fitspec import FitSpec, pairs_text, parse_fit_token, text_pairs
from lib.ingest import encode_runs
from lib.schema import PROJECT_ROOT
from lib.verdicts.views import refit_link
from tests.pages import copied_link, texts, through_app
from tests.test_ingest_share import runs_table
from ui import params
from ui.params import PAGES, SIDEBAR, Choice, Coded, Flag, Many, Number, Text, Tokens

RUNS_TOKEN = encode_runs(runs_table(5))
FIT_TOKEN = "f=chinchilla_epoch;law=chinchilla;top=5"
FAST = {"boot": "0"}  # no bootstrap: the fit pages answer in a second or two
GEMSTONES = {"families": "gemstones_hot", "metric": "acc_norm_arc_easy_0shot_lighteval"}

# (page, key) -> (the rest of the link, so the key's widget is shown; a valid value that is not the default)
EXAMPLES = {
    ("overview_page", "families"): ({}, "gemstones_hot"),
    ("overview_page", "metric"): ({"families": "gemstones_hot"}, "val_loss_dclm"),
    ("overview_page", "x"): ({}, "N"),
    ("overview_page", "logy"): ({}, "0"),
    ("explore_page", "families"): ({}, "chinchilla_epoch,gemstones_hot"),
    ("explore_page", "metric"): ({"families": "gemstones_hot"}, "val_loss_dclm"),
    ("explore_page", "x"): ({}, "D"),
    ("explore_page", "logx"): ({}, "0"),
    ("explore_page", "logy"): ({}, "0"),
    ("explore_page", "params"): ({}, "N_total"),
    ("explore_page", "flops"): ({}, "C_6ND"),
    ("fit_page", "families"): (FAST, "gemstones_hot"),
    ("fit_page", "metric"): (FAST | {"families": "gemstones_hot"}, "val_loss_dclm"),
    ("fit_page", "law"): (FAST, "power_law"),
    ("fit_page", "x"): (FAST | {"law": "power_law"}, "N"),
    ("fit_page", "params"): (FAST, "N_total"),
    ("fit_page", "flops"): (FAST, "C_6ND"),
    ("fit_page", "loss"): (FAST, "mse"),
    ("fit_page", "delta"): (FAST, "0.01"),
    ("fit_page", "boot"): ({}, "50"),
    ("fit_page", "top"): (FAST, "5"),
    ("fit_page", "cutoff"): (FAST, "1e21"),
    ("fit_page", "dmin"): (FAST, "3B"),
    ("fit_page", "dmax"): (FAST, "1e11"),
    ("fit_page", "final"): (FAST, "1"),
    ("fit_page", "fix"): (FAST, "E:1.7"),
    ("fit_page", "tie"): (FAST, "beta=alpha"),
    ("fit_page", "sens"): (FAST, "1"),
    ("compare_page", "laws"): ({"fitfam": ""}, "kaplan2020_L_ND"),
    ("compare_page", "fitfam"): (FAST, "gemstones_hot"),
    ("compare_page", "fitlaws"): (FAST, "power_law_offset"),
    ("compare_page", "boot"): ({}, "0"),
    ("compare_page", "fits"): ({"fitfam": ""}, FIT_TOKEN),
    ("compare_page", "target"): (FAST, "1e24"),
    ("optimal_page", "laws"): ({}, "kaplan2020_N_opt"),
    ("optimal_page", "fits"): ({}, FIT_TOKEN),
    ("optimal_page", "mode"): ({}, "N"),
    ("optimal_page", "value"): ({}, "3e24"),
    ("optimal_page", "line"): ({}, "D_opt"),
    ("optimal_page", "isoflop"): ({}, "llama3_isoflops"),
    ("benchmarks_page", "families"): ({}, "ruan2024_opt"),
    ("benchmarks_page", "metric"): ({}, "acc_arc_challenge_25shot"),
    ("benchmarks_page", "x"): (GEMSTONES, "train_loss_dolma"),
    ("benchmarks_page", "fit"): ({}, "none"),
    ("benchmarks_page", "checkpoints"): (GEMSTONES, "all"),
    ("benchmarks_page", "decades"): ({}, "2"),
    ("benchmarks_page", "nats"): (GEMSTONES | {"x": "train_loss_dolma"}, "0.5"),
    ("benchmarks_page", "ceiling"): ({}, "perfect"),
    ("benchmarks_page", "floor"): ({"families": "openlm_rw_m20", "metric": "acc_agi_eval_lsat_ar_3shot_llmfoundry"},
                                   "chance"),
    ("models_page", "x"): ({}, "params"),
    ("models_page", "y"): ({}, "dataset_size"),
    ("models_page", "domains"): ({}, "language"),
    ("models_page", "from"): ({}, "2020"),
    ("models_page", "to"): ({}, "2022"),
    ("models_page", "confidence"): ({}, "Confident"),
    ("models_page", "tokens"): ({"y": "dataset_size"}, "1"),
    ("models_page", "overlay"): ({}, "chinchilla_epoch"),
    ("sources_page", "paper"): ({}, "hoffmann2022"),
    ("reproductions_page", "verdicts"): ({}, "reproduces,close"),
    ("reproductions_page", "paper"): ({}, "besiroglu2024"),
    ("reproductions_page", "law"): ({}, "hoffmann2022_approach3"),
    ("backtest_page", "family"): ({}, "gemstones_hot"),
    ("backtest_page", "method"): ({}, "least squares, linear"),
    # The sidebar's keys, on one page.
    ("explore_page", "image"): ({}, "svg"),
    ("explore_page", "runs"): ({}, RUNS_TOKEN),
    ("explore_page", "runs_params"): ({"runs": RUNS_TOKEN}, "non_embedding"),
    ("explore_page", "runs_flops"): ({"runs": RUNS_TOKEN}, "6ND"),
    ("explore_page", "runs_domain"): ({"runs": RUNS_TOKEN}, "vision"),
}
# Where the value is not shown by one widget keyed Param.widget_key: (its widget, what it holds).
SHOWN_ELSEWHERE = {
    ("fit_page", "fix"): ("widget_fix", ["E"]),  # the names; each value in its own number box
    ("optimal_page", "value"): ("widget_value_C", "3e24"),  # one box per mode
    ("models_page", "from"): ("widget_years", None),  # one range slider for both years
    ("models_page", "to"): ("widget_years", None),
    **{("explore_page", param.key): (None, None) for param in SIDEBAR.params if isinstance(param, Coded)},
}
DECLARED = [(page, param) for page, view in PAGES.items() for param in view.params] + [
    ("explore_page", param) for param in SIDEBAR.params
]


def test_every_declared_key_has_an_example_and_every_example_a_declaration():
    assert {(page, param.key) for page, param in DECLARED} == set(EXAMPLES)


@pytest.mark.parametrize(("page", "param"), DECLARED, ids=[f"{page}:{param.key}" for page, param in DECLARED])
def test_a_link_sets_each_declared_key_and_the_copy_link_carries_it_back(page, param):
    context, value = EXAMPLES[(page, param.key)]
    app = through_app(page, **context, **{param.key: value})
    assert not app.exception, [error.message for error in app.exception]
    assert copied_link(app).get(param.key) == [value], f"{param.what}: {copied_link(app).get(param.key)}"
    widget, shown = SHOWN_ELSEWHERE.get((page, param.key), (param.widget_key, value))
    if widget is not None:  # the page used the value: a widget of this run holds it
        assert widget in app.session_state, f"no widget {widget} shows {param.what}"
        held = app.session_state[widget]
        if isinstance(held, tuple):  # the years slider
            assert str(value) in map(str, held)
        elif shown is not None:
            assert held == shown or url_text(param, held) == shown, f"{param.what}: {held!r}"


def url_text(param, held) -> str:
    """A widget's value as the URL writes it."""
    if isinstance(held, bool):
        return str(int(held))
    if isinstance(held, list):
        return (param.separator if isinstance(param, Tokens) else ",").join(map(str, held))
    return f"{held:g}" if isinstance(held, float) else str(held)


def hostile_value(param) -> str:
    """A value past what the key's widget takes: unknown, out of bounds, too long or too many."""
    if isinstance(param, Number):
        return "1e999" if param.high is None else str(param.high * 10 + 1)
    if isinstance(param, Many):
        return ",".join(f"bogus{index}" for index in range((param.limit or 10) + 5))
    if isinstance(param, Text):
        return "9" * 10_000
    if isinstance(param, Tokens):
        return param.separator.join([FIT_TOKEN.replace("top=5", f"top={top}") for top in range(param.limit + 5)])
    if isinstance(param, Flag):
        return "maybe"
    return "[bogus](https://evil.example)"


def within_bounds(param, values: list[str]) -> bool:
    """Whether the link's text for the key is one its widget could hold."""
    if isinstance(param, Choice):
        return param.options is None and values != [hostile_value(param)] or values[0] in map(str, param.options)
    if isinstance(param, Number):
        number = float(values[0])
        return math.isfinite(number) and (param.high is None or number <= param.high)
    if isinstance(param, Many):
        chosen = [value for value in values[0].split(",") if value]
        return not any(value.startswith("bogus") for value in chosen) and len(chosen) <= (param.limit or len(chosen))
    if isinstance(param, Text):
        return len(values[0]) <= param.max_chars
    if isinstance(param, Tokens):
        return len(values[0].split(param.separator)) <= param.limit
    if isinstance(param, Flag):
        return values[0] in ("0", "1")
    return True


@pytest.mark.parametrize(("page", "param"), DECLARED, ids=[f"{page}:{param.key}" for page, param in DECLARED])
def test_a_hostile_value_for_each_declared_key_is_held_to_its_widgets_bounds(page, param):
    context, _ = EXAMPLES[(page, param.key)]
    app = through_app(page, **context, **{param.key: hostile_value(param)})
    assert not app.exception, [error.message for error in app.exception]
    carried = copied_link(app).get(param.key)
    if isinstance(param, Coded):  # lib refuses a damaged token and the page says so
        assert any("could not be loaded" in text for text in texts(app.warning)), texts(app.warning)
    elif carried is not None:
        assert within_bounds(param, carried), f"{param.what}: {carried[0][:100]}"


def test_no_page_or_view_module_touches_the_url_except_through_ui_state():
    """A key read or written by hand would escape its declaration (and the suites above)."""
    touching = {
        path.relative_to(PROJECT_ROOT).as_posix()
        for folder in ("pages", "ui") for path in (PROJECT_ROOT / folder).glob("*.py")
        if re.search(r"st\.query_params", Path(path).read_text())
    }
    assert touching == {"ui/state.py", "ui/share.py"}  # share builds the Copy link from the URL


def page_links_in_pages() -> list[tuple[str, set[str]]]:
    """(target page, keys) of every st.page_link with a literal page and query in pages/."""
    links = []
    for path in (PROJECT_ROOT / "pages").glob("*.py"):
        for call in ast.walk(ast.parse(path.read_text())):
            query = next((k.value for k in getattr(call, "keywords", []) if k.arg == "query_params"), None)
            if isinstance(query, ast.Dict) and call.args and isinstance(call.args[0], ast.Constant):
                links.append((call.args[0].value, {key.value for key in query.keys}))
    return links


def test_outgoing_links_set_only_keys_their_target_page_declares():
    """The Overview's canonical views, the links between pages and the Reproductions page's refit
    links open views their target declares: a key it does not declare would be ignored."""
    links = [(page, set(query)) for page, _, _, query in params.START_HERE] + page_links_in_pages()
    law = {"families": "chinchilla_epoch", "form": "chinchilla", "metric": "train_loss", "output": "loss",
           "fit_options": "loss=huber;delta=1e-3;exclude_top=5"}
    refit = urlsplit(refit_link(law))
    links.append(("pages/fit_page.py", set(parse_qs(refit.query))))
    assert len(links) >= 9 and refit.path == "fit"
    for page, keys in links:
        declared = set(PAGES[Path(page).stem].keys)
        assert keys <= declared, f"{page}: {keys - declared}"


def test_a_fit_token_is_parsed_once_and_holds_its_fixed_coefficients_as_the_fit_page_writes_them():
    spec = FitSpec(families=("chinchilla_epoch",), fixed=(("E", 1.7), ("alpha", 0.3389)), tied=(("alpha", "beta"),))
    token = spec.to_token()
    assert parse_fit_token(token) is parse_fit_token(token)
    assert f"fix={pairs_text(spec.fixed)}" in token and pairs_text(spec.fixed) == "E:1.7+alpha:0.3389"
    assert text_pairs("E:1.7,alpha:0.3389") == text_pairs("E:1.7 alpha:0.3389") == (("E", "1.7"), ("alpha", "0.3389"))
    with pytest.raises(ValueError, match="not name:value pairs"):
        text_pairs("E=1.7")
