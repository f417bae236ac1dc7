"""The meetings API: create, list, get, task feedback / close / return, and applying a jurisdiction
decision; 422 with Chinese field errors, 403, 404 outside scope."""

import datetime as dt
import json

import pytest

from minsheng.meetings.models import JointMeeting, MeetingTask
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Matter

from .conftest import record

D = dt.date


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def body_for(city, **overrides) -> dict:
    body = {
        "held_on": "2026-06-10",
        "kind": "special",
        "title": "研究东关村征地补偿问题",
        "minutes": "会议研究了补偿款发放问题。",
        "chair_id": city.leader.pk,
        "attendee_ids": [city.yunzhong_handler.pk],
        "guests": [{"name": "王建国", "unit": "东关村党支部书记"}],
        "decisions": [
            {"text": "核查补偿款发放情况", "organisation_id": city.yunzhong.pk, "due_on": "2026-06-30"}
        ],
    }
    body.update(overrides)
    return body


def test_it_creates_a_meeting_and_returns_it(city, matter, api_client_for):
    client = api_client_for(city.supervisor)

    response = post(client, "/api/v1/meetings", body_for(city, matter_numbers=[matter.number]))

    assert response.status_code == 201
    data = response.json()
    assert (data["kind"], data["organisation"]["name"], data["chair_name"]) == (
        "special",
        "怀仁市信访局",
        "lingdao",
    )
    assert [a["name"] for a in data["attendees"]] == ["yz_chengban", "王建国"]
    assert [m["number"] for m in data["matters"]] == [matter.number]
    assert data["tasks"][0]["organisation"]["name"] == "云中镇" and data["tasks"][0]["status"] == "open"


def test_it_answers_422_with_chinese_errors_by_field(city, api_client_for):
    client = api_client_for(city.supervisor)

    response = post(
        client,
        "/api/v1/meetings",
        body_for(
            city,
            title="",
            decisions=[
                {"text": "x", "organisation_id": 999999, "due_on": "2026-06-30"},
                {"text": "y", "organisation_id": city.yunzhong.pk, "due_on": "2026-06-01"},
            ],
        ),
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors == {"decisions.0.organisation_id": ["编号 999999 不存在"]}
    response = post(
        client,
        "/api/v1/meetings",
        body_for(
            city,
            title="",
            decisions=[{"text": "y", "organisation_id": city.yunzhong.pk, "due_on": "2026-06-01"}],
        ),
    )
    assert response.json()["errors"] == {
        "title": ["请填写议题"],
        "decisions.0.due_on": ["完成期限应晚于会议日期"],
    }
    response = post(client, "/api/v1/meetings", body_for(city, held_on="10/06/2026"))
    assert response.json()["errors"] == {"held_on": ["日期格式不正确，例如 2026-11-26"]}
    assert not JointMeeting.objects.exists()


def test_it_answers_403_to_roles_that_do_not_keep_meetings(city, api_client_for):
    response = post(api_client_for(city.housing_handler), "/api/v1/meetings", body_for(city))

    assert response.status_code == 403
    assert response.json()["detail"] == "您的角色无权记录联席会议"


def test_it_lists_and_gets_meetings_within_scope(city, api_client_for):
    township = record(city, actor=city.yunzhong_handler, kind="regular", title="云中镇例会")
    record(city, title="全市专题会议")

    listed = api_client_for(city.yunzhong_handler).get("/api/v1/meetings").json()
    everything = api_client_for(city.supervisor).get("/api/v1/meetings?kind=special").json()

    assert [m["title"] for m in listed["items"]] == ["云中镇例会"] and listed["count"] == 1
    assert [m["title"] for m in everything["items"]] == ["全市专题会议"]
    assert api_client_for(city.jinshatan_handler).get(f"/api/v1/meetings/{township.pk}").status_code == 404
    assert (
        api_client_for(city.supervisor).get(f"/api/v1/meetings/{township.pk}").json()["title"] == "云中镇例会"
    )
    bad = api_client_for(city.supervisor).get("/api/v1/meetings?held_from=2026-06-10&held_to=2026-06-01")
    assert bad.status_code == 422 and bad.json()["errors"] == {"held_to": ["截止日期不能早于起始日期"]}


def test_it_takes_a_task_through_feedback_return_and_close(city, task, api_client_for):
    unit, bureau = api_client_for(city.yunzhong_handler), api_client_for(city.supervisor)

    assert [t["id"] for t in unit.get("/api/v1/meeting-tasks").json()] == [task.pk]
    empty = post(unit, f"/api/v1/meeting-tasks/{task.pk}/feedback", {"text": " "})
    assert empty.status_code == 422 and empty.json()["errors"] == {"text": ["请填写反馈内容"]}
    assert (
        post(unit, f"/api/v1/meeting-tasks/{task.pk}/feedback", {"text": "正在核查"}).json()["status"]
        == "fed_back"
    )
    assert post(unit, f"/api/v1/meeting-tasks/{task.pk}/close", {}).status_code == 403
    returned = post(bureau, f"/api/v1/meeting-tasks/{task.pk}/return", {"note": "请写明发放户数"})
    assert returned.json()["status"] == "open"
    post(unit, f"/api/v1/meeting-tasks/{task.pk}/feedback", {"text": "已向32户发放"})
    closed = post(bureau, f"/api/v1/meeting-tasks/{task.pk}/close", {"note": "落实"}).json()

    assert closed["status"] == "closed"
    assert [e["kind"] for e in closed["entries"]] == ["feedback", "returned", "feedback", "closed"]
    assert (
        post(
            api_client_for(city.jinshatan_handler), f"/api/v1/meeting-tasks/{task.pk}/feedback", {"text": "x"}
        ).status_code
        == 404
    )


def test_it_applies_a_jurisdiction_decision(city, matter, api_client_for):
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.jinshatan, routed_on=D(2026, 5, 27)
    )
    petitions.matter_object(actor=city.jinshatan_handler, matter=matter, reason="不属本镇", on=D(2026, 5, 29))
    client = api_client_for(city.supervisor)
    created = post(
        client,
        "/api/v1/meetings",
        body_for(
            city,
            decisions=[
                {
                    "text": "由云中镇受理",
                    "organisation_id": city.yunzhong.pk,
                    "due_on": "2026-07-10",
                    "kind": "jurisdiction",
                    "matter_number": matter.number,
                }
            ],
        ),
    )
    task_id = created.json()["tasks"][0]["id"]

    wrong = post(client, f"/api/v1/meeting-tasks/{task_id}/apply", {"route_kind": "divert"})
    applied = post(client, f"/api/v1/meeting-tasks/{task_id}/apply", {"route_kind": "transfer"})

    assert wrong.status_code == 422 and wrong.json()["errors"] == {"route_kind": ["请选择转送或交办"]}
    assert applied.status_code == 200 and applied.json()["routing_id"] is not None
    matter.refresh_from_db()
    assert (matter.status, matter.handling_org) == (Matter.Status.TRANSFERRED, city.yunzhong)
    assert MeetingTask.objects.get(pk=task_id).applied_on is not None


@pytest.mark.parametrize("path", ["/api/v1/meetings/999999", "/api/v1/meeting-tasks/999999"])
def test_it_answers_404_for_what_does_not_exist(city, api_client_for, path):
    assert api_client_for(city.supervisor).get(path).status_code == 404
