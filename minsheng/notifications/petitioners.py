"""Telling petitioners, by SMS, what happens to their matter.

`petitioner_events_notify(event=...)` is called by petitions.services.events.matter_event_record, the
one place every timeline event is written, inside the workflow step's transaction: it maps the event
to a message of catalogue.py and queues one SMS per petitioner with a mobile number (one per number
when a family shares a phone), sent after the step commits. `petitioner_reminders_send(today=...)`
is the daily job (`manage.py notifications_remind`): windows to request review or recheck about to
close, and a request to rate a reply. Both are idempotent through their dedupe keys.

Only a mobile number can receive an SMS; petitioners with a landline or no number are told by
letter, as before. Texts carry the matter's number, units and dates, never personal data."""

import datetime as dt
import re

from django.conf import settings
from django.db.models import Exists, OuterRef

from minsheng.lib import crypto
from minsheng.lib.phone import normalize
from minsheng.petitions.models import Matter, MatterEvent, Petitioner, Rating, Reconsideration, Reply

from .models import Notification
from .services import message_render, notification_row, notifications_send_after_commit, query_hint

Kind = MatterEvent.Kind
MOBILE = re.compile(r"^1[3-9]\d{9}$")

# Timeline events the petitioner is told about, and the message of catalogue.py each one sends.
EVENT_BY_KIND = {
    Kind.REGISTERED: "registered",
    Kind.SUBMISSION_ATTACHED: "submission_attached",
    Kind.TRANSFERRED: "transferred",
    Kind.ASSIGNED: "assigned",
    Kind.DIVERTED: "diverted",
    Kind.ACCEPTED: "accepted",
    Kind.REJECTED: "rejected",
    Kind.EXTENDED: "extended",
    Kind.REPLIED: "replied",
    Kind.REVIEW_REQUESTED: "review_requested",
    Kind.REVIEWED: "reviewed",
    Kind.RECHECK_REQUESTED: "recheck_requested",
    Kind.FINAL: "final",
}


def cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _unit(matter: Matter) -> str:
    organisation = matter.handling_org or matter.receiving_org
    return organisation.name if organisation else ""


def _upper_level(event: MatterEvent) -> str:
    pk = (event.data or {}).get("reconsideration")
    case = Reconsideration.objects.filter(pk=pk).only("organisation_name").first() if pk else None
    return case.organisation_name if case else _unit(event.matter)


def _values(code: str, event: MatterEvent) -> dict:
    """What the message of `code` says about the matter just after `event`."""
    matter = event.matter
    values = {"matter_number": matter.number, "unit": _unit(matter), "query_hint": query_hint()}
    if code in ("registered", "submission_attached"):
        values["unit"] = event.organisation.name if event.organisation else matter.receiving_org.name
    elif code in ("transferred", "assigned"):
        values["due_on"] = cn_date(matter.accept_due_on)
    elif code in ("accepted", "extended"):
        values["due_on"] = cn_date(matter.handle_due_on)
    elif code == "replied":
        values["window_end"] = cn_date(matter.review_request_due_on)
    elif code in ("review_requested", "recheck_requested"):
        values["unit"] = _upper_level(event)
        due = matter.review_due_on if code == "review_requested" else matter.recheck_due_on
        values["due_on"] = cn_date(due)
    elif code in ("reviewed", "final"):
        values["unit"] = _upper_level(event)
        values["window_end"] = cn_date(matter.recheck_request_due_on)
    return values


def _mobiles(petitioners) -> list[tuple[int, str]]:
    """(petitioner id, mobile number) once per number, in petitioner order."""
    seen, found = set(), []
    for pk, encrypted in petitioners.order_by("pk").values_list("pk", "phone_encrypted"):
        number = normalize(crypto.decrypt(encrypted))
        if MOBILE.match(number) and number not in seen:
            seen.add(number)
            found.append((pk, number))
    return found


