"""Single days follow the official calendar, make-up working days included."""

import datetime

import chinese_calendar
import pytest

from minsheng.lib.workdays import WorkCalendar

D = datetime.date


@pytest.fixture
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 13), True),  # Friday before Spring Festival
        (D(2026, 2, 14), True),  # Saturday, make-up
        (D(2026, 2, 16), False),  # Monday, 除夕
        (D(2026, 2, 23), False),  # Monday, last holiday day
        (D(2026, 2, 24), True),
        (D(2026, 2, 28), True),  # Saturday, make-up
        (D(2026, 1, 4), True),  # Sunday, make-up after New Year
        (D(2026, 9, 20), True),  # Sunday, make-up before National Day
        (D(2026, 10, 7), False),
        (D(2026, 10, 10), True),  # Saturday, make-up
        (D(2026, 10, 11), False),  # plain Sunday
        (D(2025, 10, 8), False),
    ],
)
def test_it_agrees_with_the_official_notice(calendar, day, working):
    assert calendar.is_working_day(day) is working
    assert chinese_calendar.is_workday(day) is working


def test_it_returns_the_day_itself_when_it_is_a_working_day(calendar):
    assert calendar.next_working_day(D(2026, 2, 28)) == D(2026, 2, 28)
    assert calendar.next_working_day(D(2026, 10, 1)) == D(2026, 10, 8)


def test_it_counts_working_days_after_the_start_up_to_and_including_the_end(calendar):
    assert calendar.working_days_between(D(2026, 9, 30), D(2026, 10, 13)) == 5
    assert calendar.working_days_between(D(2026, 3, 5), D(2026, 3, 6)) == 1
    assert calendar.working_days_between(D(2026, 3, 6), D(2026, 3, 6)) == 0
    assert calendar.working_days_between(D(2026, 3, 9), D(2026, 3, 6)) == 0


def test_it_knows_the_years_the_package_publishes(calendar):
    assert calendar.has_data(2004)
    assert calendar.has_data(2026)
    assert not calendar.has_data(2027)
