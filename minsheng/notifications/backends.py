"""Ways out for SMS and e-mail, chosen per channel by settings.NOTIFICATION_BACKENDS.

A backend is a class with one method, `send(notification)`, which delivers the message or raises; the
service records either outcome on the row and retries failures (see services.notification_send). The
notification handed to `send` carries the clear address in `.address` and the clear text in `.body`
(decrypted for petitioners and sensitive messages); a backend must not log either.

An SMS gateway plugs in as one more class, for example::

    class AcmeSmsBackend:
        def send(self, notification):
            response = requests.post(
                settings.ACME_SMS_URL,
                json={"mobile": notification.address, "content": notification.body},
                timeout=10,
            )
            response.raise_for_status()  # raising marks the message failed; it is retried later

and in settings: NOTIFICATION_BACKENDS["sms"] = "myproject.sms.AcmeSmsBackend"."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.module_loading import import_string

from .privacy import mask_address

logger = logging.getLogger("minsheng.notifications")


class LogBackend:
    """Writes one line per message to the "minsheng.notifications" logger and always succeeds: for
    development, tests, and installations that have no gateway yet. The line names the message and
    the masked address, never the text: the outbox page (/notifications/outbox/) shows what was sent."""

    def send(self, notification) -> None:
        logger.info(
            "%s #%s to %s: %s",
            notification.channel,
            notification.pk,
            mask_address(notification.address),
            notification.kind,
        )


class EmailBackend:
    """Sends through Django's e-mail framework, so EMAIL_BACKEND, EMAIL_HOST and the other SMTP
    settings apply; the sender is settings.NOTIFICATION_EMAIL_FROM (default: DEFAULT_FROM_EMAIL)."""

    def send(self, notification) -> None:
        sender = getattr(settings, "NOTIFICATION_EMAIL_FROM", "") or settings.DEFAULT_FROM_EMAIL
        EmailMessage(
            subject=" ".join(notification.subject.split()),
            body=notification.body,
            from_email=sender,
            to=[notification.address],
        ).send(fail_silently=False)


def backend_for(channel: str):
    """A fresh backend of the configured class; read on every send so a changed setting applies."""
    try:
        path = settings.NOTIFICATION_BACKENDS[channel]
    except KeyError:
        raise LookupError(f"settings.NOTIFICATION_BACKENDS has no backend for {channel!r}") from None
    return import_string(path)()
