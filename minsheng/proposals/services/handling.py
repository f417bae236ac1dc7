"""Handling by the units: contacts with the proposer, co-handling views to the lead, and the reply
letter with its handling report, drafted, signed off by the unit's leader, then sent."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Assignment, CoHandlingView, Contact, Proposal, ProposalEvent, Reply
from ..permissions import acts_for_unit
from ._common import (
    NOTE_MAX,
    TEXT_MAX,
    event_record,
    label,
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
from .assignment import ANSWERING_ROLES

Kind = ProposalEvent.Kind
Status = Proposal.Status
Role = Assignment.Role
MEASURES_MAX = 30


def _assignment_of(actor, proposal: Proposal, roles=None) -> Assignment:
    """The active assignment of the actor's unit on this proposal, or PermissionDenied."""
    assignments = proposal.assignments.filter(
        withdrawn_at__isnull=True, unit_id=getattr(actor, "organisation_id", None)
    ).select_related("unit")
    assignment = assignments.first()
    if assignment is None or not acts_for_unit(actor, assignment.unit):
        raise PermissionDenied(_("只有承办该提案的单位可以办理"))
    if roles and assignment.role not in roles:
        raise PermissionDenied(
            _("本单位是该提案的%(role)s单位，不能执行此操作") % {"role": assignment.get_role_display()}
        )
    return assignment


def _not_in_future(day: dt.date, *, field: str, label_text: str) -> dt.date:
    day = require_date(day, field=field, label=label_text)
    if day > today():
        refuse(field, _("%(label)s不能晚于今天") % {"label": label_text})
    return day


@transaction.atomic
def proposal_contact_record(
    *, actor, proposal: Proposal, contacted_on: dt.date, way: str, content: str
) -> Contact:
    proposal = lock(proposal)
    assignment = _assignment_of(actor, proposal)
    require_status(proposal, *Proposal.HANDLING_STATUSES, action=_("记录沟通情况"))
    contacted_on = _not_in_future(contacted_on, field="contacted_on", label_text=_("沟通日期"))
    if proposal.assigned_on and contacted_on < proposal.assigned_on:
        refuse("contacted_on", _("沟通日期不能早于交办日期"))
    if way not in Contact.Way.values:
        refuse("way", _("请选择沟通方式"))
    content = require_text(content, field="content", label=_("沟通内容"), max_length=NOTE_MAX)
    contact = Contact.objects.create(
        proposal=proposal,
        unit=assignment.unit,
        contacted_on=contacted_on,
        way=way,
        content=content,
        recorded_by=actor,
    )
    event_record(
        proposal=proposal,
        kind=Kind.CONTACT,
        actor=actor,
        note=f"{contact.get_way_display()}：{content}",
        data={"contact": contact.pk, "on": contacted_on.isoformat()},
    )
    return contact


@transaction.atomic
def cohandling_view_send(*, actor, proposal: Proposal, content: str) -> CoHandlingView:
    """A co-handling unit sends its view to the lead unit, once per handling round."""
    proposal = lock(proposal)
    assignment = _assignment_of(actor, proposal, roles=(Role.CO,))
    require_status(proposal, *Proposal.HANDLING_STATUSES, action=_("提交会办意见"))
    content = require_text(content, field="content", label=_("会办意见"), max_length=TEXT_MAX)
    if assignment.views.filter(round=proposal.round).exists():
        refuse("content", _("本单位已提交本轮会办意见"))
    view = CoHandlingView.objects.create(
        assignment=assignment, round=proposal.round, content=content, sent_by=actor, sent_at=timezone.now()
    )
    event = event_record(
        proposal=proposal, kind=Kind.COHANDLING_VIEW, actor=actor, note=content[:500], data={"view": view.pk}
    )
    lead = (
        proposal.assignments.filter(withdrawn_at__isnull=True, role=Role.LEAD).select_related("unit").first()
    )
    if lead:
        notify(
            users=unit_handlers(lead.unit),
            key=f"view:{event.pk}",
            subject=_("%(unit)s 提交了会办意见") % {"unit": assignment.unit.name},
            body=label(proposal),
        )
    return view


