"""The proposal office's pages: inbox, review, assignment, reassignment after an objection, deadlines."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.proposals import services
from minsheng.proposals.models import Assignment, Proposal

from .conftest import TITLE_67

pytestmark = pytest.mark.django_db


def test_the_inbox_lists_proposals_to_review(client, cppcc, proposal_67):
    client.force_login(cppcc.office)
    page = client.get(reverse("proposals:inbox")).content.decode()
    assert TITLE_67 in page and "待审查（1）" in page


def test_the_office_admits_proposal_67_and_it_gets_number_67(client, cppcc, proposal_67):
    client.force_login(cppcc.office)
    url = reverse("proposals:admit", args=[proposal_67.pk])
    response = client.post(url, {"review_opinion": "同意立案", "is_key": "on"})
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    assert (proposal_67.status, proposal_67.number, proposal_67.is_key) == (
        Proposal.Status.ADMITTED,
        67,
        True,
    )
    page = client.get(reverse("proposals:detail", args=[proposal_67.pk])).content.decode()
    assert "第 67 号" in page and "重点提案" in page and 'id="assign-form"' in page


def test_not_admitting_needs_one_of_the_standard_grounds(client, cppcc, proposal_67):
    client.force_login(cppcc.office)
    url = reverse("proposals:not_admit", args=[proposal_67.pk])
    response = client.post(url, {"ground": ""})
    assert response.status_code == 422 and 'id="not-admit-form"' in response.content.decode()
    response = client.post(url, {"ground": "随便写的理由"})
    assert response.status_code == 422
    proposal_67.refresh_from_db()
    assert proposal_67.status == Proposal.Status.SUBMITTED
    response = client.post(url, {"ground": "属于个人或家庭问题", "notice": "建议通过信访渠道反映"})
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    assert proposal_67.status == Proposal.Status.NOT_ADMITTED
    assert proposal_67.not_admitted_ground == "属于个人或家庭问题"


def test_the_office_converts_a_proposal_to_an_opinion(client, city, cppcc, proposal_67):
    client.force_login(cppcc.office)
    response = client.post(reverse("proposals:convert", args=[proposal_67.pk]), {"unit": city.housing.pk})
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    assert proposal_67.status == Proposal.Status.CONVERTED and proposal_67.converted_to == city.housing


def test_the_office_assigns_with_the_default_three_months(client, city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    client.force_login(cppcc.office)
    response = client.post(
        reverse("proposals:assign", args=[proposal_67.pk]),
        {"lead": city.bureau.pk, "co_units": [city.housing.pk]},
    )
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    assert proposal_67.status == Proposal.Status.ASSIGNED
    assert proposal_67.due_on == services.add_months(timezone.localdate(), 3)
    assert set(proposal_67.assignments.values_list("unit", "role")) == {
        (city.bureau.pk, Assignment.Role.LEAD),
        (city.housing.pk, Assignment.Role.CO),
    }


def test_a_deadline_beyond_six_months_is_refused_in_place(client, city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    client.force_login(cppcc.office)
    too_late = timezone.localdate() + dt.timedelta(days=200)
    response = client.post(
        reverse("proposals:assign", args=[proposal_67.pk]), {"lead": city.bureau.pk, "due_on": too_late}
    )
    assert response.status_code == 422
    assert "6 个月" in response.content.decode()
    assert not proposal_67.assignments.exists()


def test_assigning_without_any_unit_is_refused(client, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    client.force_login(cppcc.office)
    response = client.post(reverse("proposals:assign", args=[proposal_67.pk]), {})
    assert response.status_code == 422 and "主办单位或分办单位" in response.content.decode()


def test_after_an_objection_the_office_sees_it_and_assigns_again(client, city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    services.proposal_assign(actor=cppcc.office, proposal=proposal_67, lead=city.housing)
    assignment = proposal_67.assignments.get()
    services.assignment_object(
        actor=city.housing_handler, assignment=assignment, reason="信访工作不属于本局职责"
    )
    client.force_login(cppcc.office)
    inbox = client.get(reverse("proposals:inbox")).content.decode()
    assert "承办单位提出异议，待重新交办" in inbox and TITLE_67 in inbox
    detail = client.get(reverse("proposals:detail", args=[proposal_67.pk])).content.decode()
    assert "信访工作不属于本局职责" in detail and "异议后重新交办" in detail
    response = client.post(reverse("proposals:assign", args=[proposal_67.pk]), {"lead": city.bureau.pk})
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    assert proposal_67.status == Proposal.Status.ASSIGNED
    assert proposal_67.assignments.get(withdrawn_at__isnull=True).unit == city.bureau


def test_the_deadlines_page_shows_overdue_proposals(client, city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    services.proposal_assign(actor=cppcc.office, proposal=proposal_67, lead=city.bureau)
    Proposal.objects.filter(pk=proposal_67.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(cppcc.office)
    page = client.get(reverse("proposals:deadlines")).content.decode()
    assert TITLE_67 in page and "deadline-overdue" in page and city.bureau.name in page


def test_members_and_units_cannot_use_the_office_pages(client, city, cppcc, proposal_67):
    for user in (cppcc.wang, cppcc.bureau_handler):
        client.force_login(user)
        assert client.get(reverse("proposals:inbox")).status_code == 403
        assert client.get(reverse("proposals:deadlines")).status_code == 403
    client.force_login(cppcc.wang)
    assert client.post(reverse("proposals:admit", args=[proposal_67.pk]), {}).status_code == 403
    proposal_67.refresh_from_db()
    assert proposal_67.status == Proposal.Status.SUBMITTED


def test_a_leader_records_an_instruction(client, city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    client.force_login(city.leader)
    response = client.post(
        reverse("proposals:review_note", args=[proposal_67.pk]), {"leader_instruction": "请认真办理。"}
    )
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    assert proposal_67.leader_instruction == "请认真办理。"


def test_the_office_joins_proposals_on_one_matter_by_their_numbers(client, cppcc, proposal_67, submit):
    other = submit(title="关于加强信访法治宣传的建议", actor=cppcc.li)
    for proposal in (proposal_67, other):
        services.proposal_admit(actor=cppcc.office, proposal=proposal)
    other.refresh_from_db()
    client.force_login(cppcc.office)
    url = reverse("proposals:join", args=[proposal_67.pk])
    response = client.post(url, {"numbers": "99", "title": "基层信访工作"})
    assert response.status_code == 422 and "本届次没有提案号 99" in response.content.decode()
    response = client.post(url, {"numbers": "六十八", "title": "基层信访工作"})
    assert response.status_code == 422
    response = client.post(url, {"numbers": str(other.number), "title": "基层信访工作"})
    assert response.status_code == 302
    proposal_67.refresh_from_db()
    other.refresh_from_db()
    assert proposal_67.joint_handling_id and proposal_67.joint_handling_id == other.joint_handling_id
    page = client.get(reverse("proposals:detail", args=[proposal_67.pk])).content.decode()
    assert "基层信访工作" in page and other.number_label in page
