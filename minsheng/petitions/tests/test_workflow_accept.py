"""The unit a matter was sent to accepts it (the 60-day handling period starts) or rejects it, and tells
the petitioner in writing (Art 23, 34)."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent

from .workflow_steps import D, last_event, open_matter, refused, take

Status = Matter.Status
ACCEPTED = D(2026, 6, 1)


@pytest.mark.parametrize("sent", ["transferred", "assigned"])
def test_it_accepts_a_matter_sent_to_the_unit(city, register, sent):
    matter = take(city, open_matter(register), to=sent)

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, note="已安排专人办理", on=ACCEPTED)

    matter.refresh_from_db()
    assert matter.status == Status.ACCEPTED
    assert matter.handling_org == city.yunzhong
    assert matter.accepted_on == ACCEPTED
    # 60 日 from Monday 1 June 2026 on the official calendar: Friday 31 July.
    assert matter.handle_due_on == D(2026, 7, 31)
    assert (matter.due_kind, matter.due_on) == ("handle", D(2026, 7, 31))
    assert matter.notices.filter(kind="acceptance_notice").count() == 1
    event = last_event(matter)
    assert (event.kind, event.actor, event.organisation, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.ACCEPTED,
        city.yunzhong_handler,
        city.yunzhong,
        sent,
        Status.ACCEPTED,
        "已安排专人办理",
    )


def test_it_keeps_the_report_deadline_of_an_assigned_matter_once_accepted(city, register):
    matter = take(city, open_matter(register), to="assigned")

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=ACCEPTED)

    matter.refresh_from_db()
    assert matter.report_due_on == D(2026, 6, 26)


def test_it_writes_the_handling_deadline_into_the_event_when_there_is_no_note(city, register):
    matter = take(city, open_matter(register), to="transferred")

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=ACCEPTED)

    assert last_event(matter).note == "受理，办理期限至 2026-07-31"


@pytest.mark.parametrize("nature", ["suggestion", "accusation"])
def test_it_uses_the_handling_period_set_for_the_nature_of_the_matter(city, register, settings, nature):
    settings.DEADLINES = {**settings.DEADLINES, f"handle_{nature}": (30, "calendar_days")}
    matter = open_matter(register, nature=nature)
    to_org = city.discipline if nature == "accusation" else city.yunzhong
    handler = city.discipline_handler if nature == "accusation" else city.yunzhong_handler
    take(city, matter, to="transferred", unit=to_org)

    services.matter_accept(actor=handler, matter=matter, on=ACCEPTED)

    matter.refresh_from_db()
    assert matter.handle_due_on == D(2026, 7, 1)


def test_it_rejects_a_matter_with_reasons(city, register):
    matter = take(city, open_matter(register), to="transferred")

    services.matter_reject(
        actor=city.yunzhong_handler, matter=matter, reason="  该事项已经复核终结，不再受理。 ", on=ACCEPTED
    )

    matter.refresh_from_db()
    assert matter.status == Status.REJECTED
    assert matter.handling_org == city.yunzhong
    assert (matter.due_on, matter.due_kind) == (None, "")
    notice = matter.notices.get(kind="rejection_notice")
    assert "理由：该事项已经复核终结，不再受理。" in notice.paragraphs
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.REJECTED,
        Status.TRANSFERRED,
        Status.REJECTED,
        "该事项已经复核终结，不再受理。",
    )


@pytest.mark.parametrize("step", ["accept", "reject"])
def test_it_refuses_the_bureau_accepting_or_rejecting_what_it_must_route(city, register, step):
    matter = open_matter(register)

    with refused(matter, "status"):
        if step == "accept":
            services.matter_accept(actor=city.supervisor, matter=matter, on=ACCEPTED)
        else:
            services.matter_reject(actor=city.supervisor, matter=matter, reason="不属于信访范围", on=ACCEPTED)


@pytest.mark.parametrize("status", ["accepted", "replied"])
def test_it_refuses_to_accept_a_matter_twice(city, register, status):
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=ACCEPTED)


def test_it_refuses_to_accept_a_diverted_matter(city, register):
    matter = open_matter(register)
    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="litigation",
        guidance="怀仁市人民法院",
        routed_on=D(2026, 5, 27),
    )

    with refused(matter, "status"):
        services.matter_accept(actor=city.supervisor, matter=matter, on=ACCEPTED)


def test_it_refuses_a_leader_accepting_a_matter(city, register):
    matter = take(city, open_matter(register), to="transferred")

    with refused(matter):
        services.matter_accept(actor=city.leader, matter=matter, on=ACCEPTED)


def test_it_refuses_the_townships_registrar_accepting_a_matter(city, register):
    matter = take(city, open_matter(register), to="transferred")

    with refused(matter):
        services.matter_accept(actor=city.yunzhong_registrar, matter=matter, on=ACCEPTED)


def test_it_refuses_another_township_accepting_a_matter_sent_to_yunzhong(city, register):
    matter = take(city, open_matter(register), to="transferred")

    with refused(matter):
        services.matter_accept(actor=city.jinshatan_handler, matter=matter, on=ACCEPTED)


def test_it_refuses_another_township_that_can_see_the_matter_accepting_it(city, register):
    matter = take(city, open_matter(register, concerned_org=city.jinshatan), to="transferred")

    with refused(matter):
        services.matter_accept(actor=city.jinshatan_handler, matter=matter, on=ACCEPTED)
    with refused(matter):
        services.matter_reject(actor=city.jinshatan_handler, matter=matter, reason="不属于本镇", on=ACCEPTED)


def test_it_refuses_the_bureau_supervisor_accepting_for_the_township(city, register):
    matter = take(city, open_matter(register), to="transferred")

    with refused(matter):
        services.matter_accept(actor=city.supervisor, matter=matter, on=ACCEPTED)


@pytest.mark.parametrize("reason", ["", "  "])
def test_it_refuses_a_rejection_without_reasons(city, register, reason):
    matter = take(city, open_matter(register), to="transferred")

    with refused(matter, "reason"):
        services.matter_reject(actor=city.yunzhong_handler, matter=matter, reason=reason, on=ACCEPTED)
