from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record
from minsheng.lib import uploads as upload_checks

from ..models import Attachment, Matter, MatterEvent, Submission
from ..selectors import matters_visible_to
from .events import matter_event_record


def check_upload(upload) -> upload_checks.CheckedUpload:
    return upload_checks.check(
        upload,
        name=upload.name,
        size=upload.size,
        max_bytes=settings.ATTACHMENT_MAX_BYTES,
        allowed=settings.ATTACHMENT_ALLOWED_TYPES,
    )


def check_uploads(uploads: Sequence, errors: dict) -> list:
    """Check every file before anything is written, adding messages to `errors` under "uploads"."""
    checked = []
    for upload in uploads:
        try:
            checked.append((upload, check_upload(upload)))
        except upload_checks.RejectedUpload as exc:
            errors.setdefault("uploads", []).append(f"{upload.name}：{exc}")
    return checked


@transaction.atomic
def attachment_add(
    *,
    actor,
    matter: Matter,
    upload,
    submission: Submission | None = None,
    checked: upload_checks.CheckedUpload | None = None,
    by_petitioner_online: bool = False,
) -> Attachment:
    """Store one checked file on a matter. `by_petitioner_online`: the petitioner's own file from the
    public portal (minsheng.portal), sent with their online submission; there is no staff `actor`."""
    if by_petitioner_online:
        if actor is not None:
            raise PermissionDenied("网上信访的附件只能由信访人本人提交")
    elif actor is None or not matters_visible_to(user=actor).filter(pk=matter.pk).exists():
        raise PermissionDenied("您无权向该信访事项上传附件")
    if checked is None:
        try:
            checked = check_upload(upload)
        except upload_checks.RejectedUpload as exc:
            raise ValidationError({"file": [str(exc)]}) from exc
    attachment = Attachment(
        matter=matter,
        submission=submission,
        original_name=upload.name[:200],
        content_type=checked.content_type,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.save()
        matter_event_record(
            matter=matter,
            kind=MatterEvent.Kind.ATTACHMENT_ADDED,
            actor=actor,
            note=("信访人网上上传：" if by_petitioner_online else "") + attachment.original_name,
            data={"attachment": attachment.pk, "size": attachment.size},
        )
    except BaseException:
        # The row is rolled back with the transaction; the file must not stay behind as an orphan.
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def attachment_open(*, actor, attachment: Attachment, request=None):
    """Open an attachment's file for reading and log the download (the caller found it visible)."""
    handle = attachment.file.open("rb")
    audit_record(action=AuditEntry.Action.ATTACHMENT_DOWNLOAD, actor=actor, obj=attachment, request=request)
    return handle
