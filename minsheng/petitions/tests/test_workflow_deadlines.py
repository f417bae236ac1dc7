"""The deadlines a lawyer would compute on the official 2026 calendar (民法典 Art 201, 203): periods in 日
start the day after the event and move off a rest day at their end; 工作日 count working days only,
make-up working days (调休) included. A deadline in a year without holiday data is marked uncertain."""

from minsheng.lib.workdays import WorkCalendar
from minsheng.petitions import services

from .helpers import beijing
from .workflow_steps import D, open_matter, reply_parts, set_today, take, without_holiday_data_from

CALENDAR = WorkCalendar()


def test_it_counts_the_bureaus_15_days_from_the_day_of_receipt_in_beijing(city, register):
    # 07:30 in Beijing on Friday 25 September is still 24 September in UTC. 25 Sep + 15 日 = Saturday
    # 10 October, a make-up working day, so the period ends that Saturday.
    matter = open_matter(register, received_at=beijing(2026, 9, 25, 7, 30))

    assert CALENDAR.is_working_day(D(2026, 10, 10))
    assert (matter.due_kind, matter.route_due_on) == ("route", D(2026, 10, 10))


def test_it_moves_a_60_day_handling_period_ending_in_national_day_to_the_next_working_day(city, register):
    # Accepted Thursday 6 August 2026: day 60 is Monday 5 October, inside the National Day holiday
    # (1–7 October), so the matter is due on Thursday 8 October.
    matter = take(
        city,
        open_matter(register, received_at=beijing(2026, 7, 30, 10)),
        to="transferred",
        routed_on=D(2026, 8, 3),
    )

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=D(2026, 8, 6))

    matter.refresh_from_db()
    assert (D(2026, 10, 5) - D(2026, 8, 6)).days == 60
    assert matter.handle_due_on == matter.due_on == D(2026, 10, 8)
    assert matter.deadline_uncertain is False


def test_it_counts_an_extension_from_the_unshifted_end_of_the_handling_period(city, register, monkeypatch):
    # 60 days from 6 August end on 5 October (due 8 October after the holiday); 30 more days count on
    # from 5 October: Wednesday 4 November. Counting from 8 October would give Saturday 7 November.
    set_today(monkeypatch, D(2026, 9, 20))
    matter = take(
        city,
        open_matter(register, received_at=beijing(2026, 7, 30, 10)),
        to="transferred",
        routed_on=D(2026, 8, 3),
    )
    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=D(2026, 8, 6))

    extension = services.matter_extend(
        actor=city.yunzhong_handler,
        matter=matter,
        days=30,
        reason="需会同自然资源局核实",
        approved_by=city.yunzhong_registrar,
    )

    matter.refresh_from_db()
    assert (extension.previous_due_on, extension.new_due_on) == (D(2026, 10, 8), D(2026, 11, 4))
    assert matter.handle_due_on == matter.due_on == D(2026, 11, 4)
    assert matter.handle_due_on != D(2026, 11, 7)


def test_it_ends_the_review_window_on_the_day_after_a_holiday(city, register):
    # The review opinion served Friday 28 August: day 30 is Sunday 27 September, the last day of the
    # Mid-Autumn holiday (25–27 September), so the petitioner may ask for a recheck until Monday 28.
    matter = take(city, open_matter(register), to="reviewed", reviewed_on=D(2026, 8, 28))

    assert not CALENDAR.is_working_day(D(2026, 9, 27))
    assert matter.recheck_request_due_on == D(2026, 9, 28)


def test_it_ends_a_window_on_a_make_up_working_sunday(city, register):
    # Served Thursday 20 August: day 30 is Saturday 19 September, a rest day; Sunday 20 September is a
    # make-up working day for National Day, so that Sunday is the last day.
    matter = take(
        city,
        open_matter(register),
        to="reviewed",
        review_requested_on=D(2026, 8, 3),
        reviewed_on=D(2026, 8, 20),
    )

    assert CALENDAR.is_working_day(D(2026, 9, 20))
    assert matter.recheck_request_due_on == D(2026, 9, 20)


