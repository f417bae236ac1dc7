"""Sending a registered matter on: transfer, assign, divert (Art 22, 23, 30, 31) and objections (Art 23)."""

import datetime as dt

from django.db import transaction

from minsheng.accounts.models import Organisation

from ..models import Matter, MatterEvent, Nature, Routing
from .notices import cn_date, matter_fields, notice_issue
from .steps import (
    BUREAU_ROLES,
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
    require_within,
    set_current_deadline,
    today,
)

STATUS_BY_KIND = {
    Routing.Kind.TRANSFER: Matter.Status.TRANSFERRED,
    Routing.Kind.ASSIGN: Matter.Status.ASSIGNED,
    Routing.Kind.DIVERT: Matter.Status.DIVERTED,
}
EVENT_BY_KIND = {
    Routing.Kind.TRANSFER: MatterEvent.Kind.TRANSFERRED,
    Routing.Kind.ASSIGN: MatterEvent.Kind.ASSIGNED,
    Routing.Kind.DIVERT: MatterEvent.Kind.DIVERTED,
}


def _check_router(actor, matter: Matter) -> Organisation:
    """The bureau routes what it registered or got back; a unit that received a matter directly may
    send it down its own system (Art 23). Returns the organisation that sends the matter."""
    require_role(actor, BUREAU_ROLES if in_bureau(actor) else UNIT_ROLES, "转送、交办或导入其他程序")
    if in_bureau(actor):
        return actor.organisation if actor.organisation_id else matter.receiving_org
    require_own_unit(actor, matter.receiving_org, "转送、交办本单位直接收到的信访事项")
    return actor.organisation


def _check_destination(
    matter: Matter, sender: Organisation, to_org: Organisation | None, kind: str, route: str
):
    if kind in (Routing.Kind.TRANSFER, Routing.Kind.ASSIGN) or route in Routing.ROUTE_ORG_KINDS:
        if to_org is None:
            refuse("请选择接收单位", "to_org")
        if not to_org.is_active:
            refuse("接收单位已停用", "to_org")
        if to_org.pk == sender.pk:
            refuse("不能转送给本单位", "to_org")
        if sender.kind != Organisation.Kind.PETITION_BUREAU and not to_org.path.startswith(sender.path):
            refuse("只能转送、交办本系统下级单位（第二十三条）", "to_org")
        wanted = Routing.ROUTE_ORG_KINDS.get(route)
        if wanted and to_org.kind != wanted:
            refuse(f"该途径应转送{Organisation.Kind(wanted).label}", "to_org")
    if matter.nature == Nature.ACCUSATION and (to_org is None or to_org.kind != Organisation.Kind.DISCIPLINE):
        # Art 22, 30: accusations go to the discipline organ, the only unit besides the bureau that
        # may see them; anywhere else nobody could ever accept them.
        refuse("检举控告类事项应转送纪检监察机关（第二十二条、第三十条）", "to_org")
    if matter.nature == Nature.ACCUSATION and to_org is not None and matter.concerned_org_id:
        # Art 30: accusation material never goes to the accused unit or anyone under it.
        accused = matter.concerned_org
        if to_org.path.startswith(accused.path):
            refuse("检举控告材料不得转给被检举、揭发的单位或其下级（第三十条）", "to_org")


