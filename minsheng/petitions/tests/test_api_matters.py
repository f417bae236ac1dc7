"""Reading matters through the API: the paginated list, one matter with its submissions, its timeline."""

import datetime as dt

import pytest

from minsheng.petitions.models import Channel, Matter
from minsheng.petitions.services import PetitionerEntry

from .helpers import beijing


@pytest.fixture
def matters(register, city, person):
    first = register(channel=Channel.VISIT, received_at=beijing(2025, 3, 1, 9), title="反映征地补偿款未发放")
    register(
        channel=Channel.LETTER,
        received_at=beijing(2025, 3, 5, 9),
        matter=first.matter,
        petitioners=[PetitionerEntry(petitioner_id=first.petitioners.get().pk)],
    )
    register(
        channel=Channel.LETTER,
        received_at=beijing(2025, 3, 5, 9),
        matter=first.matter,
        petitioners=[person("邻居")],
    )
    wages = register(channel=Channel.PHONE, received_at=beijing(2025, 4, 1, 9), title="反映拖欠工资").matter
    township = register(
        actor=city.yunzhong_registrar,
        channel=Channel.ONLINE,
        received_at=beijing(2025, 5, 1, 9),
        title="反映道路破损",
    ).matter
    Matter.objects.filter(pk=wages.pk).update(status=Matter.Status.ACCEPTED)
    return first.matter, wages, township


@pytest.fixture
def api(api_client_for, city):
    return api_client_for(city.registrar)


def test_it_lists_matters_newest_first_with_a_count(api, matters):
    land, wages, township = matters

    response = api.get("/api/v1/matters")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    assert [m["number"] for m in data["items"]] == [township.number, wages.number, land.number]
    item = data["items"][2]
    assert item["title"] == "反映征地补偿款未发放"
    assert item["status"] == "registered"
    assert item["status_label"] == "已登记"
    assert item["first_channel"] == "visit"
    assert item["receiving_org"]["name"] == "怀仁市信访局"
    assert item["due_on"] == "2025-03-17"  # 15 days end on Sunday 16 March, so Monday
    assert item["due_kind"] == "route"
    assert dt.datetime.fromisoformat(item["received_at"]) == beijing(2025, 3, 1, 9)


def test_it_paginates_the_list(api, matters):
    land, wages, township = matters

    first = api.get("/api/v1/matters", {"page_size": 2}).json()
    second = api.get("/api/v1/matters", {"page_size": 2, "page": 2}).json()
    beyond = api.get("/api/v1/matters", {"page_size": 2, "page": 3}).json()

    assert (first["count"], second["count"], beyond["count"]) == (3, 3, 3)
    assert [m["number"] for m in first["items"]] == [township.number, wages.number]
    assert [m["number"] for m in second["items"]] == [land.number]
    assert beyond["items"] == []


def test_it_filters_the_list_by_text_and_status(api, matters):
    land, wages, _ = matters

    by_text = api.get("/api/v1/matters", {"q": "征地"}).json()
    by_status = api.get("/api/v1/matters", {"status": "accepted"}).json()
    by_both = api.get("/api/v1/matters", {"q": "征地", "status": "accepted"}).json()

    assert [m["number"] for m in by_text["items"]] == [land.number]
    assert by_text["count"] == 1
    assert [m["number"] for m in by_status["items"]] == [wages.number]
    assert by_both == {"items": [], "count": 0}


def test_it_filters_the_list_by_channel_organisation_and_dates(api, city, matters):
    land, wages, township = matters

    def numbers(**params):
        return [m["number"] for m in api.get("/api/v1/matters", params).json()["items"]]

    assert numbers(channel="letter") == [land.number]
    assert numbers(organisation_id=city.yunzhong.pk) == [township.number]
    assert numbers(received_from="2025-04-01", received_to="2025-04-30") == [wages.number]
    assert numbers(sort="received_at") == [land.number, wages.number, township.number]
    assert numbers(organisation_id=987_654) == []


