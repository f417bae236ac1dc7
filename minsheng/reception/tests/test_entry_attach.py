"""Linking a visit already registered at the intake desk that day, by its matter number."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from minsheng.instructions.services import InstructionDraft
from minsheng.petitions.models import MatterEvent, Nature
from minsheng.petitions.services import PetitionerEntry
from minsheng.reception.models import Kind, Outcome, ReceptionEntry
from minsheng.reception.services import (
    reception_entry_attach,
    reception_entry_register,
    reception_session_record,
)

from .helpers import VISIT, person


def test_it_links_the_days_desk_registration_of_the_matter(city, leaders, today_session, register):
    desk = register(head_count=3)

    entry = reception_entry_attach(
        actor=city.registrar,
        session=today_session,
        matter=desk.matter,
        outcome=Outcome.SOLVED,
        outcome_note="当场协调",
    )

    assert entry.submission == desk and entry.matter == desk.matter
    event = desk.matter.events.get(kind="leader_reception")
    assert "现场解决：当场协调" in event.note


def test_it_refuses_a_matter_without_a_visit_that_day(city, leaders, today_session, register):
    old = register(received_at=timezone.now() - dt.timedelta(days=2))

    with pytest.raises(ValidationError) as caught:
        reception_entry_attach(
            actor=city.registrar, session=today_session, matter=old.matter, outcome=Outcome.ANSWERED
        )

    assert "没有尚未接待的来访登记" in caught.value.message_dict["matter"][0]
    assert not ReceptionEntry.objects.exists()


def test_a_visit_is_received_in_one_session_only(city, leaders, today_session, register):
    desk = register()
    reception_entry_attach(
        actor=city.registrar, session=today_session, matter=desk.matter, outcome=Outcome.ANSWERED
    )

    with pytest.raises(ValidationError):
        reception_entry_attach(
            actor=city.registrar, session=today_session, matter=desk.matter, outcome=Outcome.ANSWERED
        )
    assert ReceptionEntry.objects.count() == 1


def test_it_refuses_a_matter_the_registrar_may_not_see(city, leaders, register):
    field_session = reception_session_record(
        actor=city.yunzhong_registrar,
        leader=leaders.wang,
        held_on=timezone.localdate(),
        kind=Kind.FIELD_VISIT,
        organisation=city.yunzhong,
        place="云中镇便民服务中心",
    )
    elsewhere = register(actor=city.registrar, concerned_org=city.jinshatan)

    with pytest.raises(ValidationError) as caught:
        reception_entry_attach(
            actor=city.yunzhong_registrar,
            session=field_session,
            matter=elsewhere.matter,
            outcome=Outcome.ANSWERED,
        )

    assert caught.value.message_dict["matter"] == ["找不到该信访事项，或您无权查看"]


def test_a_repeat_visit_on_an_old_matter_is_registered_and_attached_to_it(
    city, leaders, today_session, register
):
    old = register(received_at=timezone.now() - dt.timedelta(days=40))
    [link] = old.submissionpetitioner_set.all()

    entry = reception_entry_register(
        actor=city.registrar,
        session=today_session,
        petitioners=[PetitionerEntry(petitioner_id=link.petitioner_id)],
        matter=old.matter,
        outcome=Outcome.ANSWERED,
        **VISIT,
    )

    assert entry.matter == old.matter and entry.submission.is_repeat
    assert old.matter.events.filter(kind=MatterEvent.Kind.SUBMISSION_ATTACHED).exists()


def test_an_accusation_is_never_instructed_to_the_accused_unit(city, leaders, today_session):
    with pytest.raises(ValidationError) as caught:
        reception_entry_register(
            actor=city.registrar,
            session=today_session,
            petitioners=[person()],
            nature=Nature.ACCUSATION,
            concerned_org=city.yunzhong,
            outcome=Outcome.INSTRUCTED,
            instruction=InstructionDraft(
                text="请调查核实。",
                units=[city.yunzhong],
                due_on=timezone.localdate() + dt.timedelta(days=10),
            ),
            **VISIT,
        )

    assert "第三十条" in caught.value.message_dict["instruction.units"][0]
    assert not ReceptionEntry.objects.exists()
