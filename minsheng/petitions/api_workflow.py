"""Workflow steps through the API: the same services as the matter page, one endpoint per step."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Router, Schema

from minsheng.accounts.models import Organisation, User
from minsheng.documents.views import pdf_response

from . import selectors, services
from .api import resolve_id
from .documents import notice_as_document
from .models import HandlingNote, Matter, Notice, Rating, Reply, Routing
from .schemas import ErrorOut, MatterOut

router = Router(tags=["办理流程"])
RESPONSES = {200: MatterOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class RouteIn(Schema):
    kind: Routing.Kind
    to_org_id: int | None = None
    route: Routing.Route | None = None
    guidance: str = Field("", max_length=2000)
    note: str = Field("", max_length=5000)
    report_due_on: dt.date | None = None


class NoteIn(Schema):
    note: str = Field("", max_length=5000)


class ReasonIn(Schema):
    reason: str = Field(..., max_length=5000)


class HandlingNoteIn(Schema):
    kind: HandlingNote.Kind
    text: str = Field(..., max_length=20000)
    agreement_reached: bool = False


class ExtensionIn(Schema):
    days: int = Field(..., ge=1, le=365)
    reason: str = Field(..., max_length=5000)
    approved_by_id: int


class OpinionIn(Schema):
    request: str = Field(..., max_length=20000)
    facts_and_reasons: str = Field(..., max_length=20000)
    text: str = Field(..., max_length=20000)
    basis: str = Field(..., max_length=20000)
    outcome: Reply.Outcome
    served_on: dt.date | None = None


class ReconsiderationIn(Schema):
    reason: str = Field("", max_length=5000)
    requested_on: dt.date | None = None


class HearingIn(Schema):
    days: int = Field(..., ge=1, le=365)
    note: str = Field("", max_length=2000)


class RatingIn(Schema):
    value: Rating.Value
    comment: str = Field("", max_length=2000)


class RatingOut(Schema):
    id: int
    matter_id: int
    reply_id: int
    value: str
    comment: str
    source: str
    recorded_by_id: int | None
    recorded_at: dt.datetime
    is_current: bool


class NoticeOut(Schema):
    id: int
    kind: str
    title: str
    number: str
    addressee: str
    issued_on: dt.date
    paragraphs: list[str]


def _matter(request, matter_id: int) -> Matter:
    try:
        return selectors.matter_get(user=request.user, pk=matter_id)
    except Matter.DoesNotExist as exc:
        raise Http404 from exc


def _done(request, matter_id: int) -> Matter:
    return selectors.matter_get(user=request.user, pk=matter_id)


def _find(model, pk, field: str):
    errors: dict[str, list[str]] = {}
    found = resolve_id(model, pk, field, errors)
    if errors:
        raise ValidationError(errors)
    return found


@router.post(
    "/matters/{matter_id}/route", response=RESPONSES, summary="转送、交办或依法分类导入（第二十二、三十一条）"
)
def route(request, matter_id: int, body: RouteIn):
    services.matter_route(
        actor=request.user,
        matter=_matter(request, matter_id),
        kind=body.kind,
        to_org=_find(Organisation, body.to_org_id, "to_org_id"),
        route=body.route or "",
        guidance=body.guidance,
        note=body.note,
        report_due_on=body.report_due_on,
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/accept", response=RESPONSES, summary="受理")
def accept(request, matter_id: int, body: NoteIn):
    services.matter_accept(actor=request.user, matter=_matter(request, matter_id), note=body.note)
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/reject", response=RESPONSES, summary="不予受理")
def reject(request, matter_id: int, body: ReasonIn):
    services.matter_reject(actor=request.user, matter=_matter(request, matter_id), reason=body.reason)
    return _done(request, matter_id)


@router.post(
    "/matters/{matter_id}/object", response=RESPONSES, summary="提出异议，退回转送单位（第二十三条）"
)
def object_(request, matter_id: int, body: ReasonIn):
    services.matter_object(actor=request.user, matter=_matter(request, matter_id), reason=body.reason)
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/handling-notes", response=RESPONSES, summary="调查核实、调解、和解记录")
def handling_note(request, matter_id: int, body: HandlingNoteIn):
    services.handling_note_add(
        actor=request.user,
        matter=_matter(request, matter_id),
        kind=body.kind,
        text=body.text,
        agreement_reached=body.agreement_reached,
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/extension", response=RESPONSES, summary="延期（第三十四条）")
def extension(request, matter_id: int, body: ExtensionIn):
    approver = _find(User, body.approved_by_id, "approved_by_id")
    services.matter_extend(
        actor=request.user,
        matter=_matter(request, matter_id),
        days=body.days,
        reason=body.reason,
        approved_by=approver,
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/reply", response=RESPONSES, summary="信访处理意见书（第三十二条）")
def reply(request, matter_id: int, body: OpinionIn):
    services.matter_reply(actor=request.user, matter=_matter(request, matter_id), **body.dict())
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/review-request", response=RESPONSES, summary="登记复查申请（第三十五条）")
def review_request(request, matter_id: int, body: ReconsiderationIn):
    services.reconsideration_request(
        actor=request.user, matter=_matter(request, matter_id), stage="review", **body.dict()
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/review", response=RESPONSES, summary="复查意见")
def review(request, matter_id: int, body: OpinionIn):
    services.reconsideration_decide(
        actor=request.user, matter=_matter(request, matter_id), stage="review", **body.dict()
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/recheck-request", response=RESPONSES, summary="登记复核申请（第三十六条）")
def recheck_request(request, matter_id: int, body: ReconsiderationIn):
    services.reconsideration_request(
        actor=request.user, matter=_matter(request, matter_id), stage="recheck", **body.dict()
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/hearing", response=RESPONSES, summary="听证（不计入复核期限）")
def hearing(request, matter_id: int, body: HearingIn):
    services.recheck_hearing_record(
        actor=request.user, matter=_matter(request, matter_id), days=body.days, note=body.note
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/recheck", response=RESPONSES, summary="复核意见（事项终结）")
def recheck(request, matter_id: int, body: OpinionIn):
    services.reconsideration_decide(
        actor=request.user, matter=_matter(request, matter_id), stage="recheck", **body.dict()
    )
    return _done(request, matter_id)


@router.post("/matters/{matter_id}/close", response=RESPONSES, summary="请求期限届满后办结")
def close(request, matter_id: int):
    services.matter_close(actor=request.user, matter=_matter(request, matter_id))
    return _done(request, matter_id)


@router.post(
    "/matters/{matter_id}/rating",
    response={200: RatingOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="记录满意度评价（第二十一条）；再次记录即替换当前评价",
)
def rating(request, matter_id: int, body: RatingIn):
    return services.matter_rate(
        actor=request.user, matter=_matter(request, matter_id), value=body.value, comment=body.comment
    )


@router.get(
    "/matters/{matter_id}/notices", response={200: list[NoticeOut], 404: ErrorOut}, summary="文书列表"
)
def notices(request, matter_id: int):
    return list(_matter(request, matter_id).notices.all())


@router.get("/notices/{notice_id}/pdf", summary="文书 PDF", response={404: ErrorOut})
def notice_pdf(request, notice_id: int):
    try:
        notice = selectors.notice_get(user=request.user, pk=notice_id)
    except Notice.DoesNotExist as exc:
        raise Http404 from exc
    return pdf_response(notice_as_document(notice), filename=f"{notice.title}-{notice.matter.number}.pdf")
