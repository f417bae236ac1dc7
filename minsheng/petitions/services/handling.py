"""Accepting or rejecting a matter, handling it, one extension, and the written reply (Art 23, 31–34)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation, User
from minsheng.calendars.deadlines import deadline_compute
from minsheng.calendars.selectors import work_calendar
from minsheng.search.indexing import matters_reindex

from ..models import Extension, HandlingNote, Matter, MatterEvent, Reply
from .notices import cn_date, notice_issue
from .steps import (
    UNIT_ROLES,
    deadline,
    in_bureau,
    lock_matter,
    record_step,
    refuse,
    require_not_future,
    require_own_unit,
    require_role,
    require_status,
    require_text,
    set_current_deadline,
    today,
)

# States from which the unit holding a matter decides on it: sent to it, or received by it directly.
DECIDABLE = (Matter.Status.TRANSFERRED, Matter.Status.ASSIGNED, Matter.Status.REGISTERED)


def _deciding_unit(actor, matter: Matter, step: str) -> Organisation:
    require_status(matter, *DECIDABLE, step=step)
    require_role(actor, UNIT_ROLES, step)
    if matter.status == Matter.Status.REGISTERED:
        # Registered and not sent on: only a unit that received it directly decides (Art 23);
        # the bureau itself routes rather than accepts (Art 22).
        if matter.receiving_org.kind == Organisation.Kind.PETITION_BUREAU and not actor.is_superuser:
            refuse("信访局收到的事项应转送、交办或导入其他程序，而不是直接受理（第二十二条）", "status")
        require_own_unit(actor, matter.receiving_org, step)
        return matter.receiving_org
    require_own_unit(actor, matter.handling_org, step)
    return matter.handling_org


@transaction.atomic
def matter_accept(*, actor, matter: Matter, note: str = "", on: dt.date | None = None) -> Matter:
    matter = lock_matter(actor=actor, matter=matter)
    unit = _deciding_unit(actor, matter, "受理")
    on = on or today()
    require_not_future(on, "on")
    from_status = matter.status
    matter.status = Matter.Status.ACCEPTED
    matter.handling_org = unit
    matter.accepted_on = on
    handle = deadline(f"handle_{matter.nature}", on)
    matter.handle_due_on = handle.due
    set_current_deadline(matter, kind="handle", result=handle)
    notice_issue(
        matter=matter,
        kind="acceptance_notice",
        actor=actor,
        issuer=unit,
        issued_on=on,
        paragraphs=[
            f"你反映的“{matter.title}”信访事项，我单位已于{cn_date(on)}受理。",
            f"依照《信访工作条例》的规定，我单位将在{cn_date(handle.due)}前办结并书面答复你。"
            "办理期间如有新的情况，可与我单位联系。",
            "特此告知。",
        ],
    )
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.ACCEPTED,
        from_status=from_status,
        note=(note or "").strip() or f"受理，办理期限至 {handle.due:%Y-%m-%d}",
    )
    return matter


@transaction.atomic
def matter_reject(*, actor, matter: Matter, reason: str, on: dt.date | None = None) -> Matter:
    matter = lock_matter(actor=actor, matter=matter)
    unit = _deciding_unit(actor, matter, "不予受理")
    reason = require_text(reason, "reason", "不予受理的理由", 5000)
    on = on or today()
    require_not_future(on, "on")
    from_status = matter.status
    matter.status = Matter.Status.REJECTED
    matter.handling_org = unit
    set_current_deadline(matter)
    notice_issue(
        matter=matter,
        kind="rejection_notice",
        actor=actor,
        issuer=unit,
        issued_on=on,
        paragraphs=[
            f"你反映的“{matter.title}”信访事项，经审查，决定不予受理。",
            f"理由：{reason}",
            "特此告知。",
        ],
    )
    record_step(
        matter=matter, actor=actor, kind=MatterEvent.Kind.REJECTED, from_status=from_status, note=reason
    )
    return matter


@transaction.atomic
def handling_note_add(
    *, actor, matter: Matter, kind: str, text: str, agreement_reached: bool = False
) -> HandlingNote:
    """Investigation notes, mediation and settlement records (Art 31(六), 33); the state stays."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.ACCEPTED, step="记录办理情况")
    require_role(actor, UNIT_ROLES, "记录办理情况")
    require_own_unit(actor, matter.handling_org, "记录办理情况")
    if kind not in HandlingNote.Kind.values:
        refuse("请选择记录类型：调查核实、调解或和解", "kind")
    if agreement_reached and kind == HandlingNote.Kind.INVESTIGATION:
        refuse("只有调解或和解才有协议", "agreement_reached")
    note = HandlingNote.objects.create(
        matter=matter,
        kind=kind,
        text=require_text(text, "text", "记录内容"),
        agreement_reached=agreement_reached,
        actor=actor,
    )
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.HANDLING_NOTE,
        from_status=matter.status,
        note=f"{note.get_kind_display()}" + ("（达成协议）" if agreement_reached else ""),
        data={"handling_note": note.pk},
    )
    return note


