"""Review (复查, Art 35) and recheck (复核, Art 36) at the upper level, hearings, and closing a matter."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction

from minsheng.accounts.models import Organisation, Role
from minsheng.calendars.deadlines import deadline_compute
from minsheng.calendars.selectors import work_calendar

from ..models import Matter, MatterEvent, Reconsideration, Reply
from .handling import bureau_acts_for, opinion_create, opinion_paragraphs
from .notices import notice_issue
from .steps import (
    BUREAU_ROLES,
    UNIT_ROLES,
    deadline,
    in_bureau,
    lock_matter,
    record_step,
    refuse,
    require_not_future,
    require_role,
    require_status,
    require_within,
    set_current_deadline,
    today,
)

STAGES = {
    Reconsideration.Stage.REVIEW: {
        "label": "复查",
        "from": Matter.Status.REPLIED,
        "requested": Matter.Status.REVIEW_REQUESTED,
        "decided": Matter.Status.REVIEWED,
        "window": "review_request_due_on",
        "due": "review_due_on",
        "opinion_kind": "review_opinion",
        "deadline": "review_opinion",
        "article": "第三十五条",
        "request_event": MatterEvent.Kind.REVIEW_REQUESTED,
        "decided_event": MatterEvent.Kind.REVIEWED,
    },
    Reconsideration.Stage.RECHECK: {
        "label": "复核",
        "from": Matter.Status.REVIEWED,
        "requested": Matter.Status.RECHECK_REQUESTED,
        "decided": Matter.Status.FINAL,
        "window": "recheck_request_due_on",
        "due": "recheck_due_on",
        "opinion_kind": "recheck_opinion",
        "deadline": "recheck_opinion",
        "article": "第三十六条",
        "request_event": MatterEvent.Kind.RECHECK_REQUESTED,
        "decided_event": MatterEvent.Kind.FINAL,
    },
}


def _upper_level(matter: Matter, stage: str) -> tuple[Organisation | None, str]:
    """The upper-level body of the unit that gave the opinion being challenged."""
    if stage == Reconsideration.Stage.REVIEW:
        below = matter.handling_org
    else:
        below = matter.reconsiderations.get(stage=Reconsideration.Stage.REVIEW).organisation
    upper = below.parent if below is not None else None
    if upper is None:
        return None, f"{below.name if below else '原办理机关'}的上一级机关"
    return upper, upper.name


def _may_act_for(actor, organisation: Organisation | None) -> bool:
    return (
        actor.is_superuser
        or bureau_acts_for(actor, organisation)
        or (organisation is not None and actor.organisation_id == organisation.pk)
    )


@transaction.atomic
def reconsideration_request(
    *,
    actor,
    matter: Matter,
    stage: str,
    reason: str = "",
    requested_on: dt.date | None = None,
    by_petitioner_online: bool = False,
) -> Reconsideration:
    """Record a petitioner's request for review or recheck, received within its 30-day window.

    `by_petitioner_online`: the petitioner asks on the public portal (minsheng.portal has checked
    they hold the query code); there is no staff `actor`, and the request is received today."""
    if stage not in STAGES:
        refuse("请选择复查或复核", "stage")
    rules = STAGES[stage]
    if by_petitioner_online and (actor is not None or requested_on is not None):
        raise PermissionDenied("网上申请只能由信访人本人当日提交")
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, rules["from"], step=f"申请{rules['label']}")
    organisation, name = _upper_level(matter, stage)
    if not by_petitioner_online:
        require_role(actor, (Role.REGISTRAR, *BUREAU_ROLES, Role.HANDLER), f"登记{rules['label']}申请")
        if not (in_bureau(actor) or _may_act_for(actor, organisation)):
            raise PermissionDenied(f"{rules['label']}申请由信访局或{name}登记")
    requested_on = requested_on or today()
    if requested_on > today():
        refuse("收到申请的日期不能晚于今天", "requested_on")
    require_within(
        requested_on,
        getattr(matter, rules["window"]),
        f"申请{rules['label']}的 30 日期限（{rules['article']}）",
    )
    due = deadline(rules["deadline"], requested_on)
    case = Reconsideration.objects.create(
        matter=matter,
        stage=stage,
        organisation=organisation,
        organisation_name=name,
        requested_on=requested_on,
        reason=(reason or "").strip(),
        due_on=due.due,
        actor=actor,
    )
    from_status = matter.status
    matter.status = rules["requested"]
    setattr(matter, rules["due"], due.due)
    set_current_deadline(matter, kind=stage, result=due)
    record_step(
        matter=matter,
        actor=actor,
        kind=rules["request_event"],
        from_status=from_status,
        note=f"信访人请求{name}{rules['label']}" + (f"：{case.reason}" if case.reason else ""),
        data={"reconsideration": case.pk},
    )
    return case


@transaction.atomic
def recheck_hearing_record(*, actor, matter: Matter, days: int, note: str = "") -> Reconsideration:
    """Art 36: time spent on a hearing is not counted in the 30 days, so the deadline moves by it."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.RECHECK_REQUESTED, step="记录听证")
    case = matter.reconsiderations.get(stage=Reconsideration.Stage.RECHECK)
    require_role(actor, UNIT_ROLES, "记录听证")
    if not _may_act_for(actor, case.organisation):
        raise PermissionDenied(f"听证由{case.organisation_name}记录")
    if not isinstance(days, int) or not 1 <= days <= 365:
        refuse("听证用时应为 1 至 365 日", "days")
    # The whole hearing time is added to the statutory 30 days, counted from the request again, so
    # several hearings add up exactly and a holiday shift is never counted twice.
    calendar = work_calendar()
    case.hearing_days += days
    statutory = deadline_compute(kind="recheck_opinion", event_day=case.requested_on, calendar=calendar)
    moved = calendar.extend(statutory, case.hearing_days)
    case.due_on = moved.due
    case.save(update_fields=["hearing_days", "due_on"])
    matter.recheck_due_on = moved.due
    set_current_deadline(matter, kind=Reconsideration.Stage.RECHECK, result=moved)
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.HEARING,
        from_status=matter.status,
        note=f"听证用时 {days} 日，不计入复核期限，期限顺延至 {moved.due:%Y-%m-%d}"
        + (f"：{note}" if note else ""),
        data={"reconsideration": case.pk, "days": days},
    )
    return case


