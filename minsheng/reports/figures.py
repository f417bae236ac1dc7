"""The figures of the period report: their labels, units and definitions (口径), in the order shown.

The figures of leader reception, meetings, instructions, lawyers and publicity are counted by the
apps that record them (settings.REPORT_FIGURES); what each means to a reader is said here, so that
the page, the PDF, the Excel file and the API explain them in the same words.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

RECEPTION = "reception"
LEGAL = "legal"
PUBLICITY = "publicity"
PETITIONS = "petitions"
OTHER = "other"

SECTIONS = {
    RECEPTION: _("领导接访与批示"),
    LEGAL: _("法律工作者参与信访"),
    PUBLICITY: _("信访宣传"),
    PETITIONS: _("信访事项办理"),
    OTHER: _("其他"),
}

COUNT = "count"
RATE = "rate"


@dataclass(frozen=True)
class FigureSpec:
    key: str
    section: str
    label: str
    unit: str
    definition: str
    kind: str = COUNT  # a rate is a percentage with one decimal, None when nothing was due


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "joint_meetings",
        RECEPTION,
        _("信访工作联席（专题）会议"),
        _("次"),
        _("本单位及下级单位召集的信访工作联席会议（例会和专题会议），按会议日期计入统计期。"),
    ),
    FigureSpec(
        "reception_sessions",
        RECEPTION,
        _("领导坐班接访"),
        _("次"),
        _("领导在群众来访服务中心坐班接访的场次，按接访日期、接访地单位统计；一名领导一天计一次。"),
    ),
    FigureSpec(
        "field_visits",
        RECEPTION,
        _("领导下访"),
        _("次"),
        _("领导到乡镇（街道）、村（社区）下访接待群众的次数，计入所到的单位。"),
    ),
    FigureSpec(
        "appointments",
        RECEPTION,
        _("领导约访"),
        _("次"),
        _(
            "对案情复杂、化解难度大的信访问题，领导约请信访人面谈且已举行的次数，按约访举行日期和地点单位统计。"
        ),
    ),
    FigureSpec(
        "visit_batches",
        RECEPTION,
        _("领导接待上访群众批次"),
        _("批次"),
        _("领导坐班接访和下访中接待的来访群众，每次来访登记算一批次（集体访也算一批次）。"),
    ),
    FigureSpec(
        "person_visits",
        RECEPTION,
        _("领导接待上访群众人次"),
        _("人次"),
        _("上述批次登记的来访人数之和。"),
    ),
    FigureSpec(
        "instructions",
        RECEPTION,
        _("重要信访批示"),
        _("件次"),
        _(
            "领导作出的信访批示（含接访、约访中的现场批示），按批示日期计入统计期；按作出批示的领导所属辖区统计，市四大班子领导的批示计入全市。"
        ),
    ),
    FigureSpec(
        "legal_consultations",
        LEGAL,
        _("免费法律咨询"),
        _("人次"),
        _("法律工作者为群众提供免费法律咨询的人次，按咨询日期和咨询地点（默认群众来访服务中心）统计。"),
    ),
    FigureSpec(
        "legal_opinions",
        LEGAL,
        _("法律意见"),
        _("件"),
        _("法律工作者就涉法涉诉等信访事项出具的法律意见（含依法分类处理建议），计入请律师参与的单位。"),
    ),
    FigureSpec(
        "mediations",
        LEGAL,
        _("律师参与调解"),
        _("次"),
        _("法律工作者参与协调、调解信访矛盾纠纷的次数，计入请律师参与的单位。"),
    ),
    FigureSpec(
        "publicity_activities",
        PUBLICITY,
        _("宣传活动"),
        _("次"),
        _("本单位及下级单位组织的《信访工作条例》等信访法治宣传活动，按活动日期计入统计期。"),
    ),
    FigureSpec(
        "materials_distributed",
        PUBLICITY,
        _("发放宣传资料"),
        _("份"),
        _("上述宣传活动中发放的宣传手册、资料份数之和。"),
    ),
    FigureSpec(
        "questionnaires_collected",
        PUBLICITY,
        _("调查问卷"),
        _("份"),
        _("上述宣传活动中收回的调查问卷份数之和。"),
    ),
    FigureSpec(
        "consultations_answered",
        PUBLICITY,
        _("接受群众咨询"),
        _("人次"),
        _("上述宣传活动中为群众答疑解惑的人次之和。"),
    ),
    FigureSpec(
        "people_reached",
        PUBLICITY,
        _("受益群众"),
        _("人"),
        _("上述宣传活动惠及的群众人数之和。"),
    ),
    FigureSpec(
        "matters_received",
        PETITIONS,
        _("登记信访事项"),
        _("件"),
        _(
            "首次信访件的收到时间在统计期内、由本单位及下级单位登记的信访事项；"
            "同一事项的后续信访件不另计事项。"
        ),
    ),
    FigureSpec(
        "submissions",
        PETITIONS,
        _("信访件"),
        _("件"),
        _(
            "统计期内本单位及下级单位登记收到的全部信访件（来信、来访、电话、网上信访、领导信箱、上级转来），"
            "含同一事项的重复信访。"
        ),
    ),
    FigureSpec(
        "petition_visit_batches",
        PETITIONS,
        _("来访批次"),
        _("批次"),
        _("上述信访件中的来访件数，一次来访登记为一批次。"),
    ),
    FigureSpec(
        "petition_person_visits",
        PETITIONS,
        _("来访人次"),
        _("人次"),
        _("上述来访件的来访人数之和。"),
    ),
    FigureSpec("channel_letter", PETITIONS, _("来信"), _("件"), _("上述信访件中的来信。")),
    FigureSpec("channel_phone", PETITIONS, _("电话"), _("件"), _("上述信访件中的电话信访。")),
    FigureSpec("channel_online", PETITIONS, _("网上信访"), _("件"), _("上述信访件中的网上信访。")),
    FigureSpec(
        "channel_leader_mailbox", PETITIONS, _("领导信箱"), _("件"), _("上述信访件中经领导信箱收到的。")
    ),
    FigureSpec(
        "channel_transferred_in", PETITIONS, _("上级转来"), _("件"), _("上述信访件中由上级机关转来的。")
    ),
    FigureSpec(
        "repeat_submissions",
        PETITIONS,
        _("重复信访件"),
        _("件"),
        _("上述信访件中，同一信访人就同一事项再次提出的信访件。"),
    ),
    FigureSpec(
        "repeat_rate",
        PETITIONS,
        _("重复信访率"),
        "%",
        _("重复信访件 ÷ 信访件。"),
        RATE,
    ),
    FigureSpec(
        "accept_due",
        PETITIONS,
        _("应按期告知受理的事项"),
        _("件"),
        _(
            "由本单位及下级单位负责受理告知的事项中（承办单位，尚未转出的为登记单位），"
            "统计期内按期作出受理、不予受理或依法分类处理告知的事项，加上受理告知期限"
            "（第二十三条，15 日）在统计期内届满而未按期告知的事项；期限未到且尚未告知的不计入。"
            "承办单位提出异议退回的，不计入该单位。"
        ),
    ),
    FigureSpec(
        "accepted_on_time",
        PETITIONS,
        _("按期告知受理"),
        _("件"),
        _("上述事项中，受理日期、不予受理告知书或依法分类处理告知书的成文日期不晚于受理告知期限的。"),
    ),
    FigureSpec(
        "accepted_on_time_rate",
        PETITIONS,
        _("按期受理率"),
        "%",
        _("按期告知受理 ÷ 应按期告知受理的事项。"),
        RATE,
    ),
    FigureSpec(
        "handle_due",
        PETITIONS,
        _("应按期办结的事项"),
        _("件"),
        _(
            "本单位及下级单位承办的已受理事项中，统计期内在办理期限（含经批准的延期，第三十二条、第三十四条）"
            "内送达信访处理意见书的事项，加上办理期限在统计期内届满而未按期答复的事项；"
            "期限未到且尚未答复的不计入。每件事项只计入一个统计期。"
        ),
    ),
    FigureSpec(
        "completed_on_time",
        PETITIONS,
        _("按期办结"),
        _("件"),
        _("上述事项中，信访处理意见书的送达日期不晚于办理期限（含延期）的。"),
    ),
    FigureSpec(
        "completed_on_time_rate",
        PETITIONS,
        _("按期办结率"),
        "%",
        _("按期办结 ÷ 应按期办结的事项。"),
        RATE,
    ),
    FigureSpec(
        "rated_matters",
        PETITIONS,
        _("参与满意度评价的事项"),
        _("件"),
        _(
            "本单位及下级单位承办的事项中，最近一次有效满意度评价记录于统计期内的事项；"
            "一件事项只计其最近一次评价。"
        ),
    ),
    FigureSpec(
        "satisfied",
        PETITIONS,
        _("满意"),
        _("件"),
        _("上述事项中评价为“满意”的。"),
    ),
    FigureSpec(
        "basically_satisfied",
        PETITIONS,
        _("基本满意"),
        _("件"),
        _("上述事项中评价为“基本满意”的。"),
    ),
    FigureSpec(
        "unsatisfied",
        PETITIONS,
        _("不满意"),
        _("件"),
        _("上述事项中评价为“不满意”的。"),
    ),
    FigureSpec(
        "satisfaction_rate",
        PETITIONS,
        _("群众满意率"),
        "%",
        _("（满意 + 基本满意）÷ 参与满意度评价的事项。"),
        RATE,
    ),
)

FIGURES_BY_KEY = {spec.key: spec for spec in FIGURES}

# Keys the other apps' period_figures functions are expected to return.
CONTRIBUTED_KEYS = tuple(spec.key for spec in FIGURES if spec.section != PETITIONS)


def spec_for(key: str) -> FigureSpec:
    """The spec of a key; a key an app returns that this catalogue does not know yet is still shown."""
    return FIGURES_BY_KEY.get(key) or FigureSpec(key, OTHER, key, "", "")


# The petitions figures shown as four small tables rather than one long one.
PETITION_GROUPS = (
    (
        _("收件情况"),
        (
            "matters_received",
            "submissions",
            "petition_visit_batches",
            "petition_person_visits",
            "channel_letter",
            "channel_phone",
            "channel_online",
            "channel_leader_mailbox",
            "channel_transferred_in",
            "repeat_submissions",
            "repeat_rate",
        ),
    ),
    (_("按期受理"), ("accept_due", "accepted_on_time", "accepted_on_time_rate")),
    (_("按期办结"), ("handle_due", "completed_on_time", "completed_on_time_rate")),
    (
        _("群众满意度"),
        ("rated_matters", "satisfied", "basically_satisfied", "unsatisfied", "satisfaction_rate"),
    ),
)
