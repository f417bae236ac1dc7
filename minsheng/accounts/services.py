"""Writes to organisations, users and API tokens."""

import hashlib
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record

from .models import ApiToken, Organisation, User

API_TOKEN_PREFIX = "ms_"


@transaction.atomic
def organisation_save(*, organisation: Organisation) -> Organisation:
    """Save an organisation and keep the materialised paths of it and its subtree right."""
    if organisation.parent_id and organisation.pk:
        ancestor = organisation.parent
        while ancestor is not None:
            if ancestor.pk == organisation.pk:
                raise ValidationError({"parent": "上级机构不能是本机构或其下级机构"})
            ancestor = ancestor.parent
    old_path = organisation.path
    organisation.save()
    parent_path = organisation.parent.path if organisation.parent_id else "/"
    new_path = f"{parent_path}{organisation.pk}/"
    if new_path != old_path:
        Organisation.objects.filter(pk=organisation.pk).update(path=new_path)
        organisation.path = new_path
        if old_path:
            for descendant in Organisation.objects.filter(path__startswith=old_path).exclude(
                pk=organisation.pk
            ):
                descendant.path = new_path + descendant.path[len(old_path) :]
                descendant.save(update_fields=["path"])
    return organisation


def organisation_create(
    *, name: str, kind: str, parent: Organisation | None = None, **fields
) -> Organisation:
    organisation = Organisation(name=name, kind=kind, parent=parent, **fields)
    organisation.full_clean(exclude=["path"])
    return organisation_save(organisation=organisation)


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    full_name: str,
    role: str,
    organisation: Organisation | None,
    title: str = "",
    phone: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    user = User(
        username=username,
        full_name=full_name,
        role=role,
        organisation=organisation,
        title=title,
        phone=phone,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, request=None) -> tuple[ApiToken, str]:
    """Create a token and return it with its only plaintext copy."""
    raw = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100] or "API", key_hash=_hash_token(raw), prefix=raw[:10]
    )
    audit_record(action=AuditEntry.Action.API_TOKEN_CREATE, actor=user, obj=token, request=request)
    return token, raw


@transaction.atomic
def api_token_revoke(*, user: User, token: ApiToken, request=None) -> None:
    if token.user_id != user.pk:
        raise PermissionDenied("只能吊销自己的令牌")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(action=AuditEntry.Action.API_TOKEN_REVOKE, actor=user, obj=token, request=request)


def api_token_authenticate(*, raw: str) -> User | None:
    if not raw or not raw.startswith(API_TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(key_hash=_hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Written at most once a minute: a busy client should not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
