"""The portal's write path: a citizen files a matter, proves they hold its query code, rates the
answer and asks for a review. No staff account is behind any of it; the petitions services take the
`by_petitioner_online` path, and the query code is the petitioner's proof of who they are."""

import datetime as dt
import secrets
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation
from minsheng.lib import phone as phone_lib
from minsheng.lib import uploads as upload_checks
from minsheng.notifications.services import credentials_sms_send
from minsheng.petitions.models import Channel, Matter, Rating, Reply
from minsheng.petitions.services import PetitionerEntry, attachment_add, submission_register
from minsheng.petitions.services.reconsideration import reconsideration_request
from minsheng.petitions.services.satisfaction import RATABLE, matter_rate

from . import throttle
from .models import OnlineAccess

# No 0/O, 1/I/L: a code read out over the phone or copied by hand must not be ambiguous.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
PASSWORD_LENGTH = 8  # digits: easy on a phone keypad; the 12-character code carries the secrecy
MAX_FILES = 5


def max_upload_bytes() -> int:
    return getattr(settings, "PORTAL_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def allowed_upload_kinds() -> list[str]:
    return getattr(settings, "PORTAL_UPLOAD_TYPES", ["jpeg", "png", "pdf"])


def receiving_bureau() -> Organisation:
    """The petition bureau that receives online petitions: a setting, or the one bureau there is."""
    pk = getattr(settings, "PORTAL_RECEIVING_ORG_ID", None)
    bureaus = Organisation.objects.filter(kind=Organisation.Kind.PETITION_BUREAU, is_active=True)
    if pk is not None:
        bureaus = bureaus.filter(pk=pk)
    bureau = bureaus.order_by("path", "pk").first()
    if bureau is None:
        raise ImproperlyConfigured("no active petition bureau receives online petitions")
    return bureau


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:32]


def format_code(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


@dataclass(frozen=True)
class Credentials:
    query_code: str
    password: str


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not OnlineAccess.objects.filter(query_code=code).exists():
            return code


def check_portal_uploads(uploads, errors: dict) -> list:
    """Photos and PDFs only, checked by their content: a .jpg that is really a program is refused."""
    if len(uploads) > MAX_FILES:
        errors.setdefault("uploads", []).append(f"最多上传 {MAX_FILES} 个文件")
        return []
    checked = []
    for upload in uploads:
        try:
            checked.append(
                (
                    upload,
                    upload_checks.check(
                        upload,
                        name=upload.name,
                        size=upload.size,
                        max_bytes=max_upload_bytes(),
                        allowed=allowed_upload_kinds(),
                    ),
                )
            )
        except upload_checks.RejectedUpload as exc:
            errors.setdefault("uploads", []).append(f"{upload.name}：{exc}")
    return checked


class Locked(Exception):
    """Too many attempts: from this address or for this code (tracking), or this person (submitting)."""

    def __init__(self, until: dt.datetime):
        super().__init__("locked")
        self.until = until


def _submission_limits(ip: str, id_number: str, phone: str) -> list[tuple[str, str]]:
    return [("submit_ip", ip), ("submit_identity", f"id:{id_number}"), ("submit_identity", f"phone:{phone}")]


@transaction.atomic
def online_submission_register(
    *,
    name: str,
    id_number: str,
    phone: str,
    address: str,
    title: str,
    content: str,
    demands: str,
    township: Organisation | None,
    place: str,
    uploads=(),
    client_ip: str = "",
    credentials: Credentials | None = None,
) -> tuple[OnlineAccess, Credentials]:
    """Register what a citizen filed on the portal as an online submission at the petition bureau,
    and issue its query code and password (returned once; only the password's hash is kept).

    `credentials` is for the demo loader only, which prints known ones; citizens always get new
    random ones."""
    # Limits per address and per person (ID number, phone), counted with the registration itself.
    limits = _submission_limits(client_ip, id_number, phone)
    for scope, value in limits:
        until = throttle.locked_until(scope, value)
        if until is not None:
            raise Locked(until)
    errors: dict[str, list[str]] = {}
    if not (id_number or "").strip():
        errors["id_number"] = ["请填写身份证号码"]
    if not (phone or "").strip():
        errors["phone"] = ["请填写手机号码，查询码会发送到这个号码"]
    if township is not None and (township.kind != Organisation.Kind.TOWNSHIP or not township.is_active):
        errors["township"] = ["请从列表中选择乡镇（街道）"]
    checked = check_portal_uploads(list(uploads), errors)
    place_text = "".join(p for p in ((township.name if township else ""), (place or "").strip()) if p)
    try:
        submission = submission_register(
            actor=None,
            by_petitioner_online=True,
            channel=Channel.ONLINE,
            received_at=timezone.now(),
            receiving_org=receiving_bureau(),
            petitioners=[PetitionerEntry(name=name, id_number=id_number, phone=phone, address=address)],
            title=title,
            content=content,
            demands=demands,
            # The township goes into the place only: the bureau decides who is concerned when it routes,
            # so a complaint about a township's own staff is never shown to that township (Art 30).
            concerned_org=None,
            place=place_text,
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            # The petitions service names the one person's fields "petitioners.0.<field>".
            errors.setdefault(field.removeprefix("petitioners.0."), []).extend(messages)
    if errors:
        raise ValidationError(errors)
    matter = submission.matter
    for upload, result in checked:
        attachment_add(
            actor=None,
            by_petitioner_online=True,
            matter=matter,
            submission=submission,
            upload=upload,
            checked=result,
        )
    for scope, value in limits:
        throttle.hit(scope, value)
    credentials = credentials or Credentials(query_code=_new_code(), password=_new_password())
    access = OnlineAccess.objects.create(
        matter=matter,
        submission=submission,
        query_code=credentials.query_code,
        password_hash=make_password(credentials.password),
    )
    # Queued in this transaction (a rollback leaves no message behind); the notification service
    # sends it once the registration has committed, and keeps the password out of what staff read.
    credentials_sms_send(
        phone=phone_lib.normalize(phone),
        matter=matter,
        query_code=credentials.query_code,
        password=credentials.password,
    )
    return access, credentials


def _new_password() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PASSWORD_LENGTH))


