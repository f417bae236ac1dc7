"""Appointments (约访): invited, scheduled, rescheduled, then held or not held, or cancelled."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.instructions.models import Instruction
from minsheng.instructions.services import InstructionDraft
from minsheng.notifications.models import Notification
from minsheng.reception.models import Appointment, Outcome
from minsheng.reception.services import (
    appointment_cancel,
    appointment_invite,
    appointment_record,
    appointment_schedule,
)


def at(days, hour=9):
    return timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days), dt.time(hour))
    )


@pytest.fixture
def invited(city, leaders, register):
    matter = register().matter
    return appointment_invite(
        actor=city.registrar,
        matter=matter,
        leader=leaders.wang,
        proposed_at=at(3),
        place="群众来访服务中心约访室",
        invited_by=Appointment.InvitedBy.PHONE,
        note="案情复杂，涉及多个部门",
    )


def kinds(appointment):
    return list(appointment.matter.events.values_list("kind", flat=True))[1:]


def test_an_appointment_goes_from_invitation_to_a_meeting_with_its_outcome(city, leaders, invited):
    assert invited.status == Appointment.Status.INVITED
    assert invited.organisation == city.bureau
    assert Notification.objects.filter(recipient=leaders.wang, subject__startswith="约访安排").exists()

    appointment_schedule(actor=city.registrar, appointment=invited, proposed_at=at(4, 10))
    invited.refresh_from_db()
    assert invited.status == Appointment.Status.SCHEDULED and invited.reschedule_count == 0

    appointment_schedule(
        actor=city.supervisor, appointment=invited, proposed_at=at(5, 15), place="云中镇政府"
    )
    invited.refresh_from_db()
    assert invited.status == Appointment.Status.SCHEDULED and invited.reschedule_count == 1
    assert invited.place == "云中镇政府"

    held_at = timezone.now() - dt.timedelta(minutes=30)
    appointment_record(
        actor=city.registrar,
        appointment=invited,
        held=True,
        held_at=held_at,
        outcome=Outcome.SOLVED,
        notes="领导与信访人面谈一小时，协调住建局当场确定补偿方案。",
    )
    invited.refresh_from_db()
    assert invited.status == Appointment.Status.HELD and invited.outcome == Outcome.SOLVED
    assert kinds(invited) == [
        "appointment_invited",
        "appointment_scheduled",
        "appointment_rescheduled",
        "appointment_held",
    ]
    assert "改为" in invited.matter.events.get(kind="appointment_rescheduled").note


def test_an_instruction_given_at_an_appointment_is_recorded_with_it(city, leaders, invited):
    appointment_record(
        actor=city.registrar,
        appointment=invited,
        held=True,
        held_at=timezone.now() - dt.timedelta(hours=1),
        outcome=Outcome.INSTRUCTED,
        notes="面谈后作出批示。",
        instruction=InstructionDraft(
            text="请住建局牵头解决。",
            units=[city.housing],
            due_on=timezone.localdate() + dt.timedelta(days=20),
        ),
    )

    instruction = Instruction.objects.get()
    assert instruction.appointment == invited and instruction.leader == leaders.wang
    assert list(instruction.matters.all()) == [invited.matter]


def test_an_appointment_not_held_records_why(city, invited):
    appointment_record(actor=city.registrar, appointment=invited, held=False, reason="信访人因病未到")

    invited.refresh_from_db()
    assert invited.status == Appointment.Status.NOT_HELD and invited.reason == "信访人因病未到"
    assert kinds(invited)[-1] == "appointment_not_held"


def test_an_appointment_is_cancelled_with_a_reason_and_then_stays_as_it_is(city, invited):
    with pytest.raises(ValidationError) as caught:
        appointment_cancel(actor=city.registrar, appointment=invited, reason=" ")
    assert caught.value.message_dict["reason"] == ["请填写取消原因"]

    appointment_cancel(actor=city.registrar, appointment=invited, reason="信访人已息访")
    invited.refresh_from_db()
    assert invited.status == Appointment.Status.CANCELLED

    with pytest.raises(ValidationError) as caught:
        appointment_schedule(actor=city.registrar, appointment=invited, proposed_at=at(6))
    assert caught.value.message_dict["__all__"] == ["该约访已取消，不能再变更"]
    with pytest.raises(ValidationError):
        appointment_record(actor=city.registrar, appointment=invited, held=False, reason="x")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"held_at": "future"}, "held_at", "约见时间不能晚于现在"),
        ({"held_at": None}, "held_at", "请填写约见时间"),
        ({"notes": ""}, "notes", "请填写约见情况"),
        ({"outcome": ""}, "outcome", "请选择接访结果"),
    ],
)
def test_a_meeting_needs_a_past_time_notes_and_an_outcome(city, invited, fields, field, message):
    arguments = {
        "held": True,
        "held_at": timezone.now() - dt.timedelta(minutes=5),
        "outcome": Outcome.ANSWERED,
        "notes": "已答复",
        **fields,
    }
    if arguments["held_at"] == "future":
        arguments["held_at"] = timezone.now() + dt.timedelta(hours=2)

    with pytest.raises(ValidationError) as caught:
        appointment_record(actor=city.registrar, appointment=invited, **arguments)

    assert caught.value.message_dict[field] == [message]
    invited.refresh_from_db()
    assert invited.status == Appointment.Status.INVITED


def test_rescheduling_to_the_same_time_and_place_is_refused(city, invited):
    appointment_schedule(actor=city.registrar, appointment=invited, proposed_at=invited.proposed_at)

    with pytest.raises(ValidationError) as caught:
        appointment_schedule(actor=city.registrar, appointment=invited, proposed_at=invited.proposed_at)

    assert caught.value.message_dict["proposed_at"] == ["时间和地点都没有变化"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"proposed_at": "yesterday"}, "proposed_at", "约访时间不能早于今天"),
        ({"proposed_at": None}, "proposed_at", "请填写约访时间"),
        ({"place": ""}, "place", "请填写约访地点"),
        ({"invited_by": "carrier_pigeon"}, "invited_by", "请选择邀约方式"),
        ({"leader": "handler"}, "leader", "不是领导机关的领导"),
        ({"matter": None}, "matter", "找不到该信访事项，或您无权查看"),
    ],
)
def test_an_invitation_with_bad_input_is_refused(city, leaders, register, fields, field, message):
    arguments = {
        "matter": register().matter,
        "leader": leaders.wang,
        "proposed_at": at(2),
        "place": "群众来访服务中心",
        "invited_by": Appointment.InvitedBy.LETTER,
        **fields,
    }
    if arguments["proposed_at"] == "yesterday":
        arguments["proposed_at"] = at(-1)
    if arguments["leader"] == "handler":
        arguments["leader"] = city.housing_handler

    with pytest.raises(ValidationError) as caught:
        appointment_invite(actor=city.registrar, **arguments)

    assert message in caught.value.message_dict[field][0]
    assert not Appointment.objects.exists()


def test_a_second_open_appointment_with_the_same_leader_is_refused(city, leaders, invited):
    with pytest.raises(ValidationError) as caught:
        appointment_invite(
            actor=city.registrar,
            matter=invited.matter,
            leader=leaders.wang,
            proposed_at=at(8),
            place="群众来访服务中心",
            invited_by=Appointment.InvitedBy.PHONE,
        )
    assert "尚未完成的约访" in caught.value.message_dict["matter"][0]


def test_a_handler_cannot_arrange_appointments(city, leaders, invited):
    with pytest.raises(PermissionDenied):
        appointment_cancel(actor=city.housing_handler, appointment=invited, reason="不需要")
    with pytest.raises(PermissionDenied):
        appointment_invite(
            actor=city.yunzhong_handler,
            matter=invited.matter,
            leader=leaders.zhao,
            proposed_at=at(2),
            place="云中镇",
            invited_by=Appointment.InvitedBy.PHONE,
        )
