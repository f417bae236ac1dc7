"""Telling a unit's staff that something is addressed to it: in-app, and by SMS and e-mail where a user
has a number or address. Used by supervision notices and by joint meeting tasks."""

from minsheng.accounts.models import Role, User
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue

UNIT_ROLES = (Role.HANDLER, Role.SUPERVISOR)


def unit_staff(organisation_id: int, roles=UNIT_ROLES) -> list[User]:
    return list(
        User.objects.filter(is_active=True, organisation_id=organisation_id, role__in=roles).order_by("pk")
    )


def unit_notify(
    *,
    organisation_id: int,
    key: str,
    subject: str,
    body: str,
    outside_body: str,
    matter=None,
    also=(),
) -> int:
    """Queue one message per recipient and channel, keyed by `key` so it is sent once; returns how
    many are new. SMS and e-mail leave the system, so they carry `outside_body`, which must not name
    petitioners. Sent after the caller's transaction commits (notification_queue)."""
    recipients = {u.pk: u for u in unit_staff(organisation_id)}
    for user in also:
        if user is not None and user.is_active:
            recipients.setdefault(user.pk, user)
    queued = 0
    for user in recipients.values():
        channels = [(Notification.Channel.IN_APP, body)]
        if (user.phone or "").strip():
            channels.append((Notification.Channel.SMS, outside_body))
        if (user.email or "").strip():
            channels.append((Notification.Channel.EMAIL, outside_body))
        for channel, text in channels:
            _notification, created = notification_queue(
                dedupe_key=f"{key}:{user.pk}:{channel}"[:200],
                recipient=user,
                channel=channel,
                subject=subject,
                body=text,
                matter=matter,
            )
            queued += created
    return queued
