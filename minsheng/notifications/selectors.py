"""Reads of notifications: a user only ever sees their own in-app messages; the outbox (消息发送记录)
shows supervisors and administrators the SMS and e-mail of their scope."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.petitions.selectors import matters_visible_to

from .models import Notification


def notifications_in_app(*, user) -> QuerySet[Notification]:
    if not user.is_authenticated:
        return Notification.objects.none()
    return (
        Notification.objects.filter(recipient=user, channel=Notification.Channel.IN_APP)
        .select_related("matter")
        .order_by("-created_at", "-pk")
    )


def notifications_unread_count(*, user) -> int:
    return notifications_in_app(user=user).filter(read_at__isnull=True).count()


def sees_outbox(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.SUPERVISOR, Role.ADMIN))


def outbox_visible_to(*, user) -> QuerySet[Notification]:
    """SMS and e-mail a supervisor or administrator may read: about a matter they may see, or to a
    member of staff of their scope. Administrators and the whole-tree bureau see all of them."""
    outward = Notification.objects.exclude(channel=Notification.Channel.IN_APP)
    if not sees_outbox(user):
        return outward.none()
    if user.is_superuser or user.role == Role.ADMIN:
        return outward
    return outward.filter(
        Q(matter__in=matters_visible_to(user=user))
        | Q(matter__isnull=True, recipient__organisation__in=organisations_in_scope(user=user))
    )


@dataclass(frozen=True)
class OutboxFilters:
    status: str = ""
    channel: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def outbox_list(*, user, filters: OutboxFilters) -> QuerySet[Notification]:
    messages = outbox_visible_to(user=user)
    if filters.status:
        messages = messages.filter(status=filters.status)
    if filters.channel:
        messages = messages.filter(channel=filters.channel)
    if filters.date_from:
        messages = messages.filter(created_at__gte=_midnight(filters.date_from))
    if filters.date_to:
        messages = messages.filter(created_at__lt=_midnight(filters.date_to + dt.timedelta(days=1)))
    return messages.select_related("matter", "recipient").order_by("-created_at", "-pk")


def outbox_failed_count(*, user) -> int:
    return outbox_visible_to(user=user).filter(status=Notification.Status.FAILED).count()
