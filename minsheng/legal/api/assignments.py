import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status

from minsheng.petitions.schemas import ErrorOut, OrganisationRef
from minsheng.petitions.selectors import matters_visible_to

from .. import selectors, services
from ..models import LawyerAssignment
from ..permissions import is_lawyer
from . import router
from ._common import PAGE_SIZE, Ref, pages, renamed, require_seeing, user_or_error
from .roster import UserRef


class MatterRef(Schema):
    id: int
    number: str


class PartiesOut(Schema):
    title: str
    petitioners: list[str]
    concerned_org: OrganisationRef | None
    handling_org: OrganisationRef | None
    receiving_org: OrganisationRef
    place: str


class MatterDetailOut(Schema):
    id: int
    number: str
    title: str
    nature: str
    status: str
    content: str
    demands: str
    received_at: dt.datetime
    handling_org: OrganisationRef | None
    concerned_org: OrganisationRef | None


class AssignmentOut(Schema):
    id: int
    matter: MatterRef
    lawyer: UserRef
    organisation: OrganisationRef
    status: str = Field(
        ..., description="pending 待声明 / active 参与中 / conflict 利益冲突回避 / ended 已结束"
    )
    request: str
    assigned_by: UserRef | None
    assigned_at: dt.datetime
    declared_at: dt.datetime | None
    ended_at: dt.datetime | None
    end_reason: str


class AssignmentDetailOut(AssignmentOut):
    statement: str = Field(..., description="声明无利益冲突时须确认的文字")
    declaration: str = Field(..., description="声明内容：确认的文字，或利害关系（仅律师本人和信访局可见）")
    parties: PartiesOut | None = Field(None, description="律师本人、待声明时：当事人情况")
    matter_detail: MatterDetailOut | None = Field(None, description="声明无利益冲突后的事项详情")


class AssignmentListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[AssignmentOut]


class AssignmentQuery(Schema):
    status: str = ""
    matter_id: int | None = None
    page: int = Field(1, ge=1)


class AssignmentIn(Schema):
    matter_id: int
    lawyer_id: int
    request: str = Field("", max_length=2000, description="指派事由")


class DeclarationIn(Schema):
    has_conflict: bool
    confirmed: bool = Field(False, description="无利益冲突时须为 true：确认声明文字")
    relation: str = Field("", max_length=2000, description="存在利益冲突时填写利害关系")


class EndIn(Schema):
    reason: str = Field(..., max_length=2000)


def assignment_out(a: LawyerAssignment) -> dict:
    return {
        "id": a.pk,
        "matter": {"id": a.matter_id, "number": a.matter.number},
        "lawyer": Ref.user(a.lawyer),
        "organisation": Ref.org(a.organisation),
        "status": a.status,
        "request": a.request,
        "assigned_by": Ref.user(a.assigned_by),
        "assigned_at": a.assigned_at,
        "declared_at": a.declared_at,
        "ended_at": a.ended_at,
        "end_reason": a.end_reason,
    }


def _assignment_detail(request, a: LawyerAssignment) -> dict:
    user = request.user
    own = is_lawyer(user) and a.lawyer_id == user.pk
    out = assignment_out(a)
    out["statement"] = services.NO_CONFLICT_STATEMENT
    out["declaration"] = a.declaration if (own or not is_lawyer(user)) else ""
    matter = a.matter
    if own and a.status == LawyerAssignment.Status.PENDING:
        parties = selectors.lawyer_matter_parties(matter=matter)
        out["parties"] = {
            "title": matter.title,
            "petitioners": parties["petitioners"],
            "concerned_org": Ref.org(parties["concerned_org"]),
            "handling_org": Ref.org(parties["handling_org"]),
            "receiving_org": Ref.org(parties["receiving_org"]),
            "place": parties["place"],
        }
    if (own and a.status == LawyerAssignment.Status.ACTIVE) or not is_lawyer(user):
        out["matter_detail"] = {
            "id": matter.pk,
            "number": matter.number,
            "title": matter.title,
            "nature": matter.nature,
            "status": matter.status,
            "content": matter.content,
            "demands": matter.demands,
            "received_at": matter.received_at,
            "handling_org": Ref.org(matter.handling_org),
            "concerned_org": Ref.org(matter.concerned_org),
        }
    return out


def _assignment_or_404(request, pk: int) -> LawyerAssignment:
    require_seeing(request)
    try:
        return selectors.assignment_get(user=request.user, pk=pk)
    except LawyerAssignment.DoesNotExist as exc:
        raise Http404 from exc


@router.get(
    "/legal/assignments",
    response={200: AssignmentListOut, 403: ErrorOut},
    summary="律师指派（律师：指派给本人的；工作人员：可见事项的）",
)
def list_assignments(request, query: Query[AssignmentQuery]):
    require_seeing(request)
    assignments = selectors.assignment_list(user=request.user, status=query.status)
    if query.matter_id is not None:
        assignments = assignments.filter(matter_id=query.matter_id)
    count = assignments.count()
    chosen = assignments[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {
        "count": count,
        "page": query.page,
        "pages": pages(count),
        "items": [assignment_out(a) for a in chosen],
    }


@router.post(
    "/legal/assignments",
    response={201: AssignmentDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="指派律师参与信访事项（信访局督办员）",
    description="律师须先作出利益冲突声明，才能查看事项详情和出具法律意见。",
)
def create_assignment(request, body: AssignmentIn):
    errors: dict = {}
    matter = matters_visible_to(user=request.user).filter(pk=body.matter_id).first()
    if matter is None:
        errors["matter_id"] = [_("事项 %(id)s 不存在，或您无权查看") % {"id": body.matter_id}]
    lawyer = user_or_error(body.lawyer_id, "lawyer_id", errors)
    if errors:
        raise ValidationError(errors)
    try:
        assignment = services.lawyer_assignment_create(
            actor=request.user, matter=matter, lawyer=lawyer, request=body.request
        )
    except ValidationError as exc:
        raise renamed(exc, {"matter": "matter_id", "lawyer": "lawyer_id"}) from exc
    return Status(
        201, _assignment_detail(request, selectors.assignment_get(user=request.user, pk=assignment.pk))
    )


@router.get(
    "/legal/assignments/{assignment_id}",
    response={200: AssignmentDetailOut, 403: ErrorOut, 404: ErrorOut},
    summary="一项律师指派；律师本人声明后可见事项详情",
)
def get_assignment(request, assignment_id: int):
    return _assignment_detail(request, _assignment_or_404(request, assignment_id))


@router.post(
    "/legal/assignments/{assignment_id}/declaration",
    response={200: AssignmentDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="利益冲突声明（被指派的律师本人）",
    description="无利益冲突：confirmed=true；存在利益冲突：has_conflict=true 并填写 relation，指派随即结束。",
)
def declare(request, assignment_id: int, body: DeclarationIn):
    assignment = _assignment_or_404(request, assignment_id)
    services.conflict_declaration_record(
        actor=request.user,
        assignment=assignment,
        has_conflict=body.has_conflict,
        confirmed=body.confirmed,
        relation=body.relation,
    )
    return _assignment_detail(request, selectors.assignment_get(user=request.user, pk=assignment.pk))


@router.post(
    "/legal/assignments/{assignment_id}/end",
    response={200: AssignmentDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="结束律师参与（信访局督办员）",
)
def end_assignment(request, assignment_id: int, body: EndIn):
    assignment = _assignment_or_404(request, assignment_id)
    services.lawyer_assignment_end(actor=request.user, assignment=assignment, reason=body.reason)
    return _assignment_detail(request, selectors.assignment_get(user=request.user, pk=assignment.pk))
