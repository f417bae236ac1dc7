"""The workflow through the API: the same steps and refusals as the matter page, as JSON."""

import pytest

from minsheng.petitions.models import Matter, MatterEvent, Notice

OPINION = {
    "request": "请求发放征收补偿款",
    "facts_and_reasons": "经核实，补偿协议已签订，款项因资金调度延迟发放。",
    "text": "责成云中镇于 30 日内发放补偿款。",
    "basis": "《国有土地上房屋征收与补偿条例》第二十七条",
    "outcome": "support",
}


@pytest.fixture
def matter(register, city):
    return register(concerned_org=city.yunzhong).matter


def post(client, path, body=None):
    return client.post(f"/api/v1{path}", body or {}, content_type="application/json")


def test_it_takes_a_matter_from_routing_to_final(api_client_for, city, matter):
    bureau = api_client_for(city.supervisor)
    unit = api_client_for(city.yunzhong_handler)

    routed = post(bureau, f"/matters/{matter.pk}/route", {"kind": "assign", "to_org_id": city.yunzhong.pk})
    assert routed.status_code == 200, routed.json()
    assert routed.json()["status"] == "assigned"
    assert routed.json()["handling_org"]["id"] == city.yunzhong.pk
    assert routed.json()["due_kind"] == "accept"
    assert routed.json()["deadline_state"] == "on_time"

    assert post(unit, f"/matters/{matter.pk}/accept").json()["status"] == "accepted"
    noted = post(
        unit, f"/matters/{matter.pk}/handling-notes", {"kind": "investigation", "text": "到现场核实"}
    )
    assert noted.status_code == 200
    replied = post(unit, f"/matters/{matter.pk}/reply", OPINION)
    assert replied.json()["status"] == "replied"
    assert replied.json()["due_on"] is None

    assert post(bureau, f"/matters/{matter.pk}/review-request", {"reason": "不服"}).json()["status"] == (
        "review_requested"
    )
    assert post(bureau, f"/matters/{matter.pk}/review", OPINION).json()["status"] == "reviewed"
    assert post(bureau, f"/matters/{matter.pk}/recheck-request").json()["status"] == "recheck_requested"
    heard = post(bureau, f"/matters/{matter.pk}/hearing", {"days": 10})
    assert heard.status_code == 200
    final = post(bureau, f"/matters/{matter.pk}/recheck", OPINION)
    assert final.json()["status"] == "final"

    kinds = list(
        MatterEvent.objects.filter(matter=matter).order_by("at", "pk").values_list("kind", flat=True)
    )
    assert kinds == [
        "registered",
        "assigned",
        "accepted",
        "handling_note",
        "replied",
        "review_requested",
        "reviewed",
        "recheck_requested",
        "hearing",
        "final",
    ]
    notices = bureau.get(f"/api/v1/matters/{matter.pk}/notices").json()
    assert [n["kind"] for n in notices] == [
        "assignment_form",
        "acceptance_notice",
        "reply_opinion",
        "review_opinion",
        "recheck_opinion",
    ]
    pdf = bureau.get(f"/api/v1/notices/{notices[0]['id']}/pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_it_refuses_a_step_from_the_wrong_state_with_the_reason_and_changes_nothing(
    api_client_for, city, matter
):
    response = post(api_client_for(city.supervisor), f"/matters/{matter.pk}/reply", OPINION)

    assert response.status_code == 422
    assert "已登记" in response.json()["errors"]["status"][0]
    matter.refresh_from_db()
    assert matter.status == Matter.Status.REGISTERED
    assert not Notice.objects.exists()


def test_it_refuses_another_units_handler(api_client_for, city, matter):
    post(
        api_client_for(city.supervisor),
        f"/matters/{matter.pk}/route",
        {"kind": "transfer", "to_org_id": city.yunzhong.pk},
    )

    response = post(api_client_for(city.housing_handler), f"/matters/{matter.pk}/accept")

    assert response.status_code in (403, 404)
    matter.refresh_from_db()
    assert matter.status == Matter.Status.TRANSFERRED


def test_it_reports_missing_opinion_parts_by_field(api_client_for, city, matter):
    post(
        api_client_for(city.supervisor),
        f"/matters/{matter.pk}/route",
        {"kind": "transfer", "to_org_id": city.yunzhong.pk},
    )
    unit = api_client_for(city.yunzhong_handler)
    post(unit, f"/matters/{matter.pk}/accept")

    response = post(unit, f"/matters/{matter.pk}/reply", {**OPINION, "basis": " ", "outcome": "maybe"})

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "outcome" in errors  # not one of support / explain / not_support


def test_it_answers_404_for_a_matter_outside_the_callers_scope(api_client_for, city, matter):
    response = post(api_client_for(city.jinshatan_handler), f"/matters/{matter.pk}/accept")

    assert response.status_code == 404
