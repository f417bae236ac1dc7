"""Helpers shared by the lawyers' pages."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ..permissions import can_see_legal

PAGE_SIZE = 25


def require_seeing(user) -> None:
    if not can_see_legal(user):
        raise PermissionDenied(_("您的角色无权查看律师参与信访工作"))


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
