"""The Overview page, driven through Streamlit's AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lib.schema import PROJECT_ROOT
from lib.store import Store
from ui.text import plain

APP = str(PROJECT_ROOT / "app.py")


def run_overview(**query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def test_overview_shows_the_store_counts():
    app = run_overview()
    assert not app.exception
    summary = Store().summary()
    shown = {metric.label: metric.value for metric in app.metric}
    assert shown["Points"] == f"{summary['points']:,}"
    assert shown["Published laws"] == f"{summary['published_laws']:,}"
    assert shown["Domains"] == f"{summary['domains_with_points']:,}"
    assert shown["Public models"] == f"{summary['models']:,}"


def test_overview_plots_the_default_family_with_its_loss():
    app = run_overview()
    assert app.multiselect[0].value == ["chinchilla_epoch"]
    metric_box = app.selectbox[0]
    assert metric_box.value == "train_loss"
    chart = app.get("plotly_chart")[0]
    assert '"type":"log"' in chart.proto.spec.replace(" ", "")


def test_choosing_no_family_gives_an_empty_state_not_an_error():
    app = run_overview()
    app.multiselect[0].set_value([]).run()
    assert not app.exception
    assert any("Choose one or more families" in info.value for info in app.info)


def test_an_unknown_family_in_the_link_is_named_and_the_rest_still_opens():
    app = run_overview(families="chinchilla_epoch,not_a_family")
    assert not app.exception
    assert any(plain("not_a_family") in warning.value for warning in app.warning)
    assert app.multiselect[0].value == ["chinchilla_epoch"]
    assert len(app.get("plotly_chart")) == 1


def test_the_chart_follows_the_url_state():
    app = run_overview(families="chinchilla_epoch", x="N", logy="0")
    assert not app.exception
    assert app.selectbox[1].value == "N"
    assert app.toggle[0].value is False