def test_it_keeps_a_deadline_on_a_make_up_working_saturday(city, register):
    # Recheck requested Thursday 10 September: day 30 is Saturday 10 October, a working day.
    matter = take(city, open_matter(register), to="recheck_requested", recheck_requested_on=D(2026, 9, 10))

    assert matter.recheck_due_on == matter.due_on == D(2026, 10, 10)


def test_it_pauses_the_recheck_for_a_hearing_from_the_unshifted_end(city, register):
    # Requested Friday 28 August: day 30 is Sunday 27 September (holiday), due Monday 28. A hearing of
    # 3 days makes it 33 days: Wednesday 30 September — not 28 September + 3 = 1 October → 8 October.
    matter = take(
        city,
        open_matter(register),
        to="recheck_requested",
        review_requested_on=D(2026, 8, 3),
        reviewed_on=D(2026, 8, 20),
        recheck_requested_on=D(2026, 8, 28),
    )
    assert matter.recheck_due_on == D(2026, 9, 28)

    services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=3)

    matter.refresh_from_db()
    assert matter.recheck_due_on == matter.due_on == D(2026, 9, 30)


def test_it_marks_a_handling_deadline_in_2027_as_uncertain(city, register, monkeypatch):
    # Accepted Friday 20 November 2026: day 60 is 19 January 2027, a year the calendar has no holiday
    # data for; the date is a Monday-to-Friday guess until the State Council's notice is entered.
    without_holiday_data_from(monkeypatch, 2027)
    set_today(monkeypatch, D(2026, 11, 20))
    matter = take(
        city,
        open_matter(register, received_at=beijing(2026, 11, 16, 10)),
        to="transferred",
        routed_on=D(2026, 11, 17),
    )
    assert matter.deadline_uncertain is False

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=D(2026, 11, 20))

    matter.refresh_from_db()
    assert not WorkCalendar().has_data(2027)
    assert (matter.due_kind, matter.handle_due_on) == ("handle", D(2027, 1, 19))
    assert matter.deadline_uncertain is True


def test_it_clears_the_uncertainty_once_the_deadlines_still_running_are_known(city, register, monkeypatch):
    without_holiday_data_from(monkeypatch, 2027)
    set_today(monkeypatch, D(2026, 11, 25))
    matter = take(
        city,
        open_matter(register, received_at=beijing(2026, 11, 16, 10)),
        to="accepted",
        routed_on=D(2026, 11, 17),
        accepted_on=D(2026, 11, 20),
    )
    assert matter.deadline_uncertain is True

    services.matter_reply(
        actor=city.yunzhong_handler, matter=matter, served_on=D(2026, 11, 25), **reply_parts()
    )

    matter.refresh_from_db()
    # The handling deadline in 2027 is spent; the review window ends on Friday 25 December 2026, a
    # known day.
    assert matter.review_request_due_on == D(2026, 12, 25)
    assert matter.deadline_uncertain is False


def test_it_marks_a_review_window_ending_in_2027_as_uncertain(city, register, monkeypatch):
    # Served Sunday 20 December 2026: the 30 days end on 19 January 2027, a guess until 2027's holidays
    # are known. The window decides when the matter may be closed, so the warning must stay.
    without_holiday_data_from(monkeypatch, 2027)
    set_today(monkeypatch, D(2026, 12, 20))
    matter = take(
        city,
        open_matter(register, received_at=beijing(2026, 11, 16, 10)),
        to="accepted",
        routed_on=D(2026, 11, 17),
        accepted_on=D(2026, 11, 20),
    )

    services.matter_reply(
        actor=city.yunzhong_handler, matter=matter, served_on=D(2026, 12, 20), **reply_parts()
    )

    matter.refresh_from_db()
    assert matter.review_request_due_on == D(2027, 1, 19)
    assert matter.deadline_uncertain is True
