"""A unit objects within the window with a reason; the office assigns again, never to the same unit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.notifications.models import Notification
from minsheng.proposals import services
from minsheng.proposals.models import Assignment, Proposal, ProposalEvent


@pytest.fixture
def assigned(submit, cppcc, city):
    proposal = submit()
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    services.proposal_assign(
        actor=cppcc.office, proposal=proposal, lead=city.yunzhong, co_units=[city.housing]
    )
    proposal.refresh_from_db()
    return proposal


def test_the_objection_window_is_seven_days_by_default(assigned):
    lead = assigned.assignments.get(role="lead")
    assert lead.objection_until == timezone.localdate() + dt.timedelta(days=7)


def test_an_objection_withdraws_the_assignment_and_the_office_assigns_again(assigned, cppcc, city):
    lead = assigned.assignments.get(role="lead")
    services.assignment_object(
        actor=city.yunzhong_handler, assignment=lead, reason="停车管理属住建和交警职责"
    )
    assigned.refresh_from_db()
    lead.refresh_from_db()
    assert lead.withdrawn_at is not None and lead.objection_reason == "停车管理属住建和交警职责"
    # Without an answering unit the proposal waits for the office again.
    assert assigned.status == Proposal.Status.ADMITTED
    assert Notification.objects.filter(recipient=cppcc.office, subject__contains="异议").exists()

    with pytest.raises(ValidationError) as error:
        services.proposal_assign(actor=cppcc.office, proposal=assigned, lead=city.yunzhong)
    assert "异议" in str(error.value.message_dict["lead"])

    services.proposal_assign(actor=cppcc.office, proposal=assigned, lead=city.jinshatan)
    assigned.refresh_from_db()
    assert assigned.status == Proposal.Status.ASSIGNED
    active = {(a.unit.name, a.role) for a in assigned.assignments.filter(withdrawn_at__isnull=True)}
    assert active == {("金沙滩镇", "lead"), ("怀仁市住房和城乡建设局", "co")}
    assert assigned.events.filter(kind=ProposalEvent.Kind.REASSIGNED).exists()
    assert Notification.objects.filter(
        recipient=city.jinshatan_handler, subject__contains="交办提案"
    ).exists()


def test_a_co_handling_unit_objects_and_the_lead_goes_on(assigned, city):
    co = assigned.assignments.get(role="co")
    services.assignment_object(actor=city.housing_handler, assignment=co, reason="不涉及本局职责")
    assigned.refresh_from_db()
    assert assigned.status == Proposal.Status.ASSIGNED


def test_it_refuses_an_objection_after_the_window(assigned, city):
    lead = assigned.assignments.get(role="lead")
    Assignment.objects.filter(pk=lead.pk).update(objection_until=timezone.localdate() - dt.timedelta(days=1))
    lead.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.assignment_object(actor=city.yunzhong_handler, assignment=lead, reason="不属于本镇")
    assert "异议期" in str(error.value.message_dict["reason"])
    lead.refresh_from_db()
    assert lead.withdrawn_at is None


def test_only_the_assigned_unit_objects_and_with_a_reason(assigned, city, cppcc):
    lead = assigned.assignments.get(role="lead")
    for outsider in (city.jinshatan_handler, city.housing_handler, cppcc.office, cppcc.wang):
        with pytest.raises(PermissionDenied):
            services.assignment_object(actor=outsider, assignment=lead, reason="不属于本单位")
    with pytest.raises(ValidationError) as error:
        services.assignment_object(actor=city.yunzhong_handler, assignment=lead, reason="   ")
    assert "reason" in error.value.message_dict
    lead.refresh_from_db()
    assert lead.withdrawn_at is None


def test_it_refuses_a_co_handling_unit_without_a_lead_and_the_same_unit_twice(submit, cppcc, city):
    proposal = submit()
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    with pytest.raises(ValidationError) as error:
        services.proposal_assign(actor=cppcc.office, proposal=proposal, co_units=[city.housing])
    assert "co_units" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.proposal_assign(
            actor=cppcc.office, proposal=proposal, lead=city.housing, co_units=[city.housing]
        )
    with pytest.raises(ValidationError):
        services.proposal_assign(actor=cppcc.office, proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.proposal_assign(actor=city.supervisor, proposal=proposal, lead=city.housing)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ADMITTED
    assert not proposal.assignments.exists()


def test_separate_units_each_reply_and_the_proposal_is_replied_when_both_have(submit, cppcc, city):
    proposal = submit()
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    services.proposal_assign(
        actor=cppcc.office, proposal=proposal, separate_units=[city.housing, city.yunzhong]
    )
    for handler in (city.housing_handler, city.yunzhong_handler):
        services.proposal_reply_draft(
            actor=handler,
            proposal=proposal,
            opening="关于本单位职责部分答复如下。",
            measures=[],
            grade="B",
            report="已办理",
        )
        services.proposal_reply_sign(
            actor=handler, proposal=proposal, signed_by_name="负责人", signed_on=timezone.localdate()
        )
        services.proposal_reply_send(actor=handler, proposal=proposal)
        proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REPLIED
    assert proposal.replies.filter(sent_at__isnull=False).count() == 2
