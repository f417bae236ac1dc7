"""Art 23: a township that receives a matter directly accepts it itself or sends it down its own system,
never sideways to another township."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Routing

from .helpers import beijing
from .workflow_steps import D, last_event, open_matter, refused, staff

Status = Matter.Status
RECEIVED_AT = beijing(2026, 6, 1, 9)


def direct(register, city) -> Matter:
    return open_matter(register, actor=city.yunzhong_registrar, received_at=RECEIVED_AT)


def test_it_registers_a_direct_matter_with_the_deadline_to_tell_the_petitioner(city, register):
    matter = direct(register, city)

    assert matter.receiving_org == city.yunzhong
    assert matter.status == Status.REGISTERED
    # 15 日 from receipt on Monday 1 June 2026 (Art 23 para 2).
    assert (matter.due_kind, matter.due_on, matter.accept_due_on) == (
        "accept",
        D(2026, 6, 16),
        D(2026, 6, 16),
    )
    assert matter.route_due_on is None


def test_it_lets_the_township_accept_a_matter_it_received_directly(city, register):
    matter = direct(register, city)

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=D(2026, 6, 3))

    matter.refresh_from_db()
    assert matter.status == Status.ACCEPTED
    assert matter.handling_org == city.yunzhong
    assert matter.accepted_on == D(2026, 6, 3)
    assert (matter.due_kind, matter.handle_due_on) == ("handle", D(2026, 8, 3))  # 2 August is a Sunday
    notice = matter.notices.get()
    assert (notice.kind, notice.issuer, notice.number) == (
        "acceptance_notice",
        city.yunzhong,
        "云中信〔2026〕1号",
    )
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status) == (
        MatterEvent.Kind.ACCEPTED,
        Status.REGISTERED,
        Status.ACCEPTED,
    )


def test_it_lets_the_township_reject_a_matter_it_received_directly(city, register):
    matter = direct(register, city)

    services.matter_reject(
        actor=city.yunzhong_handler, matter=matter, reason="该事项已经依法终结。", on=D(2026, 6, 3)
    )

    matter.refresh_from_db()
    assert matter.status == Status.REJECTED
    assert matter.handling_org == city.yunzhong
    assert matter.notices.get().kind == "rejection_notice"


def test_it_lets_the_township_transfer_a_matter_down_to_its_own_village(city, register):
    matter = direct(register, city)

    routing = services.matter_route(
        actor=city.yunzhong_handler,
        matter=matter,
        kind="transfer",
        to_org=city.yunzhong_village,
        routed_on=D(2026, 6, 2),
    )

    matter.refresh_from_db()
    assert matter.status == Status.TRANSFERRED
    assert matter.handling_org == city.yunzhong_village
    assert (routing.kind, routing.from_org, routing.to_org) == (
        Routing.Kind.TRANSFER,
        city.yunzhong,
        city.yunzhong_village,
    )
    form = matter.notices.get()
    assert (form.kind, form.issuer, form.addressee) == ("transfer_form", city.yunzhong, "东关村")


def test_it_lets_the_township_assign_a_matter_to_its_own_village(city, register):
    matter = direct(register, city)

    services.matter_route(
        actor=city.yunzhong_handler,
        matter=matter,
        kind="assign",
        to_org=city.yunzhong_village,
        routed_on=D(2026, 6, 2),
    )

    matter.refresh_from_db()
    assert matter.status == Status.ASSIGNED
    assert matter.report_due_on == D(2026, 7, 2)


@pytest.mark.parametrize("unit", ["jinshatan", "jinshatan_village", "housing", "root"])
def test_it_refuses_a_township_sending_a_matter_outside_its_own_system(city, register, unit):
    matter = direct(register, city)

    with refused(matter, "to_org"):
        services.matter_route(
            actor=city.yunzhong_handler,
            matter=matter,
            kind="transfer",
            to_org=getattr(city, unit),
            routed_on=D(2026, 6, 2),
        )


def test_it_refuses_another_township_routing_a_matter_it_did_not_receive(city, register):
    matter = open_matter(
        register, actor=city.yunzhong_registrar, received_at=RECEIVED_AT, concerned_org=city.jinshatan
    )

    with refused(matter):
        services.matter_route(
            actor=city.jinshatan_handler,
            matter=matter,
            kind="transfer",
            to_org=city.jinshatan_village,
            routed_on=D(2026, 6, 2),
        )


def test_it_refuses_a_township_registrar_routing_the_matter(city, register):
    matter = direct(register, city)

    with refused(matter):
        services.matter_route(
            actor=city.yunzhong_registrar,
            matter=matter,
            kind="transfer",
            to_org=city.yunzhong_village,
            routed_on=D(2026, 6, 2),
        )


def test_it_refuses_the_bureau_accepting_a_matter_a_township_received(city, register):
    matter = direct(register, city)

    with refused(matter):
        services.matter_accept(actor=city.supervisor, matter=matter, on=D(2026, 6, 3))


def test_it_returns_a_matter_a_village_objects_to_to_the_township(city, register):
    village_handler = staff(city.yunzhong_village, "dg_chengban")
    matter = direct(register, city)
    services.matter_route(
        actor=city.yunzhong_handler,
        matter=matter,
        kind="transfer",
        to_org=city.yunzhong_village,
        routed_on=D(2026, 6, 2),
    )

    routing = services.matter_object(
        actor=village_handler, matter=matter, reason="涉及镇级规划，不属于村委会职权。", on=D(2026, 6, 5)
    )

    matter.refresh_from_db()
    assert matter.status == Status.REGISTERED
    assert matter.handling_org is None
    assert routing.from_org == city.yunzhong
    assert "退回云中镇" in last_event(matter).note

    # Back at the township, it decides on the matter itself.
    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=D(2026, 6, 8))
    matter.refresh_from_db()
    assert (matter.status, matter.handling_org) == (Status.ACCEPTED, city.yunzhong)
