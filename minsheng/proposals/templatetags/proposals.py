from django import template
from django.utils import timezone

from minsheng.accounts.models import Role

from ..models import Proposal
from ..permissions import can_see_proposals_overview, can_submit, is_member, is_office
from ..stats import can_see_statistics

register = template.Library()


@register.filter
def sees_proposals(user) -> bool:
    return can_see_proposals_overview(user)


@register.filter
def is_proposal_office(user) -> bool:
    return is_office(user)


@register.filter
def is_proposal_member(user) -> bool:
    return is_member(user)


@register.filter
def can_submit_proposal(user) -> bool:
    return can_submit(user)


@register.filter
def is_proposal_unit(user) -> bool:
    """Handlers (who answer for their unit) and leaders, who follow every proposal."""
    return bool(user and user.is_authenticated and user.role in (Role.HANDLER, Role.LEADER))


@register.filter
def sees_proposal_statistics(user) -> bool:
    return can_see_statistics(user)


@register.filter
def is_overdue(proposal) -> bool:
    return bool(
        proposal.status in Proposal.HANDLING_STATUSES
        and proposal.due_on
        and proposal.due_on < timezone.localdate()
    )
