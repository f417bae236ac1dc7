"""Applying a meeting's jurisdiction decision (Art 24) to its matter.

When units dispute who must handle a matter, the one the matter was sent to objects (Art 23) and the
matter goes back to the sender; the meeting then decides the responsible unit, and applying the decision
sends the matter there through the routing service — the same step, checks, notice and deadlines as any
transfer or assignment, with the meeting named as the reason. Matter fields are never written here."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.petitions.models import Matter, Routing
from minsheng.petitions.services import matter_route
from minsheng.petitions.services.steps import lock_matter

from ..models import MeetingTask, MeetingTaskEntry
from ..permissions import can_manage_meeting
from .common import check_day, matter_event, refuse
from .tasks import entry_add, lock_task

ROUTE_KINDS = (Routing.Kind.TRANSFER, Routing.Kind.ASSIGN)
# The matter has gone on since the dispute: already handled, answered or ended.
HANDLED = (Matter.Status.TRANSFERRED, Matter.Status.ASSIGNED, Matter.Status.ACCEPTED)


@transaction.atomic
def meeting_jurisdiction_apply(
    *, actor, task: MeetingTask, route_kind: str = Routing.Kind.ASSIGN, on: dt.date | None = None
) -> MeetingTask:
    """Send the disputed matter to the unit the meeting decided on — assigned (交办, with the task's
    deadline as the report-back date when it is still ahead) or transferred (转送). When the matter is
    already with that unit, the decision is recorded as confirming it and nothing is routed. The matter's
    timeline names the meeting; the task keeps the routing it made."""
    task = lock_task(task)
    meeting = task.meeting
    if not can_manage_meeting(actor, meeting):
        raise PermissionDenied(_("只有召集单位（信访局）可以执行会议决定"))
    if not task.is_jurisdiction:
        refuse("kind", _("该决定不是确定受理单位的决定"))
    if task.is_applied:
        refuse("status", _("该决定已于 %(day)s 执行") % {"day": f"{task.applied_on:%Y-%m-%d}"})
    if route_kind not in ROUTE_KINDS:
        refuse("route_kind", _("请选择转送或交办"))
    on = check_day(on, "on", not_before=meeting.held_on, what=_("会议日期"))
    # Under the matter's row lock, as every workflow step reads it; also refuses a matter out of sight.
    matter, unit = lock_matter(actor=actor, matter=task.matter), task.organisation
    reason = _("依据%(meeting)s决定（《信访工作条例》第二十四条）：%(decision)s") % {
        "meeting": meeting.label,
        "decision": task.decision,
    }
    routing = None
    if matter.handling_org_id == unit.pk and matter.status in HANDLED:
        note = _("%(meeting)s确定由%(unit)s受理办理，该事项已由其承办，维持不变") % {
            "meeting": meeting.label,
            "unit": unit.name,
        }
    elif matter.status == Matter.Status.REGISTERED:
        report_due_on = task.due_on if route_kind == Routing.Kind.ASSIGN and task.due_on > on else None
        try:
            routing = matter_route(
                actor=actor,
                matter=matter,
                kind=route_kind,
                to_org=unit,
                note=reason,
                report_due_on=report_due_on,
                routed_on=on,
            )
        except ValidationError as exc:
            # The routing step names its own fields; on this page they belong to the decision.
            raise ValidationError({"route_kind": exc.messages}) from exc
        note = _("%(meeting)s确定由%(unit)s受理办理，已%(kind)s该单位") % {
            "meeting": meeting.label,
            "unit": unit.name,
            "kind": routing.get_kind_display(),
        }
    else:
        holder = matter.handling_org.name if matter.handling_org_id else matter.receiving_org.name
        refuse(
            "matter",
            _(
                "该事项当前为“%(status)s”（%(holder)s）。受理有争议的，应由现承办单位提出异议、事项退回后，"
                "再按会议决定转送或交办"
            )
            % {"status": matter.get_status_display(), "holder": holder},
        )
    entry = entry_add(task, kind=MeetingTaskEntry.Kind.APPLIED, text=note, on=on, actor=actor)
    task.applied_on, task.applied_by, task.routing = on, actor, routing
    task.save(update_fields=["applied_on", "applied_by", "routing"])
    matter_event(
        matter,
        actor=actor,
        note=f"{note}。{task.decision}",
        data={
            "meeting": meeting.pk,
            "task": task.pk,
            "entry": entry.pk,
            "routing": routing.pk if routing else None,
            "to_org": unit.pk,
        },
    )
    return task
