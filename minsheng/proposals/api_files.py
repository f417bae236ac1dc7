"""The proposals API's files: attachments (list, upload, download) and the two PDFs, the proposal form
and a unit's reply letter. Same router as api.py; the same checks and logs as the pages."""

import datetime as dt

from ninja import File, Schema, Status
from ninja.files import UploadedFile

from minsheng.petitions.schemas import ErrorOut

from . import services
from .api import ID, proposal_for, router
from .views_docs import attachment_response, form_pdf_response, reply_pdf_response

PDF = {200: None, 404: ErrorOut}


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    uploaded_at: dt.datetime


def attachment_out(attachment) -> dict:
    return {
        "id": attachment.pk,
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "uploaded_at": attachment.uploaded_at,
    }


@router.get(
    f"/proposals/{ID}/attachments", response={200: list[AttachmentOut], 404: ErrorOut}, summary="提案附件"
)
def list_attachments(request, proposal_id: int):
    return [attachment_out(a) for a in proposal_for(request.user, proposal_id).attachments.all()]


@router.post(
    f"/proposals/{ID}/attachments",
    response={201: AttachmentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="添加附件（提案人在审查前，或提案委）",
    description="multipart/form-data，字段名 file；按文件内容检查类型，大小上限见设置 ATTACHMENT_MAX_BYTES。",
)
def add_attachment(request, proposal_id: int, file: File[UploadedFile]):
    proposal = proposal_for(request.user, proposal_id)
    attachment = services.proposal_attachment_add(actor=request.user, proposal=proposal, upload=file)
    return Status(201, attachment_out(attachment))


@router.get(
    f"/proposals/{ID}/attachments/{{int:attachment_id}}",
    response=PDF,
    summary="下载附件（记入访问日志）",
)
def download_attachment(request, proposal_id: int, attachment_id: int):
    return attachment_response(request, proposal_for(request.user, proposal_id), attachment_id)


@router.get(
    f"/proposals/{ID}/form.pdf",
    response=PDF,
    summary="提案表（PDF）",
    description="无权查看联系方式的用户得到不含电话、地址的提案表；其他工作人员下载时记入访问日志。",
)
def proposal_form_pdf(request, proposal_id: int):
    return form_pdf_response(request, proposal_for(request.user, proposal_id))


@router.get(f"/proposals/{ID}/replies/{{int:reply_id}}.pdf", response=PDF, summary="答复函（PDF）")
def reply_letter_pdf(request, proposal_id: int, reply_id: int):
    return reply_pdf_response(request, proposal_for(request.user, proposal_id), reply_id)
