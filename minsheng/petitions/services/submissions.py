"""Registering submissions (登记): the first creates a matter, later ones attach to it."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.search.indexing import matters_reindex
from minsheng.similarity.check import submission_rule_match
from minsheng.similarity.services import match_decision_record

from ..models import (
    GROUP_VISIT_MAX_REPRESENTATIVES,
    GROUP_VISIT_MIN_PEOPLE,
    Category,
    Channel,
    Matter,
    MatterEvent,
    Nature,
    Petitioner,
    Submission,
    SubmissionPetitioner,
)
from ..permissions import can_register
from ..selectors import matters_visible_to
from .attachments import attachment_add, check_uploads
from .events import matter_event_record
from .intake_rules import rule_notice_issue, submission_rule_for
from .numbering import sequence_next
from .petitioners import clean_petitioner_fields, petitioner_find_or_create
from .steps import deadline

EARLIEST_RECEIVED_AT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
CLOCK_SKEW = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class PetitionerEntry:
    """One petitioner on a submission: an existing person by id, or a new one by their details."""

    petitioner_id: int | None = None
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    region_code: str = ""
    is_representative: bool = False


def _check_fields(
    *,
    actor,
    channel,
    received_at,
    receiving_org,
    petitioners,
    head_count,
    title,
    content,
    demands,
    concerned_org,
    place,
    category,
    nature,
    matter,
) -> tuple[dict, list]:
    errors: dict[str, list[str]] = {}

    def error(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if channel not in Channel.values:
        error("channel", "请选择信访渠道")
    if nature not in Nature.values:
        error("nature", "请选择信访事项性质")
    if received_at is None:
        error("received_at", "请填写收到时间")
    elif received_at > timezone.now() + CLOCK_SKEW:
        error("received_at", "收到时间不能晚于现在")
    elif received_at < EARLIEST_RECEIVED_AT:
        error("received_at", "收到时间不能早于 2000 年")
    if receiving_org is None:
        error("receiving_org", "请选择登记单位")
    elif not receiving_org.is_active:
        error("receiving_org", "该单位已停用")
    elif actor is not None and not organisations_in_scope(user=actor).filter(pk=receiving_org.pk).exists():
        error("receiving_org", "只能以本单位或下级单位的名义登记")
    if not (title or "").strip():
        error("title", "请填写标题")
    elif len(title.strip()) > 200:
        error("title", "标题不能超过 200 个字")
    if not (content or "").strip():
        error("content", "请填写信访内容")
    if len(demands or "") > 5000:
        error("demands", "诉求不能超过 5000 个字")
    if len(place or "") > 200:
        error("place", "问题发生地不能超过 200 个字")
    if category is not None and not category.is_active:
        error("category", "该分类已停用")
    if concerned_org is not None and not concerned_org.is_active:
        error("concerned_org", "该单位已停用")
    if matter is not None and not matters_visible_to(user=actor).filter(pk=matter.pk).exists():
        error("matter", "找不到该信访事项，或您无权查看")

    # Anonymous accusations (匿名举报) are lawful and must be registered; every other matter has a person.
    if not petitioners and nature != Nature.ACCUSATION:
        error("petitioners", "请至少填写一名信访人")
    cleaned_people = []
    seen_ids: set = set()
    for index, entry in enumerate(petitioners):
        if entry.petitioner_id is not None:
            if entry.petitioner_id in seen_ids:
                error("petitioners", "同一信访人不能重复添加")
            seen_ids.add(entry.petitioner_id)
            cleaned_people.append((entry, None))
            continue
        cleaned, row_errors = clean_petitioner_fields(
            name=entry.name,
            id_number=entry.id_number,
            phone_number=entry.phone,
            address=entry.address,
            region_code=entry.region_code,
        )
        for field, messages in row_errors.items():
            for message in messages:
                error(f"petitioners.{index}.{field}", message)
        if cleaned.get("id_number"):
            if cleaned["id_number"] in seen_ids:
                error(f"petitioners.{index}.id_number", "同一信访人不能重复添加")
            seen_ids.add(cleaned["id_number"])
        cleaned_people.append((entry, cleaned))

    if channel == Channel.VISIT:
        if not isinstance(head_count, int) or head_count < 1:
            error("head_count", "来访人数至少为 1")
        elif head_count > 10000:
            error("head_count", "来访人数不合理")
        elif head_count < len(petitioners):
            error("head_count", f"来访人数不能少于登记的信访人数（{len(petitioners)} 人）")
        elif head_count >= GROUP_VISIT_MIN_PEOPLE:
            representatives = sum(1 for entry in petitioners if entry.is_representative)
            if representatives == 0:
                error("petitioners", "集体访（5 人以上）应推选代表，请勾选代表")
            elif representatives > GROUP_VISIT_MAX_REPRESENTATIVES:
                error("petitioners", "集体访推选的代表不得超过 5 人（《信访工作条例》第二十条）")
    return errors, cleaned_people


def _resolve_petitioners(*, actor, cleaned_people) -> list[tuple[Petitioner, bool]]:
    existing_ids = [entry.petitioner_id for entry, cleaned in cleaned_people if cleaned is None]
    existing = Petitioner.objects.in_bulk(existing_ids)
    missing = set(existing_ids) - set(existing)
    if missing:
        raise ValidationError({"petitioners": ["所选信访人不存在，请重新查找"]})
    resolved = []
    for entry, cleaned in cleaned_people:
        person = (
            existing[entry.petitioner_id]
            if cleaned is None
            else petitioner_find_or_create(actor=actor, cleaned=cleaned)
        )
        resolved.append((person, entry.is_representative))
    # A person picked from the candidates and the same person typed in again by ID number only meet
    # here, once both are resolved.
    pks = [person.pk for person, _ in resolved]
    if len(pks) != len(set(pks)):
        raise ValidationError({"petitioners": ["同一信访人不能重复添加"]})
    return resolved


def matter_number_allocate(*, organisation: Organisation, year: int) -> tuple[str, int]:
    """Take the next number of a receiving unit's year, e.g. 怀信〔2026〕00123; the row lock serialises."""
    prefix = organisation.matter_number_prefix
    return prefix, sequence_next(prefix=prefix, year=year)


