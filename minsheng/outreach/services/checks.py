"""Checks shared by the publicity services. Each adds a Chinese message under its field to `errors`, so
that a form shows every mistake at once; the service raises them together and writes nothing."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

# Far above any one activity (the bureau's whole year is tens of thousands), low enough to catch a
# slip of the keyboard.
COUNT_MAX = 1_000_000
EARLIEST = dt.date(2000, 1, 1)


def add(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def text(errors: dict, field: str, value, *, label: str, max_length: int, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        add(errors, field, _("请填写%(label)s") % {"label": label})
    elif len(value) > max_length:
        add(errors, field, _("%(label)s不能超过 %(max)d 个字") % {"label": label, "max": max_length})
    return value


def count(errors: dict, field: str, value) -> int:
    """A whole number from 0 to COUNT_MAX; anything else is refused (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        add(errors, field, _("请填写整数"))
        return 0
    if value < 0:
        add(errors, field, _("不能为负数"))
    elif value > COUNT_MAX:
        add(errors, field, _("不能超过 %(max)d") % {"max": COUNT_MAX})
    return value


def held_on(errors: dict, field: str, value) -> dt.date | None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        add(errors, field, _("请填写活动日期"))
        return None
    if value > timezone.localdate():
        add(errors, field, _("活动日期不能晚于今天：请在活动举办后登记"))
    elif value < EARLIEST:
        add(errors, field, _("活动日期不能早于 %(day)s") % {"day": EARLIEST.isoformat()})
    return value
