"""Bringing a lawyer into a matter, and the lawyer's conflict-of-interest declaration (利益冲突声明).

The lawyer learns who the parties are, declares, and only then reads the matter. A declared conflict
ends the assignment at once and asks the bureau for another lawyer; the same lawyer is not assigned
to that matter again.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.petitions.models import Matter, Nature
from minsheng.petitions.services.events import matter_event_record

from ..models import LawyerAssignment, LegalEvent
from ..permissions import can_assign_lawyers, is_lawyer
from ..selectors import assignable_matters
from ._common import notify, refuse, require_lawyer, require_text

REQUEST_MAX = 2000
RELATION_MAX = 2000
REASON_MAX = 2000

# What a lawyer confirms when declaring no conflict; stored with the declaration as agreed to.
NO_CONFLICT_STATEMENT = (
    "本人确认：与本信访事项的信访人、被反映的单位及其工作人员之间，不存在近亲属、代理、委托、雇佣、"
    "合伙或其他利害关系，也不存在其他可能影响公正提供法律意见的情形。如在参与过程中发现利益冲突，"
    "本人将立即声明并回避。"
)

Status = LawyerAssignment.Status


def _lock_matter(matter: Matter) -> Matter:
    return Matter.objects.select_for_update(of=("self",)).get(pk=matter.pk)


def _lock_assignment(assignment: LawyerAssignment) -> LawyerAssignment:
    return (
        LawyerAssignment.objects.select_for_update(of=("self",))
        .select_related("matter", "lawyer", "assigned_by")
        .get(pk=assignment.pk)
    )


@transaction.atomic
def lawyer_assignment_create(*, actor, matter: Matter, lawyer, request: str = "") -> LawyerAssignment:
    """The bureau's supervisor brings a lawyer into a matter; the lawyer is asked to declare first."""
    if not can_assign_lawyers(actor):
        raise PermissionDenied(_("只有信访局的督办员或管理员可以指派律师"))
    if matter is None:
        refuse("matter", _("请选择信访事项"))
    if not assignable_matters(user=actor).filter(pk=matter.pk).exists():
        if matter.nature == Nature.ACCUSATION:
            # Art 30: accusations go to the discipline organ; their material goes to no one else.
            refuse("matter", _("检举控告类事项不指派律师（第三十条）"))
        refuse("matter", _("找不到该事项，或您无权查看"))
    lawyer = require_lawyer(lawyer)
    request = require_text(
        request, field="request", label=_("指派事由"), max_length=REQUEST_MAX, required=False
    )
    matter = _lock_matter(matter)
    if matter.status == Matter.Status.CLOSED:
        refuse("matter", _("%(number)s 已办结，不再指派律师") % {"number": matter.number})
    mine = LawyerAssignment.objects.filter(matter=matter, lawyer=lawyer)
    if mine.filter(status__in=LawyerAssignment.OPEN).exists():
        refuse("lawyer", _("%(name)s 已被指派参与该事项") % {"name": lawyer.display_name})
    if mine.filter(status=Status.CONFLICT).exists():
        refuse(
            "lawyer", _("%(name)s 已声明与该事项存在利益冲突，请指派其他律师") % {"name": lawyer.display_name}
        )
    try:
        with transaction.atomic():
            assignment = LawyerAssignment.objects.create(
                matter=matter,
                lawyer=lawyer,
                organisation=actor.organisation,
                request=request,
                assigned_by=actor,
                assigned_at=timezone.now(),
            )
    except IntegrityError:
        refuse("lawyer", _("%(name)s 已被指派参与该事项") % {"name": lawyer.display_name})
    note = _("指派律师 %(name)s 参与，待其作出利益冲突声明") % {"name": lawyer.display_name}
    matter_event_record(
        matter=matter,
        kind=LegalEvent.LAWYER_ASSIGNED,
        actor=actor,
        note=f"{note}。{request}" if request else note,
        data={"assignment": assignment.pk, "lawyer": lawyer.pk},
    )
    # The message names the matter by its number only: the lawyer has not declared yet.
    notify(
        key=f"legal-assignment:{assignment.pk}",
        recipient=lawyer,
        subject=_("请对信访事项 %(number)s 作出利益冲突声明") % {"number": matter.number},
        body=_("信访局指派您参与信访事项 %(number)s。请先作出利益冲突声明，然后查看事项详情。")
        % {"number": matter.number},
        matter=matter,
    )
    return assignment


