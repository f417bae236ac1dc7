from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record
from minsheng.lib import crypto, idnumber, phone

from .. import matching
from ..models import Petitioner
from ..permissions import can_reveal_personal_data
from ..selectors import petitioner_get

REVEALABLE_FIELDS = {"id_number": "id_number_encrypted", "phone": "phone_encrypted"}


def clean_petitioner_fields(
    *, name: str, id_number: str, phone_number: str, address: str, region_code: str
) -> tuple[dict, dict]:
    """Return (cleaned values, errors by field) for a new petitioner; shared by intake and imports."""
    errors: dict[str, list[str]] = {}
    cleaned = {"name": (name or "").strip(), "address": (address or "").strip(), "region_code": ""}
    if not cleaned["name"]:
        errors["name"] = ["请填写信访人姓名"]
    elif len(cleaned["name"]) > 50:
        errors["name"] = ["姓名不能超过 50 个字"]
    cleaned["id_number"] = ""
    if (id_number or "").strip():
        try:
            cleaned["id_number"] = idnumber.validate(id_number)
        except idnumber.InvalidIdNumber as exc:
            errors["id_number"] = [str(exc)]
    cleaned["phone"] = ""
    if (phone_number or "").strip():
        try:
            cleaned["phone"] = phone.validate(phone_number)
        except phone.InvalidPhone as exc:
            errors["phone"] = [str(exc)]
    region_code = (region_code or "").strip()
    if region_code and not (region_code.isdigit() and len(region_code) in (6, 9, 12)):
        errors["region_code"] = ["行政区划代码应为 6、9 或 12 位数字"]
    cleaned["region_code"] = region_code or cleaned["id_number"][:6]
    if len(cleaned["address"]) > 200:
        errors["address"] = ["住址不能超过 200 个字"]
    return cleaned, errors


def _new_petitioner(*, actor, cleaned: dict) -> Petitioner:
    return Petitioner.objects.create(
        name=cleaned["name"],
        id_number_encrypted=crypto.encrypt(cleaned["id_number"]),
        id_number_hash=crypto.lookup_hash(cleaned["id_number"]),
        phone_encrypted=crypto.encrypt(cleaned["phone"]),
        phone_hash=crypto.lookup_hash(cleaned["phone"]),
        address=cleaned["address"],
        region_code=cleaned["region_code"],
        created_by=actor if getattr(actor, "pk", None) else None,
        **matching.match_keys(name=cleaned["name"], address=cleaned["address"]),
    )


@transaction.atomic
def petitioner_create(
    *, actor, name: str, id_number: str = "", phone_number: str = "", address: str = "", region_code: str = ""
) -> Petitioner:
    cleaned, errors = clean_petitioner_fields(
        name=name, id_number=id_number, phone_number=phone_number, address=address, region_code=region_code
    )
    if (
        cleaned["id_number"]
        and Petitioner.objects.filter(id_number_hash=crypto.lookup_hash(cleaned["id_number"])).exists()
    ):
        errors.setdefault("id_number", []).append("该身份证号码的信访人已存在，请直接选择")
    if errors:
        raise ValidationError(errors)
    return _new_petitioner(actor=actor, cleaned=cleaned)


def petitioner_find_or_create(*, actor, cleaned: dict) -> Petitioner:
    """Someone typed a person we may already know: an ID number is the identity, so reuse it; without
    one, the same name at the same phone number is the same person (a family may share a phone, not a
    name), as the intake check assumes when it says 同一信访人."""
    if cleaned["id_number"]:
        existing = Petitioner.objects.filter(id_number_hash=crypto.lookup_hash(cleaned["id_number"])).first()
        if existing is not None:
            return existing
    elif cleaned["phone"]:
        existing = (
            Petitioner.objects.filter(
                phone_hash=crypto.lookup_hash(cleaned["phone"]),
                name_key=matching.normalize_name(cleaned["name"]),
            )
            .order_by("pk")
            .first()
        )
        if existing is not None:
            return existing
    return _new_petitioner(actor=actor, cleaned=cleaned)


@transaction.atomic
def petitioner_reveal(*, actor, petitioner: Petitioner, field: str, request=None) -> str:
    """Return the full ID or phone number, for roles that need it, and log who looked."""
    if field not in REVEALABLE_FIELDS:
        raise ValidationError({"field": ["只能查看身份证号码或电话号码"]})
    if not can_reveal_personal_data(actor):
        raise PermissionDenied("您的角色无权查看完整的个人信息")
    try:
        petitioner_get(user=actor, pk=petitioner.pk)
    except Petitioner.DoesNotExist as exc:
        raise PermissionDenied("您无权查看该信访人的信息") from exc
    value = crypto.decrypt(getattr(petitioner, REVEALABLE_FIELDS[field]))
    audit_record(
        action=AuditEntry.Action.PERSONAL_DATA_VIEW,
        actor=actor,
        obj=petitioner,
        detail={"field": field},
        request=request,
    )
    return value


@transaction.atomic
def petitioners_rotate_keys(*, batch_size: int = 500) -> int:
    """Re-encrypt every stored value under the newest key and recompute lookup hashes.

    Runs in one transaction: either every row moves to the new key or none does, so removing the
    old key afterwards can never strand a value.
    """
    changed = 0
    people = Petitioner.objects.exclude(id_number_encrypted="", phone_encrypted="")
    for person in people.order_by("pk").iterator(chunk_size=batch_size):
        id_plain = crypto.decrypt(person.id_number_encrypted)
        phone_plain = crypto.decrypt(person.phone_encrypted)
        person.id_number_encrypted = crypto.rotate(person.id_number_encrypted)
        person.phone_encrypted = crypto.rotate(person.phone_encrypted)
        person.id_number_hash = crypto.lookup_hash(id_plain)
        person.phone_hash = crypto.lookup_hash(phone_plain)
        person.save(update_fields=["id_number_encrypted", "phone_encrypted", "id_number_hash", "phone_hash"])
        changed += 1
    audit_record(action=AuditEntry.Action.KEY_ROTATION, detail={"petitioners": changed})
    return changed


def petitioners_refresh_match_keys(*, batch_size: int = 1000) -> int:
    """Recompute every petitioner's matching keys from name and address; return how many changed.

    For rows from before the keys existed, and after a change to petitions.matching or an upgrade of
    the pinyin data. Each batch commits on its own: the keys are derived values, so a run that stops
    half-way leaves nothing inconsistent and the next run finishes it.
    """
    changed = 0
    fields = ["pk", "name", "address", *matching.MATCH_KEY_FIELDS]
    batch: list[Petitioner] = []
    for person in Petitioner.objects.only(*fields).order_by("pk").iterator(chunk_size=batch_size):
        keys = matching.match_keys(name=person.name, address=person.address)
        if any(getattr(person, f) != v for f, v in keys.items()):
            for f, v in keys.items():
                setattr(person, f, v)
            batch.append(person)
        if len(batch) >= batch_size:
            changed += _save_match_keys(batch)
            batch = []
    return changed + _save_match_keys(batch)


def _save_match_keys(people: list[Petitioner]) -> int:
    if people:
        with transaction.atomic():
            Petitioner.objects.bulk_update(people, list(matching.MATCH_KEY_FIELDS))
    return len(people)
