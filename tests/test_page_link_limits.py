"""What a link may put into a view is bounded like the widget it fills: a text box gets at most
MAX_ECHO_CHARS of a link's text, a family picker at most MAX_FAMILIES families (and a fit pools
no more), and the page says what it cut or left out."""

from __future__ import annotations

import pytest

from lib.fit import FitInputError
from lib.fitspec import MAX_FAMILIES, FitSpec
from lib.store import Store
from tests.pages import open_page, texts
from ui.text import MAX_ECHO_CHARS

# (page, the text box's URL key, its widget, a value it reads, the rest of the link)
TEXT_BOXES = [
    ("compare_page", "target", "widget_target", "1e25", {"fitfam": "", "laws": "kaplan2020_L_ND"}),
    ("optimal_page", "value", "widget_value_C", "1e24", {"mode": "C"}),
    ("fit_page", "cutoff", "widget_cutoff", "1e21", {"families": "chinchilla_epoch", "boot": "0"}),
    ("fit_page", "dmin", "widget_dmin", "1e9", {"families": "chinchilla_epoch", "boot": "0"}),
]


@pytest.mark.parametrize(("page", "key", "widget", "start", "rest"), TEXT_BOXES,
                         ids=[f"{page}:{key}" for page, key, *_ in TEXT_BOXES])
def test_a_long_link_text_fills_its_box_only_up_to_the_box_limit_and_the_page_says_so(page, key, widget, start, rest):
    app = open_page(page, **rest, **{key: start + " " * 100_000})
    assert not app.exception, [error.message for error in app.exception]
    box = app.text_input(key=widget)
    assert box.proto.default == start + " " * (MAX_ECHO_CHARS - len(start))  # what the browser is sent
    assert box.proto.max_chars == MAX_ECHO_CHARS  # and what a user may type
    cut = f"This link's {key} is {len(start) + 100_000:,} characters long; only its first {MAX_ECHO_CHARS} are used."
    assert cut in texts(app.warning)


def smallest_families(count: int) -> list[str]:
    """`count` language families with the fewest points that report a training loss (quick to plot and fit)."""
    store = Store()
    families = store.families("language")
    families = families[families["points"] > 0].sort_values("points")
    with_loss = [f for f in families["family_id"] if "train_loss" in set(store.metrics_of([f])["metric"])]
    return with_loss[:count]


@pytest.mark.parametrize(
    ("page", "key", "rest"),
    [
        ("explore_page", "families", {}),
        ("fit_page", "families", {"boot": "0"}),
        ("compare_page", "fitfam", {"laws": "", "fitlaws": "chinchilla", "boot": "0"}),
        ("overview_page", "families", {}),
    ],
    ids=["explore", "fit", "compare", "overview"],
)
def test_a_link_with_more_families_than_a_view_takes_keeps_the_first_and_names_the_rest(page, key, rest):
    families = smallest_families(MAX_FAMILIES + 2)
    assert len(families) == MAX_FAMILIES + 2
    app = open_page(page, **rest, **{key: ",".join(families)})
    assert not app.exception, [error.message for error in app.exception]
    picker = app.multiselect(key=f"widget_{key}")
    assert picker.value == families[:MAX_FAMILIES] and picker.proto.max_selections == MAX_FAMILIES
    [refusal] = [text for text in texts(app.warning) if text.startswith("This link lists")]
    assert refusal.startswith(f"This link lists {MAX_FAMILIES + 2} families; this view takes at most {MAX_FAMILIES}")
    assert all(family.replace("_", r"\_") in refusal for family in families[MAX_FAMILIES:])
    assert app.query_params[key].split(",") == families[:MAX_FAMILIES]  # the copied link carries what is shown


def test_a_fit_pools_at_most_max_families_whether_asked_by_a_page_or_a_link():
    families = tuple(f"family_{number}" for number in range(MAX_FAMILIES + 1))
    with pytest.raises(FitInputError, match=f"a fit pools at most {MAX_FAMILIES} families, not {MAX_FAMILIES + 1}"):
        FitSpec(families=families)
    with pytest.raises(FitInputError, match=f"a fit pools at most {MAX_FAMILIES} families"):
        FitSpec.from_token(f"f={'+'.join(families)};law=chinchilla")
    assert FitSpec(families=families[:MAX_FAMILIES]).families == families[:MAX_FAMILIES]


def test_a_family_listed_twice_in_a_link_is_chosen_once():
    app = open_page("explore_page", families=",".join(["chinchilla_epoch"] * 50))
    assert not app.exception
    assert app.multiselect(key="widget_families").value == ["chinchilla_epoch"]
    assert not [text for text in texts(app.warning) if text.startswith("This link lists")]
