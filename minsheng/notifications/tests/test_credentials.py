"""The portal's query code and password by SMS: the password is never readable in the database, the
log or the outbox page, yet the gateway gets the whole text and a failed message can be retried."""

import pytest

from minsheng.notifications.models import Notification
from minsheng.notifications.services import credentials_sms_send, notification_send

from . import gateways

PASSWORD = "58302716"
CODE = "K7Q2M9XW4P"
PHONE = "13987654321"


@pytest.fixture
def gateway(settings):
    gateways.reset()
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "sms": f"{gateways.__name__}.Recorder",
    }
    return gateways


def send(matter, capture):
    with capture(execute=True):
        notification = credentials_sms_send(phone=PHONE, matter=matter, query_code=CODE, password=PASSWORD)
    notification.refresh_from_db()
    return notification


def test_it_gives_the_gateway_the_whole_text(city, register, gateway, django_capture_on_commit_callbacks):
    matter = register().matter

    notification = send(matter, django_capture_on_commit_callbacks)

    assert notification.status == "sent"
    ((address, text),) = gateway.Recorder.delivered
    assert address == PHONE
    assert text == (
        f"您的网上信访已提交，编号{matter.number}。查询码{CODE}，密码{PASSWORD}，"
        "请妥善保管，切勿告诉他人。详情可凭查询码在网上信访平台查询。"
    )


def test_it_stores_the_password_and_the_number_only_encrypted(
    city, register, gateway, django_capture_on_commit_callbacks
):
    matter = register().matter

    notification = send(matter, django_capture_on_commit_callbacks)

    row = str(Notification.objects.filter(pk=notification.pk).values().get())
    assert PASSWORD not in row and PHONE not in row
    assert notification.sensitive and notification.body_encrypted
    assert "密码******，" in notification.body and CODE in notification.body
    assert notification.address == "139****4321"


def test_it_keeps_the_password_out_of_the_log_and_the_error_when_the_gateway_fails(
    city, register, settings, notification_log, django_capture_on_commit_callbacks
):
    gateways.reset(failures=1)
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "sms": f"{gateways.__name__}.FlakyGateway",
    }
    matter = register().matter

    notification = send(matter, django_capture_on_commit_callbacks)

    assert notification.status == "failed"
    assert PASSWORD not in notification.last_error and PHONE not in notification.last_error
    assert notification.last_error.startswith("ConnectionError: gateway refused 139****4321: ")
    assert PASSWORD not in notification_log.text and PHONE not in notification_log.text
    assert f"sending sms #{notification.pk} failed (attempt 1)" in notification_log.text

    retried = notification_send(notification_id=notification.pk)

    assert retried.status == "sent"
    assert gateways.Recorder.delivered == [(PHONE, gateways.Recorder.delivered[0][1])]
    assert f"密码{PASSWORD}，" in gateways.Recorder.delivered[0][1]
    assert PASSWORD not in notification_log.text


def test_each_call_is_a_new_message(city, register, gateway, django_capture_on_commit_callbacks):
    matter = register().matter

    send(matter, django_capture_on_commit_callbacks)
    send(matter, django_capture_on_commit_callbacks)

    assert Notification.objects.filter(event="portal_credentials").count() == 2


def test_it_refuses_to_send_without_a_number_or_a_password(city, register):
    from django.core.exceptions import ValidationError

    matter = register().matter
    with pytest.raises(ValidationError, match="请填写手机号码"):
        credentials_sms_send(phone=" ", matter=matter, query_code=CODE, password=PASSWORD)
    with pytest.raises(ValidationError, match="查询码和密码不能为空"):
        credentials_sms_send(phone=PHONE, matter=matter, query_code=CODE, password="")
    assert not Notification.objects.filter(event="portal_credentials").exists()


def test_keys_rotate_for_stored_numbers_and_texts(
    city, register, gateway, settings, django_capture_on_commit_callbacks
):
    from cryptography.fernet import Fernet

    from minsheng.notifications.services import _clear_body, notifications_rotate_keys

    matter = register().matter
    notification = send(matter, django_capture_on_commit_callbacks)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.FIELD_ENCRYPTION_KEYS]

    assert notifications_rotate_keys() == Notification.objects.exclude(address_encrypted="").count()

    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    notification.refresh_from_db()
    assert notification.clear_address() == PHONE
    assert f"密码{PASSWORD}" in _clear_body(notification)


def test_the_admin_shows_neither_the_password_nor_the_number(
    client, city, register, gateway, django_capture_on_commit_callbacks
):
    notification = send(register().matter, django_capture_on_commit_callbacks)
    client.force_login(city.admin)

    listing = client.get("/admin/notifications/notification/").content.decode()
    detail = client.get(f"/admin/notifications/notification/{notification.pk}/change/").content.decode()

    for html in (listing, detail):
        assert PASSWORD not in html and PHONE not in html
    assert "139****4321" in listing and "密码******" in detail