def test_it_answers_422_for_an_unknown_status_filter(api, matters):
    response = api.get("/api/v1/matters", {"status": "lost"})

    assert response.status_code == 422
    assert "status" in response.json()["errors"]


def test_it_lists_only_matters_the_caller_may_see(api_client_for, city, matters):
    _, _, township = matters

    data = api_client_for(city.yunzhong_handler).get("/api/v1/matters").json()

    assert [m["number"] for m in data["items"]] == [township.number]


def test_it_returns_one_matter_with_its_submissions(api, matters):
    land, _, _ = matters

    response = api.get(f"/api/v1/matters/{land.pk}")

    assert response.status_code == 200
    data = response.json()
    assert data["number"] == land.number
    assert data["content"] == "本人房屋于去年被征收，补偿款至今未发放到位。"
    assert data["demands"] == "请求尽快发放补偿款"
    assert [s["channel"] for s in data["submissions"]] == ["visit", "letter", "letter"]
    assert [s["is_repeat"] for s in data["submissions"]] == [False, True, False]
    assert {s["matter_number"] for s in data["submissions"]} == {land.number}
    assert data["submissions"][0]["petitioners"][0]["name"] == "李桂兰"
    assert data["submissions"][0]["petitioners"][0]["phone_masked"] == "139****5678"
    assert data["submissions"][2]["petitioners"][0]["name"] == "邻居"


def test_it_answers_404_for_a_matter_the_caller_cannot_see(api_client_for, city, matters):
    land, _, township = matters
    handler = api_client_for(city.jinshatan_handler)

    for path in (f"/api/v1/matters/{land.pk}", f"/api/v1/matters/{township.pk}/events"):
        response = handler.get(path)
        assert response.status_code == 404
        assert response.json() == {"detail": "找不到该对象，或您无权查看"}


def test_it_answers_404_for_a_matter_that_does_not_exist(api, matters):
    assert api.get("/api/v1/matters/987654").status_code == 404


def test_it_returns_the_timeline_in_order(api, city, matters):
    land, _, _ = matters

    response = api.get(f"/api/v1/matters/{land.pk}/events")

    assert response.status_code == 200
    events = response.json()
    assert [e["kind"] for e in events] == ["registered", "submission_attached", "submission_attached"]
    assert [e["kind_label"] for e in events] == ["登记", "追加信访件", "追加信访件"]
    assert events[0]["actor"] == "dengji"
    assert events[0]["organisation"] == "怀仁市信访局"
    assert events[0]["to_status"] == "registered"
    assert events[1]["note"].startswith("重复信访")
    assert events[2]["note"].startswith("其他信访人就同一事项信访")
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)


def test_it_answers_401_without_a_token(client, matters):
    land, _, _ = matters

    for path in ("/api/v1/matters", f"/api/v1/matters/{land.pk}", f"/api/v1/matters/{land.pk}/events"):
        assert client.get(path).status_code == 401


def test_it_accepts_a_logged_in_session_too(client, city, matters):
    client.force_login(city.registrar)

    assert client.get("/api/v1/matters").json()["count"] == 3


def test_it_describes_the_endpoints_in_openapi(client, city):
    client.force_login(city.registrar)

    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "post" in paths["/api/v1/submissions"]
    assert "get" in paths["/api/v1/matters"]
    assert "get" in paths["/api/v1/matters/{matter_id}"]
    assert "get" in paths["/api/v1/matters/{matter_id}/events"]
    assert paths["/api/v1/submissions"]["post"]["summary"] == "登记信访件"
    assert {"201", "403", "422"} <= set(paths["/api/v1/submissions"]["post"]["responses"])


def test_it_serves_the_api_docs_to_a_logged_in_user(client, city):
    client.force_login(city.registrar)

    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_it_gives_times_in_the_bureaus_time_zone(api, matters):
    land, _wages, _township = matters

    listed = api.get("/api/v1/matters").json()["items"][2]
    detail = api.get(f"/api/v1/matters/{land.pk}").json()

    assert listed["received_at"] == "2025-03-01T09:00:00+08:00"
    assert detail["submissions"][0]["received_at"] == "2025-03-01T09:00:00+08:00"
