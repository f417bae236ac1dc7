"""Proposal No. 67 of 二届二次会议 through its whole life: entered by the office for 王旭东, admitted as
No. 67, assigned to the petition bureau, answered with the bureau's real reply, rated unsatisfied,
answered again, rated, closed and published."""

from django.utils import timezone

from minsheng.notifications.models import Notification
from minsheng.proposals import services
from minsheng.proposals.models import Proposal, ProposalEvent
from minsheng.proposals.selectors import public_proposals, sent_replies

from .conftest import MEASURES_67, OPENING_67, REPORT_67, TITLE_67

Kind = ProposalEvent.Kind


def test_it_enters_proposal_67_as_the_reference_form_has_it(proposal_67, cppcc):
    assert proposal_67.status == Proposal.Status.SUBMITTED
    assert proposal_67.session.name == "二届二次会议"
    assert proposal_67.title == TITLE_67
    assert proposal_67.proposer == cppcc.wang
    assert proposal_67.proposer_name == "王旭东"
    assert proposal_67.proposer_unit_post == "怀仁一中仁德校区德育处主任"
    assert proposal_67.desired_departments == "信访部门"
    assert proposal_67.submitted_by == cppcc.office
    assert proposal_67.number is None
    # The phone is stored encrypted, never in clear.
    assert "13934561234" not in proposal_67.phone_encrypted
    assert proposal_67.phone == "13934561234"
    assert proposal_67.phone_masked == "139****1234"
    # Four numbered suggestions all about petition work: one matter, no warning.
    assert proposal_67.multi_matter_warning == ""
    assert Notification.objects.filter(recipient=cppcc.office, subject__contains=TITLE_67).exists()


def test_it_gives_number_67_at_admission_and_records_opinion_and_instruction(proposal_67, cppcc):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67, review_opinion="同意立案", is_key=True)
    services.proposal_review_note(
        actor=cppcc.office, proposal=proposal_67, leader_instruction="请信访局认真办理"
    )
    proposal_67.refresh_from_db()
    assert proposal_67.number == 67
    assert str(proposal_67) == "第 67 号：关于做好基层信访工作的建议"
    assert proposal_67.status == Proposal.Status.ADMITTED
    assert proposal_67.review_opinion == "同意立案"
    assert proposal_67.leader_instruction == "请信访局认真办理"
    assert proposal_67.is_key
    kinds = list(proposal_67.events.values_list("kind", flat=True))
    assert kinds == [Kind.SUBMITTED, Kind.ADMITTED, Kind.INSTRUCTION]
    assert Notification.objects.filter(recipient=cppcc.wang, subject__contains="第 67 号").exists()


def test_it_runs_proposal_67_through_reply_unsatisfied_rehandling_and_publication(
    proposal_67_replied, cppcc, city
):
    proposal = proposal_67_replied
    assert proposal.status == Proposal.Status.REPLIED
    assert proposal.grade == "A"
    [reply] = sent_replies(proposal=proposal)
    assert reply.addressee == "王旭东委员："
    assert reply.acknowledgement == "您提出的《关于做好基层信访工作的建议》提案收悉，现回复如下："
    assert reply.opening == OPENING_67
    assert reply.measures[0]["heading"] == MEASURES_67[0]["heading"]
    assert "联席专题会议 11 次" in reply.measures[0]["body"]
    assert reply.unit_name == "怀仁市信访局"
    assert reply.report == REPORT_67
    assert reply.signed_by_name == "刘局长"
    assert Notification.objects.filter(recipient=cppcc.wang, subject__contains="请评价").exists()

    services.proposal_rate(
        actor=cppcc.wang, proposal=proposal, rating="unsatisfied", comment="未答复宣传进村入户的具体安排"
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REHANDLING
    assert proposal.round == 2
    assert proposal.due_on == services.add_months(timezone.localdate(), 3)
    assert Notification.objects.filter(recipient=cppcc.bureau_handler, subject__contains="重新办理").exists()

    services.proposal_contact_record(
        actor=cppcc.bureau_handler,
        proposal=proposal,
        contacted_on=timezone.localdate(),
        way="meeting",
        content="与王旭东委员座谈，商定宣传进村入户方案",
    )
    services.proposal_reply_draft(
        actor=cppcc.bureau_handler,
        proposal=proposal,
        measures=[{"heading": "一、宣传进村入户。", "body": "每季度到各乡镇开展《信访工作条例》宣传。"}],
        grade="B",
        report="已列入年度宣传计划",
    )
    services.proposal_reply_sign(
        actor=cppcc.bureau_handler, proposal=proposal, signed_by_name="刘局长", signed_on=timezone.localdate()
    )
    services.proposal_reply_send(actor=cppcc.bureau_handler, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REPLIED
    assert proposal.grade == "B"
    assert [r.round for r in sent_replies(proposal=proposal)] == [1, 2]

    services.proposal_rate(actor=cppcc.wang, proposal=proposal, rating="basically_satisfied")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CLOSED
    assert proposal.rating == "basically_satisfied"
    assert list(proposal.feedback.values_list("round", "rating")) == [
        (1, "unsatisfied"),
        (2, "basically_satisfied"),
    ]
    assert not public_proposals().exists()

    services.proposal_publish(actor=cppcc.office, proposal=proposal)
    assert list(public_proposals()) == [proposal]
    kinds = list(proposal.events.values_list("kind", flat=True))
    for kind in (
        Kind.SUBMITTED,
        Kind.ADMITTED,
        Kind.ASSIGNED,
        Kind.REPLY_SENT,
        Kind.REPLIED,
        Kind.RATED,
        Kind.REHANDLING,
        Kind.CONTACT,
        Kind.CLOSED,
        Kind.PUBLISHED,
    ):
        assert kind in kinds
    assert kinds[-1] == Kind.PUBLISHED


def test_it_closes_after_a_second_unsatisfied_rating_without_a_third_round(proposal_67_replied, cppcc):
    proposal = proposal_67_replied
    services.proposal_rate(actor=cppcc.wang, proposal=proposal, rating="unsatisfied", comment="措施不具体")
    services.proposal_reply_draft(
        actor=cppcc.bureau_handler,
        proposal=proposal,
        opening="再次研究后答复如下。",
        measures=[],
        grade="C",
        report="留作参考",
    )
    services.proposal_reply_sign(
        actor=cppcc.bureau_handler, proposal=proposal, signed_by_name="刘局长", signed_on=timezone.localdate()
    )
    services.proposal_reply_send(actor=cppcc.bureau_handler, proposal=proposal)
    services.proposal_rate(actor=cppcc.wang, proposal=proposal, rating="unsatisfied", comment="仍不满意")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CLOSED
    assert proposal.round == 2
