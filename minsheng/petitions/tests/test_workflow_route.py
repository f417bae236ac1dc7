"""The petition bureau sends a registered matter on: it transfers, assigns or diverts it (Art 22, 31)."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Routing

from .workflow_steps import D, last_event, open_matter, political_legal_organ, set_today

Status = Matter.Status
ROUTED = D(2026, 5, 27)


def test_it_transfers_a_registered_matter_to_the_unit_that_should_handle_it(city, register):
    matter = open_matter(register)

    routing = services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="transfer",
        to_org=city.yunzhong,
        note="属地办理",
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert matter.status == Status.TRANSFERRED
    assert matter.handling_org == city.yunzhong
    assert (routing.kind, routing.route, routing.from_org, routing.to_org) == (
        Routing.Kind.TRANSFER,
        "",
        city.bureau,
        city.yunzhong,
    )
    assert (routing.routed_on, routing.note, routing.actor) == (ROUTED, "属地办理", city.supervisor)
    assert routing.report_due_on is None and matter.report_due_on is None
    # 15 日 to tell the petitioner (Art 23), 5 工作日 to object: 28, 29 May, 1, 2, 3 June.
    assert matter.accept_due_on == D(2026, 6, 11)
    assert matter.objection_due_on == D(2026, 6, 3)
    assert list(matter.notices.values_list("kind", flat=True)) == ["transfer_form"]
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status) == (
        MatterEvent.Kind.TRANSFERRED,
        city.supervisor,
        Status.REGISTERED,
        Status.TRANSFERRED,
    )
    assert event.note == "转送至云中镇：属地办理"


def test_it_assigns_a_matter_with_the_report_deadline_of_the_settings(city, register):
    matter = open_matter(register)

    routing = services.matter_route(
        actor=city.supervisor, matter=matter, kind="assign", to_org=city.housing, routed_on=ROUTED
    )

    matter.refresh_from_db()
    assert matter.status == Status.ASSIGNED
    assert matter.handling_org == city.housing
    # settings.DEADLINES["assign_report"] is 30 日: 27 May + 30 = Friday 26 June.
    assert routing.report_due_on == matter.report_due_on == D(2026, 6, 26)
    assert matter.accept_due_on == D(2026, 6, 11)
    assert list(matter.notices.values_list("kind", flat=True)) == ["assignment_form"]
    assert last_event(matter).kind == MatterEvent.Kind.ASSIGNED


def test_it_follows_a_changed_report_deadline_in_the_settings(city, register, settings):
    settings.DEADLINES = {**settings.DEADLINES, "assign_report": (10, "working_days")}
    matter = open_matter(register)

    routing = services.matter_route(
        actor=city.supervisor, matter=matter, kind="assign", to_org=city.housing, routed_on=ROUTED
    )

    # 10 working days after Wednesday 27 May 2026.
    assert routing.report_due_on == D(2026, 6, 10)


def test_it_assigns_a_matter_with_the_report_deadline_the_supervisor_gives(city, register):
    matter = open_matter(register)

    routing = services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="assign",
        to_org=city.yunzhong,
        report_due_on=D(2026, 6, 15),
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert routing.report_due_on == matter.report_due_on == D(2026, 6, 15)
    assert matter.status == Status.ASSIGNED


def test_it_routes_on_today_when_no_day_is_given(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 6, 2))
    matter = open_matter(register)

    routing = services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong
    )

    assert routing.routed_on == D(2026, 6, 2)


def test_it_diverts_a_litigation_matter_to_a_political_legal_organ(city, register):
    court_side = political_legal_organ(city)
    matter = open_matter(register, title="不服一审判决要求改判")

    routing = services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="political_legal",
        to_org=court_side,
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert matter.status == Status.DIVERTED
    assert matter.handling_org == court_side
    assert (routing.kind, routing.route, routing.to_org) == ("divert", "political_legal", court_side)
    # A diverted matter leaves the petition procedure: no acceptance or objection deadline applies.
    assert (matter.due_on, matter.due_kind) == (None, "")
    assert matter.accept_due_on is None and matter.objection_due_on is None
    assert list(matter.notices.values_list("kind", flat=True)) == ["diversion_notice"]
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status) == (
        MatterEvent.Kind.DIVERTED,
        Status.REGISTERED,
        Status.DIVERTED,
    )
    assert event.note == "依法分类导入至怀仁市委政法委员会"


def test_it_diverts_an_accusation_to_the_discipline_organ(city, register):
    matter = open_matter(register, nature="accusation", title="举报村干部侵占集体资金")

    routing = services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="discipline",
        to_org=city.discipline,
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert matter.status == Status.DIVERTED
    assert matter.handling_org == city.discipline
    assert routing.route == Routing.Route.DISCIPLINE


ART_31_ROUTES = ["litigation", "arbitration", "party_appeal", "administrative", "duty"]


@pytest.mark.parametrize("route", ART_31_ROUTES)
def test_it_diverts_a_claim_to_a_legal_procedure_with_guidance_and_no_receiving_unit(city, register, route):
    matter = open_matter(register)
    guidance = "怀仁市人民法院（提起民事诉讼）"

    routing = services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route=route,
        guidance=f"  {guidance}  ",
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert matter.status == Status.DIVERTED
    assert matter.handling_org is None
    assert (routing.route, routing.to_org, routing.guidance) == (route, None, guidance)
    assert (matter.due_on, matter.due_kind) == (None, "")
    notice = matter.notices.get()
    assert notice.kind == "diversion_notice"
    assert any(guidance in paragraph for paragraph in notice.paragraphs)
    assert last_event(matter).note == f"依法分类导入至{Routing.Route(route).label}"


def test_it_sends_nobody_the_matter_when_a_legal_procedure_is_chosen_with_a_unit(city, register):
    # The petitioner takes an Art 31 (一)–(五) route himself; a unit picked by mistake is dropped.
    matter = open_matter(register)

    routing = services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="arbitration",
        to_org=city.housing,
        guidance="怀仁市劳动人事争议仲裁委员会",
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert routing.to_org is None and matter.handling_org is None


def test_it_lets_the_bureau_route_a_matter_a_township_registered(city, register):
    matter = open_matter(register, actor=city.yunzhong_registrar)

    routing = services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.housing, routed_on=ROUTED
    )

    matter.refresh_from_db()
    assert routing.from_org == city.bureau
    assert matter.status == Status.TRANSFERRED
    assert matter.handling_org == city.housing


def test_it_lets_an_administrator_route_a_matter(city, register):
    matter = open_matter(register)

    services.matter_route(
        actor=city.admin, matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=ROUTED
    )

    matter.refresh_from_db()
    assert matter.status == Status.TRANSFERRED
    # A superuser routes in the name of the organisation they belong to.
    assert matter.routings.get().from_org == city.bureau
