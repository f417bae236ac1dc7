"""What every workflow step shares: locking the matter, refusing an illegal step with its reason,
computing deadlines on the official calendar, and writing the timeline event."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.calendars.deadlines import deadline_compute

from ..models import Matter, MatterEvent
from ..selectors import matters_visible_to
from .events import matter_event_record

BUREAU_ROLES = (Role.SUPERVISOR, Role.ADMIN)
UNIT_ROLES = (Role.HANDLER, Role.SUPERVISOR, Role.ADMIN)


def today() -> dt.date:
    return timezone.localdate()


def refuse(message: str, field: str = "__all__"):
    raise ValidationError({field: [message]})


def lock_matter(*, actor, matter: Matter) -> Matter:
    """Re-read the matter under a row lock, so two people cannot take two steps from one state."""
    if actor is not None and not matters_visible_to(user=actor).filter(pk=matter.pk).exists():
        raise PermissionDenied("您无权办理该信访事项")
    return (
        # of=self: PostgreSQL cannot lock the nullable side of the outer joins select_related makes.
        Matter.objects.select_for_update(of=("self",))
        .select_related("receiving_org", "handling_org", "concerned_org")
        .get(pk=matter.pk)
    )


def require_status(matter: Matter, *allowed: str, step: str) -> None:
    if matter.status not in allowed:
        names = "、".join(str(Matter.Status(s).label) for s in allowed)
        refuse(f"该事项当前状态为“{matter.get_status_display()}”，不能{step}（须为：{names}）", "status")


def require_role(actor, roles, step: str) -> None:
    if actor is None or not actor.has_role(*roles):
        raise PermissionDenied(f"您的角色无权{step}")


def in_bureau(actor) -> bool:
    return actor.is_superuser or (
        actor.organisation_id is not None and actor.organisation.kind == Organisation.Kind.PETITION_BUREAU
    )


def require_own_unit(actor, organisation: Organisation | None, step: str) -> None:
    """Only staff of the unit that holds the matter may take its steps."""
    if actor.is_superuser:
        return
    if organisation is None or actor.organisation_id != organisation.pk:
        name = organisation.name if organisation else "（无）"
        raise PermissionDenied(f"只有承办单位（{name}）的工作人员可以{step}")


def require_not_future(day: dt.date, field: str) -> None:
    # A step dated ahead would start or end its periods early: closing before a window truly lapsed.
    if day > today():
        refuse("日期不能晚于今天", field)


def require_within(day: dt.date, due: dt.date | None, what: str) -> None:
    if due is not None and day > due:
        refuse(f"已超过{what}（截止 {due:%Y-%m-%d}），不能再办理此步骤", "deadline")


def require_text(value: str, field: str, label: str, max_length: int = 20000) -> str:
    value = (value or "").strip()
    if not value:
        refuse(f"请填写{label}", field)
    if len(value) > max_length:
        refuse(f"{label}不能超过 {max_length} 个字", field)
    return value


def deadline(kind: str, event_day: dt.date):
    return deadline_compute(kind=kind, event_day=event_day)


def set_current_deadline(matter: Matter, *, kind: str = "", result=None) -> None:
    """The deadline that applies now; lists derive on time / due soon / overdue from it."""
    matter.due_kind = kind
    matter.due_on = result.due if result is not None else None
    matter.deadline_uncertain = bool(result is not None and result.uncertain)


def record_step(
    *, matter: Matter, actor, kind: str, from_status: str, note: str = "", data: dict | None = None
) -> MatterEvent:
    matter.save()
    return matter_event_record(
        matter=matter,
        kind=kind,
        actor=actor,
        note=note,
        from_status=from_status,
        to_status=matter.status,
        data=data,
    )
