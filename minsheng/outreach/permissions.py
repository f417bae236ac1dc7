"""Who may see and record publicity. Services check these; pages and the navigation use them to hide
what a user cannot do."""

from minsheng.accounts.models import Organisation, Role

# Staff who organise publicity: the bureau's and the townships' (and their villages') own people.
RECORDING_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.SUPERVISOR, Role.ADMIN)
RECORDING_KINDS = (
    Organisation.Kind.PETITION_BUREAU,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.VILLAGE,
)


def can_see_outreach(user) -> bool:
    """Everyone on the staff; the selectors show each only the activities of their own scope."""
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or user.organisation_id is not None


def can_record_outreach(user) -> bool:
    """Whether the user may record activities and make questionnaires at all."""
    if not (user and user.is_authenticated and user.has_role(*RECORDING_ROLES)):
        return False
    if user.is_superuser:
        return True
    return user.organisation_id is not None and user.organisation.kind in RECORDING_KINDS


def can_record_for(user, organisation: Organisation | None) -> bool:
    """Whether the user may record (or change) the activities organised by `organisation`: their own
    organisation's and those of the units below it (a township for its villages), never a sibling's."""
    if organisation is None or not can_record_outreach(user):
        return False
    if organisation.kind not in RECORDING_KINDS:
        return False
    return user.is_superuser or organisation.path.startswith(user.organisation.path)
