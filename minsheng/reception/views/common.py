"""What the reception views share: access checks, lookups that 404 outside the user's scope."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from minsheng.instructions.services import InstructionDraft

from ..permissions import can_see_reception


def require_seeing(user) -> None:
    if not can_see_reception(user):
        raise PermissionDenied(_("只有信访局工作人员、登记员、督办员、领导或管理员可以查看领导接访"))


def get_or_404(getter, model, message: str, **lookup):
    """A selector's object, or 404 when it does not exist or lies outside the user's scope."""
    try:
        return getter(**lookup)
    except model.DoesNotExist as exc:
        raise Http404(message) from exc


def flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def draft_from(data: dict) -> InstructionDraft:
    return InstructionDraft(
        text=data.get("instruction_text") or "",
        units=list(data.get("instruction_units") or ()),
        due_on=data.get("instruction_due_on"),
    )


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
