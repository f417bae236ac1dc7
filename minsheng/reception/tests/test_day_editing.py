"""Editing and removing single days of the rota, and planning field visits."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.reception.models import Kind, ReceptionDay
from minsheng.reception.services import (
    reception_day_plan,
    reception_day_remove,
    reception_day_update,
    reception_session_record,
)


@pytest.fixture
def next_week(city, leaders):
    return reception_day_plan(
        actor=city.supervisor,
        kind=Kind.CENTRE,
        leader=leaders.liu,
        date=timezone.localdate() + dt.timedelta(days=7),
    )


def test_a_supervisor_changes_the_leader_place_and_times_of_a_day(city, leaders, next_week):
    reception_day_update(
        actor=city.supervisor,
        day=next_week,
        leader=leaders.zhao,
        place="群众来访服务中心二楼接待室",
        starts_at=dt.time(8, 30),
        ends_at=dt.time(12, 0),
        note="刘副市长出差",
    )

    next_week.refresh_from_db()
    assert next_week.leader == leaders.zhao
    assert next_week.place == "群众来访服务中心二楼接待室"
    assert (next_week.starts_at, next_week.ends_at) == (dt.time(8, 30), dt.time(12, 0))


def test_it_refuses_a_leader_already_planned_elsewhere_that_day(city, leaders, next_week):
    reception_day_plan(
        actor=city.supervisor,
        kind=Kind.FIELD_VISIT,
        leader=leaders.zhao,
        date=next_week.date,
        organisation=city.jinshatan,
        place="金沙滩镇政府",
    )

    with pytest.raises(ValidationError) as caught:
        reception_day_update(
            actor=city.supervisor, day=next_week, leader=leaders.zhao, place="群众来访服务中心"
        )

    assert "已有接访安排（金沙滩镇政府）" in caught.value.message_dict["leader"][0]
    next_week.refresh_from_db()
    assert next_week.leader == leaders.liu


def test_it_refuses_a_second_leader_at_the_centre_on_the_same_day(city, leaders, next_week):
    with pytest.raises(ValidationError) as caught:
        reception_day_plan(actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.wang, date=next_week.date)

    assert "已安排 刘振华 坐班接访" in caught.value.message_dict["date"][0]


def test_it_refuses_to_change_a_day_once_held(city, leaders):
    today = reception_day_plan(
        actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.liu, date=timezone.localdate()
    )
    reception_session_record(actor=city.registrar, day=today)

    with pytest.raises(ValidationError) as caught:
        reception_day_update(actor=city.supervisor, day=today, leader=leaders.wang, place="群众来访服务中心")
    assert caught.value.message_dict["__all__"] == ["该日的接访已经举行，不能再修改安排"]
    with pytest.raises(ValidationError):
        reception_day_remove(actor=city.supervisor, day=today)
    assert ReceptionDay.objects.get().leader == leaders.liu


def test_a_supervisor_removes_a_planned_day(city, next_week):
    reception_day_remove(actor=city.supervisor, day=next_week)

    assert not ReceptionDay.objects.exists()


def test_only_a_supervisor_edits_the_rota(city, leaders, next_week):
    for actor in (city.registrar, city.leader, city.yunzhong_handler):
        with pytest.raises(PermissionDenied):
            reception_day_update(actor=actor, day=next_week, leader=leaders.zhao, place="群众来访服务中心")
        with pytest.raises(PermissionDenied):
            reception_day_remove(actor=actor, day=next_week)
    next_week.refresh_from_db()
    assert next_week.leader == leaders.liu


def test_a_field_visit_goes_to_a_township_with_its_place(city, leaders):
    day = reception_day_plan(
        actor=city.supervisor,
        kind=Kind.FIELD_VISIT,
        leader=leaders.wang,
        date=timezone.localdate() + dt.timedelta(days=3),
        organisation=city.yunzhong_village,
        place="东关村村委会",
        starts_at=dt.time(14, 30),
    )

    assert (day.kind, day.organisation, day.place) == (
        Kind.FIELD_VISIT,
        city.yunzhong_village,
        "东关村村委会",
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"organisation": "bureau"}, "organisation", "下访的地点应为乡镇（街道）或村（社区）"),
        ({"place": ""}, "place", "请填写下访地点"),
        ({"date": -1}, "date", "不能安排已经过去的日期"),
        ({"date": 500}, "date", "只能安排 400 天以内的接访"),
        ({"date": None}, "date", "请填写日期"),
        ({"leader": "registrar"}, "leader", "不是领导机关的领导"),
        ({"leader": None}, "leader", "请选择领导"),
        ({"place": "地" * 201}, "place", "不能超过 200 个字"),
        ({"note": "备" * 501}, "note", "不能超过 500 个字"),
        ({"kind": "party"}, "kind", "请选择接访方式"),
    ],
)
def test_it_refuses_a_bad_field_visit_and_plans_nothing(city, leaders, fields, field, message):
    arguments = {
        "kind": Kind.FIELD_VISIT,
        "leader": leaders.wang,
        "date": 3,
        "organisation": city.yunzhong,
        "place": "云中镇政府",
        **fields,
    }
    if arguments["organisation"] == "bureau":
        arguments["organisation"] = city.bureau
    if arguments["leader"] == "registrar":
        arguments["leader"] = city.registrar
    if arguments["date"] is not None:
        arguments["date"] = timezone.localdate() + dt.timedelta(days=arguments["date"])

    with pytest.raises(ValidationError) as caught:
        reception_day_plan(actor=city.supervisor, **arguments)

    assert message in caught.value.message_dict[field][0]
    assert not ReceptionDay.objects.exists()