@transaction.atomic
def matter_extend(*, actor, matter: Matter, days: int, reason: str, approved_by: User) -> Extension:
    """Art 34: once, at most 30 days, approved by the head of the handling unit, petitioner told why."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.ACCEPTED, step="延期")
    require_role(actor, UNIT_ROLES, "延期")
    require_own_unit(actor, matter.handling_org, "申请延期")
    if Extension.objects.filter(matter=matter).exists():
        refuse("该事项已经延期过一次，不能再次延期（第三十四条）", "days")
    limit = settings.DEADLINES["extension_max"][0]
    if not isinstance(days, int) or not 1 <= days <= limit:
        refuse(f"延长期限应为 1 至 {limit} 日（第三十四条）", "days")
    if approved_by is None or approved_by.organisation_id != matter.handling_org_id:
        refuse("延期须经承办单位负责人批准，请选择本单位的批准人", "approved_by")
    reason = require_text(reason, "reason", "延期理由", 5000)
    if today() > matter.handle_due_on:
        refuse(f"办理期限已于 {matter.handle_due_on:%Y-%m-%d} 届满，不能再延期", "deadline")
    # Counted on from the statutory period's own last day, so that 60 + 30 days end where 90 would,
    # however a holiday shifted the original due date.
    calendar = work_calendar()
    original = deadline_compute(
        kind=f"handle_{matter.nature}", event_day=matter.accepted_on, calendar=calendar
    )
    extended = calendar.extend(original, days)
    extension = Extension.objects.create(
        matter=matter,
        days=days,
        reason=reason,
        approved_by=approved_by,
        previous_due_on=matter.handle_due_on,
        new_due_on=extended.due,
        actor=actor,
    )
    matter.handle_due_on = extended.due
    set_current_deadline(matter, kind="handle", result=extended)
    notice_issue(
        matter=matter,
        kind="extension_notice",
        actor=actor,
        issuer=matter.handling_org,
        issued_on=today(),
        paragraphs=[
            f"你反映的“{matter.title}”信访事项，因{reason}，经本单位负责人批准，办理期限延长{days}日，"
            f"至{cn_date(extended.due)}。",
            "依照《信访工作条例》第三十四条的规定，特此告知延期理由。",
        ],
    )
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.EXTENDED,
        from_status=matter.status,
        note=f"延期 {days} 日至 {extended.due:%Y-%m-%d}，批准人 {approved_by.display_name}：{reason}",
        data={"extension": extension.pk},
    )
    return extension


def opinion_create(
    *,
    matter: Matter,
    actor,
    stage: str,
    organisation: Organisation | None,
    served_on: dt.date | None,
    **parts,
) -> Reply:
    """The written answer of any stage (Art 32, 35, 36): four parts and an outcome, served by today."""
    values = reply_fields(**parts)
    served_on = served_on or today()
    if served_on > today():
        refuse("送达日期不能晚于今天", "served_on")
    reply = Reply.objects.create(
        matter=matter,
        stage=stage,
        replied_at=timezone.now(),
        served_on=served_on,
        organisation=organisation,
        author=actor,
        **values,
    )
    # The answer's text is searched with the matter's own.
    matters_reindex(matter_ids=[matter.pk])
    return reply


def reply_fields(*, request: str, facts_and_reasons: str, text: str, basis: str, outcome: str) -> dict:
    errors = {}
    values = {}
    for field, label, value in (
        ("request", "投诉请求", request),
        ("facts_and_reasons", "事实和理由", facts_and_reasons),
        ("text", "处理意见", text),
        ("basis", "法律法规及政策依据", basis),
    ):
        try:
            values[field] = require_text(value, field, label)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if outcome not in Reply.Outcome.values:
        errors["outcome"] = ["请选择处理结果：支持、解释说明或不予支持（第三十二条）"]
    if errors:
        raise ValidationError(errors)
    return {**values, "outcome": outcome}


@transaction.atomic
def matter_reply(
    *,
    actor,
    matter: Matter,
    request: str,
    facts_and_reasons: str,
    text: str,
    basis: str,
    outcome: str,
    served_on: dt.date | None = None,
) -> Reply:
    """The 信访处理意见书 (Art 32). The 30-day window to request review starts when it is served."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.ACCEPTED, step="答复")
    require_role(actor, UNIT_ROLES, "答复")
    require_own_unit(actor, matter.handling_org, "答复")
    reply = opinion_create(
        matter=matter,
        actor=actor,
        stage=Reply.Stage.HANDLING,
        organisation=matter.handling_org,
        served_on=served_on,
        request=request,
        facts_and_reasons=facts_and_reasons,
        text=text,
        basis=basis,
        outcome=outcome,
    )
    served_on = reply.served_on
    from_status = matter.status
    matter.status = Matter.Status.REPLIED
    window = deadline("review_request", served_on)
    matter.review_request_due_on = window.due
    set_current_deadline(matter)
    # No deadline binds the unit now, but the petitioner's window may still lie in a year without
    # holiday data, and closing relies on it.
    matter.deadline_uncertain = window.uncertain
    notice_issue(
        matter=matter,
        kind="reply_opinion",
        actor=actor,
        issuer=matter.handling_org,
        issued_on=served_on,
        paragraphs=opinion_paragraphs(reply, next_step="复查", window_end=matter.review_request_due_on),
    )
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.REPLIED,
        from_status=from_status,
        note=f"出具信访处理意见书：{reply.get_outcome_display()}",
        data={"reply": reply.pk},
    )
    return reply


def opinion_paragraphs(reply: Reply, *, next_step: str, window_end: dt.date | None) -> list[str]:
    closing = (
        f"如对本意见不服，可自收到本意见书之日起30日内（至{cn_date(window_end)}）向上一级机关、单位请求{next_step}。"
        if window_end
        else "信访人对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理（第三十六条）。"
    )
    matter = reply.matter
    received = cn_date(timezone.localtime(matter.received_at).date())
    return [
        f"你于{received}反映的“{matter.title}”信访事项（编号{matter.number}），现将{reply.get_stage_display()}告知如下：",
        f"一、投诉请求：{reply.request}",
        f"二、事实和理由：{reply.facts_and_reasons}",
        f"三、处理意见：{reply.text}（{reply.get_outcome_display()}）",
        f"四、依据：{reply.basis}",
        closing,
    ]


def bureau_acts_for(actor, organisation: Organisation | None) -> bool:
    """The bureau records steps for upper-level bodies that have no staff in the system."""
    return in_bureau(actor) and (
        organisation is None
        or organisation.kind
        in (
            Organisation.Kind.CITY,
            Organisation.Kind.LEADERSHIP,
            Organisation.Kind.PETITION_BUREAU,
        )
    )
