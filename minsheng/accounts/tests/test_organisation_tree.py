"""Organisations keep a materialised path that follows them when they move, and never form a cycle."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.accounts.models import Organisation
from minsheng.accounts.services import organisation_create, organisation_save


@pytest.fixture
def tree(db):
    city = organisation_create(name="怀仁市", kind=Organisation.Kind.CITY, region_code="140624")
    district = organisation_create(name="城区街道", kind=Organisation.Kind.TOWNSHIP, parent=city)
    township = organisation_create(name="云中镇", kind=Organisation.Kind.TOWNSHIP, parent=city)
    village = organisation_create(name="东关村", kind=Organisation.Kind.VILLAGE, parent=township)
    group = organisation_create(name="东关村一组", kind=Organisation.Kind.VILLAGE, parent=village)
    return city, district, township, village, group


def _path(organisation) -> str:
    return Organisation.objects.values_list("path", flat=True).get(pk=organisation.pk)


def test_it_builds_paths_from_the_root_down(tree):
    city, _district, township, village, group = tree
    assert _path(city) == f"/{city.pk}/"
    assert _path(township) == f"/{city.pk}/{township.pk}/"
    assert _path(village) == f"/{city.pk}/{township.pk}/{village.pk}/"
    assert _path(group) == f"/{city.pk}/{township.pk}/{village.pk}/{group.pk}/"
    assert village.path == _path(village)  # the returned object is up to date too


def test_it_moves_the_whole_subtree_with_a_township(tree):
    city, district, township, village, group = tree
    township.parent = district
    organisation_save(organisation=township)

    assert _path(township) == f"/{city.pk}/{district.pk}/{township.pk}/"
    assert _path(village) == f"/{city.pk}/{district.pk}/{township.pk}/{village.pk}/"
    assert _path(group) == f"/{city.pk}/{district.pk}/{township.pk}/{village.pk}/{group.pk}/"
    assert set(Organisation.objects.filter(path__startswith=_path(district))) == {
        district,
        township,
        village,
        group,
    }


def test_it_moves_a_subtree_to_the_top(tree):
    city, _district, township, village, group = tree
    township.parent = None
    organisation_save(organisation=township)
    assert _path(township) == f"/{township.pk}/"
    assert _path(group) == f"/{township.pk}/{village.pk}/{group.pk}/"
    assert not Organisation.objects.filter(path__startswith=_path(city)).filter(pk=village.pk).exists()


def test_it_leaves_the_paths_of_others_alone_when_one_moves(tree):
    city, district, township, village, group = tree
    sibling_path = _path(district)
    village.parent = district
    organisation_save(organisation=village)
    assert _path(district) == sibling_path
    assert _path(township) == f"/{city.pk}/{township.pk}/"
    assert _path(group) == f"/{city.pk}/{district.pk}/{village.pk}/{group.pk}/"


@pytest.mark.parametrize("new_parent", ["itself", "child", "grandchild"])
def test_it_refuses_to_put_an_organisation_under_itself_or_its_descendants(tree, new_parent):
    city, _district, township, village, group = tree
    paths_before = dict(Organisation.objects.values_list("pk", "path"))
    township.parent = {"itself": township, "child": village, "grandchild": group}[new_parent]

    with pytest.raises(ValidationError) as caught:
        organisation_save(organisation=township)

    assert caught.value.message_dict == {"parent": ["上级机构不能是本机构或其下级机构"]}
    assert Organisation.objects.get(pk=township.pk).parent_id == city.pk
    assert dict(Organisation.objects.values_list("pk", "path")) == paths_before


def test_it_refuses_two_organisations_of_the_same_name_under_one_parent(tree):
    city = tree[0]
    with pytest.raises(ValidationError):
        organisation_create(name="云中镇", kind=Organisation.Kind.TOWNSHIP, parent=city)


def test_it_refuses_a_malformed_region_code(db):
    with pytest.raises(ValidationError) as caught:
        organisation_create(name="某镇", kind=Organisation.Kind.TOWNSHIP, region_code="14062")
    assert "region_code" in caught.value.message_dict
    assert not Organisation.objects.exists()
