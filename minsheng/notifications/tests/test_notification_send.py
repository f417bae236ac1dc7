"""A failing backend leaves the message failed with its error; a retry that succeeds sends it once."""

from minsheng.accounts.models import User
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue, notification_send

from .logs import lines


class Unreachable:
    def send(self, notification):
        raise TimeoutError("SMTP relay timed out")


def queued_email(city, django_capture_on_commit_callbacks) -> Notification:
    User.objects.filter(pk=city.supervisor.pk).update(email="duban@huairen.gov.cn")
    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = notification_queue(
            dedupe_key="e1",
            recipient=User.objects.get(pk=city.supervisor.pk),
            channel="email",
            subject="超期提醒",
            body="已超期",
        )
    notification.refresh_from_db()
    return notification


def test_it_records_a_failure_without_raising(
    city, settings, notification_log, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_BACKENDS = {**settings.NOTIFICATION_BACKENDS, "email": f"{__name__}.Unreachable"}

    notification = queued_email(city, django_capture_on_commit_callbacks)

    assert (notification.status, notification.attempts, notification.sent_at) == ("failed", 1, None)
    assert notification.last_error == "TimeoutError: SMTP relay timed out"
    assert lines(notification_log, "WARNING") == [
        f"sending email #{notification.pk} failed (attempt 1): TimeoutError: SMTP relay timed out"
    ]


def test_it_sends_a_failed_message_on_retry_and_then_never_again(
    city, settings, notification_log, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_BACKENDS = {**settings.NOTIFICATION_BACKENDS, "email": f"{__name__}.Unreachable"}
    notification = queued_email(city, django_capture_on_commit_callbacks)
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "email": "minsheng.notifications.backends.LogBackend",
    }

    retried = notification_send(notification_id=notification.pk)
    notification_send(notification_id=notification.pk)

    retried.refresh_from_db()
    assert (retried.status, retried.attempts, retried.last_error) == ("sent", 2, "")
    assert retried.sent_at is not None
    assert lines(notification_log) == [f"email #{notification.pk} to d***@huairen.gov.cn: e1"]
