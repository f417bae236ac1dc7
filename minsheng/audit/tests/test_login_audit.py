"""Logins, failed logins and logouts are written to the audit log with who and from where."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.audit.models import AuditEntry
from minsheng.conftest import PASSWORD
from minsheng.lib.tests.rawdb import tables_containing


@pytest.fixture
def user(db):
    office = organisation_create(name="怀仁市信访局", kind=Organisation.Kind.PETITION_BUREAU)
    return user_create(
        username="dengji", password=PASSWORD, full_name="登记员", role=Role.REGISTRAR, organisation=office
    )


def test_it_records_a_failed_login_with_the_username_typed(client, user):
    client.post(reverse("accounts:login"), {"username": "dengji", "password": "not-the-password"})
    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.LOGIN_FAILED
    assert entry.actor is None
    assert entry.actor_label == "dengji"
    assert entry.ip_address == "127.0.0.1"


def test_it_records_a_failed_login_for_an_unknown_username(client, user):
    client.post(reverse("accounts:login"), {"username": "nobody", "password": "whatever"})
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor_label) == (AuditEntry.Action.LOGIN_FAILED, "nobody")


def test_it_records_a_successful_login_with_the_user(client, user):
    response = client.post(reverse("accounts:login"), {"username": "dengji", "password": PASSWORD})
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.LOGIN
    assert entry.actor == user
    assert entry.actor_label == "dengji"
    assert entry.ip_address == "127.0.0.1"


def test_it_never_stores_a_typed_password_anywhere(client, user):
    client.post(reverse("accounts:login"), {"username": "dengji", "password": "Secret-typo-2026"})
    client.post(reverse("accounts:login"), {"username": "dengji", "password": PASSWORD})
    assert AuditEntry.objects.count() == 2
    assert tables_containing("dengji") >= {"audit_auditentry", "axes_accesslog"}  # the scan sees the logs
    assert tables_containing("Secret-typo-2026") == set()
    assert tables_containing(PASSWORD) == set()


def test_it_records_a_logout(client, user):
    client.post(reverse("accounts:login"), {"username": "dengji", "password": PASSWORD})
    client.post(reverse("accounts:logout"))
    actions = list(AuditEntry.objects.order_by("at", "pk").values_list("action", "actor"))
    assert actions == [(AuditEntry.Action.LOGIN, user.pk), (AuditEntry.Action.LOGOUT, user.pk)]


def test_it_records_a_refused_login_of_a_locked_account_as_failed(client, user):
    for n in range(5):
        client.post(reverse("accounts:login"), {"username": "dengji", "password": f"wrong-{n}"})
    client.post(reverse("accounts:login"), {"username": "dengji", "password": PASSWORD})
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED, actor_label="dengji").count() == 6