# ---- tracking: the code and password open one matter for a while ----------------------------------


@cache
def _dummy_hash() -> str:
    return make_password(secrets.token_urlsafe(16))


def access_verify(*, query_code: str, password: str, client_ip: str) -> OnlineAccess | None:
    """The access the code and password open, or None. Raises Locked while a lock holds.

    An unknown code costs the same password hashing as a known one, so the answer and its timing do
    not tell a guesser which codes exist."""
    code = normalise_code(query_code)
    for scope, value in (("track_ip", client_ip), ("track_code", code)):
        until = throttle.locked_until(scope, value)
        if until is not None:
            raise Locked(until)
    access = OnlineAccess.objects.filter(query_code=code).select_related("matter").first() if code else None
    encoded = access.password_hash if access is not None else _dummy_hash()
    ok = check_password((password or "").strip(), encoded) and access is not None
    if ok:
        throttle.clear("track_code", code)
        OnlineAccess.objects.filter(pk=access.pk).update(last_used_at=timezone.now())
        return access
    locks = [throttle.hit("track_ip", client_ip), throttle.hit("track_code", code)]
    until = max((u for u in locks if u is not None), default=None)
    if until is not None:
        raise Locked(until)
    return None


# ---- rating and review: only the holder of the code, within the windows --------------------------


def latest_reply(matter: Matter) -> Reply | None:
    return matter.replies.order_by("-replied_at", "-pk").first()


def rating_window_end(matter: Matter, reply: Reply | None) -> dt.date | None:
    """The last day the petitioner may rate (or change the rating of) this answer online: the day
    their window to challenge it ends (Art 35, 36); a recheck opinion is final, rated within 30 days."""
    if reply is None:
        return None
    if reply.stage == Reply.Stage.HANDLING:
        return matter.review_request_due_on
    if reply.stage == Reply.Stage.REVIEW:
        return matter.recheck_request_due_on
    served = reply.served_on or timezone.localtime(reply.replied_at).date()
    return served + dt.timedelta(days=30)


def can_rate(matter: Matter, *, today: dt.date | None = None) -> bool:
    reply = latest_reply(matter)
    end = rating_window_end(matter, reply)
    today = today or timezone.localdate()
    return matter.status in RATABLE and reply is not None and (end is None or today <= end)


@transaction.atomic
def petitioner_rate(*, access: OnlineAccess, value: str, comment: str = "") -> Rating:
    matter = Matter.objects.select_for_update().get(pk=access.matter_id)
    if not can_rate(matter):
        raise ValidationError({"value": ["评价期限已过，不能再评价或修改评价"]})
    return matter_rate(actor=None, matter=matter, value=value, comment=comment, by_petitioner_online=True)


def request_stage(matter: Matter) -> str | None:
    """Which request the petitioner may make now: review after the reply, recheck after the review."""
    return {Matter.Status.REPLIED: "review", Matter.Status.REVIEWED: "recheck"}.get(matter.status)


@transaction.atomic
def petitioner_reconsideration_request(*, access: OnlineAccess, stage: str, reason: str = ""):
    matter = Matter.objects.select_for_update().get(pk=access.matter_id)
    if request_stage(matter) != stage:
        raise PermissionDenied("当前不能提出该申请")
    if len((reason or "").strip()) > 2000:
        raise ValidationError({"reason": ["理由不能超过 2000 个字"]})
    return reconsideration_request(
        actor=None, matter=matter, stage=stage, reason=reason, by_petitioner_online=True
    )