def format_matter_number(prefix: str, year: int, seq: int) -> str:
    return f"{prefix}〔{year}〕{seq:05d}"


def _initial_deadlines(*, receiving_org: Organisation, received_at: dt.datetime) -> dict:
    # Art 22: the bureau routes within 15 days of receipt; Art 23: a unit that receives a matter
    # directly tells the petitioner within 15 days whether it accepts.
    received_on = timezone.localtime(received_at).date()
    if receiving_org.kind == Organisation.Kind.PETITION_BUREAU:
        route = deadline("route", received_on)
        return {
            "route_due_on": route.due,
            "due_on": route.due,
            "due_kind": "route",
            "deadline_uncertain": route.uncertain,
        }
    accept = deadline("accept_notice", received_on)
    return {
        "accept_due_on": accept.due,
        "due_on": accept.due,
        "due_kind": "accept",
        "deadline_uncertain": accept.uncertain,
    }


def matter_open(
    *, actor, submission_fields: dict, source: str = Matter.Source.INTAKE, external_id: str = ""
) -> Matter:
    """Create the matter a first submission opens. Only for use inside a registering service."""
    receiving_org = submission_fields["receiving_org"]
    received_at = submission_fields["received_at"]
    year = timezone.localtime(received_at).year
    prefix, seq = matter_number_allocate(organisation=receiving_org, year=year)
    return Matter.objects.create(
        number=format_matter_number(prefix, year, seq),
        number_prefix=prefix,
        number_year=year,
        number_seq=seq,
        title=submission_fields["title"],
        content=submission_fields["content"],
        demands=submission_fields["demands"],
        category=submission_fields["category"],
        nature=submission_fields["nature"],
        first_channel=submission_fields["channel"],
        receiving_org=receiving_org,
        concerned_org=submission_fields["concerned_org"],
        place=submission_fields["place"],
        received_at=received_at,
        registered_by=actor if getattr(actor, "pk", None) else None,
        source=source,
        external_id=external_id,
        **(
            _initial_deadlines(receiving_org=receiving_org, received_at=received_at)
            if source == Matter.Source.INTAKE
            else {}
        ),
    )