@transaction.atomic
def reconsideration_decide(
    *,
    actor,
    matter: Matter,
    stage: str,
    request: str,
    facts_and_reasons: str,
    text: str,
    basis: str,
    outcome: str,
    served_on: dt.date | None = None,
) -> Reply:
    """The review opinion (复查意见书) or the recheck opinion (复核意见书), after which a matter is final."""
    if stage not in STAGES:
        refuse("请选择复查或复核", "stage")
    rules = STAGES[stage]
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, rules["requested"], step=f"出具{rules['label']}意见")
    case = matter.reconsiderations.get(stage=stage)
    require_role(actor, UNIT_ROLES, f"出具{rules['label']}意见")
    if not _may_act_for(actor, case.organisation):
        raise PermissionDenied(f"{rules['label']}意见由{case.organisation_name}出具")
    reply = opinion_create(
        matter=matter,
        actor=actor,
        stage=Reply.Stage(stage),
        organisation=case.organisation,
        served_on=served_on,
        request=request,
        facts_and_reasons=facts_and_reasons,
        text=text,
        basis=basis,
        outcome=outcome,
    )
    served_on = reply.served_on
    case.decided_on = served_on
    case.save(update_fields=["decided_on"])
    from_status = matter.status
    matter.status = rules["decided"]
    window_end = None
    set_current_deadline(matter)
    if stage == Reconsideration.Stage.REVIEW:
        window = deadline("recheck_request", served_on)
        window_end = matter.recheck_request_due_on = window.due
        matter.deadline_uncertain = window.uncertain
    else:
        matter.closed_on = served_on
    issuer = case.organisation or actor.organisation
    notice_issue(
        matter=matter,
        kind=rules["opinion_kind"],
        actor=actor,
        issuer=issuer,
        issued_on=served_on,
        paragraphs=opinion_paragraphs(reply, next_step="复核", window_end=window_end),
    )
    record_step(
        matter=matter,
        actor=actor,
        kind=rules["decided_event"],
        from_status=from_status,
        note=f"{case.organisation_name}出具{rules['label']}意见：{reply.get_outcome_display()}",
        data={"reply": reply.pk, "reconsideration": case.pk},
    )
    return reply


@transaction.atomic
def matter_close(*, actor, matter: Matter, on: dt.date | None = None) -> Matter:
    """Close a replied or reviewed matter once the petitioner's window to ask further has lapsed."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.REPLIED, Matter.Status.REVIEWED, step="办结")
    if actor is not None:
        require_role(actor, BUREAU_ROLES, "办结")
    on = on or today()
    require_not_future(on, "on")
    window = (
        matter.review_request_due_on
        if matter.status == Matter.Status.REPLIED
        else matter.recheck_request_due_on
    )
    if window is not None and on <= window:
        next_step = "复查" if matter.status == Matter.Status.REPLIED else "复核"
        refuse(f"信访人可在 {window:%Y-%m-%d} 前请求{next_step}，期满后才能办结", "deadline")
    from_status = matter.status
    matter.status = Matter.Status.CLOSED
    matter.closed_on = on
    set_current_deadline(matter)
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.CLOSED,
        from_status=from_status,
        note="请求期限届满，未申请复查或复核，办结",
    )
    return matter
