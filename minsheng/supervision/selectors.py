"""Reads of supervision items, scoped to the matters the user may see."""

import datetime as dt

from django.db.models import F, QuerySet

from minsheng.petitions.selectors import matters_visible_to

from .models import SupervisionItem
from .permissions import can_see_supervision


def supervision_items_open(*, user) -> QuerySet[SupervisionItem]:
    """Open items on matters the user may see, the longest overdue first, then the newest complaints."""
    if not can_see_supervision(user):
        return SupervisionItem.objects.none()
    return (
        SupervisionItem.objects.filter(
            closed_on__isnull=True, matter__in=matters_visible_to(user=user).values("pk")
        )
        .select_related("matter", "matter__handling_org")
        .order_by(F("due_on").asc(nulls_last=True), "opened_on", "pk")
    )


def days_overdue(item: SupervisionItem, today: dt.date) -> int | None:
    """Calendar days since the deadline's last day; None for items without a deadline."""
    if item.due_on is None:
        return None
    return max((today - item.due_on).days, 0)