@transaction.atomic
def submission_register(
    *,
    actor,
    channel: str,
    received_at: dt.datetime | None,
    receiving_org: Organisation | None,
    petitioners: Sequence[PetitionerEntry],
    title: str,
    content: str,
    demands: str = "",
    head_count: int = 1,
    concerned_org: Organisation | None = None,
    place: str = "",
    category: Category | None = None,
    nature: str = Nature.CLAIM,
    matter: Matter | None = None,
    uploads: Sequence = (),
    shown_candidates: Sequence[dict] | None = None,
    confirmed_new: bool = False,
    by_petitioner_online: bool = False,
) -> Submission:
    """Register one contact. Without `matter` it opens a new matter; with it, it attaches.

    Without `matter`, the same petitioners' matters are checked first: when the submission is the same
    as one of them and a rule of the Regulation applies (a finished matter, a matter skipped up a level),
    it is attached there under that rule — unless the registrar saw that match and `confirmed_new`.
    `shown_candidates` ([{"matter": id, "score": s}, …] as the intake check showed them) records the
    registrar's choice for measuring the matcher.

    `by_petitioner_online` is the public portal's path (minsheng.portal): the petitioner files a new
    matter themself, so there is no staff `actor` (None), the channel is online and nothing is attached
    to an existing matter; the staff see it in their lists and attach it there if it is a repeat. Its
    files are stored by the portal in the same transaction (attachment_add checks a staff uploader).

    Raises ValidationError with messages by field (new petitioners' fields as
    "petitioners.<index>.<field>") and PermissionDenied; nothing is saved unless everything is valid.
    """
    if by_petitioner_online:
        if actor is not None or channel != Channel.ONLINE or matter is not None or uploads:
            raise PermissionDenied("网上信访只能由信访人本人提交新的信访事项")
        confirmed_new = True
    elif actor is None or not can_register(actor):
        raise PermissionDenied("只有登记员、督办员或管理员可以登记信访件")
    if channel != Channel.VISIT:
        head_count = 1
    if received_at is not None and timezone.is_naive(received_at):
        # A time without an offset is a time on the bureau's clock (Asia/Shanghai).
        received_at = timezone.make_aware(received_at)
    errors, cleaned_people = _check_fields(
        actor=actor,
        channel=channel,
        received_at=received_at,
        receiving_org=receiving_org,
        petitioners=petitioners,
        head_count=head_count,
        title=title,
        content=content,
        demands=demands,
        concerned_org=concerned_org,
        place=place,
        category=category,
        nature=nature,
        matter=matter,
    )
    checked_uploads = check_uploads(uploads, errors)
    if errors:
        raise ValidationError(errors)

    fields = {
        "channel": channel,
        "received_at": received_at,
        "receiving_org": receiving_org,
        "title": title.strip(),
        "content": content.strip(),
        "demands": (demands or "").strip(),
        "concerned_org": concerned_org,
        "place": (place or "").strip(),
        "category": category,
        "nature": nature,
    }
    people = _resolve_petitioners(actor=actor, cleaned_people=cleaned_people)
    if matter is None and not confirmed_new:
        match = submission_rule_match(
            user=actor,
            title=fields["title"],
            content=fields["content"],
            demands=fields["demands"],
            petitioner_ids=[person.pk for person, _ in people],
            receiving_org=receiving_org,
        )
        matter = match.candidate.matter if match else None
    is_new_matter = matter is None
    if is_new_matter:
        matter = matter_open(actor=actor, submission_fields=fields)
        is_repeat = False
    else:
        matter = Matter.objects.select_for_update().get(pk=matter.pk)
        earlier = set(
            SubmissionPetitioner.objects.filter(submission__matter=matter).values_list(
                "petitioner_id", flat=True
            )
        )
        is_repeat = any(person.pk in earlier for person, _ in people)
    rule = (
        ""
        if is_new_matter
        else submission_rule_for(matter=matter, receiving_org=receiving_org, today=timezone.localdate())
    )

    submission = Submission.objects.create(
        matter=matter,
        head_count=head_count,
        is_repeat=is_repeat,
        rule=rule,
        registered_by=actor if getattr(actor, "pk", None) else None,
        **fields,
    )
    SubmissionPetitioner.objects.bulk_create(
        SubmissionPetitioner(submission=submission, petitioner=person, is_representative=rep)
        for person, rep in people
    )
    names = "、".join(person.name for person, _ in people) or "匿名"
    if is_new_matter:
        matter_event_record(
            matter=matter,
            kind=MatterEvent.Kind.REGISTERED,
            actor=actor,
            to_status=matter.status,
            note=f"{submission.get_channel_display()}登记，信访人：{names}",
            data={"submission": submission.pk, "channel": channel, "head_count": head_count},
        )
    else:
        note = "重复信访" if is_repeat else "其他信访人就同一事项信访"
        if rule:
            note = f"{note}；{submission.get_rule_display()}，已制作告知书"
            rule_notice_issue(matter=matter, submission=submission, actor=actor)
        matter_event_record(
            matter=matter,
            kind=MatterEvent.Kind.SUBMISSION_ATTACHED,
            actor=actor,
            note=f"{note}（{submission.get_channel_display()}），信访人：{names}",
            data={
                "submission": submission.pk,
                "channel": channel,
                "head_count": head_count,
                "repeat": is_repeat,
                "rule": rule,
            },
        )
    for upload, checked in checked_uploads:
        attachment_add(actor=actor, matter=matter, upload=upload, submission=submission, checked=checked)
    if shown_candidates is not None:
        match_decision_record(submission=submission, candidates=shown_candidates, actor=actor)
    # In this transaction: a matter is searchable the moment its registration commits.
    matters_reindex(matter_ids=[matter.pk])
    return submission
