"""A period in 日 starts the day after the event and ends on a working day (民法典 Art 201, 203).

Expected dates worked out by hand from the State Council's notices: 国办发明电〔2024〕12号 (2025) and
国办发明电〔2025〕7号 (2026).
"""

import datetime

import pytest

from minsheng.lib.workdays import CALENDAR_DAYS, WorkCalendar

D = datetime.date


@pytest.fixture
def calendar():
    return WorkCalendar()


def test_it_starts_counting_the_day_after_the_event(calendar):
    # Sunday 1 March 2026 + 1 day = Monday 2 March, a working day.
    assert calendar.add_calendar_days(D(2026, 3, 1), 1).due == D(2026, 3, 2)


def test_it_ends_a_plain_fifteen_day_period_on_its_fifteenth_day(calendar):
    deadline = calendar.add_calendar_days(D(2026, 3, 2), 15)

    assert deadline.due == D(2026, 3, 17)  # a Tuesday
    assert (deadline.amount, deadline.unit) == (15, CALENDAR_DAYS)
    assert not deadline.uncertain
    assert deadline.warning == ""


def test_it_moves_a_last_day_on_a_saturday_to_the_monday(calendar):
    deadline = calendar.add_calendar_days(D(2026, 3, 6), 15)

    assert deadline.raw_end == D(2026, 3, 21)  # Saturday
    assert deadline.due == D(2026, 3, 23)


@pytest.mark.parametrize(
    ("event_day", "raw_end"),
    [
        (D(2026, 2, 3), D(2026, 2, 18)),  # Wednesday, 初二
        (D(2026, 2, 7), D(2026, 2, 22)),  # Sunday inside the holiday
        (D(2026, 2, 8), D(2026, 2, 23)),  # Monday 23 Feb, the holiday's last day (初七)
    ],
)
def test_it_moves_a_last_day_in_spring_festival_2026_to_the_first_working_day_after(
    calendar, event_day, raw_end
):
    # The holiday runs 15–23 Feb 2026; Tuesday 24 Feb is the first working day after it, well before
    # the make-up Saturday of 28 Feb.
    deadline = calendar.add_calendar_days(event_day, 15)

    assert deadline.raw_end == raw_end
    assert deadline.due == D(2026, 2, 24)


def test_it_keeps_a_last_day_on_a_make_up_saturday(calendar):
    # Saturday 28 Feb 2026 is worked (调休), so it is not a rest day and the period ends on it.
    assert calendar.add_calendar_days(D(2026, 2, 13), 15).due == D(2026, 2, 28)


def test_it_moves_a_last_day_in_national_day_2026_to_the_eighth_of_october(calendar):
    # 1–7 Oct 2026 off; Thursday 8 Oct is the first working day.
    deadline = calendar.add_calendar_days(D(2026, 9, 17), 15)

    assert deadline.raw_end == D(2026, 10, 2)
    assert deadline.due == D(2026, 10, 8)


def test_it_moves_a_last_day_in_national_day_2025_past_mid_autumn(calendar):
    # 2025: 1–8 Oct off (National Day and Mid-Autumn together); Thursday 9 Oct is worked.
    assert calendar.add_calendar_days(D(2025, 9, 5), 30).due == D(2025, 10, 9)


def test_it_counts_the_sixty_day_handling_period_in_calendar_days(calendar):
    # Accepted Monday 10 Aug 2026: the 60th day is Friday 9 Oct, a working day after National Day.
    assert calendar.add(D(2026, 8, 10), 60, CALENDAR_DAYS).due == D(2026, 10, 9)
