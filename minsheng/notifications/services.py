"""The only write path for notifications: queue a message once per dedupe key, send it after the
transaction commits, and record on the row how sending went."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .backends import backend_for
from .models import Notification

logger = logging.getLogger("minsheng.notifications")

Channel = Notification.Channel
Status = Notification.Status
# Where each outward channel finds its address on a user.
ADDRESS_FIELDS = {Channel.SMS: "phone", Channel.EMAIL: "email"}


@transaction.atomic
def notification_queue(
    *,
    dedupe_key: str,
    recipient,
    channel: str,
    subject: str,
    body: str,
    matter=None,
    address: str | None = None,
) -> tuple[Notification, bool]:
    """Queue one message; returns (notification, created). A key already queued returns its row and
    sends nothing. SMS and e-mail go out when the caller's transaction commits, so a rolled-back step
    never tells anyone about something that did not happen."""
    if channel not in Channel.values:
        raise ValueError(f"unknown notification channel {channel!r}")
    if channel == Channel.IN_APP:
        if recipient is None:
            raise ValueError("an in-app message needs a recipient")
        address = ""
    elif address is None:
        address = getattr(recipient, ADDRESS_FIELDS[channel], "") or ""
    address = address.strip()
    if channel != Channel.IN_APP and not address:
        raise ValueError(f"no address to send {channel} to")
    # An in-app message is delivered by being stored.
    delivered = channel == Channel.IN_APP
    notification, created = Notification.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "recipient": recipient,
            "address": address,
            "channel": channel,
            "subject": subject[:200],
            "body": body,
            "matter": matter,
            "status": Status.SENT if delivered else Status.PENDING,
            "sent_at": timezone.now() if delivered else None,
        },
    )
    if created and not delivered:
        pk = notification.pk
        transaction.on_commit(lambda: notification_send(notification_id=pk), robust=True)
    return notification, created


def notification_send(*, notification_id: int) -> Notification:
    """Hand one pending or failed message to its channel's backend and record the outcome.

    Not one transaction on purpose: the attempt is claimed by a conditional update first, so two
    workers never send the same message, and no row lock is held while a gateway answers. A failing
    backend marks the row failed with its error and never raises to the caller."""
    notification = Notification.objects.get(pk=notification_id)
    if notification.status == Status.SENT or notification.channel == Channel.IN_APP:
        return notification
    claimed = (
        Notification.objects.filter(pk=notification.pk, attempts=notification.attempts)
        .exclude(status=Status.SENT)
        .update(attempts=F("attempts") + 1)
    )
    if not claimed:
        return Notification.objects.get(pk=notification.pk)
    notification.attempts += 1
    try:
        backend_for(notification.channel).send(notification)
    except Exception as exc:
        notification.status = Status.FAILED
        notification.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        logger.warning(
            "sending %s #%s failed (attempt %s): %s",
            notification.channel,
            notification.pk,
            notification.attempts,
            notification.last_error,
        )
    else:
        notification.status = Status.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
    notification.save(update_fields=["status", "sent_at", "last_error"])
    return notification


@transaction.atomic
def notifications_mark_read(*, user) -> int:
    """Mark every unread in-app message of `user` read; returns how many there were."""
    return Notification.objects.filter(recipient=user, channel=Channel.IN_APP, read_at__isnull=True).update(
        read_at=timezone.now()
    )
