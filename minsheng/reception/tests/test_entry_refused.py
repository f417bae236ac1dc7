"""Bad input when registering the people received: a Chinese message by field, and nothing saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.instructions.models import Instruction
from minsheng.instructions.services import InstructionDraft
from minsheng.petitions.models import Matter, MatterEvent, Submission
from minsheng.reception.models import Outcome, ReceptionEntry
from minsheng.reception.services import reception_entry_register

from .helpers import VISIT, person


def counts():
    return [m.objects.count() for m in (Matter, Submission, MatterEvent, ReceptionEntry, Instruction)]


def register(city, session, **fields):
    arguments = {"petitioners": [person()], "outcome": Outcome.ANSWERED, **VISIT, **fields}
    return reception_entry_register(actor=city.registrar, session=session, **arguments)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"outcome": ""}, "outcome", "请选择接访结果"),
        ({"outcome": "promised"}, "outcome", "请选择接访结果"),
        ({"title": ""}, "title", "请填写标题"),
        ({"content": "  "}, "content", "请填写信访内容"),
        ({"petitioners": []}, "petitioners", "请至少填写一名信访人"),
        ({"petitioners": [person(id_number="140624198001011234")]}, "petitioners.0.id_number", "身份证"),
        ({"head_count": 6}, "petitioners", "集体访"),
        ({"outcome_note": "长" * 5001}, "outcome_note", "不能超过 5000 个字"),
        ({"title": "题" * 201}, "title", "标题不能超过 200 个字"),
        ({"received_at": "yesterday"}, "received_at", "接待时间应在接访当天"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(city, leaders, today_session, fields, field, message):
    if fields.get("received_at") == "yesterday":
        fields["received_at"] = timezone.now() - dt.timedelta(days=1)
    before = counts()

    with pytest.raises(ValidationError) as caught:
        register(city, today_session, **fields)

    assert any(message in m for m in caught.value.message_dict[field])
    assert counts() == before


def test_an_instruction_needs_its_text_units_and_a_deadline_not_before_the_session(
    city, leaders, today_session
):
    before = counts()

    with pytest.raises(ValidationError) as caught:
        register(
            city,
            today_session,
            outcome=Outcome.INSTRUCTED,
            instruction=InstructionDraft(
                text="", units=[], due_on=timezone.localdate() - dt.timedelta(days=1)
            ),
        )

    errors = caught.value.message_dict
    assert errors["instruction.text"] == ["请填写批示内容"]
    assert errors["instruction.units"] == ["请选择至少一个承办单位"]
    assert errors["instruction.due_on"] == ["期限不能早于批示日期"]
    assert counts() == before


def test_an_instruction_missing_altogether_is_refused(city, leaders, today_session):
    with pytest.raises(ValidationError) as caught:
        register(city, today_session, outcome=Outcome.INSTRUCTED)

    assert "instruction.text" in caught.value.message_dict
    assert not ReceptionEntry.objects.exists()


def test_all_problems_are_reported_at_once(city, leaders, today_session):
    with pytest.raises(ValidationError) as caught:
        register(city, today_session, title="", outcome="")

    assert {"title", "outcome"} <= set(caught.value.message_dict)


def test_an_instruction_to_a_unit_that_cannot_act_is_refused(city, leaders, today_session):
    with pytest.raises(ValidationError) as caught:
        register(
            city,
            today_session,
            outcome=Outcome.INSTRUCTED,
            instruction=InstructionDraft(
                text="请核实。", units=[city.leadership], due_on=timezone.localdate() + dt.timedelta(days=5)
            ),
        )

    assert "不能作为承办单位" in caught.value.message_dict["instruction.units"][0]
    assert not Matter.objects.exists()


def test_a_handler_or_a_leader_cannot_record_people_received(city, leaders, today_session):
    for actor in (city.yunzhong_handler, leaders.liu, city.lawyer):
        with pytest.raises(PermissionDenied):
            reception_entry_register(
                actor=actor, session=today_session, petitioners=[person()], outcome=Outcome.ANSWERED, **VISIT
            )
    assert not Submission.objects.exists()


def test_a_township_registrar_cannot_record_in_the_bureaus_session(city, leaders, today_session):
    with pytest.raises(PermissionDenied):
        reception_entry_register(
            actor=city.yunzhong_registrar,
            session=today_session,
            petitioners=[person()],
            outcome=Outcome.ANSWERED,
            **VISIT,
        )
    assert not Submission.objects.exists()


def test_a_past_session_receives_its_visitors_on_its_own_day(city, leaders, past_session):
    entry = register(city, past_session)

    local = timezone.localtime(entry.submission.received_at)
    assert local.date() == past_session.held_on and local.time() == dt.time(9, 0)
