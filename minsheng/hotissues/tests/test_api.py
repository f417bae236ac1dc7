"""GET /api/v1/hot-issues, GET /api/v1/hot-issues/{id}, POST /api/v1/joint-handlings."""

import json

import pytest

from minsheng.hotissues.models import HotIssue, JointHandling
from minsheng.hotissues.services import hot_issues_refresh
from minsheng.petitions.models import MatterEvent

from .helpers import period


@pytest.fixture
def analysed(estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    return HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])


def post(client, body):
    return client.post("/api/v1/joint-handlings", json.dumps(body), content_type="application/json")


def test_it_lists_hot_issues_by_size_with_their_figures(api_client_for, city, estates, analysed):
    body = api_client_for(city.supervisor).get("/api/v1/hot-issues").json()

    assert body["count"] == 2 and body["pages"] == 1
    assert body["analysis"]["matter_count"] == 15
    first, second = body["items"]
    assert (first["id"], first["size"], second["size"]) == (analysed.pk, 5, 4)
    assert first["petitioners"] == 5 and first["visit_people"] == 5
    assert "丽景小区" in first["places"]
    assert first["trend_unit"] == "week" and len(first["trend"]) == 13
    assert sum(bar["count"] for bar in first["trend"]) == 5
    assert first["statuses"] == {"registered": 5}
    assert first["label"] in {m.title for m in estates.lijing}


def test_it_filters_by_period_and_organisation(api_client_for, city, analysed):
    client = api_client_for(city.supervisor)
    start, end = period(9)

    narrow = client.get("/api/v1/hot-issues", {"received_from": start, "received_to": end}).json()
    township = client.get("/api/v1/hot-issues", {"organisation_id": city.jinshatan.pk}).json()

    assert [item["size"] for item in narrow["items"]] == [3, 3]
    assert narrow["period_start"] == str(start)
    assert [item["id"] for item in township["items"]] != [analysed.pk]
    assert township["count"] == 1


def test_it_shows_one_hot_issue_with_its_matters(api_client_for, city, estates, analysed):
    body = api_client_for(city.leader).get(f"/api/v1/hot-issues/{analysed.pk}").json()

    assert {m["number"] for m in body["matters"]} == {m.number for m in estates.lijing}
    assert all(m["joint_handling_id"] is None for m in body["matters"])


def test_it_answers_404_for_a_hot_issue_outside_the_callers_scope(
    api_client_for, estates, township_supervisor
):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    jinxiu = HotIssue.objects.get(analysis=analysis, members__matter=estates.jinxiu[0])

    response = api_client_for(township_supervisor).get(f"/api/v1/hot-issues/{jinxiu.pk}")

    assert response.status_code == 404
    assert response.json()["detail"] == "找不到该对象，或您无权查看"


def test_it_answers_403_to_a_township_handler(api_client_for, city, analysed):
    response = api_client_for(city.yunzhong_handler).get("/api/v1/hot-issues")

    assert response.status_code == 403
    assert "热点问题" in response.json()["detail"]


def test_a_supervisor_combines_matters_through_the_api(api_client_for, city, estates, analysed):
    matters = estates.lijing[:3]

    response = post(
        api_client_for(city.supervisor),
        {
            "matter_ids": [m.pk for m in matters],
            "lead_matter_id": matters[1].pk,
            "lead_org_id": city.yunzhong.pk,
            "hot_issue_id": analysed.pk,
            "note": "联合处理",
            "route_kind": "assign",
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["lead_matter_id"] == matters[1].pk and body["lead_org"]["name"] == "云中镇"
    assert {m["number"] for m in body["matters"]} == {m.number for m in matters}
    assert {m["status"] for m in body["matters"]} == {"assigned"}
    assert body["title"] == analysed.label
    assert MatterEvent.objects.filter(kind=MatterEvent.Kind.JOINT_HANDLING).count() == 3


def test_a_registrar_gets_403_and_nothing_is_combined(api_client_for, city, estates):
    response = post(
        api_client_for(city.registrar),
        {
            "matter_ids": [m.pk for m in estates.lijing[:2]],
            "lead_matter_id": estates.lijing[0].pk,
            "lead_org_id": city.yunzhong.pk,
        },
    )

    assert response.status_code == 403
    assert response.json()["detail"] == "只有督办员或管理员可以决定并案办理"
    assert not JointHandling.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"matter_ids": [999999]}, "matter_ids", "事项 999999 不存在，或您无权查看"),
        ({"lead_org_id": 999999}, "lead_org_id", "编号 999999 不存在"),
        ({"lead_matter_id": 999999}, "lead_matter_id", "主办事项应是并案的事项之一"),
        ({"hot_issue_id": 999999}, "hot_issue_id", "编号 999999 不存在"),
        ({"route_kind": "divert"}, "route_kind", "转送方式只能是转送或交办"),
        ({"title": "名" * 201}, "title", "不能超过 200 个字"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message_by_field(
    api_client_for, city, estates, change, field, message
):
    body = {
        "matter_ids": [m.pk for m in estates.lijing[:2]],
        "lead_matter_id": estates.lijing[0].pk,
        "lead_org_id": city.yunzhong.pk,
        **change,
    }

    response = post(api_client_for(city.supervisor), body)

    assert response.status_code == 422
    assert response.json()["detail"] == "提交的数据有误"
    assert message in " ".join(response.json()["errors"][field])
    assert not JointHandling.objects.exists()


def test_a_single_matter_is_refused(api_client_for, city, estates):
    matter = estates.lijing[0]

    response = post(
        api_client_for(city.supervisor),
        {"matter_ids": [matter.pk], "lead_matter_id": matter.pk, "lead_org_id": city.yunzhong.pk},
    )

    assert response.status_code == 422
    assert response.json()["errors"]["matter_ids"] == ["并案办理至少需要两件事项"]
