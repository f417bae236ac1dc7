"""Supervision through the API: the same services and selectors as the pages.

Supervisors, leaders and administrators see the items of their jurisdiction; a unit's staff see the
items whose notices are addressed to their unit (the same endpoints, scoped to them)."""

import datetime as dt
import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from minsheng.accounts.models import Organisation
from minsheng.documents.views import pdf_response
from minsheng.petitions.schemas import ErrorOut, OrganisationRef

from . import selectors, services
from .documents import notice_as_document, notice_filename
from .models import Level, SupervisionItem, SupervisionNotice
from .permissions import can_see_supervision

router = Router(tags=["督办"])
PAGE_SIZE = 25


class SubjectOut(Schema):
    type: str = Field(..., description="matter / instruction_task / meeting_task")
    id: int
    label: str = Field(..., description="事项编号、批示编号或会议决定")


class ItemOut(Schema):
    id: int
    category: str = Field(
        ..., description="matter_overdue / unsatisfied / instruction_overdue / meeting_task_overdue"
    )
    kind: str
    deadline_kind: str
    due_on: dt.date | None
    subject: SubjectOut
    organisation: OrganisationRef | None = Field(..., description="责任单位（督办通知书的主送单位）")
    level: str = Field(..., description="reminder / supervision / listed；空：未发通知")
    feedback_due_on: dt.date | None = Field(..., description="待反馈通知书的反馈期限")
    feedback_overdue: bool
    opened_on: dt.date
    closed_on: dt.date | None
    note: str


class FeedbackOut(Schema):
    id: int
    text: str
    submitted_on: dt.date
    days_late: int
    organisation: OrganisationRef


class NoticeOut(Schema):
    id: int
    number: str
    level: str
    addressee: OrganisationRef
    issuer: OrganisationRef
    issued_on: dt.date
    feedback_due_on: dt.date
    requirement: str
    status: str
    accepted_on: dt.date | None
    feedbacks: list[FeedbackOut]
    pdf: str


class EventOut(Schema):
    kind: str
    note: str
    actor_id: int | None
    at: dt.datetime


class ItemDetailOut(ItemOut):
    close_note: str
    notices: list[NoticeOut]
    history: list[EventOut] = Field(..., description="督办记录；主送单位的工作人员看不到")


class ItemListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[ItemOut]


class CountOut(Schema):
    key: str
    label: str
    count: int


class UnitCountOut(Schema):
    organisation_id: int | None
    name: str
    total: int
    feedback_overdue: int
    listed: int


class SummaryOut(Schema):
    total: int
    feedback_overdue: int
    by_level: list[CountOut]
    by_category: list[CountOut]
    by_unit: list[UnitCountOut]


class ItemQuery(Schema):
    category: SupervisionItem.Category | None = None
    level: str = Field("", description="reminder / supervision / listed / none（未发通知）")
    organisation_id: int | None = Field(None, description="责任单位（含下级）")
    feedback_overdue: bool = False
    page: int = Field(1, ge=1)


class NoticeIn(Schema):
    level: Level
    feedback_due_on: dt.date
    addressee_id: int | None = Field(None, description="主送单位，默认为责任单位")
    requirement: str = Field("", max_length=2000)


class EscalateIn(Schema):
    feedback_due_on: dt.date
    requirement: str = Field("", max_length=2000)


class FeedbackIn(Schema):
    text: str = Field(..., max_length=5000)


class NoteIn(Schema):
    note: str = Field("", max_length=2000)


def _subject(item: SupervisionItem) -> dict:
    if item.matter_id is not None:
        return {"type": "matter", "id": item.matter_id, "label": item.matter.number}
    if item.instruction_task_id is not None:
        task = item.instruction_task
        return {"type": "instruction_task", "id": task.pk, "label": task.instruction.number}
    task = item.meeting_task
    return {
        "type": "meeting_task",
        "id": task.pk,
        "label": f"{task.meeting.label}决定事项第 {task.position} 项",
    }


