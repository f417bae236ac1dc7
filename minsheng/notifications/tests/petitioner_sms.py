"""Reading back the SMS queued for petitioners, as the tests of the workflow hook need them."""

from minsheng.notifications.models import Notification

PHONE = "13912345678"  # the petitioner of the `register` fixture
MASKED = "139****5678"


def petitioner_sms(event: str) -> list[Notification]:
    return list(Notification.objects.filter(event=event, recipient__isnull=True).order_by("pk"))


def one_text(event: str) -> str:
    (message,) = petitioner_sms(event)
    assert (message.channel, message.address, message.clear_address()) == ("sms", MASKED, PHONE)
    return message.body
