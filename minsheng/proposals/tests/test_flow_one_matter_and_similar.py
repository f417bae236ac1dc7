"""一事一议 is a warning, never a refusal; earlier proposals on the same subject come with their answers."""

from minsheng.proposals import services
from minsheng.proposals.models import Proposal
from minsheng.proposals.selectors import similar_proposals

from .conftest import REASON_67, SUGGESTIONS_67, TITLE_67

MIXED = (
    "（一）加大《信访工作条例》宣传力度，引导信访群众依法逐级信访。\n"
    "（二）加强中小学校园食堂食品安全监管，落实陪餐制度。\n"
    "（三）增设城区公共停车位，整治占道停车。"
)


def test_proposal_67_is_one_matter():
    check = services.one_matter_check(title=TITLE_67, reason=REASON_67, suggestions=SUGGESTIONS_67)
    assert len(check.items) == 4
    assert check.off_subject == []
    assert check.warning == ""


def test_unrelated_numbered_suggestions_get_an_explained_warning():
    check = services.one_matter_check(title=TITLE_67, reason=REASON_67, suggestions=MIXED)
    assert len(check.items) == 3
    assert len(check.off_subject) == 2
    assert "一事一议" in check.warning
    assert "校园食堂" in check.warning and "停车" in check.warning


def test_a_single_suggestion_is_never_warned_about():
    check = services.one_matter_check(
        title="关于校园食堂的建议", reason="食堂卫生", suggestions="增设公共停车位。"
    )
    assert check.warning == ""


def test_the_warning_is_stored_but_the_proposal_is_accepted(submit):
    proposal = submit(title=TITLE_67, reason=REASON_67, suggestions=MIXED)
    assert proposal.status == Proposal.Status.SUBMITTED
    assert "一事一议" in proposal.multi_matter_warning


def test_earlier_proposals_on_the_subject_come_with_their_replies(proposal_67_replied, submit, cppcc):
    submit(title="关于规范城区停车秩序的建议")  # another subject, and not admitted
    found = similar_proposals(
        title="关于加强信访工作条例宣传的建议",
        reason="信访人不懂政策，缠访和重复访多，基层信访工作被动",
        user=cppcc.office,
    )
    assert [s.proposal.number for s in found] == [67]
    assert found[0].score > 0.2
    assert [r.unit_name for r in found[0].replies] == ["怀仁市信访局"]


def test_published_proposals_are_found_by_every_member(proposal_67_replied, cppcc):
    assert similar_proposals(title=TITLE_67, reason="信访人缠访重复访", user=cppcc.li) == []
    services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating="satisfied")
    services.proposal_publish(actor=cppcc.office, proposal=proposal_67_replied)
    assert [
        s.proposal for s in similar_proposals(title=TITLE_67, reason="信访人缠访重复访", user=cppcc.li)
    ] == [proposal_67_replied]


def test_a_bare_heading_among_the_suggestions_is_not_a_matter():
    check = services.one_matter_check(
        title=TITLE_67, reason=REASON_67, suggestions="二、建议\n" + SUGGESTIONS_67
    )
    assert len(check.items) == 5
    assert check.warning == ""
