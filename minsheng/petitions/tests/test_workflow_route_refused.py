"""Routing that the Regulation or the roles do not allow is refused and changes nothing."""

import pytest

from minsheng.accounts.models import Organisation
from minsheng.petitions import services

from .workflow_steps import D, open_matter, political_legal_organ, refused, take

ROUTED = D(2026, 5, 27)


@pytest.mark.parametrize("role", ["registrar", "leader", "lawyer"])
def test_it_lets_only_the_supervisor_route_a_bureau_matter(city, register, role):
    matter = open_matter(register)

    with refused(matter):
        services.matter_route(
            actor=getattr(city, role), matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=ROUTED
        )


def test_it_refuses_a_department_handler_routing_a_bureau_matter(city, register):
    matter = open_matter(register, concerned_org=city.housing)

    with refused(matter):
        services.matter_route(
            actor=city.housing_handler, matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=ROUTED
        )


def test_it_refuses_to_route_a_matter_already_sent_on(city, register):
    matter = take(city, open_matter(register), to="transferred")

    with refused(matter, "status"):
        services.matter_route(
            actor=city.supervisor, matter=matter, kind="transfer", to_org=city.housing, routed_on=ROUTED
        )


def test_it_refuses_to_route_an_accepted_matter(city, register):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "status"):
        services.matter_route(
            actor=city.supervisor, matter=matter, kind="assign", to_org=city.housing, routed_on=ROUTED
        )


def test_it_refuses_an_unknown_kind_of_routing(city, register):
    matter = open_matter(register)

    with refused(matter, "kind"):
        services.matter_route(
            actor=city.supervisor, matter=matter, kind="forward", to_org=city.yunzhong, routed_on=ROUTED
        )


@pytest.mark.parametrize("kind", ["transfer", "assign"])
def test_it_refuses_a_transfer_or_assignment_without_a_receiving_unit(city, register, kind):
    matter = open_matter(register)

    with refused(matter, "to_org"):
        services.matter_route(actor=city.supervisor, matter=matter, kind=kind, to_org=None, routed_on=ROUTED)


@pytest.mark.parametrize("kind", ["transfer", "assign"])
def test_it_refuses_to_send_a_matter_to_an_inactive_unit(city, register, kind):
    Organisation.objects.filter(pk=city.housing.pk).update(is_active=False)
    city.housing.refresh_from_db()
    matter = open_matter(register)

    with refused(matter, "to_org"):
        services.matter_route(
            actor=city.supervisor, matter=matter, kind=kind, to_org=city.housing, routed_on=ROUTED
        )


@pytest.mark.parametrize("kind", ["transfer", "assign"])
def test_it_refuses_to_send_a_matter_to_the_sender_itself(city, register, kind):
    matter = open_matter(register)

    with refused(matter, "to_org"):
        services.matter_route(
            actor=city.supervisor, matter=matter, kind=kind, to_org=city.bureau, routed_on=ROUTED
        )


def test_it_refuses_a_route_on_a_plain_transfer(city, register):
    matter = open_matter(register)

    with refused(matter, "route"):
        services.matter_route(
            actor=city.supervisor,
            matter=matter,
            kind="transfer",
            route="litigation",
            to_org=city.yunzhong,
            routed_on=ROUTED,
        )


@pytest.mark.parametrize("route", ["", "court"])
def test_it_refuses_to_divert_without_a_known_route(city, register, route):
    matter = open_matter(register)

    with refused(matter, "route"):
        services.matter_route(
            actor=city.supervisor,
            matter=matter,
            kind="divert",
            route=route,
            guidance="怀仁市人民法院",
            routed_on=ROUTED,
        )


@pytest.mark.parametrize("guidance", ["", "   "])
def test_it_refuses_to_divert_to_a_legal_procedure_without_guidance(city, register, guidance):
    matter = open_matter(register)

    with refused(matter, "guidance"):
        services.matter_route(
            actor=city.supervisor,
            matter=matter,
            kind="divert",
            route="litigation",
            guidance=guidance,
            routed_on=ROUTED,
        )


@pytest.mark.parametrize("route", ["political_legal", "discipline"])
def test_it_refuses_to_divert_to_an_organ_without_naming_it(city, register, route):
    matter = open_matter(register)

    with refused(matter, "to_org"):
        services.matter_route(
            actor=city.supervisor, matter=matter, kind="divert", route=route, to_org=None, routed_on=ROUTED
        )


def test_it_refuses_to_divert_a_litigation_matter_to_an_organ_that_is_not_political_legal(city, register):
    matter = open_matter(register)

    with refused(matter, "to_org"):
        services.matter_route(
            actor=city.supervisor,
            matter=matter,
            kind="divert",
            route="political_legal",
            to_org=city.housing,
            routed_on=ROUTED,
        )


def test_it_refuses_to_divert_an_accusation_to_an_organ_that_is_not_a_discipline_organ(city, register):
    court_side = political_legal_organ(city)
    matter = open_matter(register, nature="accusation")

    with refused(matter, "to_org"):
        services.matter_route(
            actor=city.supervisor,
            matter=matter,
            kind="divert",
            route="discipline",
            to_org=court_side,
            routed_on=ROUTED,
        )


def test_it_refuses_an_assignment_whose_report_is_due_before_it_is_sent(city, register):
    matter = open_matter(register)

    with refused(matter, "report_due_on"):
        services.matter_route(
            actor=city.supervisor,
            matter=matter,
            kind="assign",
            to_org=city.yunzhong,
            report_due_on=ROUTED,
            routed_on=ROUTED,
        )
