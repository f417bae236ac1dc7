"""Bad input to submission, rating and publication gets a field-keyed Chinese message and changes
nothing; wrong roles are refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.proposals import services
from minsheng.proposals.models import Feedback, Proposal, ProposalEvent, ProposalSession


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": ""}, "title", "请填写标题"),
        ({"title": "   "}, "title", "请填写标题"),
        ({"title": "长" * 201}, "title", "不能超过 200 个字"),
        ({"reason": ""}, "reason", "请填写案由"),
        ({"suggestions": ""}, "suggestions", "请填写建议"),
        ({"suggestions": "长" * 20001}, "suggestions", "不能超过 20000 个字"),
        ({"phone": "12345"}, "phone", "电话号码格式不正确"),
        ({"address": "长" * 201}, "address", "不能超过 200 个字"),
    ],
)
def test_it_refuses_bad_submissions(submit, fields, field, message):
    with pytest.raises(ValidationError) as error:
        submit(**fields)
    assert message in " ".join(error.value.message_dict[field])
    assert not Proposal.objects.exists()
    assert not ProposalEvent.objects.exists()


def test_only_members_and_the_office_submit_and_a_member_only_in_their_own_name(submit, cppcc, city):
    for outsider in (city.housing_handler, city.leader, city.registrar):
        with pytest.raises(PermissionDenied):
            submit(actor=outsider)
    with pytest.raises(PermissionDenied):
        submit(actor=cppcc.li, proposer=cppcc.wang)
    with pytest.raises(ValidationError) as error:
        submit(actor=cppcc.office)
    assert "proposer" in error.value.message_dict
    with pytest.raises(ValidationError):
        submit(actor=cppcc.office, proposer=city.housing_handler)
    assert not Proposal.objects.exists()


def test_it_needs_a_current_session(submit, cppcc):
    ProposalSession.objects.update(is_current=False)
    with pytest.raises(ValidationError) as error:
        submit()
    assert "session" in error.value.message_dict


def test_the_office_enters_a_proposal_for_a_member(submit, cppcc):
    proposal = submit(actor=cppcc.office, proposer=cppcc.li)
    assert proposal.proposer == cppcc.li and proposal.submitted_by == cppcc.office
    # The unit and post default to the member's title.
    assert proposal.proposer_unit_post == "金沙滩镇卫生院院长"


def test_only_the_proposer_rates_and_only_a_replied_proposal(proposal_67_replied, proposal_67, cppcc, city):
    for outsider in (cppcc.li, cppcc.office, cppcc.bureau_handler):
        with pytest.raises(PermissionDenied):
            services.proposal_rate(actor=outsider, proposal=proposal_67_replied, rating="satisfied")
    with pytest.raises(ValidationError) as error:
        services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating="great")
    assert "rating" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.proposal_rate(
            actor=cppcc.wang, proposal=proposal_67_replied, rating="unsatisfied", comment=""
        )
    assert "comment" in error.value.message_dict
    assert not Feedback.objects.exists()
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.status == Proposal.Status.REPLIED


def test_it_publishes_only_closed_proposals_once_and_only_by_the_office(proposal_67_replied, cppcc):
    with pytest.raises(ValidationError):
        services.proposal_publish(actor=cppcc.office, proposal=proposal_67_replied)
    services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating="satisfied")
    with pytest.raises(PermissionDenied):
        services.proposal_publish(actor=cppcc.wang, proposal=proposal_67_replied)
    services.proposal_publish(actor=cppcc.office, proposal=proposal_67_replied)
    with pytest.raises(ValidationError):
        services.proposal_publish(actor=cppcc.office, proposal=proposal_67_replied)


def test_a_reply_needs_a_grade_a_report_and_some_text(proposal_67, cppcc, city):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    services.proposal_assign(actor=cppcc.office, proposal=proposal_67, lead=city.bureau)
    cases = [
        ({"measures": [], "opening": "", "grade": "A", "report": "已办"}, "measures"),
        ({"measures": ["一、措施"], "grade": "D", "report": "已办"}, "grade"),
        ({"measures": ["一、措施"], "grade": "A", "report": ""}, "report"),
        ({"measures": "不是列表", "grade": "A", "report": "已办"}, "measures"),
        ({"measures": ["一、措施"] * 31, "grade": "A", "report": "已办"}, "measures"),
    ]
    for fields, field in cases:
        with pytest.raises(ValidationError) as error:
            services.proposal_reply_draft(actor=cppcc.bureau_handler, proposal=proposal_67, **fields)
        assert field in error.value.message_dict, fields
    assert not proposal_67.replies.exists()
