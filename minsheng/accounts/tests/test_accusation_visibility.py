"""检举控告 (accusation) matters are seen by the petition bureau and the discipline organ handling them,
never by the unit accused, even though it is the unit they concern."""

import pytest

from minsheng.accounts.tests.visibility import assert_sees_exactly
from minsheng.petitions.models import Matter, Nature

EVERY_ACCUSATION = {"against yunzhong", "against housing", "handled by discipline"}


@pytest.fixture
def matters(city, register) -> dict[str, Matter]:
    found = {
        "against yunzhong": register(
            concerned_org=city.yunzhong, nature=Nature.ACCUSATION, title="举报云中镇干部截留补偿款"
        ).matter,
        "against housing": register(
            concerned_org=city.housing, nature=Nature.ACCUSATION, title="举报住建局工作人员索要好处费"
        ).matter,
        "handled by discipline": register(
            concerned_org=city.yunzhong_village, nature=Nature.ACCUSATION, title="举报东关村村干部优亲厚友"
        ).matter,
        "claim about yunzhong": register(concerned_org=city.yunzhong, title="云中镇道路硬化未完成").matter,
    }
    # Routing is not built yet: hand the third accusation to the discipline organ directly.
    Matter.objects.filter(pk=found["handled by discipline"].pk).update(handling_org=city.discipline)
    return found


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("yunzhong_handler", {"claim about yunzhong"}),
        ("yunzhong_registrar", {"claim about yunzhong"}),
        ("housing_handler", set()),
        ("jinshatan_handler", set()),
        ("discipline_handler", {"handled by discipline"}),
        ("leader", {"claim about yunzhong"}),
        ("registrar", EVERY_ACCUSATION | {"claim about yunzhong"}),
        ("supervisor", EVERY_ACCUSATION | {"claim about yunzhong"}),
        ("admin", EVERY_ACCUSATION | {"claim about yunzhong"}),
    ],
)
def test_it_shows_accusations_only_to_the_bureau_and_the_discipline_organ_handling_them(
    city, matters, api_client_for, who, expected
):
    user = getattr(city, who)
    assert_sees_exactly(user, matters, api_client_for(user), expected)


def test_it_hides_an_accusation_from_the_accused_unit_even_when_it_registered_it(
    city, register, api_client_for
):
    # A township office must register an accusation brought to its door, and then lose sight of it.
    matter = register(actor=city.yunzhong_registrar, nature=Nature.ACCUSATION, title="举报镇长").matter
    assert matter.receiving_org == city.yunzhong
    for who in ("yunzhong_registrar", "yunzhong_handler"):
        user = getattr(city, who)
        assert_sees_exactly(user, {"accusation": matter}, api_client_for(user), set())
    assert_sees_exactly(
        city.registrar, {"accusation": matter}, api_client_for(city.registrar), {"accusation"}
    )


def test_it_hides_an_accusation_from_the_discipline_organ_once_it_is_handled_elsewhere(
    city, matters, api_client_for
):
    Matter.objects.filter(pk=matters["handled by discipline"].pk).update(handling_org=city.bureau)
    user = city.discipline_handler
    assert_sees_exactly(user, matters, api_client_for(user), set())
