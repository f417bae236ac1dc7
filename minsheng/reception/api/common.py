"""What the reception API's endpoints share: the router, lookups and error renaming."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router

from minsheng.accounts.models import Organisation
from minsheng.instructions.services import InstructionDraft
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matter_get_by_number

from ..models import Appointment, CaseOwnership, ReceptionDay, ReceptionSession
from ..permissions import can_see_reception

router = Router(tags=["领导接访"])


def require_seeing(user) -> None:
    if not can_see_reception(user):
        raise PermissionDenied(_("只有信访局工作人员、登记员、督办员、领导或管理员可以查看领导接访"))


def found(model, pk, field: str, errors: dict, **extra):
    if pk is None:
        return None
    found = model.objects.filter(pk=pk, **extra).first()
    if found is None:
        errors[field] = [_("编号 %(id)s 不存在") % {"id": pk}]
    return found


def matter_by_number(user, number: str | None, field: str, errors: dict) -> Matter | None:
    if not number:
        return None
    try:
        return matter_get_by_number(user=user, number=number)
    except Matter.DoesNotExist:
        errors[field] = [_("找不到该信访事项，或您无权查看")]
        return None


def renamed(exc: ValidationError, names: dict[str, str]) -> ValidationError:
    return ValidationError({names.get(k, k): v for k, v in exc.message_dict.items()})


def draft_of(body, errors: dict) -> InstructionDraft | None:
    if body is None:
        return None
    units = []
    for pk in dict.fromkeys(body.unit_ids):
        unit = found(Organisation, pk, "instruction.unit_ids", errors)
        if unit is not None:
            units.append(unit)
    return InstructionDraft(text=body.text, units=units, due_on=body.due_on)


def get_in_scope(getter, pk, user):
    try:
        return getter(user=user, pk=pk)
    except (
        ReceptionDay.DoesNotExist,
        ReceptionSession.DoesNotExist,
        Appointment.DoesNotExist,
        CaseOwnership.DoesNotExist,
    ) as exc:
        raise Http404 from exc
