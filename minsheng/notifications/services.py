"""The only write path for notifications.

- `notification_queue` stores a message once per dedupe key; SMS and e-mail are sent when the caller's
  transaction commits (`notification_send`), so a rolled-back step never tells anyone anything.
- `notification_send` hands one message to its channel's backend (backends.py) and records the outcome.
  A failure is retried by `manage.py notifications_retry` (`notifications_retry_due`) after a backoff
  (settings.NOTIFICATION_RETRY_BACKOFF_MINUTES) until settings.NOTIFICATION_MAX_ATTEMPTS; the same
  command sends messages whose after-commit send never happened (the process died). A petitioner's
  SMS given up for good is reported in-app to the unit holding the matter ("delivery_failed").
- `notification_resend` is the outbox page's "重新发送" for one failed message.
- `message_render` fills an event's text (catalogue.py), the bureau's MessageTemplate winning.
- Petitioners' messages on workflow events and reminders: see petitioners.py.

Sensitive messages. `credentials_sms_send(*, phone: str, matter, query_code: str, password: str)
-> Notification` sends the online portal's query code and password by SMS. Its text is stored only
encrypted (minsheng.lib.crypto, with the password listed as a secret); `body` holds the text with the
password replaced by ****** and is all the outbox page and the admin show. The backend gets the clear
text at sending time, so a failed message can still be retried; error texts are scrubbed of the
password and the number before they are stored or logged. Any caller may do the same through
`notification_queue(..., secrets=[...])`.

Addresses of people without an account (petitioners) are stored encrypted, `address` keeping only
the masked form (139****5678), like the petitioner's own record."""

import copy
import datetime as dt
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record
from minsheng.lib import crypto

from .backends import backend_for
from .catalogue import EMAIL_CLOSING, EVENTS, TemplateError, render_text
from .models import MessageTemplate, Notification
from .privacy import REDACTED, mask_address, scrub

logger = logging.getLogger("minsheng.notifications")

Channel = Notification.Channel
Status = Notification.Status
# Where each outward channel finds its address on a user.
ADDRESS_FIELDS = {Channel.SMS: "phone", Channel.EMAIL: "email"}
# How long one attempt may take before `notifications_retry` assumes its process died.
SEND_LEASE = dt.timedelta(minutes=10)


def max_attempts() -> int:
    return getattr(settings, "NOTIFICATION_MAX_ATTEMPTS", 5)


def backoff_after(attempts: int) -> dt.timedelta:
    """The wait before the next try after `attempts` failed ones: 1, 5, 30, 120, 120… minutes."""
    steps = getattr(settings, "NOTIFICATION_RETRY_BACKOFF_MINUTES", (1, 5, 30, 120))
    return dt.timedelta(minutes=steps[min(max(attempts, 1), len(steps)) - 1])


def pending_grace() -> dt.timedelta:
    # The after-commit send normally happens within a second; after this, the retry job takes over.
    return dt.timedelta(minutes=getattr(settings, "NOTIFICATION_PENDING_GRACE_MINUTES", 2))


def _stored_body(body: str, secrets) -> tuple[str, str]:
    """(body to store, encrypted payload): a text with secrets is kept whole only encrypted."""
    secrets = [s for s in (secrets or ()) if s]
    if not secrets:
        return body, ""
    shown = body
    for secret in secrets:
        shown = shown.replace(secret, REDACTED)
    return shown, crypto.encrypt(json.dumps({"body": body, "secrets": secrets}, ensure_ascii=False))


def _secrets_of(notification: Notification) -> list[str]:
    if not notification.body_encrypted:
        return []
    return json.loads(crypto.decrypt(notification.body_encrypted))["secrets"]


