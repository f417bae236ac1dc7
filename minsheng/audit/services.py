"""The only way rows get into the audit log."""

from .models import AuditEntry


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor=None,
    actor_label: str = "",
    obj=None,
    object_type: str = "",
    object_id: str = "",
    detail: dict | None = None,
    request=None,
) -> AuditEntry:
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    if actor is not None and getattr(actor, "is_authenticated", False):
        actor_label = actor_label or actor.get_username()
    else:
        actor = None
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label[:150],
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
        ip_address=client_ip(request),
    )
