"""Administrators' overrides beat the package: a weekday made a holiday, a weekend day made a workday."""

import datetime

from minsheng.lib.workdays import WorkCalendar

D = datetime.date


def test_it_lets_an_override_make_a_weekday_a_holiday():
    plain = WorkCalendar()
    corrected = WorkCalendar(overrides={D(2026, 3, 17): False})

    assert plain.add_calendar_days(D(2026, 3, 2), 15).due == D(2026, 3, 17)
    assert corrected.add_calendar_days(D(2026, 3, 2), 15).due == D(2026, 3, 18)
    assert corrected.add_working_days(D(2026, 3, 12), 5).due == D(2026, 3, 20)


def test_it_lets_an_override_make_a_saturday_a_working_day():
    corrected = WorkCalendar(overrides={D(2026, 3, 21): True})

    assert corrected.add_calendar_days(D(2026, 3, 6), 15).due == D(2026, 3, 21)
    # Thursday 19 March: Fri 20, Sat 21 (worked), Mon 23, Tue 24, Wed 25.
    assert corrected.add_working_days(D(2026, 3, 19), 5).due == D(2026, 3, 25)


def test_it_lets_an_override_beat_the_packages_holiday_and_make_up_day():
    # Say a local government worked 1 Oct 2026 and gave 10 Oct off instead.
    corrected = WorkCalendar(overrides={D(2026, 10, 1): True, D(2026, 10, 10): False})

    assert corrected.is_working_day(D(2026, 10, 1))
    assert not corrected.is_working_day(D(2026, 10, 10))
    # Received 30 Sep, three working days: Thu 1 Oct, Thu 8, Fri 9 — instead of Thu 8, Fri 9, Sat 10.
    assert corrected.add_working_days(D(2026, 9, 30), 3).due == D(2026, 10, 9)
    assert WorkCalendar().add_working_days(D(2026, 9, 30), 3).due == D(2026, 10, 10)
