"""Demo proposals for `load_demo`: a session and three proposals at three stages of their life, entered
through the services by the demo city's proposal office, member and housing bureau handler."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from minsheng.accounts.models import Organisation, Role, User

from . import services
from .models import Proposal, ProposalSession

SESSION = "二届二次会议"

PARKING = {
    "title": "关于规范城区停车秩序的建议",
    "reason": "城区主干道和老旧小区周边乱停乱放现象突出，占用消防通道和人行道，影响通行和消防安全。",
    "suggestions": "（一）结合老旧小区改造增设公共停车位，规范路边停车管理。\n"
    "（二）加强停车秩序执法巡查，整治占用消防通道和人行道停车。",
}
HEATING = {
    "title": "关于解决老旧小区冬季供暖不热问题的建议",
    "reason": "部分老旧小区供热管网老化，冬季室温长期达不到标准，居民反复到信访部门反映。",
    "suggestions": "（一）排查老旧小区供热管网，列入年度改造计划。\n"
    "（二）建立供暖投诉快速处置机制，对室温不达标的及时整改并公开结果。",
}
LIBRARY = {
    "title": "关于延长市图书馆开放时间的建议",
    "reason": "市图书馆工作日晚间和节假日闭馆较早，学生和上班族难以利用。",
    "suggestions": "（一）工作日开放至晚上九点。\n（二）节假日正常开放，错峰安排馆员轮休。",
}


@dataclass
class DemoProposals:
    created: int = 0
    existing: bool = False


def proposals_demo_load() -> DemoProposals:
    """Once: a database that already has a proposal session is left alone."""
    if ProposalSession.objects.exists():
        return DemoProposals(existing=True)
    office = User.objects.filter(role=Role.PROPOSAL_OFFICE).order_by("pk").first()
    member = User.objects.filter(role=Role.MEMBER).order_by("pk").first()
    housing = Organisation.objects.filter(kind=Organisation.Kind.DEPARTMENT, name__contains="住房").first()
    handler = User.objects.filter(role=Role.HANDLER, organisation=housing).order_by("pk").first()
    if not (office and member and housing and handler):
        return DemoProposals()
    today = timezone.localdate()
    services.proposal_session_create(
        actor=office, name=SESSION, opens_on=dt.date(today.year, 1, 10), make_current=True
    )

    def submit(text: dict) -> Proposal:
        return services.proposal_submit(
            actor=office,
            proposer=member,
            proposer_unit_post=member.title,
            desired_departments="住建局",
            **text,
        )

    # Waiting for the office's review.
    submit(LIBRARY)
    # Admitted and with the housing bureau.
    heating = submit(HEATING)
    services.proposal_admit(actor=office, proposal=heating, review_opinion="同意立案，交市住建局办理。")
    services.proposal_assign(actor=office, proposal=heating, lead=housing)
    # Answered, rated and published.
    parking = submit(PARKING)
    services.proposal_admit(actor=office, proposal=parking, review_opinion="同意立案，交市住建局办理。")
    services.proposal_assign(actor=office, proposal=parking, lead=housing)
    services.proposal_reply_draft(
        actor=handler,
        proposal=parking,
        measures=[
            {"heading": "一、增设停车位。", "body": "今年结合老旧小区改造新增公共停车位 1200 个。"},
            {"heading": "二、加强执法巡查。", "body": "会同交警部门开展停车秩序专项整治，清理占道停车。"},
        ],
        grade="A",
        report="已逐项研究落实，并电话征求提案人意见。",
        unit_name=housing.name,
    )
    services.proposal_reply_sign(actor=handler, proposal=parking, signed_by_name="局长", signed_on=today)
    services.proposal_reply_send(actor=handler, proposal=parking)
    services.proposal_rate(actor=member, proposal=parking, rating="satisfied", comment="措施具体，已见成效。")
    services.proposal_publish(actor=office, proposal=parking)
    return DemoProposals(created=3)
