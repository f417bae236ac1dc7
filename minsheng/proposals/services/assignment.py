"""Assignment to units (主办、会办、分办), objections within the window, reassignment, extension of the
deadline within the maximum, and handling proposals on one matter together (并案)."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation

from ..models import Assignment, JointHandling, Proposal, ProposalEvent
from ..permissions import acts_for_unit, is_office
from ._common import (
    NOTE_MAX,
    add_months,
    event_record,
    label,
    limit,
    lock,
    notify,
    office_staff,
    refuse,
    require_date,
    require_status,
    require_text,
    today,
    unit_handlers,
)

Kind = ProposalEvent.Kind
Status = Proposal.Status
Role = Assignment.Role
# Units that answer in their own name: the lead for all, and each separate unit for its part.
ANSWERING_ROLES = (Role.LEAD, Role.SEPARATE)
UNIT_KINDS_EXCLUDED = (Organisation.Kind.CITY, Organisation.Kind.PROPOSAL_OFFICE, Organisation.Kind.VILLAGE)


def handling_due_on(start: dt.date) -> dt.date:
    return add_months(start, limit("PROPOSAL_HANDLING_MONTHS"))


def handling_latest_due_on(start: dt.date) -> dt.date:
    return add_months(start, limit("PROPOSAL_HANDLING_MAX_MONTHS"))


def _checked_due_on(due_on, *, start: dt.date, on: dt.date) -> dt.date:
    due_on = require_date(due_on, field="due_on", label=_("办理期限"))
    if due_on <= on:
        refuse("due_on", _("办理期限须晚于交办日期"))
    latest = handling_latest_due_on(start)
    if due_on > latest:
        refuse(
            "due_on",
            _("办理期限最长为交办之日起 %(months)d 个月（%(date)s）")
            % {"months": limit("PROPOSAL_HANDLING_MAX_MONTHS"), "date": f"{latest:%Y-%m-%d}"},
        )
    return due_on


def _units(units, field: str) -> list[Organisation]:
    out = []
    for unit in units or ():
        if not isinstance(unit, Organisation) or not unit.is_active or unit.kind in UNIT_KINDS_EXCLUDED:
            refuse(field, _("%(unit)s 不能作为承办单位") % {"unit": unit})
        out.append(unit)
    return out


def _active_assignments(proposal: Proposal):
    return proposal.assignments.filter(withdrawn_at__isnull=True).select_related("unit")


def _add_assignments(*, actor, proposal, lead, co_units, separate_units, on: dt.date) -> list[Assignment]:
    lead_list = _units([lead] if lead is not None else [], "lead")
    co_list = _units(co_units, "co_units")
    separate_list = _units(separate_units, "separate_units")
    current = list(_active_assignments(proposal))
    has_lead = any(a.role == Role.LEAD for a in current)
    if lead_list and has_lead:
        refuse("lead", _("该提案已有主办单位"))
    if co_list and not (lead_list or has_lead):
        refuse("co_units", _("会办单位须配合主办单位办理，请先确定主办单位"))
    if not (lead_list or co_list or separate_list):
        refuse("lead", _("请至少选择一个主办单位或分办单位"))
    taken = {a.unit_id for a in current}
    objected = set(proposal.assignments.filter(objected_at__isnull=False).values_list("unit_id", flat=True))
    created = []
    window = limit("PROPOSAL_OBJECTION_DAYS")
    for role, units in ((Role.LEAD, lead_list), (Role.CO, co_list), (Role.SEPARATE, separate_list)):
        field = {Role.LEAD: "lead", Role.CO: "co_units", Role.SEPARATE: "separate_units"}[role]
        for unit in units:
            if unit.pk in taken:
                refuse(field, _("%(unit)s 重复交办") % {"unit": unit.name})
            if unit.pk in objected:
                refuse(field, _("%(unit)s 已对该提案提出异议，请另选单位") % {"unit": unit.name})
            taken.add(unit.pk)
            created.append(
                Assignment.objects.create(
                    proposal=proposal,
                    unit=unit,
                    role=role,
                    assigned_by=actor,
                    assigned_at=timezone.now(),
                    objection_until=on + dt.timedelta(days=window),
                )
            )
    return created


def _tell_units(proposal: Proposal, assignments: list[Assignment], event) -> None:
    for assignment in assignments:
        notify(
            users=unit_handlers(assignment.unit),
            key=f"assigned:{event.pk}:{assignment.unit_id}",
            subject=_("交办提案（%(role)s）：%(label)s")
            % {"role": assignment.get_role_display(), "label": label(proposal)},
            body=_("请于 %(due)s 前办理答复；如认为不属于本单位职责，请于 %(until)s 前提出异议。")
            % {"due": f"{proposal.due_on:%Y-%m-%d}", "until": f"{assignment.objection_until:%Y-%m-%d}"},
        )


@transaction.atomic
def proposal_assign(
    *, actor, proposal: Proposal, lead=None, co_units=(), separate_units=(), due_on: dt.date | None = None
) -> Proposal:
    """交办 an admitted proposal, or assign again after an objection. The deadline runs from today:
    by default the handling months of the setting, never beyond the maximum."""
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以交办提案"))
    proposal = lock(proposal)
    require_status(proposal, Status.ADMITTED, Status.ASSIGNED, action=_("交办"))
    reassigning = proposal.assignments.exists()
    on = today()
    # A unit added while others go on handling works to the running deadline; a proposal whose every
    # answering unit objected starts again from today.
    keeps_deadline = proposal.status == Status.ASSIGNED
    start = proposal.assigned_on if keeps_deadline else on
    if due_on is None and keeps_deadline:
        due_on = proposal.due_on
    else:
        due_on = _checked_due_on(handling_due_on(on) if due_on is None else due_on, start=start, on=on)
    created = _add_assignments(
        actor=actor, proposal=proposal, lead=lead, co_units=co_units, separate_units=separate_units, on=on
    )
    if not any(a.role in ANSWERING_ROLES for a in _active_assignments(proposal)):
        refuse("lead", _("请确定主办单位或分办单位"))
    proposal.status = Status.ASSIGNED
    proposal.assigned_on = start
    proposal.due_on = due_on
    proposal.save(update_fields=["status", "assigned_on", "due_on"])
    event = event_record(
        proposal=proposal,
        kind=Kind.REASSIGNED if reassigning else Kind.ASSIGNED,
        actor=actor,
        note="、".join(f"{a.unit.name}（{a.get_role_display()}）" for a in created),
        data={"units": [[a.unit_id, a.role] for a in created], "due_on": due_on.isoformat()},
    )
    _tell_units(proposal, created, event)
    return proposal


@transaction.atomic
def assignment_object(*, actor, assignment: Assignment, reason: str) -> Assignment:
    """异议: within the window a unit says the proposal is not its business; the assignment is withdrawn
    and the office assigns again. Without an answering unit left, the proposal waits for that."""
    proposal = lock(assignment.proposal)
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if not acts_for_unit(actor, assignment.unit):
        raise PermissionDenied(_("只有承办单位本单位的承办人可以提出异议"))
    if assignment.withdrawn_at is not None:
        refuse("__all__", _("该交办已撤回"))
    require_status(proposal, Status.ASSIGNED, action=_("提出异议"))
    if today() > assignment.objection_until:
        refuse(
            "reason",
            _("异议期已于 %(date)s 届满，请与提案委联系")
            % {"date": f"{assignment.objection_until:%Y-%m-%d}"},
        )
    reason = require_text(reason, field="reason", label=_("异议理由"), max_length=NOTE_MAX)
    now = timezone.now()
    assignment.objected_at = now
    assignment.objected_by = actor
    assignment.objection_reason = reason
    assignment.withdrawn_at = now
    assignment.save(update_fields=["objected_at", "objected_by", "objection_reason", "withdrawn_at"])
    remaining = list(_active_assignments(proposal))
    if not any(a.role in ANSWERING_ROLES for a in remaining):
        proposal.status = Status.ADMITTED
        proposal.save(update_fields=["status"])
    event = event_record(
        proposal=proposal,
        kind=Kind.OBJECTED,
        actor=actor,
        note=reason,
        data={"unit": assignment.unit_id, "role": assignment.role},
    )
    notify(
        users=office_staff(),
        key=f"objected:{event.pk}",
        subject=_("承办单位提出异议：%(label)s") % {"label": label(proposal)},
        body=_("%(unit)s（%(role)s）：%(reason)s，请重新交办。")
        % {"unit": assignment.unit.name, "role": assignment.get_role_display(), "reason": reason},
    )
    return assignment


@transaction.atomic
def proposal_extend(*, actor, proposal: Proposal, due_on: dt.date, reason: str) -> Proposal:
    """延期: a later deadline, never beyond the maximum months from assignment (or from re-handling)."""
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以批准延期"))
    proposal = lock(proposal)
    require_status(proposal, *Proposal.HANDLING_STATUSES, action=_("延期"))
    due_on = require_date(due_on, field="due_on", label=_("新的办理期限"))
    reason = require_text(reason, field="reason", label=_("延期理由"), max_length=NOTE_MAX)
    if due_on <= proposal.due_on:
        refuse("due_on", _("新的办理期限须晚于原期限 %(date)s") % {"date": f"{proposal.due_on:%Y-%m-%d}"})
    latest = handling_latest_due_on(proposal.assigned_on)
    if due_on > latest:
        refuse(
            "due_on",
            _("办理期限最长为交办之日起 %(months)d 个月（%(date)s）")
            % {"months": limit("PROPOSAL_HANDLING_MAX_MONTHS"), "date": f"{latest:%Y-%m-%d}"},
        )
    old = proposal.due_on
    proposal.due_on = due_on
    proposal.save(update_fields=["due_on"])
    event = event_record(
        proposal=proposal,
        kind=Kind.EXTENDED,
        actor=actor,
        note=reason,
        data={"from": old.isoformat(), "to": due_on.isoformat()},
    )
    units = [a.unit for a in _active_assignments(proposal)]
    notify(
        users=[u for unit in units for u in unit_handlers(unit)],
        key=f"extended:{event.pk}",
        subject=_("提案办理期限延至 %(date)s") % {"date": f"{due_on:%Y-%m-%d}"},
        body=label(proposal),
    )
    return proposal


@transaction.atomic
def proposals_join(*, actor, proposals, title: str) -> JointHandling:
    """并案办理: proposals on one matter handled together; each keeps its number, units and reply."""
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以并案办理"))
    title = require_text(title, field="title", label=_("并案事由"), max_length=200)
    pks = sorted({p.pk for p in proposals or ()})
    if len(pks) < 2:
        refuse("proposals", _("并案办理至少需要两件提案"))
    locked = list(Proposal.objects.select_for_update(of=("self",)).filter(pk__in=pks).order_by("pk"))
    for proposal in locked:
        if proposal.status not in (Status.ADMITTED, Status.ASSIGNED):
            refuse("proposals", _("%(label)s 未立案或已答复，不能并案") % {"label": label(proposal)})
        if proposal.joint_handling_id:
            refuse("proposals", _("%(label)s 已并入其他并案") % {"label": label(proposal)})
    group = JointHandling.objects.create(title=title, created_by=actor)
    for proposal in locked:
        proposal.joint_handling = group
        proposal.save(update_fields=["joint_handling"])
        others = [p.number_label or p.title for p in locked if p.pk != proposal.pk]
        event_record(
            proposal=proposal,
            kind=Kind.JOINED,
            actor=actor,
            note=title + "：" + "、".join(others),
            data={"group": group.pk},
        )
    return group