def notification_row(
    *,
    dedupe_key: str,
    recipient,
    channel: str,
    subject: str,
    body: str,
    matter=None,
    address: str | None = None,
    event: str = "",
    secrets=(),
) -> Notification:
    """An unsaved message, checked; what notification_queue stores, and petitioners.py in bulk."""
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
    address_encrypted = ""
    if recipient is None and address:
        # Someone without an account: their number is personal data kept encrypted, as on Petitioner.
        address_encrypted = crypto.encrypt(address)
        address = mask_address(address)
    shown, body_encrypted = _stored_body(body, secrets)
    now = timezone.now()
    # An in-app message is delivered by being stored.
    delivered = channel == Channel.IN_APP
    return Notification(
        dedupe_key=dedupe_key[:200],
        recipient=recipient,
        address=address,
        address_encrypted=address_encrypted,
        channel=channel,
        event=event,
        subject=" ".join(subject.split())[:200],
        body=shown,
        sensitive=bool(body_encrypted),
        body_encrypted=body_encrypted,
        matter=matter,
        status=Status.SENT if delivered else Status.PENDING,
        sent_at=now if delivered else None,
        next_attempt_at=None if delivered else now + pending_grace(),
    )


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
    event: str = "",
    secrets=(),
) -> tuple[Notification, bool]:
    """Queue one message; returns (notification, created). A key already queued returns its row and
    sends nothing. SMS and e-mail go out when the caller's transaction commits, so a rolled-back step
    never tells anyone about something that did not happen. `secrets` (a password in `body`) makes
    the message sensitive: stored encrypted, shown redacted."""
    row = notification_row(
        dedupe_key=dedupe_key,
        recipient=recipient,
        channel=channel,
        subject=subject,
        body=body,
        matter=matter,
        address=address,
        event=event,
        secrets=secrets,
    )
    existing = Notification.objects.filter(dedupe_key=row.dedupe_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        # Queued by someone else in the meantime.
        return Notification.objects.get(dedupe_key=row.dedupe_key), False
    if row.channel != Channel.IN_APP:
        pk = row.pk
        transaction.on_commit(lambda: notification_send(notification_id=pk), robust=True)
    return row, True


def notifications_send_after_commit(*, dedupe_keys: list[str]) -> None:
    """Send the new messages of `dedupe_keys` once the caller's transaction commits (bulk queueing)."""
    if dedupe_keys:
        transaction.on_commit(lambda: _send_new(dedupe_keys), robust=True)


def _send_new(dedupe_keys: list[str]) -> None:
    new = Notification.objects.filter(dedupe_key__in=dedupe_keys, status=Status.PENDING, attempts=0)
    for notification in new.order_by("pk"):
        _deliver(notification)


def notification_send(*, notification_id: int, now: dt.datetime | None = None) -> Notification:
    """Hand one pending or failed message to its channel's backend and record the outcome.

    Not one transaction on purpose: the attempt is claimed by a conditional update first (status
    "sending" with a lease), so two workers never send the same message, and no row lock is held while
    a gateway answers. A failing backend marks the row failed with its error, schedules the next try
    after the backoff unless the attempts are used up, and never raises to the caller."""
    return _deliver(Notification.objects.get(pk=notification_id), now=now)


def _deliver(notification: Notification, now: dt.datetime | None = None) -> Notification:
    if notification.status == Status.SENT or notification.channel == Channel.IN_APP:
        return notification
    now = now or timezone.now()
    claimed = (
        Notification.objects.filter(pk=notification.pk, attempts=notification.attempts)
        .filter(
            Q(status__in=[Status.PENDING, Status.FAILED]) | Q(status=Status.SENDING, next_attempt_at__lte=now)
        )
        .update(status=Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + SEND_LEASE)
    )
    if not claimed:
        return Notification.objects.get(pk=notification.pk)
    notification.attempts += 1
    address, secrets = notification.clear_address(), _secrets_of(notification)
    outgoing = copy.copy(notification)
    outgoing.address, outgoing.body = address, _clear_body(notification)
    try:
        backend_for(notification.channel).send(outgoing)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        # Stored scrubbed of what the row itself keeps only encrypted; logged scrubbed of everything.
        protected = address if notification.address_encrypted else ""
        notification.last_error = scrub(error, address=protected, secrets=secrets)[:2000]
        notification.status = Status.FAILED
        gave_up = notification.attempts >= max_attempts()
        retry_at = timezone.now() + backoff_after(notification.attempts)
        notification.next_attempt_at = None if gave_up else retry_at
        logger.warning(
            "sending %s #%s failed (attempt %s%s): %s",
            notification.channel,
            notification.pk,
            notification.attempts,
            ", giving up" if gave_up else "",
            scrub(error, address=address, secrets=secrets)[:500],
        )
    else:
        notification.status = Status.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.next_attempt_at = None
    notification.save(update_fields=["status", "sent_at", "last_error", "next_attempt_at"])
    if notification.status == Status.FAILED and notification.next_attempt_at is None:
        _tell_staff_of_undelivered(notification)
    return notification


def _tell_staff_of_undelivered(notification: Notification) -> None:
    """A petitioner's message that will not be retried any more: the handlers and supervisors of the
    unit holding the matter are told in-app, once, so that the petitioner is told some other way."""
    matter = notification.matter
    if notification.recipient_id is not None or matter is None or notification.event not in EVENTS:
        return
    from minsheng.accounts.models import Role, User

    unit_id = matter.handling_org_id or matter.receiving_org_id
    staff = User.objects.filter(
        is_active=True, organisation_id=unit_id, role__in=[Role.HANDLER, Role.SUPERVISOR]
    ).order_by("pk")
    values = {
        "matter_number": matter.number,
        "message": EVENTS[notification.event].label,
        "attempts": notification.attempts,
        "address": notification.address,
    }
    subject, text = message_render(event="delivery_failed", channel=Channel.IN_APP, values=values)
    for user in staff:
        notification_queue(
            dedupe_key=f"delivery_failed:{notification.pk}:{user.pk}",
            recipient=user,
            channel=Channel.IN_APP,
            subject=subject,
            body=text,
            matter=matter,
            event="delivery_failed",
        )


def _clear_body(notification: Notification) -> str:
    if not notification.body_encrypted:
        return notification.body
    return json.loads(crypto.decrypt(notification.body_encrypted))["body"]


@dataclass
class RetryReport:
    sent: int = 0
    failed: int = 0
    gave_up: int = 0


def notifications_retry_due(*, now: dt.datetime | None = None, limit: int = 500) -> RetryReport:
    """Send every SMS and e-mail whose next try is due: failed ones after their backoff, pending ones
    whose after-commit send never happened, and attempts whose process died (lease run out)."""
    now = now or timezone.now()
    report = RetryReport()
    due = (
        Notification.objects.exclude(channel=Channel.IN_APP)
        .filter(status__in=[Status.PENDING, Status.FAILED, Status.SENDING], next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", "attempts")[:limit]
    )
    for pk, attempts in list(due):
        if attempts >= max_attempts():
            # An attempt in progress when its process died, and it was the last one allowed.
            Notification.objects.filter(pk=pk, status=Status.SENDING).update(
                status=Status.FAILED, next_attempt_at=None
            )
            report.gave_up += 1
            continue
        result = notification_send(notification_id=pk, now=now)
        if result.status == Status.SENT:
            report.sent += 1
        elif result.status == Status.FAILED:
            report.failed += 1
            report.gave_up += result.next_attempt_at is None
    return report


def notification_resend(*, actor, notification: Notification, request=None) -> Notification:
    """Staff's "重新发送" of one failed SMS or e-mail, whatever attempts it has used.

    Written to the audit log before the gateway is called: a resent message may carry a petitioner's
    query password, so who sent what again must be on record even if the sending then fails. Not atomic
    on purpose, like notification_send: the gateway is called outside any transaction."""
    from .selectors import outbox_visible_to, sees_outbox

    if not sees_outbox(actor) or not outbox_visible_to(user=actor).filter(pk=notification.pk).exists():
        raise PermissionDenied("您无权重新发送该消息")
    notification.refresh_from_db()
    if notification.status != Status.FAILED:
        raise ValidationError({"status": ["只有发送失败的消息可以重新发送"]})
    audit_record(
        action=AuditEntry.Action.MESSAGE_RESEND,
        actor=actor,
        obj=notification,
        detail={
            "channel": notification.channel,
            "event": notification.event,
            "attempts": notification.attempts,
        },
        request=request,
    )
    return notification_send(notification_id=notification.pk)


_templates: dict = {"at": None, "rows": {}}
TEMPLATES_TTL = dt.timedelta(seconds=30)


def active_templates() -> dict[tuple[str, str], MessageTemplate]:
    """The bureau's active templates by (event, channel), read at most every 30 seconds: a loader that
    queues thousands of messages should not ask for them thousands of times. Saving a template in this
    process forgets them at once (MessageTemplate.save); other processes see it within the 30 seconds."""
    now = timezone.now()
    if _templates["at"] is None or now - _templates["at"] > TEMPLATES_TTL:
        rows = MessageTemplate.objects.filter(is_active=True)
        _templates.update(at=now, rows={(t.event, t.channel): t for t in rows})
    return _templates["rows"]


def templates_forget() -> None:
    _templates["at"] = None


def message_render(*, event: str, channel: str, values: dict) -> tuple[str, str]:
    """(subject, text) of `event` on `channel` with `values`: the bureau's active MessageTemplate if
    there is one, else the default of catalogue.py, in the site's language (the public reads it, not
    the member of staff whose request triggered it)."""
    spec = EVENTS[event]
    override = active_templates().get((event, channel))
    with translation.override(settings.LANGUAGE_CODE):
        if override is not None:
            try:
                subject = render_text(spec, override.subject or spec.subject, values)
                return subject, render_text(spec, override.body, values)
            except TemplateError:
                # Saved past the admin's validation (a script, an event that lost a placeholder):
                # the step that sends it must not fail, so the default wording goes out instead.
                logger.exception("message template #%s of %s cannot be rendered", override.pk, event)
        subject, text = render_text(spec, spec.subject, values), render_text(spec, spec.text, values)
        if channel == Channel.EMAIL:
            text = f"{text}\n\n{EMAIL_CLOSING}"
    return subject, text


def query_hint() -> str:
    """The pointer to the portal that ends petitioners' messages."""
    url = getattr(settings, "NOTIFICATION_PORTAL_URL", "")
    with translation.override(settings.LANGUAGE_CODE):
        if url:
            return translation.gettext("详情可凭查询码登录 %(url)s 查询。") % {"url": url}
        return translation.gettext("详情可凭查询码在网上信访平台查询。")


@transaction.atomic
def credentials_sms_send(*, phone: str, matter, query_code: str, password: str) -> Notification:
    """SMS the online portal's query code and password for `matter` to `phone`; sent after commit.

    Every call is a new message (a new password is a new message); the text is stored encrypted and
    shown with the password redacted (see the module docstring)."""
    import uuid

    phone = (phone or "").strip()
    if not phone:
        raise ValidationError({"phone": ["请填写手机号码"]})
    if not query_code or not password:
        raise ValidationError({"password": ["查询码和密码不能为空"]})
    subject, body = message_render(
        event="portal_credentials",
        channel=Channel.SMS,
        values={
            "matter_number": matter.number,
            "unit": matter.receiving_org.name,
            "query_hint": query_hint(),
            "query_code": query_code,
            "password": password,
        },
    )
    notification, _created = notification_queue(
        dedupe_key=f"portal_credentials:{matter.pk}:{uuid.uuid4().hex}",
        recipient=None,
        channel=Channel.SMS,
        subject=subject,
        body=body,
        matter=matter,
        address=phone,
        event="portal_credentials",
        secrets=[password],
    )
    return notification


def notifications_rotate_keys() -> int:
    """Re-encrypt stored addresses and sensitive texts under the newest key (manage.py rotate_field_keys)."""
    count = 0
    rows = Notification.objects.filter(~Q(address_encrypted="") | ~Q(body_encrypted=""))
    for notification in rows.only("pk", "address_encrypted", "body_encrypted").iterator():
        notification.address_encrypted = crypto.rotate(notification.address_encrypted)
        notification.body_encrypted = crypto.rotate(notification.body_encrypted)
        notification.save(update_fields=["address_encrypted", "body_encrypted"])
        count += 1
    return count


@transaction.atomic
def notifications_mark_read(*, user) -> int:
    """Mark every unread in-app message of `user` read; returns how many there were."""
    return Notification.objects.filter(recipient=user, channel=Channel.IN_APP, read_at__isnull=True).update(
        read_at=timezone.now()
    )
