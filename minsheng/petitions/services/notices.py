"""Written notices and forms issued on a matter. Stored as data; minsheng.documents renders them."""

import datetime as dt

from django.utils import timezone

from minsheng.accounts.models import Organisation

from ..models import Matter, MatterNumberSequence, Notice, Petitioner

NOTICE_TITLES = {
    "acceptance_notice": "信访事项受理告知书",
    "rejection_notice": "信访事项不予受理告知书",
    "transfer_form": "信访事项转送单",
    "assignment_form": "信访事项交办单",
    "extension_notice": "信访事项延期办理告知书",
    "reply_opinion": "信访事项处理意见书",
    "review_opinion": "信访事项复查意见书",
    "recheck_opinion": "信访事项复核意见书",
    "diversion_notice": "依法分类处理告知书",
    "level_skipping_notice": "信访事项告知书（越级信访）",
    "final_rejection_notice": "不予受理告知书（已终结事项）",
}


def _document_number(issuer: Organisation, year: int) -> str:
    # Documents are numbered per issuing unit and year, apart from matter numbers.
    prefix = issuer.matter_number_prefix[:11] + "文"
    MatterNumberSequence.objects.get_or_create(prefix=prefix, year=year)
    sequence = MatterNumberSequence.objects.select_for_update().get(prefix=prefix, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"{issuer.matter_number_prefix}〔{year}〕{sequence.last_value}号"


def petitioner_names(matter: Matter) -> str:
    names = list(
        Petitioner.objects.filter(submissions__matter=matter)
        .distinct()
        .order_by("pk")
        .values_list("name", flat=True)
    )
    return "、".join(names) or "信访人"


def notice_issue(
    *,
    matter: Matter,
    kind: str,
    actor,
    issuer: Organisation,
    issued_on: dt.date,
    paragraphs: list[str],
    fields: list[tuple[str, str]] = (),
    addressee: str = "",
) -> Notice:
    """Prepare a notice inside the step that requires it; the step's transaction covers both."""
    return Notice.objects.create(
        matter=matter,
        kind=kind,
        title=NOTICE_TITLES[kind],
        number=_document_number(issuer, issued_on.year),
        addressee=addressee or petitioner_names(matter),
        paragraphs=[p for p in paragraphs if p],
        fields=[list(f) for f in fields],
        issuer=issuer,
        issued_on=issued_on,
        actor=actor if getattr(actor, "pk", None) else None,
    )


def matter_fields(matter: Matter) -> list[tuple[str, str]]:
    return [
        ("信访事项编号", matter.number),
        ("信访人", petitioner_names(matter)),
        ("收到日期", cn_date(timezone.localtime(matter.received_at).date())),
        ("事项标题", matter.title),
    ]


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
