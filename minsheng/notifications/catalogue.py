"""The messages petitioners receive, one event each, with their default Chinese wording.

An event names the placeholders its text may use; rendering refuses any other (and any missing
value), so a typo in a default or in the bureau's override (MessageTemplate) fails loudly instead of
sending "{untis}" to a citizen. Placeholders carry only what may pass through an SMS gateway — the
matter's number, a unit's name, dates, a pointer to the portal — never a name, ID number, address or
the matter's content, so no text built here can leak them.

Default texts are short enough for one or two SMS segments (under ~120 characters). E-mail uses the
subject and the same text with a closing line; in-app messages use subject and text.
"""

import string
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


class TemplateError(ValueError):
    """A template uses a placeholder its event does not have, or a value is missing."""


@dataclass(frozen=True)
class EventSpec:
    code: str
    label: str
    subject: str
    text: str
    placeholders: tuple[str, ...]
    required: tuple[str, ...] = ("matter_number",)
    # "petitioner": an SMS to the public; "staff": an in-app message to the unit.
    audience: str = "petitioner"


COMMON = ("matter_number", "unit", "query_hint")

_SPECS = [
    EventSpec(
        "registered",
        _("已登记"),
        _("信访事项{matter_number}已登记"),
        _("您反映的信访事项已由{unit}登记，编号{matter_number}。{query_hint}"),
        COMMON,
    ),
    EventSpec(
        "submission_attached",
        _("信访件已登记（并入原事项）"),
        _("信访件已登记，并入事项{matter_number}"),
        _("您的信访件已由{unit}登记，并入信访事项{matter_number}一并办理。{query_hint}"),
        COMMON,
    ),
    EventSpec(
        "transferred",
        _("已转送"),
        _("信访事项{matter_number}已转送{unit}"),
        _("您的信访事项{matter_number}已转送{unit}，该单位应于{due_on}前告知是否受理。{query_hint}"),
        (*COMMON, "due_on"),
    ),
    EventSpec(
        "assigned",
        _("已交办"),
        _("信访事项{matter_number}已交办{unit}"),
        _("您的信访事项{matter_number}已交办{unit}办理，该单位应于{due_on}前告知是否受理。{query_hint}"),
        (*COMMON, "due_on"),
    ),
    EventSpec(
        "diverted",
        _("已导入其他法定途径"),
        _("信访事项{matter_number}应通过其他法定途径解决"),
        _("您的信访事项{matter_number}依法应通过其他法定途径解决，具体途径见书面告知书。{query_hint}"),
        COMMON,
    ),
    EventSpec(
        "accepted",
        _("已受理"),
        _("信访事项{matter_number}已受理"),
        _("您的信访事项{matter_number}已由{unit}受理，办理期限至{due_on}，受理告知书另行送达。{query_hint}"),
        (*COMMON, "due_on"),
    ),
    EventSpec(
        "rejected",
        _("不予受理"),
        _("信访事项{matter_number}不予受理"),
        _("您的信访事项{matter_number}经{unit}审查不予受理，理由见书面告知书。{query_hint}"),
        COMMON,
    ),
    EventSpec(
        "extended",
        _("延期办理"),
        _("信访事项{matter_number}延期办理"),
        _(
            "您的信访事项{matter_number}经批准延期办理，办理期限延至{due_on}，延期理由见书面通知。{query_hint}"
        ),
        (*COMMON, "due_on"),
    ),
    EventSpec(
        "replied",
        _("已答复"),
        _("信访事项{matter_number}已答复"),
        _(
            "您的信访事项{matter_number}已由{unit}出具处理意见。"
            "如不服，可自收到答复之日起30日内（至{window_end}）请求复查。{query_hint}"
        ),
        (*COMMON, "window_end"),
    ),
    EventSpec(
        "review_requested",
        _("复查申请已收到"),
        _("信访事项{matter_number}复查申请已收到"),
        _("已收到您对信访事项{matter_number}的复查请求，{unit}应于{due_on}前出具复查意见。{query_hint}"),
        (*COMMON, "due_on"),
    ),
    EventSpec(
        "reviewed",
        _("复查意见"),
        _("信访事项{matter_number}复查意见已出具"),
        _(
            "您的信访事项{matter_number}复查意见已由{unit}出具。"
            "如不服，可自收到之日起30日内（至{window_end}）请求复核。{query_hint}"
        ),
        (*COMMON, "window_end"),
    ),
    EventSpec(
        "recheck_requested",
        _("复核申请已收到"),
        _("信访事项{matter_number}复核申请已收到"),
        _("已收到您对信访事项{matter_number}的复核请求，{unit}应于{due_on}前出具复核意见。{query_hint}"),
        (*COMMON, "due_on"),
    ),
    EventSpec(
        "final",
        _("复核意见"),
        _("信访事项{matter_number}复核意见已出具"),
        _(
            "您的信访事项{matter_number}复核意见已由{unit}出具。"
            "以同一事实和理由再提出的，不再受理。{query_hint}"
        ),
        COMMON,
    ),
    EventSpec(
        "review_window_reminder",
        _("复查期限提醒"),
        _("信访事项{matter_number}请求复查期限将届满"),
        _("提醒：您的信访事项{matter_number}请求复查的期限至{window_end}，还有{days_left}天。{query_hint}"),
        (*COMMON, "window_end", "days_left"),
    ),
    EventSpec(
        "recheck_window_reminder",
        _("复核期限提醒"),
        _("信访事项{matter_number}请求复核期限将届满"),
        _("提醒：您的信访事项{matter_number}请求复核的期限至{window_end}，还有{days_left}天。{query_hint}"),
        (*COMMON, "window_end", "days_left"),
    ),
    EventSpec(
        "rating_reminder",
        _("评价提醒"),
        _("请评价信访事项{matter_number}的办理结果"),
        _("您的信访事项{matter_number}已答复，请对办理结果作出评价（满意、基本满意或不满意）。{query_hint}"),
        COMMON,
    ),
    EventSpec(
        "portal_credentials",
        _("网上信访查询码"),
        _("信访事项{matter_number}的查询码"),
        _(
            "您的网上信访已提交，编号{matter_number}。查询码{query_code}，密码{password}，"
            "请妥善保管，切勿告诉他人。{query_hint}"
        ),
        (*COMMON, "query_code", "password"),
        required=("query_code", "password"),
    ),
]