def _queue(*, matter: Matter, code: str, values: dict, key: str, petitioners) -> int:
    """One SMS of `code` per mobile number among `petitioners`, keyed `key:<petitioner>`; bulk, so a
    loader that registers hundreds of matters stays fast. Returns how many were new."""
    people = _mobiles(petitioners)
    if not people:
        return 0
    subject, text = message_render(event=code, channel=Notification.Channel.SMS, values=values)
    rows = [
        notification_row(
            dedupe_key=f"{key}:{pk}",
            recipient=None,
            channel=Notification.Channel.SMS,
            subject=subject,
            body=text,
            matter=matter,
            address=number,
            event=code,
        )
        for pk, number in people
    ]
    keys = [row.dedupe_key for row in rows]
    before = set(Notification.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True))
    # ignore_conflicts: the same reminder queued at this moment by a second run of the daily job.
    Notification.objects.bulk_create(
        [row for row in rows if row.dedupe_key not in before], ignore_conflicts=True
    )
    notifications_send_after_commit(dedupe_keys=keys)
    return len(rows) - len(before)


def petitioner_events_notify(*, event: MatterEvent) -> int:
    """Queue the SMS that tells the matter's petitioners about `event`; 0 for events they are not
    told about. Runs in the step's transaction, so a refused or rolled-back step tells nobody."""
    code = EVENT_BY_KIND.get(event.kind)
    if code is None or event.matter.source == Matter.Source.IMPORT:
        # Imported history (import_messages) was answered long ago: nobody is told again.
        return 0
    if code == "registered" and (event.data or {}).get("channel") == "online":
        # The portal's own SMS (services.credentials_sms_send) already gives the number, with the
        # query code and password.
        return 0
    if code in ("registered", "submission_attached"):
        # Only the people of this submission: others on the matter were told when they came.
        petitioners = Petitioner.objects.filter(submissions__pk=(event.data or {}).get("submission"))
    else:
        petitioners = Petitioner.objects.filter(submissions__matter_id=event.matter_id).distinct()
    return _queue(
        matter=event.matter,
        code=code,
        values=_values(code, event),
        key=f"petitioner:{code}:{event.pk}",
        petitioners=petitioners.exclude(phone_encrypted=""),
    )


def _of_matter(matter: Matter):
    return Petitioner.objects.filter(submissions__matter=matter).exclude(phone_encrypted="").distinct()


def petitioner_reminders_send(*, today: dt.date) -> int:
    """The daily reminders to petitioners; returns how many messages are new. Safe to run any number
    of times a day: each reminder has its own dedupe key.

    - A window to request review (replied) or recheck (reviewed) that closes within
      settings.NOTIFICATION_WINDOW_REMINDER_DAYS days (default 3), once per window.
    - A request to rate a reply served settings.NOTIFICATION_RATING_REMINDER_DAYS days ago (default 7)
      or more, within its 30-day window, when the matter has no current rating; once per reply."""
    window_days = getattr(settings, "NOTIFICATION_WINDOW_REMINDER_DAYS", 3)
    rating_after = getattr(settings, "NOTIFICATION_RATING_REMINDER_DAYS", 7)
    soon = today + dt.timedelta(days=window_days)
    queued = 0
    windows = (
        ("review_window_reminder", Matter.Status.REPLIED, "review_request_due_on"),
        ("recheck_window_reminder", Matter.Status.REVIEWED, "recheck_request_due_on"),
    )
    for code, status, field in windows:
        matters = Matter.objects.filter(
            status=status, **{f"{field}__gt": today, f"{field}__lte": soon}
        ).select_related("handling_org", "receiving_org")
        for matter in matters:
            end = getattr(matter, field)
            values = {
                "matter_number": matter.number,
                "unit": _unit(matter),
                "query_hint": query_hint(),
                "window_end": cn_date(end),
                "days_left": (end - today).days,
            }
            key = f"petitioner:{code}:{matter.pk}:{end:%Y%m%d}"
            queued += _queue(matter=matter, code=code, values=values, key=key, petitioners=_of_matter(matter))
    rated = Rating.objects.filter(matter=OuterRef("matter"), is_current=True)
    replies = (
        Reply.objects.filter(
            served_on__lte=today - dt.timedelta(days=rating_after),
            served_on__gt=today - dt.timedelta(days=30),
            matter__status__in=[Matter.Status.REPLIED, Matter.Status.REVIEWED, Matter.Status.FINAL],
        )
        .exclude(Exists(rated))
        .select_related("matter__handling_org", "matter__receiving_org")
    )
    for reply in replies:
        matter = reply.matter
        values = {"matter_number": matter.number, "unit": _unit(matter), "query_hint": query_hint()}
        key = f"petitioner:rating_reminder:{reply.pk}"
        queued += _queue(
            matter=matter, code="rating_reminder", values=values, key=key, petitioners=_of_matter(matter)
        )
    return queued
