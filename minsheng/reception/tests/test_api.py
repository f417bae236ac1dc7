"""The reception API: the rota (token needed), sessions and their entries, appointments, ownership."""

import datetime as dt

from django.utils import timezone

from minsheng.instructions.models import Instruction
from minsheng.reception.models import CaseOwnership, Kind, ReceptionDay, ReceptionEntry
from minsheng.reception.services import reception_day_plan

from .helpers import VISIT, person


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_the_rota_needs_a_token_and_lists_the_days(client, city, leaders, api_client_for):
    day = reception_day_plan(
        actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.liu, date=timezone.localdate()
    )

    assert client.get("/api/v1/reception/days").status_code == 401
    data = api_client_for(city.registrar).get("/api/v1/reception/days").json()

    assert data[0]["id"] == day.pk and data[0]["leader"] == {
        "id": leaders.liu.pk,
        "name": "刘振华",
        "title": "副市长",
    }
    assert data[0]["kind"] == "centre" and data[0]["session_id"] is None
    assert api_client_for(city.yunzhong_handler).get("/api/v1/reception/days").status_code == 403
    bad = api_client_for(city.registrar).get(
        "/api/v1/reception/days", {"start": "2026-12-01", "end": "2026-11-01"}
    )
    assert bad.status_code == 422 and bad.json()["errors"]["end"] == ["截止日期不能早于起始日期"]


def test_a_month_is_generated_through_the_api(city, leaders, api_client_for):
    next_month = (timezone.localdate().replace(day=1) + dt.timedelta(days=40)).replace(day=1)
    body = {"month": f"{next_month:%Y-%m}", "leader_ids": [leaders.wang.pk, leaders.zhao.pk]}

    response = post(api_client_for(city.supervisor), "/api/v1/reception/rota", body)

    assert response.status_code == 201
    assert len(response.json()["created"]) == ReceptionDay.objects.count() > 15
    refused = post(api_client_for(city.registrar), "/api/v1/reception/rota", body)
    assert refused.status_code == 403
    wrong = post(
        api_client_for(city.supervisor), "/api/v1/reception/rota", {"month": "13/2026", "leader_ids": []}
    )
    assert wrong.status_code == 422 and "月份格式不正确" in wrong.json()["errors"]["month"][0]


def test_a_session_is_recorded_and_a_visitor_registered_with_an_instruction(city, leaders, api_client_for):
    client = api_client_for(city.registrar)
    created = post(
        client,
        "/api/v1/reception/sessions",
        {"leader_id": leaders.liu.pk, "held_on": timezone.localdate().isoformat(), "kind": "centre"},
    )
    assert created.status_code == 201
    session = created.json()
    assert session["place"] == "群众来访服务中心" and session["organisation"]["id"] == city.bureau.pk

    entry = post(
        client,
        f"/api/v1/reception/sessions/{session['id']}/entries",
        {
            "petitioners": [{"name": "张秀英", "id_number": person().id_number}],
            "head_count": 2,
            **VISIT,
            "outcome": "instructed",
            "instruction": {
                "text": "请云中镇核实处理。",
                "unit_ids": [city.yunzhong.pk],
                "due_on": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
            },
        },
    )

    assert entry.status_code == 201
    assert entry.json()["outcome_label"] == "现场批示"
    assert entry.json()["instruction_id"] == Instruction.objects.get().pk
    read = client.get(f"/api/v1/reception/sessions/{session['id']}").json()
    assert (read["visit_batches"], read["person_visits"]) == (1, 2)


def test_entry_errors_are_422_by_field_and_save_nothing(city, leaders, today_session, api_client_for):
    client = api_client_for(city.registrar)
    url = f"/api/v1/reception/sessions/{today_session.pk}/entries"

    response = post(
        client, url, {"title": "", "content": "", "outcome": "instructed", "instruction": {"unit_ids": [0]}}
    )

    assert response.status_code == 422
    assert response.json()["errors"]["instruction.unit_ids"] == ["编号 0 不存在"]
    response = post(client, url, {"title": "", "content": "", "outcome": "instructed", "instruction": {}})
    errors = response.json()["errors"]
    assert errors["title"] == ["请填写标题"] and errors["instruction.unit_ids"] == ["请选择至少一个承办单位"]
    attach = post(client, url, {"attach_existing": True, "outcome": "answered"})
    assert attach.json()["errors"]["matter_number"] == ["请填写事项编号"]
    assert not ReceptionEntry.objects.exists()


def test_a_session_outside_scope_is_a_404(city, leaders, today_session, api_client_for):
    response = api_client_for(city.yunzhong_registrar).get(f"/api/v1/reception/sessions/{today_session.pk}")

    assert response.status_code == 404


def test_an_appointment_goes_through_its_steps(city, leaders, register, api_client_for):
    matter = register().matter
    client = api_client_for(city.registrar)
    proposed = timezone.localtime() + dt.timedelta(days=2)
    created = post(
        client,
        "/api/v1/reception/appointments",
        {
            "matter_number": matter.number,
            "leader_id": leaders.zhao.pk,
            "proposed_at": proposed.isoformat(),
            "place": "约访室",
            "invited_by": "phone",
        },
    )
    assert created.status_code == 201 and created.json()["status"] == "invited"
    url = f"/api/v1/reception/appointments/{created.json()['id']}/status"

    scheduled = post(client, url, {"action": "schedule", "proposed_at": proposed.isoformat()})
    assert scheduled.json()["status"] == "scheduled"
    assert post(client, url, {"action": "dance"}).status_code == 422
    assert post(client, url, {"action": "not_held", "reason": ""}).json()["errors"]["reason"] == [
        "请填写未能约见的原因"
    ]
    cancelled = post(client, url, {"action": "cancel", "reason": "信访人已息访"})
    assert cancelled.json()["status"] == "cancelled" and cancelled.json()["status_label"] == "已取消"


def test_ownership_is_assigned_and_released(city, leaders, register, api_client_for):
    matter = register().matter
    client = api_client_for(city.supervisor)

    assigned = post(
        client, "/api/v1/reception/ownerships", {"matter_number": matter.number, "leader_id": leaders.wang.pk}
    )
    assert assigned.status_code == 201
    again = post(
        client, "/api/v1/reception/ownerships", {"matter_number": matter.number, "leader_id": leaders.zhao.pk}
    )
    assert again.status_code == 422 and "请先解除" in again.json()["errors"]["matter_number"][0]
    refused = post(
        api_client_for(city.registrar),
        "/api/v1/reception/ownerships",
        {"matter_number": matter.number, "leader_id": leaders.zhao.pk},
    )
    assert refused.status_code == 403
    released = post(
        client, f"/api/v1/reception/ownerships/{assigned.json()['id']}/release", {"note": "已解决"}
    )
    assert released.status_code == 200 and released.json()["released_on"] == timezone.localdate().isoformat()
    assert not CaseOwnership.objects.filter(released_on__isnull=True).exists()
