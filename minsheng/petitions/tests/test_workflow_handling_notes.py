"""While handling an accepted matter the unit records its investigation, mediation and settlement
(Art 31(六), 33); the matter stays accepted."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import HandlingNote, Matter, MatterEvent

from .workflow_steps import last_event, open_matter, refused, take

Status = Matter.Status


def test_it_records_an_investigation(city, register):
    matter = take(city, open_matter(register), to="accepted")

    note = services.handling_note_add(
        actor=city.yunzhong_handler,
        matter=matter,
        kind="investigation",
        text="  走访东关村委会，核对补偿清册。 ",
    )

    matter.refresh_from_db()
    assert matter.status == Status.ACCEPTED
    assert (note.kind, note.text, note.agreement_reached, note.actor) == (
        HandlingNote.Kind.INVESTIGATION,
        "走访东关村委会，核对补偿清册。",
        False,
        city.yunzhong_handler,
    )
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.HANDLING_NOTE,
        city.yunzhong_handler,
        Status.ACCEPTED,
        Status.ACCEPTED,
        "调查核实",
    )
    assert event.data == {"handling_note": note.pk}


@pytest.mark.parametrize(("kind", "label"), [("mediation", "调解"), ("settlement", "和解")])
def test_it_records_a_mediation_or_settlement_that_reached_agreement(city, register, kind, label):
    matter = take(city, open_matter(register), to="accepted")

    note = services.handling_note_add(
        actor=city.yunzhong_handler,
        matter=matter,
        kind=kind,
        text="双方同意补偿款于7月底前发放到户，已签订协议书。",
        agreement_reached=True,
    )

    assert note.agreement_reached is True
    assert last_event(matter).note == f"{label}（达成协议）"


def test_it_keeps_every_note_without_moving_the_deadline(city, register):
    matter = take(city, open_matter(register), to="accepted")

    services.handling_note_add(
        actor=city.yunzhong_handler, matter=matter, kind="investigation", text="第一次走访"
    )
    services.handling_note_add(actor=city.yunzhong_handler, matter=matter, kind="mediation", text="调解未成")

    matter.refresh_from_db()
    assert matter.handling_notes.count() == 2
    assert (matter.due_kind, matter.handle_due_on) == ("handle", matter.due_on)


def test_it_refuses_an_agreement_on_an_investigation(city, register):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "agreement_reached"):
        services.handling_note_add(
            actor=city.yunzhong_handler,
            matter=matter,
            kind="investigation",
            text="核实",
            agreement_reached=True,
        )


def test_it_refuses_an_unknown_kind_of_note(city, register):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "kind"):
        services.handling_note_add(actor=city.yunzhong_handler, matter=matter, kind="hearing", text="听证")


def test_it_refuses_an_empty_note(city, register):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "text"):
        services.handling_note_add(actor=city.yunzhong_handler, matter=matter, kind="investigation", text=" ")


@pytest.mark.parametrize("status", ["transferred", "replied"])
def test_it_refuses_notes_unless_the_matter_is_being_handled(city, register, status):
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        services.handling_note_add(
            actor=city.yunzhong_handler, matter=matter, kind="investigation", text="核实"
        )


def test_it_refuses_notes_from_another_unit(city, register):
    matter = take(city, open_matter(register, concerned_org=city.jinshatan), to="accepted")

    with refused(matter):
        services.handling_note_add(
            actor=city.jinshatan_handler, matter=matter, kind="investigation", text="核实"
        )
