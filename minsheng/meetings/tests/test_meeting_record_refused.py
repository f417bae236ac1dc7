"""Bad input to a meeting record gets Chinese messages by field — all of them at once — or 403, and
saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.meetings import services
from minsheng.meetings.models import JointMeeting, MeetingAttendee, MeetingMatter, MeetingTask
from minsheng.notifications.models import Notification
from minsheng.petitions.models import MatterEvent, Nature
from minsheng.petitions.tests.workflow_steps import open_matter, staff

from .conftest import HELD_ON, decision, record


def counts():
    return [
        m.objects.count() for m in (JointMeeting, MeetingAttendee, MeetingMatter, MeetingTask, Notification)
    ] + [MatterEvent.objects.filter(kind="joint_meeting").count()]


def errors_of(city, **fields) -> dict:
    before = counts()
    with pytest.raises(ValidationError) as caught:
        record(city, **fields)
    assert counts() == before
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"held_on": None}, "held_on", "请填写会议日期"),
        (
            {"held_on": timezone.localdate() + dt.timedelta(days=1)},
            "held_on",
            "会议日期不能晚于今天：请在会后记录",
        ),
        ({"kind": "plenary"}, "kind", "请选择会议类型：例会或专题会议"),
        ({"title": "  "}, "title", "请填写议题"),
        ({"title": "题" * 201}, "title", "议题不能超过 200 个字"),
        ({"minutes": ""}, "minutes", "请填写会议纪要"),
        ({"minutes": "纪" * 20001}, "minutes", "会议纪要不能超过 20000 个字"),
        ({"chair": None, "chair_name": ""}, "chair_name", "请选择或填写主持人"),
        ({"place": "地" * 201}, "place", "地点不能超过 200 个字"),
        ({"guests": [services.Guest(name="")]}, "guests", "每位其他参会人员都要写姓名"),
        ({"matter_numbers": ["怀信〔2026〕99999"]}, "matters", "找不到事项 怀信〔2026〕99999，或您无权查看"),
    ],
)
def test_it_refuses_bad_meeting_fields(city, fields, field, message):
    assert errors_of(city, **fields)[field] == [message]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "请填写决定事项"),
        ({"text": "决" * 2001}, "text", "决定事项不能超过 2000 个字"),
        ({"organisation": None}, "organisation", "请选择责任单位"),
        ({"due_on": None}, "due_on", "请填写完成期限"),
        ({"due_on": HELD_ON}, "due_on", "完成期限应晚于会议日期"),
        ({"due_on": HELD_ON + dt.timedelta(days=400)}, "due_on", "完成期限不能晚于会议后一年"),
        ({"kind": "jurisdiction"}, "matter_number", "确定受理单位的决定须写明信访事项编号"),
        ({"kind": "vote"}, "kind", "请选择决定类型"),
    ],
)
def test_it_refuses_bad_decisions_by_row_and_field(city, changes, field, message):
    good = decision(city.yunzhong)
    bad = services.Decision(**{**good.__dict__, **changes})

    errors = errors_of(city, decisions=[good, bad])

    assert errors == {f"decisions.1.{field}": [message]}


def test_it_reports_every_mistake_at_once(city):
    errors = errors_of(city, title="", minutes="", decisions=[decision(city.yunzhong, due_on=None)])

    assert set(errors) == {"title", "minutes", "decisions.0.due_on"}


def test_it_refuses_a_unit_that_does_not_handle_matters_and_a_person_from_another_unit(city):
    errors = errors_of(
        city,
        decisions=[decision(city.leadership), decision(city.yunzhong, assignee=city.jinshatan_handler)],
    )

    assert errors == {
        "decisions.0.organisation": ["责任单位应为承办信访事项的单位（部门、乡镇、村社区等）"],
        "decisions.1.assignee": ["责任人应是责任单位的工作人员"],
    }


def test_it_keeps_accusations_with_the_discipline_organ(city, register):
    accusation = open_matter(
        register, nature=Nature.ACCUSATION, concerned_org=city.yunzhong, title="反映村干部侵占"
    )

    errors = errors_of(
        city,
        decisions=[
            decision(city.yunzhong, matter_number=accusation.number),
            decision(city.bureau, kind="jurisdiction", matter_number=accusation.number),
        ],
    )

    assert errors == {
        "decisions.0.organisation": ["检举控告类事项应由纪检监察机关受理（第三十条）"],
        "decisions.1.organisation": ["检举控告类事项应由纪检监察机关受理（第三十条）"],
    }
    meeting = record(
        city, decisions=[decision(city.discipline, kind="jurisdiction", matter_number=accusation.number)]
    )
    assert meeting.tasks.get().organisation == city.discipline


def test_it_does_not_let_a_township_name_matters_it_cannot_see(city, register):
    elsewhere = open_matter(register, title="金沙滩镇的事项")

    before = counts()
    with pytest.raises(ValidationError) as caught:
        record(city, actor=city.yunzhong_handler, matter_numbers=[elsewhere.number])

    assert caught.value.message_dict["matters"] == [f"找不到事项 {elsewhere.number}，或您无权查看"]
    assert counts() == before


@pytest.mark.parametrize("who", ["registrar", "leader", "housing_handler", "lawyer", "yunzhong_registrar"])
def test_it_refuses_roles_that_do_not_keep_meetings(city, who):
    before = counts()
    with pytest.raises(PermissionDenied):
        record(city, actor=getattr(city, who))
    assert counts() == before


def test_it_refuses_a_township_recording_for_the_bureau_or_another_township(city):
    with pytest.raises(PermissionDenied):
        record(city, actor=city.yunzhong_handler, organisation=city.bureau)
    with pytest.raises(PermissionDenied):
        record(city, actor=city.yunzhong_handler, organisation=city.jinshatan)
    township_supervisor = staff(city.jinshatan, "jst_duban", role=Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        record(city, actor=township_supervisor, organisation=city.yunzhong)
    assert not JointMeeting.objects.exists()


def test_it_refuses_a_convener_that_is_not_the_bureau_or_a_township(city):
    assert errors_of(city, organisation=city.housing) == {
        "organisation": ["召集单位应为信访局或乡镇（街道）"]
    }
