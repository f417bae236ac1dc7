"""Opening, following up and closing supervision items."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to

from ..models import SupervisionEvent, SupervisionItem, SupervisionNotice
from ..permissions import can_close_supervision
from .common import history_add, lock_item, matter_event, require_text, step_day

Kind = SupervisionItem.Kind
NOTE_MAX = 2000


def _responsible(*, matter, task, reply) -> int | None:
    if task is not None:
        return task.organisation_id
    if reply is not None:
        return reply.organisation_id
    return matter.handling_org_id or matter.receiving_org_id


@transaction.atomic
def supervision_item_open(
    *,
    kind: str,
    matter: Matter | None = None,
    meeting_task=None,
    instruction_task=None,
    deadline_kind: str = "",
    due_on: dt.date | None = None,
    reply=None,
    organisation: Organisation | int | None = None,
    actor=None,
    note: str = "",
    on: dt.date | None = None,
) -> tuple[SupervisionItem, bool]:
    """Open the item for one passed deadline (of a matter, an instruction task or a meeting task) or
    one unsatisfied reply; returns (item, created).

    Idempotent: the same deadline finds its item (open or closed), and an unsatisfied reply finds
    its open item. `organisation` is the responsible unit (default: the task's unit, the unit that
    answered, or the unit holding the matter). `actor` is empty when the sweep opens an item."""
    subjects = [s for s in (matter, meeting_task, instruction_task) if s is not None]
    if len(subjects) != 1:
        raise ValueError("an item is about exactly one matter, instruction task or meeting task")
    if (
        actor is not None
        and matter is not None
        and not matters_visible_to(user=actor).filter(pk=matter.pk).exists()
    ):
        raise PermissionDenied(_("您无权办理该信访事项"))
    if kind == Kind.OVERDUE:
        if due_on is None:
            raise ValueError("an overdue item needs the deadline it is about")
        lookup = {"deadline_kind": deadline_kind, "due_on": due_on}
    elif kind == Kind.UNSATISFIED:
        if matter is None or reply is None or reply.matter_id != matter.pk:
            raise ValueError("an unsatisfied item needs a reply of the matter")
        lookup = {"reply": reply, "closed_on__isnull": True}
    else:
        raise ValueError(f"unknown supervision item kind {kind!r}")
    if organisation is None:
        organisation = _responsible(matter=matter, task=meeting_task or instruction_task, reply=reply)
    org_id = getattr(organisation, "pk", organisation)
    return SupervisionItem.objects.get_or_create(
        matter=matter,
        meeting_task=meeting_task,
        instruction_task=instruction_task,
        kind=kind,
        **lookup,
        defaults={
            "organisation_id": org_id,
            "opened_on": on or timezone.localdate(),
            "opened_by": actor if getattr(actor, "pk", None) else None,
            "note": (note or "").strip(),
        },
    )


@transaction.atomic
def supervision_follow_up(*, actor, item: SupervisionItem, note: str) -> SupervisionEvent:
    """A follow-up note (跟踪问效): a call made, a visit paid, what the unit said — kept in the item's
    history while it stays open."""
    if not can_close_supervision(actor):
        raise PermissionDenied(_("只有督办员或管理员可以记录跟踪问效"))
    item = lock_item(actor=actor, item=item)
    note = require_text(note, "note", _("跟踪问效情况"), NOTE_MAX)
    event = history_add(item, kind=SupervisionEvent.Kind.FOLLOW_UP, actor=actor, note=note)
    matter_event(
        item, actor=actor, note=_("督办跟踪问效：%(note)s") % {"note": note}, data={"event": event.pk}
    )
    return event


@transaction.atomic
def supervision_item_close(*, actor, item: SupervisionItem, note: str = "", on: dt.date | None = None):
    """The supervisor has followed the item up to its end and closes it with a note. A closed overdue
    item is not opened again for the same deadline; its notices still waiting are closed with it."""
    if not can_close_supervision(actor):
        raise PermissionDenied(_("只有督办员或管理员可以办结督办事项"))
    item = lock_item(actor=actor, item=item)
    note = require_text(note, "note", _("办结说明"), NOTE_MAX)
    on = step_day(on)
    SupervisionNotice.objects.filter(item=item, status__in=SupervisionNotice.OPEN_STATUSES).update(
        status=SupervisionNotice.Status.CLOSED
    )
    item.closed_on, item.closed_by, item.close_note = on, actor, note
    item.feedback_due_on = None
    item.save(update_fields=["closed_on", "closed_by", "close_note", "feedback_due_on"])
    event = history_add(item, kind=SupervisionEvent.Kind.CLOSED, actor=actor, note=note)
    matter_event(item, actor=actor, note=_("督办办结：%(note)s") % {"note": note}, data={"event": event.pk})
    return item
