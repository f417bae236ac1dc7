from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from minsheng.accounts.models import User

from ..permissions import can_see_legal

PAGE_SIZE = 25


def require_seeing(request) -> None:
    if not can_see_legal(request.user):
        raise PermissionDenied(_("您的角色无权查看律师参与信访工作"))


def renamed(exc: ValidationError, names: dict[str, str]) -> ValidationError:
    """A service's errors under the API's field names (lawyer → lawyer_id, …)."""
    return ValidationError({names.get(key, key): messages for key, messages in exc.message_dict.items()})


def user_or_error(pk: int | None, field: str, errors: dict) -> User | None:
    if pk is None:
        return None
    user = User.objects.filter(pk=pk).first()
    if user is None:
        errors[field] = [_("编号 %(id)s 不存在") % {"id": pk}]
    return user


def pages(count: int) -> int:
    return (count + PAGE_SIZE - 1) // PAGE_SIZE


class Ref:
    """Small dict builders shared by the endpoints' outputs."""

    @staticmethod
    def user(user) -> dict | None:
        return {"id": user.pk, "name": user.display_name} if user else None

    @staticmethod
    def org(org) -> dict | None:
        return {"id": org.pk, "name": org.name} if org else None
