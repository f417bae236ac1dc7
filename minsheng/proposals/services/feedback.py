"""The proposer's rating, re-handling of an unsatisfied answer, closing and publication."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Feedback, Proposal, ProposalEvent
from ..permissions import is_member, is_office
from ._common import (
    NOTE_MAX,
    add_months,
    event_record,
    label,
    limit,
    lock,
    notify,
    office_staff,
    refuse,
    require_status,
    require_text,
    today,
    unit_handlers,
)
from .assignment import ANSWERING_ROLES

Kind = ProposalEvent.Kind
Status = Proposal.Status
Rating = Proposal.Rating


@transaction.atomic
def proposal_rate(*, actor, proposal: Proposal, rating: str, comment: str = "") -> Feedback:
    """满意 / 基本满意 close the proposal. 不满意 (with the reasons) sends it back to its answering units
    for a second answer within the re-handling months; after that second answer it closes whatever
    the rating."""
    proposal = lock(proposal)
    if not (is_member(actor) and proposal.proposer_id == actor.pk):
        raise PermissionDenied(_("只有提案人本人可以评价办理情况"))
    require_status(proposal, Status.REPLIED, action=_("评价"))
    if rating not in Rating.values:
        refuse("rating", _("请选择满意、基本满意或不满意"))
    comment = require_text(
        comment,
        field="comment",
        label=_("评价意见"),
        max_length=NOTE_MAX,
        required=rating == Rating.UNSATISFIED,
    )
    feedback = Feedback.objects.create(
        proposal=proposal,
        round=proposal.round,
        rating=rating,
        comment=comment,
        rated_by=actor,
        rated_at=timezone.now(),
    )
    proposal.rating = rating
    event = event_record(
        proposal=proposal,
        kind=Kind.RATED,
        actor=actor,
        note=comment,
        data={"rating": rating, "round": proposal.round},
    )
    if rating == Rating.UNSATISFIED and proposal.round == 1:
        proposal.round = 2
        proposal.status = Status.REHANDLING
        proposal.assigned_on = today()
        proposal.due_on = add_months(proposal.assigned_on, limit("PROPOSAL_REHANDLING_MONTHS"))
        proposal.save(update_fields=["rating", "round", "status", "assigned_on", "due_on"])
        event_record(
            proposal=proposal,
            kind=Kind.REHANDLING,
            note=_("提案人不满意，重新办理，期限至 %(date)s") % {"date": f"{proposal.due_on:%Y-%m-%d}"},
            data={"due_on": proposal.due_on.isoformat()},
        )
        units = [
            a.unit
            for a in proposal.assignments.filter(
                withdrawn_at__isnull=True, role__in=ANSWERING_ROLES
            ).select_related("unit")
        ]
        notify(
            users=[u for unit in units for u in unit_handlers(unit)] + office_staff(),
            key=f"rehandling:{event.pk}",
            subject=_("提案人不满意，请重新办理：%(label)s") % {"label": label(proposal)},
            body=_("提案人意见：%(comment)s。请于 %(date)s 前再次答复。")
            % {"comment": comment, "date": f"{proposal.due_on:%Y-%m-%d}"},
        )
    else:
        proposal.status = Status.CLOSED
        proposal.closed_at = timezone.now()
        proposal.save(update_fields=["rating", "status", "closed_at"])
        event_record(proposal=proposal, kind=Kind.CLOSED, data={"rating": rating})
        notify(
            users=office_staff(),
            key=f"closed:{event.pk}",
            subject=_("提案已办结：%(label)s") % {"label": label(proposal)},
            body=_("提案人评价：%(rating)s") % {"rating": proposal.get_rating_display()},
        )
    return feedback


@transaction.atomic
def proposal_publish(*, actor, proposal: Proposal) -> Proposal:
    """公开 a closed proposal with its replies on the public page (never the proposer's phone or
    address)."""
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以公开提案"))
    proposal = lock(proposal)
    require_status(proposal, Status.CLOSED, action=_("公开"))
    if proposal.published_at:
        refuse("__all__", _("该提案已公开"))
    proposal.published_at = timezone.now()
    proposal.save(update_fields=["published_at"])
    event_record(proposal=proposal, kind=Kind.PUBLISHED, actor=actor)
    return proposal
