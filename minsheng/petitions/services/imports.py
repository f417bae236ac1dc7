"""Historical messages with their official replies, imported as closed matters."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation
from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record
from minsheng.search.indexing import matters_reindex

from .. import matching
from ..importing import clean_text, parse_time
from ..models import Channel, Matter, MatterEvent, Nature, Petitioner, Reply, Submission, SubmissionPetitioner
from .events import matter_event_record
from .submissions import matter_open

EXTERNAL_ID_MAX = Matter._meta.get_field("external_id").max_length


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, 留言编号, reason)

    @property
    def skipped_count(self) -> int:
        return len(self.skipped)


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


@transaction.atomic
def messages_import(*, records: list[dict], organisation: Organisation, actor=None) -> ImportReport:
    """Import read records; rows already imported or incomplete are skipped with the reason."""
    report = ImportReport()
    imported_ids: list[int] = []
    known = set(Matter.objects.filter(source=Matter.Source.IMPORT).values_list("external_id", flat=True))
    petitioners: dict[str, Petitioner] = {}
    seen_in_file: set[str] = set()
    for record in records:
        line = record.get("_line", 0)
        external_id = clean_text(record.get("留言编号"))
        if not external_id:
            report.skipped.append((line, "", "缺少留言编号"))
            continue
        if len(external_id) > EXTERNAL_ID_MAX:
            report.skipped.append(
                (line, external_id[:20] + "…", f"留言编号过长（超过 {EXTERNAL_ID_MAX} 个字符）")
            )
            continue
        if external_id in known:
            reason = "文件中重复出现" if external_id in seen_in_file else "已导入过"
            report.skipped.append((line, external_id, reason))
            continue
        title = clean_text(record.get("留言主题"))[:200]
        content = clean_text(record.get("留言详情"))
        received = parse_time(record.get("留言时间"))
        if not title or not content:
            report.skipped.append((line, external_id, "留言主题或留言详情为空"))
            continue
        if received is None:
            report.skipped.append((line, external_id, f"留言时间无法识别：{record.get('留言时间')!r}"))
            continue
        reply_text = clean_text(record.get("答复意见"))
        replied = parse_time(record.get("答复时间")) if reply_text else None
        if reply_text and replied is None:
            report.skipped.append((line, external_id, f"答复时间无法识别：{record.get('答复时间')!r}"))
            continue
        user_name = clean_text(record.get("留言用户"))[:50] or "匿名网民"
        person = petitioners.get(user_name)
        if person is None:
            # Board users are pseudonyms: reuse only a person an earlier import created, never someone
            # registered at intake who happens to share the name.
            person = (
                Petitioner.objects.filter(
                    name=user_name,
                    id_number_hash__isnull=True,
                    phone_hash__isnull=True,
                    submissions__matter__source=Matter.Source.IMPORT,
                )
                .order_by("pk")
                .first()
            )
            if person is None:
                person = Petitioner.objects.create(
                    name=user_name, created_by=actor, **matching.match_keys(name=user_name)
                )
            petitioners[user_name] = person

        fields = {
            "channel": Channel.ONLINE,
            "received_at": _aware(received),
            "receiving_org": organisation,
            "title": title,
            "content": content,
            "demands": "",
            "concerned_org": None,
            "place": "",
            "category": None,
            "nature": Nature.CLAIM,
        }
        matter = matter_open(
            actor=actor, submission_fields=fields, source=Matter.Source.IMPORT, external_id=external_id
        )
        submission = Submission.objects.create(matter=matter, **fields)
        SubmissionPetitioner.objects.create(submission=submission, petitioner=person)
        matter_event_record(
            matter=matter,
            kind=MatterEvent.Kind.IMPORTED,
            actor=actor,
            at=fields["received_at"],
            to_status=Matter.Status.REGISTERED,
            note=f"历史留言导入（留言编号 {external_id}）",
        )
        if reply_text:
            Reply.objects.create(
                matter=matter,
                text=reply_text,
                replied_at=_aware(replied),
                organisation=organisation,
                author=actor,
            )
            matter.status = Matter.Status.CLOSED
            matter.save(update_fields=["status"])
            matter_event_record(
                matter=matter,
                kind=MatterEvent.Kind.REPLIED,
                actor=actor,
                at=_aware(replied),
                from_status=Matter.Status.REGISTERED,
                to_status=Matter.Status.CLOSED,
                note="历史答复",
            )
        known.add(external_id)
        seen_in_file.add(external_id)
        imported_ids.append(matter.pk)
        report.imported += 1
    matters_reindex(matter_ids=imported_ids)
    audit_record(
        action=AuditEntry.Action.IMPORT,
        actor=actor,
        object_type="petitions.matter",
        detail={
            "imported": report.imported,
            "skipped": report.skipped_count,
            "organisation": organisation.pk,
        },
    )
    return report
