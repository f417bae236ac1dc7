"""Ways out for SMS and e-mail, chosen per channel by settings.NOTIFICATION_BACKENDS.

A backend has one method, `send(notification)`, which delivers the message or raises; the service
records either outcome on the row. A real SMS gateway or SMTP relay is one more class here."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("minsheng.notifications")


class LogBackend:
    """Writes one line per message to the "minsheng.notifications" logger and always succeeds: for
    development, tests, and installations that have no gateway yet."""

    def send(self, notification) -> None:
        # One line, so that a log search for an address or a matter finds every message at once.
        logger.info(
            "%s #%s to %s: %s",
            notification.channel,
            notification.pk,
            notification.address,
            " ".join(notification.subject.split()),
        )


def backend_for(channel: str):
    """A fresh backend of the configured class; read on every send so a changed setting applies."""
    try:
        path = settings.NOTIFICATION_BACKENDS[channel]
    except KeyError:
        raise LookupError(f"settings.NOTIFICATION_BACKENDS has no backend for {channel!r}") from None
    return import_string(path)()
