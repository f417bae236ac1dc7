"""A deadline decided by a year without holiday data counts Monday to Friday and says so."""

import datetime

from minsheng.lib.workdays import WorkCalendar

D = datetime.date


def test_it_counts_monday_to_friday_in_a_year_without_data_and_warns():
    # Received Mon 28 Dec 2026: Tue 29, Wed 30, Thu 31, then Fri 1 and Mon 4 Jan 2027 as if worked.
    deadline = WorkCalendar().add_working_days(D(2026, 12, 28), 5)

    assert deadline.due == D(2027, 1, 4)
    assert deadline.uncertain
    assert deadline.unknown_years == (2027,)
    assert "2027 年" in deadline.warning
    assert "周一至周五" in deadline.warning


def test_it_warns_for_a_calendar_day_period_ending_in_a_year_without_data():
    deadline = WorkCalendar().add_calendar_days(D(2026, 12, 20), 15)

    assert deadline.due == D(2027, 1, 4)
    assert deadline.uncertain
    assert "2027" in deadline.warning


def test_it_does_not_warn_when_only_the_event_lies_in_a_year_without_data():
    # The days between event and last day count whatever they are; only the end is decided.
    deadline = WorkCalendar().add_calendar_days(D(2003, 12, 20), 30)

    assert deadline.due == D(2004, 1, 19)
    assert not deadline.uncertain


def test_it_stops_warning_once_the_year_is_entered_completely():
    overrides = {D(2027, 1, 1): False}
    partial = WorkCalendar(overrides=overrides)
    complete = WorkCalendar(overrides=overrides, covered_years=[2027])

    # One day entered early does not make the year known.
    assert partial.add_working_days(D(2026, 12, 28), 5).uncertain
    deadline = complete.add_working_days(D(2026, 12, 28), 5)
    assert deadline.due == D(2027, 1, 5)
    assert not deadline.uncertain
    assert deadline.warning == ""
    assert complete.has_data(2027)


def test_it_trusts_an_overridden_day_in_a_year_without_data():
    # The period ends on 2027-01-01 and the next day looked at is overridden too: both were set by
    # an administrator, so nothing was guessed.
    calendar = WorkCalendar(overrides={D(2027, 1, 1): False, D(2027, 1, 2): True})

    deadline = calendar.add_calendar_days(D(2026, 12, 2), 30)

    assert deadline.due == D(2027, 1, 2)
    assert not deadline.uncertain
