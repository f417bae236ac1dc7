"""A unit's feedback, the bureau returning it or closing the task; the instruction's status follows."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.instructions.models import Instruction, InstructionTask
from minsheng.instructions.services import (
    instruction_task_close,
    instruction_task_feedback,
    instruction_task_return,
)
from minsheng.notifications.models import Notification

Status = InstructionTask.Status


def test_returned_feedback_goes_back_to_the_unit_and_is_answered_again(city, issue, tasks, register):
    matter = register().matter
    instruction = issue(matters=[matter], units=[city.yunzhong])
    task = tasks(instruction)["云中镇"]

    instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="已核实。")
    instruction.refresh_from_db()
    assert instruction.status == Instruction.Status.FED_BACK

    instruction_task_return(actor=city.supervisor, task=task, reason="未说明补偿款发放时间")
    task.refresh_from_db()
    instruction.refresh_from_db()
    assert task.status == Status.PENDING and task.returned_count == 1 and task.feedback == ""
    assert instruction.status == Instruction.Status.OPEN
    assert Notification.objects.filter(
        recipient=city.yunzhong_handler, subject__startswith="批示反馈被退回"
    ).exists()

    instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="补偿款已于本周发放到位。")
    instruction_task_close(actor=city.supervisor, task=task)
    instruction.refresh_from_db()
    assert instruction.status == Instruction.Status.CLOSED
    assert [s.kind for s in task.steps.all()] == ["feedback", "returned", "feedback", "closed"]
    assert list(matter.events.values_list("kind", flat=True))[-5:] == [
        "instruction_feedback",
        "instruction_returned",
        "instruction_feedback",
        "instruction_task_closed",
        "instruction_closed",
    ]


def test_only_the_units_own_handler_feeds_back(city, issue, tasks):
    task = tasks(issue())["云中镇"]

    for actor in (city.jinshatan_handler, city.housing_handler, city.supervisor, city.yunzhong_registrar):
        with pytest.raises(PermissionDenied):
            instruction_task_feedback(actor=actor, task=task, feedback="代为反馈")
    task.refresh_from_db()
    assert task.status == Status.PENDING


def test_feedback_must_say_something_and_is_given_once(city, issue, tasks):
    task = tasks(issue())["云中镇"]

    with pytest.raises(ValidationError) as caught:
        instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback=" ")
    assert caught.value.message_dict["feedback"] == ["请填写办理情况"]
    with pytest.raises(ValidationError) as caught:
        instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="长" * 5001)
    assert "不能超过 5000 个字" in caught.value.message_dict["feedback"][0]
    with pytest.raises(ValidationError) as caught:
        instruction_task_feedback(
            actor=city.yunzhong_handler,
            task=task,
            feedback="已办",
            on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert caught.value.message_dict["on"] == ["日期不能晚于今天"]

    instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="已办")
    with pytest.raises(ValidationError) as caught:
        instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="再次反馈")
    assert caught.value.message_dict["feedback"] == ["已经反馈，正等待信访局审核"]


def test_a_task_without_feedback_is_neither_closed_nor_returned(city, issue, tasks):
    task = tasks(issue())["云中镇"]

    with pytest.raises(ValidationError) as caught:
        instruction_task_close(actor=city.supervisor, task=task)
    assert caught.value.message_dict["__all__"] == ["承办单位尚未反馈，不能办结"]
    with pytest.raises(ValidationError) as caught:
        instruction_task_return(actor=city.supervisor, task=task, reason="再查")
    assert caught.value.message_dict["__all__"] == ["承办单位尚未反馈，无可退回"]


def test_a_return_needs_a_reason_and_a_closed_task_stays_closed(city, issue, tasks):
    task = tasks(issue())["云中镇"]
    instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="已办")

    with pytest.raises(ValidationError) as caught:
        instruction_task_return(actor=city.supervisor, task=task, reason="")
    assert caught.value.message_dict["reason"] == ["请填写退回理由"]
    instruction_task_close(actor=city.supervisor, task=task)
    with pytest.raises(ValidationError) as caught:
        instruction_task_return(actor=city.supervisor, task=task, reason="重办")
    assert "已于" in caught.value.message_dict["__all__"][0]


def test_only_the_bureaus_supervisor_closes_or_returns(city, issue, tasks):
    task = tasks(issue())["云中镇"]
    instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="已办")

    for actor in (city.registrar, city.leader, city.yunzhong_handler):
        with pytest.raises(PermissionDenied):
            instruction_task_close(actor=actor, task=task)
        with pytest.raises(PermissionDenied):
            instruction_task_return(actor=actor, task=task, reason="重办")
    task.refresh_from_db()
    assert task.status == Status.FED_BACK
