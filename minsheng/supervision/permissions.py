"""Who may see and act on supervision items. Services check these; the navigation uses them to hide."""

from minsheng.accounts.models import Organisation, Role

SEEING_ROLES = (Role.SUPERVISOR, Role.ADMIN, Role.LEADER)
CLOSING_ROLES = (Role.SUPERVISOR, Role.ADMIN)
# The staff of a unit that write its feedback on the notices addressed to it.
UNIT_ROLES = (Role.HANDLER, Role.SUPERVISOR, Role.ADMIN)


def can_see_supervision(user) -> bool:
    """The supervisor's dashboard: every item in the user's jurisdiction."""
    return bool(user and user.is_authenticated and user.has_role(*SEEING_ROLES))


def can_close_supervision(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*CLOSING_ROLES))


def can_issue_notices(user) -> bool:
    """Notices are the petition bureau's documents (Art 40): its supervisors issue, escalate and accept."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return (
        user.role in CLOSING_ROLES
        and user.organisation_id is not None
        and user.organisation.kind == Organisation.Kind.PETITION_BUREAU
    )


def can_see_unit_items(user) -> bool:
    """The unit's own list (本单位督办): the items its notices are addressed to."""
    return bool(user and user.is_authenticated and user.organisation_id and user.has_role(*UNIT_ROLES))


def can_give_feedback(user, notice) -> bool:
    if not can_see_unit_items(user):
        return False
    return user.is_superuser or user.organisation_id == notice.addressee_id
