"""Art 30: accusation material never goes to the accused unit or anyone under it; the discipline organ
receives it."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.petitions import services
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to

from .workflow_steps import D, open_matter, refused

ROUTED = D(2026, 5, 27)


def accusation(register, city) -> Matter:
    return open_matter(
        register, nature="accusation", title="举报云中镇干部截留补偿款", concerned_org=city.yunzhong
    )


@pytest.mark.parametrize("kind", ["transfer", "assign"])
@pytest.mark.parametrize("unit", ["yunzhong", "yunzhong_village"])
def test_it_refuses_to_send_an_accusation_to_the_accused_unit_or_its_villages(city, register, kind, unit):
    matter = accusation(register, city)

    with refused(matter, "to_org") as caught:
        services.matter_route(
            actor=city.supervisor, matter=matter, kind=kind, to_org=getattr(city, unit), routed_on=ROUTED
        )

    assert "第三十条" in caught.value.message_dict["to_org"][0]


def test_it_transfers_an_accusation_to_the_discipline_organ(city, register):
    matter = accusation(register, city)

    services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.discipline, routed_on=ROUTED
    )

    matter.refresh_from_db()
    assert matter.status == Matter.Status.TRANSFERRED
    assert matter.handling_org == city.discipline


def test_it_diverts_an_accusation_to_the_discipline_organ(city, register):
    matter = accusation(register, city)

    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="discipline",
        to_org=city.discipline,
        routed_on=ROUTED,
    )

    matter.refresh_from_db()
    assert matter.status == Matter.Status.DIVERTED
    assert matter.handling_org == city.discipline


def test_it_lets_the_discipline_organ_accept_an_accusation_transferred_to_it(city, register):
    matter = accusation(register, city)
    services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.discipline, routed_on=ROUTED
    )

    services.matter_accept(actor=city.discipline_handler, matter=matter, on=D(2026, 6, 1))

    matter.refresh_from_db()
    assert matter.status == Matter.Status.ACCEPTED
    assert matter.handling_org == city.discipline


def test_it_never_leaves_an_accusation_with_a_unit_that_cannot_see_it(city, register):
    # Art 30 lets "有权处理的机关、单位" handle accusations, but only the bureau and discipline organs see
    # them (DESIGN, Security). Sending one to the housing department must either be refused or leave it
    # where the department can accept it; anything else is a matter nobody can take a step on.
    matter = accusation(register, city)

    try:
        services.matter_route(
            actor=city.supervisor, matter=matter, kind="transfer", to_org=city.housing, routed_on=ROUTED
        )
    except ValidationError:
        return
    assert matters_visible_to(user=city.housing_handler).filter(pk=matter.pk).exists(), (
        "the accusation was transferred to 住建局, whose staff cannot see it, so nobody can accept it"
    )
