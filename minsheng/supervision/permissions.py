"""Who may see and act on supervision items. Services check these; the navigation uses them to hide."""

from minsheng.accounts.models import Role

SEEING_ROLES = (Role.SUPERVISOR, Role.ADMIN, Role.LEADER)
CLOSING_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def can_see_supervision(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*SEEING_ROLES))


def can_close_supervision(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*CLOSING_ROLES))
