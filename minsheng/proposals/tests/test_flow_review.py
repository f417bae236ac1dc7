"""Review by the proposal office: numbers per session in the order of admission, not admitting with a
standard ground and a notice, converting to an opinion forwarded to a unit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.notifications.models import Notification
from minsheng.proposals import services
from minsheng.proposals.models import Proposal, ProposalSession


def test_numbers_run_per_session_in_the_order_of_admission(submit, cppcc):
    other = ProposalSession.objects.create(name="二届三次会议", opens_on=dt.date(2027, 1, 10))
    first, second = submit(title="关于A的建议"), submit(title="关于B的建议")
    third = submit(title="关于C的建议", session=other)
    services.proposal_admit(actor=cppcc.office, proposal=second)
    services.proposal_admit(actor=cppcc.office, proposal=first)
    services.proposal_admit(actor=cppcc.office, proposal=third)
    numbers = {p.title: (p.session.name, p.number) for p in Proposal.objects.all()}
    assert numbers == {
        "关于A的建议": ("二届二次会议", 68),
        "关于B的建议": ("二届二次会议", 67),
        "关于C的建议": ("二届三次会议", 1),
    }


def test_it_does_not_admit_with_a_standard_ground_and_tells_the_proposer(submit, cppcc):
    proposal = submit(title="关于解决本人子女工作的建议")
    services.proposal_not_admit(actor=cppcc.office, proposal=proposal, ground="属于个人或家庭问题")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.NOT_ADMITTED
    assert proposal.number is None
    assert proposal.not_admitted_ground == "属于个人或家庭问题"
    assert "因属于个人或家庭问题，不予立案" in proposal.not_admitted_notice
    note = Notification.objects.get(recipient=cppcc.wang, subject__contains="不予立案")
    assert note.body == proposal.not_admitted_notice


def test_it_refuses_a_ground_outside_the_settings_list(submit, cppcc, settings):
    proposal = submit()
    with pytest.raises(ValidationError) as error:
        services.proposal_not_admit(actor=cppcc.office, proposal=proposal, ground="不喜欢")
    assert "ground" in error.value.message_dict
    settings.PROPOSAL_NOT_ADMITTED_GROUNDS = ["不喜欢"]
    services.proposal_not_admit(actor=cppcc.office, proposal=proposal, ground="不喜欢")


def test_it_converts_to_an_opinion_forwarded_to_a_unit(submit, cppcc, city):
    proposal = submit()
    services.proposal_convert(
        actor=cppcc.office, proposal=proposal, unit=city.housing, review_opinion="转住建局参考"
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CONVERTED
    assert proposal.converted_to == city.housing
    assert Notification.objects.filter(recipient=city.housing_handler, subject__contains="意见建议").exists()
    assert Notification.objects.filter(recipient=cppcc.wang, subject__contains="转为意见建议").exists()


def test_only_the_office_reviews_and_only_once(submit, cppcc, city):
    proposal = submit()
    for outsider in (cppcc.wang, city.housing_handler, city.leader, city.supervisor):
        with pytest.raises(PermissionDenied):
            services.proposal_admit(actor=outsider, proposal=proposal)
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    with pytest.raises(ValidationError) as error:
        services.proposal_not_admit(actor=cppcc.office, proposal=proposal, ground="一事多议")
    assert "已立案" in str(error.value)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ADMITTED and proposal.number == 67


def test_a_leader_writes_an_instruction_but_not_the_review_opinion(submit, cppcc, city):
    proposal = submit()
    services.proposal_review_note(actor=city.leader, proposal=proposal, leader_instruction="请认真研究")
    with pytest.raises(PermissionDenied):
        services.proposal_review_note(actor=city.leader, proposal=proposal, review_opinion="同意")
    with pytest.raises(PermissionDenied):
        services.proposal_review_note(actor=cppcc.wang, proposal=proposal, leader_instruction="自己批")
    proposal.refresh_from_db()
    assert proposal.leader_instruction == "请认真研究"
    assert proposal.review_opinion == ""


def test_leaders_are_told_of_a_key_proposal(submit, cppcc, city):
    proposal = submit()
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    assert not Notification.objects.filter(recipient=city.leader).exists()
    services.proposal_review_note(actor=cppcc.office, proposal=proposal, is_key=True)
    assert Notification.objects.filter(recipient=city.leader, subject__contains="重点提案").exists()
