"""The proposer's phone and address, and the proposal's attachments: revealed only to those who may
see them, each look logged."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record

from ..models import Attachment, Proposal


@transaction.atomic
def proposal_contact_reveal(*, actor, proposal: Proposal, request=None) -> dict[str, str]:
    """{"phone": …, "address": …} for the proposer, the office and the units currently assigned.
    Anyone but the proposer is written to the audit log (网络安全法 Art 21)."""
    from ..selectors import sees_personal_data  # selectors import services' pure checks

    if not sees_personal_data(user=actor, proposal=proposal):
        raise PermissionDenied(_("您无权查看提案人的联系方式"))
    if proposal.proposer_id != actor.pk:
        audit_record(
            action=AuditEntry.Action.PERSONAL_DATA_VIEW,
            actor=actor,
            obj=proposal,
            detail={"field": "phone,address"},
            request=request,
        )
    return {"phone": proposal.phone, "address": proposal.address}


@transaction.atomic
def proposal_attachment_open(*, actor, attachment: Attachment, request=None):
    """Open an attachment for reading and log the download; the caller found the proposal visible."""
    handle = attachment.file.open("rb")
    audit_record(action=AuditEntry.Action.ATTACHMENT_DOWNLOAD, actor=actor, obj=attachment, request=request)
    return handle
