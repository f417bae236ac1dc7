"""A decision becomes a task: its unit reports back, the bureau closes it or returns it for more work."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.meetings import services
from minsheng.meetings.models import MeetingTask, MeetingTaskEntry
from minsheng.petitions.models import MatterEvent

from .conftest import HELD_ON

FED = dt.date(2026, 6, 20)


def test_it_takes_a_decision_from_feedback_to_closed(city, matter, task):
    assert (task.status, task.organisation, task.assignee, task.matter) == (
        "open",
        city.yunzhong,
        city.yunzhong_handler,
        matter,
    )

    services.meeting_task_feedback(
        actor=city.yunzhong_handler, task=task, text="已核查，补偿款已发放到户", on=FED
    )
    task.refresh_from_db()
    assert task.status == MeetingTask.Status.FED_BACK

    services.meeting_task_close(
        actor=city.supervisor, task=task, note="落实到位", on=FED + dt.timedelta(days=1)
    )

    task.refresh_from_db()
    assert (task.status, task.closed_on, task.closed_by) == ("closed", dt.date(2026, 6, 21), city.supervisor)
    entries = list(task.entries.values_list("kind", "text", "on"))
    assert entries == [
        ("feedback", "已核查，补偿款已发放到户", FED),
        ("closed", "落实到位", dt.date(2026, 6, 21)),
    ]
    notes = list(matter.events.filter(kind="joint_meeting").order_by("pk").values_list("note", flat=True))
    assert len(notes) == 3
    assert "2026年6月10日联席会议（专题会议）决定事项第 1 项：云中镇反馈办理情况：已核查" in notes[1]
    assert notes[2] == "2026年6月10日联席会议（专题会议）决定事项第 1 项已办结：落实到位"


def test_it_returns_feedback_for_more_work_and_takes_it_again(city, task):
    services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text="正在核查", on=FED)
    services.meeting_task_return(actor=city.supervisor, task=task, note="请写明发放金额和户数", on=FED)
    task.refresh_from_db()
    assert task.status == "open"

    services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text="已向32户发放", on=FED)

    task.refresh_from_db()
    assert task.status == "fed_back"
    assert list(task.entries.values_list("kind", flat=True)) == ["feedback", "returned", "feedback"]


def test_it_marks_late_feedback_on_the_matter(city, matter, task):
    services.meeting_task_feedback(
        actor=city.yunzhong_handler, task=task, text="已办结", on=dt.date(2026, 7, 3)
    )

    assert "（逾期 3 日）" in matter.events.filter(kind="joint_meeting").latest("pk").note


@pytest.mark.parametrize("who", ["jinshatan_handler", "housing_handler", "registrar", "leader"])
def test_it_takes_feedback_only_from_the_owning_unit(city, task, who):
    with pytest.raises(PermissionDenied):
        services.meeting_task_feedback(actor=getattr(city, who), task=task, text="已办", on=FED)

    assert not MeetingTaskEntry.objects.exists()


def test_it_takes_feedback_from_the_person_named_even_in_another_unit(city, register):
    from .conftest import decision, record

    meeting = record(city, decisions=[decision(city.housing, assignee=city.housing_handler)])
    task = meeting.tasks.get()

    services.meeting_task_feedback(actor=city.housing_handler, task=task, text="已办", on=FED)

    task.refresh_from_db()
    assert task.status == "fed_back"


@pytest.mark.parametrize("who", ["yunzhong_handler", "leader", "jinshatan_handler"])
def test_it_lets_only_the_bureau_close_or_return(city, task, who):
    services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text="已办", on=FED)

    with pytest.raises(PermissionDenied):
        services.meeting_task_close(actor=getattr(city, who), task=task, on=FED)
    with pytest.raises(PermissionDenied):
        services.meeting_task_return(actor=getattr(city, who), task=task, note="不行", on=FED)

    task.refresh_from_db()
    assert task.status == "fed_back"


def test_it_refuses_to_close_before_the_unit_reports(city, task):
    with pytest.raises(ValidationError) as caught:
        services.meeting_task_close(actor=city.supervisor, task=task, on=FED)

    assert "须在责任单位反馈后办结" in caught.value.message_dict["status"][0]
    task.refresh_from_db()
    assert task.status == "open"


def test_it_refuses_feedback_on_a_closed_task(city, task):
    services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text="已办", on=FED)
    services.meeting_task_close(actor=city.supervisor, task=task, on=FED)

    with pytest.raises(ValidationError, match="已办结，不能再反馈"):
        services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text="补充", on=FED)


@pytest.mark.parametrize(
    ("text", "on", "field", "message"),
    [
        ("", FED, "text", "请填写反馈内容"),
        ("   ", FED, "text", "请填写反馈内容"),
        ("很" * 5001, FED, "text", "反馈内容不能超过 5000 个字"),
        ("已办", HELD_ON - dt.timedelta(days=1), "on", "日期不能早于会议日期（2026-06-10）"),
        ("已办", dt.date.today() + dt.timedelta(days=2), "on", "日期不能晚于今天"),
    ],
)
def test_it_refuses_bad_feedback_and_changes_nothing(city, task, text, on, field, message):
    with pytest.raises(ValidationError) as caught:
        services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text=text, on=on)

    assert caught.value.message_dict[field] == [message]
    task.refresh_from_db()
    assert task.status == "open"
    assert not MeetingTaskEntry.objects.exists()


def test_it_requires_a_reason_to_return(city, task):
    services.meeting_task_feedback(actor=city.yunzhong_handler, task=task, text="已办", on=FED)

    with pytest.raises(ValidationError) as caught:
        services.meeting_task_return(actor=city.supervisor, task=task, note=" ", on=FED)

    assert caught.value.message_dict["note"] == ["请填写退回理由"]
    assert MatterEvent.objects.filter(kind="joint_meeting", note__contains="退回").count() == 0
