"""Extensions (Art 34) and pauses (Art 36 hearings) add calendar days to the period's raw last day."""

import datetime

import pytest

from minsheng.lib.workdays import CALENDAR_DAYS, Deadline, WorkCalendar

D = datetime.date


@pytest.fixture
def calendar():
    return WorkCalendar()


def test_it_extends_the_sixty_day_period_by_thirty_days_as_if_it_were_ninety(calendar):
    # Accepted Thu 6 Aug 2026: day 60 is Mon 5 Oct (National Day) → due Thu 8 Oct.
    deadline = calendar.add_calendar_days(D(2026, 8, 6), 60)
    assert (deadline.raw_end, deadline.due) == (D(2026, 10, 5), D(2026, 10, 8))

    extended = calendar.extend(deadline, 30)

    # 5 Oct + 30 = Wed 4 Nov; counting from the shifted 8 Oct would give 7 Nov, three days too late.
    assert extended.due == D(2026, 11, 4)
    assert extended.due == calendar.add_calendar_days(D(2026, 8, 6), 90).due
    assert (extended.amount, extended.unit, extended.extended_days) == (60, CALENDAR_DAYS, 30)


def test_it_shifts_an_extended_period_ending_on_a_rest_day(calendar):
    # Accepted Mon 2 March 2026: day 60 is Fri 1 May (Labour Day, 1–5 May off) → due Wed 6 May.
    deadline = calendar.add_calendar_days(D(2026, 3, 2), 60)
    assert deadline.due == D(2026, 5, 6)

    # + 29 days from 1 May = Sat 30 May → Mon 1 June.
    assert calendar.extend(deadline, 29).due == D(2026, 6, 1)


def test_it_pauses_the_recheck_period_for_the_days_of_a_hearing(calendar):
    # Recheck requested Mon 7 Sep 2026: 30 days end Wed 7 Oct (National Day) → Thu 8 Oct.
    deadline = calendar.add_calendar_days(D(2026, 9, 7), 30)
    assert deadline.due == D(2026, 10, 8)

    paused = calendar.extend(deadline, 12)  # a hearing that took 12 days

    assert paused.due == D(2026, 10, 19)  # 7 Oct + 12 = Mon 19 Oct
    assert calendar.extend(paused, 5).due == D(2026, 10, 26)  # another 5 days: Sat 24 → Mon 26
    assert calendar.extend(paused, 5).extended_days == 17


def test_it_extends_a_deadline_rebuilt_from_a_stored_due_date_from_that_date(calendar):
    stored = Deadline(due=D(2026, 3, 23), amount=15, unit=CALENDAR_DAYS, uncertain=False, warning="")

    assert calendar.extend(stored, 30).due == D(2026, 4, 22)


def test_it_warns_when_an_extension_reaches_a_year_without_data(calendar):
    deadline = calendar.add_calendar_days(D(2026, 10, 12), 60)  # Fri 11 Dec 2026
    assert not deadline.uncertain

    extended = calendar.extend(deadline, 30)

    assert extended.due == D(2027, 1, 11)
    assert extended.uncertain
    assert "2027" in extended.warning
