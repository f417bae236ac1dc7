"""The supervision API: open items scoped, the summary, an item's detail, issuing and escalating
notices, the unit's feedback, acceptance, follow-up, close and the notice's PDF; 422 with Chinese field
errors, 403, 404 outside scope."""

import json

import pytest

from minsheng.documents.tests.helpers import pdf_text
from minsheng.petitions.tests.workflow_steps import set_today
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import deadlines_sweep

from .conftest import TODAY


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.fixture
def items(city, matters, monkeypatch):
    set_today(monkeypatch, TODAY)
    deadlines_sweep(today=TODAY)
    return {i.matter.title: i for i in SupervisionItem.objects.select_related("matter")}


def test_it_takes_an_item_from_notice_to_closed(city, items, api_client_for):
    bureau, unit = api_client_for(city.supervisor), api_client_for(city.yunzhong_handler)
    item = items["超期十日"]

    issued = post(
        bureau,
        f"/api/v1/supervision/items/{item.pk}/notices",
        {"level": "reminder", "feedback_due_on": "2026-06-18"},
    )
    assert issued.status_code == 201
    notice = issued.json()["notices"][0]
    assert (notice["number"], notice["addressee"]["name"], notice["status"]) == (
        "怀信督〔2026〕1号",
        "云中镇",
        "awaiting",
    )

    listed = unit.get("/api/v1/supervision/items").json()
    assert [i["id"] for i in listed["items"]] == [item.pk] and listed["items"][0]["level"] == "reminder"
    fed = post(unit, f"/api/v1/supervision/notices/{notice['id']}/feedback", {"text": "正在办理"})
    assert fed.status_code == 201 and fed.json()["history"] == []  # the unit does not read the bureau's notes

    escalated = post(
        bureau, f"/api/v1/supervision/items/{item.pk}/escalate", {"feedback_due_on": "2026-06-25"}
    )
    assert escalated.json()["level"] == "supervision"
    second = escalated.json()["notices"][1]
    post(unit, f"/api/v1/supervision/notices/{second['id']}/feedback", {"text": "已办结"})
    accepted = post(bureau, f"/api/v1/supervision/notices/{second['id']}/accept", {"note": "属实"})
    post(bureau, f"/api/v1/supervision/items/{item.pk}/follow-ups", {"note": "回访信访人，表示满意"})
    closed = post(bureau, f"/api/v1/supervision/items/{item.pk}/close", {"note": "问题已解决"})

    assert accepted.json()["notices"][1]["status"] == "accepted"
    assert closed.status_code == 200 and closed.json()["closed_on"] == "2026-06-15"
    assert [e["kind"] for e in closed.json()["history"]] == [
        "notice",
        "feedback",
        "escalated",
        "feedback",
        "accepted",
        "follow_up",
        "closed",
    ]
    pdf = unit.get(f"/api/v1/supervision/notices/{second['id']}/pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert "云中镇" in pdf_text(pdf.content) and "2026年6月25日" in pdf_text(pdf.content)


def test_it_summarises_and_filters_for_the_supervisor(city, items, api_client_for):
    bureau = api_client_for(city.supervisor)

    summary = bureau.get("/api/v1/supervision/summary").json()
    overdue = bureau.get("/api/v1/supervision/items?category=matter_overdue&level=none").json()

    assert summary["total"] == 2 and summary["by_level"][0] == {
        "key": "none",
        "label": "未发通知",
        "count": 2,
    }
    assert overdue["count"] == 2
    assert api_client_for(city.yunzhong_handler).get("/api/v1/supervision/summary").status_code == 403


def test_it_answers_422_with_chinese_errors(city, items, api_client_for):
    bureau = api_client_for(city.supervisor)
    item = items["超期十日"]

    too_late = post(
        bureau,
        f"/api/v1/supervision/items/{item.pk}/notices",
        {"level": "reminder", "feedback_due_on": "2026-12-31"},
    )
    wrong_unit = post(
        bureau,
        f"/api/v1/supervision/items/{item.pk}/notices",
        {"level": "reminder", "feedback_due_on": "2026-06-20", "addressee_id": city.jinshatan.pk},
    )
    bad_level = post(
        bureau,
        f"/api/v1/supervision/items/{item.pk}/notices",
        {"level": "urgent", "feedback_due_on": "2026-06-20"},
    )
    bad_filter = bureau.get("/api/v1/supervision/items?level=urgent")

    assert too_late.json()["errors"] == {"feedback_due_on": ["反馈期限不能超过发出后 90 日"]}
    assert wrong_unit.json()["errors"] == {
        "addressee_id": ["主送单位应是承办、登记或涉及该事项的单位（或其上级）"]
    }
    assert bad_level.status_code == 422 and "level" in bad_level.json()["errors"]
    assert bad_filter.status_code == 422
    assert not item.notices.exists()


def test_it_answers_403_and_404_outside_role_and_scope(city, items, api_client_for):
    item = items["超期十日"]
    unit = api_client_for(city.yunzhong_handler)

    assert (
        post(
            unit,
            f"/api/v1/supervision/items/{item.pk}/notices",
            {"level": "reminder", "feedback_due_on": "2026-06-20"},
        ).status_code
        == 404
    )  # no notice yet: unseen
    issued = post(
        api_client_for(city.supervisor),
        f"/api/v1/supervision/items/{item.pk}/notices",
        {"level": "reminder", "feedback_due_on": "2026-06-20"},
    ).json()
    assert (
        post(
            unit, f"/api/v1/supervision/items/{item.pk}/escalate", {"feedback_due_on": "2026-06-25"}
        ).status_code
        == 403
    )
    other = api_client_for(city.jinshatan_handler)
    assert other.get(f"/api/v1/supervision/items/{item.pk}").status_code == 404
    assert other.get(f"/api/v1/supervision/notices/{issued['notices'][0]['id']}/pdf").status_code == 404
    assert other.get("/api/v1/supervision/items").json()["count"] == 0
