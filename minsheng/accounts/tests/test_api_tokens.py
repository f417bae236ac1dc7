"""API clients authenticate with bearer tokens that are stored hashed, shown once and can be revoked."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.accounts.models import ApiToken, Organisation, Role
from minsheng.accounts.services import api_token_create, api_token_revoke, organisation_create, user_create
from minsheng.audit.models import AuditEntry
from minsheng.conftest import PASSWORD
from minsheng.lib.tests.rawdb import tables_containing

UNAUTHENTICATED = {"detail": "未登录或令牌无效"}


@pytest.fixture
def bureau(db):
    return organisation_create(
        name="怀仁市信访局", kind=Organisation.Kind.PETITION_BUREAU, region_code="140624"
    )


@pytest.fixture
def user(bureau):
    return user_create(
        username="dengji", password=PASSWORD, full_name="王登记", role=Role.REGISTRAR, organisation=bureau
    )


@pytest.fixture
def other_user(bureau):
    return user_create(
        username="duban", password=PASSWORD, full_name="李督办", role=Role.SUPERVISOR, organisation=bureau
    )


def _bearer(raw: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_it_tells_a_valid_token_who_it_belongs_to(user, bureau):
    _token, raw = api_token_create(user=user, name="省信访系统对接")
    response = _bearer(raw).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json() == {
        "username": "dengji",
        "full_name": "王登记",
        "role": "registrar",
        "organisation": {
            "id": bureau.pk,
            "name": "怀仁市信访局",
            "kind": "petition_bureau",
            "region_code": "140624",
        },
    }


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ms_not-a-real-token-at-all",
        "Bearer not-even-our-prefix",
        "Bearer ",
        "Basic ZGVuZ2ppOk1pbnNoZW5n",
    ],
)
def test_it_refuses_a_wrong_token_in_chinese(user, header):
    api_token_create(user=user, name="对接")
    response = Client(HTTP_AUTHORIZATION=header).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_it_refuses_a_request_without_any_credentials(db):
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_it_refuses_a_token_once_it_is_revoked(user):
    token, raw = api_token_create(user=user, name="对接")
    assert _bearer(raw).get("/api/v1/me").status_code == 200
    api_token_revoke(user=user, token=token)
    response = _bearer(raw).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_it_refuses_the_token_of_a_deactivated_user(user):
    _token, raw = api_token_create(user=user, name="对接")
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert _bearer(raw).get("/api/v1/me").status_code == 401


def test_it_stores_only_a_hash_of_the_token(user):
    token, raw = api_token_create(user=user, name="对接")
    secret_part = raw[len(token.prefix) :]
    assert raw.startswith("ms_") and token.prefix == raw[:10]
    assert len(token.key_hash) == 64 and raw not in token.key_hash
    assert "accounts_apitoken" in tables_containing(token.prefix)  # the scan finds what is stored
    assert tables_containing(raw) == set()
    assert tables_containing(secret_part) == set()


def test_it_records_when_a_token_was_last_used(user):
    token, raw = api_token_create(user=user, name="对接")
    assert token.last_used_at is None
    _bearer(raw).get("/api/v1/me")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_it_creates_a_token_on_the_token_page_and_shows_it_once(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:api_tokens"), {"name": "省信访信息系统对接"})
    assert response.status_code == 200
    shown = re.search(r'<code class="token" id="new-token">(ms_[\w-]+)</code>', response.content.decode())
    assert shown, "the new token is shown"
    raw = shown.group(1)

    token = ApiToken.objects.get(user=user)
    assert token.name == "省信访信息系统对接"
    assert _bearer(raw).get("/api/v1/me").json()["username"] == "dengji"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.API_TOKEN_CREATE, actor=user).count() == 1

    again = client.get(reverse("accounts:api_tokens")).content.decode()
    assert raw not in again
    assert token.prefix in again
    assert 'id="new-token"' not in again


def test_it_refuses_a_token_without_a_purpose(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:api_tokens"), {"name": "  "})
    assert "请填写令牌用途" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_revokes_a_token_from_the_token_page(client, user):
    token, raw = api_token_create(user=user, name="对接")
    client.force_login(user)
    response = client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert response.status_code == 302
    assert _bearer(raw).get("/api/v1/me").status_code == 401
    assert AuditEntry.objects.filter(action=AuditEntry.Action.API_TOKEN_REVOKE, actor=user).count() == 1


def test_it_does_not_let_anyone_revoke_a_colleague_s_token(client, user, other_user):
    token, raw = api_token_create(user=other_user, name="对接")
    client.force_login(user)
    response = client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    assert _bearer(raw).get("/api/v1/me").status_code == 200
    assert raw not in client.get(reverse("accounts:api_tokens")).content.decode()
    assert token.prefix not in client.get(reverse("accounts:api_tokens")).content.decode()
