"""Appointments (约访): a leader meets the petitioner of a complex matter at an agreed time.

invited → scheduled (time confirmed; rescheduled as often as needed) → held (notes and outcome) or
not held (reason); cancelled at any point before it is held."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.instructions.services import InstructionDraft
from minsheng.instructions.services.notify import notify
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to
from minsheng.petitions.services.events import matter_event_record

from .. import events
from ..models import Appointment, Outcome
from .common import NOTE_MAX, TEXT_MAX, Errors, check_in_scope, check_leader, clean_text, leader_label
from .entries import check_outcome, create_instruction
from .sessions import require_recorder

MAX_DAYS_AHEAD = 400
Status = Appointment.Status


def _when(value: dt.datetime) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _check_future_time(errors: Errors, field: str, value: dt.datetime | None) -> None:
    today = timezone.localdate()
    if value is None:
        errors.add(field, _("请填写约访时间"))
    elif timezone.localdate(value) < today:
        errors.add(field, _("约访时间不能早于今天"))
    elif (timezone.localdate(value) - today).days > MAX_DAYS_AHEAD:
        errors.add(field, _("只能约定 %(days)d 天以内的时间") % {"days": MAX_DAYS_AHEAD})


def _tell_leader(appointment: Appointment, *, step: str, subject: str, body: str) -> None:
    notify(
        users=[appointment.leader],
        key=f"appointment:{appointment.pk}:{step}:{appointment.reschedule_count}",
        subject=subject,
        body=body,
        outside_body="",
        outside=False,
    )


def _record(appointment: Appointment, *, kind: str, actor, note: str) -> None:
    matter_event_record(
        matter=appointment.matter,
        kind=kind,
        actor=actor,
        note=note,
        data={"appointment": appointment.pk, "status": appointment.status},
    )


@transaction.atomic
def appointment_invite(
    *,
    actor,
    matter: Matter | None,
    leader,
    proposed_at: dt.datetime | None,
    place: str,
    invited_by: str,
    organisation: Organisation | None = None,
    note: str = "",
) -> Appointment:
    """Invite the petitioner of `matter` to meet `leader` at `proposed_at` (not before today) at
    `place`, held by `organisation` (the actor's own by default; the period report counts held
    appointments by it), noting how the petitioner was invited (`invited_by`: phone, letter,
    in_person, local_unit). Registrar, supervisor or admin. One open appointment per matter and leader."""
    require_recorder(actor)
    errors = Errors()
    proposed_at = _aware(proposed_at)
    if matter is None or not matters_visible_to(user=actor).filter(pk=matter.pk).exists():
        errors.add("matter", _("找不到该信访事项，或您无权查看"))
    check_leader(errors, leader)
    _check_future_time(errors, "proposed_at", proposed_at)
    place = clean_text(errors, place, field="place", max_length=200, required_message=_("请填写约访地点"))
    if invited_by not in Appointment.InvitedBy.values:
        errors.add("invited_by", _("请选择邀约方式"))
    note = clean_text(errors, note, field="note", max_length=NOTE_MAX)
    organisation = organisation or actor.organisation
    if organisation is None or not organisation.is_active:
        errors.add("organisation", _("请选择约访地单位"))
    if not errors:
        check_in_scope(actor, organisation)
        existing = Appointment.objects.filter(
            matter=matter, leader=leader, status__in=Appointment.OPEN_STATUSES
        )
        if existing.exists():
            errors.add("matter", _("该事项已有 %(name)s 尚未完成的约访") % {"name": leader.display_name})
    errors.raise_any()
    appointment = Appointment.objects.create(
        matter=matter,
        leader=leader,
        organisation=organisation,
        place=place,
        proposed_at=proposed_at,
        invited_by=invited_by,
        note=note,
        created_by=actor,
    )
    _record(
        appointment,
        kind=events.APPOINTMENT_INVITED,
        actor=actor,
        note=_("邀约信访人于 %(when)s 在%(place)s与 %(leader)s 见面（%(how)s）")
        % {
            "when": _when(proposed_at),
            "place": place,
            "leader": leader_label(leader),
            "how": appointment.get_invited_by_display(),
        },
    )
    _tell_leader(
        appointment,
        step="invited",
        subject=_("约访安排：%(number)s") % {"number": matter.number},
        body=_("已为您安排约访：%(when)s，%(place)s，事项 %(number)s。")
        % {"when": _when(proposed_at), "place": place, "number": matter.number},
    )
    return appointment


def _open(actor, appointment: Appointment) -> Appointment:
    require_recorder(actor)
    appointment = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("matter", "leader", "organisation")
        .get(pk=appointment.pk)
    )
    check_in_scope(actor, appointment.organisation)
    if not appointment.is_open:
        Errors(
            {"__all__": [_("该约访%(status)s，不能再变更") % {"status": appointment.get_status_display()}]}
        ).raise_any()
    return appointment


@transaction.atomic
def appointment_schedule(
    *, actor, appointment: Appointment, proposed_at: dt.datetime | None, place: str = "", note: str = ""
) -> Appointment:
    """Confirm the time (invited → scheduled) or move it (rescheduled; counted). `place` keeps the
    current one when empty."""
    appointment = _open(actor, appointment)
    errors = Errors()
    proposed_at = _aware(proposed_at)
    _check_future_time(errors, "proposed_at", proposed_at)
    place = clean_text(errors, place or appointment.place, field="place", max_length=200)
    note = clean_text(errors, note, field="note", max_length=NOTE_MAX)
    rescheduling = appointment.status == Status.SCHEDULED
    if not errors and rescheduling and proposed_at == appointment.proposed_at and place == appointment.place:
        errors.add("proposed_at", _("时间和地点都没有变化"))
    errors.raise_any()
    before = _when(appointment.proposed_at)
    appointment.proposed_at, appointment.place = proposed_at, place
    if rescheduling:
        appointment.reschedule_count += 1
        text = _("约访改期：由 %(before)s 改为 %(when)s，%(place)s") % {
            "before": before,
            "when": _when(proposed_at),
            "place": place,
        }
        kind = events.APPOINTMENT_RESCHEDULED
    else:
        appointment.status = Status.SCHEDULED
        text = _("约访时间确定：%(when)s，%(place)s") % {"when": _when(proposed_at), "place": place}
        kind = events.APPOINTMENT_SCHEDULED
    appointment.save(update_fields=["proposed_at", "place", "status", "reschedule_count", "updated_at"])
    _record(appointment, kind=kind, actor=actor, note=f"{text}。{note}" if note else text)
    _tell_leader(
        appointment,
        step="scheduled",
        subject=_("约访时间：%(number)s") % {"number": appointment.matter.number},
        body=text,
    )
    return appointment


@transaction.atomic
def appointment_record(
    *,
    actor,
    appointment: Appointment,
    held: bool,
    held_at: dt.datetime | None = None,
    outcome: str = "",
    notes: str = "",
    reason: str = "",
    instruction: InstructionDraft | None = None,
) -> Appointment:
    """Record how an open appointment went: held (`held_at` not in the future, `notes`, `outcome`
    answered / solved / instructed — with `instruction` for the last, creating the leader's
    instruction dated that day) or not held (`reason`)."""
    appointment = _open(actor, appointment)
    errors = Errors()
    if held:
        held_at = _aware(held_at)
        if held_at is None:
            errors.add("held_at", _("请填写约见时间"))
        elif held_at > timezone.now():
            errors.add("held_at", _("约见时间不能晚于现在"))
        elif timezone.localdate(held_at) < timezone.localdate(appointment.created_at):
            errors.add("held_at", _("约见时间不能早于邀约登记的日期"))
        notes = clean_text(
            errors, notes, field="notes", max_length=TEXT_MAX, required_message=_("请填写约见情况")
        )
        check_outcome(
            errors,
            actor=actor,
            leader=appointment.leader,
            held_on=timezone.localdate(held_at) if held_at else None,
            outcome=outcome,
            outcome_note="",
            instruction=instruction,
            matters=[appointment.matter],
        )
    else:
        reason = clean_text(
            errors, reason, field="reason", max_length=NOTE_MAX, required_message=_("请填写未能约见的原因")
        )
    errors.raise_any()
    if held:
        appointment.status, appointment.held_at = Status.HELD, held_at
        appointment.outcome, appointment.notes = outcome, notes
        text = _("%(leader)s 约见信访人（%(when)s），%(outcome)s：%(notes)s") % {
            "leader": leader_label(appointment.leader),
            "when": _when(held_at),
            "outcome": Outcome(outcome).label,
            "notes": notes,
        }
        kind = events.APPOINTMENT_HELD
    else:
        appointment.status, appointment.reason = Status.NOT_HELD, reason
        text = _("约访未能见面：%(reason)s") % {"reason": reason}
        kind = events.APPOINTMENT_NOT_HELD
    appointment.save(update_fields=["status", "held_at", "outcome", "notes", "reason", "updated_at"])
    _record(appointment, kind=kind, actor=actor, note=text)
    if held and outcome == Outcome.INSTRUCTED:
        create_instruction(
            actor=actor,
            leader=appointment.leader,
            held_on=timezone.localdate(held_at),
            draft=instruction,
            matter=appointment.matter,
            appointment=appointment,
        )
    return appointment


@transaction.atomic
def appointment_cancel(*, actor, appointment: Appointment, reason: str) -> Appointment:
    """Cancel an appointment that has not taken place, with the reason."""
    appointment = _open(actor, appointment)
    errors = Errors()
    reason = clean_text(
        errors, reason, field="reason", max_length=NOTE_MAX, required_message=_("请填写取消原因")
    )
    errors.raise_any()
    appointment.status, appointment.reason = Status.CANCELLED, reason
    appointment.save(update_fields=["status", "reason", "updated_at"])
    text = _("取消约访：%(reason)s") % {"reason": reason}
    _record(appointment, kind=events.APPOINTMENT_CANCELLED, actor=actor, note=text)
    _tell_leader(
        appointment,
        step="cancelled",
        subject=_("约访取消：%(number)s") % {"number": appointment.matter.number},
        body=text,
    )
    return appointment
