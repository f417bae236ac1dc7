"""Who may do what with proposals. Services check these; pages and the navigation use them too."""

from minsheng.accounts.models import Role

OFFICE_ROLES = (Role.PROPOSAL_OFFICE, Role.ADMIN)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_office(user) -> bool:
    """Proposal office staff (提案委) and administrators: review, assign, chase, publish."""
    return _active(user) and user.has_role(*OFFICE_ROLES)


def is_member(user) -> bool:
    return _active(user) and user.role == Role.MEMBER


def can_submit(user) -> bool:
    """Members write their own proposals; the office enters proposals on a member's behalf."""
    return is_member(user) or is_office(user)


def can_record_instruction(user) -> bool:
    """A leader's instruction (领导批示) is written by the leader or typed in by the office."""
    return is_office(user) or (_active(user) and user.role == Role.LEADER)


def acts_for_unit(user, unit) -> bool:
    """A handler of the unit itself answers for it; a unit below it (a village) does not."""
    return (
        _active(user)
        and user.role == Role.HANDLER
        and unit is not None
        and user.organisation_id == getattr(unit, "pk", unit)
    )


def can_see_proposals_overview(user) -> bool:
    """Everyone who takes part in proposal work sees a list of some proposals."""
    return is_office(user) or is_member(user) or (_active(user) and user.role in (Role.LEADER, Role.HANDLER))
