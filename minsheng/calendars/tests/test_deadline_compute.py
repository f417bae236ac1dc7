"""Deadlines of the workflow follow settings.DEADLINES and the administrators' overrides."""

import datetime
import zoneinfo

import pytest

from minsheng.calendars.deadlines import deadline_compute
from minsheng.calendars.models import CalendarOverride
from minsheng.lib.workdays import CALENDAR_DAYS, WORKING_DAYS, WorkCalendar

D = datetime.date
pytestmark = pytest.mark.django_db


def test_it_uses_the_amount_and_unit_of_the_kind():
    objection = deadline_compute(kind="objection", event_day=D(2026, 9, 30))
    handling = deadline_compute(kind="handle_claim", event_day=D(2026, 8, 10))

    assert (objection.due, objection.amount, objection.unit) == (D(2026, 10, 13), 5, WORKING_DAYS)
    assert (handling.due, handling.amount, handling.unit) == (D(2026, 10, 9), 60, CALENDAR_DAYS)


def test_it_follows_a_changed_unit_in_the_settings(settings):
    assert deadline_compute(kind="accept_notice", event_day=D(2026, 3, 2)).due == D(2026, 3, 17)

    settings.DEADLINES = {**settings.DEADLINES, "accept_notice": (15, WORKING_DAYS)}

    deadline = deadline_compute(kind="accept_notice", event_day=D(2026, 3, 2))
    assert (deadline.due, deadline.unit) == (D(2026, 3, 23), WORKING_DAYS)


def test_it_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="no_such_deadline"):
        deadline_compute(kind="no_such_deadline", event_day=D(2026, 3, 2))


def test_it_applies_the_overrides_in_the_database():
    CalendarOverride.objects.create(day=D(2026, 3, 17), is_working_day=False, note="地方假日")

    assert deadline_compute(kind="route", event_day=D(2026, 3, 2)).due == D(2026, 3, 18)


def test_it_uses_a_calendar_passed_in_instead_of_the_database():
    CalendarOverride.objects.create(day=D(2026, 3, 17), is_working_day=False)

    deadline = deadline_compute(kind="route", event_day=D(2026, 3, 2), calendar=WorkCalendar())

    assert deadline.due == D(2026, 3, 17)


def test_it_takes_the_beijing_day_of_an_event_time():
    # 23:30 in Beijing on Fri 6 March is still 6 March, though it is 15:30 UTC.
    received_at = datetime.datetime(2026, 3, 6, 23, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
    as_utc = received_at.astimezone(datetime.UTC)

    assert deadline_compute(kind="objection", event_day=as_utc).due == D(2026, 3, 13)
