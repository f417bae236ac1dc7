"""Who may do what with petitions. Services call these before writing; views only to hide buttons."""

from django.conf import settings

from minsheng.accounts.models import Organisation, Role

REGISTERING_ROLES = (Role.REGISTRAR, Role.SUPERVISOR, Role.ADMIN)
# Accusation matters (Art 30) are seen only here and by the organ designated to handle them.
ACCUSATION_ORG_KINDS = (Organisation.Kind.PETITION_BUREAU, Organisation.Kind.DISCIPLINE)


def can_register(user) -> bool:
    return user.is_authenticated and user.has_role(*REGISTERING_ROLES)


def can_reveal_personal_data(user) -> bool:
    return user.is_authenticated and user.has_role(*settings.PERSONAL_DATA_FULL_VIEW_ROLES)


def sees_all_accusations(user) -> bool:
    return user.is_superuser or (
        user.organisation_id is not None and user.organisation.kind in ACCUSATION_ORG_KINDS
    )


STEP_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.SUPERVISOR, Role.ADMIN)


def can_take_steps(user) -> bool:
    """Whether the matter page offers workflow actions at all; each service checks the details."""
    return user.is_authenticated and user.has_role(*STEP_ROLES)
