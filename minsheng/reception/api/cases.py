"""Appointments (约访) and case ownership (包案)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Status

from minsheng.accounts.models import Organisation, User
from minsheng.petitions.schemas import ErrorOut

from .. import selectors, services
from ..models import Appointment, CaseOwnership
from ..schemas import AppointmentIn, AppointmentOut, AppointmentStatusIn, OwnershipIn, OwnershipOut, ReleaseIn
from .common import draft_of, found, get_in_scope, matter_by_number, renamed, require_seeing, router


def _appointment_out(appointment: Appointment) -> dict:
    instruction = getattr(appointment, "instruction", None)
    return {
        "id": appointment.pk,
        "matter_id": appointment.matter_id,
        "matter_number": appointment.matter.number,
        "leader": appointment.leader,
        "organisation": appointment.organisation,
        "place": appointment.place,
        "proposed_at": appointment.proposed_at,
        "invited_by": appointment.invited_by,
        "status": appointment.status,
        "status_label": appointment.get_status_display(),
        "reschedule_count": appointment.reschedule_count,
        "held_at": appointment.held_at,
        "outcome": appointment.outcome,
        "notes": appointment.notes,
        "reason": appointment.reason,
        "instruction_id": instruction.pk if instruction else None,
    }


@router.post(
    "/reception/appointments",
    response={201: AppointmentOut, 403: ErrorOut, 422: ErrorOut},
    summary="登记领导约访（邀约）",
)
def create_appointment(request, body: AppointmentIn):
    require_seeing(request.user)
    errors: dict = {}
    matter = matter_by_number(request.user, body.matter_number, "matter_number", errors)
    leader = found(User, body.leader_id, "leader_id", errors)
    organisation = found(Organisation, body.organisation_id, "organisation_id", errors)
    if errors:
        raise ValidationError(errors)
    try:
        appointment = services.appointment_invite(
            actor=request.user,
            matter=matter,
            leader=leader,
            proposed_at=body.proposed_at,
            place=body.place,
            invited_by=body.invited_by,
            organisation=organisation,
            note=body.note,
        )
    except ValidationError as exc:
        raise renamed(
            exc, {"matter": "matter_number", "leader": "leader_id", "organisation": "organisation_id"}
        ) from exc
    return Status(201, _appointment_out(appointment))


@router.get(
    "/reception/appointments/{appointment_id}",
    response={200: AppointmentOut, 403: ErrorOut, 404: ErrorOut},
    summary="领导约访",
)
def get_appointment(request, appointment_id: int):
    require_seeing(request.user)
    return _appointment_out(get_in_scope(selectors.appointment_get, appointment_id, request.user))


@router.post(
    "/reception/appointments/{appointment_id}/status",
    response={200: AppointmentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="约访：确定时间或改期、记录约见情况、取消",
)
def update_appointment(request, appointment_id: int, body: AppointmentStatusIn):
    require_seeing(request.user)
    appointment = get_in_scope(selectors.appointment_get, appointment_id, request.user)
    user = request.user
    errors: dict = {}
    if body.action == "schedule":
        services.appointment_schedule(
            actor=user,
            appointment=appointment,
            proposed_at=body.proposed_at,
            place=body.place,
            note=body.note,
        )
    elif body.action in ("held", "not_held"):
        draft = draft_of(body.instruction, errors) if body.outcome == "instructed" else None
        if errors:
            raise ValidationError(errors)
        try:
            services.appointment_record(
                actor=user,
                appointment=appointment,
                held=body.action == "held",
                held_at=body.held_at,
                outcome=body.outcome,
                notes=body.notes,
                reason=body.reason,
                instruction=draft,
            )
        except ValidationError as exc:
            raise renamed(exc, {"instruction.units": "instruction.unit_ids"}) from exc
    elif body.action == "cancel":
        services.appointment_cancel(actor=user, appointment=appointment, reason=body.reason)
    else:
        raise ValidationError({"action": [_("取值无效，可选：schedule、held、not_held、cancel")]})
    return _appointment_out(selectors.appointment_get(user=user, pk=appointment.pk))


def _ownership_out(ownership: CaseOwnership) -> dict:
    return {
        "id": ownership.pk,
        "matter_id": ownership.matter_id,
        "matter_number": ownership.matter.number,
        "leader": ownership.leader,
        "assigned_on": ownership.assigned_on,
        "note": ownership.note,
        "released_on": ownership.released_on,
        "release_note": ownership.release_note,
    }


@router.post(
    "/reception/ownerships",
    response={201: OwnershipOut, 403: ErrorOut, 422: ErrorOut},
    summary="指定包案领导（督办员）",
    description="一件事项同时只有一位包案领导；更换时先解除。",
)
def assign_ownership(request, body: OwnershipIn):
    require_seeing(request.user)
    errors: dict = {}
    matter = matter_by_number(request.user, body.matter_number, "matter_number", errors)
    leader = found(User, body.leader_id, "leader_id", errors)
    if errors:
        raise ValidationError(errors)
    try:
        ownership = services.case_ownership_assign(
            actor=request.user, matter=matter, leader=leader, note=body.note
        )
    except ValidationError as exc:
        raise renamed(exc, {"matter": "matter_number", "leader": "leader_id"}) from exc
    return Status(201, _ownership_out(ownership))


@router.post(
    "/reception/ownerships/{ownership_id}/release",
    response={200: OwnershipOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="解除包案（问题解决或更换包案领导）",
)
def release_ownership(request, ownership_id: int, body: ReleaseIn):
    require_seeing(request.user)
    ownership = get_in_scope(selectors.ownership_get, ownership_id, request.user)
    ownership = services.case_ownership_release(actor=request.user, ownership=ownership, note=body.note)
    return _ownership_out(ownership)
