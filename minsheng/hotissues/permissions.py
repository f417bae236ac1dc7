"""Who may see hot issues and decide joint handling. Services check these; the navigation uses them."""

from minsheng.accounts.models import Organisation, Role

SEEING_ROLES = (Role.SUPERVISOR, Role.LEADER, Role.ADMIN)
DECIDING_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def can_see_hot_issues(user) -> bool:
    """Supervisors, leaders and administrators, and every member of the petition bureau's staff."""
    if not (user and user.is_authenticated):
        return False
    if user.has_role(*SEEING_ROLES):
        return True
    return user.organisation_id is not None and user.organisation.kind == Organisation.Kind.PETITION_BUREAU


def can_decide_joint_handling(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*DECIDING_ROLES))


def can_refresh_hot_issues(user) -> bool:
    return can_decide_joint_handling(user)
