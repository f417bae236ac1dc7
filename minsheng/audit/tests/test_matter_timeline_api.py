"""A matter's timeline (办理记录) is readable through the API by whoever may see the matter."""

import pytest

from minsheng.petitions.models import MatterEvent


@pytest.fixture
def matter(city, register):
    return register(concerned_org=city.yunzhong).matter


def test_it_lists_the_registration_event_of_a_matter(city, matter, api_client_for):
    response = api_client_for(city.yunzhong_handler).get(f"/api/v1/matters/{matter.pk}/events")
    assert response.status_code == 200
    [event] = response.json()
    assert event["kind"] == MatterEvent.Kind.REGISTERED
    assert event["kind_label"] == "登记"
    assert event["actor"] == city.registrar.display_name
    assert event["organisation"] == city.bureau.name
    assert event["to_status"] == "registered"
    assert "李桂兰" in event["note"]


def test_it_shows_the_same_timeline_on_the_matter_page(city, matter, client):
    client.force_login(city.yunzhong_handler)
    page = client.get(f"/matters/{matter.pk}/").content.decode()
    assert "来访登记，信访人：李桂兰" in page