def _clean_measures(measures) -> list[dict]:
    if not isinstance(measures, (list, tuple)):
        refuse("measures", _("办理措施格式不正确"))
    if len(measures) > MEASURES_MAX:
        refuse("measures", _("办理措施最多 %(max)d 条") % {"max": MEASURES_MAX})
    out = []
    for item in measures:
        if isinstance(item, str):
            item = {"heading": "", "body": item}
        if not isinstance(item, dict):
            refuse("measures", _("办理措施格式不正确"))
        heading = require_text(
            item.get("heading"), field="measures", label=_("措施标题"), max_length=200, required=False
        )
        body = require_text(
            item.get("body"), field="measures", label=_("措施内容"), max_length=TEXT_MAX, required=False
        )
        if heading or body:
            out.append({"heading": heading, "body": body})
    return out


@transaction.atomic
def proposal_reply_draft(
    *,
    actor,
    proposal: Proposal,
    measures,
    grade: str,
    report: str,
    opening: str = "",
    closing: str = "",
    addressee: str = "",
    acknowledgement: str = "",
    unit_name: str = "",
    reply_on: dt.date | None = None,
) -> Reply:
    """The lead or a separate unit writes (or rewrites, until sent) its reply for the current round.
    Addressee and acknowledgement default to the standard wording; changing a draft clears its
    sign-off, since the leader signed the earlier text."""
    proposal = lock(proposal)
    assignment = _assignment_of(actor, proposal, roles=ANSWERING_ROLES)
    require_status(proposal, *Proposal.HANDLING_STATUSES, action=_("拟写答复"))
    measures = _clean_measures(measures)
    opening = require_text(opening, field="opening", label=_("正文引言"), required=False)
    closing = require_text(closing, field="closing", label=_("结束语"), required=False)
    if not (measures or opening):
        refuse("measures", _("请填写答复正文或办理措施"))
    if grade not in Proposal.Grade.values:
        refuse("grade", _("请选择答复类别 A、B 或 C"))
    report = require_text(report, field="report", label=_("办理情况报告"))
    addressee = require_text(
        addressee or _("%(name)s委员：") % {"name": proposal.proposer_name},
        field="addressee",
        label=_("称谓"),
        max_length=50,
    )
    acknowledgement = require_text(
        acknowledgement or _("您提出的《%(title)s》提案收悉，现回复如下：") % {"title": proposal.title},
        field="acknowledgement",
        label=_("开头语"),
        max_length=300,
    )
    unit_name = require_text(
        unit_name or assignment.unit.name, field="unit_name", label=_("落款单位"), max_length=100
    )
    reply_on = require_date(reply_on or today(), field="reply_on", label=_("答复日期"))
    if proposal.assigned_on and reply_on < proposal.assigned_on:
        refuse("reply_on", _("答复日期不能早于交办日期"))
    reply = Reply.objects.filter(proposal=proposal, unit=assignment.unit, round=proposal.round).first()
    if reply and reply.sent_at:
        refuse("__all__", _("本轮答复已发出，不能修改"))
    reply = reply or Reply(proposal=proposal, unit=assignment.unit, round=proposal.round)
    reply.addressee, reply.acknowledgement = addressee, acknowledgement
    reply.opening, reply.measures, reply.closing = opening, measures, closing
    reply.unit_name, reply.reply_on, reply.grade, reply.report = unit_name, reply_on, grade, report
    reply.signed_by_name, reply.signed_on = "", None
    reply.drafted_by, reply.drafted_at = actor, timezone.now()
    reply.save()
    event_record(
        proposal=proposal, kind=Kind.REPLY_DRAFTED, actor=actor, data={"reply": reply.pk, "grade": grade}
    )
    return reply


def _draft_of(actor, proposal: Proposal) -> tuple[Assignment, Reply]:
    assignment = _assignment_of(actor, proposal, roles=ANSWERING_ROLES)
    reply = Reply.objects.filter(proposal=proposal, unit=assignment.unit, round=proposal.round).first()
    if reply is None:
        refuse("__all__", _("请先拟写答复"))
    if reply.sent_at:
        refuse("__all__", _("本轮答复已发出"))
    return assignment, reply


