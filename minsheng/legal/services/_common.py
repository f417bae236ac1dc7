"""Checks shared by the lawyers' services."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Role, User
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue


def refuse(field: str, message: str):
    raise ValidationError({field: [message]})


def today() -> dt.date:
    return timezone.localdate()


def require_text(value, *, field: str, label: str, max_length: int, required: bool = True) -> str:
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
    if value > today():
        refuse(field, _("%(label)s不能晚于今天") % {"label": label})
    return value


def require_lawyer(lawyer, *, field: str = "lawyer") -> User:
    if lawyer is None:
        refuse(field, _("请选择律师"))
    if lawyer.role != Role.LAWYER or lawyer.is_superuser or not lawyer.is_active:
        refuse(field, _("%(name)s 不是在册的律师") % {"name": lawyer.display_name})
    return lawyer


def notify(*, key: str, recipient, subject: str, body: str, matter=None) -> None:
    """An in-app message, stored with the step's transaction: a rolled-back step tells no one."""
    if recipient is None or not recipient.is_active:
        return
    notification_queue(
        dedupe_key=key,
        recipient=recipient,
        channel=Notification.Channel.IN_APP,
        subject=subject,
        body=body,
        matter=matter,
    )
