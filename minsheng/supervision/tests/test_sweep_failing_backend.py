"""A failing SMS gateway leaves its message failed with the error and does not undo the sweep."""

from minsheng.notifications.models import Notification
from minsheng.supervision.models import SupervisionItem

from .conftest import TODAY
from .sweeping import sweep


class GatewayDown:
    """An SMS backend whose gateway refuses every message."""

    def send(self, notification):
        raise ConnectionError(f"短信网关无响应（{notification.address}）")


def test_it_records_the_failure_and_keeps_everything_else(
    city, matters, people, settings, django_capture_on_commit_callbacks, notification_log
):
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "sms": f"{__name__}.GatewayDown",
    }

    report = sweep(django_capture_on_commit_callbacks, TODAY)

    assert (report.reminders, report.items_opened) == (12, 2)
    failed = Notification.objects.filter(status="failed")
    assert sorted(failed.values_list("address", flat=True)) == ["13900000001", "13900000002", "13900000002"]
    assert set(failed.values_list("channel", flat=True)) == {"sms"}
    one = failed.filter(address="13900000001").get()
    assert (one.attempts, one.sent_at) == (1, None)
    assert one.last_error == "ConnectionError: 短信网关无响应（13900000001）"
    # E-mail still went out, in-app messages are there, and the items stay open.
    assert Notification.objects.filter(channel="email", status="sent").count() == 3
    assert Notification.objects.filter(channel="in_app", status="sent").count() == 6
    assert SupervisionItem.objects.count() == 2
    warnings = [r.getMessage() for r in notification_log.records if r.levelname == "WARNING"]
    assert len(warnings) == 3
    assert f"sending sms #{one.pk} failed (attempt 1): ConnectionError" in "\n".join(warnings)


def test_it_does_not_send_a_failed_message_again_on_the_next_run(
    city, matters, people, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_BACKENDS = {**settings.NOTIFICATION_BACKENDS, "sms": f"{__name__}.GatewayDown"}
    sweep(django_capture_on_commit_callbacks, TODAY)

    again = sweep(django_capture_on_commit_callbacks, TODAY)

    assert again.reminders == 0
    staff_sms = Notification.objects.filter(channel="sms", recipient__isnull=False)
    assert set(staff_sms.values_list("attempts", flat=True)) == {1}
