"""Supervision notices as official documents for minsheng.documents to render."""

from minsheng.documents.render import DOCUMENT_KINDS, OfficialDocument

from .models import SupervisionNotice

# minsheng.documents names its kinds; until it knows 督办通知书 as a kind of its own, the notice is
# rendered as the nearest kind (an assignment form to a unit) under its own title, which is always given.
NOTICE_KIND = "supervision_notice" if "supervision_notice" in DOCUMENT_KINDS else "assignment_form"
NOTICE_TITLE = "督办通知书"


def notice_as_document(notice: SupervisionNotice) -> OfficialDocument:
    return OfficialDocument(
        kind=NOTICE_KIND,
        title=NOTICE_TITLE,
        number=notice.number,
        addressee=notice.addressee.name,
        paragraphs=list(notice.paragraphs),
        issuer=notice.issuer.name,
        date=notice.issued_on,
        fields=[tuple(f) for f in notice.fields],
    )


def notice_filename(notice: SupervisionNotice) -> str:
    return f"{NOTICE_TITLE}-{notice.number}.pdf"
