"""Art 23: a unit a matter was sent to may say "not ours" within 5 working days of receiving it; the
matter then goes back to the sender to be routed again."""

import pytest

from minsheng.lib.workdays import WorkCalendar
from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Routing

from .helpers import beijing
from .workflow_steps import D, last_event, open_matter, refused, take

Status = Matter.Status
REASON = "该事项涉及城市规划许可，属于住建局职权范围。"


def sent_before_national_day(city, register, kind="transfer") -> Matter:
    """Received on Friday 25 September 2026, transferred on Tuesday 29 September."""
    matter = open_matter(register, received_at=beijing(2026, 9, 25, 10))
    services.matter_route(
        actor=city.supervisor, matter=matter, kind=kind, to_org=city.yunzhong, routed_on=D(2026, 9, 29)
    )
    matter.refresh_from_db()
    return matter


def test_it_counts_five_working_days_across_national_day_2026(city, register):
    # Working days after Tuesday 29 September: Wed 30 Sep (1); 1–7 Oct National Day; Thu 8 Oct (2),
    # Fri 9 Oct (3), Sat 10 Oct — a make-up working day (4); Sun 11 Oct rests; Mon 12 Oct (5).
    calendar = WorkCalendar()
    assert calendar.is_working_day(D(2026, 10, 10))
    assert not any(calendar.is_working_day(D(2026, 10, day)) for day in range(1, 8))
    assert calendar.working_days_between(D(2026, 9, 29), D(2026, 10, 12)) == 5

    matter = sent_before_national_day(city, register)

    assert matter.objection_due_on == D(2026, 10, 12)


def test_it_returns_the_matter_to_the_sender_on_the_last_day_of_the_window(city, register):
    matter = sent_before_national_day(city, register)

    routing = services.matter_object(
        actor=city.yunzhong_handler, matter=matter, reason=REASON, on=D(2026, 10, 12)
    )

    matter.refresh_from_db()
    assert matter.status == Status.REGISTERED
    assert matter.handling_org is None
    assert (matter.accept_due_on, matter.objection_due_on, matter.report_due_on) == (None, None, None)
    # Back at the bureau its own 15 日 count afresh from the objection: 12 + 15 = 27 October.
    assert (matter.due_kind, matter.due_on, matter.route_due_on) == (
        "route",
        D(2026, 10, 27),
        D(2026, 10, 27),
    )
    routing.refresh_from_db()
    assert (routing.objected_on, routing.objection_reason) == (D(2026, 10, 12), REASON)
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status) == (
        MatterEvent.Kind.OBJECTED,
        city.yunzhong_handler,
        Status.TRANSFERRED,
        Status.REGISTERED,
    )
    assert event.note == f"不属于本单位职权范围，退回怀仁市信访局：{REASON}"


def test_it_refuses_an_objection_on_the_sixth_working_day(city, register):
    matter = sent_before_national_day(city, register)

    with refused(matter, "deadline"):
        services.matter_object(actor=city.yunzhong_handler, matter=matter, reason=REASON, on=D(2026, 10, 13))


def test_it_counts_five_working_days_across_the_spring_festival_2026(city, register):
    # Routed Wednesday 11 February 2026: Thu 12 (1), Fri 13 (2), Sat 14 Feb — make-up working day (3);
    # 15–23 February Spring Festival; Tue 24 (4), Wed 25 February (5).
    calendar = WorkCalendar()
    assert calendar.is_working_day(D(2026, 2, 14))
    assert calendar.working_days_between(D(2026, 2, 11), D(2026, 2, 25)) == 5
    matter = open_matter(register, received_at=beijing(2026, 2, 9, 15))
    services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.housing, routed_on=D(2026, 2, 11)
    )
    matter.refresh_from_db()
    assert matter.objection_due_on == D(2026, 2, 25)

    with refused(matter, "deadline"):
        services.matter_object(actor=city.housing_handler, matter=matter, reason=REASON, on=D(2026, 2, 26))

    services.matter_object(actor=city.housing_handler, matter=matter, reason=REASON, on=D(2026, 2, 25))
    matter.refresh_from_db()
    assert matter.status == Status.REGISTERED


def test_it_returns_an_assigned_matter_and_drops_its_report_deadline(city, register):
    matter = sent_before_national_day(city, register, kind="assign")
    assert matter.report_due_on == D(2026, 10, 29)

    services.matter_object(actor=city.yunzhong_handler, matter=matter, reason=REASON, on=D(2026, 10, 9))

    matter.refresh_from_db()
    assert matter.status == Status.REGISTERED
    assert matter.report_due_on is None
    assert last_event(matter).from_status == Status.ASSIGNED


def test_it_lets_the_bureau_route_a_returned_matter_again(city, register):
    matter = sent_before_national_day(city, register)
    services.matter_object(actor=city.yunzhong_handler, matter=matter, reason=REASON, on=D(2026, 10, 9))

    services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.housing, routed_on=D(2026, 10, 12)
    )

    matter.refresh_from_db()
    assert (matter.status, matter.handling_org) == (Status.TRANSFERRED, city.housing)
    assert matter.objection_due_on == D(2026, 10, 19)
    first, second = Routing.objects.filter(matter=matter).order_by("pk")
    assert (first.to_org, first.objected_on) == (city.yunzhong, D(2026, 10, 9))
    assert (second.to_org, second.objected_on) == (city.housing, None)


def test_it_refuses_an_objection_by_a_unit_the_matter_was_not_sent_to(city, register):
    # 金沙滩镇 can see the matter (it concerns it) but it was sent to 云中镇.
    matter = open_matter(register, received_at=beijing(2026, 9, 25, 10), concerned_org=city.jinshatan)
    take(city, matter, to="transferred", routed_on=D(2026, 9, 29))

    with refused(matter):
        services.matter_object(actor=city.jinshatan_handler, matter=matter, reason=REASON, on=D(2026, 9, 30))


def test_it_refuses_an_objection_by_a_unit_that_cannot_see_the_matter(city, register):
    matter = sent_before_national_day(city, register)

    with refused(matter):
        services.matter_object(actor=city.housing_handler, matter=matter, reason=REASON, on=D(2026, 9, 30))


def test_it_refuses_an_objection_by_the_townships_registrar(city, register):
    matter = sent_before_national_day(city, register)

    with refused(matter):
        services.matter_object(actor=city.yunzhong_registrar, matter=matter, reason=REASON, on=D(2026, 9, 30))


@pytest.mark.parametrize("reason", ["", "   "])
def test_it_refuses_an_objection_without_reasons(city, register, reason):
    matter = sent_before_national_day(city, register)

    with refused(matter, "reason"):
        services.matter_object(actor=city.yunzhong_handler, matter=matter, reason=reason, on=D(2026, 9, 30))


@pytest.mark.parametrize("status", ["registered", "accepted", "replied"])
def test_it_refuses_an_objection_unless_the_matter_was_just_sent(city, register, status):
    # Concerning 云中镇, so that its handler sees the matter even before it is sent there.
    matter = take(city, open_matter(register, concerned_org=city.yunzhong), to=status)

    with refused(matter, "status"):
        services.matter_object(actor=city.yunzhong_handler, matter=matter, reason=REASON, on=D(2026, 5, 28))
