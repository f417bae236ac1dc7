"""ID and phone numbers are never stored in the clear, whichever way they enter or are looked at."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from minsheng.audit.models import AuditEntry
from minsheng.conftest import make_id_number
from minsheng.lib.tests.rawdb import stored_values, tables_containing
from minsheng.petitions import services
from minsheng.petitions.models import Channel, Petitioner

# One person per way in: the service, the intake page and the API.
BY_SERVICE = ("李桂兰", make_id_number(birth="19580704", sequence="246"), "13912345678")
BY_PAGE = ("张守业", make_id_number(birth="19610923", sequence="371"), "15034567890")
BY_API = ("刘翠英", make_id_number(birth="19700115", sequence="582"), "18698765432")
PEOPLE = [BY_SERVICE, BY_PAGE, BY_API]


def _secrets():
    for _name, id_number, phone in PEOPLE:
        yield id_number
        yield id_number[:17]  # without its check character
        yield phone


def _register_everywhere(city, register, client, api_client_for):
    name, id_number, phone = BY_SERVICE
    register(
        petitioners=[services.PetitionerEntry(name=name, id_number=id_number, phone=phone, address="东关村")]
    )

    client.force_login(city.registrar)
    name, id_number, phone = BY_PAGE
    response = client.post(
        reverse("petitions:intake"),
        {
            "channel": Channel.VISIT,
            "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "receiving_org": city.bureau.pk,
            "head_count": 1,
            "title": "反映低保被取消",
            "content": "低保无故被取消。",
            "nature": "claim",
            "p-TOTAL_FORMS": 1,
            "p-INITIAL_FORMS": 0,
            "p-MIN_NUM_FORMS": 0,
            "p-MAX_NUM_FORMS": 200,
            "p-0-name": name,
            "p-0-id_number": id_number.lower(),
            "p-0-phone": phone,
            "p-0-address": "西村",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    name, id_number, phone = BY_API
    response = api_client_for(city.registrar).post(
        "/api/v1/submissions",
        {
            "channel": "letter",
            "received_at": (timezone.now() - dt.timedelta(hours=2)).isoformat(),
            "title": "反映工资拖欠",
            "content": "工地拖欠工资。",
            "petitioners": [{"name": name, "id_number": id_number, "phone": phone}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content.decode()

    # Looking people up and revealing them writes search and audit rows; none may hold the number.
    for _name, id_number, phone in PEOPLE:
        person = Petitioner.objects.get(name=_name)
        assert client.get(reverse("petitions:petitioner_search"), {"q": id_number}).status_code == 200
        assert client.get(reverse("petitions:petitioner_search"), {"q": phone}).status_code == 200
        for field in ("id_number", "phone"):
            response = client.post(reverse("petitions:petitioner_reveal", args=[person.pk]), {"field": field})
            assert response.status_code == 200
        assert client.get(reverse("petitions:petitioner_detail", args=[person.pk])).status_code == 200
    assert Petitioner.objects.count() == 3
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PERSONAL_DATA_VIEW).count() == 6


def test_it_stores_no_id_or_phone_number_in_any_table(city, register, client, api_client_for):
    _register_everywhere(city, register, client, api_client_for)

    # The scan sees the data: names and addresses are stored as they are.
    assert "petitions_petitioner" in tables_containing("张守业")
    assert "petitions_petitioner" in tables_containing("东关村")

    leaks = [(table, secret) for table, value in stored_values() for secret in _secrets() if secret in value]
    assert leaks == []


@pytest.mark.django_db(transaction=True)
def test_it_writes_no_id_or_phone_number_into_the_database_file(
    city, register, client, api_client_for, tmp_path
):
    if connection.vendor != "sqlite":
        pytest.skip(
            "the on-disk check copies the database with SQLite's VACUUM INTO; the table scan covers others"
        )
    _register_everywhere(city, register, client, api_client_for)

    copy = tmp_path / "copy.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    content = copy.read_bytes()

    assert "张守业".encode() in content  # the check can see what is in the file
    for secret in _secrets():
        assert secret.encode() not in content, secret
