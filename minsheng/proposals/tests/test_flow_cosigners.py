"""Co-signers confirm or decline before the deadline; those who have not answered by then are dropped
with a note, and the proposal waits for the office until all have answered or the deadline passed."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.notifications.models import Notification
from minsheng.proposals import services
from minsheng.proposals.models import Cosigner, Proposal, ProposalEvent


@pytest.fixture
def cosigned(submit, cppcc):
    return submit(cosigners=[cppcc.li, cppcc.zhao])


def test_it_waits_for_the_cosigners_and_invites_them(cosigned, cppcc):
    assert cosigned.status == Proposal.Status.COSIGNING
    assert cosigned.cosign_deadline == timezone.localdate() + dt.timedelta(days=7)
    assert Notification.objects.filter(recipient=cppcc.li, subject__contains="请确认联名").exists()
    assert not Notification.objects.filter(recipient=cppcc.office).exists()


def test_it_goes_to_the_office_when_every_cosigner_has_answered(cosigned, cppcc):
    services.cosigner_answer(actor=cppcc.li, proposal=cosigned, confirm=True)
    cosigned.refresh_from_db()
    assert cosigned.status == Proposal.Status.COSIGNING
    services.cosigner_answer(actor=cppcc.zhao, proposal=cosigned, confirm=False, note="不熟悉该领域")
    cosigned.refresh_from_db()
    assert cosigned.status == Proposal.Status.SUBMITTED
    answers = dict(cosigned.cosigners.values_list("member__username", "answer"))
    assert answers == {"limei": "confirmed", "zhaogang": "declined"}
    assert Notification.objects.filter(recipient=cppcc.office, subject__contains="新提案待审查").exists()
    assert cosigned.events.filter(kind=ProposalEvent.Kind.COSIGN_COMPLETE).exists()


def test_it_drops_cosigners_who_did_not_answer_by_the_deadline(cosigned, cppcc):
    services.cosigner_answer(actor=cppcc.li, proposal=cosigned, confirm=True)
    Proposal.objects.filter(pk=cosigned.pk).update(
        cosign_deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    assert services.proposal_cosign_sweep() == 1
    cosigned.refresh_from_db()
    assert cosigned.status == Proposal.Status.SUBMITTED
    zhao = cosigned.cosigners.get(member=cppcc.zhao)
    assert zhao.answer == Cosigner.Answer.DROPPED
    assert "未确认" in zhao.note
    assert cosigned.events.filter(kind=ProposalEvent.Kind.COSIGN_DROPPED, note__contains="赵刚").exists()
    assert services.proposal_cosign_sweep() == 0


def test_the_office_cannot_review_before_the_cosigners_answer_but_can_after_the_deadline(cosigned, cppcc):
    with pytest.raises(ValidationError) as error:
        services.proposal_admit(actor=cppcc.office, proposal=cosigned)
    assert "联名提案人尚未全部答复" in str(error.value)
    Proposal.objects.filter(pk=cosigned.pk).update(
        cosign_deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    services.proposal_admit(actor=cppcc.office, proposal=cosigned)
    cosigned.refresh_from_db()
    assert cosigned.status == Proposal.Status.ADMITTED
    assert set(cosigned.cosigners.values_list("answer", flat=True)) == {"dropped"}


def test_it_refuses_an_answer_after_the_deadline_and_changes_nothing(cosigned, cppcc):
    Proposal.objects.filter(pk=cosigned.pk).update(
        cosign_deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        services.cosigner_answer(actor=cppcc.li, proposal=cosigned, confirm=True)
    assert "截止" in str(error.value)
    assert cosigned.cosigners.get(member=cppcc.li).answer == Cosigner.Answer.PENDING


def test_only_an_invited_cosigner_answers_and_only_once(cosigned, cppcc, city):
    with pytest.raises(PermissionDenied):
        services.cosigner_answer(actor=cppcc.wang, proposal=cosigned, confirm=True)
    with pytest.raises(PermissionDenied):
        services.cosigner_answer(actor=city.housing_handler, proposal=cosigned, confirm=True)
    services.cosigner_answer(actor=cppcc.li, proposal=cosigned, confirm=True)
    with pytest.raises(ValidationError):
        services.cosigner_answer(actor=cppcc.li, proposal=cosigned, confirm=False)
    assert cosigned.cosigners.get(member=cppcc.li).answer == Cosigner.Answer.CONFIRMED


def test_it_refuses_bad_cosigners_and_deadlines(submit, cppcc, city):
    before = Proposal.objects.count()
    cases = [
        ({"cosigners": [cppcc.wang]}, "cosigners"),
        ({"cosigners": [cppcc.li, cppcc.li]}, "cosigners"),
        ({"cosigners": [city.housing_handler]}, "cosigners"),
        (
            {"cosigners": [cppcc.li], "cosign_deadline": timezone.localdate() - dt.timedelta(days=1)},
            "cosign_deadline",
        ),
        (
            {"cosigners": [cppcc.li], "cosign_deadline": timezone.localdate() + dt.timedelta(days=31)},
            "cosign_deadline",
        ),
    ]
    for fields, field in cases:
        with pytest.raises(ValidationError) as error:
            submit(**fields)
        assert field in error.value.message_dict, fields
    assert Proposal.objects.count() == before
