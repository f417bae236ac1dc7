"""Legal opinions, mediation records and a matter's legal box."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status

from minsheng.petitions.models import Matter
from minsheng.petitions.schemas import ErrorOut, OrganisationRef
from minsheng.petitions.selectors import matters_visible_to

from .. import selectors, services
from ..models import LegalOpinion, Mediation
from ..permissions import is_lawyer
from . import router
from ._common import Ref, renamed, require_seeing, user_or_error
from .assignments import AssignmentOut, MatterRef, assignment_out
from .roster import UserRef

# --- opinions ---------------------------------------------------------------------------------------


class OpinionIn(Schema):
    assignment_id: int
    facts: str = Field(..., max_length=10000, description="律师了解的事实")
    analysis: str = Field(..., max_length=20000, description="法律分析")
    route: str = Field(
        ...,
        description="第三十一条的处理途径：litigation（一）、arbitration（二）、party_appeal（三）、"
        "administrative（四）、duty（五）、petition（六）",
    )
    basis: str = Field(..., max_length=5000, description="法律依据：法律法规及条款")
    given_on: dt.date | None = Field(None, description="出具日期，默认今天")


class OpinionOut(Schema):
    id: int
    assignment_id: int
    matter: MatterRef
    lawyer: UserRef
    facts: str
    analysis: str
    route: str
    route_label: str
    basis: str
    given_on: dt.date


class OpinionQuery(Schema):
    matter_id: int | None = None


def _opinion_out(o: LegalOpinion) -> dict:
    return {
        "id": o.pk,
        "assignment_id": o.assignment_id,
        "matter": {"id": o.matter_id, "number": o.matter.number},
        "lawyer": Ref.user(o.lawyer),
        "facts": o.facts,
        "analysis": o.analysis,
        "route": o.route,
        "route_label": o.get_route_display(),
        "basis": o.basis,
        "given_on": o.given_on,
    }


@router.get("/legal/opinions", response={200: list[OpinionOut], 403: ErrorOut}, summary="法律意见")
def list_opinions(request, query: Query[OpinionQuery]):
    require_seeing(request)
    opinions = selectors.opinions_visible_to(user=request.user)
    if query.matter_id is not None:
        opinions = opinions.filter(matter_id=query.matter_id)
    return [_opinion_out(o) for o in opinions.order_by("-given_on", "-pk")[:200]]


@router.get(
    "/legal/opinions/{opinion_id}",
    response={200: OpinionOut, 403: ErrorOut, 404: ErrorOut},
    summary="一份法律意见",
)
def get_opinion(request, opinion_id: int):
    require_seeing(request)
    try:
        return _opinion_out(selectors.opinion_get(user=request.user, pk=opinion_id))
    except LegalOpinion.DoesNotExist as exc:
        raise Http404 from exc


@router.post(
    "/legal/opinions",
    response={201: OpinionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="出具法律意见（已声明无利益冲突的律师本人）",
)
def create_opinion(request, body: OpinionIn):
    require_seeing(request)
    assignment = selectors.assignments_visible_to(user=request.user).filter(pk=body.assignment_id).first()
    if assignment is None:
        raise ValidationError(
            {"assignment_id": [_("指派 %(id)s 不存在，或您无权查看") % {"id": body.assignment_id}]}
        )
    opinion = services.legal_opinion_give(
        actor=request.user,
        assignment=assignment,
        facts=body.facts,
        analysis=body.analysis,
        route=body.route,
        basis=body.basis,
        given_on=body.given_on,
    )
    return Status(201, _opinion_out(opinion))


# --- mediations -------------------------------------------------------------------------------------


class MediationIn(Schema):
    matter_id: int
    held_on: dt.date
    place: str = Field(..., max_length=200)
    parties: str = Field(..., max_length=2000, description="当事人")
    lawyer_ids: list[int] = Field(..., max_length=10, description="参与律师（须已声明无利益冲突）")
    outcome: str = Field(..., description="agreed 达成调解协议 / failed 调解未成")
    result: str = Field(..., max_length=5000, description="协议内容，或未达成的原因")
    consent: bool = Field(..., description="争议双方当事人同意调解（第三十三条），须为 true")


class MediationOut(Schema):
    id: int
    matter: MatterRef
    organisation: OrganisationRef
    held_on: dt.date
    place: str
    parties: str
    lawyers: list[UserRef]
    outcome: str
    result: str


class MediationQuery(Schema):
    matter_id: int | None = None


def _mediation_out(m: Mediation) -> dict:
    return {
        "id": m.pk,
        "matter": {"id": m.matter_id, "number": m.matter.number},
        "organisation": Ref.org(m.organisation),
        "held_on": m.held_on,
        "place": m.place,
        "parties": m.parties,
        "lawyers": [Ref.user(u) for u in m.lawyers.all()],
        "outcome": m.outcome,
        "result": m.result,
    }


@router.get("/legal/mediations", response={200: list[MediationOut], 403: ErrorOut}, summary="调解记录")
def list_mediations(request, query: Query[MediationQuery]):
    require_seeing(request)
    mediations = selectors.mediations_visible_to(user=request.user)
    if query.matter_id is not None:
        mediations = mediations.filter(matter_id=query.matter_id)
    return [_mediation_out(m) for m in mediations.order_by("-held_on", "-pk")[:200]]


@router.post(
    "/legal/mediations",
    response={201: MediationOut, 403: ErrorOut, 422: ErrorOut},
    summary="记录调解（参与的律师或信访局督办员）",
)
def create_mediation(request, body: MediationIn):
    require_seeing(request)
    errors: dict = {}
    visible = (
        selectors.matters_open_to_lawyer(lawyer=request.user)
        if is_lawyer(request.user)
        else matters_visible_to(user=request.user)
    )
    matter = visible.filter(pk=body.matter_id).first()
    if matter is None:
        errors["matter_id"] = [_("事项 %(id)s 不存在，或您无权查看") % {"id": body.matter_id}]
    lawyers = [user_or_error(pk, "lawyer_ids", errors) for pk in body.lawyer_ids]
    if errors:
        raise ValidationError(errors)
    try:
        mediation = services.mediation_record(
            actor=request.user,
            matter=matter,
            held_on=body.held_on,
            place=body.place,
            parties=body.parties,
            lawyers=lawyers,
            outcome=body.outcome,
            result=body.result,
            consent=body.consent,
        )
    except ValidationError as exc:
        raise renamed(exc, {"matter": "matter_id", "lawyers": "lawyer_ids"}) from exc
    return Status(201, _mediation_out(mediation))


# --- a matter's legal box ---------------------------------------------------------------------------


class MatterLegalOut(Schema):
    matter: MatterRef
    opinions: list[OpinionOut]
    mediations: list[MediationOut]
    assignments: list[AssignmentOut]


@router.get(
    "/legal/matters/{matter_id}",
    response={200: MatterLegalOut, 403: ErrorOut, 404: ErrorOut},
    summary="一件信访事项的法律意见、调解和律师指派（供起草答复时参阅）",
)
def matter_legal(request, matter_id: int):
    require_seeing(request)
    visible = (
        selectors.matters_open_to_lawyer(lawyer=request.user)
        if is_lawyer(request.user)
        else matters_visible_to(user=request.user)
    )
    try:
        matter = visible.get(pk=matter_id)
    except Matter.DoesNotExist as exc:
        raise Http404 from exc
    box = selectors.legal_box_for(user=request.user, matter=matter)
    return {
        "matter": {"id": matter.pk, "number": matter.number},
        "opinions": [_opinion_out(o) for o in box.get("opinions", [])],
        "mediations": [_mediation_out(m) for m in box.get("mediations", [])],
        "assignments": [assignment_out(a) for a in box.get("assignments", [])],
    }
