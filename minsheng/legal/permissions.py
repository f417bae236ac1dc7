"""Who may do what with the lawyers' work. Services check these; views and templates use them to hide
what a user could not do anyway."""

from minsheng.accounts.models import Organisation, Role

# Staff who see the lawyers' pages for the organisations in their scope.
STAFF_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.SUPERVISOR, Role.LEADER, Role.ADMIN)
# Staff who record consultations on a lawyer's behalf at their own organisation or below.
RECORDING_ROLES = (Role.REGISTRAR, Role.SUPERVISOR, Role.ADMIN)


def is_lawyer(user) -> bool:
    """A lawyer account (a superuser is never treated as one, whatever its role field says)."""
    return bool(user and user.is_authenticated and not user.is_superuser and user.role == Role.LAWYER)


def _in_bureau(user) -> bool:
    return user.organisation_id is not None and user.organisation.kind == Organisation.Kind.PETITION_BUREAU


def can_plan_roster(user) -> bool:
    """The bureau's supervisors (and administrators) plan the duty roster and assign lawyers."""
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or (user.role in (Role.SUPERVISOR, Role.ADMIN) and _in_bureau(user))


def can_assign_lawyers(user) -> bool:
    return can_plan_roster(user)


def can_see_legal(user) -> bool:
    """Whether the lawyers' pages are offered at all; each selector scopes what is shown."""
    if not (user and user.is_authenticated):
        return False
    return is_lawyer(user) or user.is_superuser or user.role in STAFF_ROLES


def can_record_consultations(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return is_lawyer(user) or user.is_superuser or user.role in RECORDING_ROLES
