"""Whose matters a user may see: their own subtree, or the whole city for the bureau and the leaders."""

import pytest

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.accounts.services import organisation_create, organisation_save, user_create
from minsheng.conftest import PASSWORD


@pytest.fixture
def neighbour_city(city):
    """Another city in the same database: nobody of 怀仁市 but the superuser may see it."""
    root = organisation_create(name="应县", kind=Organisation.Kind.CITY, region_code="140622")
    township = organisation_create(name="金城镇", kind=Organisation.Kind.TOWNSHIP, parent=root)
    return {root, township}


def _city_organisations(city) -> set:
    return {
        city.root,
        city.leadership,
        city.bureau,
        city.housing,
        city.discipline,
        city.yunzhong,
        city.yunzhong_village,
        city.jinshatan,
        city.jinshatan_village,
    }


def test_it_gives_a_township_user_their_township_and_its_villages(city, neighbour_city):
    assert set(organisations_in_scope(user=city.yunzhong_handler)) == {city.yunzhong, city.yunzhong_village}
    assert set(organisations_in_scope(user=city.jinshatan_handler)) == {
        city.jinshatan,
        city.jinshatan_village,
    }


def test_it_gives_a_department_user_their_department_only(city, neighbour_city):
    assert set(organisations_in_scope(user=city.housing_handler)) == {city.housing}
    assert set(organisations_in_scope(user=city.discipline_handler)) == {city.discipline}


@pytest.mark.parametrize("who", ["registrar", "supervisor", "leader"])
def test_it_gives_the_bureau_and_the_leaders_the_whole_city(city, neighbour_city, who):
    scope = set(organisations_in_scope(user=getattr(city, who)))
    assert scope == _city_organisations(city)
    assert not scope & neighbour_city


def test_it_gives_the_superuser_everything(city, neighbour_city):
    assert set(organisations_in_scope(user=city.admin)) == _city_organisations(city) | neighbour_city


def test_it_gives_a_user_without_an_organisation_nothing(city):
    loner = user_create(
        username="loner", password=PASSWORD, full_name="无单位", role=Role.HANDLER, organisation=None
    )
    assert not organisations_in_scope(user=loner).exists()


def test_it_follows_a_village_that_moves_to_another_township(city):
    village = city.yunzhong_village
    village.parent = city.jinshatan
    organisation_save(organisation=village)
    assert set(organisations_in_scope(user=city.yunzhong_handler)) == {city.yunzhong}
    assert city.yunzhong_village in set(organisations_in_scope(user=city.jinshatan_handler))


def test_it_does_not_confuse_organisations_whose_ids_share_a_prefix(db):
    # Paths end in "/", so the subtree of /…/4242/ must not take in /…/42420/.
    root = organisation_create(name="市", kind=Organisation.Kind.CITY)
    first = organisation_create(name="镇甲", kind=Organisation.Kind.TOWNSHIP, parent=root, pk=4242)
    lookalike = organisation_create(name="镇乙", kind=Organisation.Kind.TOWNSHIP, parent=root, pk=42420)
    below_lookalike = organisation_create(name="村", kind=Organisation.Kind.VILLAGE, parent=lookalike)
    user = user_create(username="u", password=PASSWORD, full_name="u", role=Role.HANDLER, organisation=first)
    assert set(organisations_in_scope(user=user)) == {first}
    assert below_lookalike.path.startswith(f"/{root.pk}/42420/")
