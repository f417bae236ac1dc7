"""Planning a month of duty: lawyers in turn over the working days, holidays left out, make-up
working days (调休) in, days already planned kept."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.calendars.services import calendar_override_save
from minsheng.legal import services
from minsheng.legal.models import DutySession, DutyShift
from minsheng.legal.services.roster import working_days_in
from minsheng.lib.workdays import WorkCalendar
from minsheng.notifications.models import Notification


def next_month() -> dt.date:
    return (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def first(start: dt.date, weekday: int, after_day: int = 1) -> dt.date:
    day = start.replace(day=after_day)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day


@pytest.fixture
def holiday_month(city):
    """Next month, with a Wednesday made a holiday and a Saturday a make-up working day, as an
    administrator enters the State Council's notice."""
    start = next_month()
    holiday, saturday = first(start, 2, 8), first(start, 5, 8)
    calendar_override_save(actor=city.admin, day=holiday, is_working_day=False, note="节日")
    calendar_override_save(actor=city.admin, day=saturday, is_working_day=True, note="调休上班")
    return start, holiday, saturday


def test_it_gives_the_working_days_to_the_lawyers_in_turn_around_a_holiday(city, firm, holiday_month):
    start, holiday, saturday = holiday_month
    lawyers = [firm.zhang, firm.wang, city.lawyer]

    plan = services.duty_roster_plan(
        actor=city.supervisor, year=start.year, month=start.month, lawyers=lawyers
    )

    days = [shift.day for shift in plan.created]
    assert holiday not in days
    assert saturday in days
    assert all(d.weekday() < 5 or d == saturday for d in days)
    assert plan.working_days == len(days) and plan.skipped == []
    assert [s.lawyer for s in plan.created] == [lawyers[i % 3] for i in range(len(days))]
    assert all(s.session == DutySession.FULL_DAY and s.place == "群众来访服务中心" for s in plan.created)
    assert {s.organisation for s in plan.created} == {city.bureau}
    assert DutyShift.objects.count() == len(days)


def test_the_official_calendar_keeps_national_day_out_and_the_make_up_saturday_in():
    # October 2026: 1–7 are the National Day holiday, Saturday the 10th is worked instead.
    days = working_days_in(WorkCalendar(), dt.date(2026, 10, 1), dt.date(2026, 10, 31))

    assert days[0] == dt.date(2026, 10, 8)
    assert dt.date(2026, 10, 10) in days
    assert dt.date(2026, 10, 11) not in days
    assert len(days) == 18


def test_it_keeps_days_already_planned_and_goes_on_with_the_next_lawyer(city, firm, holiday_month):
    start, _holiday, _saturday = holiday_month
    monday = first(start, 0, 1)
    services.duty_shift_create(actor=city.supervisor, day=monday, lawyer=city.lawyer, note="本人申请")

    plan = services.duty_roster_plan(
        actor=city.supervisor, year=start.year, month=start.month, lawyers=[firm.zhang, firm.wang]
    )

    assert monday in plan.skipped
    assert DutyShift.objects.get(day=monday).lawyer == city.lawyer
    assert [s.lawyer for s in plan.created[:2]] == [firm.zhang, firm.wang]
    again = services.duty_roster_plan(
        actor=city.supervisor, year=start.year, month=start.month, lawyers=[firm.zhang]
    )
    assert again.created == [] and len(again.skipped) == again.working_days


def test_half_day_plans_fill_the_morning_and_the_afternoon_separately(city, firm, holiday_month):
    start, *_ = holiday_month
    morning = services.duty_roster_plan(
        actor=city.supervisor, year=start.year, month=start.month, lawyers=[firm.zhang], session="morning"
    )
    afternoon = services.duty_roster_plan(
        actor=city.supervisor, year=start.year, month=start.month, lawyers=[firm.wang], session="afternoon"
    )

    assert len(morning.created) == len(afternoon.created) == morning.working_days
    full = services.duty_roster_plan(
        actor=city.supervisor, year=start.year, month=start.month, lawyers=[city.lawyer]
    )
    assert full.created == []


def test_it_tells_each_lawyer_their_days_once(city, firm, holiday_month):
    start, *_ = holiday_month
    services.duty_roster_plan(actor=city.supervisor, year=start.year, month=start.month, lawyers=[firm.zhang])

    message = Notification.objects.get(recipient=firm.zhang)
    assert f"{start.year}年{start.month}月律师值班安排" == message.subject
    assert message.body.startswith("您的值班日：")


def test_it_warns_when_the_year_has_no_holiday_data(city, firm):
    plan = services.duty_roster_plan(actor=city.supervisor, year=2099, month=3, lawyers=[firm.zhang])

    assert plan.uncertain
    assert "2099 年的法定节假日安排尚未录入" in plan.warning
    assert len(plan.created) == 22  # March 2099: Monday to Friday


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"lawyers": []}, "lawyers"),
        ({"month": 13}, "month"),
        ({"year": 1999}, "year"),
        ({"session": "evening"}, "session"),
        ({"place": "中" * 101}, "place"),
        ({"year": 2020, "month": 1}, "month"),
    ],
)
def test_it_refuses_bad_input_and_plans_nothing(city, firm, fields, key):
    start = next_month()
    arguments = {"year": start.year, "month": start.month, "lawyers": [firm.zhang], **fields}

    with pytest.raises(ValidationError) as caught:
        services.duty_roster_plan(actor=city.supervisor, **arguments)

    assert key in caught.value.message_dict
    assert DutyShift.objects.count() == 0


def test_it_refuses_someone_who_is_not_a_lawyer_or_twice_the_same_lawyer(city, firm):
    start = next_month()
    for lawyers, message in (
        ([firm.zhang, city.registrar], "dengji 不是在册的律师"),
        ([firm.zhang, firm.zhang], "同一名律师只能选择一次"),
    ):
        with pytest.raises(ValidationError) as caught:
            services.duty_roster_plan(
                actor=city.supervisor, year=start.year, month=start.month, lawyers=lawyers
            )
        assert caught.value.message_dict["lawyers"] == [message]
    assert DutyShift.objects.count() == 0


@pytest.mark.parametrize("who", ["registrar", "yunzhong_handler", "lawyer", "leader"])
def test_only_the_bureaus_supervisor_plans(city, firm, who):
    start = next_month()
    with pytest.raises(PermissionDenied):
        services.duty_roster_plan(
            actor=getattr(city, who), year=start.year, month=start.month, lawyers=[firm.zhang]
        )
    assert DutyShift.objects.count() == 0