@transaction.atomic
def proposal_reply_sign(*, actor, proposal: Proposal, signed_by_name: str, signed_on: dt.date) -> Reply:
    """The unit's leader signs off the handling report (承办单位领导签字); a handler records it."""
    proposal = lock(proposal)
    require_status(proposal, *Proposal.HANDLING_STATUSES, action=_("签发答复"))
    _assignment, reply = _draft_of(actor, proposal)
    name = require_text(signed_by_name, field="signed_by_name", label=_("签字领导姓名"), max_length=50)
    signed_on = _not_in_future(signed_on, field="signed_on", label_text=_("签字日期"))
    if signed_on < timezone.localdate(reply.drafted_at):
        refuse("signed_on", _("签字日期不能早于拟稿日期"))
    reply.signed_by_name, reply.signed_on = name, signed_on
    reply.save(update_fields=["signed_by_name", "signed_on"])
    event_record(proposal=proposal, kind=Kind.REPLY_SIGNED, actor=actor, note=name, data={"reply": reply.pk})
    return reply


@transaction.atomic
def proposal_reply_send(*, actor, proposal: Proposal) -> Reply:
    """Send the signed reply to the proposer. The lead waits for every co-handling unit's view of the
    first round. When every answering unit has sent, the proposal is replied and the proposer asked
    to rate it."""
    proposal = lock(proposal)
    require_status(proposal, *Proposal.HANDLING_STATUSES, action=_("发出答复"))
    assignment, reply = _draft_of(actor, proposal)
    if not reply.signed_by_name:
        refuse("signed_by_name", _("办理情况报告须经承办单位领导签字后才能发出"))
    if assignment.role == Role.LEAD and proposal.round == 1:
        missing = [
            a.unit.name
            for a in proposal.assignments.filter(withdrawn_at__isnull=True, role=Role.CO).select_related(
                "unit"
            )
            if not a.views.filter(round=proposal.round).exists()
        ]
        if missing:
            refuse("__all__", _("尚未收到会办单位的意见：%(units)s") % {"units": "、".join(missing)})
    reply.sent_at = timezone.now()
    reply.save(update_fields=["sent_at"])
    event = event_record(
        proposal=proposal,
        kind=Kind.REPLY_SENT,
        actor=actor,
        note=f"{reply.unit_name}（{reply.get_grade_display()}）",
        data={"reply": reply.pk, "grade": reply.grade, "round": reply.round},
    )
    notify(
        users=[proposal.proposer],
        key=f"reply:{event.pk}",
        subject=_("%(unit)s 答复了您的提案") % {"unit": reply.unit_name},
        body=label(proposal),
    )
    answering = proposal.assignments.filter(withdrawn_at__isnull=True, role__in=ANSWERING_ROLES)
    sent_units = set(
        proposal.replies.filter(round=proposal.round, sent_at__isnull=False).values_list("unit_id", flat=True)
    )
    if all(a.unit_id in sent_units for a in answering):
        lead_reply = proposal.replies.filter(
            round=proposal.round, unit__in=answering.filter(role=Role.LEAD).values("unit")
        ).first()
        proposal.status = Status.REPLIED
        proposal.replied_at = reply.sent_at
        proposal.grade = (lead_reply or reply).grade
        proposal.save(update_fields=["status", "replied_at", "grade"])
        done = event_record(proposal=proposal, kind=Kind.REPLIED, actor=actor, data={"round": proposal.round})
        notify(
            users=[proposal.proposer],
            key=f"rate:{done.pk}",
            subject=_("请评价提案办理情况：%(label)s") % {"label": label(proposal)},
            body=_("承办单位已全部答复，请对办理情况作出满意、基本满意或不满意的评价。"),
        )
        notify(
            users=office_staff(),
            key=f"replied:{done.pk}",
            subject=_("提案已答复：%(label)s") % {"label": label(proposal)},
            body=_("答复类别：%(grade)s") % {"grade": proposal.get_grade_display()},
        )
    return reply
