"""What the meeting services share: collecting field errors, checking text and dates, the matter's
timeline event, and telling the owning unit."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.petitions.models import Matter
from minsheng.petitions.services.events import matter_event_record

from ..models import MeetingTask

# Written on the timeline of every matter a meeting discussed or decided about.
EVENT_KIND = "joint_meeting"


class Errors:
    """Field errors gathered over a whole form, so that a page shows every mistake at once."""

    def __init__(self):
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, []).append(message)

    def __contains__(self, field: str) -> bool:
        return field in self.by_field

    def raise_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def refuse(field: str, message: str):
    raise ValidationError({field: [message]})


def today() -> dt.date:
    return timezone.localdate()


def clean_text(errors: Errors, field: str, value: str, *, label: str, max_length: int, required=True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors.add(field, _("请填写%(label)s") % {"label": label})
    elif len(value) > max_length:
        errors.add(field, _("%(label)s不能超过 %(max)d 个字") % {"label": label, "max": max_length})
    return value


def check_day(
    day: dt.date | None, field: str, *, not_before: dt.date | None = None, what: str = ""
) -> dt.date:
    """A step's own date: not in the future (it records what happened), not before `not_before`."""
    day = day or today()
    if day > today():
        refuse(field, _("日期不能晚于今天"))
    if not_before is not None and day < not_before:
        refuse(field, _("日期不能早于%(what)s（%(day)s）") % {"what": what, "day": f"{not_before:%Y-%m-%d}"})
    return day


def matter_event(matter: Matter, *, actor, note: str, data: dict) -> None:
    matter_event_record(matter=matter, kind=EVENT_KIND, actor=actor, note=note, data=data)


def task_label(task: MeetingTask) -> str:
    return _("%(meeting)s决定事项第 %(n)d 项") % {"meeting": task.meeting.label, "n": task.position}
