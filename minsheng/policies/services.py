"""Writing the library: importing a regulation, re-indexing edited articles, saving FAQs."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record

from .models import Faq, PolicyArticle, PolicyDocument
from .parsing import ParsedPolicy
from .text import fold


@dataclass
class ImportReport:
    document: PolicyDocument
    created: bool
    added: int
    updated: int
    unchanged: int
    removed: int


def _may_edit(actor) -> bool:
    return actor is None or (actor.is_active and actor.has_role("admin"))


def article_search_text(*, text: str) -> str:
    return fold(text)


@transaction.atomic
def policy_import(
    *,
    parsed: ParsedPolicy,
    actor=None,
    title: str | None = None,
    issuer: str | None = None,
    doc_number: str | None = None,
    issued_on: dt.date | None = None,
    effective_on: dt.date | None = None,
    kind: str | None = None,
    source: str | None = None,
    source_file: str = "",
) -> ImportReport:
    """Create or update the document titled `title` (default: the file's own title) with the parsed
    articles. Articles are matched by number: changed text is updated, articles no longer in the file
    are removed, so importing the same file twice changes nothing. `actor` None is the command line."""
    if not _may_edit(actor):
        raise PermissionDenied(_("只有管理员可以导入政策法规"))
    title = (title or parsed.title or "").strip()
    if not title:
        raise ValidationError({"title": [_("文件中没有标题，请用 --title 指定法规名称")]})
    if len(title) > PolicyDocument._meta.get_field("title").max_length:
        raise ValidationError({"title": [_("标题过长（最多 200 字）")]})
    if kind is not None and kind not in PolicyDocument.Kind.values:
        kinds = "、".join(PolicyDocument.Kind.values)
        raise ValidationError({"kind": [_("类别应为：%(kinds)s") % {"kinds": kinds}]})

    document = PolicyDocument.objects.select_for_update().filter(title=title).first()
    created = document is None
    if created:
        document = PolicyDocument(title=title)
    # What the command line says wins over what the file says; what neither says is left as it was.
    for name, given, from_file in (
        ("issuer", issuer, parsed.issuer),
        ("doc_number", doc_number, parsed.doc_number),
        ("issued_on", issued_on, parsed.issued_on),
        ("effective_on", effective_on, parsed.effective_on),
    ):
        value = given if given not in (None, "") else from_file
        if value not in (None, ""):
            setattr(document, name, value)
    if kind:
        document.kind = kind
    if source:
        document.source = source
    document.preamble = parsed.preamble
    document.source_file = source_file[:300]
    document.imported_at = timezone.now()
    document.updated_by = actor
    document.full_clean(validate_unique=False)
    document.save()

    existing = {article.number: article for article in document.articles.all()}
    added = updated = unchanged = 0
    for order, item in enumerate(parsed.articles, start=1):
        values = {
            "label": item.label,
            "chapter": item.chapter[:200],
            "section": item.section[:200],
            "text": item.text,
            "order": order,
            "search_text": article_search_text(text=item.text),
        }
        article = existing.pop(item.number, None)
        if article is None:
            PolicyArticle.objects.create(document=document, number=item.number, **values)
            added += 1
        elif any(getattr(article, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(article, name, value)
            article.save()
            updated += 1
        else:
            unchanged += 1
    removed = len(existing)
    if existing:
        PolicyArticle.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()

    audit_record(
        action=AuditEntry.Action.IMPORT,
        actor=actor,
        actor_label="" if actor else "manage.py import_policy",
        obj=document,
        detail={
            "kind": "policy",
            "title": title,
            "file": source_file,
            "created": created,
            "added": added,
            "updated": updated,
            "removed": removed,
        },
    )
    return ImportReport(document, created, added, updated, unchanged, removed)


@transaction.atomic
def policy_document_reindex(*, document: PolicyDocument) -> int:
    """Refresh the folded search text of a document's articles after they were edited by hand."""
    changed = 0
    for article in document.articles.all():
        search_text = article_search_text(text=article.text)
        if article.search_text != search_text:
            article.search_text = search_text
            article.save(update_fields=["search_text"])
            changed += 1
    return changed


@transaction.atomic
def faq_save(*, actor, faq: Faq) -> Faq:
    if not _may_edit(actor):
        raise PermissionDenied(_("只有管理员可以编辑常见问题"))
    faq.question, faq.answer = faq.question.strip(), faq.answer.strip()
    faq.full_clean()
    faq.save()
    return faq


@transaction.atomic
def faq_delete(*, actor, faq: Faq) -> None:
    if not _may_edit(actor):
        raise PermissionDenied(_("只有管理员可以编辑常见问题"))
    faq.delete()
