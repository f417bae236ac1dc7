"""A 2027 deadline warns until the administrators have entered that year's holiday notice."""

import datetime

import pytest

from minsheng.calendars.deadlines import deadline_compute
from minsheng.calendars.selectors import calendar_coverage
from minsheng.calendars.services import calendar_override_save, calendar_year_save

D = datetime.date
pytestmark = pytest.mark.django_db


def test_it_warns_for_a_year_without_data_until_the_year_is_confirmed(city):
    # Received Mon 28 Dec 2026; the five working days run into January 2027.
    before = deadline_compute(kind="objection", event_day=D(2026, 12, 28))
    assert before.due == D(2027, 1, 4)
    assert before.uncertain
    assert "2027 年" in before.warning

    # Say the notice gives 1 Jan 2027 off: the admin enters it; one day does not make the year known.
    calendar_override_save(actor=city.admin, day=D(2027, 1, 1), is_working_day=False, note="元旦")
    assert deadline_compute(kind="objection", event_day=D(2026, 12, 28)).uncertain

    calendar_year_save(actor=city.admin, year=2027)
    after = deadline_compute(kind="objection", event_day=D(2026, 12, 28))

    assert after.due == D(2027, 1, 5)
    assert not after.uncertain
    assert after.warning == ""


def test_it_reports_where_each_years_data_comes_from(city):
    calendar_override_save(actor=city.admin, day=D(2027, 1, 1), is_working_day=False)

    coverage = calendar_coverage(today=D(2026, 11, 26), years_ahead=2)

    assert [(c.year, c.source, c.override_count) for c in coverage] == [
        (2026, "package", 0),
        (2027, "", 1),
        (2028, "", 0),
    ]
