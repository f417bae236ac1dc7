"""The petitioner search behind the intake rows (/petitioners/search/?q=): exact ID, phone or name prefix."""

import re

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions import selectors
from minsheng.petitions.models import Channel
from minsheng.petitions.services import PetitionerEntry

LI_ID = make_id_number(sequence="601")
LI_PHONE = "13912340601"


@pytest.fixture
def people(register):
    li = register(
        channel=Channel.VISIT,
        petitioners=[
            PetitionerEntry(name="李桂兰", id_number=LI_ID, phone=LI_PHONE, address="东关村 1 号"),
        ],
    )
    register(channel=Channel.LETTER, petitioners=[PetitionerEntry(petitioner_id=li.petitioners.get().pk)])
    register(
        petitioners=[
            PetitionerEntry(name="李四", id_number=make_id_number(sequence="602"), phone="13912340602")
        ]
    )
    register(petitioners=[PetitionerEntry(name="王桂兰", id_number=make_id_number(sequence="603"))])
    return li.petitioners.get()


def search(client, q: str) -> tuple[int, list[str], str]:
    response = client.get("/petitioners/search/", {"q": q})
    html = response.content.decode()
    return response.status_code, re.findall(r'data-name="([^"]*)"', html), html


@pytest.fixture
def registrar_client(client, city):
    client.force_login(city.registrar)
    return client


def test_it_finds_a_person_by_exact_id_number(registrar_client, people):
    status, names, html = search(registrar_client, LI_ID)

    assert status == 200
    assert names == ["李桂兰"]
    assert f'data-id="{people.pk}"' in html


def test_it_finds_a_person_by_id_number_typed_with_spaces_and_a_lower_case_x(registrar_client, register):
    number = make_id_number(region="110105", birth="19491231", sequence="002")
    assert number.endswith("X")
    register(petitioners=[PetitionerEntry(name="钱多", id_number=number)])

    _, names, _ = search(registrar_client, f"{number[:6]} {number[6:].lower()}")

    assert names == ["钱多"]


def test_it_finds_a_person_by_phone_number(registrar_client, people):
    _, names, _ = search(registrar_client, "139-1234-0601")

    assert names == ["李桂兰"]


def test_it_finds_people_by_name_prefix_with_the_most_matters_first(registrar_client, people):
    _, names, html = search(registrar_client, "李")

    assert names == ["李桂兰", "李四"]
    assert "2 件事项，来访 1 次" in html
    assert "王桂兰" not in names


def test_it_does_not_find_by_a_name_in_the_middle(registrar_client, people):
    _, names, _ = search(registrar_client, "桂兰")

    assert names == []


def test_it_shows_only_masked_id_and_phone_numbers(registrar_client, people):
    _, _, html = search(registrar_client, LI_ID)

    assert f'data-id-number="{LI_ID[:6]}********{LI_ID[-4:]}"' in html
    assert 'data-phone="139****0601"' in html
    assert LI_ID not in html
    assert LI_PHONE not in html


def test_it_does_not_match_a_partial_id_or_phone_number(registrar_client, people):
    for partial in (LI_ID[:10], LI_PHONE[:8], "12"):
        _, names, html = search(registrar_client, partial)
        assert names == [], partial
        assert "未找到已登记的信访人" in html


def test_it_returns_nothing_for_an_empty_query(registrar_client, people):
    _, names, _ = search(registrar_client, "   ")

    assert names == []


@pytest.mark.parametrize("role_user", ["yunzhong_handler", "leader", "lawyer"])
def test_it_returns_nothing_to_a_user_who_cannot_register(client, city, people, role_user):
    client.force_login(getattr(city, role_user))

    for q in (LI_ID, LI_PHONE, "李"):
        status, names, html = search(client, q)
        assert status == 200
        assert names == []
        assert "李桂兰" not in html


def test_it_limits_the_selector_to_eight_candidates(city, register):
    for i in range(10):
        register(petitioners=[PetitionerEntry(name=f"赵{i}", id_number=make_id_number(sequence=f"7{i:02d}"))])

    assert len(selectors.petitioner_search(user=city.registrar, query="赵")) == 8


def test_it_sends_anonymous_users_to_the_login_page(client):
    assert client.get("/petitioners/search/", {"q": "李"}).status_code == 302
