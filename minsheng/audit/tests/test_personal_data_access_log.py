"""A full ID or phone number is shown only to roles that need it, and every showing is logged."""

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.accounts.services import user_create
from minsheng.audit.models import AuditEntry
from minsheng.conftest import PASSWORD, make_id_number
from minsheng.petitions import services
from minsheng.petitions.models import Nature, Petitioner

ID_NUMBER = make_id_number()  # 14062419800101123X
PHONE = "13912345678"


@pytest.fixture
def person(city, register) -> Petitioner:
    submission = register(
        concerned_org=city.yunzhong,
        petitioners=[
            services.PetitionerEntry(name="李桂兰", id_number=ID_NUMBER, phone=PHONE, address="云中镇东关村"),
        ],
    )
    return submission.petitioners.get()


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _reveal(user, person, field="id_number"):
    return _client(user).post(reverse("petitions:petitioner_reveal", args=[person.pk]), {"field": field})


def _views():
    return AuditEntry.objects.filter(action=AuditEntry.Action.PERSONAL_DATA_VIEW)


def test_it_shows_the_bureau_registrar_the_full_id_number_and_logs_it(city, person):
    response = _reveal(city.registrar, person)
    assert response.status_code == 200
    assert ID_NUMBER in response.content.decode()

    entry = _views().get()
    assert entry.actor == city.registrar
    assert entry.actor_label == "dengji"
    assert (entry.object_type, entry.object_id) == ("petitions.petitioner", str(person.pk))
    assert entry.detail == {"field": "id_number"}
    assert entry.ip_address == "127.0.0.1"


def test_it_logs_each_showing_separately(city, person):
    assert PHONE in _reveal(city.registrar, person, "phone").content.decode()
    assert ID_NUMBER in _reveal(city.supervisor, person, "id_number").content.decode()
    assert list(_views().order_by("pk").values_list("actor__username", "detail")) == [
        ("dengji", {"field": "phone"}),
        ("duban", {"field": "id_number"}),
    ]


def test_it_shows_a_handler_who_can_see_the_matter(city, person):
    response = _reveal(city.yunzhong_handler, person, "phone")
    assert response.status_code == 200
    assert PHONE in response.content.decode()
    assert _views().get().actor == city.yunzhong_handler


@pytest.mark.parametrize(
    ("who", "status"),
    # A lawyer does not see a petitioner of matters they are not assigned to at all.
    [("leader", 403), ("lawyer", 404)],
)
def test_it_refuses_roles_that_do_not_need_the_full_number(city, person, who, status):
    response = _reveal(getattr(city, who), person)
    assert response.status_code == status
    assert ID_NUMBER not in response.content.decode()
    assert not _views().exists()


@pytest.mark.parametrize("who", ["jinshatan_handler", "housing_handler"])
def test_it_hides_the_person_from_a_handler_who_sees_none_of_their_matters(city, person, who):
    response = _reveal(getattr(city, who), person)
    assert response.status_code == 404
    assert ID_NUMBER not in response.content.decode()
    assert not _views().exists()


@pytest.fixture
def whistleblower(city, register) -> Petitioner:
    return register(
        concerned_org=city.yunzhong,
        nature=Nature.ACCUSATION,
        petitioners=[
            services.PetitionerEntry(
                name="举报人", id_number=make_id_number(sequence="555"), phone="13700001111"
            ),
        ],
    ).petitioners.get()


def test_it_hides_someone_who_only_accused_a_township_from_its_handler(city, whistleblower):
    for field, value in (("id_number", make_id_number(sequence="555")), ("phone", "13700001111")):
        response = _reveal(city.yunzhong_handler, whistleblower, field)
        assert response.status_code == 404
        assert value not in response.content.decode()
    assert not _views().exists()


def test_it_hides_someone_who_only_accused_a_township_from_its_registrar(city, whistleblower):
    # 检举控告 never reaches the accused unit (Art 30); the accuser's identity least of all.
    for field, value in (("id_number", make_id_number(sequence="555")), ("phone", "13700001111")):
        response = _reveal(city.yunzhong_registrar, whistleblower, field)
        assert response.status_code in (403, 404), field
        assert value not in response.content.decode()
    assert not _views().exists()
    page = _client(city.yunzhong_registrar).get(
        reverse("petitions:petitioner_detail", args=[whistleblower.pk])
    )
    assert page.status_code == 404


def test_it_does_not_let_another_township_registrar_reveal_people_outside_its_scope(city, person):
    # 李桂兰 has petitioned only about 云中镇; a 金沙滩镇 registrar is no more entitled to her numbers than a
    # 金沙滩镇 handler is.
    jinshatan_registrar = user_create(
        username="jst_dengji",
        password=PASSWORD,
        full_name="jst_dengji",
        role=Role.REGISTRAR,
        organisation=city.jinshatan,
    )
    response = _reveal(jinshatan_registrar, person)
    assert response.status_code in (403, 404)
    assert ID_NUMBER not in response.content.decode()
    assert not _views().exists()


def test_it_refuses_a_field_that_cannot_be_revealed_with_a_clear_answer(city, person):
    response = _reveal(city.registrar, person, "address")
    assert response.status_code == 400
    assert not _views().exists()


def test_it_only_reveals_on_a_post(city, person):
    response = _client(city.registrar).get(
        reverse("petitions:petitioner_reveal", args=[person.pk]), {"field": "id_number"}
    )
    assert response.status_code == 405
    assert not _views().exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(city, person):
    response = Client().post(reverse("petitions:petitioner_reveal", args=[person.pk]), {"field": "id_number"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not _views().exists()


@pytest.mark.parametrize("who", ["registrar", "yunzhong_handler", "leader"])
def test_it_shows_only_masked_numbers_on_the_matter_page(city, person, who):
    matter = person.submissions.get().matter
    page = (
        _client(getattr(city, who)).get(reverse("petitions:matter_detail", args=[matter.pk])).content.decode()
    )
    assert "140624********123X" in page
    assert "139****5678" in page
    assert ID_NUMBER not in page
    assert PHONE not in page
    assert not _views().exists()


def test_it_offers_the_reveal_button_only_to_roles_that_may_use_it(city, person):
    matter = person.submissions.get().matter
    url = reverse("petitions:petitioner_reveal", args=[person.pk])
    assert (
        url
        in _client(city.registrar).get(reverse("petitions:matter_detail", args=[matter.pk])).content.decode()
    )
    assert (
        url
        not in _client(city.leader).get(reverse("petitions:matter_detail", args=[matter.pk])).content.decode()
    )


def test_it_shows_only_masked_numbers_on_the_person_page_and_in_the_api(city, person, api_client_for):
    page = (
        _client(city.registrar).get(reverse("petitions:petitioner_detail", args=[person.pk])).content.decode()
    )
    assert "140624********123X" in page
    assert ID_NUMBER not in page and PHONE not in page

    matter = person.submissions.get().matter
    body = api_client_for(city.registrar).get(f"/api/v1/matters/{matter.pk}").content.decode()
    assert "140624********123X" in body and "139****5678" in body
    assert ID_NUMBER not in body and PHONE not in body
    assert not _views().exists()
