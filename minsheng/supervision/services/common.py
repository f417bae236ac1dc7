"""What the supervision services share: locking an item the actor may act on, checking text and dates,
and writing the item's history and the matter's timeline."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import SupervisionEvent, SupervisionItem
from ..selectors import items_supervised_by

# Written on the timeline of a matter that an item is about.
MATTER_EVENT_KIND = "supervision"


def refuse(field: str, message: str):
    raise ValidationError({field: [message]})


def today() -> dt.date:
    return timezone.localdate()


def require_text(value: str, field: str, label: str, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        refuse(field, _("请填写%(label)s") % {"label": label})
    if len(value) > max_length:
        refuse(field, _("%(label)s不能超过 %(max)d 个字") % {"label": label, "max": max_length})
    return value


def step_day(on: dt.date | None, field: str = "on", not_before: dt.date | None = None) -> dt.date:
    """The date of a step: not ahead of today (a step records what happened)."""
    on = on or today()
    if on > today():
        refuse(field, _("日期不能晚于今天"))
    if not_before is not None and on < not_before:
        refuse(field, _("日期不能早于 %(day)s") % {"day": f"{not_before:%Y-%m-%d}"})
    return on


def lock_item(*, actor, item: SupervisionItem) -> SupervisionItem:
    """The item under a row lock, if the actor may see it as a supervisor; open items only."""
    try:
        item = (
            items_supervised_by(user=actor)
            .select_for_update(of=("self",))
            .select_related(
                "matter",
                "meeting_task",
                "meeting_task__meeting",
                "instruction_task",
                "instruction_task__instruction",
                "organisation",
            )
            .get(pk=item.pk)
        )
    except SupervisionItem.DoesNotExist as exc:
        raise PermissionDenied(_("您无权办理该督办事项")) from exc
    if item.closed_on is not None:
        refuse("__all__", _("该督办事项已于 %(day)s 办结") % {"day": f"{item.closed_on:%Y-%m-%d}"})
    return item


def history_add(item: SupervisionItem, *, kind: str, actor, note: str = "", notice=None) -> SupervisionEvent:
    return SupervisionEvent.objects.create(
        item=item,
        kind=kind,
        notice=notice,
        note=note,
        actor=actor if getattr(actor, "pk", None) else None,
        organisation=getattr(actor, "organisation", None),
        at=timezone.now(),
    )


def matter_event(item: SupervisionItem, *, actor, note: str, data: dict) -> None:
    """A line on the timeline of the matter the item is about; items about tasks have none."""
    if item.matter_id is None:
        return
    # Imported here: petitions.services imports this package (an unsatisfied rating opens an item).
    from minsheng.petitions.services.events import matter_event_record

    matter_event_record(
        matter=item.matter, kind=MATTER_EVENT_KIND, actor=actor, note=note, data={"item": item.pk, **data}
    )


def subject_name(item: SupervisionItem) -> str:
    """How notices and messages name what the item is about."""
    if item.instruction_task_id is not None:
        instruction = item.instruction_task.instruction
        return _("领导批示 %(number)s") % {"number": instruction.number}
    if item.meeting_task_id is not None:
        task = item.meeting_task
        return _("%(meeting)s决定事项第 %(n)d 项") % {"meeting": task.meeting.label, "n": task.position}
    return _("信访事项 %(number)s「%(title)s」") % {"number": item.matter.number, "title": item.matter.title}
