"""Reads about organisations and users, scoped to what a user may see."""

from django.db.models import QuerySet

from .models import Organisation, User


def organisations_in_scope(*, user: User) -> QuerySet[Organisation]:
    """The organisations whose matters `user` may see: their own and everything below it."""
    if user.is_superuser:
        return Organisation.objects.all()
    if user.organisation_id is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(path__startswith=user.organisation.scope_path)


def organisation_choices(*, user: User) -> QuerySet[Organisation]:
    return organisations_in_scope(user=user).filter(is_active=True).order_by("path")


def all_active_organisations() -> QuerySet[Organisation]:
    # Any staff member may name any organisation as the one a matter concerns, since petitions are
    # often about a unit outside the registrar's own subtree.
    return Organisation.objects.filter(is_active=True).order_by("path")


def api_tokens_of(*, user: User) -> QuerySet:
    return user.api_tokens.all()
