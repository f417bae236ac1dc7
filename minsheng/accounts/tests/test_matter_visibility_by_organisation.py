"""属地管理、分级负责: a township sees its own matters and its villages', never another township's."""

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.accounts.tests.visibility import assert_sees_exactly
from minsheng.conftest import PASSWORD
from minsheng.petitions import selectors
from minsheng.petitions.models import Matter

YUNZHONG = {"yunzhong", "yunzhong village", "received by yunzhong"}
ALL = YUNZHONG | {"jinshatan"}


@pytest.fixture
def matters(city, register) -> dict[str, Matter]:
    return {
        "yunzhong": register(concerned_org=city.yunzhong, title="云中镇道路硬化未完成").matter,
        "yunzhong village": register(concerned_org=city.yunzhong_village, title="东关村低保评定不公").matter,
        "received by yunzhong": register(actor=city.yunzhong_registrar, title="宅基地纠纷").matter,
        "jinshatan": register(concerned_org=city.jinshatan, title="金沙滩镇拖欠工程款").matter,
    }


def test_it_registers_the_matters_where_the_test_expects_them(city, matters):
    assert matters["received by yunzhong"].receiving_org == city.yunzhong
    assert matters["received by yunzhong"].number.startswith("云中信〔")
    assert {matters[n].receiving_org for n in ("yunzhong", "yunzhong village", "jinshatan")} == {city.bureau}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("jinshatan_handler", {"jinshatan"}),
        ("yunzhong_handler", YUNZHONG),
        ("yunzhong_registrar", YUNZHONG),
        ("housing_handler", set()),
        ("registrar", ALL),
        ("supervisor", ALL),
        ("leader", ALL),
        ("admin", ALL),
    ],
)
def test_it_shows_each_user_exactly_the_matters_of_their_scope_everywhere(
    city, matters, api_client_for, who, expected
):
    user = getattr(city, who)
    assert_sees_exactly(user, matters, api_client_for(user), expected)


def test_it_does_not_widen_the_list_through_its_filters(city, matters, api_client_for):
    user = city.jinshatan_handler
    web = Client()
    web.force_login(user)
    api = api_client_for(user)
    hidden = matters["yunzhong"]
    link = f'href="{reverse("petitions:matter_detail", args=[hidden.pk])}"'

    for params in ({"q": hidden.number}, {"organisation": city.yunzhong.pk}, {"q": hidden.title}):
        page = web.get(reverse("petitions:matter_list"), params).content.decode()
        assert link not in page
        assert "没有符合条件的信访事项" in page or params.get("organisation")
    for params in ({"q": hidden.number}, {"organisation_id": city.yunzhong.pk}, {"q": hidden.title}):
        assert [m["id"] for m in api.get("/api/v1/matters", params).json()["items"]] in (
            [],
            [matters["jinshatan"].pk],
        )


def test_it_answers_a_hidden_matter_exactly_like_a_missing_one(city, matters, api_client_for):
    user = city.jinshatan_handler
    web = Client()
    web.force_login(user)
    api = api_client_for(user)
    hidden = matters["yunzhong"].pk
    missing = max(m.pk for m in matters.values()) + 1000

    assert web.get(reverse("petitions:matter_detail", args=[hidden])).status_code == 404
    for suffix in ("", "/events"):
        hidden_response = api.get(f"/api/v1/matters/{hidden}{suffix}")
        missing_response = api.get(f"/api/v1/matters/{missing}{suffix}")
        assert hidden_response.status_code == missing_response.status_code == 404
        assert hidden_response.json() == missing_response.json()


def test_it_follows_the_handling_unit_when_a_matter_is_assigned(city, matters, api_client_for):
    # Assigning (交办) a 云中镇 matter to 金沙滩镇 lets 金沙滩镇 see it; routing sets handling_org.
    Matter.objects.filter(pk=matters["yunzhong"].pk).update(handling_org=city.jinshatan)
    assert_sees_exactly(
        city.jinshatan_handler, matters, api_client_for(city.jinshatan_handler), {"jinshatan", "yunzhong"}
    )
    assert matters["yunzhong"] in selectors.matters_visible_to(user=city.yunzhong_handler)


def test_it_shows_nothing_to_a_user_without_an_organisation(city, matters):
    city.jinshatan_handler.organisation = None
    assert not selectors.matters_visible_to(user=city.jinshatan_handler).exists()


def test_it_keeps_two_cities_in_one_installation_apart(city, matters, register, api_client_for):
    root = organisation_create(name="应县", kind=Organisation.Kind.CITY, region_code="140622")
    bureau = organisation_create(
        name="应县信访局", kind=Organisation.Kind.PETITION_BUREAU, parent=root, number_prefix="应信"
    )
    registrar = user_create(
        username="yx_dengji",
        password=PASSWORD,
        full_name="应县登记员",
        role=Role.REGISTRAR,
        organisation=bureau,
    )
    neighbour = {"yingxian": register(actor=registrar, title="应县事项").matter}
    everything = {**matters, **neighbour}

    for who in ("registrar", "leader"):
        user = getattr(city, who)
        assert_sees_exactly(user, everything, api_client_for(user), ALL)
    assert_sees_exactly(registrar, everything, api_client_for(registrar), {"yingxian"})
    assert_sees_exactly(city.admin, everything, api_client_for(city.admin), ALL | {"yingxian"})
