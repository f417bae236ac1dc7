"""A decision's task after the meeting: the owning unit reports back; the convening office closes it
or returns it for more work (跟踪问效, as with instruction tasks)."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.notifications.services import notification_queue
from minsheng.supervision.notify import unit_notify

from ..models import MeetingTask, MeetingTaskEntry
from ..permissions import can_feed_back, can_manage_meeting
from .common import Errors, check_day, clean_text, matter_event, refuse, task_label

FEEDBACK_MAX = 5000
NOTE_MAX = 2000


def lock_task(task: MeetingTask) -> MeetingTask:
    return (
        MeetingTask.objects.select_for_update(of=("self",))
        .select_related("meeting", "meeting__organisation", "organisation", "matter")
        .get(pk=task.pk)
    )


def entry_add(task: MeetingTask, *, kind: str, text: str, on: dt.date, actor) -> MeetingTaskEntry:
    return MeetingTaskEntry.objects.create(
        task=task,
        kind=kind,
        text=text,
        on=on,
        actor=actor,
        organisation=getattr(actor, "organisation", None),
        at=timezone.now(),
    )


def _require_status(task: MeetingTask, status: str, message: str) -> None:
    if task.status != status:
        refuse("status", message % {"status": task.get_status_display()})


@transaction.atomic
def meeting_task_feedback(
    *, actor, task: MeetingTask, text: str, on: dt.date | None = None
) -> MeetingTaskEntry:
    """The owning unit (its handlers or supervisors, or the person named) reports what it did. A
    task may be reported on again until it is closed; each report is kept."""
    task = lock_task(task)
    if not can_feed_back(actor, task):
        raise PermissionDenied(_("只有责任单位的工作人员可以反馈办理情况"))
    if task.status == MeetingTask.Status.CLOSED:
        refuse("status", _("该决定事项已办结，不能再反馈"))
    errors = Errors()
    text = clean_text(errors, "text", text, label=_("反馈内容"), max_length=FEEDBACK_MAX)
    errors.raise_any()
    on = check_day(on, "on", not_before=task.meeting.held_on, what=_("会议日期"))
    entry = entry_add(task, kind=MeetingTaskEntry.Kind.FEEDBACK, text=text, on=on, actor=actor)
    task.status = MeetingTask.Status.FED_BACK
    task.save(update_fields=["status"])
    late = on > task.due_on
    if task.matter_id:
        note = _("%(task)s：%(org)s反馈办理情况") % {"task": task_label(task), "org": task.organisation.name}
        if late:
            note += _("（逾期 %(days)d 日）") % {"days": (on - task.due_on).days}
        matter_event(task.matter, actor=actor, note=f"{note}：{text}", data=_data(task, entry))
    recorder = task.meeting.recorded_by
    if recorder is not None and recorder.is_active:
        notification_queue(
            dedupe_key=f"meeting_task:{task.pk}:feedback:{entry.pk}",
            recipient=recorder,
            channel="in_app",
            subject=_("决定事项已反馈：%(org)s") % {"org": task.organisation.name},
            body=_("%(task)s（%(decision)s）已由%(org)s反馈，请审核办结或退回。")
            % {"task": task_label(task), "decision": task.decision[:100], "org": task.organisation.name},
            matter=task.matter,
        )
    return entry


def _manage(actor, task: MeetingTask) -> None:
    if not can_manage_meeting(actor, task.meeting):
        raise PermissionDenied(_("只有召集单位（信访局）可以办结或退回决定事项"))


@transaction.atomic
def meeting_task_close(*, actor, task: MeetingTask, note: str = "", on: dt.date | None = None) -> MeetingTask:
    """The convening office accepts the unit's feedback and closes the task."""
    task = lock_task(task)
    _manage(actor, task)
    _require_status(
        task, MeetingTask.Status.FED_BACK, _("该决定事项当前为“%(status)s”，须在责任单位反馈后办结")
    )
    errors = Errors()
    note = clean_text(errors, "note", note, label=_("办结意见"), max_length=NOTE_MAX, required=False)
    errors.raise_any()
    on = check_day(on, "on", not_before=task.meeting.held_on, what=_("会议日期"))
    entry = entry_add(task, kind=MeetingTaskEntry.Kind.CLOSED, text=note, on=on, actor=actor)
    task.status, task.closed_on, task.closed_by = MeetingTask.Status.CLOSED, on, actor
    task.save(update_fields=["status", "closed_on", "closed_by"])
    if task.matter_id:
        text = _("%(task)s已办结") % {"task": task_label(task)}
        matter_event(
            task.matter, actor=actor, note=f"{text}：{note}" if note else text, data=_data(task, entry)
        )
    return task


@transaction.atomic
def meeting_task_return(*, actor, task: MeetingTask, note: str, on: dt.date | None = None) -> MeetingTask:
    """The feedback is not enough: the task goes back to the unit, with what is still missing."""
    task = lock_task(task)
    _manage(actor, task)
    _require_status(
        task, MeetingTask.Status.FED_BACK, _("该决定事项当前为“%(status)s”，须在责任单位反馈后退回")
    )
    errors = Errors()
    note = clean_text(errors, "note", note, label=_("退回理由"), max_length=NOTE_MAX)
    errors.raise_any()
    on = check_day(on, "on", not_before=task.meeting.held_on, what=_("会议日期"))
    entry = entry_add(task, kind=MeetingTaskEntry.Kind.RETURNED, text=note, on=on, actor=actor)
    task.status = MeetingTask.Status.OPEN
    task.save(update_fields=["status"])
    if task.matter_id:
        matter_event(
            task.matter,
            actor=actor,
            note=_("%(task)s退回重办：%(note)s") % {"task": task_label(task), "note": note},
            data=_data(task, entry),
        )
    unit_notify(
        organisation_id=task.organisation_id,
        key=f"meeting_task:{task.pk}:returned:{entry.pk}",
        subject=_("决定事项退回重办：%(title)s") % {"title": task.meeting.title},
        body=_("%(task)s（%(decision)s）的反馈被退回：%(note)s。请继续办理并再次反馈。")
        % {"task": task_label(task), "decision": task.decision[:100], "note": note},
        outside_body=_("【民声】联席会议决定事项的反馈被退回，请登录系统查看并再次反馈。"),
        matter=task.matter,
        also=[task.assignee],
    )
    return task


def _data(task: MeetingTask, entry: MeetingTaskEntry) -> dict:
    return {"meeting": task.meeting_id, "task": task.pk, "entry": entry.pk}