# For staff, in-app: a petitioner's SMS that could not be delivered, so that someone tells them otherwise.
_SPECS.append(
    EventSpec(
        "delivery_failed",
        _("短信未送达信访人"),
        _("短信未送达：信访事项{matter_number}"),
        _(
            "信访事项{matter_number}的“{message}”短信经{attempts}次尝试仍未送达信访人（{address}），"
            "已停止自动重试。请改用电话或书面方式告知，或核实号码后在消息发送记录中重新发送。"
        ),
        ("matter_number", "message", "attempts", "address"),
        audience="staff",
    )
)

EVENTS: dict[str, EventSpec] = {spec.code: spec for spec in _SPECS}
# Placeholders whose values are secret: the message is stored encrypted and shown with them redacted.
SECRET_PLACEHOLDERS = ("password",)
EMAIL_CLOSING = _("本邮件由系统自动发送，请勿直接回复。")


def event_choices() -> list[tuple[str, str]]:
    return [(spec.code, spec.label) for spec in _SPECS]


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    """(name, format spec, conversion) of every placeholder; raises ValueError on bad braces."""
    return [
        (name, spec, conversion)
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    ]


def template_errors(spec: EventSpec, text: str, *, need_required: bool = True) -> list[str]:
    """What is wrong with `text` as a template of `spec`, in words for the admin; [] when nothing."""
    try:
        fields = _fields(str(text))
    except ValueError:
        return [str(_("花括号不配对：占位符须写成 {matter_number} 这样的形式，文字中的花括号请写两次"))]
    errors = []
    allowed = ", ".join("{" + name + "}" for name in spec.placeholders)
    unknown = sorted({name for name, _s, _c in fields if name not in spec.placeholders})
    if unknown:
        shown = "、".join("{" + (name or "") + "}" for name in unknown)
        errors.append(
            str(_("不能使用占位符 %(unknown)s；本事件可用的占位符：%(allowed)s"))
            % {"unknown": shown, "allowed": allowed}
        )
    if any(spec_ or conversion for _n, spec_, conversion in fields):
        errors.append(str(_("占位符不能带格式说明（如 {due_on:%Y}），请只写占位符名称")))
    if need_required:
        missing = [name for name in spec.required if name not in {n for n, _s, _c in fields}]
        if missing:
            errors.append(
                str(_("缺少必需的占位符：%(missing)s"))
                % {"missing": "、".join("{" + name + "}" for name in missing)}
            )
    return errors


def render_text(spec: EventSpec, text: str, values: dict) -> str:
    """Fill `text` with `values`, refusing a placeholder the event does not know or a missing value."""
    text = str(text)
    try:
        fields = _fields(text)
    except ValueError as exc:
        raise TemplateError(f"{spec.code}: unbalanced braces in {text!r}") from exc
    for name, format_spec, conversion in fields:
        if name not in spec.placeholders:
            raise TemplateError(f"{spec.code}: unknown placeholder {{{name}}} in {text!r}")
        if format_spec or conversion:
            raise TemplateError(f"{spec.code}: placeholder {{{name}}} must not carry a format")
        if name not in values:
            raise TemplateError(f"{spec.code}: no value for placeholder {{{name}}}")
    return text.format_map({name: str(values[name]) for name, _s, _c in fields})
