"""Rate limits and lockouts for the public portal, counted in the database (shared by every worker).

Each limit is (how many, in what window, locked for how long). Tracking counts failures only, so a
petitioner who types their code right is never slowed down; submitting counts every registration."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from minsheng.lib import crypto

from .models import Throttle


@dataclass(frozen=True)
class Limit:
    count: int
    window: dt.timedelta
    lock: dt.timedelta


def _setting(name: str, default: Limit) -> Limit:
    value = getattr(settings, name, None)
    return Limit(*value) if value else default


MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def limits() -> dict[str, Limit]:
    return {
        # Five wrong passwords for one code lock that code for 15 minutes, wherever they come from.
        "track_code": _setting("PORTAL_TRACK_CODE_LIMIT", Limit(5, 15 * MINUTE, 15 * MINUTE)),
        # One address guessing many codes; higher, because a township office or a family shares one.
        "track_ip": _setting("PORTAL_TRACK_IP_LIMIT", Limit(10, 15 * MINUTE, 15 * MINUTE)),
        "submit_ip": _setting("PORTAL_SUBMIT_IP_LIMIT", Limit(10, HOUR, HOUR)),
        # One person (ID number or phone) registering again and again within a day.
        "submit_identity": _setting("PORTAL_SUBMIT_IDENTITY_LIMIT", Limit(3, DAY, DAY)),
    }


def _key(scope: str, value: str) -> str:
    return crypto.lookup_hash(f"portal:{scope}:{value}")


def locked_until(scope: str, value: str) -> dt.datetime | None:
    """When the lock on this value ends, or None when it is not locked."""
    if not value:
        return None
    row = Throttle.objects.filter(scope=scope, key_hash=_key(scope, value)).first()
    if row is not None and row.locked_until is not None and row.locked_until > timezone.now():
        return row.locked_until
    return None


def failures(scope: str, value: str) -> int:
    row = Throttle.objects.filter(scope=scope, key_hash=_key(scope, value)).first()
    if row is None or row.window_start + limits()[scope].window < timezone.now():
        return 0
    return row.count


@transaction.atomic
def hit(scope: str, value: str) -> dt.datetime | None:
    """Count one event; returns when the lock ends if this event reached the limit."""
    if not value:
        return None
    limit = limits()[scope]
    now = timezone.now()
    row, _created = Throttle.objects.select_for_update().get_or_create(
        scope=scope, key_hash=_key(scope, value), defaults={"window_start": now}
    )
    if row.window_start + limit.window < now or (row.locked_until is not None and row.locked_until <= now):
        # A new window after the old one passed, or a fresh start once a lock has run out.
        row.window_start, row.count, row.locked_until = now, 0, None
    row.count += 1
    if row.count >= limit.count:
        row.locked_until = now + limit.lock
    row.save()
    return row.locked_until


def clear(scope: str, value: str) -> None:
    Throttle.objects.filter(scope=scope, key_hash=_key(scope, value)).delete()
