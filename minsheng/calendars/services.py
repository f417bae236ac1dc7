"""Writes to the working-day calendar: only administrators correct it.

No audit entry: a change is visible on the row itself (updated_by, updated_at), and the audit log's
actions are about personal data and access rather than reference data.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .models import CalendarOverride, CalendarYear


def _require_admin(actor) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.has_role("admin"):
        raise PermissionDenied("只有管理员可以维护工作日历")


@transaction.atomic
def calendar_override_save(
    *, actor, day: datetime.date, is_working_day: bool, note: str = ""
) -> CalendarOverride:
    """Set one day's working status; a day that already has an override is updated, not duplicated."""
    _require_admin(actor)
    override = CalendarOverride.objects.select_for_update().filter(day=day).first()
    if override is None:
        override = CalendarOverride(day=day)
    override.is_working_day = is_working_day
    override.note = note
    override.updated_by = actor
    override.full_clean(exclude=["day"] if override.pk else None)
    override.save()
    return override


@transaction.atomic
def calendar_override_delete(*, actor, override: CalendarOverride) -> None:
    _require_admin(actor)
    override.delete()


@transaction.atomic
def calendar_year_save(*, actor, year: int, note: str = "") -> CalendarYear:
    """State that `year`'s holiday notice has been entered completely, so its deadlines stop warning."""
    _require_admin(actor)
    calendar_year = CalendarYear.objects.select_for_update().filter(year=year).first()
    if calendar_year is None:
        calendar_year = CalendarYear(year=year)
    calendar_year.note = note
    calendar_year.updated_by = actor
    calendar_year.full_clean(exclude=["year"] if calendar_year.pk else None)
    calendar_year.save()
    return calendar_year


@transaction.atomic
def calendar_year_delete(*, actor, calendar_year: CalendarYear) -> None:
    _require_admin(actor)
    calendar_year.delete()
