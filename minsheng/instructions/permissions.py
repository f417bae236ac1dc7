"""Who may do what with instructions. Services check these together with the organisation scope;
views and the navigation use them to hide what the user cannot do."""

from minsheng.accounts.models import Organisation, Role

# A leader records their own instruction; the bureau's registrars and supervisors record it for them.
RECORDING_ROLES = (Role.LEADER, Role.REGISTRAR, Role.SUPERVISOR, Role.ADMIN)
# The bureau decides whether a unit's feedback closes its task.
DECIDING_ROLES = (Role.SUPERVISOR, Role.ADMIN)
# The units that can be told to act on an instruction.
UNIT_KINDS = (
    Organisation.Kind.PETITION_BUREAU,
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.VILLAGE,
    Organisation.Kind.DISCIPLINE,
    Organisation.Kind.POLITICAL_LEGAL,
)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_record_instruction(user) -> bool:
    return _active(user) and user.has_role(*RECORDING_ROLES)


def can_decide_tasks(user) -> bool:
    return _active(user) and user.has_role(*DECIDING_ROLES)


def can_feed_back(user, task) -> bool:
    """The unit's own handlers answer for it; not a unit above it, nor the bureau on its behalf."""
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    return user.role == Role.HANDLER and user.organisation_id == task.organisation_id


def sees_every_instruction(user) -> bool:
    """The bureau and administrators follow every instruction of their jurisdiction."""
    if not _active(user):
        return False
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    return user.organisation_id is not None and user.organisation.kind == Organisation.Kind.PETITION_BUREAU


def can_see_instructions(user) -> bool:
    return _active(user)
