from django.utils import timezone

from minsheng.notifications.petitioners import petitioner_events_notify

from ..models import Matter, MatterEvent


def matter_event_record(
    *,
    matter: Matter,
    kind: str,
    actor=None,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
    data: dict | None = None,
    at=None,
) -> MatterEvent:
    """Append to a matter's timeline. Called by services inside their transaction, never on its own.

    Also tells the matter's petitioners by SMS when the event is one they are told about (sent after
    the transaction commits; see minsheng.notifications.petitioners)."""
    event = MatterEvent.objects.create(
        matter=matter,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        organisation=getattr(actor, "organisation", None),
        note=note,
        from_status=from_status,
        to_status=to_status,
        data=data or {},
        at=at or timezone.now(),
    )
    petitioner_events_notify(event=event)
    return event
