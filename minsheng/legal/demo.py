"""Demo data for the lawyers' pages, through the real services: a duty roster for this month and the
next, half a year of consultations (about 300 a year, as the bureau reports), and a few matters with a
lawyer assigned — one declared and answered with an opinion and a mediation, one withdrawn for a conflict,
one waiting for the declaration.

Idempotent: each part is skipped when its records already exist. Called by `manage.py load_demo` after
the demo city and its matters are built.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.services import user_create
from minsheng.petitions.models import Matter, Nature

from . import services
from .models import Consultation, DutyShift, LawyerAssignment
from .selectors import lawyers_available, month_bounds

DEMO_PASSWORD = "Minsheng@2026"
# Lawyers added beside the demo city's own, so that the roster has someone to rotate.
EXTRA_LAWYERS = (("lvshi_zhou", "周晓燕"), ("lvshi_chen", "陈立新"))
CONSULTATION_DAYS = 182

CONSULTATIONS = (
    (
        "labour",
        "在工地干了半年，包工头拖欠工资三万多元，人找不到了怎么办？",
        "可向劳动保障监察机构投诉，也可申请劳动仲裁；施工总承包单位对农民工工资负有先行清偿责任。",
    ),
    (
        "labour",
        "单位不给交社保，辞职后能要求补偿吗？",
        "用人单位未依法缴纳社会保险费的，劳动者可以解除劳动合同并要求支付经济补偿，并可要求补缴。",
    ),
    (
        "land",
        "村里把我家承包地调给别人，合法吗？",
        "承包期内发包方不得调整承包地；确需个别调整的，须经村民会议三分之二以上成员同意并报批。",
    ),
    (
        "land",
        "征地补偿款村里一直不发，该找谁？",
        "可向乡镇人民政府反映，也可就补偿款分配向人民法院提起诉讼；地上附着物和青苗补偿费归所有者。",
    ),
    (
        "housing",
        "物业公司服务差，能不能不交物业费？",
        "不能以服务差为由拒交物业费；可通过业主大会解聘物业公司，或就服务不达标要求违约责任。",
    ),
    (
        "housing",
        "买的房子五年了还办不下房产证，开发商要承担什么责任？",
        "可依合同约定要求开发商承担逾期办证的违约责任；合同未约定的，可参照司法解释计算违约金。",
    ),
    (
        "marriage",
        "离婚后孩子抚养费一般怎么算？",
        "一般按给付方月总收入的百分之二十至三十确定，有特殊情况的可适当提高或降低。",
    ),
    (
        "marriage",
        "老人去世没留遗嘱，房子怎么分？",
        "按法定继承办理：第一顺序继承人为配偶、子女、父母，同一顺序继承人一般均等分配。",
    ),
    (
        "contract",
        "借给朋友五万元只有微信聊天记录，能起诉吗？",
        "微信聊天记录和转账记录可以作为证据，建议完整保存原始载体后向人民法院起诉。",
    ),
    (
        "tort",
        "被邻居家的狗咬伤，医药费谁出？",
        "饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任，可要求赔偿医疗费等损失。",
    ),
    (
        "social_security",
        "家里老人重病，能申请低保吗？",
        "家庭人均收入低于当地低保标准且符合财产条件的，可向乡镇人民政府提出申请，也可申请临时救助。",
    ),
    (
        "administrative",
        "对拆除违建的决定不服，可以怎么办？",
        "可在法定期限内申请行政复议或提起行政诉讼；期间注意保存有关文书和证据。",
    ),
    (
        "procedure",
        "信访事项已经答复了，不服还能怎么办？",
        "可自收到书面答复之日起 30 日内请求上一级机关复查，对复查意见不服可再请求复核。",
    ),
    (
        "other",
        "网上购物收到假货，商家不退款怎么办？",
        "可向市场监管部门投诉，也可要求经营者退货退款并依法主张惩罚性赔偿。",
    ),
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


@dataclass
class LegalDemoReport:
    lawyers_created: int = 0
    shifts_created: int = 0
    consultations_created: int = 0
    assignments_created: int = 0
    notes: list[str] = field(default_factory=list)


def legal_demo_load(*, seed: int = 67, today: dt.date | None = None) -> LegalDemoReport:
    today = today or timezone.localdate()
    report = LegalDemoReport()
    bureau = Organisation.objects.filter(kind=Organisation.Kind.PETITION_BUREAU).order_by("path").first()
    supervisor = (
        User.objects.filter(role=Role.SUPERVISOR, organisation=bureau, is_active=True).order_by("pk").first()
        if bureau
        else None
    )
    if supervisor is None:
        report.notes.append("没有信访局督办员，跳过律师演示数据")
        return report
    rng = random.Random(seed)
    with transaction.atomic():
        _ensure_lawyers(report)
        lawyers = list(lawyers_available())
        _roster(report, supervisor, lawyers, today)
        _consultations(report, supervisor, lawyers, today, rng)
        _assignments(report, supervisor, lawyers, today)
    return report


def _ensure_lawyers(report: LegalDemoReport) -> None:
    firm = Organisation.objects.filter(kind=Organisation.Kind.LAW_FIRM).order_by("path").first()
    if firm is None:
        return
    for username, full_name in EXTRA_LAWYERS:
        if not User.objects.filter(username=username).exists():
            user_create(
                username=username,
                password=DEMO_PASSWORD,
                full_name=full_name,
                role=Role.LAWYER,
                organisation=firm,
                title="专职律师",
            )
            report.lawyers_created += 1


def _roster(report, supervisor, lawyers, today) -> None:
    if not lawyers:
        return
    first_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    for start in (today.replace(day=1), first_next):
        begin, end = month_bounds(start.year, start.month)
        if DutyShift.objects.filter(organisation=supervisor.organisation, day__range=(begin, end)).exists():
            continue
        plan = services.duty_roster_plan(
            actor=supervisor, year=start.year, month=start.month, lawyers=lawyers
        )
        report.shifts_created += len(plan.created)


def _consultations(report, supervisor, lawyers, today, rng) -> None:
    if not lawyers or Consultation.objects.exists():
        return
    for offset in range(CONSULTATION_DAYS, -1, -1):
        day = today - dt.timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            topic, question, advice = rng.choice(CONSULTATIONS)
            named = rng.random() < 0.6
            services.consultation_record(
                actor=supervisor,
                consulted_on=day,
                lawyer=rng.choice(lawyers),
                topic=topic,
                question=question,
                advice=advice,
                person_name=f"{rng.choice(SURNAMES)}{rng.choice('先生女士')}" if named else "",
                phone_number=f"139{rng.randrange(10**8):08d}" if named and rng.random() < 0.5 else "",
            )
            report.consultations_created += 1


def _assignments(report, supervisor, lawyers, today) -> None:
    if len(lawyers) < 2 or LawyerAssignment.objects.exists():
        return
    claims = list(
        Matter.objects.filter(nature=Nature.CLAIM, status=Matter.Status.ACCEPTED).order_by("-received_at")[:3]
    )
    if len(claims) < 3:
        report.notes.append("已受理的申诉求决类事项不足 3 件，跳过律师指派演示")
        return
    answered, withdrawn, waiting = claims
    first, second = lawyers[0], lawyers[1]
    active = services.lawyer_assignment_create(
        actor=supervisor, matter=answered, lawyer=first, request="请就争议的性质和依法解决途径提出法律意见"
    )
    services.conflict_declaration_record(actor=first, assignment=active, has_conflict=False, confirmed=True)
    services.legal_opinion_give(
        actor=first,
        assignment=active,
        facts="信访人反映的争议发生在平等民事主体之间，双方对款项金额和支付期限存在分歧，已有书面约定。",
        analysis="该争议属于合同纠纷，双方约定明确，信访人可依约主张权利；行政机关无权直接裁决双方的民事权利义务。",
        route="litigation",
        basis="《中华人民共和国民法典》第五百零九条\n《中华人民共和国民法典》第五百七十七条\n《信访工作条例》第三十一条第一项",
        given_on=today,
    )
    services.mediation_record(
        actor=first,
        matter=answered,
        held_on=today,
        place="群众来访服务中心调解室",
        parties="信访人及被反映单位的负责人",
        lawyers=[first],
        outcome="agreed",
        result="双方同意按书面约定的金额分两期结清，首期于本月底前支付。",
        consent=True,
    )
    conflict = services.lawyer_assignment_create(actor=supervisor, matter=withdrawn, lawyer=second)
    services.conflict_declaration_record(
        actor=second,
        assignment=conflict,
        has_conflict=True,
        relation="本人所在律师事务所为被反映单位的常年法律顾问",
    )
    services.lawyer_assignment_create(actor=supervisor, matter=withdrawn, lawyer=first)
    services.lawyer_assignment_create(actor=supervisor, matter=waiting, lawyer=second)
    report.assignments_created = 4
