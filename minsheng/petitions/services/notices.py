"""Written notices and forms issued on a matter. Stored as data; minsheng.documents renders them."""

import datetime as dt

from django.utils import timezone

from minsheng.accounts.models import Organisation
from minsheng.documents.render import DOCUMENT_KINDS

from ..models import Matter, Notice, Petitioner
from .numbering import sequence_next


def _document_number(issuer: Organisation, year: int) -> str:
    # Documents are numbered per issuing unit and year, apart from matter numbers.
    seq = sequence_next(prefix=issuer.matter_number_prefix[:11] + "文", year=year)
    return f"{issuer.matter_number_prefix}〔{year}〕{seq}号"


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
        title=DOCUMENT_KINDS[kind],  # the rendering's own titles, so the two never disagree
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
