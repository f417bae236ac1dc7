"""Checks, limits, timeline and messages shared by the proposal services."""

import calendar
import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Role, User
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue

from ..models import Proposal, ProposalEvent

# Limits that local practice sets; each is a setting with the default the city uses.
DEFAULTS = {
    "PROPOSAL_OBJECTION_DAYS": 7,
    "PROPOSAL_HANDLING_MONTHS": 3,
    "PROPOSAL_HANDLING_MAX_MONTHS": 6,
    "PROPOSAL_REHANDLING_MONTHS": 3,
    "PROPOSAL_COSIGN_DAYS": 7,
    "PROPOSAL_COSIGN_MAX_DAYS": 30,
    "PROPOSAL_NOT_ADMITTED_GROUNDS": [
        "不属于政协提案范围",
        "涉及党和国家秘密",
        "属于个人或家庭问题",
        "属于学术探讨",
        "内容空泛无具体建议",
        "一事多议",
        "宣传、推介具体单位或产品",
        "已在诉讼、仲裁或行政复议程序中",
    ],
}

TITLE_MAX = 200
TEXT_MAX = 20000
NOTE_MAX = 2000
COSIGNERS_MAX = 30


def limit(name: str):
    return getattr(settings, name, DEFAULTS[name])


def not_admitted_grounds() -> list[str]:
    return list(limit("PROPOSAL_NOT_ADMITTED_GROUNDS"))


def refuse(field: str, message: str):
    raise ValidationError({field: [message]})


def today() -> dt.date:
    return timezone.localdate()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st of a shorter month becomes its last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def require_text(value, *, field: str, label: str, max_length: int = TEXT_MAX, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        refuse(field, _("请填写%(label)s") % {"label": label})
    if len(text) > max_length:
        refuse(field, _("%(label)s不能超过 %(max)d 个字") % {"label": label, "max": max_length})
    return text


def require_date(value, *, field: str, label: str) -> dt.date:
    if value is None:
        refuse(field, _("请填写%(label)s") % {"label": label})
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        refuse(field, _("%(label)s格式不正确，例如 2026-11-26") % {"label": label})
    return value


def require_status(proposal: Proposal, *statuses: str, action: str) -> None:
    if proposal.status not in statuses:
        refuse(
            "__all__",
            _("该提案当前为“%(status)s”，不能%(action)s")
            % {"status": proposal.get_status_display(), "action": action},
        )


def lock(proposal: Proposal) -> Proposal:
    """The proposal row, locked for the rest of the transaction: two steps never interleave."""
    return Proposal.objects.select_for_update(of=("self",)).get(pk=proposal.pk)


def event_record(*, proposal: Proposal, kind: str, actor=None, note: str = "", data: dict | None = None):
    return ProposalEvent.objects.create(
        proposal=proposal,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        organisation=getattr(actor, "organisation", None),
        note=note,
        data=data or {},
        at=timezone.now(),
    )


def office_staff() -> list[User]:
    return list(User.objects.filter(role=Role.PROPOSAL_OFFICE, is_active=True).order_by("pk"))


def unit_handlers(unit) -> list[User]:
    return list(User.objects.filter(organisation=unit, role=Role.HANDLER, is_active=True).order_by("pk"))


def notify(*, users, key: str, subject: str, body: str) -> None:
    """In-app messages stored with the step's transaction, so a rolled-back step tells no one. Outward
    channels are not used: a proposal's text and its proposer's data stay inside the system."""
    seen = set()
    for user in users:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        notification_queue(
            dedupe_key=f"proposal:{key}:{user.pk}"[:200],
            recipient=user,
            channel=Notification.Channel.IN_APP,
            subject=subject,
            body=body,
        )


def label(proposal: Proposal) -> str:
    """How messages name a proposal: its number once it has one, and its title."""
    if proposal.number:
        return _("%(session)s第 %(number)s 号提案《%(title)s》") % {
            "session": proposal.session.name,
            "number": proposal.number,
            "title": proposal.title,
        }
    return _("提案《%(title)s》") % {"title": proposal.title}