@transaction.atomic
def conflict_declaration_record(
    *, actor, assignment: LawyerAssignment, has_conflict: bool, confirmed: bool = False, relation: str = ""
) -> LawyerAssignment:
    """The lawyer declares: no conflict (confirming the statement), or a conflict with the relation."""
    if not is_lawyer(actor) or assignment.lawyer_id != actor.pk:
        raise PermissionDenied(_("只有被指派的律师本人可以作出利益冲突声明"))
    assignment = _lock_assignment(assignment)
    if assignment.status != Status.PENDING:
        refuse(
            "has_conflict",
            _("该指派当前为“%(status)s”，不能再作声明") % {"status": assignment.get_status_display()},
        )
    if has_conflict not in (True, False):
        refuse("has_conflict", _("请选择是否存在利益冲突"))
    now = timezone.now()
    matter = _lock_matter(assignment.matter)
    if has_conflict:
        relation = require_text(relation, field="relation", label=_("利害关系"), max_length=RELATION_MAX)
        assignment.status = Status.CONFLICT
        assignment.declaration = relation
        assignment.ended_at = now
        assignment.ended_by = actor
        assignment.end_reason = _("律师声明存在利益冲突，回避")
    else:
        if confirmed is not True:
            refuse("confirmed", _("请阅读并勾选确认无利益冲突的声明"))
        assignment.status = Status.ACTIVE
        assignment.declaration = NO_CONFLICT_STATEMENT
    assignment.declared_at = now
    assignment.save(
        update_fields=["status", "declaration", "declared_at", "ended_at", "ended_by", "end_reason"]
    )
    if has_conflict:
        # The relation stays in the declaration; the timeline, which many read, only says that.
        matter_event_record(
            matter=matter,
            kind=LegalEvent.LAWYER_CONFLICT,
            actor=actor,
            note=_("律师 %(name)s 声明存在利益冲突，已回避；需另行指派律师") % {"name": actor.display_name},
            data={"assignment": assignment.pk, "lawyer": actor.pk},
        )
        notify(
            key=f"legal-conflict:{assignment.pk}",
            recipient=assignment.assigned_by,
            subject=_("律师回避：信访事项 %(number)s 需另行指派律师") % {"number": matter.number},
            body=_("律师 %(name)s 声明与信访事项 %(number)s 存在利益冲突，已回避。请另行指派律师。")
            % {"name": actor.display_name, "number": matter.number},
            matter=matter,
        )
    else:
        matter_event_record(
            matter=matter,
            kind=LegalEvent.LAWYER_DECLARED,
            actor=actor,
            note=_("律师 %(name)s 声明无利益冲突，开始参与") % {"name": actor.display_name},
            data={"assignment": assignment.pk, "lawyer": actor.pk},
        )
    return assignment


@transaction.atomic
def lawyer_assignment_end(*, actor, assignment: LawyerAssignment, reason: str) -> LawyerAssignment:
    """The bureau ends a lawyer's part in a matter (the work is done, or someone else takes over)."""
    if not can_assign_lawyers(actor):
        raise PermissionDenied(_("只有信访局的督办员或管理员可以结束律师参与"))
    assignment = _lock_assignment(assignment)
    if not assignable_matters(user=actor).filter(pk=assignment.matter_id).exists():
        raise PermissionDenied(_("您无权查看该事项"))
    if assignment.status not in LawyerAssignment.OPEN:
        refuse("reason", _("该指派已经结束"))
    reason = require_text(reason, field="reason", label=_("结束原因"), max_length=REASON_MAX)
    assignment.status = Status.ENDED
    assignment.ended_at = timezone.now()
    assignment.ended_by = actor
    assignment.end_reason = reason
    assignment.save(update_fields=["status", "ended_at", "ended_by", "end_reason"])
    matter = _lock_matter(assignment.matter)
    matter_event_record(
        matter=matter,
        kind=LegalEvent.LAWYER_ENDED,
        actor=actor,
        note=_("律师 %(name)s 参与结束：%(reason)s")
        % {"name": assignment.lawyer.display_name, "reason": reason},
        data={"assignment": assignment.pk, "lawyer": assignment.lawyer_id},
    )
    notify(
        key=f"legal-assignment-ended:{assignment.pk}",
        recipient=assignment.lawyer,
        subject=_("信访事项 %(number)s 的律师参与已结束") % {"number": matter.number},
        body=reason,
        matter=matter,
    )
    return assignment
