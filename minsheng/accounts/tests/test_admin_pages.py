"""Administrators maintain organisations, users and categories on the admin pages."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Category

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    ["accounts_organisation", "accounts_user", "petitions_category", "petitions_matter", "audit_auditentry"],
)
def test_it_lists_each_kind_of_record_for_an_administrator(client, city, name):
    client.force_login(city.admin)

    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_it_keeps_the_tree_paths_right_when_an_organisation_is_moved_in_the_admin(client, city):
    client.force_login(city.admin)
    village = city.yunzhong_village

    response = client.post(
        reverse("admin:accounts_organisation_change", args=[village.pk]),
        {
            "name": village.name,
            "short_name": "",
            "kind": village.kind,
            "parent": city.jinshatan.pk,
            "region_code": village.region_code,
            "number_prefix": "",
            "sort_order": 0,
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    village.refresh_from_db()
    assert village.path == f"{city.jinshatan.path}{village.pk}/"
    assert Organisation.objects.filter(path__startswith=city.jinshatan.path).filter(pk=village.pk).exists()


def test_it_sets_a_new_categorys_level_from_its_parent(client, city):
    client.force_login(city.admin)
    parent = Category.objects.create(name="城乡建设", level=1)

    response = client.post(
        reverse("admin:petitions_category_add"),
        {"name": "物业管理", "parent": parent.pk, "sort_order": 0, "is_active": "on"},
    )

    assert response.status_code == 302
    assert Category.objects.get(name="物业管理").level == 2


def test_it_refuses_a_user_policy_breaking_password_in_the_admin(client, city):
    client.force_login(city.admin)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "newclerk",
            "password1": "12345678",
            "password2": "12345678",
            "full_name": "新人",
            "organisation": city.bureau.pk,
            "role": "registrar",
            "usable_password": "true",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["password2"]
    assert any("至少三类" in message for message in errors["password2"])
    assert not city.bureau.users.filter(username="newclerk").exists()


def test_it_keeps_non_administrators_out_of_the_admin(client, city):
    client.force_login(city.registrar)

    response = client.get(reverse("admin:accounts_organisation_changelist"))

    assert response.status_code == 302
