"""Failed SMS and e-mail are retried by `manage.py notifications_retry` after a growing wait, up to
NOTIFICATION_MAX_ATTEMPTS; the same job sends messages whose after-commit send never happened."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue, notification_send, notifications_retry_due

from . import gateways

MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def flaky(settings):
    gateways.reset(failures=1)
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "sms": f"{gateways.__name__}.FlakyGateway",
    }
    settings.NOTIFICATION_MAX_ATTEMPTS = 5
    settings.NOTIFICATION_RETRY_BACKOFF_MINUTES = (1, 5, 30, 120)
    return gateways


def queued(capture, key="r1") -> Notification:
    with capture(execute=True):
        notification, _ = notification_queue(
            dedupe_key=key,
            recipient=None,
            channel="sms",
            subject="提醒",
            body="请查收",
            address="13811112222",
        )
    notification.refresh_from_db()
    return notification


def at(notification) -> dt.datetime:
    notification.refresh_from_db()
    return notification.next_attempt_at


def test_it_retries_a_failed_message_after_its_backoff(db, flaky, django_capture_on_commit_callbacks):
    notification = queued(django_capture_on_commit_callbacks)
    failed_at = timezone.now()

    assert (notification.status, notification.attempts) == ("failed", 1)
    assert failed_at - MINUTE < at(notification) - MINUTE <= failed_at
    # Not yet due: nothing happens.
    assert notifications_retry_due(now=failed_at).sent == 0
    assert flaky.FlakyGateway.calls == 1

    report = notifications_retry_due(now=notification.next_attempt_at + dt.timedelta(seconds=1))

    notification.refresh_from_db()
    assert (report.sent, report.failed) == (1, 0)
    assert (notification.status, notification.attempts, notification.next_attempt_at) == ("sent", 2, None)
    assert flaky.Recorder.delivered == [("13811112222", "请查收")]


def test_it_waits_longer_after_each_failure_and_gives_up_at_the_maximum(
    db, flaky, notification_log, django_capture_on_commit_callbacks
):
    flaky.FlakyGateway.failures = 99
    notification = queued(django_capture_on_commit_callbacks)
    waits = []
    for _attempt in range(4):
        before = timezone.now()
        due = at(notification)
        notifications_retry_due(now=due)
        waits.append(round((at(notification) - before) / MINUTE) if at(notification) else None)

    notification.refresh_from_db()
    # After attempts 2, 3 and 4 the waits are 5, 30 and 120 minutes; the 5th failure is the last.
    assert waits == [5, 30, 120, None]
    assert (notification.status, notification.attempts) == ("failed", 5)
    assert "giving up" in notification_log.text
    assert notifications_retry_due(now=timezone.now() + dt.timedelta(days=1)).sent == 0
    assert flaky.FlakyGateway.calls == 5


def test_it_sends_a_message_whose_after_commit_send_never_happened(
    db, flaky, django_capture_on_commit_callbacks
):
    flaky.FlakyGateway.failures = 0
    # Queued in a transaction whose process died before its on-commit callback ran.
    with django_capture_on_commit_callbacks(execute=False):
        notification, _ = notification_queue(
            dedupe_key="lost",
            recipient=None,
            channel="sms",
            subject="提醒",
            body="请查收",
            address="13811112222",
        )

    assert notifications_retry_due(now=timezone.now()).sent == 0  # within the grace period
    report = notifications_retry_due(now=timezone.now() + dt.timedelta(minutes=3))

    notification.refresh_from_db()
    assert (report.sent, notification.status, notification.attempts) == (1, "sent", 1)


def test_it_takes_over_an_attempt_whose_process_died(db, flaky, django_capture_on_commit_callbacks):
    flaky.FlakyGateway.failures = 0
    with django_capture_on_commit_callbacks(execute=False):
        notification, _ = notification_queue(
            dedupe_key="stuck",
            recipient=None,
            channel="sms",
            subject="提醒",
            body="请查收",
            address="13811112222",
        )
    lease_end = timezone.now() + dt.timedelta(minutes=10)
    Notification.objects.filter(pk=notification.pk).update(
        status="sending", attempts=1, next_attempt_at=lease_end
    )

    assert notifications_retry_due(now=lease_end - MINUTE).sent == 0  # still someone else's attempt
    assert notifications_retry_due(now=lease_end + MINUTE).sent == 1
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)


def test_the_command_reports_what_it_did(db, flaky, django_capture_on_commit_callbacks):
    notification = queued(django_capture_on_commit_callbacks)
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now() - MINUTE)
    out = StringIO()

    call_command("notifications_retry", stdout=out)

    assert out.getvalue().strip() == "重试发送：成功 1 条，失败 0 条，其中已停止自动重试 0 条"


def test_it_never_retries_in_app_messages_or_sent_ones(city, flaky, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification_queue(dedupe_key="a", recipient=city.supervisor, channel="in_app", subject="s", body="b")
    flaky.FlakyGateway.failures = 0
    queued(django_capture_on_commit_callbacks, key="sent")

    report = notifications_retry_due(now=timezone.now() + dt.timedelta(days=1))

    assert (report.sent, report.failed) == (0, 0)


def test_the_unit_is_told_in_app_when_a_petitioners_sms_is_given_up(
    city, register, flaky, django_capture_on_commit_callbacks
):
    flaky.FlakyGateway.failures = 99
    with django_capture_on_commit_callbacks(execute=True):
        matter = register().matter
    message = Notification.objects.get(event="registered")
    for _attempt in range(4):
        notifications_retry_due(now=at(message))

    told = Notification.objects.filter(event="delivery_failed")
    assert {n.recipient for n in told} == {city.supervisor}  # the bureau holds the matter; no handler there
    (note,) = told
    assert (note.channel, note.matter, note.status) == ("in_app", matter, "sent")
    assert note.subject == f"短信未送达：信访事项{matter.number}"
    assert note.body.startswith(
        f"信访事项{matter.number}的“已登记”短信经5次尝试仍未送达信访人（139****5678）"
    )
    # Resending by hand and failing again tells nobody twice.
    notification_send(notification_id=message.pk)
    assert Notification.objects.filter(event="delivery_failed").count() == 1
