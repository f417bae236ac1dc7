"""Who may see period reports. Selectors scope them; views and the API check this first."""

from minsheng.accounts.models import Role

# Lawyers, the proposal office and CPPCC members have no jurisdiction over petition work to report on.
REPORTING_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.SUPERVISOR, Role.LEADER, Role.ADMIN)


def can_see_reports(user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*REPORTING_ROLES)
        and (user.organisation_id is not None or user.is_superuser)
    )
