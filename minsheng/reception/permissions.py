"""Who may do what with leaders' reception. Services check these (with the organisation scope);
views and the navigation use them only to hide what the user cannot do."""

from minsheng.accounts.models import Organisation, Role

# The rota and case ownership are the petition bureau's supervisors' to decide.
PLANNING_ROLES = (Role.SUPERVISOR, Role.ADMIN)
# Sessions, the people received and appointments are recorded by the bureau's registrars too.
RECORDING_ROLES = (Role.REGISTRAR, Role.SUPERVISOR, Role.ADMIN)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_leader(user) -> bool:
    """A member of the leading bodies: role 领导 in a leading body (领导机关)."""
    return (
        _active(user)
        and user.role == Role.LEADER
        and user.organisation_id is not None
        and user.organisation.kind == Organisation.Kind.LEADERSHIP
    )


def can_plan_reception(user) -> bool:
    return _active(user) and user.has_role(*PLANNING_ROLES)


def can_record_reception(user) -> bool:
    return _active(user) and user.has_role(*RECORDING_ROLES)


def can_assign_ownership(user) -> bool:
    return can_plan_reception(user)


def can_see_reception(user) -> bool:
    """The staff pages: the bureau's staff, registrars and supervisors, leaders and administrators."""
    if not _active(user):
        return False
    if user.has_role(*RECORDING_ROLES) or user.role == Role.LEADER:
        return True
    return user.organisation_id is not None and user.organisation.kind == Organisation.Kind.PETITION_BUREAU
