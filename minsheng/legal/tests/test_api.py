"""The lawyers' API: roster, assignments and declaration, opinions, mediations, consultations."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from minsheng.legal.models import Consultation, DutyShift, LawyerAssignment, LegalOpinion, Mediation

from .conftest import opinion_fields


def post(client, url, body):
    return client.post(url, json.dumps(body, default=str), content_type="application/json")


def next_month() -> dt.date:
    return (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def test_the_supervisor_plans_a_month_and_the_lawyer_reads_their_days(api_client_for, city, firm):
    start = next_month()
    response = post(
        api_client_for(city.supervisor),
        "/api/v1/legal/duty-roster",
        {"year": start.year, "month": start.month, "lawyer_ids": [firm.zhang.pk, firm.wang.pk]},
    )

    assert response.status_code == 201
    body = response.json()
    assert len(body["created"]) == body["working_days"] == DutyShift.objects.count()
    assert body["created"][0]["lawyer"]["name"] == "张明律师"
    mine = api_client_for(firm.zhang).get(
        "/api/v1/legal/duty-shifts", {"date_from": start, "date_to": start + dt.timedelta(days=30)}
    )
    assert mine.status_code == 200
    assert {s["lawyer"]["id"] for s in mine.json()} == {firm.zhang.pk}


def test_roster_errors_are_chinese_and_per_field(api_client_for, city, firm):
    client = api_client_for(city.supervisor)

    bad = post(
        client, "/api/v1/legal/duty-roster", {"year": 2099, "month": 3, "lawyer_ids": [city.registrar.pk]}
    )
    unknown = post(client, "/api/v1/legal/duty-shifts", {"day": "2099-03-02", "lawyer_id": 999999})
    denied = post(
        api_client_for(firm.zhang),
        "/api/v1/legal/duty-shifts",
        {"day": "2099-03-02", "lawyer_id": firm.zhang.pk},
    )

    assert bad.status_code == 422 and bad.json()["errors"] == {"lawyer_ids": ["dengji 不是在册的律师"]}
    assert unknown.status_code == 422 and unknown.json()["errors"] == {"lawyer_id": ["编号 999999 不存在"]}
    assert denied.status_code == 403
    assert DutyShift.objects.count() == 0


def test_a_shift_is_cancelled_and_one_out_of_scope_is_404(api_client_for, city, firm):
    client = api_client_for(city.supervisor)
    shift = post(
        client, "/api/v1/legal/duty-shifts", {"day": "2099-03-02", "lawyer_id": firm.zhang.pk}
    ).json()

    assert api_client_for(firm.wang).delete(f"/api/v1/legal/duty-shifts/{shift['id']}").status_code == 404
    assert client.delete(f"/api/v1/legal/duty-shifts/{shift['id']}").status_code == 204
    assert DutyShift.objects.count() == 0


def test_assignment_declaration_and_opinion_through_the_api(api_client_for, city, claim, firm):
    supervisor, lawyer = api_client_for(city.supervisor), api_client_for(firm.zhang)

    created = post(
        supervisor, "/api/v1/legal/assignments", {"matter_id": claim.pk, "lawyer_id": firm.zhang.pk}
    )
    assert created.status_code == 201
    assignment_id = created.json()["id"]
    before = lawyer.get(f"/api/v1/legal/assignments/{assignment_id}").json()
    assert before["status"] == "pending"
    assert before["parties"]["petitioners"] == ["李桂兰"] and before["matter_detail"] is None

    refused = post(lawyer, "/api/v1/legal/opinions", {"assignment_id": assignment_id, **opinion_fields()})
    assert refused.status_code == 422 and "须先声明无利益冲突" in refused.json()["errors"]["__all__"][0]
    declared = post(
        lawyer,
        f"/api/v1/legal/assignments/{assignment_id}/declaration",
        {"has_conflict": False, "confirmed": True},
    )
    assert declared.status_code == 200
    assert declared.json()["matter_detail"]["content"] == claim.content

    opinion = post(
        lawyer,
        "/api/v1/legal/opinions",
        {"assignment_id": assignment_id, **opinion_fields(route="arbitration")},
    )
    assert opinion.status_code == 201
    assert opinion.json()["route_label"] == "仲裁（第三十一条第二项）"
    box = supervisor.get(f"/api/v1/legal/matters/{claim.pk}").json()
    assert [o["id"] for o in box["opinions"]] == [opinion.json()["id"]]
    assert box["assignments"][0]["status"] == "active"


def test_a_conflict_through_the_api_ends_the_assignment(api_client_for, city, firm, assigned):
    response = post(
        api_client_for(firm.zhang),
        f"/api/v1/legal/assignments/{assigned.pk}/declaration",
        {"has_conflict": True, "relation": ""},
    )
    assert response.status_code == 422 and response.json()["errors"] == {"relation": ["请填写利害关系"]}

    response = post(
        api_client_for(firm.zhang),
        f"/api/v1/legal/assignments/{assigned.pk}/declaration",
        {"has_conflict": True, "relation": "曾代理被反映单位的诉讼"},
    )

    assert response.json()["status"] == "conflict"
    assert LawyerAssignment.objects.get().status == "conflict"


def test_a_lawyer_gets_404_for_matters_and_assignments_not_theirs(
    api_client_for, register, city, firm, claim, active
):
    other = api_client_for(firm.wang)

    assert other.get(f"/api/v1/legal/assignments/{active.pk}").status_code == 404
    assert other.get(f"/api/v1/legal/matters/{claim.pk}").status_code == 404
    assert other.get("/api/v1/legal/assignments").json()["count"] == 0
    assert api_client_for(firm.zhang).get(f"/api/v1/legal/matters/{claim.pk}").status_code == 200
    unassigned = register(title="另一件事项").matter
    assert api_client_for(firm.zhang).get(f"/api/v1/legal/matters/{unassigned.pk}").status_code == 404


def test_assignment_errors_and_roles(api_client_for, city, claim, accusation, firm):
    supervisor = api_client_for(city.supervisor)

    missing = post(supervisor, "/api/v1/legal/assignments", {"matter_id": 999999, "lawyer_id": firm.zhang.pk})
    art30 = post(
        supervisor, "/api/v1/legal/assignments", {"matter_id": accusation.pk, "lawyer_id": firm.zhang.pk}
    )
    handler = post(
        api_client_for(city.registrar),
        "/api/v1/legal/assignments",
        {"matter_id": claim.pk, "lawyer_id": firm.zhang.pk},
    )

    assert missing.status_code == 422 and "matter_id" in missing.json()["errors"]
    assert art30.json()["errors"] == {"matter_id": ["检举控告类事项不指派律师（第三十条）"]}
    assert handler.status_code == 403
    assert LawyerAssignment.objects.count() == 0


def test_mediation_through_the_api(api_client_for, claim, firm, active):
    body = {
        "matter_id": claim.pk,
        "held_on": timezone.localdate(),
        "place": "调解室",
        "parties": "李桂兰；东关村委会",
        "lawyer_ids": [firm.zhang.pk],
        "outcome": "failed",
        "result": "村委会不同意发放",
        "consent": True,
    }
    client = api_client_for(firm.zhang)

    no_consent = post(client, "/api/v1/legal/mediations", {**body, "consent": False})
    done = post(client, "/api/v1/legal/mediations", body)

    assert no_consent.status_code == 422 and "consent" in no_consent.json()["errors"]
    assert done.status_code == 201 and done.json()["lawyers"] == [{"id": firm.zhang.pk, "name": "张明律师"}]
    assert [m["id"] for m in client.get("/api/v1/legal/mediations", {"matter_id": claim.pk}).json()] == [
        done.json()["id"]
    ]
    assert Mediation.objects.count() == 1
    assert post(api_client_for(firm.wang), "/api/v1/legal/mediations", body).status_code == 422


def test_consultations_through_the_api(api_client_for, city, firm):
    lawyer = api_client_for(firm.zhang)
    base = {
        "consulted_on": timezone.localdate(),
        "topic": "housing",
        "question": "物业费能不交吗？",
        "advice": "不能以此拒交。",
    }

    anonymous = post(lawyer, "/api/v1/legal/consultations", base)
    named = post(
        lawyer, "/api/v1/legal/consultations", {**base, "person_name": "钱女士", "phone": "13700001234"}
    )
    bad = post(lawyer, "/api/v1/legal/consultations", {**base, "question": "", "topic": "x"})
    huge = post(lawyer, "/api/v1/legal/consultations", {**base, "advice": "答" * 2001})

    assert anonymous.status_code == 201 and anonymous.json()["anonymous"] is True
    assert named.json()["phone_masked"] == "137****1234" and "13700001234" not in named.content.decode()
    assert bad.status_code == 422 and bad.json()["errors"] == {"topic": ["请选择咨询类别"]}
    assert huge.status_code == 422 and huge.json()["errors"]["advice"] == ["不能超过 2000 个字"]
    listing = api_client_for(city.supervisor).get("/api/v1/legal/consultations", {"topic": "housing"}).json()
    assert listing["count"] == 2 and listing["topics"] == {"housing": 2}
    assert Consultation.objects.count() == 2
    assert (
        api_client_for(firm.wang).get(f"/api/v1/legal/consultations/{named.json()['id']}").status_code == 404
    )


def test_a_member_of_the_public_api_role_is_refused(api_client_for, city):
    from minsheng.accounts.models import Role
    from minsheng.accounts.services import user_create

    member = user_create(
        username="wy", password="Minsheng@2026", full_name="委员", role=Role.MEMBER, organisation=city.root
    )

    assert api_client_for(member).get("/api/v1/legal/consultations").status_code == 403


@pytest.mark.parametrize(
    "url", ["/api/v1/legal/opinions", "/api/v1/legal/assignments", "/api/v1/legal/duty-shifts"]
)
def test_the_bureau_reads_each_list(api_client_for, city, url):
    assert api_client_for(city.supervisor).get(url).status_code == 200


def test_an_opinion_is_read_by_its_matters_staff_and_not_by_another_township(
    api_client_for, city, firm, active
):
    opinion = post(
        api_client_for(firm.zhang), "/api/v1/legal/opinions", {"assignment_id": active.pk, **opinion_fields()}
    ).json()

    assert api_client_for(city.registrar).get(f"/api/v1/legal/opinions/{opinion['id']}").status_code == 200
    assert (
        api_client_for(city.jinshatan_handler).get(f"/api/v1/legal/opinions/{opinion['id']}").status_code
        == 404
    )
    assert LegalOpinion.objects.count() == 1
