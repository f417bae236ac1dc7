"""Passwords are hashed with argon2 and must pass the policy before an account is created."""

import pytest
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD


@pytest.fixture
def bureau(db):
    return organisation_create(name="怀仁市信访局", kind=Organisation.Kind.PETITION_BUREAU)


def _create(bureau, password, username="xinren"):
    return user_create(
        username=username, password=password, full_name="新人", role=Role.REGISTRAR, organisation=bureau
    )


def test_it_stores_passwords_as_argon2_hashes(bureau):
    user = _create(bureau, PASSWORD)
    stored = User.objects.values_list("password", flat=True).get(pk=user.pk)
    assert stored.startswith("argon2$argon2id$")
    assert PASSWORD not in stored
    assert check_password(PASSWORD, stored)


def test_it_accepts_a_long_password_with_three_kinds_of_character(bureau):
    user = _create(bureau, "Minsheng@2026")
    assert user.check_password("Minsheng@2026")


@pytest.mark.parametrize(
    ("password", "code", "message"),
    [
        ("Ms@2026x", "password_too_short", "10"),
        ("password1!", "password_too_common", None),
        ("Password1!", "password_too_common", None),
        ("73915284061937", "password_entirely_numeric", None),
        ("qingshuzhongwenmima", "password_too_simple", "至少三类"),
        ("minsheng2026xyz", "password_too_simple", "至少三类"),
    ],
    ids=["short", "common", "common-capitalised", "numeric", "lowercase-only", "two-classes"],
)
def test_it_refuses_a_weak_password_and_creates_no_account(bureau, password, code, message):
    with pytest.raises(ValidationError) as caught:
        _create(bureau, password)
    codes = [error.code for error in caught.value.error_list]
    assert code in codes
    if message:
        assert any(message in text for text in caught.value.messages)
    assert not User.objects.filter(username="xinren").exists()


def test_it_refuses_a_password_like_the_username(bureau):
    with pytest.raises(ValidationError) as caught:
        _create(bureau, "Wangxiaoming1!", username="wangxiaoming1")
    assert "password_too_similar" in [error.code for error in caught.value.error_list]