@transaction.atomic
def matter_route(
    *,
    actor,
    matter: Matter,
    kind: str,
    to_org: Organisation | None = None,
    route: str = "",
    guidance: str = "",
    note: str = "",
    report_due_on: dt.date | None = None,
    routed_on: dt.date | None = None,
) -> Routing:
    """Transfer (转送), assign (交办, with a report deadline) or divert a registered matter."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.REGISTERED, step="转送、交办或导入其他程序")
    sender = _check_router(actor, matter)
    if kind not in Routing.Kind.values:
        refuse("请选择处理方式：转送、交办或依法分类导入", "kind")
    if kind == Routing.Kind.DIVERT:
        if route not in Routing.Route.values:
            refuse("请选择导入的途径", "route")
        if route not in Routing.ROUTE_ORG_KINDS:
            guidance = require_text(guidance, "guidance", "告知信访人向何处提出（机关名称、途径）", 2000)
            to_org = None
    elif route:
        refuse("只有依法分类导入需要选择途径", "route")
    _check_destination(matter, sender, to_org, kind, route)
    routed_on = routed_on or today()
    require_not_future(routed_on, "routed_on")
    if kind == Routing.Kind.ASSIGN:
        report_due_on = report_due_on or deadline("assign_report", routed_on).due
        if report_due_on <= routed_on:
            refuse("交办的反馈期限应晚于交办日期", "report_due_on")

    routing = Routing.objects.create(
        matter=matter,
        kind=kind,
        route=route,
        from_org=sender,
        to_org=to_org,
        guidance=guidance.strip(),
        note=(note or "").strip(),
        routed_on=routed_on,
        report_due_on=report_due_on,
        actor=actor,
    )
    from_status = matter.status
    matter.status = STATUS_BY_KIND[kind]
    matter.handling_org = to_org
    if to_org is not None and kind != Routing.Kind.DIVERT:
        accept = deadline("accept_notice", routed_on)
        matter.accept_due_on = accept.due
        matter.objection_due_on = deadline("objection", routed_on).due
        matter.report_due_on = report_due_on
        set_current_deadline(matter, kind="accept", result=accept)
    else:
        set_current_deadline(matter)
    _issue_routing_notice(matter=matter, routing=routing, actor=actor)
    target = to_org.name if to_org else routing.get_route_display()
    record_step(
        matter=matter,
        actor=actor,
        kind=EVENT_BY_KIND[kind],
        from_status=from_status,
        note=f"{routing.get_kind_display()}至{target}" + (f"：{routing.note}" if routing.note else ""),
        data={"routing": routing.pk, "to_org": to_org.pk if to_org else None, "route": route},
    )
    return routing


def _issue_routing_notice(*, matter: Matter, routing: Routing, actor) -> None:
    if routing.kind == Routing.Kind.DIVERT:
        where = routing.guidance or f"{routing.to_org.name}"
        notice_issue(
            matter=matter,
            kind="diversion_notice",
            actor=actor,
            issuer=routing.from_org,
            issued_on=routing.routed_on,
            paragraphs=[
                f"你于{cn_date(matter.received_at.astimezone().date())}提出的“{matter.title}”信访事项已收悉。",
                f"经审查，该事项属于{routing.get_route_display()}的范围，依照《信访工作条例》第二十二条、"
                f"第三十一条的规定，请你向{where}提出，或由我单位依法转送处理。",
                "特此告知。",
            ],
        )
        return
    kind = "assignment_form" if routing.kind == Routing.Kind.ASSIGN else "transfer_form"
    fields = [*matter_fields(matter), ("转送方式", routing.get_kind_display())]
    if routing.report_due_on:
        fields.append(("反馈期限", cn_date(routing.report_due_on)))
    notice_issue(
        matter=matter,
        kind=kind,
        actor=actor,
        issuer=routing.from_org,
        issued_on=routing.routed_on,
        addressee=routing.to_org.name,
        fields=fields,
        paragraphs=[
            f"现将{matter.title}信访事项{routing.get_kind_display()}你单位，请依照《信访工作条例》第二十三条的规定，"
            f"自收到之日起15日内书面告知信访人接收情况以及处理途径和程序。",
            "不属于你单位职权范围的，请自收到之日起5个工作日内提出异议并详细说明理由。",
            f"请于{cn_date(routing.report_due_on)}前反馈办理结果，并提交办结报告。"
            if routing.report_due_on
            else "",
        ],
    )


@transaction.atomic
def matter_object(*, actor, matter: Matter, reason: str, on: dt.date | None = None) -> Routing:
    """The receiving unit says "not ours" within 5 working days; the matter returns to the sender."""
    matter = lock_matter(actor=actor, matter=matter)
    require_status(matter, Matter.Status.TRANSFERRED, Matter.Status.ASSIGNED, step="提出异议")
    require_role(actor, UNIT_ROLES, "提出异议")
    require_own_unit(actor, matter.handling_org, "提出异议")
    on = on or today()
    require_not_future(on, "on")
    require_within(on, matter.objection_due_on, "5 个工作日的异议期限（第二十三条）")
    reason = require_text(reason, "reason", "异议理由", 5000)
    routing = matter.routings.filter(to_org=matter.handling_org, objected_on__isnull=True).latest("at")
    routing.objected_on, routing.objection_reason = on, reason
    routing.save(update_fields=["objected_on", "objection_reason"])
    from_status = matter.status
    matter.status = Matter.Status.REGISTERED
    matter.handling_org = None
    matter.accept_due_on = matter.objection_due_on = matter.report_due_on = None
    # Back at the sender it needs routing again; the Regulation sets no new limit, so the bureau's
    # own 15 days count afresh from the day the objection arrives.
    route = deadline("route", on)
    matter.route_due_on = route.due
    set_current_deadline(matter, kind="route", result=route)
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.OBJECTED,
        from_status=from_status,
        note=f"不属于本单位职权范围，退回{routing.from_org.name}：{reason}",
        data={"routing": routing.pk},
    )
    return routing
