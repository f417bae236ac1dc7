"""A unit's work on an instruction: its feedback, and the bureau closing the task or returning it.

The instruction's status follows its tasks after every step (see `_sync_status`)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.petitions.services.events import matter_event_record

from .. import events
from ..models import Instruction, InstructionTask, InstructionTaskStep
from ..permissions import can_decide_tasks, can_feed_back
from ..selectors import instructions_visible_to
from .notify import bureau_supervisors, notify, unit_handlers

FEEDBACK_MAX = 5000
NOTE_MAX = 2000

Status = InstructionTask.Status


def _locked(task: InstructionTask) -> InstructionTask:
    return (
        InstructionTask.objects.select_for_update(of=("self",))
        .select_related("instruction", "instruction__leader", "organisation")
        .get(pk=task.pk)
    )


def _day(on: dt.date | None, *, field: str, not_before: dt.date | None) -> dt.date:
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({field: [_("日期不能晚于今天")]})
    if not_before is not None and on < not_before:
        raise ValidationError({field: [_("日期不能早于 %(day)s") % {"day": f"{not_before:%Y-%m-%d}"}]})
    return on


def _refuse_state(task: InstructionTask, field: str) -> None:
    if task.status == Status.CLOSED:
        raise ValidationError({field: [_("该任务已于 %(day)s 办结") % {"day": f"{task.closed_on:%Y-%m-%d}"}]})


def _record_on_matters(instruction: Instruction, *, kind: str, actor, note: str, data: dict) -> None:
    for matter in instruction.matters.all().order_by("pk"):
        matter_event_record(matter=matter, kind=kind, actor=actor, note=note, data=data)


def _sync_status(instruction: Instruction, *, actor, on: dt.date) -> None:
    """Open while a unit still has work, fed back when every unit has answered, closed when the
    bureau has closed every task (on the day the last one was closed)."""
    statuses = set(instruction.tasks.values_list("status", flat=True))
    if statuses == {Status.CLOSED}:
        status = Instruction.Status.CLOSED
    elif Status.PENDING in statuses:
        status = Instruction.Status.OPEN
    else:
        status = Instruction.Status.FED_BACK
    was = instruction.status
    instruction.status = status
    instruction.closed_on = on if status == Instruction.Status.CLOSED else None
    instruction.save(update_fields=["status", "closed_on"])
    if status == Instruction.Status.CLOSED and was != status:
        _record_on_matters(
            instruction,
            kind=events.CLOSED,
            actor=actor,
            note=_("批示（%(number)s）各承办单位均已办结。") % {"number": instruction.number},
            data={"instruction": instruction.pk},
        )
        notify(
            users=[instruction.leader],
            key=f"instruction:{instruction.pk}:closed:{on:%Y%m%d}",
            subject=_("批示已办结：%(number)s") % {"number": instruction.number},
            body=_("您于 %(issued)s 作出的批示（%(number)s）各承办单位均已办结。")
            % {"issued": f"{instruction.issued_on:%Y-%m-%d}", "number": instruction.number},
            outside_body="",
            outside=False,
        )


@transaction.atomic
def instruction_task_feedback(*, actor, task: InstructionTask, feedback: str, on: dt.date | None = None):
    """The unit's written feedback on its task (a handler of that unit), dated `on` (default today,
    not after it, not before the instruction). Only a task waiting for feedback takes one."""
    task = _locked(task)
    if not can_feed_back(actor, task):
        raise PermissionDenied(_("只有承办单位的承办人可以反馈办理情况"))
    _refuse_state(task, "feedback")
    if task.status == Status.FED_BACK:
        raise ValidationError({"feedback": [_("已经反馈，正等待信访局审核")]})
    feedback = (feedback or "").strip()
    if not feedback:
        raise ValidationError({"feedback": [_("请填写办理情况")]})
    if len(feedback) > FEEDBACK_MAX:
        raise ValidationError({"feedback": [_("办理情况不能超过 %(max)d 个字") % {"max": FEEDBACK_MAX}]})
    instruction = task.instruction
    on = _day(on, field="on", not_before=instruction.issued_on)
    task.status = Status.FED_BACK
    task.feedback = feedback
    task.fed_back_on = on
    task.fed_back_by = actor
    task.save(update_fields=["status", "feedback", "fed_back_on", "fed_back_by"])
    InstructionTaskStep.objects.create(
        task=task, kind=InstructionTaskStep.Kind.FEEDBACK, text=feedback, on=on, actor=actor
    )
    _record_on_matters(
        instruction,
        kind=events.FEEDBACK,
        actor=actor,
        note=_("%(unit)s 反馈批示（%(number)s）办理情况：%(text)s")
        % {"unit": task.organisation.name, "number": instruction.number, "text": feedback},
        data={"instruction": instruction.pk, "task": task.pk},
    )
    notify(
        users=[*bureau_supervisors(task.organisation), instruction.leader],
        key=f"instruction-task:{task.pk}:feedback:{task.returned_count}",
        subject=_("批示办理反馈：%(number)s %(unit)s")
        % {"number": instruction.number, "unit": task.organisation.name},
        body=_("%(unit)s 已反馈批示（%(number)s）的办理情况，请审核。")
        % {"unit": task.organisation.name, "number": instruction.number},
        outside_body="",
        outside=False,
    )
    _sync_status(instruction, actor=actor, on=on)
    return task


def _decidable(actor, task: InstructionTask) -> InstructionTask:
    if not can_decide_tasks(actor):
        raise PermissionDenied(_("只有督办员或管理员可以办结或退回批示任务"))
    task = _locked(task)
    if not instructions_visible_to(user=actor).filter(pk=task.instruction_id).exists():
        raise PermissionDenied(_("您无权办理该批示"))
    return task


@transaction.atomic
def instruction_task_close(*, actor, task: InstructionTask, note: str = "", on: dt.date | None = None):
    """The bureau accepts a unit's feedback and closes its task (supervisor or admin). When it was the
    last open task, the instruction is closed too."""
    task = _decidable(actor, task)
    _refuse_state(task, "__all__")
    if task.status == Status.PENDING:
        raise ValidationError({"__all__": [_("承办单位尚未反馈，不能办结")]})
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": [_("说明不能超过 %(max)d 个字") % {"max": NOTE_MAX}]})
    on = _day(on, field="on", not_before=task.fed_back_on)
    instruction = task.instruction
    task.status = Status.CLOSED
    task.closed_on = on
    task.closed_by = actor
    task.save(update_fields=["status", "closed_on", "closed_by"])
    InstructionTaskStep.objects.create(
        task=task, kind=InstructionTaskStep.Kind.CLOSED, text=note, on=on, actor=actor
    )
    message = _("%(unit)s 承办的批示（%(number)s）任务已办结。") % {
        "unit": task.organisation.name,
        "number": instruction.number,
    }
    _record_on_matters(
        instruction,
        kind=events.TASK_CLOSED,
        actor=actor,
        note=f"{message}{note}" if note else message,
        data={"instruction": instruction.pk, "task": task.pk},
    )
    notify(
        users=unit_handlers(task.organisation),
        key=f"instruction-task:{task.pk}:closed",
        subject=_("批示任务已办结：%(number)s") % {"number": instruction.number},
        body=message,
        outside_body="",
        outside=False,
    )
    _sync_status(instruction, actor=actor, on=on)
    return task


@transaction.atomic
def instruction_task_return(*, actor, task: InstructionTask, reason: str, on: dt.date | None = None):
    """The bureau returns a unit's feedback for more work (supervisor or admin), with the reason; the
    task waits for new feedback and its deadline stays."""
    task = _decidable(actor, task)
    _refuse_state(task, "__all__")
    if task.status == Status.PENDING:
        raise ValidationError({"__all__": [_("承办单位尚未反馈，无可退回")]})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("请填写退回理由")]})
    if len(reason) > NOTE_MAX:
        raise ValidationError({"reason": [_("退回理由不能超过 %(max)d 个字") % {"max": NOTE_MAX}]})
    on = _day(on, field="on", not_before=task.fed_back_on)
    instruction = task.instruction
    task.status = Status.PENDING
    task.returned_count += 1
    task.feedback = ""
    task.fed_back_on = None
    task.fed_back_by = None
    task.save(update_fields=["status", "returned_count", "feedback", "fed_back_on", "fed_back_by"])
    InstructionTaskStep.objects.create(
        task=task, kind=InstructionTaskStep.Kind.RETURNED, text=reason, on=on, actor=actor
    )
    _record_on_matters(
        instruction,
        kind=events.RETURNED,
        actor=actor,
        note=_("退回 %(unit)s 对批示（%(number)s）的反馈，要求继续办理：%(reason)s")
        % {"unit": task.organisation.name, "number": instruction.number, "reason": reason},
        data={"instruction": instruction.pk, "task": task.pk},
    )
    notify(
        users=unit_handlers(task.organisation),
        key=f"instruction-task:{task.pk}:returned:{task.returned_count}",
        subject=_("批示反馈被退回：%(number)s") % {"number": instruction.number},
        body=_("信访局退回了您单位对批示（%(number)s）的反馈，请于 %(due)s 前重新反馈。理由：%(reason)s")
        % {"number": instruction.number, "due": f"{task.due_on:%Y-%m-%d}", "reason": reason},
        outside_body=_("【民声】您单位对领导批示（%(number)s）的反馈被退回，请登录系统查看并继续办理。")
        % {"number": instruction.number},
    )
    _sync_status(instruction, actor=actor, on=on)
    return task
