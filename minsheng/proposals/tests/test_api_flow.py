"""The whole flow through the API, in the same OpenAPI document as the rest: submit, cosign, admit,
assign, object, reassign, reply, rate; errors in Chinese keyed by field; scope and personal data."""

import json

from django.utils import timezone

from minsheng.proposals.models import Proposal

from .conftest import MEASURES_67, REASON_67, SUGGESTIONS_67, TITLE_67

BASE = "/api/v1"


def post(client, url, body=None, method="post"):
    if method == "get":
        response = client.get(BASE + url)
    else:
        response = getattr(client, method)(
            BASE + url, data=json.dumps(body or {}), content_type="application/json"
        )
    return response.status_code, response.json()


def test_the_flow_runs_through_the_api(api_client_for, cppcc, city):
    office, wang, li = api_client_for(cppcc.office), api_client_for(cppcc.wang), api_client_for(cppcc.li)
    bureau, yunzhong = api_client_for(cppcc.bureau_handler), api_client_for(city.yunzhong_handler)

    status, body = post(
        wang,
        "/proposals",
        {
            "title": TITLE_67,
            "reason": REASON_67,
            "suggestions": SUGGESTIONS_67,
            "proposer_unit_post": "怀仁一中仁德校区德育处主任",
            "phone": "13934561234",
            "desired_departments": "信访部门",
            "cosigner_ids": [cppcc.li.pk],
        },
    )
    assert status == 201, body
    pk = body["id"]
    assert body["status"] == "cosigning" and body["phone"] == "13934561234"
    assert post(li, f"/proposals/{pk}/cosign", {"confirm": True})[0] == 200

    status, body = post(office, f"/proposals/{pk}/admit", {"review_opinion": "同意立案", "is_key": True})
    assert status == 200 and body["number"] == 67 and body["is_key"]

    status, body = post(office, f"/proposals/{pk}/assign", {"lead_id": city.yunzhong.pk})
    assert status == 200 and body["status"] == "assigned"
    assignment_id = body["assignments"][0]["id"]
    status, body = post(yunzhong, f"/proposal-assignments/{assignment_id}/object", {"reason": "属信访局职责"})
    assert status == 200 and body["status"] == "admitted"
    status, body = post(office, f"/proposals/{pk}/assign", {"lead_id": city.bureau.pk})
    assert status == 200 and body["status"] == "assigned"
    # The township that objected no longer sees the proposal's personal data.
    status, body = post(yunzhong, f"/proposals/{pk}", method="get")
    assert status == 200 and body["phone"] is None

    status, body = post(
        bureau,
        f"/proposals/{pk}/reply",
        {"measures": MEASURES_67, "grade": "A", "report": "已逐项落实", "unit_name": "怀仁市信访局"},
        method="put",
    )
    assert status == 200, body
    assert body["replies"][0]["addressee"] == "王旭东委员："
    today = timezone.localdate().isoformat()
    assert (
        post(bureau, f"/proposals/{pk}/reply/sign", {"signed_by_name": "刘局长", "signed_on": today})[0]
        == 200
    )
    status, body = post(bureau, f"/proposals/{pk}/reply/send")
    assert status == 200 and body["status"] == "replied" and body["grade"] == "A"

    status, body = post(wang, f"/proposals/{pk}/rating", {"rating": "unsatisfied", "comment": "不够具体"})
    assert status == 200 and body["status"] == "rehandling" and body["round"] == 2
    kinds = [e["kind"] for e in body["events"]]
    assert kinds[:3] == ["submitted", "cosign_confirmed", "cosign_complete"]
    assert "rehandling" in kinds


def test_errors_are_chinese_and_keyed_by_field(api_client_for, cppcc, proposal_67):
    wang, office = api_client_for(cppcc.wang), api_client_for(cppcc.office)
    status, body = post(wang, "/proposals", {"title": "", "reason": "有", "suggestions": "有", "phone": "1"})
    assert status == 422
    assert body["errors"]["title"] == ["请填写标题"]
    assert not Proposal.objects.exclude(pk=proposal_67.pk).exists()
    status, body = post(office, f"/proposals/{proposal_67.pk}/not-admit", {"ground": "随便"})
    assert status == 422 and "不予立案的理由" in body["errors"]["ground"][0]
    status, body = post(wang, f"/proposals/{proposal_67.pk}/admit")
    assert status == 403 and "提案委" in body["detail"]
    status, body = post(office, f"/proposals/{proposal_67.pk}/assign", {"lead_id": 999999})
    assert status == 422 and body["errors"]["lead_id"] == ["编号 999999 不存在"]


def test_a_unit_cannot_reach_another_units_proposal(api_client_for, cppcc, city, proposal_67_replied):
    housing = api_client_for(city.housing_handler)
    status, _body = post(housing, f"/proposals/{proposal_67_replied.pk}", method="get")
    assert status == 404
    status, body = post(housing, "/proposals", method="get")
    assert status == 200 and body["count"] == 0
    status, body = post(api_client_for(cppcc.li), "/proposals", method="get")
    assert body["count"] == 0
    status, body = post(api_client_for(cppcc.wang), "/proposals", method="get")
    assert [p["number"] for p in body["items"]] == [67]


def test_checks_while_typing_save_nothing(api_client_for, cppcc, proposal_67_replied):
    office = api_client_for(cppcc.office)
    status, body = post(
        office,
        "/proposals/one-matter-check",
        {"title": TITLE_67, "reason": REASON_67, "suggestions": SUGGESTIONS_67},
    )
    assert status == 200 and body["items"] == 4 and body["warning"] == ""
    status, body = post(
        office, "/proposals/similar", {"title": "关于信访工作条例宣传的建议", "reason": "缠访重复访"}
    )
    assert status == 200 and [s["number"] for s in body] == [67]
    assert body[0]["replies"][0]["unit_name"] == "怀仁市信访局"
    assert Proposal.objects.count() == 1


def test_the_flow_is_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/v1/proposals",
        "/api/v1/proposals/{proposal_id}/admit",
        "/api/v1/proposals/{proposal_id}/assign",
        "/api/v1/proposal-assignments/{assignment_id}/object",
        "/api/v1/proposals/{proposal_id}/reply",
        "/api/v1/proposals/{proposal_id}/reply/send",
        "/api/v1/proposals/{proposal_id}/rating",
        "/api/v1/proposals/{proposal_id}/publish",
    ):
        assert path in paths, path


def test_personal_data_shown_to_the_office_is_logged_but_not_the_proposers_own(
    api_client_for, cppcc, proposal_67
):
    from minsheng.audit.models import AuditEntry

    status, body = post(api_client_for(cppcc.wang), f"/proposals/{proposal_67.pk}", method="get")
    assert status == 200 and body["phone"] == "13934561234"
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.PERSONAL_DATA_VIEW).exists()
    status, body = post(api_client_for(cppcc.office), f"/proposals/{proposal_67.pk}", method="get")
    assert body["address"] == "怀仁市仁德路怀仁一中仁德校区"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PERSONAL_DATA_VIEW)
    assert entry.actor == cppcc.office and entry.object_id == str(proposal_67.pk)
