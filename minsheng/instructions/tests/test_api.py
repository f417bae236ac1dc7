"""The instructions API: create, list and get within scope, feedback, close and return."""

import datetime as dt

from django.utils import timezone

from minsheng.instructions.models import Instruction, InstructionTask


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_the_bureau_records_an_instruction_and_reads_it_back(city, register, api_client_for):
    matter = register().matter
    client = api_client_for(city.supervisor)
    body = {
        "leader_id": city.leader.pk,
        "text": "请两单位核实处理。",
        "issued_on": timezone.localdate().isoformat(),
        "due_on": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
        "unit_ids": [city.yunzhong.pk, city.housing.pk],
        "matter_numbers": [matter.number],
    }

    response = post(client, "/api/v1/instructions", body)

    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "open" and data["organisation"]["id"] == city.root.pk
    assert {t["organisation"]["name"] for t in data["tasks"]} == {"云中镇", "怀仁市住房和城乡建设局"}
    assert data["matters"] == [{"id": matter.pk, "number": matter.number, "title": matter.title}]
    listed = client.get("/api/v1/instructions").json()
    assert listed["count"] == 1 and listed["items"][0]["number"] == data["number"]


def test_bad_input_is_a_422_with_field_errors_in_chinese(city, api_client_for):
    client = api_client_for(city.supervisor)
    body = {
        "leader_id": city.leader.pk,
        "text": "",
        "issued_on": timezone.localdate().isoformat(),
        "due_on": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
        "unit_ids": [999999],
        "matter_numbers": ["怀信〔2026〕99999"],
    }

    response = post(client, "/api/v1/instructions", body)

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["unit_ids"] == ["编号 999999 不存在"]
    assert "找不到信访事项" in errors["matter_numbers"][0]
    body.update(unit_ids=[], matter_numbers=[])
    errors = post(client, "/api/v1/instructions", body).json()["errors"]
    assert errors["text"] == ["请填写批示内容"] and errors["due_on"] == ["期限不能早于批示日期"]
    assert errors["unit_ids"] == ["请选择至少一个承办单位"]
    assert post(client, "/api/v1/instructions", {"text": "x"}).status_code == 422
    assert not Instruction.objects.exists()


def test_a_handler_may_not_record_an_instruction(city, api_client_for):
    body = {
        "leader_id": city.leader.pk,
        "text": "批示",
        "issued_on": timezone.localdate().isoformat(),
        "due_on": timezone.localdate().isoformat(),
        "unit_ids": [city.yunzhong.pk],
    }

    assert post(api_client_for(city.yunzhong_handler), "/api/v1/instructions", body).status_code == 403


def test_feedback_close_and_return_through_the_api(city, issue, api_client_for):
    instruction = issue(units=[city.yunzhong])
    task = instruction.tasks.get()
    handler, bureau = api_client_for(city.yunzhong_handler), api_client_for(city.supervisor)

    tasks = handler.get("/api/v1/instruction-tasks").json()
    assert tasks["count"] == 1 and tasks["items"][0]["id"] == task.pk
    assert post(handler, f"/api/v1/instruction-tasks/{task.pk}/feedback", {"feedback": ""}).status_code == 422
    fed = post(handler, f"/api/v1/instruction-tasks/{task.pk}/feedback", {"feedback": "已办理。"})
    assert fed.status_code == 200 and fed.json()["status"] == "fed_back"
    assert post(handler, f"/api/v1/instruction-tasks/{task.pk}/close", {}).status_code == 403
    returned = post(bureau, f"/api/v1/instruction-tasks/{task.pk}/return", {"reason": "请补充材料"})
    assert returned.json()["status"] == "pending" and returned.json()["returned_count"] == 1
    post(handler, f"/api/v1/instruction-tasks/{task.pk}/feedback", {"feedback": "已补充。"})
    closed = post(bureau, f"/api/v1/instruction-tasks/{task.pk}/close", {"note": "同意"})
    assert closed.json()["status"] == "closed"
    assert [s["kind"] for s in closed.json()["steps"]] == ["feedback", "returned", "feedback", "closed"]
    assert bureau.get(f"/api/v1/instructions/{instruction.pk}").json()["status"] == "closed"
    assert InstructionTask.objects.get().status == "closed"


def test_the_api_needs_a_token(client, city):
    assert client.get("/api/v1/instructions").status_code == 401