def _item_out(item: SupervisionItem, today: dt.date) -> dict:
    return {
        "id": item.pk,
        "category": item.category,
        "kind": item.kind,
        "deadline_kind": item.deadline_kind,
        "due_on": item.due_on,
        "subject": _subject(item),
        "organisation": item.organisation,
        "level": item.level,
        "feedback_due_on": item.feedback_due_on,
        "feedback_overdue": bool(item.feedback_due_on and item.feedback_due_on < today),
        "opened_on": item.opened_on,
        "closed_on": item.closed_on,
        "note": item.note,
    }


def _item(request, item_id: int) -> SupervisionItem:
    try:
        return selectors.item_get(user=request.user, pk=item_id)
    except SupervisionItem.DoesNotExist as exc:
        raise Http404 from exc


def _detail(request, item_id: int) -> dict:
    item = _item(request, item_id)
    feedbacks = list(selectors.notice_feedbacks(item=item))
    notices = [
        {
            "id": n.pk,
            "number": n.number,
            "level": n.level,
            "addressee": n.addressee,
            "issuer": n.issuer,
            "issued_on": n.issued_on,
            "feedback_due_on": n.feedback_due_on,
            "requirement": n.requirement,
            "status": n.status,
            "accepted_on": n.accepted_on,
            "feedbacks": [
                {
                    "id": f.pk,
                    "text": f.text,
                    "submitted_on": f.submitted_on,
                    "days_late": f.days_late,
                    "organisation": f.organisation,
                }
                for f in feedbacks
                if f.notice_id == n.pk
            ],
            "pdf": f"/api/v1/supervision/notices/{n.pk}/pdf",
        }
        for n in selectors.item_notices(item=item)
    ]
    supervises = selectors.items_supervised_by(user=request.user).filter(pk=item.pk).exists()
    return {
        **_item_out(item, timezone.localdate()),
        "close_note": item.close_note,
        "notices": notices,
        "history": list(selectors.item_history(item=item)) if supervises else [],
    }


