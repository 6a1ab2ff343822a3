"""The sidebar's Copy link, through app.py (tests.pages.open_page runs a page file on its own, which
skips the sidebar app.py draws): shown on every page, also on one that stops early with st.stop(),
and holding what the page wrote to the URL before it stopped."""

from __future__ import annotations

import pytest

from tests.pages import copied_link, through_app


EARLY_STOPS = {
    "My runs before an upload": ("runs_page", {"x": "N"}, "Upload a file to start"),
    "Explore with no family": ("explore_page", {"families": ""}, "Choose one or more families"),
    "Sources with no paper": ("sources_page", {"image": "svg"}, "Choose a paper"),
    "a fit error": ("fit_page", {"families": "chinchilla_epoch", "boot": "0", "cutoff": "1e10"}, "This fit cannot run"),
}


@pytest.mark.parametrize("page, query, stopped_with", EARLY_STOPS.values(), ids=EARLY_STOPS.keys())
def test_a_page_that_stops_early_keeps_its_copy_link(page, query, stopped_with):
    app = through_app(page, **query)
    assert not app.exception
    assert any(stopped_with in message.value for message in [*app.info, *app.error])
    link = copied_link(app)
    assert all(link[key] == [value] for key, value in query.items())


def test_the_link_holds_what_the_page_wrote_before_it_stopped():
    app = through_app("explore_page", families="chinchilla_epoch")
    assert copied_link(app)["families"] == ["chinchilla_epoch"]
    app.multiselect(key="widget_families").set_value([]).run()
    assert any("Choose one or more families" in info.value for info in app.info)
    assert copied_link(app)["families"] == [""]

    app = through_app("fit_page", families="chinchilla_epoch", boot="0")
    assert "cutoff" not in copied_link(app)
    cutoff = next(box for box in app.text_input if box.label.startswith("Held-out check"))
    cutoff.set_value("1e10").run()
    assert any("This fit cannot run" in error.value for error in app.error)
    assert copied_link(app)["cutoff"] == ["1e10"]


def test_the_link_holds_what_a_finished_page_wrote_last():
    app = through_app("sources_page")
    app.selectbox(key="widget_paper").set_value("hoffmann2022").run()
    assert copied_link(app)["paper"] == ["hoffmann2022"]
