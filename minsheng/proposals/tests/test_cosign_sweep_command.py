"""`manage.py proposal_cosign_sweep`, run daily, moves on the proposals whose co-signing deadline passed."""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from minsheng.proposals.models import Cosigner, Proposal


def test_the_command_drops_silent_cosigners_and_says_how_many_proposals_moved_on(submit, cppcc):
    late = submit(cosigners=[cppcc.li])
    waiting = submit(cosigners=[cppcc.zhao])
    Proposal.objects.filter(pk=late.pk).update(cosign_deadline=timezone.localdate() - dt.timedelta(days=1))
    out = StringIO()

    call_command("proposal_cosign_sweep", stdout=out)

    late.refresh_from_db()
    waiting.refresh_from_db()
    assert "1 件" in out.getvalue()
    assert late.status == Proposal.Status.SUBMITTED
    assert late.cosigners.get().answer == Cosigner.Answer.DROPPED
    assert waiting.status == Proposal.Status.COSIGNING
