"""notification_queue stores a message once per dedupe key and sends SMS and e-mail after commit."""

import pytest
from django.db import transaction

from minsheng.accounts.models import User
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue

from .logs import lines


@pytest.fixture
def handler(city):
    User.objects.filter(pk=city.yunzhong_handler.pk).update(phone="13900000002", email="yz@huairen.gov.cn")
    return User.objects.get(pk=city.yunzhong_handler.pk)


def queue(handler, channel, key="k1", **extra):
    return notification_queue(
        dedupe_key=key, recipient=handler, channel=channel, subject="临期提醒", body="请及时办理", **extra
    )


def test_it_stores_an_in_app_message_as_delivered(
    handler, notification_log, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification, created = queue(handler, "in_app")

    assert created
    assert (notification.recipient, notification.address, notification.status) == (handler, "", "sent")
    assert notification.sent_at is not None and notification.read_at is None
    assert callbacks == [] and lines(notification_log) == []


@pytest.mark.parametrize(("channel", "address"), [("sms", "13900000002"), ("email", "yz@huairen.gov.cn")])
def test_it_sends_sms_and_email_to_the_users_address_after_commit(
    handler, notification_log, django_capture_on_commit_callbacks, channel, address
):
    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = queue(handler, channel)
        assert Notification.objects.get().status == "pending"
        assert lines(notification_log) == []

    notification.refresh_from_db()
    assert (notification.address, notification.status, notification.attempts) == (address, "sent", 1)
    # The log names the message and a masked address, never the text.
    masked = {"sms": "139****0002", "email": "y***@huairen.gov.cn"}[channel]
    assert lines(notification_log) == [f"{channel} #{notification.pk} to {masked}: k1"]
    assert address not in notification_log.text and "请及时办理" not in notification_log.text


def test_it_never_sends_twice_for_the_same_key(handler, notification_log, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, created = queue(handler, "sms")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again, created_again = queue(handler, "sms")

    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert callbacks == []
    assert len(lines(notification_log)) == 1


def test_it_sends_nothing_when_the_callers_transaction_rolls_back(
    handler, notification_log, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue(handler, "sms")
        raise RuntimeError("the step failed")

    assert not Notification.objects.exists()
    assert lines(notification_log) == []


def test_it_refuses_a_message_without_an_address_or_channel(city, handler):
    with pytest.raises(ValueError, match="no address to send email to"):
        queue(city.housing_handler, "email")
    with pytest.raises(ValueError, match="unknown notification channel"):
        queue(handler, "fax")
    with pytest.raises(ValueError, match="needs a recipient"):
        queue(None, "in_app")
    assert not Notification.objects.exists()


def test_it_sends_to_an_address_given_for_someone_without_an_account_keeping_it_encrypted(
    db, notification_log, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = queue(None, "sms", address=" 13812345678 ")

    notification.refresh_from_db()
    assert (notification.recipient, notification.address, notification.status) == (
        None,
        "138****5678",
        "sent",
    )
    assert notification.clear_address() == "13812345678"
    assert "13812345678" not in str(Notification.objects.values().get())
