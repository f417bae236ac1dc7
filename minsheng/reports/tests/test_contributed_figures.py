"""The figures other apps contribute through settings.REPORT_FIGURES."""

import datetime as dt

import pytest

from minsheng.reports.periods import Period
from minsheng.reports.selectors import report_build

SOURCES = "minsheng.reports.tests.figure_sources."
PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 1, 10))


def build(city, organisation=None):
    organisation = organisation or city.root
    return report_build(user=city.supervisor, organisation=organisation, period=PERIOD)


def test_it_adds_up_what_several_apps_count_under_one_key(settings, city):
    settings.REPORT_FIGURES = [SOURCES + "meetings", SOURCES + "more_meetings_and_a_new_figure"]

    report = build(city)

    assert report.values["joint_meetings"] == 5
    assert report.values["reception_sessions"] == 0  # an app that says nothing of a key counts 0


def test_a_figure_the_report_does_not_know_yet_is_still_shown_under_other(settings, city):
    settings.REPORT_FIGURES = [SOURCES + "more_meetings_and_a_new_figure"]

    report = build(city)
    other = [figure for figure in report.figures if figure.spec.section == "other"]

    assert [(f.key, f.value) for f in other] == [("hotline_calls", 7)]
    assert report.sections[-1][1] == "其他"


def test_each_app_is_asked_for_the_organisation_and_period_of_the_report(settings, city):
    settings.REPORT_FIGURES = [SOURCES + "days_at_a_township"]

    assert build(city, city.yunzhong).values["instructions"] == 10
    assert build(city).values["instructions"] == 0


@pytest.mark.parametrize("source", ["negative", "not_a_number"])
def test_it_refuses_to_report_a_figure_that_is_not_a_count(settings, city, source):
    settings.REPORT_FIGURES = [SOURCES + source]

    with pytest.raises(TypeError, match="non-negative integers"):
        build(city)


def test_an_app_cannot_override_the_petitions_figures(settings, city):
    settings.REPORT_FIGURES = [SOURCES + "a_petitions_figure"]

    assert build(city).values["matters_received"] == 0
