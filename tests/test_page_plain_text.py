"""Text from a link is echoed as plain text: a markdown link, image or HTML tag in any echoed URL
value reads as typed (every markup character escaped), and a 100 KB value is cut."""

from __future__ import annotations

import re

import pytest

from lib.ingest import encode_runs
from tests.pages import open_page, shown_texts, texts
from tests.test_ingest_share import runs_table
from ui.text import MAX_ECHO_CHARS, plain, plain_list

LINK = "[Session expired](https://evil.example/login)"
IMAGE = "![x](https://evil.example/pixel.png)"
TAG = "<a href='https://evil.example'>y</a>"
HOSTILE = f"{LINK} {IMAGE} {TAG} www.evil.example :red[alarm] $x$"


def renders_markup(text: str) -> bool:
    """Whether Markdown would read `text` as a link, image, tag, autolink, colour directive or maths:
    what is left once every backslash-escaped character is taken out still holds such syntax."""
    bare = re.sub(r"\\.", "", text)
    return bool(re.search(r"\]\(|<|://|www\.|:red\[|\$", bare))


def test_plain_escapes_every_markup_and_cuts_long_text():
    assert renders_markup(HOSTILE)
    assert not renders_markup(plain(HOSTILE, limit=len(HOSTILE)))
    assert plain("a\n\n# heading") == r"a \# heading"
    assert plain("x" * 100_000) == "x" * MAX_ECHO_CHARS + "…"
    assert plain_list([f"v{i}" for i in range(20)]) == "v0, v1, v2, v3, v4, v5, v6, v7 and 12 more"


RUNS = encode_runs(runs_table(5))


def echoed(app) -> list[str]:
    return texts(app.warning) + texts(app.error) + texts(app.caption) + texts(app.info)


# (page, the key whose value the page echoes, the rest of the link)
ECHOES = [
    ("overview_page", "families", {}),
    ("explore_page", "families", {}),
    ("fit_page", "families", {}),
    ("fit_page", "law", {"families": "chinchilla_epoch", "boot": "0"}),
    ("fit_page", "cutoff", {"families": "chinchilla_epoch", "boot": "0"}),
    ("compare_page", "laws", {"fitfam": ""}),
    ("compare_page", "fitlaws", {"laws": ""}),
    ("compare_page", "fitfam", {"laws": ""}),
    ("compare_page", "fits", {"fitfam": "", "laws": ""}),
    ("compare_page", "target", {"fitfam": ""}),
    ("optimal_page", "laws", {}),
    ("optimal_page", "value", {"mode": "C"}),
    ("optimal_page", "fits", {"laws": ""}),
    ("sources_page", "paper", {}),
    ("models_page", "domains", {}),
    ("models_page", "confidence", {}),
    ("benchmarks_page", "families", {}),
    *(("explore_page", key, {"runs": RUNS}) for key in ("runs_params", "runs_flops", "runs_domain")),
]


@pytest.mark.parametrize(("page", "key", "rest"), ECHOES, ids=[f"{page}-{key}" for page, key, _ in ECHOES])
@pytest.mark.parametrize("padding", [0, 100_000], ids=["short", "100KB"])
def test_a_link_value_is_echoed_as_plain_text_and_cut(page, key, rest, padding):
    value = HOSTILE + "a" * padding
    if key == "fits":
        value = f"f=chinchilla_epoch;law=chinchilla;m={value}"
    app = open_page(page, **rest, **{key: value})
    assert not app.exception, [error.message for error in app.exception]
    shown = echoed(app)
    assert not [text for text in shown if renders_markup(text)]
    assert all(len(text) < 2_000 for text in shown), max(map(len, shown))
    if key not in ("target", "value"):  # a number's reason may not quote the text
        assert any("Session expired" in text for text in shown)


def test_metric_names_of_a_runs_link_never_reach_captions_or_chart_titles():
    runs = runs_table(5).rename(columns={"loss": LINK})
    token = encode_runs(runs)
    app = open_page("explore_page", families="my_runs", runs=token)
    assert not app.exception
    assert any(text.startswith("The runs in this link could not be loaded") for text in texts(app.warning))
    assert not any("evil.example" in str(chart.proto) for chart in app.get("plotly_chart"))
    assert not [text for text in echoed(app) if renders_markup(text)]


# An uploader's column name (or file name) that Markdown would read as a link and bold text.
COLUMN = "[x](https://evil.example) **bold**"


def renders_bold(text: str) -> bool:
    return "**" in re.sub(r"\\.", "", text)


def uploaded(name: str, content: str):
    app = open_page("runs_page")
    return app.file_uploader(key="upload").set_value((name, content.encode(), "text/csv")).run()


# (file name, content, where the page quotes the column or file name)
UPLOADS = {
    "a column named twice": ("sweep.csv", f"{COLUMN},params,{COLUMN}\n3.5,7B,3.4\n", "error"),
    "the detected mapping": ("sweep.csv", f"params,loss,{COLUMN}\n7B,3.5,0.3\n70B,3.1,0.4\n", "caption"),
    "a note on a column": ("sweep.csv", f"params,loss,{COLUMN}\n7B,3.5,1B\n70B,3.1,2B\n", "caption"),
    "the file name": (f"{COLUMN}.csv", "params,loss\n7B,3.5\n70B,3.1\n", "success"),
}


@pytest.mark.parametrize(("name", "content", "where"), UPLOADS.values(), ids=list(UPLOADS))
def test_an_uploads_column_and_file_names_are_echoed_as_plain_text(name, content, where):
    app = uploaded(name, content)
    assert not app.exception, [error.message for error in app.exception]
    shown = echoed(app) + texts(app.success)
    assert not [text for text in shown if renders_markup(text) or renders_bold(text)]
    assert any(COLUMN in text for text in shown_texts(getattr(app, where)))


def test_a_mapping_error_quotes_a_column_name_as_plain_text():
    app = uploaded("sweep.csv", f"params,loss,{COLUMN}\n7B,3.5,3.4\n70B,3.1,3.0\n")
    app.selectbox(key=f"same_as_{COLUMN}").set_value("train_loss").run()  # as 'loss' already is
    [error] = app.error
    assert not renders_markup(error.value) and not renders_bold(error.value)
    assert shown_texts([error]) == [f"Cannot read the runs with this mapping: columns 'loss' and '{COLUMN}' are both "
                                    "said to be the published metric 'train_loss'; choose it for one of them, and "
                                    "'(a new metric)' for the other"]
