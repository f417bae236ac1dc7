"""Generating a month's rota at the visitor service centre from an ordered list of leaders."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.calendars.models import CalendarOverride
from minsheng.reception.models import Kind, ReceptionDay
from minsheng.reception.services import reception_day_plan, reception_rota_generate

# October 2026: National Day holidays on 1–7 October (Thursday to Wednesday) and Saturday 10 October
# worked in exchange (调休), as the State Council's notice for 2026 sets them.
BEFORE_OCTOBER = dt.date(2026, 9, 1)


def generate(city, leaders, **fields):
    fields.setdefault("today", BEFORE_OCTOBER)
    return reception_rota_generate(actor=city.supervisor, year=2026, month=10, leaders=leaders, **fields)


def planned(month=10):
    return {d.date: d for d in ReceptionDay.objects.filter(date__month=month).select_related("leader")}


def test_it_plans_one_leader_per_working_day_skipping_the_holidays(city, leaders):
    result = generate(city, [leaders.wang, leaders.zhao, leaders.liu])

    days = planned()
    assert not any(dt.date(2026, 10, d) in days for d in range(1, 8))
    assert dt.date(2026, 10, 8) in days and dt.date(2026, 10, 9) in days
    assert dt.date(2026, 10, 11) not in days  # an ordinary Sunday
    assert dt.date(2026, 10, 17) not in days  # an ordinary Saturday
    assert len(days) == len(result.created) == 18
    assert result.warning == ""
    assert all(d.kind == Kind.CENTRE and d.organisation == city.bureau for d in days.values())
    assert {d.place for d in days.values()} == {"群众来访服务中心"}


def test_it_plans_the_make_up_working_saturday(city, leaders):
    generate(city, [leaders.wang, leaders.zhao, leaders.liu])

    assert dt.date(2026, 10, 10) in planned()


def test_it_takes_the_leaders_in_turn_in_the_order_given(city, leaders):
    generate(city, [leaders.zhao, leaders.wang])

    ordered = [day.leader for _date, day in sorted(planned().items())]
    assert ordered[:4] == [leaders.zhao, leaders.wang, leaders.zhao, leaders.wang]


def test_it_keeps_days_already_planned_and_fills_the_others(city, leaders):
    kept = reception_day_plan(
        actor=city.supervisor,
        kind=Kind.CENTRE,
        leader=leaders.liu,
        date=dt.date(2026, 10, 9),
        today=BEFORE_OCTOBER,
    )

    result = generate(city, [leaders.wang, leaders.zhao])

    assert result.already_planned == [dt.date(2026, 10, 9)]
    days = planned()
    assert days[dt.date(2026, 10, 9)].pk == kept.pk and days[dt.date(2026, 10, 9)].leader == leaders.liu
    assert len(days) == 18
    # Generating again adds nothing: every working day is planned.
    again = generate(city, [leaders.wang, leaders.zhao])
    assert again.created == [] and len(again.already_planned) == 18


def test_a_leader_on_a_field_visit_that_day_is_passed_over(city, leaders):
    reception_day_plan(
        actor=city.supervisor,
        kind=Kind.FIELD_VISIT,
        leader=leaders.wang,
        date=dt.date(2026, 10, 8),
        organisation=city.yunzhong,
        place="云中镇便民服务中心",
        today=BEFORE_OCTOBER,
    )

    generate(city, [leaders.wang, leaders.zhao])

    centre = {d.date: d.leader for d in ReceptionDay.objects.filter(kind=Kind.CENTRE)}
    assert centre[dt.date(2026, 10, 8)] == leaders.zhao
    assert centre[dt.date(2026, 10, 9)] == leaders.wang


def test_an_administrators_correction_of_the_calendar_is_followed(city, leaders):
    CalendarOverride.objects.create(day=dt.date(2026, 10, 30), is_working_day=False, note="地方调整")

    generate(city, [leaders.wang])

    assert dt.date(2026, 10, 30) not in planned()


def test_a_year_without_holiday_data_is_planned_monday_to_friday_with_a_warning(city, leaders):
    result = reception_rota_generate(
        actor=city.supervisor, year=2030, month=3, leaders=[leaders.wang], today=dt.date(2030, 1, 15)
    )

    assert "2030 年的法定节假日安排尚未录入" in result.warning
    assert all(day.date.weekday() < 5 for day in result.created)


def test_only_the_rest_of_the_current_month_is_planned(city, leaders):
    result = generate(city, [leaders.wang], today=dt.date(2026, 10, 20))

    assert min(day.date for day in result.created) == dt.date(2026, 10, 20)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"today": dt.date(2026, 11, 1)}, "month", "不能为已经过去的月份排班"),
        ({"leaders": []}, "leaders", "请按顺序选择至少一位领导"),
        ({"month": 13}, "month", "月份不正确"),
        ({"place": "  "}, "place", "请填写地点"),
        ({"starts_at": dt.time(17, 0), "ends_at": dt.time(9, 0)}, "ends_at", "结束时间应晚于开始时间"),
    ],
)
def test_it_refuses_bad_input_and_plans_nothing(city, leaders, fields, field, message):
    arguments = {"year": 2026, "month": 10, "leaders": [leaders.wang], "today": BEFORE_OCTOBER, **fields}

    with pytest.raises(ValidationError) as caught:
        reception_rota_generate(actor=city.supervisor, **arguments)

    assert message in caught.value.message_dict[field][0]
    assert not ReceptionDay.objects.exists()


def test_it_refuses_someone_who_is_not_a_leader_and_a_leader_twice(city, leaders):
    with pytest.raises(ValidationError) as caught:
        generate(city, [leaders.wang, city.registrar])
    assert "不是领导机关的领导" in caught.value.message_dict["leaders"][0]

    with pytest.raises(ValidationError) as caught:
        generate(city, [leaders.wang, leaders.wang])
    assert caught.value.message_dict["leaders"] == ["同一位领导不能重复选择"]
    assert not ReceptionDay.objects.exists()


def test_only_a_supervisor_plans_the_rota(city, leaders):
    for actor in (city.registrar, city.leader, city.yunzhong_handler):
        with pytest.raises(PermissionDenied):
            reception_rota_generate(
                actor=actor, year=2026, month=10, leaders=[leaders.wang], today=BEFORE_OCTOBER
            )
    assert not ReceptionDay.objects.exists()
