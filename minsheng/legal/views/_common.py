"""Helpers shared by the lawyers' pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ..permissions import can_see_legal

PAGE_SIZE = 25


def require_seeing(user) -> None:
    if not can_see_legal(user):
        raise PermissionDenied(_("您的角色无权查看律师参与信访工作"))


def apply_errors(form, exc: ValidationError, names: dict[str, str] | None = None) -> None:
    """Put a service's field-keyed errors next to the form's fields, the rest above the form."""
    names = names or {}
    for field, errors in exc.message_dict.items():
        field = names.get(field, field)
        form.add_error(field if field in form.fields else None, errors)


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
