"""Five wrong passwords lock an account (not the office's shared IP) for 15 minutes, with django-axes."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD

LOGIN = reverse("accounts:login")


@pytest.fixture
def users(db):
    office = organisation_create(name="云中镇", kind=Organisation.Kind.TOWNSHIP)
    return [
        user_create(
            username=name, password=PASSWORD, full_name=name, role=Role.REGISTRAR, organisation=office
        )
        for name in ("yz_dengji", "yz_dengji2")
    ]


def _login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def _fail_five_times(client, username):
    responses = [_login(client, username, f"wrong-{n}") for n in range(5)]
    assert [r.status_code for r in responses[:4]] == [200] * 4  # the form again, with an error
    return responses


def _move_attempts_back(by: dt.timedelta):
    """What the passing of time does to axes: its attempts become older."""
    attempts = AccessAttempt.objects.filter(username="yz_dengji")
    assert attempts.exists()
    for attempt in attempts:
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - by)


def test_it_logs_in_with_the_right_password(client, users):
    response = _login(client, "yz_dengji", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_it_refuses_the_right_password_after_five_wrong_ones(client, users):
    responses = _fail_five_times(client, "yz_dengji")
    assert responses[4].status_code == 429

    response = _login(client, "yz_dengji", PASSWORD)
    assert response.status_code == 429
    assert "账户已暂时锁定" in response.content.decode()
    assert "15 分钟" in response.content.decode()
    assert not _logged_in(client)


def test_it_does_not_lock_after_four_wrong_passwords(client, users):
    for n in range(4):
        _login(client, "yz_dengji", f"wrong-{n}")
    assert _login(client, "yz_dengji", PASSWORD).status_code == 302


def test_it_does_not_lock_a_colleague_at_the_same_address(client, users):
    _fail_five_times(client, "yz_dengji")
    response = _login(client, "yz_dengji2", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_it_lets_the_account_in_again_after_fifteen_minutes(client, users):
    _fail_five_times(client, "yz_dengji")
    assert _login(client, "yz_dengji", PASSWORD).status_code == 429

    _move_attempts_back(dt.timedelta(minutes=16))

    response = _login(client, "yz_dengji", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_it_keeps_the_account_locked_within_fifteen_minutes(client, users):
    _fail_five_times(client, "yz_dengji")
    _move_attempts_back(dt.timedelta(minutes=14))
    assert _login(client, "yz_dengji", PASSWORD).status_code == 429
