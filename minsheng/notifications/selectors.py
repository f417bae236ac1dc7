"""Reads of notifications: a user only ever sees their own in-app messages."""

from django.db.models import QuerySet

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