@router.get(
    "/supervision/items",
    response={200: ItemListOut, 422: ErrorOut},
    summary="未办结的督办事项（反馈逾期的在前）",
    description="督办员、领导、管理员：辖区内的全部；承办单位的工作人员：主送本单位的。",
)
def list_items(request, query: Query[ItemQuery]):
    errors: dict[str, list[str]] = {}
    organisation = None
    if query.organisation_id is not None:
        organisation = Organisation.objects.filter(pk=query.organisation_id).first()
        if organisation is None:
            errors["organisation_id"] = [f"编号 {query.organisation_id} 不存在"]
    if query.level not in ("", selectors.NO_LEVEL, *Level.values):
        errors["level"] = ["取值无效，可选：reminder、supervision、listed、none"]
    if errors:
        raise ValidationError(errors)
    filters = selectors.ItemFilters(
        category=query.category or "",
        level=query.level,
        organisation=organisation,
        feedback_overdue=query.feedback_overdue,
    )
    if can_see_supervision(request.user):
        items = selectors.item_list(user=request.user, filters=filters)
    else:
        items = selectors.unit_item_list(user=request.user, filters=filters)
    count = items.count()
    today = timezone.localdate()
    chosen = items[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {
        "count": count,
        "page": query.page,
        "pages": math.ceil(count / PAGE_SIZE),
        "items": [_item_out(i, today) for i in chosen],
    }


@router.get(
    "/supervision/summary",
    response={200: SummaryOut, 403: ErrorOut},
    summary="督办概况：按级别、类型、责任单位计数（督办员、领导、管理员）",
)
def summary(request):
    if not can_see_supervision(request.user):
        raise PermissionDenied("只有督办员、领导或管理员可以查看督办概况")
    board = selectors.dashboard(user=request.user)
    return {
        "total": board.total,
        "feedback_overdue": board.feedback_overdue,
        "by_level": [{"key": k, "label": label, "count": n} for k, label, n in board.by_level],
        "by_category": [{"key": k, "label": label, "count": n} for k, label, n in board.by_category],
        "by_unit": board.by_unit,
    }


@router.get(
    "/supervision/items/{item_id}",
    response={200: ItemDetailOut, 404: ErrorOut},
    summary="督办事项详情：通知书、反馈和督办记录",
)
def get_item(request, item_id: int):
    return _detail(request, item_id)


@router.post(
    "/supervision/items/{item_id}/notices",
    response={201: ItemDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="发出督办通知书（信访局督办员）",
    description="级别不能降低；已有待反馈的通知书时只能发出更高级别（即升级督办）。",
)
def issue_notice(request, item_id: int, body: NoticeIn):
    addressee = None
    if body.addressee_id is not None:
        addressee = Organisation.objects.filter(pk=body.addressee_id).first()
        if addressee is None:
            raise ValidationError({"addressee_id": [f"编号 {body.addressee_id} 不存在"]})
    try:
        services.supervision_notice_issue(
            actor=request.user,
            item=_item(request, item_id),
            level=body.level,
            feedback_due_on=body.feedback_due_on,
            addressee=addressee,
            requirement=body.requirement,
        )
    except ValidationError as exc:
        raise ValidationError(
            {{"addressee": "addressee_id"}.get(k, k): v for k, v in exc.message_dict.items()}
        ) from exc
    return Status(201, _detail(request, item_id))


@router.post(
    "/supervision/items/{item_id}/escalate",
    response={201: ItemDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="升级督办：提醒 → 督办 → 挂牌督办，新的通知书和反馈期限",
)
def escalate(request, item_id: int, body: EscalateIn):
    services.supervision_item_escalate(
        actor=request.user,
        item=_item(request, item_id),
        feedback_due_on=body.feedback_due_on,
        requirement=body.requirement,
    )
    return Status(201, _detail(request, item_id))


@router.post(
    "/supervision/items/{item_id}/follow-ups",
    response={200: ItemDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="记录跟踪问效情况",
)
def follow_up(request, item_id: int, body: NoteIn):
    services.supervision_follow_up(actor=request.user, item=_item(request, item_id), note=body.note)
    return _detail(request, item_id)


@router.post(
    "/supervision/items/{item_id}/close",
    response={200: ItemDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="办结督办事项（须写明办结说明）",
)
def close(request, item_id: int, body: NoteIn):
    services.supervision_item_close(actor=request.user, item=_item(request, item_id), note=body.note)
    return _detail(request, item_id)


def _notice(request, notice_id: int) -> SupervisionNotice:
    try:
        return selectors.notice_get(user=request.user, pk=notice_id)
    except SupervisionNotice.DoesNotExist as exc:
        raise Http404 from exc


@router.post(
    "/supervision/notices/{notice_id}/feedback",
    response={201: ItemDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="主送单位书面反馈",
)
def submit_feedback(request, notice_id: int, body: FeedbackIn):
    notice = _notice(request, notice_id)
    services.supervision_feedback_submit(actor=request.user, notice=notice, text=body.text)
    return Status(201, _detail(request, notice.item_id))


@router.post(
    "/supervision/notices/{notice_id}/accept",
    response={200: ItemDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="认可反馈（信访局督办员）",
)
def accept_feedback(request, notice_id: int, body: NoteIn):
    notice = _notice(request, notice_id)
    services.supervision_feedback_accept(actor=request.user, notice=notice, note=body.note)
    return _detail(request, notice.item_id)


@router.get(
    "/supervision/notices/{notice_id}/pdf",
    summary="督办通知书 PDF",
    response={404: ErrorOut},
)
def notice_pdf(request, notice_id: int):
    notice = _notice(request, notice_id)
    return pdf_response(notice_as_document(notice), filename=notice_filename(notice))
