"""Statutory deadlines of the petition workflow, by the settings in `settings.DEADLINES`.

The workflow stores the due date on the matter; whether it is on time, due soon or overdue is derived
from it when read (`deadline_state`), so lists are right without a background job.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.lib.workdays import Deadline, WorkCalendar

from .selectors import work_calendar

ON_TIME = "on_time"
DUE_SOON = "due_soon"
OVERDUE = "overdue"

DEADLINE_STATE_LABELS = {ON_TIME: _("按期"), DUE_SOON: _("临期"), OVERDUE: _("超期")}


def deadline_compute(
    *, kind: str, event_day: datetime.date, calendar: WorkCalendar | None = None
) -> Deadline:
    """The deadline of `kind` (a key of settings.DEADLINES) for an event on `event_day`.

    `event_day` is the day of receipt, acceptance or reply in Beijing time. An aware datetime is
    turned into its local day here, since its own .date() would be the UTC day. Pass `calendar` when
    computing several deadlines at once to load the overrides only once.
    """
    try:
        amount, unit = settings.DEADLINES[kind]
    except KeyError:
        raise ValueError(f"unknown deadline kind {kind!r}; see settings.DEADLINES") from None
    if isinstance(event_day, datetime.datetime):
        event_day = timezone.localdate(event_day) if timezone.is_aware(event_day) else event_day.date()
    calendar = calendar if calendar is not None else work_calendar()
    return calendar.add(event_day, amount, unit)


def deadline_state(*, due: datetime.date | None, today: datetime.date | None = None) -> str:
    """The state of a deadline: "" without one; "overdue" after the due day; "due_soon" from
    DEADLINE_DUE_SOON_DAYS days before it; "on_time" until then.

    The due day itself is still in time (the period includes its last day), so it is "due_soon".
    """
    if due is None:
        return ""
    today = today or timezone.localdate()
    if today > due:
        return OVERDUE
    if (due - today).days <= settings.DEADLINE_DUE_SOON_DAYS:
        return DUE_SOON
    return ON_TIME
