"""A session ends after 30 idle minutes, counted from the last request rather than from login."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD


@pytest.fixture
def logged_in(client, db):
    office = organisation_create(name="怀仁市信访局", kind=Organisation.Kind.PETITION_BUREAU)
    user_create(
        username="dengji", password=PASSWORD, full_name="登记员", role=Role.REGISTRAR, organisation=office
    )
    response = client.post(reverse("accounts:login"), {"username": "dengji", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    return client


def _session_row(client) -> Session:
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_it_is_configured_for_thirty_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_it_sends_an_expired_session_back_to_the_login_page(logged_in):
    Session.objects.filter(pk=_session_row(logged_in).pk).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = logged_in.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/"


def test_it_pushes_the_expiry_forward_on_every_request(logged_in):
    soon = timezone.now() + dt.timedelta(minutes=2)
    Session.objects.filter(pk=_session_row(logged_in).pk).update(expire_date=soon)

    assert logged_in.get(reverse("petitions:matter_list")).status_code == 200

    expiry = _session_row(logged_in).expire_date
    assert expiry > soon
    assert expiry >= timezone.now() + dt.timedelta(minutes=29)
    assert expiry <= timezone.now() + dt.timedelta(minutes=30, seconds=5)


def test_it_keeps_a_session_alive_while_requests_keep_coming(logged_in):
    session = _session_row(logged_in)
    # 25 minutes have passed since the last request: still inside the window.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + dt.timedelta(minutes=5))
    assert logged_in.get("/").status_code == 200
    # Another 25 minutes: the previous request restarted the clock, so the user is still logged in.
    Session.objects.filter(pk=session.pk).update(
        expire_date=_session_row(logged_in).expire_date - dt.timedelta(minutes=25)
    )
    assert logged_in.get("/").status_code == 200
