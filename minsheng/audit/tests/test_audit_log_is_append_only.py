"""The audit log is kept (网络安全法 Art 21): administrators read it, nobody edits or deletes it."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record


@pytest.fixture
def entry(city):
    return audit_record(action=AuditEntry.Action.EXPORT, actor=city.registrar, detail={"rows": 12})


def test_it_lets_an_administrator_read_the_log(client, city, entry):
    client.force_login(city.admin)
    page = client.get(reverse("admin:audit_auditentry_changelist"))
    assert page.status_code == 200
    assert "dengji" in page.content.decode()
    assert client.get(reverse("admin:audit_auditentry_change", args=[entry.pk])).status_code == 200


def test_it_lets_no_administrator_change_an_entry(client, city, entry):
    client.force_login(city.admin)
    response = client.post(
        reverse("admin:audit_auditentry_change", args=[entry.pk]),
        {
            "action": "login",
            "actor_label": "someone-else",
            "object_type": "",
            "object_id": "",
            "detail": "{}",
        },
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert (entry.action, entry.actor_label) == (AuditEntry.Action.EXPORT, "dengji")


def test_it_lets_no_administrator_delete_or_add_an_entry(client, city, entry):
    client.force_login(city.admin)
    assert (
        client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    response = client.post(
        reverse("admin:audit_auditentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_it_keeps_entries_when_someone_tries_to_delete_their_author(city, entry):
    with pytest.raises(ProtectedError):
        city.registrar.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_it_hides_the_log_from_staff_who_are_not_administrators(client, city, entry):
    city.supervisor.is_staff = True
    city.supervisor.save(update_fields=["is_staff"])
    client.force_login(city.supervisor)
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 403
