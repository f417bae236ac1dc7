"""A period in 工作日 ends on the n-th working day after the event, make-up weekend days counted.

Expected dates worked out by hand from 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026).
"""

import datetime

import pytest

from minsheng.lib.workdays import WORKING_DAYS, WorkCalendar

D = datetime.date


@pytest.fixture
def calendar():
    return WorkCalendar()


def test_it_skips_a_plain_weekend(calendar):
    # Thursday 5 March 2026: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
    deadline = calendar.add_working_days(D(2026, 3, 5), 5)

    assert deadline.due == D(2026, 3, 12)
    assert (deadline.amount, deadline.unit) == (5, WORKING_DAYS)
    assert not deadline.uncertain


def test_it_counts_the_objection_window_across_national_day_2026(calendar):
    # Received Wed 30 Sep: 1–7 Oct off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13.
    assert calendar.add_working_days(D(2026, 9, 30), 5).due == D(2026, 10, 13)


def test_it_counts_the_make_up_sunday_before_national_day_2026(calendar):
    # Received Fri 18 Sep: Sun 20 (make-up), Mon 21 … Thu 24; Fri 25 is Mid-Autumn.
    assert calendar.add_working_days(D(2026, 9, 18), 5).due == D(2026, 9, 24)


def test_it_counts_the_objection_window_across_spring_festival_2025(calendar):
    # Received Fri 24 Jan 2025: Sun 26 (make-up), Mon 27; 28 Jan–4 Feb off; Wed 5, Thu 6, Fri 7.
    assert calendar.add_working_days(D(2025, 1, 24), 5).due == D(2025, 2, 7)


def test_it_counts_the_make_up_saturday_after_spring_festival_2025(calendar):
    # Received Wed 5 Feb 2025: Thu 6, Fri 7, Sat 8 (make-up), Mon 10, Tue 11.
    assert calendar.add_working_days(D(2025, 2, 5), 5).due == D(2025, 2, 11)


def test_it_counts_the_objection_window_across_spring_festival_2026(calendar):
    # Received Thu 12 Feb 2026: Fri 13, Sat 14 (make-up); 15–23 Feb off; Tue 24, Wed 25, Thu 26.
    assert calendar.add_working_days(D(2026, 2, 12), 5).due == D(2026, 2, 26)


def test_it_counts_the_make_up_saturday_after_spring_festival_2026(calendar):
    # Received Tue 24 Feb 2026: Wed 25, Thu 26, Fri 27, Sat 28 (make-up), Mon 2 March.
    assert calendar.add(D(2026, 2, 24), 5, WORKING_DAYS).due == D(2026, 3, 2)


def test_it_refuses_an_unknown_unit_and_a_negative_amount(calendar):
    with pytest.raises(ValueError):
        calendar.add(D(2026, 3, 5), 5, "weeks")
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 3, 5), -1)


def test_it_refuses_a_datetime_whose_day_depends_on_the_time_zone(calendar):
    with pytest.raises(TypeError):
        calendar.add_working_days(datetime.datetime(2026, 3, 5, 20, 0), 5)
