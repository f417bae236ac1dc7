"""Notices as official documents for minsheng.documents to render."""

from minsheng.documents.render import OfficialDocument

from .models import Notice


def notice_as_document(notice: Notice) -> OfficialDocument:
    return OfficialDocument(
        kind=notice.kind,
        title=notice.title,
        number=notice.number,
        addressee=notice.addressee,
        paragraphs=list(notice.paragraphs),
        issuer=notice.issuer.name,
        date=notice.issued_on,
        fields=[tuple(f) for f in notice.fields],
    )
